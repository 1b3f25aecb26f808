// @ts-check
/**
 * The only module that calls fetch(). Same-origin JSON requests with the session cookie;
 * every non-2xx answer becomes an ApiError built from the RFC 9457 problem document.
 * The browser adds the Origin header the server's CSRF check needs on POST/PUT/DELETE.
 */

/** @typedef {{ field: string, message: string }} FieldError */

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} title
   * @param {string} [detail]
   * @param {FieldError[]} [errors]
   * @param {Headers} [headers]
   * @param {Record<string, any>} [problem]  the whole problem document (extension members such as existingMediaId)
   */
  constructor(status, title, detail = '', errors = [], headers = undefined, problem = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.headers = headers;
    this.problem = problem;
  }
}

/** @type {((err: ApiError) => void) | null} */
let unauthorizedHandler = null;

/** Called with the error whenever a request answers 401 (the router sends the user to login). */
export function onUnauthorized(/** @type {(err: ApiError) => void} */ fn) {
  unauthorizedHandler = fn;
}

/**
 * @param {Response} res
 * @returns {Promise<ApiError>}
 */
async function toApiError(res) {
  let doc = {};
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { doc = await res.json(); } catch { doc = {}; }
  }
  const title = typeof doc.title === 'string' && doc.title ? doc.title : res.statusText || `HTTP ${res.status}`;
  const detail = typeof doc.detail === 'string' ? doc.detail : '';
  const errors = Array.isArray(doc.errors)
    ? doc.errors.filter((e) => e && typeof e === 'object').map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : [];
  return new ApiError(res.status, title, detail, errors, res.headers, doc && typeof doc === 'object' ? doc : {});
}

/**
 * @typedef {object} RequestOptions
 * @property {string} [method]
 * @property {unknown} [body]          JSON-encoded when given
 * @property {Record<string, string | number | boolean | undefined | null>} [query]
 * @property {number} [version]        sent as If-Match on PUT/DELETE
 * @property {AbortSignal} [signal]
 * @property {boolean} [quiet401]      do not trigger the login redirect (auth pages)
 */

/**
 * @param {string} path   path under /api/v1, e.g. "/media"
 * @param {RequestOptions} [opts]
 * @returns {Promise<any>}
 */
export async function request(path, opts = {}) {
  const method = opts.method || 'GET';
  const headers = /** @type {Record<string, string>} */ ({ Accept: 'application/json' });
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.version !== undefined && (method === 'PUT' || method === 'DELETE')) headers['If-Match'] = `"${opts.version}"`;
  const res = await fetch(apiUrl(path, opts.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.quiet401 && unauthorizedHandler) unauthorizedHandler(err);
    throw err;
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

/**
 * @param {string} path
 * @param {Record<string, string | number | boolean | undefined | null>} [query]
 */
export function apiUrl(path, query) {
  // encodeURIComponent, not URLSearchParams: a space must travel as %20, since not every server
  // decodes "+" in a query as a space.
  const parts = Object.entries(query || {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `/api/v1${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

/**
 * Where idkarr serves a title's cached artwork (CSP allows images only from 'self').
 * @param {number} mediaId
 * @param {'poster'|'fanart'} kind
 */
export function mediaImageUrl(mediaId, kind) {
  return `/api/v1/media/${encodeURIComponent(String(mediaId))}/image/${kind}`;
}

/**
 * A same-origin image path given by the API (e.g. a lookup result's `poster`), or null for
 * anything else: a remote URL would break the CSP and leak the user's address.
 * @param {unknown} path
 */
export function localImagePath(path) {
  return typeof path === 'string' && path.startsWith('/api/v1/') && !path.startsWith('//') ? path : null;
}

export const get = (/** @type {string} */ path, /** @type {RequestOptions} */ opts = {}) => request(path, opts);
export const post = (/** @type {string} */ path, /** @type {unknown} */ body, opts = {}) => request(path, { ...opts, method: 'POST', body });
export const put = (/** @type {string} */ path, /** @type {unknown} */ body, opts = {}) => request(path, { ...opts, method: 'PUT', body });
export const del = (/** @type {string} */ path, opts = {}) => request(path, { ...opts, method: 'DELETE' });

/**
 * Small lists answer either a bare array or the paged envelope; give back the records.
 * @param {any} answer
 * @returns {any[]}
 */
export function records(answer) {
  if (Array.isArray(answer)) return answer;
  return answer && Array.isArray(answer.records) ? answer.records : [];
}

/** A small list endpoint (the server's default page size is "all" for those): its records. */
export async function list(/** @type {string} */ path, /** @type {RequestOptions} */ opts = {}) {
  return records(await request(path, opts));
}
