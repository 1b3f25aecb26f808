// @ts-check
import { h } from '../dom.js';
import { initials, humanize } from '../lib/format.js';
import { mediaImageUrl } from '../api.js';

/** True when the provider gave the title an image of this kind (idkarr serves a cached copy). */
export function hasImage(/** @type {import('../types.js').Media} */ media, /** @type {string} */ kind) {
  return (media.images || []).some((i) => i && i.coverType === kind);
}

/**
 * A poster card linking to the title. The poster is idkarr's cached copy (CSP limits images to
 * 'self' and data:); when it does not load, the initials stand in.
 * @param {import('../types.js').Media} media
 */
export function posterCard(media) {
  const poster = hasImage(media, 'poster') ? { url: mediaImageUrl(media.id, 'poster') } : null;
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
