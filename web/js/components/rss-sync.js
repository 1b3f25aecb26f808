// @ts-check
// The RSS sync panel of the Indexers page: schedule, the last run's report (each indexer, the
// counts, the new releases that belong to library titles, accepted or rejected with why), and
// "Run RSS sync now" for admins. Titles and messages come from indexers: text only.
import * as api from '../api.js';
import { h, replace, emit, errorMessage } from '../dom.js';
import { formatBytes, formatDateTime, formatDuration, plural } from '../lib/format.js';
import { rssPartSummary } from '../lib/releases.js';
import { mountDataTable } from './data-table.js';
import { indexerOutcomes } from './indexer-outcomes.js';

/** @typedef {import('../types.js').RssStatus} RssStatus */
/** @typedef {import('../types.js').RssMatch} RssMatch */

const POLL_MS = 3000;

/**
 * @param {HTMLElement} el
 * @param {{ signal: AbortSignal, admin: boolean }} props
 */
export function mountRssSync(el, { signal, admin }) {
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn', id: 'rss-run', onclick: run }, 'Run RSS sync now'));
  const message = h('p', { class: 'rss-message', role: 'status', hidden: true });
  const body = h('div', { class: 'rss-body' }, h('p', { class: 'loading' }, 'Loading…'));
  el.classList.add('panel', 'rss-sync');
  el.id = 'rss-sync';
  el.replaceChildren(h('div', { class: 'section-head' }, h('h2', null, 'RSS sync'), admin ? button : null), message, body);
  let timer = 0;
  signal.addEventListener('abort', () => clearTimeout(timer));
  load();

  async function load() {
    clearTimeout(timer);
    try {
      render(await api.get('/indexers/rss', { signal }));
    } catch (err) {
      if (/** @type {any} */ (err)?.name !== 'AbortError') say(`Could not read the RSS sync status: ${errorMessage(err)}`, true);
    }
  }

  async function run() {
    setBusy(true);
    message.hidden = true;
    try {
      render(await api.post('/indexers/rss', undefined, { signal }));
      say('RSS sync finished.', false);
      emit(el, 'rss-synced', null);
    } catch (err) {
      if (/** @type {any} */ (err)?.name === 'AbortError') return;
      if (/** @type {any} */ (err)?.status === 409) {
        say('An RSS sync is already running; its report shows here when it ends.', false);
        await load();
      } else say(`RSS sync failed: ${errorMessage(err)}`, true);
    } finally {
      setBusy(false);
    }
  }

  function setBusy(/** @type {boolean} */ busy) {
    button.disabled = busy;
    button.textContent = busy ? 'Syncing…' : 'Run RSS sync now';
    button.setAttribute('aria-busy', String(busy));
    el.setAttribute('aria-busy', String(busy));
  }

  function say(/** @type {string} */ text, /** @type {boolean} */ error) {
    message.hidden = false;
    message.className = `rss-message ${error ? 'form-error' : 'muted'}`;
    message.textContent = text;
  }

  function render(/** @type {RssStatus} */ s) {
    replace(body, schedule(s), s.lastReport ? report(s.lastReport) : h('p', { class: 'muted rss-never' }, 'RSS sync has not run yet.'));
    if (s.running) timer = window.setTimeout(load, POLL_MS); // show the report once it ends
  }

  return { reload: load };
}

function schedule(/** @type {RssStatus} */ s) {
  const r = s.lastReport;
  const row = (/** @type {string} */ k, /** @type {string} */ key, /** @type {string} */ v) => [h('dt', null, k), h('dd', { 'data-rss': key }, v)];
  // The report's times are whole seconds: under one, "took" says nothing.
  const seconds = r ? Math.round((new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime()) / 1000) : 0;
  return h('dl', { class: 'facts rss-facts' },
    row('Schedule', 'schedule', s.enabled ? `On, every ${plural(s.intervalMinutes, 'minute')}` : 'Off (set an interval under Indexer options)'),
    row('Next run', 'next', s.running ? 'Running now' : s.enabled && s.nextRun ? formatDateTime(s.nextRun) : '—'),
    row('Last run', 'last', r ? [formatDateTime(r.finishedAt), r.trigger === 'manual' ? 'run by hand' : 'scheduled',
      seconds >= 1 ? `took ${formatDuration(seconds)}` : ''].filter(Boolean).join(' · ') : 'Never'));
}

function report(/** @type {import('../types.js').RssReport} */ r) {
  const count = (/** @type {string} */ k, /** @type {string} */ key, /** @type {number} */ n) => h('div', { class: 'rss-count', 'data-count': key },
    h('span', { class: 'rss-count-value' }, String(n)), h('span', { class: 'rss-count-label muted' }, k));
  return h('div', { class: 'rss-report' },
    indexerOutcomes(r.indexers, undefined, rssPartSummary),
    h('div', { class: 'rss-counts' },
      count('new releases', 'new', r.newReleases), count('for library titles', 'matched', r.matched),
      count('accepted', 'accepted', r.acceptedCount), count('rejected', 'rejected', r.rejectedCount)),
    matches('Accepted', 'rss-accepted', r.accepted, r.acceptedCount,
      'Grabbing accepted releases comes with download clients.'),
    matches('Rejected', 'rss-rejected', r.rejected, r.rejectedCount, ''));
}

/** A list of matches (the report keeps the first 100 of each verdict). */
function matches(/** @type {string} */ title, /** @type {string} */ id, /** @type {RssMatch[]} */ items, /** @type {number} */ total, /** @type {string} */ note) {
  const section = h('section', { class: 'rss-matches', id }, h('h3', null, `${title} (${total})`),
    note && items.length ? h('p', { class: 'muted' }, note) : null,
    total > items.length ? h('p', { class: 'muted' }, `The first ${items.length} are listed.`) : null);
  if (!items.length) return section;
  const tableEl = h('div');
  section.appendChild(tableEl);
  const rejected = items.some((m) => !m.accepted);
  mountDataTable(tableEl, {
    caption: `${title} releases`,
    rowKey: (m) => `${m.indexerId}|${m.releaseTitle}|${m.mediaId}`,
    columns: [
      { label: 'Release', className: 'col-release', cell: (m) => h('span', { class: 'release-name' }, m.releaseTitle) },
      { label: 'Title', cell: (m) => h('a', { href: `#/media/${m.mediaId}`, class: 'rss-media' }, m.mediaTitle) },
      { label: 'Quality', cell: (m) => m.quality },
      { label: 'Size', className: 'col-num', cell: (m) => formatBytes(m.size) },
      { label: 'Indexer', cell: (m) => m.indexer },
      ...(rejected ? [{ label: 'Rejected because', className: 'col-reasons',
        cell: (/** @type {RssMatch} */ m) => h('ul', { class: 'rejections' }, m.rejections.map((why) => h('li', { class: 'rejection' }, why))) }] : []),
    ],
  }).update(items);
  return section;
}
