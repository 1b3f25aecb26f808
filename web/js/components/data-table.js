// @ts-check
import { h, replace, emit } from '../dom.js';
import { sortedOrder } from '../lib/list.js';

/**
 * @typedef {object} Column
 * @property {string} label
 * @property {(row: any) => import('../dom.js').Child} cell
 * @property {string} [className]
 * @property {string} [key]                        names the column in the sort state
 * @property {(row: any) => unknown} [sortValue]   makes the column sortable (null sorts last)
 * @property {'ascending'|'descending'} [firstDirection]  the direction of a first click (default ascending)
 */

/** @typedef {{ key: string, direction: 'ascending'|'descending' }} SortState */

/**
 * A table that becomes a list of cards on narrow screens (CSS uses each cell's data-label).
 * Columns with a `sortValue` sort on a click of their header (a second click reverses); on a
 * phone, where the headers are hidden, a "Sort by" select does the same. Sorting happens here, on
 * the rows given to update(); `idk:sort` ({ key, direction }) tells the owner.
 * @param {HTMLElement} el
 * @param {{ columns: Column[], rowKey?: (row: any) => string|number, empty?: string|Node, caption?: string, sort?: SortState|null, signal?: AbortSignal }} props
 */
export function mountDataTable(el, { columns, rowKey = (r) => r.id, empty = 'Nothing here yet.', caption, sort = null }) {
  const sortable = columns.filter((c) => c.sortValue && c.key);
  /** @type {SortState|null} */
  let order = sort;
  /** @type {any[]} */
  let rows = [];
  const headRow = h('tr');
  const tbody = h('tbody');
  const table = h('table', { class: 'data-table' },
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null, h('thead', null, headRow), tbody);
  const emptyEl = h('div', { class: 'empty-state' }, empty);
  const wrap = h('div', { class: 'table-wrap' }, table);
  const picker = sortable.length ? sortPicker() : null;
  el.replaceChildren(...(picker ? [picker.el, wrap, emptyEl] : [wrap, emptyEl]));
  renderHead();

  function renderHead() {
    replace(headRow, columns.map((c) => {
      if (!sortable.includes(c)) return h('th', { scope: 'col', class: c.className }, c.label);
      const current = order && order.key === c.key ? order.direction : null;
      return h('th', { scope: 'col', class: c.className, 'aria-sort': current || 'none', 'data-sort-key': c.key },
        h('button', { type: 'button', class: 'sort-button', onclick: () => toggle(c) },
          c.label, h('span', { class: ['sort-mark', current && `sort-${current}`], 'aria-hidden': 'true' })));
    }));
    picker?.sync();
  }

  function toggle(/** @type {Column} */ c) {
    const first = c.firstDirection || 'ascending';
    const direction = order && order.key === c.key ? (order.direction === 'ascending' ? 'descending' : 'ascending') : first;
    setSort({ key: /** @type {string} */ (c.key), direction });
  }

  function setSort(/** @type {SortState|null} */ next) {
    order = next;
    renderHead();
    render();
    emit(el, 'sort', next);
  }

  /** The phone's way to sort: one select of "Column ↑ / ↓" choices. */
  function sortPicker() {
    const select = /** @type {HTMLSelectElement} */ (h('select', {
      class: 'table-sort-select',
      onchange: () => {
        const [key, direction] = select.value.split(':');
        setSort(key ? { key, direction: direction === 'descending' ? 'descending' : 'ascending' } : null);
      },
    }, h('option', { value: '' }, 'As listed'), sortable.flatMap((c) => [
      h('option', { value: `${c.key}:ascending` }, `${c.label} ↑`),
      h('option', { value: `${c.key}:descending` }, `${c.label} ↓`)])));
    const label = h('label', { class: 'table-sort' }, h('span', { class: 'filter-label' }, 'Sort by'), select);
    return { el: label, sync: () => { select.value = order ? `${order.key}:${order.direction}` : ''; } };
  }

  function sorted() {
    const column = order && sortable.find((c) => c.key === order?.key);
    if (!order || !column?.sortValue) return rows;
    const valueOf = column.sortValue;
    return sortedOrder(rows.map((r) => valueOf(r)), order.direction).map((i) => rows[i]);
  }

  function render() {
    const shown = sorted();
    replace(tbody, shown.map((row) => h('tr', { 'data-key': String(rowKey(row)) },
      columns.map((c) => h('td', { class: c.className, 'data-label': c.label }, c.cell(row))))));
    wrap.hidden = shown.length === 0;
    emptyEl.hidden = shown.length > 0;
    if (picker) picker.el.hidden = shown.length < 2;
  }

  return {
    /** Render exactly these rows (idempotent), in the current sort order. */
    update(/** @type {any[]} */ next) {
      rows = next;
      render();
    },
  };
}
