// @ts-check
import { h } from '../dom.js';
import { mountInstances } from './settings-instances.js';
import { mountRootFolders } from './settings-rootfolders.js';
import { mountTags } from './settings-tags.js';
import { mountQualityDefinitions } from './settings-quality-definitions.js';
import { mountQualityProfiles } from './settings-quality-profiles.js';
import { mountUsers } from './settings-users.js';
import { mountApiKeys } from './settings-api-keys.js';
import { mountGeneral } from './settings-general.js';
import { mountAccount } from './settings-account.js';
import { mountMetadataSettings } from './settings-metadata.js';
import { mountIndexers } from './settings-indexers.js';

/** Sections in menu order; `admin` sections are hidden from other users. */
const SECTIONS = [
  { key: 'instances', label: 'Instances', admin: true, mount: mountInstances },
  { key: 'rootfolders', label: 'Root folders', admin: true, mount: mountRootFolders },
  { key: 'tags', label: 'Tags', admin: true, mount: mountTags },
  { key: 'quality-definitions', label: 'Quality definitions', admin: true, mount: mountQualityDefinitions },
  { key: 'quality-profiles', label: 'Quality profiles', admin: true, mount: mountQualityProfiles },
  { key: 'metadata', label: 'Metadata', admin: true, mount: mountMetadataSettings },
  { key: 'indexers', label: 'Indexers', admin: true, mount: mountIndexers },
  { key: 'users', label: 'Users', admin: true, mount: mountUsers },
  { key: 'account', label: 'Account', admin: false, mount: mountAccount },
  { key: 'api-keys', label: 'API keys', admin: false, mount: mountApiKeys },
  { key: 'general', label: 'General', admin: true, mount: mountGeneral },
];

/**
 * Settings: a section menu and the chosen section (#/settings/<section>).
 * @param {HTMLElement} el
 * @param {import('../types.js').MountContext} ctx
 */
export function mountSettings(el, ctx) {
  const admin = ctx.user?.role === 'admin';
  const visible = SECTIONS.filter((s) => admin || !s.admin);
  const current = visible.find((s) => s.key === ctx.params.section) || visible[0];
  const body = h('div', { class: 'settings-body' });
  el.replaceChildren(
    h('h1', null, 'Settings'),
    h('div', { class: 'settings' },
      h('nav', { class: 'settings-nav', 'aria-label': 'Settings sections' },
        visible.map((s) => h('a', { href: `#/settings/${s.key}`, class: 'settings-link', 'aria-current': s === current ? 'page' : null }, s.label))),
      body));
  current.mount(body, ctx);
}
