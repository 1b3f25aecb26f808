// @ts-check
import { reconcilePlan } from '../lib/list.js';

/** What each rendered node was rendered from, to know when it must be rebuilt. */
const renderedFrom = new WeakMap();

/**
 * Make `container`'s children match `items` by key: unchanged items keep their node (a poster
 * image is not loaded again), changed items are re-rendered, removed ones go, order follows items.
 * @template T
 * @param {HTMLElement} container
 * @param {T[]} items
 * @param {(item: T) => string|number} keyOf
 * @param {(item: T) => HTMLElement} render
 */
export function reconcileChildren(container, items, keyOf, render) {
  /** @type {Map<string, HTMLElement>} */
  const existing = new Map();
  for (const child of /** @type {HTMLElement[]} */ ([...container.children])) {
    if (child.dataset.key !== undefined) existing.set(child.dataset.key, child);
    else child.remove();
  }
  const plan = reconcilePlan([...existing.keys()], items.map((i) => String(keyOf(i))));
  for (const key of plan.remove) existing.get(String(key))?.remove();
  plan.steps.forEach(({ key, op }, index) => {
    const item = items[index];
    const signature = JSON.stringify(item);
    let node = op === 'keep' ? existing.get(String(key)) : undefined;
    if (!node || renderedFrom.get(node) !== signature) {
      const fresh = render(item);
      fresh.dataset.key = String(key);
      renderedFrom.set(fresh, signature);
      node?.replaceWith(fresh);
      node = fresh;
    }
    if (container.children[index] !== node) container.insertBefore(node, container.children[index] || null);
  });
}
