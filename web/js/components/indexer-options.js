// @ts-check
// "Indexer options": the settings every indexer shares (Sonarr's Settings → Indexers → Options):
// RSS sync interval, minimum age, retention, maximum size. Saved with the version it read;
// the server's field errors show beside their fields. Emits `idk:indexer-options-saved`.
import * as api from '../api.js';
import { h, emit, errorMessage } from '../dom.js';
import { formFields } from './form-fields.js';

/** @typedef {import('../types.js').IndexerSettings} IndexerSettings */

/**
 * @param {HTMLElement} el
 * @param {{ signal: AbortSignal, admin: boolean }} props
 */
export function mountIndexerOptions(el, { signal, admin }) {
  el.classList.add('panel', 'indexer-options');
  el.id = 'indexer-options';
  const note = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const holder = h('div', null, h('p', { class: 'loading' }, 'Loading…'));
  el.replaceChildren(h('h2', null, 'Indexer options'),
    h('p', { class: 'muted' }, 'Shared by every indexer: how often RSS sync runs, and limits every release must pass.'), note, holder);
  load();

  async function load() {
    try {
      render(await api.get('/settings/indexers', { signal }));
    } catch (err) {
      if (/** @type {any} */ (err)?.name !== 'AbortError') tell(errorMessage(err));
    }
  }

  function render(/** @type {IndexerSettings} */ settings) {
    const fields = formFields([
      { name: 'rssSyncIntervalMinutes', label: 'RSS sync interval (minutes)', type: 'number', min: 0, max: 1440, value: settings.rssSyncIntervalMinutes,
        hint: '10 to 1,440; 0 turns RSS sync off.' },
      { name: 'minimumAgeMinutes', label: 'Minimum age (minutes)', type: 'number', min: 0, max: 1440, value: settings.minimumAgeMinutes,
        hint: 'Usenet: newer posts wait until they are this old (still propagating). 0: no wait.' },
      { name: 'retentionDays', label: 'Retention (days)', type: 'number', min: 0, value: settings.retentionDays,
        hint: 'Usenet: older posts are refused. 0: unlimited.' },
      { name: 'maximumSizeMB', label: 'Maximum size (MB)', type: 'number', min: 0, value: settings.maximumSizeMB,
        hint: 'Larger releases are refused. 0: no limit.' },
    ]);
    if (!admin) fields.el.querySelectorAll('input').forEach((i) => { i.disabled = true; });
    const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'btn btn-primary', id: 'indexer-options-save' }, 'Save options'));
    const form = h('form', { class: 'options-form', novalidate: true, onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); save(); } },
      fields.el, admin ? h('div', { class: 'form-actions' }, button) : null);
    holder.replaceChildren(form);

    async function save() {
      /** @type {Record<string, any>} */
      const body = { ...fields.values(), version: settings.version };
      const empty = Object.entries(body).filter(([, v]) => v === null).map(([field]) => ({ field, message: 'A whole number is required (0 for none).' }));
      if (empty.length) return fields.showError({ title: '', errors: empty });
      tell('');
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      try {
        // A never-saved document is version 0: no If-Match for it (the body's version says so).
        const saved = await api.put('/settings/indexers', body, { version: settings.version > 0 ? settings.version : undefined, signal });
        emit(el, 'toast', { kind: 'success', message: 'Indexer options saved.' });
        render(saved);
        emit(el, 'indexer-options-saved', saved);
      } catch (err) {
        if (/** @type {any} */ (err)?.name === 'AbortError') return;
        if (/** @type {any} */ (err)?.status === 409) {
          await load();
          tell('Someone else changed these options: the form now shows theirs. Make your change again.');
        } else fields.showError(err);
      } finally {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    }
  }

  function tell(/** @type {string} */ text) {
    note.textContent = text;
    note.hidden = !text;
  }
}
