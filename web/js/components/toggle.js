// @ts-check
import { h, emit } from '../dom.js';

/**
 * A monitor toggle: a switch-styled button with aria-pressed. Clicking emits `idk:toggle`
 * ({ ...detail, monitored: !current }); the owner calls the API and re-renders from the answer.
 * @param {{ pressed: boolean, label: string, detail?: Record<string, unknown>, disabled?: boolean }} props
 */
export function monitorToggle({ pressed, label, detail = {}, disabled = false }) {
  const button = h('button', {
    type: 'button', class: 'toggle', 'aria-pressed': String(pressed), 'aria-label': label, title: label, disabled,
    onclick: () => emit(button, 'toggle', { ...detail, monitored: !pressed }),
  }, h('span', { class: 'toggle-track' }, h('span', { class: 'toggle-thumb' })),
  h('span', { class: 'toggle-text' }, pressed ? 'Monitored' : 'Unmonitored'));
  return button;
}
