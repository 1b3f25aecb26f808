// @ts-check
import { h } from '../dom.js';

/**
 * Toast area. Listens on `root` for `idk:toast` events ({ kind: 'error'|'info'|'success', message }).
 * @param {HTMLElement} el
 * @param {{ root: EventTarget, signal: AbortSignal }} props
 */
export function mountToasts(el, { root, signal }) {
  el.classList.add('toasts');
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  root.addEventListener('idk:toast', (event) => {
    const { kind = 'info', message = '' } = /** @type {CustomEvent} */ (event).detail || {};
    show(el, kind, message);
  }, { signal });
}

function show(/** @type {HTMLElement} */ el, /** @type {string} */ kind, /** @type {string} */ message) {
  const close = () => toast.remove();
  const toast = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : null },
    h('span', { class: 'toast-text' }, message),
    h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', onclick: close }, '×'));
  el.appendChild(toast);
  while (el.children.length > 4) el.firstElementChild?.remove();
  setTimeout(close, kind === 'error' ? 8000 : 4000);
}
