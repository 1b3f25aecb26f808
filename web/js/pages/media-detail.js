// @ts-check
import * as api from '../api.js';
import { h, replace, reportError, emit } from '../dom.js';
import { formatBytes, humanize, seasonLabel, episodeCode } from '../lib/format.js';
import { monitorToggle } from '../components/toggle.js';
import { confirmModal } from '../components/modal.js';
import { openInteractiveSearch, searchReleasesButton } from '../components/interactive-search.js';
import { detailPoster, detailFanart, episodeFileLine, fileFacts, refreshFacts, releaseDates, unmatchedFiles, otherVersions } from '../components/media-extras.js';

/**
 * One title: facts, the whole-title monitor toggle, seasons with their episodes (series) or the
 * file (movie), delete. Every toggle re-renders from the Media the server answers.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountMediaDetail(el, { params, signal, user }) {
  const id = Number(params.id);
  const admin = user?.role === 'admin';
  /** @type {import('../types.js').Media|null} */
  let media = null;
  /** @type {Map<number, string>} */
  let tagLabels = new Map();
  let busy = false;

  el.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  el.addEventListener('idk:toggle', (e) => setMonitored(/** @type {CustomEvent} */ (e).detail), { signal });
  load();

  async function load() {
    try {
      const [m, tags] = await Promise.all([api.get(`/media/${id}`, { signal }), api.list('/tags', { signal }).catch(() => [])]);
      tagLabels = new Map(tags.map((t) => [t.id, t.label]));
      media = m;
      update();
    } catch (err) {
      if (/** @type {any} */ (err)?.status === 404) replace(el, h('h1', null, 'Not found'), h('p', null, h('a', { href: '#/media' }, 'Back to the library')));
      else reportError(el, err);
    }
  }

  /** @param {{ scope: 'media'|'season'|'episode', seasonNumber?: number, episodeId?: number, monitored: boolean }} d */
  async function setMonitored(d) {
    if (!media || busy) return;
    /** @type {Record<string, unknown>} */
    const body = { monitored: d.monitored };
    if (d.scope === 'season') body.seasonNumber = d.seasonNumber;
    if (d.scope === 'episode') body.episodeIds = [d.episodeId];
    busy = true;
    el.classList.add('is-busy');
    try {
      media = await api.put(`/media/${id}/monitor`, body, { signal });
      update();
    } catch (err) { reportError(el, err); } finally {
      busy = false;
      el.classList.remove('is-busy');
    }
  }

  /** Refresh (metadata) or rescan (disk): the button shows it is busy, a toast tells the outcome. */
  async function runAction(/** @type {'refresh'|'rescan'} */ action, /** @type {HTMLButtonElement} */ button) {
    if (!media || button.disabled) return;
    const label = button.textContent;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = action === 'refresh' ? 'Refreshing…' : 'Scanning…';
    try {
      const answer = await api.post(`/media/${id}/${action}`, undefined, { signal });
      if (action === 'refresh') {
        media = answer;
        emit(el, 'toast', { kind: 'success', message: `Refreshed ${answer.title}.` });
      } else {
        emit(el, 'toast', { kind: 'success', message: scanSummary(answer) });
        media = await api.get(`/media/${id}`, { signal });
      }
      update();
    } catch (err) {
      reportError(el, err);
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = label;
    }
  }

  async function remove() {
    if (!media) return;
    if (!(await confirmModal('Delete title?', `Delete “${media.title}” from the library? Files on disk are not touched.`))) return;
    try {
      await api.del(`/media/${id}`, { version: media.version, signal });
      emit(el, 'toast', { kind: 'success', message: 'Title deleted.' });
      location.hash = '#/media';
    } catch (err) { reportError(el, err); }
  }

  /** Render the whole page from `media` (idempotent). */
  function update() {
    if (!media) return;
    const m = media;
    const action = (/** @type {'refresh'|'rescan'} */ a, /** @type {string} */ text) => h('button', {
      type: 'button', class: 'btn', id: `${a}-media`, onclick: (/** @type {Event} */ e) => runAction(a, /** @type {HTMLButtonElement} */ (e.currentTarget)) }, text);
    replace(el,
      h('p', { class: 'crumbs' }, h('a', { href: '#/media' }, '‹ Library')),
      detailFanart(m),
      h('header', { class: 'detail-head' },
        detailPoster(m),
        h('div', { class: 'detail-heading' }, h('h1', { class: 'detail-title' }, m.title),
          h('p', { class: 'muted' }, [m.year ? String(m.year) : '', humanize(m.mediaType), humanize(m.status)].filter(Boolean).join(' · '))),
        h('div', { class: 'detail-actions' },
          monitorToggle({ pressed: m.monitored, label: `Monitor ${m.title}`, detail: { scope: 'media' }, disabled: !admin }),
          admin && (m.tmdbId || m.tvdbId || m.imdbId || m.tvmazeId) ? action('refresh', 'Refresh') : null, // needs a provider id
          admin && m.path ? action('rescan', 'Rescan') : null,
          admin && m.mediaType === 'movie' ? searchReleasesButton({ label: `Search releases for ${m.title}`, id: 'search-movie',
            onclick: () => openInteractiveSearch({ mediaId: m.id, title: m.title, signal }) }) : null,
          admin ? h('button', { type: 'button', class: 'btn btn-danger', id: 'delete-media', onclick: remove }, 'Delete') : null)),
      m.overview ? h('p', { class: 'overview' }, m.overview) : null,
      facts(m, tagLabels),
      otherVersions(m),
      m.mediaType === 'movie' ? [releaseDates(m), movieFile(m)] : null,
      unmatchedFiles(m),
      m.mediaType === 'movie' ? null : seasons(m, admin ? search : null));
  }

  /** A series' interactive search: a season or an episode. */
  function search(/** @type {{ seasonNumber?: number, episodeId?: number, label: string }} */ t) {
    if (!media) return;
    openInteractiveSearch({ mediaId: media.id, title: `${media.title} · ${t.label}`, seasonNumber: t.seasonNumber, episodeId: t.episodeId, signal });
  }
}

