// @ts-check
import * as api from '../api.js';
import { h, emit, reportError } from '../dom.js';
import { mountDataTable } from '../components/data-table.js';

const SIZES = /** @type {const} */ (['minSize', 'preferredSize', 'maxSize']);

/**
 * Quality definitions: size limits in MB per minute, min ≤ preferred ≤ max, saved per row.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountQualityDefinitions(el, { signal }) {
  const tableEl = h('div');
  el.replaceChildren(h('h2', null, 'Quality definitions'), h('p', { class: 'muted' }, 'Sizes are in MB per minute of runtime.'), tableEl);
  const table = mountDataTable(tableEl, {
    columns: [
      { label: 'Quality', cell: (d) => d.title || d.quality?.name },
      ...SIZES.map((key) => ({ label: LABELS[key], cell: (/** @type {any} */ d) => sizeInput(d, key) })),
      { label: 'Actions', className: 'col-actions', cell: (d) => h('button', { type: 'button', class: 'btn btn-small', onclick: (/** @type {Event} */ e) => save(d, /** @type {HTMLElement} */ (e.target)) }, 'Save') },
    ],
  });

  async function load() {
    try { table.update(await api.list('/qualitydefinitions', { signal })); } catch (err) { reportError(el, err); }
  }

  async function save(/** @type {any} */ def, /** @type {HTMLElement} */ button) {
    const row = /** @type {HTMLElement} */ (button.closest('tr'));
    /** @type {Record<string, number>} */
    const sizes = {};
    for (const key of SIZES) sizes[key] = Number(/** @type {HTMLInputElement} */ (row.querySelector(`input[name="${key}"]`)).value);
    if (!(sizes.minSize <= sizes.preferredSize && sizes.preferredSize <= sizes.maxSize)) {
      emit(el, 'toast', { kind: 'error', message: `${def.title}: min ≤ preferred ≤ max.` });
      return;
    }
    try {
      await api.put(`/qualitydefinitions/${def.id}`, { ...def, ...sizes }, { version: def.version, signal });
      emit(el, 'toast', { kind: 'success', message: `${def.title} saved.` });
    } catch (err) { reportError(el, err); }
    load();
  }
  load();
}

const LABELS = { minSize: 'Min', preferredSize: 'Preferred', maxSize: 'Max' };

function sizeInput(/** @type {any} */ d, /** @type {string} */ key) {
  return h('input', { type: 'number', name: key, min: 0, step: 'any', value: d[key] ?? '', class: 'input-size', 'aria-label': `${LABELS[/** @type {keyof LABELS} */ (key)]} size for ${d.title}` });
}
