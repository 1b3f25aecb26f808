// @ts-check
// The releases of a search as a sortable table: the Search page's results and the interactive
// search's decisions use it. Release titles, groups and indexer names come from strangers: text.
import { h } from '../dom.js';
import { formatAge, formatBytes, formatDateTime, plural } from '../lib/format.js';
import { episodeLabel, parsedTitle, peersLabel, qualityLabel, releaseMatches, releaseSortValue, safeHttpUrl } from '../lib/releases.js';
import { mountDataTable } from './data-table.js';

/** @typedef {import('../types.js').Release} Release */
/** @typedef {import('./data-table.js').Column} Column */

const PROTOCOLS = { usenet: 'Usenet', torrent: 'Torrent' };

/**
 * The release columns, reading each row's release through `get` (a Decision holds its release).
 * @param {(row: any) => Release} get
 * @returns {Column[]}
 */
export function releaseColumns(get) {
  /** @type {(key: string) => (row: any) => unknown} */
  const by = (key) => (row) => releaseSortValue(get(row), key);
  return [
    { key: 'title', label: 'Release', className: 'col-release', sortValue: by('title'), cell: (row) => titleCell(get(row)) },
    { key: 'parsed', label: 'Parsed', className: 'col-parsed', sortValue: by('parsed'), cell: (row) => parsedCell(get(row)) },
    { key: 'quality', label: 'Quality', className: 'col-quality', sortValue: by('quality'), firstDirection: 'descending', cell: (row) => qualityLabel(get(row).parsed) },
    { key: 'size', label: 'Size', className: 'col-num col-size', sortValue: by('size'), firstDirection: 'descending', cell: (row) => formatBytes(get(row).size) },
    { key: 'age', label: 'Age', className: 'col-num col-age', sortValue: by('age'), cell: (row) => ageCell(get(row)) },
    { key: 'peers', label: 'Peers', className: 'col-num col-peers', sortValue: by('peers'), firstDirection: 'descending', cell: (row) => peersCell(get(row)) },
    { key: 'indexer', label: 'Indexer', className: 'col-indexer', sortValue: by('indexer'), cell: (row) => get(row).indexer },
  ];
}

function titleCell(/** @type {Release} */ r) {
  const href = safeHttpUrl(r.infoUrl);
  const flags = (r.indexerFlags || []).map((f) => h('span', { class: 'badge badge-flag' }, f));
  return h('div', { class: 'release-title' },
    href ? h('a', { class: 'release-name', href, target: '_blank', rel: 'noopener noreferrer' }, r.title)
      : h('span', { class: 'release-name' }, r.title),
    h('span', { class: 'release-badges' },
      h('span', { class: `badge badge-${r.protocol === 'torrent' ? 'torrent' : 'usenet'}`, 'data-protocol': r.protocol },
        PROTOCOLS[/** @type {'usenet'|'torrent'} */ (r.protocol)] || r.protocol),
      flags));
}

function parsedCell(/** @type {Release} */ r) {
  const title = parsedTitle(r.parsed);
  return h('span', { class: 'release-parsed' },
    title ? h('span', { class: 'parsed-title muted' }, title) : null,
    h('span', { class: 'parsed-label' }, episodeLabel(r.parsed)));
}

function ageCell(/** @type {Release} */ r) {
  return h('span', { title: formatDateTime(r.publishDate) }, formatAge(r.ageMinutes));
}

function peersCell(/** @type {Release} */ r) {
  return r.protocol === 'torrent' ? h('span', { title: 'Seeders / leechers' }, peersLabel(r)) : h('span', { class: 'muted' }, '—');
}

/**
 * @typedef {object} ReleaseTableProps
 * @property {(row: any) => Release} [release]   the release of a row (default: the row itself)
 * @property {Column[]} [lead]                    columns before the release's (e.g. rank)
 * @property {Column[]} [trail]                   columns after (e.g. rejection reasons)
 * @property {(row: any) => string} [rowKey]
 * @property {string} caption
 * @property {string} [empty]
 * @property {boolean} [filters]                  a text filter and a protocol filter above
 * @property {import('./data-table.js').SortState|null} [sort]
 * @property {string} [idPrefix]                  ids of the filter controls
 */

/**
 * @param {HTMLElement} el
 * @param {ReleaseTableProps} props
 */
export function mountReleaseTable(el, props) {
  const get = props.release || ((/** @type {any} */ r) => r);
  const tableEl = h('div', { class: 'release-table' });
  const filter = props.filters ? filterBar(props.idPrefix || 'releases', () => render()) : null;
  el.replaceChildren(...(filter ? [filter.el, tableEl] : [tableEl]));
  const table = mountDataTable(tableEl, {
    columns: [...(props.lead || []), ...releaseColumns(get), ...(props.trail || [])],
    rowKey: props.rowKey || ((row) => `${get(row).indexerId}|${get(row).guid}`),
    caption: props.caption,
    empty: props.empty || 'No releases.',
    sort: props.sort || null,
  });
  /** @type {any[]} */
  let rows = [];

  function render() {
    const shown = filter ? rows.filter((row) => releaseMatches(get(row), filter.text(), filter.protocol())) : rows;
    table.update(shown);
    filter?.count(shown.length, rows.length);
  }

  return {
    /** Show these rows (idempotent); the filters and the sort order stay as the user set them. */
    update(/** @type {any[]} */ next) {
      rows = next;
      render();
    },
  };
}

/** The text and protocol filters, and "12 of 105 releases shown". */
function filterBar(/** @type {string} */ prefix, /** @type {() => void} */ changed) {
  const text = /** @type {HTMLInputElement} */ (h('input', { type: 'search', id: `${prefix}-filter`, autocomplete: 'off', placeholder: 'Words in the title, group, indexer…', oninput: changed }));
  const protocol = /** @type {HTMLSelectElement} */ (h('select', { id: `${prefix}-protocol`, onchange: changed },
    h('option', { value: '' }, 'Usenet and torrents'), h('option', { value: 'usenet' }, 'Usenet only'), h('option', { value: 'torrent' }, 'Torrents only')));
  const counter = h('p', { class: 'release-count muted', id: `${prefix}-count`, 'aria-live': 'polite' });
  const el = h('div', { class: 'filters release-filters' },
    h('label', { class: 'filter filter-search', for: text.id }, h('span', { class: 'filter-label' }, 'Filter'), text),
    h('label', { class: 'filter', for: protocol.id }, h('span', { class: 'filter-label' }, 'Protocol'), protocol),
    counter);
  return {
    el,
    text: () => text.value,
    protocol: () => protocol.value,
    count(/** @type {number} */ shown, /** @type {number} */ total) {
      counter.textContent = shown === total ? plural(total, 'release') : `${shown} of ${plural(total, 'release')} shown`;
    },
  };
}
