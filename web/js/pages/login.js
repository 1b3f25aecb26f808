// @ts-check
import * as api from '../api.js';
import { h, emit } from '../dom.js';
import { formFields } from '../components/form-fields.js';
import { formatWait } from '../lib/format.js';

/**
 * Sign in. 401 and 429 (with Retry-After) get their own messages; `?return=` is honoured by the
 * router only when it is a safe same-origin hash route.
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountLogin(el, { query, signal }) {
  const form = formFields([
    { name: 'username', label: 'Username', required: true, autocomplete: 'username' },
    { name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'current-password' },
  ]);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Sign in');
  const formEl = h('form', { class: 'auth-form', novalidate: true, id: 'login-form' }, form.el, submit);
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { username, password } = form.values();
    submit.disabled = true;
    try {
      const user = await api.post('/auth/login', { username, password }, { signal, quiet401: true });
      emit(el, 'signed-in', { user, returnTo: query.return });
    } catch (err) {
      form.showError(loginProblem(err));
    } finally {
      submit.disabled = false;
    }
  }, { signal });
  el.replaceChildren(h('section', { class: 'auth-card' }, h('h1', null, 'Sign in to idkarr'), formEl));
  /** @type {HTMLInputElement|null} */ (formEl.querySelector('input'))?.focus();
}

/** A friendlier message for the two answers a person will meet. */
function loginProblem(/** @type {any} */ err) {
  if (err?.status === 401) return { title: 'Wrong username or password.' };
  if (err?.status === 429) {
    const wait = Number.parseInt(err.headers?.get('Retry-After') || '', 10);
    return { title: `Too many attempts. Try again in ${formatWait(Number.isFinite(wait) ? wait : NaN)}.` };
  }
  return err;
}
