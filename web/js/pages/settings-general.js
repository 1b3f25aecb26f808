// @ts-check
import * as api from '../api.js';
import { h, emit, reportError } from '../dom.js';

/**
 * General: open registration on or off.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountGeneral(el, { signal }) {
  const box = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'registration-open', disabled: true }));
  /** @type {any} */
  let settings = null;
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      settings = await api.put('/settings/general', { ...settings, registrationOpen: box.checked }, { signal });
      emit(el, 'toast', { kind: 'success', message: settings.registrationOpen ? 'Registration is open.' : 'Registration is closed.' });
    } catch (err) { reportError(el, err); }
    update();
  }, { signal });
  el.replaceChildren(h('h2', null, 'General'), h('section', { class: 'panel' },
    h('div', { class: 'field field-checkbox' }, h('label', { for: 'registration-open' }, box, ' Open registration'),
      h('span', { class: 'field-hint' }, 'Let anyone who can reach this server create a user account.'))));

  function update() {
    box.checked = Boolean(settings?.registrationOpen);
    box.disabled = !settings;
  }
  api.get('/settings/general', { signal }).then((s) => { settings = s; update(); }).catch((err) => reportError(el, err));
}
