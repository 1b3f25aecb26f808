// @ts-check
// Pure helpers for the Search page's state, which lives in the hash (#/search?query=…&type=…).

/** @typedef {ReturnType<typeof searchState>} SearchState */

export const SEARCH_TYPES = /** @type {const} */ (['search', 'tvsearch', 'movie']);
const MAX_QUERY = 200;

/**
 * The search named by a hash query, with anything invalid dropped: `query` (free text or an id
 * such as tvdb:121361), `type`, `season`/`episode` (TV), `year` (movies), `indexerIds` and
 * `categories` (comma-separated ids). `searched` tells whether the hash asks for a search at all.
 * @param {Record<string, string>} q
 */
export function searchState(q) {
  const type = SEARCH_TYPES.includes(/** @type {any} */ (q.type)) ? q.type : 'search';
  const num = (/** @type {string|undefined} */ v) => (/^\d{1,5}$/.test(v || '') ? String(Number(v)) : '');
  return {
    searched: 'query' in q || 'type' in q,
    query: String(q.query || '').trim().slice(0, MAX_QUERY),
    type,
    season: type === 'tvsearch' ? num(q.season) : '',
    episode: type === 'tvsearch' ? num(q.episode) : '',
    year: type === 'movie' ? num(q.year) : '',
    indexerIds: idList(q.indexerIds),
    categories: idList(q.categories),
  };
}

/** "5000, 2040,x,5000" → "5000,2040": positive whole numbers, once each, in order. */
export function idList(/** @type {unknown} */ value) {
  const ids = String(value ?? '').split(/[\s,]+/).filter((v) => /^\d{1,9}$/.test(v) && Number(v) > 0).map((v) => String(Number(v)));
  return [...new Set(ids)].join(',');
}

/**
 * The parameters of a search: the hash query the address bar keeps, and the API request's
 * query (empty values are left out of both).
 * @param {ReturnType<typeof searchState>} s
 */
export function searchParams(s) {
  return { query: s.query, type: s.type, season: s.season, episode: s.episode, year: s.year,
    indexerIds: s.indexerIds, categories: s.categories };
}
