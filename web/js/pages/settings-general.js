// @ts-check
import * as api from '../api.js';
import { h, emit, reportError } from '../dom.js';

/** Trusted proxies as typed (commas, spaces or new lines between addresses) → a clean list. */
export function parseProxyList(/** @type {string} */ text) {
  return [...new Set(String(text || '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

/**
 * General: open registration, and the reverse proxies whose forwarded-address headers are believed.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountGeneral(el, { signal }) {
  const box = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'registration-open', disabled: true }));
  const proxies = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'trusted-proxies', class: 'input', rows: '3', disabled: true,
    placeholder: '192.168.1.2' }));
  const proxyError = h('span', { class: 'field-error', id: 'trusted-proxies-error' });
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'btn', disabled: true }, 'Save proxies'));
  /** @type {any} */
  let settings = null;

  async function store(/** @type {any} */ changes, /** @type {string} */ message) {
    box.disabled = proxies.disabled = save.disabled = true;
    proxyError.textContent = '';
    try {
      settings = await api.put('/settings/general', { ...settings, ...changes }, { signal });
      emit(el, 'toast', { kind: 'success', message });
    } catch (err) {
      const field = /** @type {any} */ (err)?.errors?.find((/** @type {any} */ e) => e.field === 'trustedProxies');
      if (field) proxyError.textContent = field.message; else reportError(el, err);
    }
    update();
  }

  box.addEventListener('change', () => store({ registrationOpen: box.checked },
    box.checked ? 'Registration is open.' : 'Registration is closed.'), { signal });
  const form = h('form', { class: 'panel', id: 'proxies-form' },
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'trusted-proxies' }, 'Trusted proxies'), proxies,
      h('span', { class: 'field-hint' }, 'IP addresses of reverse proxies in front of idkarr. Only their X-Forwarded-For and X-Forwarded-Proto are believed.'),
      proxyError),
    save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    store({ trustedProxies: parseProxyList(proxies.value) }, 'Trusted proxies saved.');
  }, { signal });
  el.replaceChildren(h('h2', null, 'General'), h('section', { class: 'panel' },
    h('div', { class: 'field field-checkbox' }, h('label', { for: 'registration-open' }, box, ' Open registration'),
      h('span', { class: 'field-hint' }, 'Let anyone who can reach this server create a user account.'))), form);

  function update() {
    box.checked = Boolean(settings?.registrationOpen);
    proxies.value = (settings?.trustedProxies || []).join('\n');
    box.disabled = proxies.disabled = save.disabled = !settings;
  }
  api.get('/settings/general', { signal }).then((s) => { settings = s; update(); }).catch((err) => reportError(el, err));
}
