// @ts-check
import * as api from '../api.js';
import { h, emit } from '../dom.js';
import { formFields } from '../components/form-fields.js';

/**
 * First start: create the admin account, then go to the library signed in.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountSetup(el, { signal }) {
  const form = formFields([
    { name: 'username', label: 'Username', required: true, autocomplete: 'username', hint: 'Letters, digits and . _ @ - (up to 64).' },
    { name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'new-password', hint: 'At least 8 characters.' },
    { name: 'confirm', label: 'Confirm password', type: 'password', required: true, autocomplete: 'new-password' },
  ]);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Create admin account');
  const formEl = h('form', { class: 'auth-form', novalidate: true, id: 'setup-form' }, form.el, submit);
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { username, password, confirm } = form.values();
    const problems = [];
    if (!username) problems.push({ field: 'username', message: 'Choose a username.' });
    if (String(password).length < 8) problems.push({ field: 'password', message: 'Use at least 8 characters.' });
    if (password !== confirm) problems.push({ field: 'confirm', message: 'The passwords differ.' });
    if (problems.length) return form.showError({ title: '', errors: problems });
    submit.disabled = true;
    try {
      const user = await api.post('/auth/register', { username, password }, { signal, quiet401: true });
      emit(el, 'signed-in', { user });
    } catch (err) {
      form.showError(err);
    } finally {
      submit.disabled = false;
    }
  }, { signal });
  el.replaceChildren(h('section', { class: 'auth-card' },
    h('h1', null, 'Welcome to idkarr'),
    h('p', { class: 'muted' }, 'Create the administrator account. You can add more users later in Settings.'),
    formEl));
  /** @type {HTMLInputElement|null} */ (formEl.querySelector('input'))?.focus();
}
