// @ts-check
import { h, replace } from '../dom.js';
import { errorsByField } from '../lib/list.js';

/**
 * A form rendered from the server's field schema (`SettingField[]`: an indexer's settings, a
 * provider's). Every kind has one renderer; `advanced` fields sit under a closed "Advanced"
 * disclosure that opens when one of them has an error. Server errors go beside their field.
 *
 * @typedef {import('../types.js').SettingField} SettingField
 * @typedef {{ value: string|number, label: string }} Choice
 * @typedef {object} SchemaFormOptions
 * @property {Record<string, any>} [values]          current values (edit); defaults otherwise
 * @property {Record<string, boolean>} [secretsSet]  secret fields that have a saved value
 * @property {Choice[]} [tags]                       choices of `tags` fields
 * @property {(field: SettingField) => Choice[]|undefined} [choices]  options when the schema gives none
 */

/** A field's control: how it reads, and how its options can be replaced (multiSelect). */
/** @typedef {{ wrap: HTMLElement, error: HTMLElement, read: () => any, check?: () => string|null, setChoices?: (c: Choice[]) => void }} Control */

/**
 * @param {SettingField[]} schema
 * @param {SchemaFormOptions} [opts]
 */
export function schemaForm(schema, opts = {}) {
  /** @type {Map<string, { field: SettingField, control: Control }>} */
  const controls = new Map();
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const basic = h('div', { class: 'form-fields' });
  const more = h('div', { class: 'form-fields' });
  const advanced = /** @type {HTMLDetailsElement} */ (h('details', { class: 'advanced schema-advanced' }, h('summary', null, 'Advanced settings'), more));
  for (const field of schema) {
    const control = buildControl(field, opts);
    controls.set(field.name.toLowerCase(), { field, control });
    (field.advanced ? more : basic).appendChild(control.wrap);
  }
  advanced.hidden = !more.children.length;
  const el = h('div', { class: 'schema-form' }, general, basic, advanced);

  return {
    el,
    /** @returns {Record<string, any>} the body's fields; a secret left empty is absent (kept). */
    values() {
      /** @type {Record<string, any>} */
      const out = {};
      for (const { field, control } of controls.values()) {
        const value = control.read();
        if (value !== undefined) out[field.name] = value;
      }
      return out;
    },
    /** Required fields and free-entry ids, checked before asking the server. */
    validate() {
      const errors = [];
      for (const { field, control } of controls.values()) {
        const value = control.read();
        if (field.required && (value === '' || value === null || value === undefined)) errors.push({ field: field.name, message: `${field.label} is required.` });
        const problem = control.check?.();
        if (problem) errors.push({ field: field.name, message: problem });
      }
      if (errors.length) this.showError({ title: '', errors });
      return !errors.length;
    },
    /** Offer these choices in every multiSelect field whose name matches (e.g. /Categories$/). */
    setChoices(/** @type {RegExp} */ pattern, /** @type {Choice[]} */ choices) {
      for (const { field, control } of controls.values()) if (pattern.test(field.name)) control.setChoices?.(choices);
    },
    clearErrors() {
      general.hidden = true;
      for (const { control } of controls.values()) { control.error.textContent = ''; control.wrap.classList.remove('has-error'); }
    },
    /** Show an ApiError: messages beside their fields (advanced opened if needed), the rest on top. */
    showError(/** @type {any} */ err) {
      this.clearErrors();
      const placed = new Set();
      const unplaced = [];
      for (const [name, messages] of Object.entries(errorsByField(err?.errors || []))) {
        const entry = controls.get(name);
        if (!entry) { unplaced.push(...messages); continue; }
        entry.control.error.textContent = messages.join(' ');
        entry.control.wrap.classList.add('has-error');
        if (entry.field.advanced) advanced.open = true;
        messages.forEach((m) => placed.add(m));
      }
      const detail = placed.has(err?.detail) ? '' : err?.detail;
      const top = [detail || (placed.size ? '' : err?.title) || '', ...unplaced].filter(Boolean).join(' — ');
      general.textContent = top;
      general.hidden = !top;
    },
  };
}

let seq = 0;

/** @returns {Control} */
function buildControl(/** @type {SettingField} */ field, /** @type {SchemaFormOptions} */ opts) {
  const id = `sf-${field.name}-${++seq}`;
  const value = opts.values && field.name in opts.values ? opts.values[field.name] : defaultOf(field);
  const error = h('span', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });
  const hint = field.help ? h('span', { class: 'field-hint' }, field.help) : null;
  const common = { id, name: field.name, required: field.required, 'aria-describedby': `${id}-err` };
  switch (field.kind) {
    case 'checkbox': {
      const input = /** @type {HTMLInputElement} */ (h('input', { ...common, type: 'checkbox', checked: value === true || value === 'true' }));
      return { wrap: h('div', { class: 'field field-checkbox' }, h('label', { for: id }, input, ' ', field.label), hint, error), error, read: () => input.checked };
    }
    case 'multiSelect':
    case 'tags':
      return choiceControl(field, value, opts, { id, error, hint });
    case 'secret':
      return secretControl(field, Boolean(opts.secretsSet?.[field.name]), { id, error, hint, common });
    default: {
      const control = field.kind === 'select' ? selectInput(field, value, common) : textInput(field, value, common);
      return { wrap: h('div', { class: 'field' }, h('label', { for: id }, field.label), control, hint, error), error, read: () => readInput(field, control) };
    }
  }
}

