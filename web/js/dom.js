// @ts-check
// The DOM helper every module uses. Values go in only as text nodes, properties and attributes:
// titles and metadata come from strangers, so nothing here ever parses HTML.

/** @typedef {Node | string | number | null | undefined | false | Child[]} Child */

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'indeterminate', 'open']);

/**
 * h('a', { href: '#/media', class: 'nav-link', onclick: fn }, 'Library')
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (PROPS.has(key)) /** @type {any} */ (el)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Append children (text, nodes, nested arrays; null/false skipped). */
export function append(/** @type {Node} */ parent, /** @type {Child[]} */ children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace all children of `el`. */
export function replace(/** @type {Element} */ el, /** @type {Child[]} */ ...children) {
  el.replaceChildren();
  append(el, children);
}

/** Dispatch a bubbling `idk:` event (actions go up). */
export function emit(/** @type {EventTarget} */ target, /** @type {string} */ name, /** @type {unknown} */ detail) {
  target.dispatchEvent(new CustomEvent(`idk:${name}`, { bubbles: true, composed: true, detail }));
}

/** Report an error as a toast through the layout (bubbling event). Aborts are not errors. */
export function reportError(/** @type {EventTarget} */ target, /** @type {any} */ err) {
  if (err && err.name === 'AbortError') return;
  emit(target, 'toast', { kind: 'error', message: errorMessage(err) });
}

/** One readable sentence for an error. */
export function errorMessage(/** @type {any} */ err) {
  if (!err) return 'Something went wrong.';
  if (err.name === 'ApiError') {
    const fields = (err.errors || []).map((/** @type {any} */ e) => (e.field ? `${e.field}: ${e.message}` : e.message));
    return [err.detail || err.title, ...fields].filter(Boolean).join(' — ');
  }
  return String(err.message || err);
}
