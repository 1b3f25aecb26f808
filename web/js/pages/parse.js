// @ts-check
import * as api from '../api.js';
import { h, replace, reportError } from '../dom.js';

/** The fields shown, in order, with their labels. */
const FIELDS = /** @type {[string, string][]} */ ([
  ['kind', 'Kind'], ['seriesTitle', 'Series'], ['movieTitle', 'Movie'], ['year', 'Year'], ['cleanTitle', 'Clean title'],
  ['seasonNumber', 'Season'], ['episodeNumbers', 'Episodes'], ['absoluteEpisodeNumbers', 'Absolute episodes'],
  ['airDate', 'Air date'], ['fullSeason', 'Full season'], ['special', 'Special'], ['quality', 'Quality'],
  ['revision', 'Revision'], ['languages', 'Languages'], ['releaseGroup', 'Release group'], ['releaseHash', 'Release hash'],
  ['edition', 'Edition'], ['imdbId', 'IMDb'], ['tmdbId', 'TMDB'],
]);

/** How one parsed value reads as text (the parser's output comes from strangers' titles: text only). */
export function describeValue(/** @type {string} */ key, /** @type {any} */ value) {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  if (key === 'quality') return [value.name, value.source, value.resolution ? `${value.resolution}p` : null, value.modifier]
    .filter((v) => v && v !== 'none' && v !== 'unknown').join(' · ') || null;
  if (key === 'revision') return value.version > 1 || value.real > 0 || value.isRepack
    ? [`v${value.version}`, value.real > 0 ? `real ${value.real}` : null, value.isRepack ? 'repack' : null].filter(Boolean).join(' · ') : null;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? v.name ?? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : null;
  return String(value);
}

/**
 * Parse: what idkarr reads from a release name or file path (like Sonarr's parse tester).
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountParse(el, { signal, query }) {
  const input = /** @type {HTMLInputElement} */ (h('input', {
    type: 'text', id: 'parse-title', class: 'input', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Series.Title.S01E05.720p.HDTV.x264-GROUP', value: query?.title || '',
  }));
  const result = h('dl', { class: 'facts', id: 'parse-result' });
  let timer = 0;
  let seq = 0;

  async function run() {
    const title = input.value.trim();
    const mine = ++seq;
    if (!title) return replace(result);
    try {
      const parsed = await api.get('/parse', { query: { title }, signal });
      if (mine === seq) update(parsed);
    } catch (err) { reportError(el, err); }
  }

  function update(/** @type {any} */ parsed) {
    const rows = FIELDS.flatMap(([key, label]) => {
      const text = describeValue(key, parsed[key]);
      return text === null ? [] : [h('dt', null, label), h('dd', { 'data-field': key }, text)];
    });
    replace(result, ...(rows.length ? rows : [h('dd', { class: 'muted' }, 'Nothing recognised.')]));
  }

  input.addEventListener('input', () => { clearTimeout(timer); timer = window.setTimeout(run, 250); }, { signal });
  el.replaceChildren(
    h('h1', null, 'Parse'),
    h('p', { class: 'muted' }, 'Type a release name or a file path to see what idkarr reads from it.'),
    h('section', { class: 'panel' }, h('label', { class: 'field-label', for: 'parse-title' }, 'Release name'), input),
    h('section', { class: 'panel' }, result));
  input.focus();
  run();
}
