// @ts-check
import { h, emit } from '../dom.js';
import { localImagePath } from '../api.js';
import { initials, humanize } from '../lib/format.js';

/**
 * @typedef {object} LookupResult  one title a metadata provider knows (GET /media/lookup)
 * @property {'series'|'movie'|'anime'} kind
 * @property {string} title
 * @property {number} [year]
 * @property {string} [overview]
 * @property {string} [status]
 * @property {string} [network]
 * @property {number} [tmdbId]
 * @property {number} [tvdbId]
 * @property {string} [imdbId]
 * @property {number} [tvmazeId]
 * @property {string} lookupId       e.g. "tvmaze:82"
 * @property {string} [provider]
 * @property {string} [poster]       a same-origin path idkarr serves
 * @property {number} [confidence]   import proposals only, 0…1
 * @property {{ instanceId: number, mediaId: number }[]} [inLibrary]
 */

/** "TMDB 1399 · TVDB 121361 · IMDb tt0944947 · TVmaze 82" (only the ids it has). */
export function idLine(/** @type {LookupResult} */ r) {
  return [['TMDB', r.tmdbId], ['TVDB', r.tvdbId], ['IMDb', r.imdbId], ['TVmaze', r.tvmazeId]]
    .filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(' · ');
}

/** "Game of Thrones (2011)". */
export function titleWithYear(/** @type {{ title: string, year?: number|null }} */ r) {
  return r.year ? `${r.title} (${r.year})` : r.title;
}

/** A small poster: the provider's image through idkarr, or the title's initials. */
export function lookupPoster(/** @type {LookupResult} */ r) {
  const placeholder = () => h('div', { class: 'poster-placeholder', 'aria-hidden': 'true' }, initials(r.title));
  const src = localImagePath(r.poster);
  if (!src) return h('div', { class: 'lookup-art' }, placeholder());
  return h('div', { class: 'lookup-art' }, h('img', {
    class: 'poster-img', src, alt: '', loading: 'lazy', decoding: 'async',
    onerror: (/** @type {Event} */ e) => /** @type {HTMLElement} */ (e.target).replaceWith(placeholder()),
  }));
}

/** Links to the copies of this title already in the library, one per instance. */
export function inLibraryBadges(/** @type {LookupResult} */ r, /** @type {Map<number, string>} */ instanceNames) {
  const copies = Array.isArray(r.inLibrary) ? r.inLibrary : [];
  if (!copies.length) return null;
  return h('div', { class: 'in-library' }, copies.map((c) => h('a', {
    class: 'badge badge-library', href: `#/media/${c.mediaId}`, 'data-media-id': String(c.mediaId),
  }, `In library: ${instanceNames.get(c.instanceId) || `instance ${c.instanceId}`}`)));
}

/**
 * One search result. The pick button bubbles `idk:pick` with the result.
 * @param {LookupResult} r
 * @param {{ instanceNames: Map<number, string>, pickLabel?: string }} opts
 */
export function lookupCard(r, { instanceNames, pickLabel = 'Add…' }) {
  const meta = [r.network || '', r.status ? humanize(r.status) : '', r.provider || '']
    .filter(Boolean).join(' · ');
  const card = h('article', { class: 'lookup-card', 'data-lookup-id': r.lookupId },
    lookupPoster(r),
    h('div', { class: 'lookup-body' },
      h('h3', { class: 'lookup-title' }, titleWithYear(r)),
      meta ? h('p', { class: 'muted lookup-meta' }, meta) : null,
      h('p', { class: 'muted lookup-ids mono' }, idLine(r)),
      r.overview ? h('p', { class: 'lookup-overview' }, r.overview) : null,
      inLibraryBadges(r, instanceNames),
      h('div', { class: 'lookup-actions' }, h('button', {
        type: 'button', class: 'btn btn-primary btn-small lookup-pick',
        onclick: () => emit(card, 'pick', r),
      }, pickLabel))));
  return card;
}
