// @ts-check
import { mountCrudSection } from '../components/crud-section.js';

/**
 * Tags: add, rename, delete.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountTags(el, { signal }) {
  mountCrudSection(el, {
    signal,
    title: 'Tags',
    noun: 'tag',
    path: '/tags',
    describe: (t) => t.label,
    columns: [{ label: 'Label', cell: (t) => t.label }],
    fields: (item) => [{ name: 'label', label: 'Label', required: true, value: item?.label ?? '', hint: 'Lowercase letters, digits and dashes.' }],
    toBody: (values, item) => ({ ...(item || {}), label: values.label }),
  });
}
