// @ts-check
import * as api from '../api.js';
import { h, replace, errorMessage } from '../dom.js';
import { buildHash } from '../lib/query.js';
import { plural } from '../lib/format.js';
import { searchState, searchParams, idList } from '../lib/search.js';
import { formFields } from '../components/form-fields.js';
import { mountReleaseTable } from '../components/release-table.js';
import { indexerOutcomes, restingIndexers } from '../components/indexer-outcomes.js';

/** @typedef {ReturnType<typeof searchState>} SearchState */

const TYPES = [
  { value: 'search', label: 'Anything' }, { value: 'tvsearch', label: 'TV episodes' }, { value: 'movie', label: 'Movies' },
];
/** Fields shown only for some types. */
const FOR_TYPE = { season: 'tvsearch', episode: 'tvsearch', year: 'movie' };

/**
 * Search: every indexer at once (Prowlarr's and Sonarr's search page). The search lives in the
 * hash (#/search?query=…&type=…) so back, forward and reload repeat it; the results sort and
 * filter here, in the browser.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountSearch(el, { query, signal, user }) {
  if (user?.role !== 'admin') {
    replace(el, h('h1', null, 'Search'), h('p', { class: 'muted' }, 'Only admins can search the indexers: every search spends their request quotas.'));
    return;
  }
  const state = searchState(query);
  /** @type {AbortController|null} */
  let inflight = null;
  /** @type {Map<number, import('../types.js').Indexer>} */
  let indexers = new Map();
  signal.addEventListener('abort', () => inflight?.abort());

  const formEl = h('div', { class: 'panel search-panel' }, h('p', { class: 'loading' }, 'Loading…'));
  const status = h('p', { class: 'search-status', id: 'search-status', role: 'status' });
  const outcomesEl = h('div', { id: 'search-indexers' });
  const tableEl = h('div', { id: 'search-releases' });
  const results = h('section', { class: 'search-results', id: 'search-results', 'aria-labelledby': 'search-status', hidden: true },
    outcomesEl, tableEl);
  const table = mountReleaseTable(tableEl, { caption: 'Releases found', filters: true, idPrefix: 'search', empty: 'No releases found.' });
  replace(el, h('h1', null, 'Search'), formEl, status, results);
  start();

  async function start() {
    try {
      const all = await api.list('/indexers', { signal });
      indexers = new Map(all.map((ix) => [ix.id, ix]));
    } catch (err) {
      if (/** @type {any} */ (err)?.name === 'AbortError') return;
      showFailure(err);
    }
    const form = buildForm(state, [...indexers.values()].filter((ix) => ix.enableInteractiveSearch));
    formEl.replaceChildren(form.el);
    if (state.searched) run(state, form);
    else status.textContent = 'Search every indexer at once: a title, or an id such as tvdb:121361 or imdb:tt0133093. An empty search lists the newest releases.';
  }

  /** The form: query, type and the button on top; season, episode, year, indexers, categories. */
  function buildForm(/** @type {SearchState} */ s, /** @type {import('../types.js').Indexer[]} */ usable) {
    const chosen = s.indexerIds ? s.indexerIds.split(',') : usable.map((ix) => String(ix.id));
    const fields = formFields([
      { name: 'query', label: 'Search for', value: s.query, placeholder: 'Title, or tvdb:121361, imdb:tt0133093…' },
      { name: 'type', label: 'Type', type: 'select', value: s.type, options: TYPES },
      { name: 'season', label: 'Season', type: 'number', value: s.season, min: 0 },
      { name: 'episode', label: 'Episode', type: 'number', value: s.episode, min: 0 },
      { name: 'year', label: 'Year', type: 'number', value: s.year, min: 1870, max: 2200 },
      { name: 'indexerIds', label: 'Indexers', type: 'checkboxes', value: chosen,
        options: usable.map((ix) => ({ value: ix.id, label: ix.name })),
        hint: usable.length ? undefined : 'No indexer allows interactive search: add one in Settings → Indexers.' },
      { name: 'categories', label: 'Categories', value: s.categories.split(',').filter(Boolean).join(', '), placeholder: '5000, 2040',
        hint: 'Newznab category ids. Empty: all (for TV and movie searches, each indexer\'s TV or movie categories).' },
    ]);
    const wrapOf = (/** @type {string} */ name) => /** @type {HTMLElement} */ (fields.el.querySelector(`[name="${name}"]`)?.closest('.field'));
    const more = /** @type {HTMLDetailsElement} */ (h('details', { class: 'search-more', open: Boolean(s.indexerIds || s.categories) },
      h('summary', null, 'Indexers and categories'), h('div', { class: 'form-fields' }, wrapOf('indexerIds'), wrapOf('categories'))));
    const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'btn btn-primary', id: 'search-submit' }, 'Search'));
    const typeSelect = /** @type {HTMLSelectElement} */ (fields.el.querySelector('[name=type]'));
    const showTypeFields = () => {
      for (const [name, type] of Object.entries(FOR_TYPE)) wrapOf(name).hidden = typeSelect.value !== type;
    };
    typeSelect.addEventListener('change', showTypeFields);
    showTypeFields();
    const form = h('form', { class: 'search-form', id: 'search-form', novalidate: true, onsubmit: (/** @type {Event} */ e) => {
      e.preventDefault();
      const problems = formProblems(fields.values(), usable);
      if (problems.length) {
        if (problems.some((p) => p.field === 'indexerIds' || p.field === 'categories')) more.open = true;
        fields.showError({ title: '', errors: problems });
      } else submit(readForm(fields.values(), usable), formApi);
    } }, fields.el, h('div', { class: 'search-actions' }, button), more);
    const formApi = { el: form, fields, button, more };
    return formApi;
  }

  /** Put the search in the hash (a new history entry) and run it. */
  function submit(/** @type {SearchState} */ s, /** @type {FormApi} */ form) {
    const next = buildHash('/search', searchParams(s));
    if (location.hash !== next) history.pushState(null, '', next);
    run(s, form);
  }

  async function run(/** @type {SearchState} */ s, /** @type {FormApi} */ form) {
    inflight?.abort();
    const mine = new AbortController();
    inflight = mine;
    form.fields.clearErrors();
    setBusy(form, true);
    try {
      const data = await api.get('/search', { query: searchParams(s), signal: mine.signal });
      indexers = (await restingIndexers(data.indexers, mine.signal)) || indexers;
      show(data);
    } catch (err) {
      if (/** @type {any} */ (err)?.name === 'AbortError') return;
      if (/** @type {any} */ (err)?.status === 400) {
        form.fields.showError(err);
        if (/** @type {any} */ (err).errors.some((/** @type {any} */ e) => /categor|indexer/i.test(e.field))) form.more.open = true;
      }
      showFailure(err);
    } finally {
      if (inflight === mine) setBusy(form, false);
    }
  }

  function show(/** @type {import('../types.js').SearchResults} */ data) {
    const answered = data.indexers.filter((o) => o.state === 'ok').length;
    status.className = 'search-status';
    status.dataset.state = 'done';
    status.textContent = `${plural(data.releases.length, 'release')} from ${answered} of ${plural(data.indexers.length, 'indexer')}.`;
    outcomesEl.replaceChildren(indexerOutcomes(data.indexers, indexers));
    table.update(data.releases);
    results.hidden = false;
  }

  function showFailure(/** @type {any} */ err) {
    status.className = 'search-status form-error';
    status.dataset.state = 'error';
    status.textContent = `The search failed: ${errorMessage(err)}`;
    results.hidden = true;
  }

  function setBusy(/** @type {FormApi} */ form, /** @type {boolean} */ busy) {
    form.button.disabled = busy;
    form.button.textContent = busy ? 'Searching…' : 'Search';
    results.setAttribute('aria-busy', String(busy));
    if (busy) {
      status.className = 'search-status is-busy';
      status.dataset.state = 'busy';
      status.textContent = 'Searching the indexers…';
    }
  }
}

