// @ts-check
import { h, reportError, emit } from '../dom.js';
import * as api from '../api.js';
import { mountDataTable } from './data-table.js';
import { formFields } from './form-fields.js';
import { openModal, confirmModal } from './modal.js';

/**
 * One settings section over a REST collection: a table, "Add", per-row "Edit" and "Delete".
 * Every settings page that is a plain list uses this instead of its own copy.
 *
 * @typedef {object} CrudConfig
 * @property {string} title                 section heading
 * @property {string} noun                  "instance", "tag"… for buttons and dialogs
 * @property {string} path                  collection path under /api/v1
 * @property {import('./data-table.js').Column[]} columns
 * @property {(item: any|null) => Promise<import('./form-fields.js').FieldDef[]> | import('./form-fields.js').FieldDef[]} [fields]  form for add (null) and edit
 * @property {(item: any|null) => Promise<FormLike> | FormLike} [editor]   a custom form instead of `fields`
 * @property {(values: Record<string, any>, item: any|null) => unknown} [toBody]   request body from form values
 * @property {boolean} [editable]           show Edit (default true when fields are given)
 * @property {(item: any) => string} describe  name used in the delete confirmation
 * @property {string} [empty]
 * @property {string} [deleteConflict]      message for a 409 on delete
 * @property {(item: any, reload: () => Promise<void>) => Node[]} [rowActions]  extra row buttons
 * @property {(items: any[]) => void} [onLoad]
 */

/** @typedef {{ el: HTMLElement, values: () => Record<string, any>, showError: (err: any) => void, validate?: () => boolean }} FormLike */

/**
 * @param {HTMLElement} el
 * @param {CrudConfig & { signal: AbortSignal }} config
 */
export function mountCrudSection(el, config) {
  const { signal } = config;
  const canAdd = Boolean(config.fields || config.editor);
  const addButton = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => edit(null) }, `Add ${config.noun}`);
  const tableEl = h('div');
  el.replaceChildren(h('div', { class: 'section-head' }, h('h2', null, config.title), canAdd ? addButton : null), tableEl);
  const table = mountDataTable(tableEl, {
    columns: [...config.columns, { label: 'Actions', className: 'col-actions', cell: actions }],
    empty: config.empty || `No ${config.noun}s yet.`,
  });

  function actions(/** @type {any} */ item) {
    const editable = canAdd && config.editable !== false;
    return h('div', { class: 'row-actions' },
      config.rowActions ? config.rowActions(item, reload) : null,
      editable ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => edit(item) }, 'Edit') : null,
      h('button', { type: 'button', class: 'btn btn-small btn-danger', onclick: () => remove(item) }, 'Delete'));
  }

  async function reload() {
    try {
      const items = await api.list(config.path, { signal });
      table.update(items);
      config.onLoad?.(items);
    } catch (err) { reportError(el, err); }
  }

  async function edit(/** @type {any|null} */ item) {
    const form = config.editor ? await config.editor(item) : config.fields ? formFields(await config.fields(item)) : null;
    if (!form) return;
    const verb = item ? 'Save' : 'Add';
    await openModal({
      title: item ? `Edit ${config.noun}` : `Add ${config.noun}`,
      body: form.el,
      signal,
      actions: [{ label: 'Cancel', value: 'cancel' }, { label: verb, value: 'save', kind: 'primary', submit: true }],
      onAction: async (value) => {
        if (value !== 'save') return true;
        if (form.validate && !form.validate()) return false;
        const body = config.toBody ? config.toBody(form.values(), item) : form.values();
        try {
          if (item) await api.put(`${config.path}/${item.id}`, body, { version: item.version, signal });
          else await api.post(config.path, body, { signal });
        } catch (err) {
          form.showError(err);
          if (/** @type {any} */ (err)?.status === 409) await reload(); // someone else changed it: show the new state
          return false;
        }
        emit(el, 'toast', { kind: 'success', message: `${capital(config.noun)} ${item ? 'saved' : 'added'}.` });
        await reload();
        return true;
      },
    });
  }

  async function remove(/** @type {any} */ item) {
    const name = config.describe(item);
    if (!(await confirmModal(`Delete ${config.noun}?`, `Delete ${config.noun} “${name}”? This cannot be undone.`))) return;
    try {
      await api.del(`${config.path}/${item.id}`, { version: item.version, signal });
      emit(el, 'toast', { kind: 'success', message: `${capital(config.noun)} deleted.` });
    } catch (err) {
      const e = /** @type {any} */ (err);
      if (e?.status === 409 && config.deleteConflict) emit(el, 'toast', { kind: 'error', message: `${config.deleteConflict} ${e.detail || ''}`.trim() });
      else reportError(el, err);
    }
    await reload();
  }

  reload();
  return { reload };
}

const capital = (/** @type {string} */ s) => s.charAt(0).toUpperCase() + s.slice(1);
