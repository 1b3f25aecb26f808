// @ts-check
import { h } from '../dom.js';

/**
 * @typedef {{ label: string, value: string, kind?: 'primary'|'danger'|'plain', submit?: boolean }} ModalAction
 */

/**
 * Open a modal <dialog>. Resolves with the chosen action's value, or null when dismissed.
 * With `onAction`, the dialog stays open while it runs; it returns false to keep the dialog open
 * (e.g. a server-side validation error shown in the body).
 * @param {{ title: string, body?: Node|Node[], actions?: ModalAction[], onAction?: (value: string) => Promise<boolean|void> | boolean | void, signal?: AbortSignal, className?: string }} opts
 * @returns {Promise<string|null>}
 */
export function openModal({ title, body, actions = [{ label: 'Close', value: 'close' }], onAction, signal, className }) {
  return new Promise((resolve) => {
    const buttons = actions.map((a) => h('button', {
      type: a.submit ? 'submit' : 'button', value: a.value,
      class: ['btn', a.kind === 'primary' && 'btn-primary', a.kind === 'danger' && 'btn-danger'],
      onclick: a.submit ? null : () => choose(a.value),
    }, a.label));
    const form = h('form', { class: 'modal-form', method: 'dialog', novalidate: true },
      h('header', { class: 'modal-header' }, h('h2', { class: 'modal-title' }, title),
        h('button', { type: 'button', class: 'btn-icon', 'aria-label': 'Close', onclick: () => finish(null) }, '×')),
      h('div', { class: 'modal-body' }, body || null),
      h('footer', { class: 'modal-actions' }, buttons));
    const dialog = /** @type {HTMLDialogElement} */ (h('dialog', { class: ['modal', className] }, form));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const submitter = /** @type {HTMLButtonElement|null} */ (/** @type {SubmitEvent} */ (e).submitter);
      choose(submitter?.value || actions.find((a) => a.submit)?.value || 'ok');
    });
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(null); });
    signal?.addEventListener('abort', () => finish(null), { once: true });

    let busy = false;
    async function choose(/** @type {string} */ value) {
      if (busy) return;
      if (!onAction) return finish(value);
      busy = true;
      buttons.forEach((b) => { b.disabled = true; });
      try {
        if ((await onAction(value)) !== false) finish(value);
      } finally {
        busy = false;
        buttons.forEach((b) => { b.disabled = false; });
      }
    }
    function finish(/** @type {string|null} */ value) {
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(value);
    }
    document.body.appendChild(dialog);
    dialog.showModal();
    const first = /** @type {HTMLElement|null} */ (dialog.querySelector('input, select, textarea'));
    (first || buttons[buttons.length - 1])?.focus();
  });
}

/** A yes/no confirmation; resolves true when confirmed. */
export async function confirmModal(/** @type {string} */ title, /** @type {string} */ message, confirmLabel = 'Delete') {
  const answer = await openModal({
    title,
    body: h('p', null, message),
    actions: [{ label: 'Cancel', value: 'cancel' }, { label: confirmLabel, value: 'confirm', kind: 'danger' }],
    className: 'modal-confirm',
  });
  return answer === 'confirm';
}
