"""Titles from the metadata providers in the OpenAPI document: lookup, add, refresh, images,
library import and the metadata settings.

Kept beside build.py and called from it (`titles.add(namespace)`), like calendar_wanted.py; it
uses build.py's helpers through the namespace it is given.
"""

from __future__ import annotations

MONITOR_OPTION = ["all", "future", "missing", "existing", "firstSeason", "lastSeason", "pilot", "none"]  # MonitorOption


def add(b) -> None:
    """Adds schemas and paths to build.py's SCHEMAS and PATHS (`b` is build.py's namespace)."""
    ADMIN_READ = b.ADMIN_READ
    BODY = b.BODY
    BOOL = b.BOOL
    ID = b.ID
    ID_PARAM = b.ID_PARAM
    IF_MATCH = b.IF_MATCH
    INT = b.INT
    MEDIA_STATUS = b.MEDIA_STATUS
    MINIMUM_AVAILABILITY = b.MINIMUM_AVAILABILITY
    PROVIDER_ERRORS = b.PROVIDER_ERRORS
    READ = b.READ
    READ_ID = b.READ_ID
    SCHEMAS = b.SCHEMAS
    SERIES_TYPE = b.SERIES_TYPE
    STR = b.STR
    WRITE = b.WRITE
    array = b.array
    enum = b.enum
    json_ok = b.json_ok
    nullable = b.nullable
    obj = b.obj
    operation = b.operation
    path = b.path
    ref = b.ref

    SCHEMAS["MediaVersion"] = obj(
        {"mediaId": ID, "instanceId": ID, "instanceName": STR, "monitored": BOOL, "hasFile": BOOL, "quality": ref("Quality")},
        ["mediaId", "instanceId", "instanceName", "monitored", "hasFile"],
        description="The same title (a shared provider id) in another instance of the same media type.",
    )
    b.SCHEMAS["Media"]["properties"]["otherVersions"] = array(
        ref("MediaVersion"), description="Only in the answer for one title: its copies in other instances.")
    SCHEMAS["LookupResult"] = obj(
        {
            "kind": enum(["series", "movie"]),
            "title": STR,
            "originalTitle": STR,
            "year": INT,
            "overview": STR,
            "status": enum(MEDIA_STATUS),
            "network": STR,
            "tmdbId": INT,
            "tvdbId": INT,
            "imdbId": STR,
            "tvmazeId": INT,
            "lookupId": {"type": "string", "description": "What to send to `POST /media/add`: `tvmaze:82`, `tmdb:603`."},
            "provider": STR,
            "poster": {"type": "string", "description": "The poster through idkarr's image cache (`/api/v1/images/remote?url=`)."},
            "inLibrary": array(obj({"instanceId": INT, "mediaId": INT}, ["instanceId", "mediaId"]),
                               description="Copies already in the library, one per instance."),
        },
        ["kind", "title", "lookupId", "provider", "inLibrary"],
    )
    SCHEMAS["LookupResults"] = obj({"records": array(ref("LookupResult"))}, ["records"])
    SCHEMAS["AddTitleInput"] = obj(
        {
            "lookupId": {"type": "string", "description": "`tmdb:603`, `tvdb:121361`, `imdb:tt0133093` or `tvmaze:82`."},
            "instanceId": ID,
            "rootFolderId": nullable(ID),
            "qualityProfileId": nullable(ID),
            "tags": nullable(array(ID)),
            "path": nullable({"type": "string", "pattern": "^/", "description": "Default: the root folder + `Title (Year)`."}),
            "monitor": nullable(enum(MONITOR_OPTION, "Series: which episodes to monitor (default all).")),
            "monitorNewSeasons": nullable(BOOL),
            "seriesType": nullable(enum(SERIES_TYPE)),
            "seasonFolder": nullable(BOOL),
            "monitored": nullable({**BOOL, "description": "Movies (default true)."}),
            "minimumAvailability": nullable(enum(MINIMUM_AVAILABILITY, "Movies (default released).")),
        },
        ["lookupId", "instanceId"],
        description="A title by any provider id, and where and how to keep it. A root folder (or a path) is needed.",
    )
    SCHEMAS["ImportMatch"] = {"allOf": [ref("LookupResult"), obj({"confidence": {"type": "number", "minimum": 0, "maximum": 1}},
                                                                       ["confidence"])]}
    SCHEMAS["ImportProposal"] = obj(
        {
            "folderName": STR, "path": STR,
            "title": {"type": "string", "description": "The title read from the folder name."},
            "year": INT, "tmdbId": INT, "tvdbId": INT, "imdbId": STR, "tvmazeId": INT,
            "bestMatch": ref("ImportMatch"),
            "candidates": array(ref("ImportMatch"), description="Provider answers, best first (at most 5)."),
            "error": {"type": "string", "description": "Why the provider could not be asked for this folder."},
        },
        ["folderName", "path", "title", "candidates"],
    )
    SCHEMAS["ImportProposals"] = obj({"records": array(ref("ImportProposal"))}, ["records"])
    SCHEMAS["ImportInput"] = obj(
        {
            "instanceId": ID, "rootFolderId": ID,
            "qualityProfileId": nullable(ID), "tags": nullable(array(ID)),
            "monitor": nullable(enum(MONITOR_OPTION)), "monitorNewSeasons": nullable(BOOL),
            "seriesType": nullable(enum(SERIES_TYPE)), "seasonFolder": nullable(BOOL),
            "monitored": nullable(BOOL), "minimumAvailability": nullable(enum(MINIMUM_AVAILABILITY)),
            "items": array(obj({"path": {"type": "string", "description": "A folder directly inside the root folder."},
                                "lookupId": STR}, ["path", "lookupId"]), minItems=1, maxItems=1000),
        },
        ["instanceId", "rootFolderId", "items"],
    )
    SCHEMAS["ImportResults"] = obj(
        {"results": array(obj({"path": STR, "mediaId": INT, "error": STR}, ["path"]))}, ["results"],
        description="One result per folder: the new title's id, or why it was not added.")
    SCHEMAS["MetadataSettings"] = obj(
        {"tmdbApiKeySet": BOOL, "tmdbLanguage": STR, "refreshIntervalHours": INT, "tmdbBaseURL": STR, "tvmazeBaseURL": STR,
         "version": INT},
        ["tmdbApiKeySet", "tmdbLanguage", "refreshIntervalHours", "tmdbBaseURL", "tvmazeBaseURL"],
        description="The TMDB key is never returned, only whether one is set.",
    )
    SCHEMAS["MetadataSettingsInput"] = obj(
        {
            "tmdbApiKey": nullable({"type": "string", "description": "Absent keeps the key; an empty string removes it."}),
            "tmdbLanguage": nullable({"type": "string", "description": "`en-US`, `fr-FR`, `de`."}),
            "refreshIntervalHours": nullable({"type": "integer", "format": "int64", "minimum": 1, "maximum": 168}),
            "tmdbBaseURL": nullable(STR),
            "tvmazeBaseURL": nullable(STR),
            "version": nullable(INT),
        },
        description="Absent fields stay as they are.",
    )

    # --- titles from providers ---
    path("/media/lookup", get=operation(
        "lookupTitles", "media", "Search the metadata providers by title or id, to add a title",
        {200: json_ok("LookupResults", "Matching titles, each with where it already is in the library.")},
        errors=READ + [400, 404, 503] + PROVIDER_ERRORS,
        parameters=[{"name": "term", "in": "query", "required": True,
                     "description": "A title, `Title (1999)`, or an id: `tmdb:603`, `tvdb:121361`, `imdb:tt0133093`, `tvmaze:82`.",
                     "schema": {"type": "string", "minLength": 1, "maxLength": 200}},
                    {"name": "kind", "in": "query", "schema": {**enum(["series", "anime", "movie"]), "default": "series"}}],
        description="Series: TVmaze (and TMDB when a key is set); movies: TMDB (400 without a key)."))
    path("/media/add", post=operation(
        "addTitle", "media", "Add a series or movie from a provider, by any of its ids (admin)",
        {201: json_ok("Media", "The new title with every episode.", etag=True)},
        errors=WRITE + BODY + [404, 409] + PROVIDER_ERRORS, body="AddTitleInput",
        description="409 when the instance already has the title (matched by any shared id); the problem's "
        "`existingId` names it. Nothing is stored unless the provider answered in full."))
    path("/import/folders", get=operation(
        "getImportProposals", "media", "The unmapped folders of a root folder, each with the titles it may be (admin)",
        {200: json_ok("ImportProposals", "One proposal per folder (at most 200).")},
        errors=ADMIN_READ + [400, 404, 409],
        parameters=[{"name": "rootFolderId", "in": "query", "required": True, "schema": ID}],
        description="Ids written in a folder name (`{tmdb-603}`, `[tvdbid-121361]`) are looked up first. A provider "
        "failure for a folder is reported in its `error`; 409 when the root folder cannot be read."))
    path("/import", post=operation(
        "importFolders", "media", "Add the confirmed folders as titles, keeping their folders, and scan them (admin)",
        {200: json_ok("ImportResults", "One result per folder.")},
        errors=WRITE + BODY, body="ImportInput"))
    path("/media/{id}/refresh", post=operation(
        "refreshTitle", "media", "Fetch a title again from its provider (admin)",
        {200: json_ok("Media", "The title as saved, with its episodes.", etag=True)},
        errors=WRITE + [404, 409] + PROVIDER_ERRORS, parameters=[ID_PARAM],
        description="Monitoring, profile, path, tags and files are kept. 409 for a title with no provider id."))
    _IMAGE = {200: {"description": "The image.", "content": {
        t: {"schema": {"type": "string", "contentMediaType": t}} for t in ["image/jpeg", "image/png", "image/webp", "image/gif"]}}}
    path("/media/{id}/image/{coverType}", get=operation(
        "getTitleImage", "media", "A title's poster, fanart or banner, from idkarr's cache",
        _IMAGE, errors=READ_ID, parameters=[ID_PARAM, {"name": "coverType", "in": "path", "required": True,
                                                        "schema": enum(["poster", "fanart", "banner"])}],
        description="404 when the title has no such image or it cannot be fetched."))
    path("/images/remote", get=operation(
        "getRemoteImage", "media", "An image from a provider's image host, through idkarr's cache (add-title search)",
        _IMAGE, errors=READ_ID + [400],
        parameters=[{"name": "url", "in": "query", "required": True, "schema": {"type": "string", "maxLength": 2000}}],
        description="Only the providers' image hosts are fetched; anything else is 404."))
    path("/settings/metadata",
         get=operation("getMetadataSettings", "settings", "Metadata provider settings (admin)",
                       {200: json_ok("MetadataSettings", "The settings.", etag=True)}, errors=ADMIN_READ),
         put=operation("updateMetadataSettings", "settings", "Change metadata provider settings (admin)",
                       {200: json_ok("MetadataSettings", "The settings as saved.", etag=True)},
                       errors=WRITE + BODY + [409], body="MetadataSettingsInput", parameters=[IF_MATCH]))
