// @ts-check
import { h, replace } from '../dom.js';

/** Series monitoring choices (POST /media/add `monitor`). */
export const MONITOR_OPTIONS = [
  ['all', 'All episodes'], ['future', 'Future episodes'], ['missing', 'Missing episodes'],
  ['existing', 'Existing episodes'], ['firstSeason', 'First season'], ['lastSeason', 'Last season'],
  ['pilot', 'Pilot only'], ['none', 'None'],
];
export const SERIES_TYPES = [['standard', 'Standard'], ['daily', 'Daily'], ['anime', 'Anime']];
export const AVAILABILITY = [['announced', 'Announced'], ['inCinemas', 'In cinemas'], ['released', 'Released']];

/**
 * @typedef {object} Library  what the options need, loaded once by the page
 * @property {import('../types.js').Instance[]} instances   of the right media type
 * @property {import('../types.js').RootFolder[]} rootFolders
 * @property {import('../types.js').QualityProfile[]} profiles
 * @property {import('../types.js').Tag[]} tags
 */

let seq = 0;

/** A labelled control with room for its error; `name` is the request field it fills. */
function field(/** @type {string} */ name, /** @type {string} */ label, /** @type {HTMLElement} */ control, hint = '') {
  const id = `add-${name}-${++seq}`;
  control.id = id;
  control.setAttribute('name', name);
  const error = h('span', { class: 'field-error', 'data-error-for': name });
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    return h('div', { class: 'field field-checkbox' }, h('label', { for: id }, control, ' ', label), hint ? h('span', { class: 'field-hint' }, hint) : null, error);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('span', { class: 'field-hint' }, hint) : null, error);
}

const select = (/** @type {Array<[string, string]>} */ options, /** @type {string} */ chosen) =>
  /** @type {HTMLSelectElement} */ (h('select', null, options.map(([v, t]) => h('option', { value: v, selected: v === chosen }, t))));
const checkbox = (/** @type {boolean} */ checked) => /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', checked }));

/**
 * The options for adding one title: instance, root folder (of that instance), quality profile,
 * monitoring, and the series- or movie-only settings. `values()` is the POST /media/add body.
 * @param {{ kind: 'series'|'movie', lookupId: string, library: Library, takenInstanceIds: Set<number> }} props
 */
export function addOptions({ kind, lookupId, library, takenInstanceIds }) {
  const free = library.instances.find((i) => !takenInstanceIds.has(i.id)) || library.instances[0];
  const instance = select(library.instances.map((i) => [String(i.id), takenInstanceIds.has(i.id) ? `${i.name} (already added)` : i.name]), String(free?.id ?? ''));
  const rootFolder = /** @type {HTMLSelectElement} */ (h('select'));
  const profile = /** @type {HTMLSelectElement} */ (h('select'));
  const tagBoxes = library.tags.map((t) => /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', value: String(t.id) })));
  const tags = library.tags.length
    ? h('fieldset', { class: 'field field-checkboxes add-tags' }, h('legend', null, 'Tags'),
      tagBoxes.map((b, i) => h('label', { class: 'check' }, b, ' ', library.tags[i].label)), h('span', { class: 'field-error', 'data-error-for': 'tags' }))
    : null;
  const series = {
    monitor: select(/** @type {any} */ (MONITOR_OPTIONS), 'all'),
    monitorNewSeasons: checkbox(true),
    seriesType: select(/** @type {any} */ (SERIES_TYPES), 'standard'),
    seasonFolder: checkbox(true),
  };
  const movie = { monitored: checkbox(true), minimumAvailability: select(/** @type {any} */ (AVAILABILITY), 'released') };

  function fillForInstance() {
    const inst = library.instances.find((i) => String(i.id) === instance.value);
    const folders = library.rootFolders.filter((f) => f.instanceId === inst?.id);
    replace(rootFolder, folders.length
      ? folders.map((f) => h('option', { value: String(f.id), selected: f.id === inst?.defaultRootFolderId }, f.path))
      : h('option', { value: '' }, 'No root folder for this instance'));
    replace(profile, library.profiles.map((p) => h('option', { value: String(p.id), selected: p.id === inst?.defaultQualityProfileId }, p.name)));
    if (inst?.mediaType === 'anime') series.seriesType.value = 'anime';
  }
  instance.addEventListener('change', fillForInstance);
  fillForInstance();

  const general = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const el = h('div', { class: 'form-fields add-options' }, general,
    field('instanceId', 'Instance', instance),
    field('rootFolderId', 'Root folder', rootFolder, 'The title gets its own folder inside this one.'),
    field('qualityProfileId', 'Quality profile', profile),
    kind === 'series' ? [
      field('monitor', 'Monitor', series.monitor),
      field('monitorNewSeasons', 'Monitor new seasons', series.monitorNewSeasons),
      field('seriesType', 'Series type', series.seriesType),
      field('seasonFolder', 'Season folders', series.seasonFolder),
    ] : [
      field('monitored', 'Monitored', movie.monitored),
      field('minimumAvailability', 'Minimum availability', movie.minimumAvailability, 'When a monitored movie counts as missing.'),
    ],
    tags);

  const num = (/** @type {HTMLSelectElement} */ s) => (s.value === '' ? null : Number(s.value));
  return {
    el,
    general,
    values() {
      const common = {
        lookupId, instanceId: num(instance), rootFolderId: num(rootFolder), qualityProfileId: num(profile),
        tags: tagBoxes.filter((b) => b.checked).map((b) => Number(b.value)),
      };
      if (kind === 'movie') return { ...common, monitored: movie.monitored.checked, minimumAvailability: movie.minimumAvailability.value };
      return { ...common, monitor: series.monitor.value, monitorNewSeasons: series.monitorNewSeasons.checked,
        seriesType: series.seriesType.value, seasonFolder: series.seasonFolder.checked };
    },
    /** Field messages beside their fields; returns the messages that had no field. */
    showFieldErrors(/** @type {{ field: string, message: string }[]} */ errors) {
      el.querySelectorAll('[data-error-for]').forEach((e) => { e.textContent = ''; });
      const rest = [];
      for (const e of errors) {
        const slot = el.querySelector(`[data-error-for="${CSS.escape(e.field)}"]`);
        if (slot) slot.textContent = e.message; else rest.push(e.message);
      }
      return rest;
    },
  };
}
