// @ts-check
// One line per indexer saying how it did in a search: releases and time, or why it failed, or
// that it is resting after failures (until when). Names and messages come from indexers: text.
import * as api from '../api.js';
import { h } from '../dom.js';
import { formatDateTime } from '../lib/format.js';
import { outcomeBadge, outcomeSummary } from '../lib/releases.js';

const BADGE_CLASS = { OK: 'badge-ok', Failed: 'badge-error', Resting: 'badge-warn', Skipped: 'badge-warn' };

/**
 * @typedef {{ indexerId: number, name: string, state: 'ok'|'failed'|'skipped', code?: string }} OutcomeLike
 */

/**
 * @template {OutcomeLike} T
 * @param {T[]} outcomes                 a search's outcomes, or an RSS sync's indexer parts
 * @param {Map<number, import('../types.js').Indexer>} [indexers]   for when a resting indexer is back
 * @param {(o: T, until?: string) => string} [describe]   the line's text (default: a search's)
 */
export function indexerOutcomes(outcomes, indexers, describe = /** @type {any} */ (outcomeSummary)) {
  if (!outcomes.length) return h('p', { class: 'indexer-outcomes muted' }, 'No indexer was asked: none is enabled for this.');
  return h('ul', { class: 'indexer-outcomes', 'aria-label': 'Indexers' }, outcomes.map((o) => {
    const until = indexers?.get(o.indexerId)?.status?.disabledUntil;
    const badge = outcomeBadge(/** @type {any} */ (o));
    return h('li', { class: `indexer-outcome outcome-${o.state}`, 'data-indexer-id': String(o.indexerId), 'data-state': o.state },
      h('span', { class: `badge ${BADGE_CLASS[/** @type {keyof typeof BADGE_CLASS} */ (badge)]}` }, badge),
      h('span', { class: 'outcome-name' }, o.name),
      h('span', { class: 'outcome-text' }, describe(o, until ? formatDateTime(until) : undefined)));
  }));
}

/**
 * The indexers with their current status when a search skipped one that rests after failures
 * (its outcome says so, but not until when), else null. Best effort: null on any error.
 * @param {import('../types.js').IndexerOutcome[]} outcomes
 * @param {AbortSignal} signal
 * @returns {Promise<Map<number, import('../types.js').Indexer>|null>}
 */
export async function restingIndexers(outcomes, signal) {
  if (!outcomes.some((o) => o.code === 'backoff')) return null;
  try {
    return new Map((await api.list('/indexers', { signal })).map((ix) => [ix.id, ix]));
  } catch {
    return null;
  }
}
