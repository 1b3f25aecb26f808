// @ts-check
import * as api from '../api.js';
import { h, replace, reportError } from '../dom.js';
import { buildHash, mediaListState, pageCount, MEDIA_DEFAULTS, PAGE_SIZES } from '../lib/query.js';
import { formatBytes, humanize } from '../lib/format.js';
import { posterCard } from '../components/poster-card.js';
import { mountDataTable } from '../components/data-table.js';
import { mountPager } from '../components/pager.js';
import { reconcileChildren } from '../components/keyed-list.js';

const VIEW_KEY = 'idkarr.mediaView';
const STATUSES = ['continuing', 'ended', 'upcoming', 'announced', 'inCinemas', 'released', 'unknown'];
const SORTS = [['title', 'Title'], ['year', 'Year'], ['added', 'Added'], ['updated', 'Updated'], ['sizeOnDisk', 'Size on disk']];

/**
 * The library: posters or a table, with paging, sorting and filters kept in the hash query.
 * Filter changes rewrite the URL with replaceState (no remount, the search box keeps focus).
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountMediaList(el, { query, signal, user }) {
  const admin = user?.role === 'admin';
  let state = mediaListState(query);
  let view = localStorage.getItem(VIEW_KEY) === 'table' ? 'table' : 'posters';
  /** @type {AbortController|null} */
  let inflight = null;
  /** @type {import('../types.js').Paged|null} */
  let data = null;

  const filters = h('div', { class: 'filters' });
  const results = h('div', { class: 'results' }, h('p', { class: 'loading' }, 'Loading…'));
  const pagerEl = h('nav', { 'aria-label': 'Pages' });
  const pager = mountPager(pagerEl);
  const grid = h('div', { class: 'poster-grid' });
  const viewButton = h('button', { type: 'button', class: 'btn', id: 'view-toggle', onclick: toggleView });
  const addLinks = admin ? h('div', { class: 'head-links' },
    h('a', { class: 'btn', href: '#/add/series', id: 'add-series-link' }, 'Add series'),
    h('a', { class: 'btn', href: '#/add/movie', id: 'add-movie-link' }, 'Add movie'),
    h('a', { class: 'btn', href: '#/import', id: 'import-link' }, 'Import')) : null;
  el.replaceChildren(h('div', { class: 'section-head' }, h('h1', null, 'Library'), h('div', { class: 'head-links' }, addLinks, viewButton)), filters, results, pagerEl);
  el.addEventListener('idk:page', (e) => setState({ page: /** @type {CustomEvent} */ (e).detail.page }, false), { signal });
  signal.addEventListener('abort', () => inflight?.abort());

  buildFilters();
  load();

  function setState(/** @type {Partial<typeof state>} */ patch, resetPage = true) {
    const merged = { ...state, ...patch, ...(resetPage ? { page: 1 } : {}) };
    state = mediaListState(Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, String(v)])));
    history.replaceState(null, '', buildHash('/media', state, MEDIA_DEFAULTS));
    load();
  }

  function toggleView() {
    view = view === 'table' ? 'posters' : 'table';
    localStorage.setItem(VIEW_KEY, view);
    update();
  }

  async function load() {
    inflight?.abort();
    inflight = new AbortController();
    const query = { ...state, tags: state.tags || undefined };
    try {
      data = await api.get('/media', { query, signal: inflight.signal });
      const last = pageCount(data?.totalRecords || 0, state.pageSize);
      if (state.page > last) return setState({ page: last }, false); // e.g. a bookmarked page that no longer exists
      update();
    } catch (err) { reportError(el, err); }
  }

  /** Render everything from `data`, `state` and `view`. */
  function update() {
    viewButton.textContent = view === 'table' ? 'Show posters' : 'Show table';
    const recs = data?.records || [];
    if (!recs.length) replace(results, emptyState());
    else if (view === 'table') mountDataTable(results, { columns: COLUMNS, caption: 'Library' }).update(recs);
    else {
      if (grid.parentElement !== results) replace(results, grid);
      reconcileChildren(grid, recs, (m) => m.id, posterCard);
    }
    pager.update({ page: state.page, pageSize: state.pageSize, totalRecords: data?.totalRecords || 0 });
  }

  function emptyState() {
    const filtered = ['instanceId', 'mediaType', 'monitored', 'status', 'tags', 'search'].some((k) => /** @type {any} */ (state)[k]);
    if (filtered) {
      return h('div', { class: 'empty-state' }, h('p', null, 'No titles match these filters.'),
        h('a', { class: 'btn', href: '#/media' }, 'Clear filters'));
    }
    return h('div', { class: 'empty-state' },
      h('h2', null, 'Your library is empty'),
      h('p', null, 'Set up an instance and a root folder in Settings, then import the folders you already have or add titles from TMDB and TVmaze.'),
      admin ? h('div', { class: 'head-links centered' },
        h('a', { class: 'btn btn-primary', href: '#/import' }, 'Import library'),
        h('a', { class: 'btn', href: '#/add/series' }, 'Add series'),
        h('a', { class: 'btn', href: '#/add/movie' }, 'Add movie'),
        h('a', { class: 'btn', href: '#/settings/instances' }, 'Go to Settings')) : null);
  }

  async function buildFilters() {
    const search = /** @type {HTMLInputElement} */ (h('input', { type: 'search', id: 'media-search', value: state.search, placeholder: 'Search titles', 'aria-label': 'Search titles' }));
    let timer = 0;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => setState({ search: search.value.trim() }), 300);
    }, { signal });
    const select = (/** @type {string} */ key, /** @type {string} */ label, /** @type {Array<[string,string]>} */ options) =>
      h('label', { class: 'filter' }, h('span', { class: 'filter-label' }, label),
        h('select', { name: key, onchange: (/** @type {Event} */ e) => setState({ [key]: /** @type {HTMLSelectElement} */ (e.target).value }) },
          options.map(([v, t]) => h('option', { value: v, selected: String(/** @type {any} */ (state)[key]) === v }, t))));
    const [instances, tags] = await Promise.all([
      api.list('/instances', { signal }).catch(() => []),
      api.list('/tags', { signal }).catch(() => []),
    ]);
    // On a phone the selects fold away behind a summary unless a filter is in use.
    const active = ['instanceId', 'mediaType', 'monitored', 'status', 'tags'].some((k) => /** @type {any} */ (state)[k]);
    const open = active || !window.matchMedia('(max-width: 600px)').matches;
    replace(filters,
      h('label', { class: 'filter filter-search' }, h('span', { class: 'filter-label' }, 'Search'), search),
      h('details', { class: 'filters-more', open }, h('summary', null, 'Filters and sorting'), h('div', { class: 'filters-grid' },
      select('instanceId', 'Instance', [['', 'All'], ...instances.map((i) => /** @type {[string,string]} */ ([String(i.id), i.name]))]),
      select('mediaType', 'Type', [['', 'All'], ['series', 'Series'], ['movie', 'Movies'], ['anime', 'Anime']]),
      select('monitored', 'Monitored', [['', 'All'], ['true', 'Monitored'], ['false', 'Unmonitored']]),
      select('status', 'Status', [['', 'All'], ...STATUSES.map((s) => /** @type {[string,string]} */ ([s, humanize(s)]))]),
      select('tags', 'Tag', [['', 'All'], ...tags.map((t) => /** @type {[string,string]} */ ([String(t.id), t.label]))]),
      select('sortKey', 'Sort by', /** @type {Array<[string,string]>} */ (SORTS)),
      select('sortDirection', 'Order', [['ascending', 'Ascending'], ['descending', 'Descending']]),
      select('pageSize', 'Per page', PAGE_SIZES.map((n) => /** @type {[string,string]} */ ([String(n), String(n)]))))));
  }
}

/** @type {import('../components/data-table.js').Column[]} */
const COLUMNS = [
  { label: 'Title', cell: (m) => h('a', { href: `#/media/${m.id}` }, m.title) },
  { label: 'Year', cell: (m) => (m.year ? String(m.year) : '—') },
  { label: 'Type', cell: (m) => humanize(m.mediaType) },
  { label: 'Status', cell: (m) => humanize(m.status) },
  { label: 'Monitored', cell: (m) => (m.monitored ? 'Yes' : 'No') },
  { label: 'Episodes', cell: (m) => (m.mediaType === 'movie' ? (m.movieFile ? 'Downloaded' : 'Missing') : `${m.statistics?.episodeFileCount ?? 0} / ${m.statistics?.episodeCount ?? 0}`) },
  { label: 'Size', cell: (m) => formatBytes(m.statistics?.sizeOnDisk ?? 0) },
];
