// @ts-check
import { h, replace } from '../dom.js';

/**
 * @typedef {object} Column
 * @property {string} label
 * @property {(row: any) => import('../dom.js').Child} cell
 * @property {string} [className]
 */

/**
 * A table that becomes a list of cards on narrow screens (CSS uses each cell's data-label).
 * @param {HTMLElement} el
 * @param {{ columns: Column[], rowKey?: (row: any) => string|number, empty?: string|Node, caption?: string, signal?: AbortSignal }} props
 */
export function mountDataTable(el, { columns, rowKey = (r) => r.id, empty = 'Nothing here yet.', caption }) {
  const tbody = h('tbody');
  const table = h('table', { class: 'data-table' },
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.className }, c.label)))),
    tbody);
  const emptyEl = h('div', { class: 'empty-state' }, empty);
  const wrap = h('div', { class: 'table-wrap' }, table);
  el.replaceChildren(wrap, emptyEl);
  return {
    /** Render exactly these rows (idempotent). */
    update(/** @type {any[]} */ rows) {
      replace(tbody, rows.map((row) => h('tr', { 'data-key': String(rowKey(row)) },
        columns.map((c) => h('td', { class: c.className, 'data-label': c.label }, c.cell(row))))));
      wrap.hidden = rows.length === 0;
      emptyEl.hidden = rows.length > 0;
    },
  };
}
