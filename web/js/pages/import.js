// @ts-check
import * as api from '../api.js';
import { h, replace, emit, reportError, errorMessage } from '../dom.js';
import { importRows } from '../components/import-row.js';
import { MONITOR_OPTIONS } from '../components/add-options.js';
import { lookupErrorText } from './add-title.js';

const MOVIE_MONITOR = [['all', 'Monitored'], ['none', 'Not monitored']];

/**
 * Import an existing library: pick a root folder, review the match idkarr proposes for each
 * unmapped folder (change any of them), choose the profile and monitoring, import in bulk.
 * #/import?rootFolderId=N
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountImport(el, { query, signal }) {
  /** @type {import('../types.js').RootFolder[]} */
  let folders = [];
  /** @type {import('../types.js').Instance[]} */
  let instances = [];
  /** @type {import('../types.js').QualityProfile[]} */
  let profiles = [];
  /** @type {import('../components/import-row.js').ImportRow[]} */
  let rows = [];
  let rootFolderId = Number(query.rootFolderId) || 0;
  let importing = false;

  const folderSelect = /** @type {HTMLSelectElement} */ (h('select', { id: 'import-root', name: 'rootFolderId' }));
  const profileSelect = /** @type {HTMLSelectElement} */ (h('select', { id: 'import-profile', name: 'qualityProfileId' }));
  const monitorSelect = /** @type {HTMLSelectElement} */ (h('select', { id: 'import-monitor', name: 'monitor' }));
  const importButton = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', id: 'import-submit', onclick: runImport }, 'Import'));
  const summary = h('p', { class: 'muted import-summary', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const allBox = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'import-all', 'aria-label': 'Select all' }));
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data-table import-table' },
    h('thead', null, h('tr', null, h('th', null, allBox), ['Folder', 'Match', 'Confidence', 'Result'].map((t) => h('th', null, t)), h('th', { class: 'col-actions' }))),
    tbody));
  const body = h('div', { class: 'import-body' });
  el.replaceChildren(
    h('div', { class: 'section-head' }, h('h1', null, 'Import library'),
      h('div', { class: 'head-links' }, h('a', { class: 'btn', href: '#/add/series' }, 'Add series'), h('a', { class: 'btn', href: '#/add/movie' }, 'Add movie'))),
    h('p', { class: 'muted' }, 'Folders in a root folder that no title uses yet, with the match idkarr proposes from the folder name.'),
    h('div', { class: 'filters' }, h('label', { class: 'filter filter-search' }, h('span', { class: 'filter-label' }, 'Root folder'), folderSelect)),
    body);

  folderSelect.addEventListener('change', () => choose(Number(folderSelect.value)), { signal });
  allBox.addEventListener('change', () => { rows.forEach((r) => { if (r.choice && !r.result?.mediaId) r.checked = allBox.checked; }); update(); }, { signal });
  tbody.addEventListener('click', onRowClick, { signal });
  tbody.addEventListener('change', onRowChange, { signal });
  tbody.addEventListener('input', (e) => { const t = /** @type {HTMLInputElement} */ (e.target); if (t.dataset.action === 'term') rows[Number(t.dataset.index)].term = t.value; }, { signal });
  tbody.addEventListener('submit', (e) => { e.preventDefault(); searchMatch(Number(/** @type {HTMLElement} */ (e.target).dataset.index)); }, { signal });
  start();

  async function start() {
    try {
      [folders, instances, profiles] = await Promise.all(['/rootfolders', '/instances', '/qualityprofiles'].map((p) => api.list(p, { signal })));
    } catch (err) { return reportError(el, err); }
    const names = new Map(instances.map((i) => [i.id, i.name]));
    replace(folderSelect, h('option', { value: '' }, folders.length ? 'Choose a root folder' : 'No root folders yet'),
      folders.map((f) => h('option', { value: String(f.id), selected: f.id === rootFolderId }, `${f.path} (${names.get(f.instanceId) || 'instance ' + f.instanceId})`)));
    if (!folders.length) replace(body, h('div', { class: 'empty-state' }, h('p', null, 'Add a root folder first.'), h('a', { class: 'btn btn-primary', href: '#/settings/rootfolders' }, 'Root folders')));
    else if (folders.some((f) => f.id === rootFolderId)) choose(rootFolderId);
  }

  const instanceOf = () => instances.find((i) => i.id === folders.find((f) => f.id === rootFolderId)?.instanceId);

  async function choose(/** @type {number} */ id) {
    rootFolderId = id;
    rows = [];
    history.replaceState(null, '', id ? `#/import?rootFolderId=${id}` : '#/import');
    if (!id) return replace(body);
    replace(body, h('p', { class: 'loading' }, 'Reading folders and looking up matches…'));
    const inst = instanceOf();
    replace(profileSelect, profiles.map((p) => h('option', { value: String(p.id), selected: p.id === inst?.defaultQualityProfileId }, p.name)));
    replace(monitorSelect, (inst?.mediaType === 'movie' ? MOVIE_MONITOR : MONITOR_OPTIONS).map(([v, t]) => h('option', { value: v }, t)));
    try {
      const answer = await api.get('/import/folders', { query: { rootFolderId: id }, signal });
      if (id !== rootFolderId) return;
      rows = api.records(answer).map((folder) => ({
        folder, choice: folder.bestMatch || null, checked: Boolean(folder.bestMatch), open: false,
        term: folder.year ? `${folder.title || folder.folderName} (${folder.year})` : folder.title || folder.folderName,
        found: [], searchError: '', searching: false, result: null,
      }));
      replace(body, rows.length ? [bulkOptions(), table, summary] : h('div', { class: 'empty-state' }, h('p', null, 'Every folder here is already in the library.')));
      update();
    } catch (err) {
      replace(body, h('p', { class: 'form-error', role: 'alert' }, lookupErrorText(err)));
    }
  }

  function bulkOptions() {
    const label = (/** @type {string} */ text, /** @type {HTMLElement} */ control) => h('label', { class: 'filter' }, h('span', { class: 'filter-label' }, text), control);
    return h('div', { class: 'filters import-options' }, label('Quality profile', profileSelect), label('Monitor', monitorSelect), importButton);
  }

  function update() {
    replace(tbody, rows.map((r, i) => importRows(r, i)));
    const selectable = rows.filter((r) => r.choice && !r.result?.mediaId);
    const chosen = selectable.filter((r) => r.checked);
    allBox.checked = selectable.length > 0 && chosen.length === selectable.length;
    allBox.indeterminate = chosen.length > 0 && chosen.length < selectable.length;
    importButton.disabled = importing || !chosen.length;
    importButton.textContent = importing ? 'Importing…' : `Import ${chosen.length} folder${chosen.length === 1 ? '' : 's'}`;
    summary.textContent = `${rows.length} unmapped folder${rows.length === 1 ? '' : 's'}, ${rows.filter((r) => r.folder.bestMatch).length} with a proposed match.`;
  }

  function onRowClick(/** @type {Event} */ e) {
    const t = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (e.target).closest('[data-action]'));
    if (!t || !['toggle', 'pick'].includes(t.dataset.action || '')) return;
    const row = rows[Number(t.dataset.index)];
    if (t.dataset.action === 'toggle') row.open = !row.open;
    else {
      row.choice = (row.found.length ? row.found : row.folder.candidates)[Number(t.dataset.option)] || row.choice;
      row.checked = Boolean(row.choice);
      row.open = false;
    }
    update();
  }

  function onRowChange(/** @type {Event} */ e) {
    const t = /** @type {HTMLInputElement} */ (e.target);
    if (t.dataset.action !== 'check') return;
    rows[Number(t.dataset.index)].checked = t.checked;
    update();
  }

  async function searchMatch(/** @type {number} */ index) {
    const row = rows[index];
    if (!row || !row.term.trim()) return;
    row.searching = true;
    row.searchError = '';
    update();
    try {
      const kind = instanceOf()?.mediaType === 'movie' ? 'movie' : 'series';
      row.found = api.records(await api.get('/media/lookup', { query: { term: row.term.trim(), kind }, signal }));
      if (!row.found.length) row.searchError = `Nothing found for “${row.term.trim()}”.`;
    } catch (err) { row.searchError = lookupErrorText(err); }
    row.searching = false;
    update();
  }

  async function runImport() {
    const chosen = rows.filter((r) => r.checked && r.choice && !r.result?.mediaId);
    const inst = instanceOf();
    if (!chosen.length || !inst || importing) return;
    importing = true;
    update();
    try {
      const answer = await api.post('/import', {
        instanceId: inst.id, rootFolderId, qualityProfileId: Number(profileSelect.value) || null,
        ...(inst.mediaType === 'movie' ? { monitored: monitorSelect.value !== 'none' } : { monitor: monitorSelect.value }),
        items: chosen.map((r) => ({ path: r.folder.path, lookupId: r.choice?.lookupId })),
      }, { signal });
      const byPath = new Map((answer?.results || []).map((/** @type {any} */ r) => [r.path, r]));
      for (const r of chosen) r.result = byPath.get(r.folder.path) || { error: 'No answer for this folder.' };
      const ok = chosen.filter((r) => r.result?.mediaId).length;
      emit(el, 'toast', { kind: ok === chosen.length ? 'success' : 'error', message: `Imported ${ok} of ${chosen.length}.` });
    } catch (err) {
      emit(el, 'toast', { kind: 'error', message: errorMessage(err) });
    }
    importing = false;
    update();
  }
}
