// @ts-check
import * as api from '../api.js';
import { h, replace, reportError } from '../dom.js';
import { buildHash } from '../lib/query.js';
import {
  VIEWS, dayKey, parseDay, viewDays, shiftAnchor, queryWindow, groupByDay, entryDay, entryTime, entryDetail, feedUrl,
} from '../lib/calendar.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The calendar: month grid, week or agenda of episodes and movie releases. The view, the anchor
 * day and "show unmonitored" live in the hash query (#/calendar?view=week&date=2026-03-01).
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountCalendar(el, { query, signal }) {
  let state = readState(query);
  /** @type {AbortController|null} */
  let inflight = null;
  /** @type {any[]} */
  let entries = [];

  const title = h('h2', { class: 'calendar-title', id: 'calendar-title' });
  const body = h('div', { class: 'calendar-body', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Loading…'));
  const viewButtons = VIEWS.map((v) => h('button', {
    type: 'button', class: 'btn', 'data-view': v, onclick: () => setState({ view: v }),
  }, v[0].toUpperCase() + v.slice(1)));
  const unmonitored = /** @type {HTMLInputElement} */ (h('input', {
    type: 'checkbox', id: 'calendar-unmonitored', checked: state.unmonitored,
    onchange: () => setState({ unmonitored: unmonitored.checked }),
  }));
  const feed = h('section', { class: 'calendar-feed', 'aria-label': 'iCal feed' });
  el.replaceChildren(
    h('div', { class: 'section-head' }, h('h1', null, 'Calendar')),
    h('div', { class: 'calendar-toolbar' },
      h('div', { class: 'btn-group' },
        h('button', { type: 'button', class: 'btn', id: 'calendar-prev', 'aria-label': 'Previous', onclick: () => step(-1) }, '‹'),
        h('button', { type: 'button', class: 'btn', id: 'calendar-today', onclick: () => setState({ date: dayKey(new Date()) }) }, 'Today'),
        h('button', { type: 'button', class: 'btn', id: 'calendar-next', 'aria-label': 'Next', onclick: () => step(1) }, '›')),
      title,
      h('div', { class: 'btn-group', role: 'group', 'aria-label': 'View' }, viewButtons),
      h('label', { class: 'calendar-check' }, unmonitored, ' Show unmonitored')),
    body, feed);
  signal.addEventListener('abort', () => inflight?.abort());
  renderFeed(feed, signal);
  load();

  function step(/** @type {number} */ dir) { setState({ date: shiftAnchor(state.view, state.date, dir) }); }

  function setState(/** @type {Partial<typeof state>} */ patch) {
    state = { ...state, ...patch };
    history.replaceState(null, '', buildHash('/calendar', { view: state.view, date: state.date, unmonitored: state.unmonitored || '' },
      { view: 'month', date: dayKey(new Date()) }));
    load();
  }

  async function load() {
    inflight?.abort();
    inflight = new AbortController();
    const days = viewDays(state.view, state.date);
    update(days, true);
    try {
      const { start, end } = queryWindow(days);
      const answer = await api.get('/calendar', { query: { start, end, unmonitored: state.unmonitored || undefined }, signal: inflight.signal });
      const shown = new Set(days);
      entries = api.records(answer).filter((e) => shown.has(entryDay(e)));
      update(days, false);
    } catch (err) { reportError(el, err); }
  }

  function update(/** @type {string[]} */ days, /** @type {boolean} */ loading) {
    title.textContent = heading(state.view, state.date, days);
    for (const b of viewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === state.view));
    body.dataset.view = state.view;
    body.setAttribute('aria-busy', String(loading));
    if (loading) return;
    const byDay = groupByDay(entries);
    if (state.view === 'agenda') replace(body, agenda(days, byDay));
    else replace(body, grid(days, byDay, state.view === 'month' ? state.date.slice(0, 7) : null));
  }
}

function readState(/** @type {Record<string, string>} */ query) {
  return {
    view: VIEWS.includes(query.view) ? query.view : 'month',
    date: parseDay(query.date) ? query.date : dayKey(new Date()),
    unmonitored: query.unmonitored === 'true',
  };
}

function heading(/** @type {string} */ view, /** @type {string} */ anchor, /** @type {string[]} */ days) {
  const d = /** @type {Date} */ (parseDay(anchor));
  if (view === 'month') return `${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  return `${days[0]} – ${days[days.length - 1]}`;
}

/** One entry as a link to its title. */
function item(/** @type {any} */ e) {
  const state = e.hasFile ? 'downloaded' : (new Date(e.end) < new Date() ? 'missing' : 'upcoming');
  const time = entryTime(e);
  return h('a', {
    class: ['cal-item', `cal-${state}`, e.monitored ? null : 'cal-unmonitored', e.kind === 'episode' ? null : 'cal-movie'],
    href: `#/media/${e.mediaId}`, 'data-kind': e.kind, title: `${e.title} — ${entryDetail(e)}`,
  },
  time ? h('span', { class: 'cal-time' }, time) : null,
  h('span', { class: 'cal-name' }, e.title),
  h('span', { class: 'cal-detail' }, entryDetail(e)));
}

