// @ts-check
import * as api from '../api.js';
import { h, replace, reportError } from '../dom.js';
import { formatDateTime, formatDuration } from '../lib/format.js';

/**
 * System: status, health, backup download.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountSystem(el, { signal, user }) {
  const statusEl = h('dl', { class: 'facts' });
  const healthEl = h('ul', { class: 'health-list' });
  el.replaceChildren(
    h('h1', null, 'System'),
    h('section', { class: 'panel' }, h('h2', null, 'Status'), statusEl),
    h('section', { class: 'panel' }, h('h2', null, 'Health'), healthEl),
    user?.role === 'admin' ? h('section', { class: 'panel' }, h('h2', null, 'Backup'),
      h('p', { class: 'muted' }, 'A compressed copy of the whole data folder. Restoring is copying it back.'),
      h('a', { class: 'btn', href: '/api/v1/system/backup', download: '', id: 'backup-link' }, 'Download backup')) : null);

  async function load() {
    try {
      const [status, health] = await Promise.all([api.get('/system/status', { signal }), api.get('/system/health', { signal })]);
      renderStatus(statusEl, status);
      renderHealth(healthEl, api.records(health));
    } catch (err) { reportError(el, err); }
  }
  load();
}

function renderStatus(/** @type {HTMLElement} */ el, /** @type {any} */ s) {
  const row = (/** @type {string} */ k, /** @type {string} */ v) => [h('dt', null, k), h('dd', null, v)];
  replace(el,
    row('Version', String(s.version ?? '—')),
    row('Started', formatDateTime(s.startTime)),
    row('Uptime', formatDuration(s.uptimeSeconds)),
    row('Data folder', String(s.dataFolder ?? '—')));
}

function renderHealth(/** @type {HTMLElement} */ el, /** @type {any[]} */ items) {
  if (!items.length) return replace(el, h('li', { class: 'health health-ok' }, 'All checks pass.'));
  replace(el, items.map((i) => h('li', { class: `health health-${['ok', 'notice', 'warning', 'error'].includes(i.type) ? i.type : 'notice'}` },
    h('span', { class: 'health-type' }, String(i.type || 'notice')),
    h('span', { class: 'health-source' }, String(i.source || '')),
    h('span', { class: 'health-message' }, String(i.message || '')))));
}
