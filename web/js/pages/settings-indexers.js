// @ts-check
import * as api from '../api.js';
import { h, emit, reportError, errorMessage } from '../dom.js';
import { mountDataTable } from '../components/data-table.js';
import { schemaForm } from '../components/schema-form.js';
import { openModal, confirmModal } from '../components/modal.js';
import { formatDateTime } from '../lib/format.js';
import { mountRssSync } from '../components/rss-sync.js';
import { mountIndexerOptions } from '../components/indexer-options.js';

const KINDS = { newznab: 'Newznab', torznab: 'Torznab' };

/** Offered in category fields until the indexer's own categories are known (a successful Test). */
export const COMMON_CATEGORIES = [
  { value: 2000, label: '2000 Movies' }, { value: 2030, label: '2030 Movies/SD' }, { value: 2040, label: '2040 Movies/HD' },
  { value: 2045, label: '2045 Movies/UHD' }, { value: 5000, label: '5000 TV' }, { value: 5030, label: '5030 TV/SD' },
  { value: 5040, label: '5040 TV/HD' }, { value: 5045, label: '5045 TV/UHD' }, { value: 5070, label: '5070 TV/Anime' },
];
const CATEGORY_FIELD = /Categories$/;

/**
 * Indexers (Newznab and Torznab): status, statistics, and for admins add / edit through the
 * server's field schema, Test and Delete. The API key is write-only.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountIndexers(el, { signal, user }) {
  const admin = user?.role === 'admin';
  /** @type {Record<string, Promise<import('../types.js').SettingField[]>>} */
  const schemas = {};
  const tableEl = h('div', { id: 'indexers-table' });
  const rssEl = h('section');
  const optionsEl = h('section');
  el.replaceChildren(
    h('div', { class: 'section-head' }, h('h2', null, 'Indexers'),
      admin ? h('button', { type: 'button', class: 'btn btn-primary', id: 'indexer-add', onclick: add }, 'Add indexer') : null),
    h('p', { class: 'muted' }, 'Usenet (Newznab) and torrent (Torznab) indexers searched for releases. Lower priority numbers are asked first.'),
    tableEl, rssEl, optionsEl);
  const rss = mountRssSync(rssEl, { signal, admin });
  mountIndexerOptions(optionsEl, { signal, admin });
  // A new interval changes the schedule; an RSS sync changes the indexers' statuses.
  optionsEl.addEventListener('idk:indexer-options-saved', () => rss.reload(), { signal });
  rssEl.addEventListener('idk:rss-synced', () => reload(), { signal });
  const table = mountDataTable(tableEl, {
    caption: 'Indexers',
    empty: 'No indexers yet. Add a Newznab or Torznab indexer to search for releases.',
    columns: [
      { label: 'Name', className: 'ix-name', cell: (/** @type {any} */ ix) => ix.name },
      { label: 'Kind', cell: (/** @type {any} */ ix) => KINDS[/** @type {'newznab'|'torznab'} */ (ix.kind)] || ix.kind },
      { label: 'Status', className: 'ix-status-cell', cell: statusCell },
      { label: 'Priority', cell: (/** @type {any} */ ix) => String(ix.priority) },
      { label: 'Enabled', cell: featuresCell },
      { label: 'Statistics', cell: statsCell },
      ...(admin ? [{ label: 'Actions', className: 'col-actions', cell: actions }] : []),
    ],
  });

  function actions(/** @type {any} */ ix) {
    return h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'btn btn-small ix-test', onclick: (/** @type {Event} */ e) => testSaved(ix, /** @type {HTMLButtonElement} */ (e.currentTarget)) }, 'Test'),
      h('button', { type: 'button', class: 'btn btn-small ix-edit', onclick: () => edit(ix.kind, ix) }, 'Edit'),
      h('button', { type: 'button', class: 'btn btn-small btn-danger ix-delete', onclick: () => remove(ix) }, 'Delete'));
  }

  async function reload() {
    try {
      table.update(await api.list('/indexers', { signal }));
    } catch (err) { reportError(el, err); }
  }

  function schema(/** @type {string} */ kind) {
    schemas[kind] ||= api.get('/indexers/schema', { query: { kind }, signal }).then((s) => s.fields || []);
    schemas[kind].catch(() => { delete schemas[kind]; });
    return schemas[kind];
  }

  async function add() {
    const kind = await openModal({
      title: 'Add indexer', signal, className: 'modal-kind',
      body: h('p', null, 'Newznab for Usenet indexers (NZB files); Torznab for torrent indexers, Jackett and Prowlarr.'),
      actions: [{ label: 'Cancel', value: 'cancel' }, { label: 'Newznab', value: 'newznab', kind: 'primary' }, { label: 'Torznab', value: 'torznab', kind: 'primary' }],
    });
    if (kind === 'newznab' || kind === 'torznab') await edit(kind, null);
  }

  /** The add / edit dialog: the schema form, a Test result line, Test and Save. */
  async function edit(/** @type {string} */ kind, /** @type {any|null} */ item) {
    let fields, tags;
    try {
      [fields, tags] = await Promise.all([schema(kind), api.list('/tags', { signal }).catch(() => [])]);
    } catch (err) { return reportError(el, err); }
    const form = schemaForm(fields, {
      values: item || undefined,
      secretsSet: { apiKey: Boolean(item?.apiKeySet) },
      tags: tags.map((t) => ({ value: t.id, label: t.label })),
      choices: (f) => (CATEGORY_FIELD.test(f.name) ? COMMON_CATEGORIES : undefined),
    });
    // A saved indexer offers its own categories (its caps, cached by the server) without a Test first.
    if (item) {
      api.get(`/indexers/${item.id}/caps`, { signal })
        .then((caps) => { const offered = categoryChoices(caps?.categories); if (offered.length) form.setChoices(CATEGORY_FIELD, offered); })
        .catch(() => {});
    }
    const result = h('p', { class: 'test-result', role: 'status', 'aria-live': 'polite', hidden: true });
    const body = h('div', { class: 'indexer-form', 'data-kind': kind }, result, form.el);
    await openModal({
      title: `${item ? 'Edit' : 'Add'} ${KINDS[/** @type {'newznab'|'torznab'} */ (kind)]} indexer`, body, signal, className: 'modal-wide',
      actions: [{ label: 'Cancel', value: 'cancel' }, { label: 'Test', value: 'test' }, { label: item ? 'Save' : 'Add', value: 'save', kind: 'primary', submit: true }],
      onAction: async (value) => {
        if (value === 'test') { await testForm(form, result, kind, item); return false; }
        if (value !== 'save') return true;
        return save(form, kind, item);
      },
    });
  }

  async function save(/** @type {ReturnType<typeof schemaForm>} */ form, /** @type {string} */ kind, /** @type {any|null} */ item) {
    if (!form.validate()) return false;
    const body = { ...form.values(), kind, ...(item ? { version: item.version } : {}) };
    try {
      if (item) await api.put(`/indexers/${item.id}`, body, { version: item.version, signal });
      else await api.post('/indexers', body, { signal });
    } catch (err) {
      form.showError(err);
      if (/** @type {any} */ (err)?.status === 409) await reload();
      return false;
    }
    emit(el, 'toast', { kind: 'success', message: `Indexer ${item ? 'saved' : 'added'}.` });
    await reload();
    return true;
  }

  /** Test what the form holds (a saved indexer's stored key is used when none is typed). */
  async function testForm(/** @type {ReturnType<typeof schemaForm>} */ form, /** @type {HTMLElement} */ result, /** @type {string} */ kind, /** @type {any|null} */ item) {
    if (!form.validate()) return;
    const button = /** @type {HTMLButtonElement|null} */ (result.closest('form')?.querySelector('button[value=test]') || null);
    setBusy(button, true, result);
    try {
      const answer = await api.post('/indexers/test', { ...form.values(), kind, ...(item ? { id: item.id } : {}) }, { signal });
      showResult(result, Boolean(answer?.ok), String(answer?.message || (answer?.ok ? 'The indexer answered.' : 'The test failed.')));
      const offered = categoryChoices(answer?.categories);
      if (answer?.ok && offered.length) form.setChoices(CATEGORY_FIELD, offered);
    } catch (err) {
      if (/** @type {any} */ (err)?.name === 'AbortError') return;
      if (/** @type {any} */ (err)?.errors?.length) form.showError(err);
      showResult(result, false, errorMessage(err));
    } finally {
      setBusy(button, false, result);
    }
  }

  async function testSaved(/** @type {any} */ ix, /** @type {HTMLButtonElement} */ button) {
    setBusy(button, true, null);
    try {
      const answer = await api.post('/indexers/test', { id: ix.id }, { signal });
      emit(el, 'toast', { kind: answer?.ok ? 'success' : 'error', message: `${ix.name}: ${answer?.message || (answer?.ok ? 'OK' : 'failed')}` });
    } catch (err) {
      reportError(el, err);
    } finally {
      setBusy(button, false, null);
    }
    await reload();
  }

  async function remove(/** @type {any} */ ix) {
    if (!(await confirmModal('Delete indexer?', `Delete indexer “${ix.name}”? This cannot be undone.`))) return;
    try {
      await api.del(`/indexers/${ix.id}`, { version: ix.version, signal });
      emit(el, 'toast', { kind: 'success', message: 'Indexer deleted.' });
    } catch (err) { reportError(el, err); }
    await reload();
  }

  reload();
}

