// @ts-check
// JSDoc shapes of the API resources (docs/API.md). Imported only for editor type checking.

/** @typedef {{ setupRequired: boolean, registrationOpen: boolean, authenticated: boolean }} AuthStatus */
/** @typedef {'request'|'autoApprove'|'manageRequests'} Permission */
/**
 * @typedef {object} User
 * @property {number} id
 * @property {number} version
 * @property {string} username
 * @property {'admin'|'user'} role
 * @property {Permission[]} permissions
 * @property {boolean} disabled
 * @property {string} createdAt
 * @property {string|null} lastLoginAt
 */
/** @typedef {{ id: number, name: string, prefix: string, createdAt: string, lastUsedAt: string|null, key?: string }} ApiKey */
/**
 * @typedef {object} Instance
 * @property {number} id
 * @property {number} version
 * @property {string} name
 * @property {'series'|'movie'|'anime'} mediaType
 * @property {number|null} defaultRootFolderId
 * @property {number|null} defaultQualityProfileId
 */
/** @typedef {{ name: string, path: string }} UnmappedFolder */
/**
 * @typedef {object} RootFolder
 * @property {number} id
 * @property {number} version
 * @property {string} path
 * @property {number} instanceId
 * @property {boolean} accessible
 * @property {number} freeSpace
 * @property {number} totalSpace
 * @property {UnmappedFolder[]} unmappedFolders
 */
/** @typedef {{ id: number, version: number, label: string }} Tag */
/** @typedef {{ id: number, name: string, source: string, resolution: number, modifier: string }} Quality */
/**
 * @typedef {object} QualityDefinition
 * @property {number} id
 * @property {number} version
 * @property {Quality} quality
 * @property {string} title
 * @property {number} weight
 * @property {number} minSize
 * @property {number} preferredSize
 * @property {number} maxSize
 */
/**
 * A profile item: one quality, or a group (id ≥ 1000) of qualities.
 * @typedef {{ quality?: Quality, id?: number, name?: string, allowed: boolean, items?: ProfileItem[] }} ProfileItem
 */
/** @typedef {{ id: number, version: number, name: string, upgradeAllowed: boolean, cutoff: number, items: ProfileItem[] }} QualityProfile */
/** @typedef {{ path: string, size: number, quality: Quality|null, revision?: number|null, languages?: string[]|null, releaseGroup: string|null, dateAdded: string }} MediaFile */
/** @typedef {{ relativePath: string, size: number, reason: string }} UnmatchedFile */
/**
 * @typedef {object} Episode
 * @property {number} id
 * @property {number} seasonNumber
 * @property {number} episodeNumber
 * @property {string|null} title
 * @property {string|null} airDate
 * @property {boolean} monitored
 * @property {boolean} hasFile
 * @property {MediaFile|null} episodeFile
 * @property {boolean} [removedFromProvider]
 */
/** @typedef {{ episodeCount: number, episodeFileCount: number, sizeOnDisk: number }} SeasonStatistics */
/** @typedef {{ seasonNumber: number, monitored: boolean, statistics: SeasonStatistics }} Season */
/**
 * @typedef {object} Media
 * @property {number} id
 * @property {number} version
 * @property {number} instanceId
 * @property {'series'|'movie'|'anime'} mediaType
 * @property {string} title
 * @property {number|null} year
 * @property {string} status
 * @property {string|null} overview
 * @property {boolean} monitored
 * @property {string|null} path
 * @property {number[]} tags
 * @property {number|null} tmdbId
 * @property {number|null} tvdbId
 * @property {string|null} imdbId
 * @property {number|null} tvmazeId
 * @property {{ coverType: string, url: string }[]} images
 * @property {Season[]} [seasons]
 * @property {Episode[]} [episodes]
 * @property {MediaFile|null} [movieFile]
 * @property {UnmatchedFile[]} [unmatchedFiles]     one title only
 * @property {string|null} [lastRefreshed]
 * @property {string|null} [lastScanned]
 * @property {{ inCinemas?: string, digital?: string, physical?: string }|null} [releaseDates]
 * @property {'announced'|'inCinemas'|'released'|null} [minimumAvailability]
 * @property {boolean|null} [monitorNewSeasons]
 * @property {{ seasonCount: number, episodeCount: number, episodeFileCount: number, sizeOnDisk: number }} statistics
 */
/**
 * A field of a settings schema (an indexer's, a provider's), rendered by components/schema-form.js.
 * @typedef {object} SettingField
 * @property {string} name
 * @property {string} label
 * @property {'text'|'secret'|'url'|'number'|'checkbox'|'select'|'multiSelect'|'tags'} kind
 * @property {boolean} required
 * @property {string} [help]
 * @property {string} [defaultValue]
 * @property {Array<{ value: string, label: string }>} [options]
 * @property {boolean} advanced
 */
/**
 * @typedef {object} IndexerStatus
 * @property {number} consecutiveFailures
 * @property {string} [disabledUntil]
 * @property {string} [lastFailure]
 * @property {string} [lastFailureReason]
 * @property {number} queries
 * @property {number} grabs
 * @property {number} failures
 * @property {number} [averageResponseMilliseconds]
 */
/**
 * A Newznab or Torznab indexer; the API key is never returned, only `apiKeySet`.
 * @typedef {object} Indexer
 * @property {number} id
 * @property {number} version
 * @property {string} name
 * @property {'newznab'|'torznab'} kind
 * @property {string} baseURL
 * @property {string} apiPath
 * @property {boolean} apiKeySet
 * @property {number[]} movieCategories
 * @property {number[]} tvCategories
 * @property {number[]} animeCategories
 * @property {boolean} enableRss
 * @property {boolean} enableAutomaticSearch
 * @property {boolean} enableInteractiveSearch
 * @property {number} priority
 * @property {number[]} tags
 * @property {number} [minimumSeeders]
 * @property {number} [seedRatio]
 * @property {number} [seedTimeMinutes]
 * @property {string} [additionalParameters]
 * @property {IndexerStatus} status
 */
/** @typedef {{ ok: boolean, message: string, categories?: Array<{ id: number, name: string, subcategories: Array<{ id: number, name: string }> }>, releases?: number }} IndexerTestResult */
/** @typedef {{ page: number, pageSize: number, totalRecords: number, records: any[] }} Paged */
/** @typedef {{ params: Record<string, string>, query: Record<string, string>, signal: AbortSignal, user: User|null }} MountContext */

export {};
