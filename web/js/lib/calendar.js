// @ts-check
// Pure date helpers for the calendar page (no DOM). Days are local calendar days written
// "yyyy-mm-dd"; the API speaks UTC, so a timed episode lands on the viewer's local day and an
// all-day item (a date-only episode, a movie release) on the day it names.

export const VIEWS = ['month', 'week', 'agenda'];
/** Days the agenda shows from its first day. */
export const AGENDA_DAYS = 28;

const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');

/** A local Date → "2026-03-01". */
export function dayKey(/** @type {Date} */ d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-03-01" → local midnight of that day, or null when it is not a real date. */
export function parseDay(/** @type {string|null|undefined} */ text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ''));
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayKey(d) === text ? d : null;
}

/** "2026-03-01" + 3 → "2026-03-04" (calendar days, safe across daylight-saving changes). */
export function addDays(/** @type {string} */ day, /** @type {number} */ n) {
  const d = /** @type {Date} */ (parseDay(day));
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() + n));
}

/** The Monday of the week a day is in. */
export function weekStart(/** @type {string} */ day) {
  const d = /** @type {Date} */ (parseDay(day));
  return addDays(day, -((d.getDay() + 6) % 7));
}

/**
 * The days a view shows around an anchor day: a month as whole weeks (Monday first), a week,
 * or the agenda's 28 days from the anchor.
 * @returns {string[]}
 */
export function viewDays(/** @type {string} */ view, /** @type {string} */ anchor) {
  let first = anchor;
  let count = AGENDA_DAYS;
  if (view === 'week') {
    first = weekStart(anchor);
    count = 7;
  } else if (view === 'month') {
    const d = /** @type {Date} */ (parseDay(anchor));
    const monthFirst = dayKey(new Date(d.getFullYear(), d.getMonth(), 1));
    const monthLast = dayKey(new Date(d.getFullYear(), d.getMonth() + 1, 0));
    first = weekStart(monthFirst);
    const lastWeek = weekStart(monthLast);
    count = 7;
    while (addDays(first, count) <= lastWeek) count += 7;
  }
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/** The anchor one step back (-1) or forward (+1): a month, a week, or the agenda's span. */
export function shiftAnchor(/** @type {string} */ view, /** @type {string} */ anchor, /** @type {number} */ dir) {
  if (view === 'week') return addDays(anchor, 7 * dir);
  if (view === 'agenda') return addDays(anchor, AGENDA_DAYS * dir);
  const d = /** @type {Date} */ (parseDay(anchor));
  return dayKey(new Date(d.getFullYear(), d.getMonth() + dir, 1));
}

/**
 * The API window for a list of days: a day wider on each side, since local days and UTC days
 * differ by up to 14 hours; entries are then placed by `entryDay` and the rest dropped.
 */
export function queryWindow(/** @type {string[]} */ days) {
  return { start: addDays(days[0], -1), end: addDays(days[days.length - 1], 1) };
}

/** The day an entry shows on: its named day when all-day, else the local day of its start. */
export function entryDay(/** @type {{ allDay: boolean, start: string }} */ entry) {
  if (entry.allDay) return String(entry.start).slice(0, 10);
  const d = new Date(entry.start);
  return Number.isNaN(d.getTime()) ? '' : dayKey(d);
}

/** Local "18:30" of a timed entry; "" when all-day. */
export function entryTime(/** @type {{ allDay: boolean, start: string }} */ entry) {
  if (entry.allDay) return '';
  const d = new Date(entry.start);
  return Number.isNaN(d.getTime()) ? '' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const RELEASES = /** @type {Record<string, string>} */ ({ inCinemas: 'In cinemas', digital: 'Digital release', physical: 'Physical release' });

/** What an entry is, besides its title: "S01E02 · Pilot", or "In cinemas". */
export function entryDetail(/** @type {any} */ entry) {
  if (entry.kind !== 'episode') return RELEASES[entry.kind] || entry.kind;
  const code = `S${pad(entry.seasonNumber ?? 0)}E${pad(entry.episodeNumber ?? 0)}`;
  return entry.episodeTitle ? `${code} · ${entry.episodeTitle}` : code;
}

/** Entries grouped by day key, in the order given (the API sorts by time). */
export function groupByDay(/** @type {any[]} */ entries) {
  /** @type {Record<string, any[]>} */
  const out = {};
  for (const e of entries) (out[entryDay(e)] ||= []).push(e);
  return out;
}

/** The iCal feed URL of this server for a key (or the placeholder when there is none). */
export function feedUrl(/** @type {string} */ origin, /** @type {string} */ key = 'YOUR_API_KEY') {
  return `${origin}/feed/v1/calendar.ics?apikey=${encodeURIComponent(key)}&pastDays=7&futureDays=28`;
}
