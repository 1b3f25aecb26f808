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
/** @typedef {{ ok: boolean, message: string, code?: string, milliseconds?: number, caps?: unknown, categories?: Array<{ id: number, name: string, subcategories: Array<{ id: number, name: string }> }>, releases?: number }} IndexerTestResult */
/**
 * What the parser read from a release title.
 * @typedef {object} ParsedInfo
 * @property {'episode'|'movie'|'unknown'} kind
 * @property {string} [seriesTitle]
 * @property {string} [movieTitle]
 * @property {number} [year]
 * @property {number} [seasonNumber]
 * @property {number[]} episodeNumbers
 * @property {number[]} absoluteEpisodeNumbers
 * @property {string} [airDate]
 * @property {boolean} fullSeason
 * @property {{ id: number, name: string, source: string, resolution: number, modifier: string }} quality
 * @property {{ version: number, real: number, isRepack: boolean }} revision
 * @property {string[]} languages
 * @property {string} [releaseGroup]
 * @property {string} [edition]
 */
/**
 * One release an indexer offered (no download link: grabbing goes through idkarr).
 * @typedef {object} Release
 * @property {string} guid
 * @property {string} title
 * @property {number} indexerId
 * @property {string} indexer
 * @property {'usenet'|'torrent'} protocol
 * @property {number} size                bytes
 * @property {string} publishDate         ISO-8601
 * @property {number} ageMinutes
 * @property {number} [seeders]
 * @property {number} [leechers]
 * @property {number} [peers]
 * @property {number} [grabs]
 * @property {string} [infoUrl]           http(s) only
 * @property {number[]} categories
 * @property {string[]} indexerFlags
 * @property {ParsedInfo} parsed
 */
/**
 * How one indexer did in a search; `code` is "backoff" when it was skipped while resting.
 * @typedef {object} IndexerOutcome
 * @property {number} indexerId
 * @property {string} name
 * @property {'ok'|'failed'|'skipped'} state
 * @property {number} releases
 * @property {number} queries
 * @property {number} [milliseconds]
 * @property {string} [message]
 * @property {string} [code]
 */
/** @typedef {{ releases: Release[], indexers: IndexerOutcome[] }} SearchResults  GET /search */
/** @typedef {{ specification: string, reason: string, temporary: boolean }} Rejection */
/**
 * A release with idkarr's verdict for a title; `rank` (1 = best) only for accepted ones.
 * @typedef {{ release: Release, accepted: boolean, rank?: number, rejections: Rejection[], episodeIds: number[] }} Decision
 */
/** @typedef {{ mediaId: number, decisions: Decision[], indexers: IndexerOutcome[] }} Decisions  GET /releases */
/**
 * @typedef {object} RssIndexerPart
 * @property {number} indexerId
 * @property {string} name
 * @property {'ok'|'failed'|'skipped'} state
 * @property {number} fetched
 * @property {number} new
 * @property {number} pages
 * @property {string} [message]
 * @property {string} [code]
 */
/**
 * A new release of an RSS sync that belongs to a library title, with the verdict.
 * @typedef {object} RssMatch
 * @property {number} mediaId
 * @property {string} mediaTitle
 * @property {string} releaseTitle
 * @property {number} indexerId
 * @property {string} indexer
 * @property {string} quality
 * @property {number} size
 * @property {boolean} accepted
 * @property {string[]} rejections
 */
/**
 * @typedef {object} RssReport
 * @property {'scheduled'|'manual'} trigger
 * @property {string} startedAt
 * @property {string} finishedAt
 * @property {RssIndexerPart[]} indexers
 * @property {number} newReleases
 * @property {number} matched
 * @property {number} acceptedCount
 * @property {number} rejectedCount
 * @property {RssMatch[]} accepted      the first 100
 * @property {RssMatch[]} rejected      the first 100
 */
/** @typedef {{ enabled: boolean, intervalMinutes: number, running: boolean, nextRun?: string, lastReport?: RssReport }} RssStatus  GET /indexers/rss */
/**
 * The settings every indexer shares (GET/PUT /settings/indexers); version 0 = never saved.
 * @typedef {{ rssSyncIntervalMinutes: number, minimumAgeMinutes: number, retentionDays: number, maximumSizeMB: number, version: number }} IndexerSettings
 */
/** @typedef {{ page: number, pageSize: number, totalRecords: number, records: any[] }} Paged */
/** @typedef {{ params: Record<string, string>, query: Record<string, string>, signal: AbortSignal, user: User|null }} MountContext */

export {};
