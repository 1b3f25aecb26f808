// @ts-check
import * as api from '../api.js';
import { h, emit, reportError } from '../dom.js';
import { mountCrudSection } from '../components/crud-section.js';
import { formFields } from '../components/form-fields.js';
import { openModal } from '../components/modal.js';
import { formatDateTime } from '../lib/format.js';

/**
 * Own API keys: create (the key is shown once), list without secrets, revoke.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountApiKeys(el, { signal }) {
  const listEl = h('div');
  const create = h('button', { type: 'button', class: 'btn btn-primary', id: 'create-api-key', onclick: createKey }, 'Create API key');
  el.replaceChildren(h('p', { class: 'muted' }, 'Keys let scripts and other apps use the API with an ', h('code', null, 'X-Api-Key'), ' header. ', create), listEl);
  const section = mountCrudSection(listEl, {
    signal,
    title: 'API keys',
    noun: 'API key',
    path: '/auth/api-keys',
    describe: (k) => k.name,
    columns: [
      { label: 'Name', cell: (k) => k.name },
      { label: 'Key', cell: (k) => h('span', { class: 'mono' }, `${k.prefix}…`) },
      { label: 'Created', cell: (k) => formatDateTime(k.createdAt) },
      { label: 'Last used', cell: (k) => formatDateTime(k.lastUsedAt) },
    ],
  });

  async function createKey() {
    const form = formFields([{ name: 'name', label: 'Name', required: true, placeholder: 'e.g. backup script' }]);
    /** @type {any} */
    let created = null;
    await openModal({
      title: 'Create API key', body: form.el, signal,
      actions: [{ label: 'Cancel', value: 'cancel' }, { label: 'Create', value: 'create', kind: 'primary', submit: true }],
      onAction: async (value) => {
        if (value !== 'create') return true;
        if (!form.validate()) return false;
        try { created = await api.post('/auth/api-keys', form.values(), { signal }); } catch (err) { form.showError(err); return false; }
        return true;
      },
    });
    if (!created) return;
    await section.reload();
    await showOnce(created.key || '');
  }

  async function showOnce(/** @type {string} */ key) {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'text', readonly: true, value: key, class: 'mono key-value', id: 'new-api-key', 'aria-label': 'New API key' }));
    const copy = h('button', { type: 'button', class: 'btn', onclick: () => copyKey(input) }, 'Copy');
    await openModal({
      title: 'Your new API key', signal,
      body: [h('p', null, 'Copy it now: it is shown only this once and cannot be retrieved later.'), h('div', { class: 'key-row' }, input, copy)],
      actions: [{ label: 'Done', value: 'done', kind: 'primary' }],
    });
  }

  async function copyKey(/** @type {HTMLInputElement} */ input) {
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      emit(el, 'toast', { kind: 'success', message: 'Copied.' });
    } catch (err) {
      // Clipboard needs a secure context (HTTPS or localhost); the key is selected for manual copy.
      emit(el, 'toast', { kind: 'info', message: 'Press Ctrl+C (or ⌘C) to copy the selected key.' });
      if (!(err instanceof DOMException)) reportError(el, err);
    }
  }
}
