// @ts-check
// The Search page's form: query and type on top (season and episode for TV, year for movies),
// then which indexers and categories. Submitting a valid form emits `idk:search` with the search
// (lib/search.js state); what the server would refuse is shown beside its field first.
import { h, emit } from '../dom.js';
import { idList, searchState } from '../lib/search.js';
import { formFields } from './form-fields.js';

/** @typedef {import('../lib/search.js').SearchState} SearchState */
/** @typedef {{ el: HTMLElement, fields: ReturnType<typeof formFields>, button: HTMLButtonElement, more: HTMLDetailsElement }} SearchFormApi */

const TYPES = [
  { value: 'search', label: 'Anything' }, { value: 'tvsearch', label: 'TV episodes' }, { value: 'movie', label: 'Movies' },
];
/** Fields shown only for some types. */
const FOR_TYPE = { season: 'tvsearch', episode: 'tvsearch', year: 'movie' };

/**
 * @param {SearchState} s                                the search to show
 * @param {import('../types.js').Indexer[]} usable       indexers that allow interactive search
 * @returns {SearchFormApi}
 */
export function searchForm(s, usable) {
  const chosen = s.indexerIds ? s.indexerIds.split(',') : usable.map((ix) => String(ix.id));
  const fields = formFields([
    { name: 'query', label: 'Search for', value: s.query, placeholder: 'Title, or tvdb:121361, imdb:tt0133093…' },
    { name: 'type', label: 'Type', type: 'select', value: s.type, options: TYPES },
    { name: 'season', label: 'Season', type: 'number', value: s.season, min: 0 },
    { name: 'episode', label: 'Episode', type: 'number', value: s.episode, min: 0 },
    { name: 'year', label: 'Year', type: 'number', value: s.year, min: 1870, max: 2200 },
    { name: 'indexerIds', label: 'Indexers', type: 'checkboxes', value: chosen,
      options: usable.map((ix) => ({ value: ix.id, label: ix.name })),
      hint: usable.length ? undefined : 'No indexer allows interactive search: add one in Settings → Indexers.' },
    { name: 'categories', label: 'Categories', value: s.categories.split(',').filter(Boolean).join(', '), placeholder: '5000, 2040',
      hint: 'Newznab category ids. Empty: all (for TV and movie searches, each indexer\'s TV or movie categories).' },
  ]);
  const wrapOf = (/** @type {string} */ name) => /** @type {HTMLElement} */ (fields.el.querySelector(`[name="${name}"]`)?.closest('.field'));
  const more = /** @type {HTMLDetailsElement} */ (h('details', { class: 'search-more', open: Boolean(s.indexerIds || s.categories) },
    h('summary', null, 'Indexers and categories'), h('div', { class: 'form-fields' }, wrapOf('indexerIds'), wrapOf('categories'))));
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'btn btn-primary', id: 'search-submit' }, 'Search'));
  const typeSelect = /** @type {HTMLSelectElement} */ (fields.el.querySelector('[name=type]'));
  const showTypeFields = () => {
    for (const [name, type] of Object.entries(FOR_TYPE)) wrapOf(name).hidden = typeSelect.value !== type;
  };
  typeSelect.addEventListener('change', showTypeFields);
  showTypeFields();
  const form = h('form', { class: 'search-form', id: 'search-form', novalidate: true, onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    const problems = formProblems(fields.values(), usable);
    if (problems.length) {
      if (problems.some((p) => p.field === 'indexerIds' || p.field === 'categories')) more.open = true;
      fields.showError({ title: '', errors: problems });
    } else emit(form, 'search', readForm(fields.values(), usable));
  } }, fields.el, h('div', { class: 'search-actions' }, button), more);
  return { el: form, fields, button, more };
}

/** What the form holds that the server would refuse, by field. */
function formProblems(/** @type {Record<string, any>} */ v, /** @type {import('../types.js').Indexer[]} */ usable) {
  const problems = [];
  if (usable.length && !(v.indexerIds || []).length) problems.push({ field: 'indexerIds', message: 'Tick at least one indexer.' });
  if (String(v.categories || '').split(/[\s,]+/).some((c) => c && !/^\d{1,9}$/.test(c))) {
    problems.push({ field: 'categories', message: 'Categories are whole numbers such as 5000 or 2040, separated by commas.' });
  }
  return problems;
}

/** The search the form holds; every usable indexer ticked means "all" (no indexerIds). */
function readForm(/** @type {Record<string, any>} */ v, /** @type {import('../types.js').Indexer[]} */ usable) {
  const ticked = /** @type {string[]} */ (v.indexerIds || []);
  const all = usable.length > 0 && ticked.length === usable.length;
  return searchState({
    query: String(v.query || ''), type: String(v.type || 'search'),
    season: v.season === null ? '' : String(v.season), episode: v.episode === null ? '' : String(v.episode),
    year: v.year === null ? '' : String(v.year),
    indexerIds: all ? '' : idList(ticked.join(',')), categories: idList(v.categories),
  });
}