/** @typedef {((t: { seasonNumber?: number, episodeId?: number, label: string }) => void) | null} SearchAction */

/** "Rescan: 3 matched, 1 unmatched, 0 cleared." from a ScanReport (lists or counts). */
export function scanSummary(/** @type {any} */ r) {
  const n = (/** @type {unknown} */ v) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0);
  return `Rescan: ${n(r?.matched)} matched, ${n(r?.unmatched)} unmatched, ${n(r?.cleared)} cleared.`;
}

function facts(/** @type {import('../types.js').Media} */ m, /** @type {Map<number,string>} */ tagLabels) {
  const ids = [['TMDB', m.tmdbId], ['TVDB', m.tvdbId], ['IMDb', m.imdbId], ['TVmaze', m.tvmazeId]].filter(([, v]) => v);
  const row = (/** @type {string} */ k, /** @type {any} */ v) => [h('dt', null, k), h('dd', null, v)];
  return h('dl', { class: 'facts panel' },
    row('Path', m.path || '—'),
    row('IDs', ids.length ? ids.map(([k, v]) => `${k} ${v}`).join(' · ') : '—'),
    row('Tags', (m.tags || []).length ? h('span', { class: 'tags' }, m.tags.map((t) => h('span', { class: 'tag' }, tagLabels.get(t) || `#${t}`))) : '—'),
    row('Size on disk', formatBytes(m.statistics?.sizeOnDisk ?? 0)),
    refreshFacts(m));
}

function movieFile(/** @type {import('../types.js').Media} */ m) {
  const f = m.movieFile;
  return h('section', { class: 'panel' }, h('h2', null, 'File'),
    f ? h('dl', { class: 'facts movie-file' }, fileFacts(f)) : h('p', { class: 'muted' }, 'No file yet.'));
}

/** The seasons and their episodes; `search` (admins) opens a season's or an episode's interactive search. */
function seasons(/** @type {import('../types.js').Media} */ m, /** @type {SearchAction} */ search) {
  const admin = Boolean(search);
  const episodes = m.episodes || [];
  const numbers = [...new Set([...(m.seasons || []).map((s) => s.seasonNumber), ...episodes.map((e) => e.seasonNumber)])].sort((a, b) => b - a);
  if (!numbers.length) return h('p', { class: 'muted' }, 'No episodes yet.');
  return numbers.map((n) => {
    const season = (m.seasons || []).find((s) => s.seasonNumber === n);
    const eps = episodes.filter((e) => e.seasonNumber === n).sort((a, b) => b.episodeNumber - a.episodeNumber);
    const have = eps.filter((e) => e.hasFile).length;
    return h('section', { class: 'panel season', 'data-season': String(n) },
      h('div', { class: 'section-head' },
        h('h2', null, seasonLabel(n), h('span', { class: 'muted season-count' }, ` ${have}/${eps.length}`)),
        h('div', { class: 'season-actions' },
          search ? searchReleasesButton({ label: `Search releases for ${seasonLabel(n)}`, compact: true,
            onclick: () => search({ seasonNumber: n, label: seasonLabel(n) }) }) : null,
          monitorToggle({ pressed: Boolean(season?.monitored), label: `Monitor ${seasonLabel(n)}`, detail: { scope: 'season', seasonNumber: n }, disabled: !admin || !season }))),
      h('ul', { class: 'episodes' }, eps.map((e) => episodeRow(e, search))));
  });
}

function episodeRow(/** @type {import('../types.js').Episode} */ e, /** @type {SearchAction} */ search) {
  const code = episodeCode(e.seasonNumber, e.episodeNumber);
  return h('li', { class: ['episode', e.hasFile && 'has-file', e.removedFromProvider && 'is-removed'], 'data-episode-id': String(e.id) },
    h('span', { class: 'ep-code' }, code),
    h('span', { class: 'ep-title' }, e.title || 'TBA',
      e.removedFromProvider ? h('span', { class: 'badge badge-removed', title: 'The provider no longer lists this episode; kept for its file.' }, 'Removed from provider') : null),
    h('span', { class: 'ep-date muted' }, e.airDate || '—'),
    h('span', { class: ['ep-file', e.hasFile ? 'ok' : 'missing'] }, e.hasFile ? 'Downloaded' : 'Missing'),
    h('span', { class: 'ep-actions' },
      search ? searchReleasesButton({ label: `Search releases for ${code}`, compact: true, onclick: () => search({ episodeId: e.id, label: code }) }) : null,
      monitorToggle({ pressed: e.monitored, label: `Monitor ${code}`, detail: { scope: 'episode', episodeId: e.id }, disabled: !search })),
    episodeFileLine(e.episodeFile));
}
