// @ts-check
// Boot and router: hash routes, the auth guard, the layout (nav, user menu, toasts).
import * as api from './api.js';
import { h, replace, reportError } from './dom.js';
import { parseHash, isSafeReturn } from './lib/query.js';
import { mountToasts } from './components/toast.js';
import { mountSetup } from './pages/setup.js';
import { mountLogin } from './pages/login.js';
import { mountMediaList } from './pages/media-list.js';
import { mountMediaDetail } from './pages/media-detail.js';
import { mountSettings } from './pages/settings.js';
import { mountSystem } from './pages/system.js';
import { mountParse } from './pages/parse.js';
import { mountNotFound } from './pages/not-found.js';
import { mountAddTitle } from './pages/add-title.js';
import { mountImport } from './pages/import.js';
import { mountCalendar } from './pages/calendar.js';
import { mountWanted } from './pages/wanted.js';
import { mountSearch } from './pages/search.js';

/**
 * @typedef {object} Route
 * @property {RegExp} pattern
 * @property {string[]} [keys]
 * @property {(el: HTMLElement, ctx: import('./types.js').MountContext) => void} mount
 * @property {boolean} [public]
 * @property {string} [nav]     which nav link is current
 * @property {string} title
 */

/** The whole route table. */
const ROUTES = /** @type {Route[]} */ ([
  { pattern: /^\/setup$/, mount: mountSetup, public: true, title: 'Set up' },
  { pattern: /^\/login$/, mount: mountLogin, public: true, title: 'Sign in' },
  { pattern: /^\/media$/, mount: mountMediaList, nav: 'media', title: 'Library' },
  { pattern: /^\/media\/(\d+)$/, keys: ['id'], mount: mountMediaDetail, nav: 'media', title: 'Library' },
  { pattern: /^\/add\/(series|movie)$/, keys: ['kind'], mount: mountAddTitle, nav: 'add', title: 'Add' },
  { pattern: /^\/import$/, mount: mountImport, nav: 'import', title: 'Import library' },
  { pattern: /^\/settings(?:\/([a-z-]+))?$/, keys: ['section'], mount: mountSettings, nav: 'settings', title: 'Settings' },
  { pattern: /^\/system$/, mount: mountSystem, nav: 'system', title: 'System' },
  { pattern: /^\/parse$/, mount: mountParse, nav: 'parse', title: 'Parse' },
  { pattern: /^\/calendar$/, mount: mountCalendar, nav: 'calendar', title: 'Calendar' },
  { pattern: /^\/wanted(?:\/(missing|cutoff))?$/, keys: ['tab'], mount: mountWanted, nav: 'wanted', title: 'Wanted' },
  { pattern: /^\/search$/, mount: mountSearch, nav: 'search', title: 'Search' },
]);

const state = {
  /** @type {import('./types.js').AuthStatus} */
  status: { setupRequired: false, registrationOpen: false, authenticated: false },
  /** @type {import('./types.js').User|null} */
  user: null,
  /** @type {AbortController|null} */
  page: null,
};

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const navEl = /** @type {HTMLElement} */ (document.getElementById('nav'));
const toastEl = /** @type {HTMLElement} */ (document.getElementById('toasts'));