/** @typedef {{ el: HTMLElement, fields: ReturnType<typeof formFields>, button: HTMLButtonElement, more: HTMLDetailsElement }} FormApi */

/** What the form holds that the server would refuse, by field. */
function formProblems(/** @type {Record<string, any>} */ v, /** @type {import('../types.js').Indexer[]} */ usable) {
  const problems = [];
  if (usable.length && !(v.indexerIds || []).length) problems.push({ field: 'indexerIds', message: 'Tick at least one indexer.' });
  if (String(v.categories || '').split(/[\s,]+/).some((c) => c && !/^\d{1,9}$/.test(c))) {
    problems.push({ field: 'categories', message: 'Categories are whole numbers such as 5000 or 2040, separated by commas.' });
  }
  return problems;
}

/** The search the form holds; every usable indexer ticked means "all" (no indexerIds). */
function readForm(/** @type {Record<string, any>} */ v, /** @type {import('../types.js').Indexer[]} */ usable) {
  const ticked = /** @type {string[]} */ (v.indexerIds || []);
  const all = usable.length > 0 && ticked.length === usable.length;
  return searchState({
    query: String(v.query || ''), type: String(v.type || 'search'),
    season: v.season === null ? '' : String(v.season), episode: v.episode === null ? '' : String(v.episode),
    year: v.year === null ? '' : String(v.year),
    indexerIds: all ? '' : idList(ticked.join(',')), categories: idList(v.categories),
  });
}
