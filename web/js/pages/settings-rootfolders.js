// @ts-check
import * as api from '../api.js';
import { h } from '../dom.js';
import { mountCrudSection } from '../components/crud-section.js';
import { formatBytes } from '../lib/format.js';

/**
 * Root folders: where an instance keeps its titles. Add (path + instance) and delete.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountRootFolders(el, { signal }) {
  /** @type {Map<number, string>} */
  let instanceNames = new Map();
  const section = mountCrudSection(el, {
    signal,
    title: 'Root folders',
    noun: 'root folder',
    path: '/rootfolders',
    editable: false,
    describe: (f) => f.path,
    empty: 'No root folders yet. Add the folder where an instance keeps its titles.',
    columns: [
      { label: 'Path', cell: (f) => h('span', { class: 'mono' }, f.path) },
      { label: 'Instance', cell: (f) => instanceNames.get(f.instanceId) || `#${f.instanceId}` },
      { label: 'Accessible', cell: (f) => h('span', { class: f.accessible ? 'ok' : 'missing' }, f.accessible ? 'Yes' : 'No') },
      { label: 'Free / total', cell: (f) => `${formatBytes(f.freeSpace)} / ${formatBytes(f.totalSpace)}` },
      { label: 'Unmapped folders', cell: (f) => String((f.unmappedFolders || []).length) },
    ],
    fields: async () => {
      const instances = await api.list('/instances', { signal });
      return [
        { name: 'path', label: 'Path', required: true, placeholder: '/srv/media/tv', hint: 'Absolute path to an existing, writable folder.' },
        { name: 'instanceId', label: 'Instance', type: 'select', numeric: true, required: true,
          options: instances.map((i) => ({ value: i.id, label: i.name })) },
      ];
    },
  });
  api.list('/instances', { signal }).then((list) => {
    instanceNames = new Map(list.map((i) => [i.id, i.name]));
    section.reload();
  }).catch(() => {});
}
