// @ts-check
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { mountCrudSection } from '../components/crud-section.js';
import { formFields } from '../components/form-fields.js';
import { moveItem, profileItemKey, cutoffOptions, validCutoff } from '../lib/list.js';

/**
 * Quality profiles: list; create and edit name, upgrades, the ordered items (allowed, move up and
 * down) and the cutoff, which may only be an allowed item.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountQualityProfiles(el, { signal }) {
  mountCrudSection(el, {
    signal,
    title: 'Quality profiles',
    noun: 'quality profile',
    path: '/qualityprofiles',
    describe: (p) => p.name,
    deleteConflict: 'This profile is in use; change the titles and instances that use it first.',
    columns: [
      { label: 'Name', cell: (p) => p.name },
      { label: 'Allowed', cell: (p) => cutoffOptions(p.items || []).map((o) => o.name).join(', ') || '—' },
      { label: 'Cutoff', cell: (p) => (p.items || []).map(profileItemKey).find((k) => k.id === p.cutoff)?.name || '—' },
      { label: 'Upgrades', cell: (p) => (p.upgradeAllowed ? 'Yes' : 'No') },
    ],
    editor: async (item) => profileEditor(item || (await blankProfile(signal))),
  });
}

/** A new profile: every known quality, none allowed, in definition order (worst first). */
async function blankProfile(/** @type {AbortSignal} */ signal) {
  const defs = await api.list('/qualitydefinitions', { signal });
  const items = defs.slice().sort((a, b) => (a.weight ?? 0) - (b.weight ?? 0)).map((d) => ({ quality: d.quality, allowed: false }));
  return { name: '', upgradeAllowed: false, cutoff: null, items };
}

/**
 * The editor form: simple fields above, the items list and cutoff select below.
 * @param {any} profile
 */
function profileEditor(profile) {
  let items = structuredClone(profile.items || []);
  let cutoff = profile.cutoff;
  const simple = formFields([
    { name: 'name', label: 'Name', required: true, value: profile.name },
    { name: 'upgradeAllowed', label: 'Upgrades allowed', type: 'checkbox', value: profile.upgradeAllowed },
  ]);
  const list = h('ol', { class: 'profile-items', 'aria-label': 'Qualities, lowest priority first' });
  const cutoffSelect = /** @type {HTMLSelectElement} */ (h('select', { id: 'profile-cutoff', name: 'cutoff', onchange: () => { cutoff = Number(cutoffSelect.value); } }));
  const cutoffError = h('span', { class: 'field-error' });
  const el = h('div', { class: 'profile-editor' }, simple.el,
    h('fieldset', { class: 'field' }, h('legend', null, 'Qualities'),
      h('p', { class: 'field-hint' }, 'Lowest priority first; later items are preferred. Tick the ones to download.'), list),
    h('div', { class: 'field' }, h('label', { for: 'profile-cutoff' }, 'Upgrade until (cutoff)'), cutoffSelect, cutoffError));

  /** Render the items and the cutoff choices (idempotent). */
  function update() {
    replace(list, items.map((item, index) => itemRow(item, index)));
    updateCutoff();
  }

  /** Only the cutoff select: ticking a box must not rebuild the list (keeps focus). */
  function updateCutoff() {
    cutoff = validCutoff(items, cutoff);
    const options = cutoffOptions(items);
    replace(cutoffSelect, options.length
      ? options.map((o) => h('option', { value: String(o.id), selected: o.id === cutoff }, o.name))
      : h('option', { value: '' }, 'Allow a quality first'));
    cutoffSelect.disabled = !options.length;
  }

  function itemRow(/** @type {any} */ item, /** @type {number} */ index) {
    const { id, name } = profileItemKey(item);
    const box = h('input', { type: 'checkbox', checked: item.allowed, 'aria-label': `Allow ${name}`,
      onchange: (/** @type {Event} */ e) => { items[index] = { ...items[index], allowed: /** @type {HTMLInputElement} */ (e.target).checked }; updateCutoff(); } });
    const move = (/** @type {number} */ d) => (/** @type {Event} */ e) => {
      const label = /** @type {HTMLElement} */ (e.currentTarget).getAttribute('aria-label');
      items = moveItem(items, index, d);
      update();
      /** @type {HTMLElement|null} */ (list.querySelector(`button[aria-label="${CSS.escape(label || '')}"]:not(:disabled)`))?.focus();
    };
    return h('li', { class: 'profile-item', 'data-id': String(id) },
      h('label', { class: 'check' }, box, ' ', name,
        item.items ? h('span', { class: 'muted' }, ` (${item.items.map((/** @type {any} */ i) => profileItemKey(i).name).join(', ')})`) : null),
      h('span', { class: 'move' },
        h('button', { type: 'button', class: 'btn-icon', 'aria-label': `Move ${name} up`, disabled: index === 0, onclick: move(-1) }, '↑'),
        h('button', { type: 'button', class: 'btn-icon', 'aria-label': `Move ${name} down`, disabled: index === items.length - 1, onclick: move(1) }, '↓')));
  }

  update();
  return {
    el,
    values: () => ({ ...profile, ...simple.values(), items, cutoff }),
    validate: () => simple.validate(),
    showError(/** @type {any} */ err) {
      simple.showError(err);
      const cutoffMessages = (err?.errors || []).filter((/** @type {any} */ e) => String(e.field || '').toLowerCase().includes('cutoff'));
      cutoffError.textContent = cutoffMessages.map((/** @type {any} */ e) => e.message).join(' ');
    },
  };
}
