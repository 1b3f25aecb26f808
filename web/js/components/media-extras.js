// @ts-check
// Parts of the title page that show what metadata refresh and disk scan found: artwork, file
// facts, release dates, unmatched files. Pure render functions of a Media.
import { h } from '../dom.js';
import { mediaImageUrl } from '../api.js';
import { formatBytes, formatDateTime } from '../lib/format.js';
import { hasImage } from './poster-card.js';

/** The poster beside the title (idkarr's cached copy); gone when it does not load. */
export function detailPoster(/** @type {import('../types.js').Media} */ m) {
  if (!hasImage(m, 'poster')) return null;
  return h('img', { class: 'detail-poster', src: mediaImageUrl(m.id, 'poster'), alt: '', decoding: 'async',
    onerror: (/** @type {Event} */ e) => /** @type {HTMLElement} */ (e.target).remove() });
}

/** The fanart as a faint band behind the header; gone when it does not load. */
export function detailFanart(/** @type {import('../types.js').Media} */ m) {
  if (!hasImage(m, 'fanart')) return null;
  return h('img', { class: 'detail-fanart', src: mediaImageUrl(m.id, 'fanart'), alt: '', decoding: 'async', 'aria-hidden': 'true',
    onerror: (/** @type {Event} */ e) => /** @type {HTMLElement} */ (e.target).remove() });
}

/** "1080p WEBDL · Proper" from a file's quality and revision. */
export function qualityText(/** @type {any} */ f) {
  const name = f?.quality?.name || 'Unknown quality';
  return f?.revision && f.revision > 1 ? `${name} · ${f.revision === 2 ? 'Proper' : `v${f.revision}`}` : name;
}

/** One line for an episode's file: quality · size · languages · group, then the path. */
export function episodeFileLine(/** @type {any} */ f) {
  if (!f) return null;
  const parts = [qualityText(f), formatBytes(f.size), (f.languages || []).join(', '), f.releaseGroup ? `[${f.releaseGroup}]` : ''].filter(Boolean);
  return h('div', { class: 'ep-file-detail' },
    h('span', { class: 'ep-file-facts' }, parts.join(' · ')),
    h('span', { class: 'ep-file-path mono muted' }, f.path));
}

/** Rows of a file's facts for a <dl>. */
export function fileFacts(/** @type {any} */ f) {
  const row = (/** @type {string} */ k, /** @type {any} */ v) => [h('dt', null, k), h('dd', null, v)];
  return [
    row('Path', h('span', { class: 'mono' }, f.path)),
    row('Size', formatBytes(f.size)),
    row('Quality', qualityText(f)),
    row('Languages', (f.languages || []).join(', ') || '—'),
    row('Release group', f.releaseGroup || '—'),
    row('Added', formatDateTime(f.dateAdded)),
  ];
}

/** Facts rows for when the title was last refreshed and scanned. */
export function refreshFacts(/** @type {any} */ m) {
  return [
    h('dt', null, 'Last refreshed'), h('dd', { class: 'last-refreshed' }, m.lastRefreshed ? formatDateTime(m.lastRefreshed) : 'Never'),
    h('dt', null, 'Last scanned'), h('dd', { class: 'last-scanned' }, m.lastScanned ? formatDateTime(m.lastScanned) : 'Never'),
  ];
}

/** A movie's release dates (in cinemas, digital, physical) and minimum availability. */
export function releaseDates(/** @type {any} */ m) {
  const d = m.releaseDates || {};
  const row = (/** @type {string} */ k, /** @type {string} */ key) => [h('dt', null, k), h('dd', { 'data-release': key }, d[key] || '—')];
  return h('section', { class: 'panel release-dates' }, h('h2', null, 'Release dates'),
    h('dl', { class: 'facts' }, row('In cinemas', 'inCinemas'), row('Digital', 'digital'), row('Physical', 'physical'),
      h('dt', null, 'Minimum availability'), h('dd', null, { announced: 'Announced', inCinemas: 'In cinemas', released: 'Released' }[/** @type {string} */ (m.minimumAvailability)] || '—')));
}

/** Video files in the title's folder that the last scan could not match. */
export function unmatchedFiles(/** @type {any} */ m) {
  const files = Array.isArray(m.unmatchedFiles) ? m.unmatchedFiles : [];
  if (!files.length) return null;
  return h('section', { class: 'panel unmatched' }, h('h2', null, `Unmatched files (${files.length})`),
    h('p', { class: 'muted' }, 'Video files in this title’s folder that match no episode. Rename them or fix the title’s ids, then rescan.'),
    h('ul', { class: 'unmatched-list' }, files.map((/** @type {any} */ f) => h('li', { class: 'unmatched-file' },
      h('span', { class: 'mono unmatched-path' }, f.relativePath),
      h('span', { class: 'muted' }, `${formatBytes(f.size)} · ${f.reason}`)))));
}

/** The same title in other instances (e.g. "Movies" and "Movies 4K"), each linked. */
export function otherVersions(/** @type {any} */ m) {
  const versions = Array.isArray(m.otherVersions) ? m.otherVersions : [];
  if (!versions.length) return null;
  return h('section', { class: 'panel other-versions' }, h('h2', null, 'Other versions'),
    h('ul', { class: 'version-list' }, versions.map((/** @type {any} */ v) => h('li', { class: 'version', 'data-media-id': String(v.mediaId) },
      h('a', { href: `#/media/${v.mediaId}` }, v.instanceName || `Instance ${v.instanceId}`),
      h('span', { class: 'muted' }, [v.monitored ? 'Monitored' : 'Unmonitored',
        v.hasFile ? (v.quality?.name || 'Downloaded') : 'No file'].join(' · '))))));
}
