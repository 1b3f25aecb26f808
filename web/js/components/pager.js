// @ts-check
import { h, replace, emit } from '../dom.js';
import { pageCount } from '../lib/query.js';

/**
 * Pager: "‹ Prev  Page 2 of 7 (340)  Next ›". Emits `idk:page` ({ page }).
 * @param {HTMLElement} el
 * @param {{ signal?: AbortSignal }} [_props]
 */
export function mountPager(el, _props) {
  el.classList.add('pager');
  return {
    update(/** @type {{ page: number, pageSize: number, totalRecords: number }} */ { page, pageSize, totalRecords }) {
      const last = pageCount(totalRecords, pageSize);
      const go = (/** @type {number} */ p) => () => emit(el, 'page', { page: p });
      replace(el,
        h('button', { type: 'button', class: 'btn', disabled: page <= 1, onclick: go(page - 1) }, '‹ Prev'),
        h('span', { class: 'pager-info' }, `Page ${page} of ${last} · ${totalRecords} total`),
        h('button', { type: 'button', class: 'btn', disabled: page >= last, onclick: go(page + 1) }, 'Next ›'));
      el.hidden = totalRecords <= pageSize && page === 1;
    },
  };
}
