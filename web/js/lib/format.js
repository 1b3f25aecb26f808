// @ts-check
// Pure formatting helpers (no DOM). Tested in Tests/python/test_ui_lib.py.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 → "1.5 KB" (binary multiples, one decimal above KB). */
export function formatBytes(/** @type {number|null|undefined} */ bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** ISO-8601 → "2026-11-25 10:00" in UTC-independent local form; invalid → "—". */
export function formatDateTime(/** @type {string|null|undefined} */ iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 93784 → "1d 2h 3m"; under a minute → "45s". */
export function formatDuration(/** @type {number} */ seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  if (s < 60) return `${s}s`;
  const parts = [];
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m || !parts.length) parts.push(`${m}m`);
  return parts.join(' ');
}

/** "The Expanse" → "TE", "expanse" → "E", "" → "?" (poster placeholders). */
export function initials(/** @type {string|null|undefined} */ title) {
  const words = String(title || '').trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = words.slice(0, 2).map((w) => (w.match(/[\p{L}\p{N}]/u) || [''])[0].toUpperCase());
  return letters.join('') || '?';
}

/** Episode label: (1, 5) → "S01E05". */
export function episodeCode(/** @type {number} */ season, /** @type {number} */ episode) {
  return `S${String(season).padStart(2, '0')}E${String(episode).padStart(2, '0')}`;
}

/** "continuing" → "Continuing", "inCinemas" → "In cinemas". */
export function humanize(/** @type {string|null|undefined} */ word) {
  if (!word) return '—';
  const spaced = word.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Season label: 0 → "Specials", 3 → "Season 3". */
export function seasonLabel(/** @type {number} */ n) {
  return n === 0 ? 'Specials' : `Season ${n}`;
}

/** A wait for people: 1 → "1 second", 45 → "45 seconds", 300 → "5 minutes", 5400 → "2 hours" (rounded up). */
export function formatWait(/** @type {number} */ seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return 'a little while';
  const plural = (/** @type {number} */ n, /** @type {string} */ unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.ceil(seconds), 'second');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

/** A release's age from its minutes: 45 → "45 min", 150 → "2 hours", 4320 → "3 days". */
export function formatAge(/** @type {number|null|undefined} */ minutes) {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) return '—';
  const m = Math.floor(minutes);
  if (m < 60) return `${m} min`;
  if (m < 2880) return `${Math.floor(m / 60)} hour${m < 120 ? '' : 's'}`;
  return `${Math.floor(m / 1440)} days`;
}

/** How long something took: 340 → "340 ms", 1520 → "1.5 s". */
export function formatMilliseconds(/** @type {number|null|undefined} */ ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "1 release", "3 releases": a count with its noun, plural with an s (or the plural given). */
export function plural(/** @type {number} */ n, /** @type {string} */ noun, /** @type {string} */ many = `${noun}s`) {
  return `${n} ${n === 1 ? noun : many}`;
}
