// @ts-check
import { h } from '../dom.js';
import { errorsByField } from '../lib/list.js';

/**
 * @typedef {object} FieldDef
 * @property {string} name
 * @property {string} label
 * @property {'text'|'password'|'number'|'select'|'checkbox'|'checkboxes'} [type]
 * @property {unknown} [value]
 * @property {Array<{ value: string|number, label: string }>} [options]   select / checkboxes
 * @property {boolean} [numeric]       select whose value is a number (or null for "")
 * @property {boolean} [required]
 * @property {string} [hint]
 * @property {string} [autocomplete]
 * @property {string} [placeholder]
 * @property {number} [min]
 * @property {number} [max]
 * @property {number} [step]
 */

/**
 * A form body built from field definitions, with values() and server error display beside each
 * field (the problem document's errors[] matched by field name).
 * @param {FieldDef[]} defs
 */
export function formFields(defs) {
  /** @type {Map<string, { def: FieldDef, wrap: HTMLElement, error: HTMLElement, read: () => unknown }>} */
  const fields = new Map();
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const el = h('div', { class: 'form-fields' }, general);
  for (const def of defs) {
    const f = buildField(def);
    fields.set(def.name.toLowerCase(), { def, ...f });
    el.appendChild(f.wrap);
  }
  return {
    el,
    /** @returns {Record<string, any>} */
    values() {
      /** @type {Record<string, any>} */
      const out = {};
      for (const { def, read } of fields.values()) out[def.name] = read();
      return out;
    },
    /** Check required fields here before asking the server; true when all are filled. */
    validate() {
      const missing = [...fields.values()].filter(({ def, read }) => def.required && def.type !== 'checkbox' && (read() === '' || read() === null));
      if (!missing.length) return true;
      this.showError({ title: '', errors: missing.map(({ def }) => ({ field: def.name, message: `${def.label} is required.` })) });
      return false;
    },
    clearErrors() {
      general.hidden = true;
      for (const f of fields.values()) { f.error.textContent = ''; f.wrap.classList.remove('has-error'); }
    },
    /** Show an ApiError: field messages beside their fields, the rest on top. */
    showError(/** @type {any} */ err) {
      this.clearErrors();
      const byField = errorsByField(err?.errors || []);
      const unplaced = [];
      const placed = new Set();
      for (const [name, messages] of Object.entries(byField)) {
        const f = fields.get(name);
        if (f) {
          f.error.textContent = messages.join(' ');
          f.wrap.classList.add('has-error');
          messages.forEach((m) => placed.add(m));
        } else unplaced.push(...messages);
      }
      // The server often repeats the one field message as `detail`: show it once, by its field.
      const detail = placed.has(err?.detail) ? '' : err?.detail;
      const summary = detail || (placed.size ? '' : err?.title) || (err instanceof Error ? err.message : '');
      const top = [summary, ...unplaced].filter(Boolean).join(' — ');
      general.textContent = top;
      general.hidden = !top;
    },
  };
}

let seq = 0;

function buildField(/** @type {FieldDef} */ def) {
  const id = `f-${def.name}-${++seq}`;
  const error = h('span', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });
  const hint = def.hint ? h('span', { class: 'field-hint' }, def.hint) : null;
  const common = { id, name: def.name, required: def.required, 'aria-describedby': `${id}-err` };
  if (def.type === 'checkbox') {
    const input = /** @type {HTMLInputElement} */ (h('input', { ...common, type: 'checkbox', checked: Boolean(def.value) }));
    const wrap = h('div', { class: 'field field-checkbox' }, h('label', { for: id }, input, ' ', def.label), hint, error);
    return { wrap, error, read: () => input.checked };
  }
  if (def.type === 'checkboxes') {
    const chosen = new Set(/** @type {unknown[]} */ (def.value || []).map(String));
    const boxes = (def.options || []).map((o) => /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', name: def.name, value: String(o.value), checked: chosen.has(String(o.value)) })));
    const wrap = h('fieldset', { class: 'field field-checkboxes' }, h('legend', null, def.label),
      boxes.map((b, i) => h('label', { class: 'check' }, b, ' ', def.options?.[i].label || '')), hint, error);
    return { wrap, error, read: () => boxes.filter((b) => b.checked).map((b) => b.value) };
  }
  const control = def.type === 'select' ? selectControl(def, common) : inputControl(def, common);
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, def.label), control, hint, error);
  return { wrap, error, read: () => readControl(def, control) };
}

function selectControl(/** @type {FieldDef} */ def, /** @type {Record<string, any>} */ common) {
  const current = def.value === null || def.value === undefined ? '' : String(def.value);
  return h('select', common, (def.options || []).map((o) => h('option', { value: String(o.value), selected: String(o.value) === current }, o.label)));
}

function inputControl(/** @type {FieldDef} */ def, /** @type {Record<string, any>} */ common) {
  return h('input', {
    ...common, type: def.type || 'text', value: def.value === null || def.value === undefined ? '' : String(def.value),
    autocomplete: def.autocomplete || 'off', placeholder: def.placeholder, min: def.min, max: def.max, step: def.step,
  });
}

function readControl(/** @type {FieldDef} */ def, /** @type {HTMLElement} */ control) {
  const raw = /** @type {HTMLInputElement|HTMLSelectElement} */ (control).value;
  if (def.type === 'number') return raw === '' ? null : Number(raw);
  if (def.numeric) return raw === '' ? null : Number(raw);
  return def.type === 'password' ? raw : raw.trim();
}
