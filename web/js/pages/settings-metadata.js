// @ts-check
import * as api from '../api.js';
import { h, replace, emit, reportError } from '../dom.js';
import { formFields } from '../components/form-fields.js';
import { confirmModal } from '../components/modal.js';

/**
 * Metadata: the TMDB API key (write-only: the server says only whether one is set), the
 * language, how often titles are refreshed, and (advanced) where the providers are.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountMetadataSettings(el, { signal }) {
  /** @type {any} */
  let settings = null;
  const keyState = h('p', { class: 'key-state', id: 'tmdb-key-state' });
  const clearKey = h('button', { type: 'button', class: 'btn btn-small', id: 'tmdb-key-clear', onclick: removeKey }, 'Remove key');
  const form = h('form', { class: 'panel', id: 'metadata-form', novalidate: true });
  el.replaceChildren(h('h2', null, 'Metadata'),
    h('p', { class: 'muted' }, 'Titles come from TMDB (movies and TV, needs a free API key) and TVmaze (TV, no key).'), form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save(null, 'Metadata settings saved.');
  }, { signal });
  /** @type {ReturnType<typeof formFields>|null} */
  let fields = null;

  api.get('/settings/metadata', { signal }).then((s) => { settings = s; render(); }).catch((err) => reportError(el, err));

  function render() {
    const s = settings || {};
    fields = formFields([
      { name: 'tmdbApiKey', label: 'TMDB API key', type: 'password', autocomplete: 'new-password',
        placeholder: s.tmdbApiKeySet ? 'Saved — type a new key to replace it' : 'Paste your TMDB v3 API key',
        hint: 'Stored on the server and never shown again. Leave empty to keep the saved key.' },
      { name: 'tmdbLanguage', label: 'Language', value: s.tmdbLanguage ?? 'en-US', placeholder: 'en-US', hint: 'Titles and overviews in this language where TMDB has them (e.g. en-US, de-DE).' },
      { name: 'refreshIntervalHours', label: 'Refresh every (hours)', type: 'number', value: s.refreshIntervalHours ?? 12, min: 1, step: 1 },
      { name: 'tmdbBaseURL', label: 'TMDB API address', value: s.tmdbBaseURL ?? '', placeholder: 'https://api.themoviedb.org/3' },
      { name: 'tvmazeBaseURL', label: 'TVmaze API address', value: s.tvmazeBaseURL ?? '', placeholder: 'https://api.tvmaze.com' },
    ]);
    const wrapOf = (/** @type {string} */ name) => /** @type {HTMLElement} */ (fields?.el.querySelector(`[name="${name}"]`)?.closest('.field'));
    const advanced = h('details', { class: 'advanced', id: 'metadata-advanced' }, h('summary', null, 'Advanced: provider addresses'),
      h('div', { class: 'form-fields' }, wrapOf('tmdbBaseURL'), wrapOf('tvmazeBaseURL')));
    keyState.textContent = s.tmdbApiKeySet ? 'A TMDB API key is set.' : 'No TMDB API key yet: TMDB searches will fail until you add one.';
    keyState.className = `key-state ${s.tmdbApiKeySet ? 'ok' : 'missing'}`;
    clearKey.hidden = !s.tmdbApiKeySet;
    clearKey.disabled = false;
    replace(form, h('div', { class: 'key-status' }, keyState, clearKey), fields.el, advanced,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', id: 'metadata-save' }, 'Save')));
  }

  async function removeKey() {
    if (!(await confirmModal('Remove the TMDB API key?', 'Movie searches and TMDB details stop working until a key is entered again.', 'Remove'))) return;
    save({ tmdbApiKey: '' }, 'TMDB API key removed.');
  }

  /** PUT the form (or just `only`); an empty key field is left out so the saved key stays. */
  async function save(/** @type {Record<string, unknown>|null} */ only, /** @type {string} */ message) {
    if (!fields || !settings) return;
    const values = fields.values();
    if (!values.tmdbApiKey) delete values.tmdbApiKey;
    const { tmdbApiKeySet, ...saved } = settings;
    const body = only ? { ...saved, ...only } : { ...saved, ...values };
    form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      settings = await api.put('/settings/metadata', body, { signal });
      emit(el, 'toast', { kind: 'success', message });
      render();
    } catch (err) {
      if (/** @type {any} */ (err)?.name === 'AbortError') return;
      fields.showError(err);
      const advanced = /** @type {HTMLDetailsElement|null} */ (form.querySelector('#metadata-advanced'));
      if (advanced && advanced.querySelector('.has-error')) advanced.open = true;
      form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }
}
