// @ts-check
import { h } from '../dom.js';
import { initials, humanize } from '../lib/format.js';

/**
 * A poster card linking to the title. The image URL comes from metadata; an <img> with a
 * src attribute cannot run script, and CSP limits images to 'self' and data:.
 * @param {import('../types.js').Media} media
 */
export function posterCard(media) {
  const poster = (media.images || []).find((i) => i && i.coverType === 'poster' && i.url);
  const stats = media.statistics || { episodeCount: 0, episodeFileCount: 0 };
  const placeholder = () => h('div', { class: 'poster-placeholder', 'aria-hidden': 'true' }, initials(media.title));
  const art = poster
    ? h('img', { class: 'poster-img', src: poster.url, alt: '', loading: 'lazy', decoding: 'async',
      onerror: (/** @type {Event} */ e) => /** @type {HTMLElement} */ (e.target).replaceWith(placeholder()) })
    : placeholder();
  return h('a', { class: ['poster-card', !media.monitored && 'is-unmonitored'], href: `#/media/${media.id}`, 'data-id': String(media.id) },
    h('div', { class: 'poster-art' }, art),
    h('div', { class: 'poster-meta' },
      h('span', { class: 'poster-title' }, media.title),
      h('span', { class: 'poster-sub' }, [media.year || '', humanize(media.status)].filter(Boolean).join(' · ')),
      media.mediaType !== 'movie' ? h('span', { class: 'poster-sub' }, `${stats.episodeFileCount ?? 0}/${stats.episodeCount ?? 0} episodes`) : null));
}
