// @ts-check
import * as api from '../api.js';
import { h, replace, reportError } from '../dom.js';
import { buildHash, pageCount } from '../lib/query.js';
import { episodeCode, formatDateTime, humanize } from '../lib/format.js';
import { mountDataTable } from '../components/data-table.js';
import { mountPager } from '../components/pager.js';

const TABS = [['missing', 'Missing'], ['cutoff', 'Cutoff unmet']];
const SORTS = [['airDateUtc', 'Air / release date'], ['title', 'Title'], ['year', 'Year']];
const PAGE_SIZES = [25, 50, 100, 250];
const DEFAULTS = Object.freeze({ page: 1, pageSize: 50, sortKey: 'airDateUtc', sortDirection: 'descending', monitored: 'true' });

/**
 * Wanted: what is missing, and what has a file below its profile's cutoff (#/wanted/missing,
 * #/wanted/cutoff), as a paged table. Paging and sorting live in the hash query.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountWanted(el, { params, query, signal }) {
  const tab = params.tab === 'cutoff' ? 'cutoff' : 'missing';
  let state = readState(query);
  /** @type {AbortController|null} */
  let inflight = null;

  const tabs = h('nav', { class: 'tabs', 'aria-label': 'Wanted lists' }, TABS.map(([key, label]) =>
    h('a', { class: 'tab', href: `#/wanted/${key}`, id: `wanted-tab-${key}`, 'aria-current': key === tab ? 'page' : null }, label)));
  const controls = h('div', { class: 'filters' });
  const results = h('div', { class: 'results' }, h('p', { class: 'loading' }, 'Loading…'));
  const pagerEl = h('nav', { 'aria-label': 'Pages' });
  const pager = mountPager(pagerEl);
  const table = mountDataTable(results, {
    columns: tab === 'cutoff' ? [...COLUMNS, QUALITY] : COLUMNS,
    rowKey: (r) => `${r.mediaId}-${r.episodeId ?? 'movie'}`,
    caption: tab === 'cutoff' ? 'Cutoff unmet' : 'Missing',
    empty: tab === 'cutoff' ? 'Every file meets its quality profile\'s cutoff.' : 'Nothing is missing.',
  });
  el.replaceChildren(h('div', { class: 'section-head' }, h('h1', null, 'Wanted')), tabs, controls, results, pagerEl);
  el.addEventListener('idk:page', (e) => setState({ page: /** @type {CustomEvent} */ (e).detail.page }, false), { signal });
  signal.addEventListener('abort', () => inflight?.abort());
  buildControls();
  load();

  function setState(/** @type {Partial<typeof state>} */ patch, resetPage = true) {
    state = readState(Object.fromEntries(Object.entries({ ...state, ...patch, ...(resetPage ? { page: 1 } : {}) })
      .map(([k, v]) => [k, String(v)])));
    history.replaceState(null, '', buildHash(`/wanted/${tab}`, state, DEFAULTS));
    load();
  }

  async function load() {
    inflight?.abort();
    inflight = new AbortController();
    try {
      const data = await api.get(`/wanted/${tab}`, { query: state, signal: inflight.signal });
      const last = pageCount(data?.totalRecords || 0, state.pageSize);
      if (state.page > last) return setState({ page: last }, false);
      table.update(data.records || []);
      pager.update({ page: state.page, pageSize: state.pageSize, totalRecords: data.totalRecords || 0 });
    } catch (err) { reportError(el, err); }
  }

  function buildControls() {
    const select = (/** @type {string} */ key, /** @type {string} */ label, /** @type {string[][]} */ options) =>
      h('label', { class: 'filter' }, h('span', { class: 'filter-label' }, label),
        h('select', { name: key, id: `wanted-${key}`, onchange: (/** @type {Event} */ e) => setState({ [key]: /** @type {HTMLSelectElement} */ (e.target).value }) },
          options.map(([v, t]) => h('option', { value: v, selected: String(/** @type {any} */ (state)[key]) === v }, t))));
    replace(controls,
      select('sortKey', 'Sort by', SORTS),
      select('sortDirection', 'Order', [['descending', 'Newest / Z first'], ['ascending', 'Oldest / A first']]),
      select('monitored', 'Show', [['true', 'Monitored'], ['false', 'Unmonitored']]),
      select('pageSize', 'Per page', PAGE_SIZES.map((n) => [String(n), String(n)])));
  }
}

function readState(/** @type {Record<string, string>} */ query) {
  const page = Number.parseInt(query.page, 10);
  const pageSize = Number.parseInt(query.pageSize, 10);
  return {
    page: page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULTS.pageSize,
    sortKey: SORTS.some(([k]) => k === query.sortKey) ? query.sortKey : DEFAULTS.sortKey,
    sortDirection: query.sortDirection === 'ascending' ? 'ascending' : 'descending',
    monitored: query.monitored === 'false' ? 'false' : 'true',
  };
}

/** @type {import('../components/data-table.js').Column[]} */
const COLUMNS = [
  { label: 'Title', cell: (r) => h('a', { href: `#/media/${r.mediaId}` }, r.title) },
  { label: 'Episode', cell: (r) => (r.episodeId ? episodeCode(r.seasonNumber, r.episodeNumber) : humanize(r.mediaType)) },
  { label: 'Episode title', cell: (r) => r.episodeTitle || (r.year ? String(r.year) : '—') },
  { label: 'Aired / released', cell: (r) => (r.airDateUtc ? formatDateTime(r.airDateUtc) : (r.airDate || (r.date ? String(r.date).slice(0, 10) : '—'))) },
];
/** @type {import('../components/data-table.js').Column} */
const QUALITY = { label: 'Quality', cell: (r) => r.quality?.name || 'Unknown' };