function selectInput(/** @type {SettingField} */ field, /** @type {any} */ value, /** @type {Record<string, any>} */ common) {
  const current = value === null || value === undefined ? '' : String(value);
  return h('select', common, (field.options || []).map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)));
}

function textInput(/** @type {SettingField} */ field, /** @type {any} */ value, /** @type {Record<string, any>} */ common) {
  const type = field.kind === 'number' ? 'number' : field.kind === 'url' ? 'url' : 'text';
  return h('input', { ...common, type, value: value === null || value === undefined ? '' : String(value), autocomplete: 'off',
    inputmode: field.kind === 'url' ? 'url' : null, step: field.kind === 'number' ? 'any' : null });
}

function readInput(/** @type {SettingField} */ field, /** @type {HTMLElement} */ control) {
  const raw = /** @type {HTMLInputElement|HTMLSelectElement} */ (control).value.trim();
  if (field.kind === 'number') return raw === '' ? null : Number(raw);
  return raw;
}

/**
 * A password box that never holds the saved secret: it says whether one is set; left empty the
 * secret is kept (absent from the body); "Remove" sends "".
 * @returns {Control}
 */
function secretControl(/** @type {SettingField} */ field, /** @type {boolean} */ isSet, /** @type {any} */ { id, error, hint, common }) {
  const input = /** @type {HTMLInputElement} */ (h('input', { ...common, type: 'password', autocomplete: 'new-password', value: '',
    placeholder: isSet ? 'Saved — type a new one to replace it' : '' }));
  const remove = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', name: `${field.name}-remove` }));
  const state = h('span', { class: ['key-state', isSet ? 'ok' : 'missing'], 'data-secret-state': field.name },
    isSet ? 'Saved (never shown).' : 'None saved.');
  const wrap = h('div', { class: 'field field-secret' }, h('label', { for: id }, field.label), input, state,
    isSet ? h('label', { class: 'check' }, remove, ' ', 'Remove the saved value') : null, hint, error);
  return { wrap, error, read: () => (input.value ? input.value : isSet && remove.checked ? '' : undefined) };
}

/**
 * Checkboxes for a multiSelect (or the tags) field; a multiSelect also takes ids typed by hand.
 * Numbers stay numbers. Values not among the choices are shown checked so nothing is lost.
 * @returns {Control}
 */
function choiceControl(/** @type {SettingField} */ field, /** @type {any} */ value, /** @type {SchemaFormOptions} */ opts, /** @type {any} */ { id, error, hint }) {
  let chosen = new Set(asList(value).map(String));
  const list = h('div', { class: 'choice-list' });
  const free = /** @type {HTMLInputElement} */ (h('input', { type: 'text', id: `${id}-more`, name: `${field.name}-more`, autocomplete: 'off',
    inputmode: 'numeric', placeholder: 'e.g. 5040, 5045', 'aria-describedby': `${id}-err` }));
  const freeField = field.kind === 'multiSelect' ? h('label', { class: 'choice-more', for: `${id}-more` }, 'Other ids', free) : null;
  /** @type {Choice[]} */
  let choices = field.kind === 'tags' ? opts.tags || [] : field.options || opts.choices?.(field) || [];
  const render = () => {
    const known = new Set(choices.map((c) => String(c.value)));
    const extra = [...chosen].filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }));
    replace(list, [...choices, ...extra].map((c) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: field.name, value: String(c.value), checked: chosen.has(String(c.value)) }), ' ', c.label)));
    if (!choices.length && !extra.length) list.append(h('span', { class: 'muted' }, field.kind === 'tags' ? 'No tags yet.' : 'No choices.'));
  };
  const boxes = () => /** @type {HTMLInputElement[]} */ ([...list.querySelectorAll('input[type=checkbox]')]);
  const typed = () => free.value.split(/[\s,]+/).filter(Boolean);
  const read = () => {
    const all = [...new Set([...boxes().filter((b) => b.checked).map((b) => b.value), ...typed()])];
    return all.map((v) => (/^\d+$/.test(v) ? Number(v) : v));
  };
  render();
  const wrap = h('fieldset', { class: 'field field-checkboxes field-choices', id }, h('legend', null, field.label), list, freeField, hint, error);
  return {
    wrap, error, read,
    check: () => (typed().some((v) => !/^\d+$/.test(v)) ? `${field.label}: ids are whole numbers such as 5040.` : null),
    setChoices: (/** @type {Choice[]} */ next) => {
      chosen = new Set(read().map(String));
      choices = next;
      render();
    },
  };
}

function defaultOf(/** @type {SettingField} */ field) {
  const d = field.defaultValue;
  if (field.kind === 'checkbox') return d === 'true';
  if (field.kind === 'multiSelect' || field.kind === 'tags') return d ? d.split(',').map((s) => s.trim()).filter(Boolean) : [];
  return d ?? '';
}

function asList(/** @type {any} */ value) {
  if (Array.isArray(value)) return value;
  return value === null || value === undefined || value === '' ? [] : String(value).split(',');
}
