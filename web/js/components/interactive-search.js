// @ts-check
// A title's interactive search (Sonarr's and Radarr's): a wide dialog that asks every indexer for
// a movie, a season or an episode, then shows how each indexer did and idkarr's decision on every
// release: the accepted ones by rank, the rejected ones with every reason.
import * as api from '../api.js';
import { h, replace, errorMessage } from '../dom.js';
import { plural } from '../lib/format.js';
import { openModal } from './modal.js';
import { mountReleaseTable } from './release-table.js';
import { indexerOutcomes, restingIndexers } from './indexer-outcomes.js';

/** @typedef {import('../types.js').Decision} Decision */

/**
 * The button that opens it: a labelled button, or (compact) an icon-sized one whose label is for
 * screen readers and the tooltip.
 * @param {{ label: string, compact?: boolean, id?: string, onclick: () => void }} props
 */
export function searchReleasesButton({ label, compact = false, id, onclick }) {
  if (!compact) return h('button', { type: 'button', class: 'btn search-releases', id, onclick }, 'Search releases');
  return h('button', { type: 'button', class: 'btn-icon search-releases', id, 'aria-label': label, title: label, onclick },
    h('span', { class: 'icon-search', 'aria-hidden': 'true' }));
}

/** The rank of an accepted release: 1 is what idkarr would take first. */
const RANK = { key: 'rank', label: 'Rank', className: 'col-num col-rank', sortValue: (/** @type {Decision} */ d) => d.rank ?? null,
  cell: (/** @type {Decision} */ d) => (d.rank ? `#${d.rank}` : '—') };

/** Every reason a release was rejected; a temporary one (it may pass later) says so. */
const REASONS = { key: 'reasons', label: 'Rejected because', className: 'col-reasons',
  sortValue: (/** @type {Decision} */ d) => d.rejections[0]?.reason.toLowerCase() ?? null,
  cell: (/** @type {Decision} */ d) => h('ul', { class: 'rejections' }, d.rejections.map((r) => h('li', {
    class: ['rejection', r.temporary && 'is-temporary'], 'data-specification': r.specification },
  h('span', { class: 'rejection-reason' }, r.reason),
  r.temporary ? h('span', { class: 'badge badge-warn', title: 'It may pass later, e.g. once it has more seeders or is older.' }, 'Temporary') : null))) };

/**
 * Open the dialog and run the search. One of `seasonNumber` / `episodeId` for a series, neither
 * for a movie.
 * @param {{ mediaId: number, title: string, seasonNumber?: number, episodeId?: number, signal?: AbortSignal }} target
 */
export async function openInteractiveSearch({ mediaId, title, seasonNumber, episodeId, signal }) {
  const closed = new AbortController();
  signal?.addEventListener('abort', () => closed.abort(), { once: true });
  const status = h('p', { class: 'search-status is-busy', role: 'status', 'data-state': 'busy' }, 'Searching the indexers…');
  const outcomes = h('div', { class: 'interactive-indexers' });
  const acceptedHead = h('h3', { class: 'decisions-head' }, 'Accepted');
  const acceptedEl = h('div', { class: 'decisions-accepted' });
  const rejectedEl = h('section', { class: 'decisions-rejected', id: `rejected-${mediaId}`, hidden: true });
  const toggle = /** @type {HTMLButtonElement} */ (h('button', {
    type: 'button', class: 'btn btn-small toggle-rejected', 'aria-expanded': 'false', 'aria-controls': rejectedEl.id, hidden: true,
    onclick: () => setRejectedOpen(rejectedEl.hidden),
  }));
  const results = h('div', { class: 'decisions', hidden: true }, acceptedHead, acceptedEl, toggle, rejectedEl);
  const body = h('div', { class: 'interactive-search', 'aria-busy': 'true' },
    h('p', { class: 'muted grab-note' }, 'Grabbing a release comes with download clients. For now this shows what idkarr would take, and why not the rest.'),
    status, outcomes, results);
  const accepted = mountReleaseTable(acceptedEl, { release: (d) => d.release, lead: [RANK], caption: 'Accepted releases', empty: 'No release is acceptable.' });
  const rejected = mountReleaseTable(rejectedEl, { release: (d) => d.release, trail: [REASONS], caption: 'Rejected releases', empty: 'No release was rejected.' });
  let rejectedCount = 0;

  function setRejectedOpen(/** @type {boolean} */ open) {
    rejectedEl.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = `${open ? 'Hide' : 'Show'} rejected (${rejectedCount})`;
  }

  const shown = openModal({ title: `Releases for ${title}`, body, className: 'modal-xwide', signal: closed.signal });
  shown.then(() => closed.abort()); // closing the dialog ends the search
  try {
    const query = { mediaId, seasonNumber, episodeId };
    /** @type {import('../types.js').Decisions} */
    const answer = await api.get('/releases', { query, signal: closed.signal });
    const statuses = await restingIndexers(answer.indexers, closed.signal);
    const good = answer.decisions.filter((d) => d.accepted);
    const bad = answer.decisions.filter((d) => !d.accepted);
    rejectedCount = bad.length;
    status.className = 'search-status';
    status.dataset.state = 'done';
    status.textContent = `${plural(answer.decisions.length, 'release')}: ${good.length} accepted, ${bad.length} rejected.`;
    outcomes.replaceChildren(indexerOutcomes(answer.indexers, statuses || undefined));
    replace(acceptedHead, `Accepted (${good.length})`);
    accepted.update(good);
    rejected.update(bad);
    toggle.hidden = bad.length === 0;
    setRejectedOpen(false);
    results.hidden = false;
  } catch (err) {
    if (/** @type {any} */ (err)?.name !== 'AbortError') {
      status.className = 'search-status form-error';
      status.dataset.state = 'error';
      status.textContent = `The search failed: ${errorMessage(err)}`;
    }
  } finally {
    body.setAttribute('aria-busy', 'false');
  }
  await shown;
}
