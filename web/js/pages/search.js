// @ts-check
import * as api from '../api.js';
import { h, replace, errorMessage } from '../dom.js';
import { buildHash } from '../lib/query.js';
import { plural } from '../lib/format.js';
import { searchState, searchParams } from '../lib/search.js';
import { searchForm } from '../components/search-form.js';
import { mountReleaseTable } from '../components/release-table.js';
import { indexerOutcomes, restingIndexers } from '../components/indexer-outcomes.js';

/** @typedef {import('../lib/search.js').SearchState} SearchState */
/** @typedef {import('../components/search-form.js').SearchFormApi} FormApi */

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
    const form = searchForm(state, [...indexers.values()].filter((ix) => ix.enableInteractiveSearch));
    formEl.replaceChildren(form.el);
    formEl.addEventListener('idk:search', (e) => submit(/** @type {CustomEvent} */ (e).detail, form), { signal });
    if (state.searched) run(state, form);
    else {
      status.dataset.state = 'idle';
      status.textContent = 'Search every indexer at once: a title, or an id such as tvdb:121361 or imdb:tt0133093. An empty search lists the newest releases.';
    }
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