function go(/** @type {string} */ hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function loginHash() {
  const here = location.hash;
  return isSafeReturn(here) ? `#/login?return=${encodeURIComponent(here)}` : '#/login';
}

/** Where a signed-out visitor must go, or null when the route may be shown. */
function guard(/** @type {Route} */ r, /** @type {string} */ path) {
  if (state.status.setupRequired) return path === '/setup' ? null : '#/setup';
  if (path === '/setup') return state.user ? '#/media' : '#/login';
  if (!r.public && !state.user) return loginHash();
  if (path === '/login' && state.user) return '#/media';
  return null;
}

function route() {
  const { path, query } = parseHash(location.hash);
  if (path === '/') return go(state.user ? '#/media' : '#/login');
  const match = findRoute(path);
  const redirect = match ? guard(match.route, path) : state.user ? null : loginHash();
  if (redirect) return go(redirect);
  state.page?.abort();
  state.page = new AbortController();
  renderNav(match?.route.nav);
  const el = h('div', { class: 'page' });
  main.replaceChildren(el);
  document.title = `${match ? match.route.title : 'Not found'} · idkarr`;
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
  const ctx = { params: match?.params || {}, query, signal: state.page.signal, user: state.user };
  (match ? match.route.mount : mountNotFound)(el, ctx);
}

/** The route for a path and its named parameters, or null. */
function findRoute(/** @type {string} */ path) {
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    /** @type {Record<string, string>} */
    const params = {};
    (route.keys || []).forEach((key, i) => { if (m[i + 1] !== undefined) params[key] = m[i + 1]; });
    return { route, params };
  }
  return null;
}

function renderNav(/** @type {string|undefined} */ current) {
  const user = state.user;
  navEl.hidden = !user;
  if (!user) return navEl.replaceChildren();
  const link = (/** @type {string} */ key, /** @type {string} */ href, /** @type {string} */ label) =>
    h('a', { class: 'nav-link', href, 'aria-current': current === key ? 'page' : null }, label);
  const menu = h('div', { class: 'nav-links', id: 'nav-links' },
    link('media', '#/media', 'Library'),
    user.role === 'admin' ? link('add', '#/add/series', 'Add') : null,
    user.role === 'admin' ? link('import', '#/import', 'Import') : null,
    user.role === 'admin' ? link('search', '#/search', 'Search') : null,
    link('calendar', '#/calendar', 'Calendar'),
    link('wanted', '#/wanted/missing', 'Wanted'),
    link('settings', '#/settings', 'Settings'),
    link('parse', '#/parse', 'Parse'),
    link('system', '#/system', 'System'),
    h('div', { class: 'user-menu' },
      h('span', { class: 'user-name', title: 'Signed in as' }, user.username),
      h('button', { type: 'button', class: 'btn btn-small', id: 'logout', onclick: logout }, 'Log out')));
  const toggle = h('button', {
    type: 'button', class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav-links',
    onclick: () => {
      const open = navEl.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', String(open));
    },
  }, h('span', { class: 'visually-hidden' }, 'Menu'), h('span', { class: 'nav-toggle-bars', 'aria-hidden': 'true' }));
  navEl.classList.remove('nav-open');
  replace(navEl, h('a', { class: 'brand', href: '#/media' }, 'idkarr'), toggle, menu);
}

async function logout() {
  try {
    await api.post('/auth/logout', undefined, { quiet401: true });
  } catch (err) {
    if (/** @type {any} */ (err)?.status !== 401) reportError(main, err);
  }
  state.user = null;
  state.status.authenticated = false;
  go('#/login');
}

document.addEventListener('idk:signed-in', (event) => {
  const { user, returnTo } = /** @type {CustomEvent} */ (event).detail || {};
  state.user = user;
  state.status = { ...state.status, setupRequired: false, authenticated: true };
  go(isSafeReturn(returnTo) ? returnTo : '#/media');
});

api.onUnauthorized(() => {
  if (!state.user) return;
  state.user = null;
  go(loginHash());
});

async function boot() {
  mountToasts(toastEl, { root: document, signal: new AbortController().signal });
  // The skip link must not change the hash: that is the router's.
  document.querySelector('.skip-link')?.addEventListener('click', (e) => { e.preventDefault(); main.focus(); });
  try {
    state.status = await api.get('/auth/status', { quiet401: true });
    if (state.status.authenticated) state.user = await api.get('/auth/me', { quiet401: true });
  } catch (err) {
    if (/** @type {any} */ (err)?.status !== 401) {
      replace(main, h('div', { class: 'page' }, h('h1', null, 'Cannot reach the server'), h('p', null, String(/** @type {any} */ (err)?.message || err))));
      return;
    }
  }
  window.addEventListener('hashchange', route);
  route();
}

boot();
