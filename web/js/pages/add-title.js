// @ts-check
import * as api from '../api.js';
import { h, replace, emit, reportError, errorMessage } from '../dom.js';
import { formatWait } from '../lib/format.js';
import { lookupCard, lookupPoster, titleWithYear, idLine } from '../components/lookup-card.js';
import { addOptions } from '../components/add-options.js';

const KINDS = {
  series: { title: 'Add series', noun: 'series', instanceTypes: ['series', 'anime'], example: 'Game of Thrones, tvdb:121361, tvmaze:82' },
  movie: { title: 'Add movie', noun: 'movie', instanceTypes: ['movie'], example: 'The Matrix (1999), tmdb:603, imdb:tt0133093' },
};

/** A provider failure as one sentence, with the wait when the provider asked for one (503 + Retry-After). */
export function lookupErrorText(/** @type {any} */ err) {
  const text = errorMessage(err);
  const retry = Number(err?.headers?.get?.('Retry-After'));
  return err?.status === 503 && Number.isFinite(retry) && retry > 0 ? `${text} Try again in ${formatWait(retry)}.` : text;
}

/**
 * Add a series or a movie: search the metadata providers by title or id, pick a result, choose
 * the options, add, and go to the new title. #/add/series or #/add/movie, `?term=` keeps the search.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountAddTitle(el, { params, query, signal }) {
  const kind = params.kind === 'movie' ? 'movie' : 'series';
  const spec = KINDS[kind];
  /** @type {import('../components/add-options.js').Library|null} */
  let library = null;
  /** @type {Map<number, string>} */
  let instanceNames = new Map();
  /** @type {AbortController|null} */
  let inflight = null;

  const term = /** @type {HTMLInputElement} */ (h('input', { type: 'search', id: 'lookup-term', name: 'term', value: query.term || '',
    placeholder: spec.example, 'aria-label': `Search for a ${spec.noun} by title or id`, autocomplete: 'off' }));
  const searchButton = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'btn btn-primary', id: 'lookup-submit' }, 'Search'));
  const form = h('form', { class: 'lookup-form', role: 'search' }, term, searchButton);
  const status = h('div', { class: 'lookup-status', 'aria-live': 'polite' });
  const results = h('div', { class: 'lookup-results' });
  const other = kind === 'series' ? ['movie', 'Add movie'] : ['series', 'Add series'];
  el.replaceChildren(
    h('div', { class: 'section-head' }, h('h1', null, spec.title),
      h('div', { class: 'head-links' }, h('a', { class: 'btn', href: `#/add/${other[0]}` }, other[1]), h('a', { class: 'btn', href: '#/import' }, 'Import library'))),
    h('p', { class: 'muted' }, 'Search by title (optionally with the year), or by id: tmdb:…, tvdb:…, imdb:tt…, tvmaze:…'),
    form, status, results);

  form.addEventListener('submit', (e) => { e.preventDefault(); search(); }, { signal });
  el.addEventListener('idk:pick', (e) => showOptions(/** @type {CustomEvent} */ (e).detail), { signal });
  signal.addEventListener('abort', () => inflight?.abort());
  const ready = loadLibrary();
  if (term.value.trim()) search();
  else term.focus();

  async function loadLibrary() {
    try {
      const [instances, rootFolders, profiles, tags] = await Promise.all(
        ['/instances', '/rootfolders', '/qualityprofiles', '/tags'].map((p) => api.list(p, { signal })));
      instanceNames = new Map(instances.map((i) => [i.id, i.name]));
      library = { instances: instances.filter((i) => spec.instanceTypes.includes(i.mediaType)), rootFolders, profiles, tags };
    } catch (err) { reportError(el, err); }
  }

  /** The line above the results; `state` (searching, done, error) is also a data attribute for tests and styling. */
  function setStatus(/** @type {string} */ text, isError = false, state = isError ? 'error' : 'done') {
    status.dataset.state = state;
    replace(status, text ? h('p', { class: isError ? 'form-error' : 'muted', role: isError ? 'alert' : null }, text) : null);
  }

  async function search() {
    const text = term.value.trim();
    if (!text) return;
    history.replaceState(null, '', `#/add/${kind}?term=${encodeURIComponent(text)}`);
    inflight?.abort();
    inflight = new AbortController();
    searchButton.disabled = true;
    setStatus('Searching…', false, 'searching');
    replace(results);
    try {
      const answer = await api.get('/media/lookup', { query: { term: text, kind }, signal: inflight.signal });
      await ready;
      const recs = api.records(answer);
      setStatus(recs.length ? `${recs.length} result${recs.length === 1 ? '' : 's'}` : `No ${spec.noun} found for “${text}”.`);
      replace(results, h('div', { class: 'lookup-list' }, recs.map((r) => lookupCard(r, { instanceNames }))));
    } catch (err) {
      if (/** @type {any} */ (err)?.name !== 'AbortError') setStatus(lookupErrorText(err), true);
    } finally { searchButton.disabled = false; }
  }

  /** The chosen result with its options form, in place of the result list. */
  async function showOptions(/** @type {import('../components/lookup-card.js').LookupResult} */ r) {
    await ready;
    if (!library) return;
    if (!library.instances.length) {
      replace(results, h('div', { class: 'empty-state' }, h('p', null, `No ${spec.noun} instance yet.`),
        h('a', { class: 'btn btn-primary', href: '#/settings/instances' }, 'Add an instance')));
      return;
    }
    const taken = new Set((r.inLibrary || []).map((c) => c.instanceId));
    const options = addOptions({ kind, lookupId: r.lookupId, library, takenInstanceIds: taken });
    const submit = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'btn btn-primary', id: 'add-submit' }, `Add ${spec.noun}`));
    const back = h('button', { type: 'button', class: 'btn', onclick: search }, 'Back to results');
    const panel = h('form', { class: 'panel add-panel', id: 'add-form', novalidate: true },
      h('div', { class: 'add-chosen' }, lookupPoster(r),
        h('div', null, h('h2', { class: 'add-title' }, titleWithYear(r)), h('p', { class: 'muted mono' }, idLine(r)))),
      options.el, h('div', { class: 'form-actions' }, back, submit));
    panel.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        const media = await api.post('/media/add', options.values(), { signal });
        emit(el, 'toast', { kind: 'success', message: `Added ${media.title}.` });
        location.hash = `#/media/${media.id}`;
      } catch (err) {
        showAddError(options, err);
      } finally { submit.disabled = false; }
    }, { signal });
    setStatus('');
    replace(results, panel);
    panel.scrollIntoView({ block: 'start' });
  }
}

/** The server's reason beside the form; a 409 links to the title already there. */
function showAddError(/** @type {ReturnType<typeof addOptions>} */ options, /** @type {any} */ err) {
  if (err?.name === 'AbortError') return;
  const rest = options.showFieldErrors(err?.errors || []);
  const existing = Number(err?.problem?.existingId ?? err?.problem?.existingMediaId);
  const text = [err?.detail || err?.title || errorMessage(err), ...rest].filter(Boolean).join(' — ');
  replace(options.general, h('span', null, text),
    err?.status === 409 && existing > 0 ? [' ', h('a', { href: `#/media/${existing}`, class: 'existing-link' }, 'Open the existing title')] : null);
  options.general.hidden = false;
  options.general.scrollIntoView({ block: 'nearest' });
}
