// @ts-check
// Pure helpers for releases as search results show them: labels, sorting, filtering, the line
// that says how an indexer did (no DOM). Tested in Tests/python/test_ui_lib.py.
import { episodeCode, formatMilliseconds, plural } from './format.js';

/** @typedef {import('../types.js').Release} Release */
/** @typedef {import('../types.js').ParsedInfo} ParsedInfo */

/**
 * What a release holds, as the parser read it: "S03E05", "S01E01-E03", "S02" (a whole season),
 * "2012-02-22" (a daily show), "#07" (anime, absolute), "1999" (a movie's year), or "—".
 * @param {ParsedInfo|null|undefined} p
 */
export function episodeLabel(p) {
  if (!p) return '—';
  if (p.kind === 'movie') return p.year ? String(p.year) : '—';
  if (p.kind !== 'episode') return '—';
  if (p.airDate) return p.airDate;
  const eps = p.episodeNumbers || [];
  if (typeof p.seasonNumber === 'number') {
    if (p.fullSeason || !eps.length) return `S${String(p.seasonNumber).padStart(2, '0')}`;
    const first = episodeCode(p.seasonNumber, eps[0]);
    return eps.length > 1 ? `${first}-E${String(eps[eps.length - 1]).padStart(2, '0')}` : first;
  }
  const abs = p.absoluteEpisodeNumbers || [];
  if (abs.length) return abs.map((n) => `#${String(n).padStart(2, '0')}`).join('-');
  return '—';
}

/** The series or movie title the parser read, or "". */
export function parsedTitle(/** @type {ParsedInfo|null|undefined} */ p) {
  return (p && (p.seriesTitle || p.movieTitle)) || '';
}

/** "HDTV-720p", "WEBDL-1080p · Proper", "Bluray-1080p · Repack" from a parsed release. */
export function qualityLabel(/** @type {ParsedInfo|null|undefined} */ p) {
  const name = p?.quality?.name || 'Unknown';
  const rev = p?.revision;
  if (!rev) return name;
  const extra = rev.isRepack ? 'Repack' : rev.version === 2 ? 'Proper' : rev.version > 2 ? `v${rev.version}` : '';
  return extra ? `${name} · ${extra}` : name;
}

/** Torrents: "41 / 3" (seeders / leechers; leechers from peers when absent); Usenet: "—". */
export function peersLabel(/** @type {Partial<Release>} */ r) {
  if (r.protocol !== 'torrent') return '—';
  const seeders = typeof r.seeders === 'number' ? r.seeders : null;
  const leechers = typeof r.leechers === 'number' ? r.leechers
    : typeof r.peers === 'number' && seeders !== null ? Math.max(0, r.peers - seeders) : null;
  return `${seeders ?? '?'} / ${leechers ?? '?'}`;
}

/** The URL when it is http(s), else null: only those become links. */
export function safeHttpUrl(/** @type {unknown} */ url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}

export const SORT_KEYS = ['title', 'parsed', 'quality', 'size', 'age', 'peers', 'indexer'];

/**
 * The value a release sorts by in a column (null sorts last whichever the direction).
 * @param {Partial<Release>} r
 * @param {string} key
 * @returns {unknown}
 */
export function releaseSortValue(r, key) {
  const p = r.parsed;
  switch (key) {
    case 'title': return (r.title || '').toLowerCase();
    case 'parsed': {
      if (!p || p.kind === 'unknown') return null;
      const first = (p.episodeNumbers || [])[0] ?? (p.absoluteEpisodeNumbers || [])[0] ?? -1;
      return [parsedTitle(p).toLowerCase(), p.seasonNumber ?? p.year ?? -1, p.airDate || '', first];
    }
    case 'quality': return p?.quality ? [p.quality.resolution || 0, p.quality.name || ''] : null;
    case 'size': return typeof r.size === 'number' ? r.size : null;
    case 'age': return typeof r.ageMinutes === 'number' ? r.ageMinutes : null;
    case 'peers': return r.protocol === 'torrent' && typeof r.seeders === 'number' ? r.seeders : null;
    case 'indexer': return (r.indexer || '').toLowerCase();
    case 'protocol': return r.protocol || null;
    default: return null;
  }
}

/**
 * Whether a release passes the filters: every word of `text` appears in its title, indexer,
 * parsed title, quality or group (case-insensitive), and its protocol is `protocol` ("" = any).
 * @param {Partial<Release>} r
 * @param {string} text
 * @param {string} protocol
 */
export function releaseMatches(r, text, protocol) {
  if (protocol && r.protocol !== protocol) return false;
  const words = String(text || '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const p = r.parsed;
  const hay = [r.title, r.indexer, parsedTitle(p), p?.quality?.name, p?.releaseGroup].filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * How one indexer did in a search, for people: "100 releases in 330 ms", its failure message,
 * "Resting after failures until …" (with `until` already formatted), "Not asked: …".
 * @param {import('../types.js').IndexerOutcome} o
 * @param {string} [until]   when a resting indexer is asked again, as shown to people
 */
export function outcomeSummary(o, until) {
  if (o.state === 'ok') {
    const took = typeof o.milliseconds === 'number' ? ` in ${formatMilliseconds(o.milliseconds)}` : '';
    return `${plural(o.releases, 'release')}${took}${o.message ? ` (${o.message})` : ''}`;
  }
  if (o.state === 'failed') return o.message || 'It failed without saying why.';
  if (o.code === 'backoff') return until ? `Resting after failures until ${until}` : (o.message || 'Resting after failures');
  return `Not asked: ${o.message || 'it cannot run this search'}`;
}

/** The badge word of an outcome: OK, Failed, Resting or Skipped. */
export function outcomeBadge(/** @type {import('../types.js').IndexerOutcome} */ o) {
  if (o.state === 'ok') return 'OK';
  if (o.state === 'failed') return 'Failed';
  return o.code === 'backoff' ? 'Resting' : 'Skipped';
}

/**
 * How one indexer did in an RSS sync: "12 new of 100 fetched (1 page)", its failure message, or the
 * resting and skipping lines of a search.
 * @param {import('../types.js').RssIndexerPart} p
 * @param {string} [until]
 */
export function rssPartSummary(p, until) {
  if (p.state !== 'ok') return outcomeSummary({ ...p, releases: 0, queries: 0 }, until);
  return `${p.new} new of ${p.fetched} fetched (${plural(p.pages, 'page')})${p.message ? ` (${p.message})` : ''}`;
}
