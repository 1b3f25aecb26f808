// @ts-check
import { h } from '../dom.js';
import { mountCrudSection } from '../components/crud-section.js';
import { formatDateTime, humanize } from '../lib/format.js';

const ROLES = [{ value: 'user', label: 'User' }, { value: 'admin', label: 'Admin' }];
const PERMISSIONS = [
  { value: 'request', label: 'Request titles' },
  { value: 'autoApprove', label: 'Requests are approved automatically' },
  { value: 'manageRequests', label: 'Manage requests of others' },
];

/**
 * Users (admin): list, create, change role and permissions, disable, reset password, delete.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountUsers(el, { signal }) {
  mountCrudSection(el, {
    signal,
    title: 'Users',
    noun: 'user',
    path: '/users',
    describe: (u) => u.username,
    deleteConflict: 'The last admin cannot be deleted.',
    columns: [
      { label: 'Username', cell: (u) => u.username },
      { label: 'Role', cell: (u) => humanize(u.role) },
      { label: 'Permissions', cell: (u) => (u.permissions || []).map(humanize).join(', ') || '—' },
      { label: 'State', cell: (u) => h('span', { class: u.disabled ? 'missing' : 'ok' }, u.disabled ? 'Disabled' : 'Active') },
      { label: 'Last login', cell: (u) => formatDateTime(u.lastLoginAt) },
    ],
    fields: (item) => [
      item ? null : { name: 'username', label: 'Username', required: true, autocomplete: 'off' },
      { name: 'password', label: item ? 'New password (leave empty to keep)' : 'Password', type: 'password', required: !item, autocomplete: 'new-password' },
      { name: 'role', label: 'Role', type: 'select', options: ROLES, value: item?.role ?? 'user' },
      { name: 'permissions', label: 'Permissions', type: 'checkboxes', options: PERMISSIONS, value: item?.permissions ?? ['request'] },
      item ? { name: 'disabled', label: 'Disabled (cannot sign in)', type: 'checkbox', value: item.disabled } : null,
    ].filter((f) => f !== null),
    toBody: (values, item) => {
      const body = { ...values };
      if (!body.password) delete body.password;
      return item ? { ...body, version: item.version } : body;
    },
  });
}