/** Month or week: a grid of day cells, Monday first. */
function grid(/** @type {string[]} */ days, /** @type {Record<string, any[]>} */ byDay, /** @type {string|null} */ month) {
  const today = dayKey(new Date());
  return h('div', { class: 'cal-grid', role: 'table', 'aria-label': 'Calendar' },
    h('div', { class: 'cal-row cal-head', role: 'row' }, WEEKDAYS.map((w) => h('div', { class: 'cal-weekday', role: 'columnheader' }, w))),
    chunk(days, 7).map((week) => h('div', { class: 'cal-row', role: 'row' }, week.map((day) => h('div', {
      class: ['cal-day', day === today ? 'cal-today' : null, month && !day.startsWith(month) ? 'cal-other-month' : null],
      role: 'cell', 'data-day': day,
    },
    h('div', { class: 'cal-date' }, h('span', { class: 'cal-weekday-inline' }, WEEKDAYS[(/** @type {Date} */ (parseDay(day)).getDay() + 6) % 7], ' '),
      String(Number(day.slice(8)))),
    (byDay[day] || []).map(item))))));
}

/** Agenda: only the days that have something, each with its entries. */
function agenda(/** @type {string[]} */ days, /** @type {Record<string, any[]>} */ byDay) {
  const withItems = days.filter((d) => byDay[d]?.length);
  if (!withItems.length) return h('div', { class: 'empty-state' }, 'Nothing airs or is released in these four weeks.');
  return h('ol', { class: 'cal-agenda' }, withItems.map((day) => h('li', { class: 'cal-agenda-day', 'data-day': day },
    h('h3', null, (/** @type {Date} */ (parseDay(day))).toDateString()),
    h('div', { class: 'cal-agenda-items' }, byDay[day].map(item)))));
}

function chunk(/** @type {string[]} */ list, /** @type {number} */ n) {
  const out = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

/** The iCal feed's address; the key is the user's own (keys are shown only once, when created). */
async function renderFeed(/** @type {HTMLElement} */ el, /** @type {AbortSignal} */ signal) {
  let keys = [];
  try { keys = await api.list('/auth/api-keys', { signal }); } catch { keys = []; }
  replace(el,
    h('h2', null, 'iCal feed'),
    h('p', null, 'Subscribe to this address in a calendar app (Google Calendar, Apple Calendar, Thunderbird…), with one of your API keys in place of YOUR_API_KEY:'),
    h('code', { class: 'calendar-feed-url', id: 'calendar-feed-url' }, feedUrl(location.origin)),
    h('p', null, keys.length
      ? ['Keys are shown only when created; make a new one for your calendar app under ', h('a', { href: '#/settings/api-keys' }, 'Settings → API keys'), '.']
      : ['You have no API key yet: create one under ', h('a', { href: '#/settings/api-keys', id: 'calendar-create-key' }, 'Settings → API keys'), '.']),
    h('p', { class: 'muted' }, 'Options: pastDays and futureDays (0–365), tags=1,2 (tag ids), unmonitored=true.'));
}
