// @ts-check
import { h } from '../dom.js';

/** @param {HTMLElement} el @param {import('../types.js').MountContext} _ctx */
export function mountNotFound(el, _ctx) {
  el.replaceChildren(h('h1', null, 'Page not found'), h('p', null, h('a', { href: '#/media' }, 'Back to the library')));
}
