// @ts-check
// Pure helpers for hash routes and their query strings (no DOM).

/**
 * "#/media?page=2&search=x" → { path: "/media", query: { page: "2", search: "x" } }.
 * @param {string} hash
 * @returns {{ path: string, query: Record<string, string> }}
 */
export function parseHash(hash) {
  const raw = String(hash || '').replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  /** @type {Record<string, string>} */
  const query = {};
  if (at >= 0) new URLSearchParams(raw.slice(at + 1)).forEach((v, k) => { query[k] = v; });
  return { path: path || '/', query };
}

/**
 * Query string from an object, skipping empty values and values equal to the defaults; keys sorted
 * so one state has one URL.
 * @param {Record<string, unknown>} values
 * @param {Record<string, unknown>} [defaults]
 */
export function buildQuery(values, defaults = {}) {
  const params = new URLSearchParams();
  for (const key of Object.keys(values).sort()) {
    const v = values[key];
    if (v === undefined || v === null || v === '') continue;
    if (defaults[key] !== undefined && String(defaults[key]) === String(v)) continue;
    params.set(key, String(v));
  }
  return params.toString();
}

/** "#/media" + { page: 2 } → "#/media?page=2". */
export function buildHash(/** @type {string} */ path, /** @type {Record<string, unknown>} */ values = {}, defaults = {}) {
  const qs = buildQuery(values, defaults);
  return `#${path}${qs ? `?${qs}` : ''}`;
}

/**
 * A login return target is honoured only when it is a same-origin relative hash route:
 * starts with "#/", has no "//", no scheme, no backslash, no control characters.
 * @param {unknown} target
 */
export function isSafeReturn(target) {
  if (typeof target !== 'string' || !target.startsWith('#/')) return false;
  if (target.length > 2000) return false;
  if (target.includes('//') || target.includes('\\')) return false;
  if (/[\u0000-\u001f\u007f]/.test(target)) return false;
  if (/^#\/[a-z][a-z0-9+.-]*:/i.test(target)) return false;
  if (target.startsWith('#/login') || target.startsWith('#/setup')) return false;
  return true;
}

export const MEDIA_DEFAULTS = Object.freeze({
  page: 1, pageSize: 50, sortKey: 'title', sortDirection: 'ascending',
  instanceId: '', mediaType: '', monitored: '', status: '', tags: '', search: '',
});

const SORT_KEYS = ['title', 'year', 'added', 'updated', 'sizeOnDisk'];
const PAGE_SIZES = [25, 50, 100, 250];

/**
 * Media-list state from a hash query, with invalid values replaced by the defaults.
 * @param {Record<string, string>} query
 */
export function mediaListState(query) {
  const page = Number.parseInt(query.page, 10);
  const pageSize = Number.parseInt(query.pageSize, 10);
  const posInt = (/** @type {string} */ v) => (/^\d+$/.test(v || '') ? v : '');
  return {
    page: page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : MEDIA_DEFAULTS.pageSize,
    sortKey: SORT_KEYS.includes(query.sortKey) ? query.sortKey : 'title',
    sortDirection: query.sortDirection === 'descending' ? 'descending' : 'ascending',
    instanceId: posInt(query.instanceId),
    mediaType: ['series', 'movie', 'anime'].includes(query.mediaType) ? query.mediaType : '',
    monitored: ['true', 'false'].includes(query.monitored) ? query.monitored : '',
    status: query.status || '',
    tags: (query.tags || '').split(',').filter((t) => /^\d+$/.test(t)).join(','),
    search: (query.search || '').slice(0, 200),
  };
}

export { SORT_KEYS, PAGE_SIZES };

/** Pages for a pager: total records and page size → last page (at least 1). */
export function pageCount(/** @type {number} */ totalRecords, /** @type {number} */ pageSize) {
  return Math.max(1, Math.ceil((totalRecords || 0) / (pageSize || 1)));
}
