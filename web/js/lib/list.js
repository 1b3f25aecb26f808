// @ts-check
// Pure list helpers: reconciliation plans for keyed DOM lists and profile item ordering.

/**
 * How to turn a keyed list into another: which keys to remove, and for each new key whether it
 * is kept (update in place) or created. The order of `next` is the final order.
 * @param {Array<string|number>} prev
 * @param {Array<string|number>} next
 * @returns {{ remove: Array<string|number>, steps: Array<{ key: string|number, op: 'keep'|'create' }> }}
 */
export function reconcilePlan(prev, next) {
  const nextSet = new Set(next);
  const prevSet = new Set(prev);
  return {
    remove: prev.filter((k) => !nextSet.has(k)),
    steps: next.map((key) => ({ key, op: prevSet.has(key) ? 'keep' : 'create' })),
  };
}

/**
 * A copy of `items` with the item at `index` moved by `delta` places (clamped to the ends).
 * @template T
 * @param {T[]} items
 * @param {number} index
 * @param {number} delta
 * @returns {T[]}
 */
export function moveItem(items, index, delta) {
  const copy = items.slice();
  if (index < 0 || index >= copy.length) return copy;
  const target = Math.min(copy.length - 1, Math.max(0, index + delta));
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

/**
 * Id and name of a profile item (a quality or a group).
 * @param {{ quality?: { id: number, name: string }, id?: number, name?: string }} item
 */
export function profileItemKey(item) {
  return item.quality ? { id: item.quality.id, name: item.quality.name } : { id: Number(item.id), name: String(item.name || '') };
}

/**
 * The cutoff choices of a profile: its allowed items, in profile order.
 * @param {Array<{ quality?: { id: number, name: string }, id?: number, name?: string, allowed: boolean }>} items
 */
export function cutoffOptions(items) {
  return items.filter((i) => i.allowed).map(profileItemKey);
}

/**
 * The cutoff to keep after an edit: the current one if still allowed, else the first allowed, else null.
 * @param {Array<{ quality?: { id: number, name: string }, id?: number, name?: string, allowed: boolean }>} items
 * @param {number|null|undefined} cutoff
 */
export function validCutoff(items, cutoff) {
  const options = cutoffOptions(items);
  if (options.some((o) => o.id === cutoff)) return /** @type {number} */ (cutoff);
  return options.length ? options[0].id : null;
}

/**
 * Field errors of a problem document grouped by field name (case-insensitive, last path segment):
 * [{field:"path",message:"x"}] → { path: ["x"] }. Errors without a field go under "".
 * @param {Array<{ field?: string, message?: string }>} errors
 * @returns {Record<string, string[]>}
 */
export function errorsByField(errors) {
  /** @type {Record<string, string[]>} */
  const out = {};
  for (const e of errors || []) {
    const field = String(e.field || '').split(/[.[\]]/).filter(Boolean).pop() || '';
    const key = field.toLowerCase();
    (out[key] = out[key] || []).push(String(e.message || ''));
  }
  return out;
}

/**
 * Order of two sort values: numbers by value, strings by locale with numbers inside them in
 * number order, arrays element by element. null and undefined are equal here (callers put
 * them last).
 * @param {unknown} a
 * @param {unknown} b
 * @returns {number}
 */
export function compareValues(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c) return c;
    }
    return Math.sign(a.length - b.length);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (a === null || a === undefined || b === null || b === undefined) return 0;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/**
 * The indices of `values` in sorted order (stable: equal values keep their order), with null and
 * undefined last whatever the direction: [3, null, 1] ascending → [2, 0, 1].
 * @param {unknown[]} values
 * @param {'ascending'|'descending'} direction
 * @returns {number[]}
 */
export function sortedOrder(values, direction) {
  const sign = direction === 'descending' ? -1 : 1;
  const missing = (/** @type {unknown} */ v) => v === null || v === undefined;
  return values.map((_, i) => i).sort((i, j) => {
    const a = values[i];
    const b = values[j];
    if (missing(a) || missing(b)) return (missing(a) ? 1 : 0) - (missing(b) ? 1 : 0) || i - j;
    return sign * compareValues(a, b) || i - j;
  });
}
