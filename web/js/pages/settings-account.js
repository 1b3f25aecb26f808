// @ts-check
import * as api from '../api.js';
import { h, emit } from '../dom.js';
import { formFields } from '../components/form-fields.js';

/**
 * Own account: who is signed in, and a password change.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountAccount(el, { signal, user }) {
  const form = formFields([
    { name: 'currentPassword', label: 'Current password', type: 'password', required: true, autocomplete: 'current-password' },
    { name: 'newPassword', label: 'New password', type: 'password', required: true, autocomplete: 'new-password', hint: 'At least 8 characters.' },
    { name: 'confirm', label: 'Confirm new password', type: 'password', required: true, autocomplete: 'new-password' },
  ]);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Change password');
  // The hidden username tells password managers whose password this is.
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', value: user?.username || '', readonly: true, hidden: true });
  const formEl = h('form', { class: 'auth-form', novalidate: true, id: 'password-form' }, username, form.el, h('div', null, submit));
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.validate()) return;
    const { currentPassword, newPassword, confirm } = form.values();
    if (newPassword !== confirm) return form.showError({ title: '', errors: [{ field: 'confirm', message: 'The passwords differ.' }] });
    submit.disabled = true;
    try {
      await api.put('/auth/me/password', { currentPassword, newPassword }, { signal });
      form.clearErrors();
      formEl.reset();
      emit(el, 'toast', { kind: 'success', message: 'Password changed.' });
    } catch (err) {
      form.showError(err);
    } finally {
      submit.disabled = false;
    }
  }, { signal });
  el.replaceChildren(h('h2', null, 'Account'),
    h('section', { class: 'panel' },
      h('p', null, 'Signed in as ', h('strong', null, user?.username || ''), ` (${user?.role || 'user'}).`),
      h('h3', null, 'Change password'), formEl));
}
