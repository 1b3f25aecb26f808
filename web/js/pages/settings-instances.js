// @ts-check
import * as api from '../api.js';
import { mountCrudSection } from '../components/crud-section.js';
import { humanize } from '../lib/format.js';

const TYPES = [{ value: 'series', label: 'Series' }, { value: 'movie', label: 'Movies' }, { value: 'anime', label: 'Anime' }];

/**
 * Instances: a named library of one media type (like one Sonarr or Radarr).
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountInstances(el, { signal }) {
  mountCrudSection(el, {
    signal,
    title: 'Instances',
    noun: 'instance',
    path: '/instances',
    describe: (i) => i.name,
    empty: 'No instances yet. An instance is one library of series, movies or anime.',
    deleteConflict: 'This instance still holds media or root folders; remove them first.',
    columns: [
      { label: 'Name', cell: (i) => i.name },
      { label: 'Type', cell: (i) => humanize(i.mediaType) },
    ],
    fields: async (item) => {
      const [folders, profiles] = await Promise.all([
        api.list('/rootfolders', { signal }).catch(() => []),
        api.list('/qualityprofiles', { signal }).catch(() => []),
      ]);
      // A root folder belongs to one instance, so a new instance has none to choose from yet.
      const own = item ? folders.filter((f) => f.instanceId === item.id) : [];
      return [
        { name: 'name', label: 'Name', required: true, value: item?.name ?? '' },
        { name: 'mediaType', label: 'Media type', type: 'select', options: TYPES, value: item?.mediaType ?? 'series' },
        { name: 'defaultRootFolderId', label: 'Default root folder', type: 'select', numeric: true, value: item?.defaultRootFolderId ?? '',
          options: [{ value: '', label: 'None' }, ...own.map((f) => ({ value: f.id, label: f.path }))] },
        { name: 'defaultQualityProfileId', label: 'Default quality profile', type: 'select', numeric: true, value: item?.defaultQualityProfileId ?? '',
          options: [{ value: '', label: 'None' }, ...profiles.map((p) => ({ value: p.id, label: p.name }))] },
      ];
    },
    toBody: (values, item) => ({ ...(item || {}), ...values }),
  });
}