function setBusy(/** @type {HTMLButtonElement|null} */ button, /** @type {boolean} */ busy, /** @type {HTMLElement|null} */ result) {
  if (button) {
    button.disabled = busy;
    button.textContent = busy ? 'Testing…' : 'Test';
    button.setAttribute('aria-busy', String(busy));
  }
  if (result && busy) showResult(result, null, 'Testing…');
}

function showResult(/** @type {HTMLElement} */ result, /** @type {boolean|null} */ ok, /** @type {string} */ message) {
  result.hidden = false;
  result.className = `test-result ${ok === null ? 'is-busy' : ok ? 'ok' : 'failed'}`;
  result.textContent = message;
}

/** The indexer's category tree (Test answer) as choices: parents and their subcategories. */
export function categoryChoices(/** @type {any} */ categories) {
  if (!Array.isArray(categories)) return [];
  return categories.flatMap((c) => [
    { value: Number(c.id), label: `${c.id} ${c.name}` },
    ...(Array.isArray(c.subcategories) ? c.subcategories : []).map((s) => ({ value: Number(s.id), label: `${s.id} ${s.name}` })),
  ]).filter((c) => Number.isInteger(c.value));
}

/** OK, failing (with the reason) or resting until a time; the reason is the indexer's own text. */
export function statusCell(/** @type {any} */ ix) {
  const s = ix.status || {};
  const until = s.disabledUntil ? new Date(s.disabledUntil) : null;
  const reason = s.lastFailureReason ? h('span', { class: 'ix-reason' }, s.lastFailureReason) : null;
  if (until && until.getTime() > Date.now()) {
    return h('div', { class: 'ix-status ix-disabled' }, h('span', { class: 'badge badge-warn' }, `Disabled until ${formatDateTime(s.disabledUntil)}`), reason);
  }
  if (s.consecutiveFailures > 0) {
    return h('div', { class: 'ix-status ix-failing' }, h('span', { class: 'badge badge-error' }, `Failing (${s.consecutiveFailures})`), reason);
  }
  return h('div', { class: 'ix-status ix-ok' }, h('span', { class: 'badge badge-ok' }, 'OK'));
}

function featuresCell(/** @type {any} */ ix) {
  const on = [ix.enableRss && 'RSS', ix.enableAutomaticSearch && 'Automatic', ix.enableInteractiveSearch && 'Interactive'].filter(Boolean);
  return h('span', { class: 'ix-features' }, on.length ? on.join(' · ') : 'None');
}

function statsCell(/** @type {any} */ ix) {
  const s = ix.status || {};
  const avg = typeof s.averageResponseMilliseconds === 'number' ? `${s.averageResponseMilliseconds} ms` : '—';
  return h('dl', { class: 'ix-stats' },
    h('dt', null, 'Queries'), h('dd', { 'data-stat': 'queries' }, String(s.queries ?? 0)),
    h('dt', null, 'Grabs'), h('dd', { 'data-stat': 'grabs' }, String(s.grabs ?? 0)),
    h('dt', null, 'Failures'), h('dd', { 'data-stat': 'failures' }, String(s.failures ?? 0)),
    h('dt', null, 'Average'), h('dd', { 'data-stat': 'average' }, avg));
}
