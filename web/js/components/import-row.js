// @ts-check
import { h } from '../dom.js';
import { titleWithYear, idLine } from './lookup-card.js';

/**
 * @typedef {object} ImportRow  one unmapped folder and what the user chose for it
 * @property {{ folderName: string, path: string, title?: string, year?: number, bestMatch: any, candidates: any[], error?: string }} folder
 * @property {import('./lookup-card.js').LookupResult|null} choice
 * @property {boolean} checked
 * @property {boolean} open              the "change match" search is showing
 * @property {string} term
 * @property {any[]} found               results of the last "change match" search
 * @property {string} searchError
 * @property {boolean} searching
 * @property {{ mediaId?: number, error?: string }|null} result
 */

/** "87%" for 0.87; nothing when unknown. */
export function confidenceText(/** @type {unknown} */ c) {
  return typeof c === 'number' && Number.isFinite(c) ? `${Math.round(Math.max(0, Math.min(1, c)) * 100)}%` : '—';
}

/** One folder's rows: the folder with its match, and when open, the search that changes it. */
export function importRows(/** @type {ImportRow} */ row, /** @type {number} */ index) {
  const act = (/** @type {string} */ action, /** @type {Record<string, unknown>} */ extra = {}) => ({ 'data-action': action, 'data-index': String(index), ...extra });
  const done = Boolean(row.result?.mediaId);
  const match = row.choice
    ? h('div', null, h('span', { class: 'match-title' }, titleWithYear(row.choice)),
      h('span', { class: 'muted mono match-ids' }, [row.choice.provider, idLine(row.choice)].filter(Boolean).join(' · ')))
    : h('div', null, h('span', { class: 'missing' }, 'No match'),
      row.folder.error ? h('span', { class: 'muted match-error' }, row.folder.error) : null);
  const main = h('tr', { class: ['import-row', done && 'is-done'], 'data-path': row.folder.path },
    h('td', { 'data-label': 'Import' }, h('input', { type: 'checkbox', class: 'import-check', 'aria-label': `Import ${row.folder.folderName}`,
      checked: row.checked && !done, disabled: !row.choice || done, ...act('check') })),
    h('td', { 'data-label': 'Folder' }, h('span', { class: 'mono folder-name' }, row.folder.folderName)),
    h('td', { 'data-label': 'Match' }, match),
    h('td', { 'data-label': 'Confidence', class: 'confidence' }, row.choice === row.folder.bestMatch ? confidenceText(row.choice?.confidence) : 'Chosen'),
    h('td', { 'data-label': 'Result', class: 'import-result' }, resultCell(row)),
    h('td', { class: 'col-actions' }, done ? null : h('button', { type: 'button', class: 'btn btn-small change-match', ...act('toggle') }, row.open ? 'Close' : 'Change match')));
  if (!row.open || done) return [main];
  return [main, h('tr', { class: 'match-search-row' }, h('td', { colspan: '6' }, matchSearch(row, act)))];
}

function resultCell(/** @type {ImportRow} */ row) {
  if (!row.result) return '';
  if (row.result.mediaId) return h('a', { class: 'ok', href: `#/media/${row.result.mediaId}` }, 'Imported');
  return h('span', { class: 'missing' }, row.result.error || 'Failed');
}

function matchSearch(/** @type {ImportRow} */ row, /** @type {(a: string, x?: Record<string, unknown>) => Record<string, unknown>} */ act) {
  const input = h('input', { type: 'search', class: 'match-term', value: row.term, 'aria-label': `Search a match for ${row.folder.folderName}`, ...act('term') });
  const options = row.found.length ? row.found : row.folder.candidates || [];
  return h('div', { class: 'match-search' },
    h('form', { class: 'lookup-form', ...act('search') }, input,
      h('button', { type: 'submit', class: 'btn', disabled: row.searching }, row.searching ? 'Searching…' : 'Search')),
    row.searchError ? h('p', { class: 'form-error', role: 'alert' }, row.searchError) : null,
    options.length
      ? h('ul', { class: 'match-options' }, options.map((o, i) => h('li', null,
        h('button', { type: 'button', class: 'btn btn-small match-option', ...act('pick', { 'data-option': String(i) }) }, 'Use'),
        ' ', h('span', null, titleWithYear(o)), ' ', h('span', { class: 'muted mono' }, [o.provider, idLine(o)].filter(Boolean).join(' · ')))))
      : h('p', { class: 'muted' }, 'No candidates yet: search by title or id.'));
}
