#!/usr/bin/env python3
"""Builds the OpenAPI 3.1 document of idkarr's native API and writes it into
Sources/IdkarrHTTP/OpenAPIDocument+JSON.swift, the file the server serves it from.

The document is written here as Python data (helpers keep the 49 operations short); the Swift
file holds the generated, pretty-printed JSON in a raw string literal. Do not edit the Swift file
by hand: change this script and run it.

    python3 Tools/openapi/build.py          # regenerate the Swift file
    python3 Tools/openapi/build.py --check  # exit 1 when the Swift file is stale
    python3 Tools/openapi/build.py --print  # print the JSON

What it describes is the code, not the wish: routes from Sources/IdkarrHTTP/Routes.swift and the
controllers, shapes from the *Resource types (Swift's JSONEncoder omits nil optionals, so an
optional field is never `required`), errors from ErrorMiddleware.swift. Tests/python/
test_openapi_fuzz.py runs schemathesis against the live server to keep the two in step, and
Tests/IdkarrHTTPTests/OpenAPITests.swift checks every route has an entry.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SWIFT_FILE = REPO / "Sources" / "IdkarrHTTP" / "OpenAPIDocument+JSON.swift"

API = "/api/v1"

# ---------------------------------------------------------------------------------------------
# Enums: exactly the raw values of the Swift enums.

ROLE = ["admin", "user"]  # IdkarrDomain.Role
PERMISSION = ["request", "autoApprove", "manageRequests"]  # IdkarrDomain.Permission
MEDIA_TYPE = ["series", "movie", "anime"]  # IdkarrDomain.MediaType
MEDIA_STATUS = ["continuing", "ended", "upcoming", "announced", "inCinemas", "released", "unknown"]  # MediaStatus
SERIES_TYPE = ["standard", "daily", "anime"]  # SeriesType
MINIMUM_AVAILABILITY = ["announced", "inCinemas", "released"]  # MinimumAvailability
COVER_TYPE = ["poster", "fanart", "banner"]  # MediaImage.CoverType
QUALITY_SOURCE = ["unknown", "workprint", "cam", "telesync", "telecine", "dvd", "television", "televisionRaw",
                  "webdl", "webrip", "bluray"]  # IdkarrParsing.QualitySource
QUALITY_MODIFIER = ["none", "regional", "screener", "rawhd", "brdisk", "remux"]  # QualityModifier
HEALTH_TYPE = ["ok", "notice", "warning", "error"]  # HealthResource.Kind
RELEASE_KIND = ["episode", "movie", "unknown"]  # IdkarrParsing.ReleaseKind
MEDIA_SORT_KEY = ["title", "year", "added", "updated", "sizeOnDisk"]  # MediaQuery.SortKey
SORT_DIRECTION = ["ascending", "descending", "asc", "desc"]  # MediaController.query

# ---------------------------------------------------------------------------------------------
# Schema helpers.


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    """The schema, or null (a field a client may send as null, or that the server may leave out)."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    out = dict(schema)
    t = out.get("type")
    if isinstance(t, str):
        out["type"] = [t, "null"]
    elif isinstance(t, list):
        out["type"] = t + ["null"]
    else:
        return {"anyOf": [schema, {"type": "null"}]}
    if "enum" in out:
        out["enum"] = out["enum"] + [None]
    return out


def obj(properties: dict, required: list[str] | None = None, description: str | None = None) -> dict:
    out: dict = {"type": "object"}
    if description:
        out["description"] = description
    if required:
        missing = [r for r in required if r not in properties]
        assert not missing, f"required but not a property: {missing}"
        out["required"] = required
    out["properties"] = properties
    return out


# Swift's Int is 64 bits: every integer is int64 (a larger number in a body is a 400).
INT = {"type": "integer", "format": "int64"}
INT64 = INT
ID = {"type": "integer", "format": "int64", "minimum": 1}
VERSION = {"type": "integer", "format": "int64", "minimum": 1, "description": "Increases by one with every change (see `If-Match`)."}
STR = {"type": "string"}
BOOL = {"type": "boolean"}
NUM = {"type": "number"}
DATE_TIME = {"type": "string", "format": "date-time"}


def enum(values: list[str], description: str | None = None) -> dict:
    out: dict = {"type": "string", "enum": values}
    if description:
        out["description"] = description
    return out


def array(items: dict, **extra) -> dict:
    return {"type": "array", "items": items, **extra}


def page_of(item: str) -> dict:
    return obj(
        {
            "page": {"type": "integer", "format": "int64", "minimum": 1},
            "pageSize": {"type": "integer", "format": "int64", "minimum": 1},
            "totalRecords": {"type": "integer", "format": "int64", "minimum": 0},
            "records": array(ref(item)),
        },
        ["page", "pageSize", "totalRecords", "records"],
        description=f"A page of {item} records (small lists answer all records as one page).",
    )


# ---------------------------------------------------------------------------------------------
# Component schemas. "…Input" schemas are request bodies; the others are what the server answers.
# Response schemas do not restate input rules the server does not enforce on stored data.

SCHEMAS: dict[str, dict] = {}

SCHEMAS["Problem"] = obj(
    {
        "type": {"type": "string", "description": "Always `about:blank`."},
        "title": {"type": "string", "description": "The HTTP reason phrase."},
        "status": {"type": "integer", "format": "int64", "description": "The HTTP status code."},
        "detail": {"type": "string", "description": "What went wrong, for a person. A 500 never carries internals."},
        "errors": array(ref("FieldError"), description="Present for field-level validation failures."),
    },
    ["type", "title", "status", "detail"],
    description="An RFC 9457 problem document (`application/problem+json`).",
)
SCHEMAS["FieldError"] = obj({"field": STR, "message": STR}, ["field", "message"])

# --- auth and accounts ----------------------------------------------------------------------

SCHEMAS["AuthStatus"] = obj(
    {
        "setupRequired": {"type": "boolean", "description": "True until the first account (the admin) exists."},
        "registrationOpen": BOOL,
        "authenticated": {"type": "boolean", "description": "Whether this request carried a valid session or API key."},
    },
    ["setupRequired", "registrationOpen", "authenticated"],
)
SCHEMAS["Credentials"] = obj(
    {
        "username": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9._@-]+$"},
        "password": {"type": "string", "minLength": 8, "maxLength": 256},
    },
    ["username", "password"],
    description="Username: 1 to 64 of A-Z, a-z, 0-9 and `. _ @ -`. Password: 8 to 256 characters.",
)
SCHEMAS["PasswordChange"] = obj(
    {"currentPassword": STR, "newPassword": {"type": "string", "minLength": 8, "maxLength": 256}},
    ["currentPassword", "newPassword"],
)
SCHEMAS["User"] = obj(
    {
        "id": ID,
        "version": VERSION,
        "username": STR,
        "role": enum(ROLE),
        "permissions": array(enum(PERMISSION)),
        "disabled": BOOL,
        "createdAt": DATE_TIME,
        "lastLoginAt": nullable(DATE_TIME),
    },
    ["id", "version", "username", "role", "permissions", "disabled", "createdAt"],
)
SCHEMAS["UserPage"] = page_of("User")
SCHEMAS["UserCreateInput"] = obj(
    {
        "username": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9._@-]+$"},
        "password": {"type": "string", "minLength": 8, "maxLength": 256},
        "role": nullable(enum(ROLE, "Default `user`.")),
        "permissions": nullable(array(enum(PERMISSION), description="Default: all for an admin, `request` for a user.")),
    },
    ["username", "password"],
)
SCHEMAS["UserUpdateInput"] = obj(
    {
        "role": nullable(enum(ROLE)),
        "permissions": nullable(array(enum(PERMISSION))),
        "disabled": nullable(BOOL),
        "password": nullable({"type": "string", "minLength": 8, "maxLength": 256}),
        "version": nullable({**INT, "description": "The version read; used when there is no `If-Match`."}),
    },
    description="Absent (or null) fields stay as they are; other fields of a `User` sent back are ignored. "
    "Disabling or demoting the last enabled admin is a 409.",
)
SCHEMAS["ApiKey"] = obj(
    {
        "id": ID,
        "name": STR,
        "prefix": {"type": "string", "description": "The first 6 characters of the key."},
        "createdAt": DATE_TIME,
        "lastUsedAt": nullable(DATE_TIME),
        "key": {"type": "string", "description": "The key itself: only in the answer to the create call, shown once."},
    },
    ["id", "name", "prefix", "createdAt"],
)
SCHEMAS["ApiKeyPage"] = page_of("ApiKey")
SCHEMAS["ApiKeyInput"] = obj({"name": {"type": "string", "minLength": 1, "maxLength": 100}}, ["name"])
SCHEMAS["GeneralSettings"] = obj(
    {
        "registrationOpen": {"type": "boolean", "description": "Whether anyone may register an account (as a `user`)."},
        "trustedProxies": array(
            {"type": "string"},
            description="IP addresses of reverse proxies whose `X-Forwarded-For`/`X-Real-IP`/`X-Forwarded-Proto` are believed.",
        ),
        "version": {**ID, "description": "The settings document's version; absent until the settings were first saved."},
    },
    ["registrationOpen", "trustedProxies"],
)
SCHEMAS["GeneralSettingsInput"] = obj(
    {
        "registrationOpen": BOOL,
        "trustedProxies": array({"type": "string", "description": "An IPv4 or IPv6 address."}),
        "version": nullable({**INT, "description": "The version read; used when there is no `If-Match`."}),
    },
    ["registrationOpen", "trustedProxies"],
)

# --- library settings -------------------------------------------------------------------------

SCHEMAS["Instance"] = obj(
    {
        "id": ID,
        "version": VERSION,
        "name": STR,
        "mediaType": enum(MEDIA_TYPE),
        "defaultRootFolderId": nullable(INT),
        "defaultQualityProfileId": nullable(INT),
        "createdAt": DATE_TIME,
        "updatedAt": DATE_TIME,
    },
    ["id", "version", "name", "mediaType", "createdAt", "updatedAt"],
    description="A library of one kind (\"TV\", \"Anime\", \"Movies 4K\") with its own root folders and defaults.",
)
SCHEMAS["InstancePage"] = page_of("Instance")
SCHEMAS["InstanceInput"] = obj(
    {
        "name": {"type": "string", "minLength": 1, "maxLength": 100, "description": "Unique, case-insensitively."},
        "mediaType": enum(MEDIA_TYPE, "Cannot change while the instance holds titles."),
        "defaultRootFolderId": nullable({**ID, "description": "One of this instance's root folders."}),
        "defaultQualityProfileId": nullable(ID),
        "id": nullable(INT),
        "version": nullable({**INT, "description": "The version read (PUT); used when there is no `If-Match`."}),
        "createdAt": nullable({**DATE_TIME, "description": "Read-only; ignored."}),
        "updatedAt": nullable({**DATE_TIME, "description": "Read-only; ignored."}),
    },
    ["name", "mediaType"],
)
SCHEMAS["RootFolder"] = obj(
    {
        "id": ID,
        "version": VERSION,
        "path": STR,
        "instanceId": INT,
        "accessible": {"type": "boolean", "description": "Whether the folder exists and is writable right now."},
        "freeSpace": {**INT64, "description": "Bytes free (0 when not accessible)."},
        "totalSpace": {**INT64, "description": "Bytes in the file system (0 when not accessible)."},
        "unmappedFolders": array(obj({"name": STR, "path": STR}, ["name", "path"]),
                                 description="Sub-folders no title of the library points to."),
    },
    ["id", "version", "path", "instanceId", "accessible", "freeSpace", "totalSpace", "unmappedFolders"],
)
SCHEMAS["RootFolderPage"] = page_of("RootFolder")
SCHEMAS["RootFolderInput"] = obj(
    {
        "path": {"type": "string", "description": "Absolute, existing and writable, without `..`; unique."},
        "instanceId": ID,
    },
    ["path", "instanceId"],
)
SCHEMAS["Tag"] = obj({"id": ID, "version": VERSION, "label": STR}, ["id", "version", "label"])
SCHEMAS["TagPage"] = page_of("Tag")
SCHEMAS["TagInput"] = obj(
    {
        "label": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[a-z0-9-]+$",
                  "description": "Unique; 1 to 64 of a-z, 0-9 and `-`."},
        "id": nullable(INT),
        "version": nullable({**INT, "description": "The version read (PUT); used when there is no `If-Match`."}),
    },
    ["label"],
)
SCHEMAS["Quality"] = obj(
    {
        "id": INT,
        "name": STR,
        "source": enum(QUALITY_SOURCE),
        "resolution": INT,
        "modifier": enum(QUALITY_MODIFIER),
    },
    ["id", "name", "source", "resolution", "modifier"],
)
SCHEMAS["QualityRef"] = obj(
    {"id": {"type": "integer", "format": "int64", "description": "A known quality id; the other fields of a `Quality` are ignored."},
     "name": STR, "source": STR, "resolution": INT, "modifier": STR},
    ["id"],
    description="A quality in a request: only `id` is read.",
)
SCHEMAS["QualityDefinition"] = obj(
    {
        "id": {**ID, "description": "The id of the definition is its quality's id."},
        "version": VERSION,
        "quality": ref("Quality"),
        "title": STR,
        "weight": INT,
        "minSize": {**NUM, "description": "MB per minute of runtime."},
        "preferredSize": {**NUM, "description": "MB per minute of runtime."},
        "maxSize": {**NUM, "description": "MB per minute of runtime."},
    },
    ["id", "version", "title", "weight", "minSize", "preferredSize", "maxSize"],
)
SCHEMAS["QualityDefinitionPage"] = page_of("QualityDefinition")
SCHEMAS["QualityDefinitionInput"] = obj(
    {
        "title": nullable({"type": "string", "minLength": 1}),
        "minSize": nullable({"type": "number", "minimum": 0}),
        "preferredSize": nullable({"type": "number", "minimum": 0}),
        "maxSize": nullable({"type": "number", "minimum": 0, "maximum": 10000}),
        "version": nullable({**INT, "description": "The version read; used when there is no `If-Match`."}),
    },
    description="Absent fields stay as they are; the rest of a `QualityDefinition` sent back is ignored. "
    "`minSize <= preferredSize <= maxSize <= 10000`.",
)
SCHEMAS["QualityProfileItem"] = obj(
    {
        "quality": ref("Quality"),
        "id": {"type": "integer", "format": "int64", "description": "A group's id (1000 or more)."},
        "name": {"type": "string", "description": "A group's name."},
        "allowed": BOOL,
        "items": array(ref("QualityProfileItem"), description="A group's qualities."),
    },
    ["allowed"],
    description="A single quality (`quality`, `allowed`) or a group of equal qualities (`id`, `name`, `allowed`, `items`).",
)
SCHEMAS["QualityProfile"] = obj(
    {
        "id": ID,
        "version": VERSION,
        "name": STR,
        "upgradeAllowed": BOOL,
        "cutoff": {"type": "integer", "format": "int64", "description": "A quality id or group id allowed in this profile."},
        "items": array(ref("QualityProfileItem"), description="Worst first, best last."),
    },
    ["id", "version", "name", "upgradeAllowed", "cutoff", "items"],
)
SCHEMAS["QualityProfilePage"] = page_of("QualityProfile")
SCHEMAS["QualityProfileItemInput"] = obj(
    {
        "quality": nullable(ref("QualityRef")),
        "id": nullable({"type": "integer", "format": "int64", "minimum": 1000}),
        "name": nullable({"type": "string", "minLength": 1}),
        "allowed": BOOL,
        "items": nullable(array(ref("QualityProfileItemInput"))),
    },
    ["allowed"],
)
SCHEMAS["QualityProfileInput"] = obj(
    {
        "name": {"type": "string", "minLength": 1, "maxLength": 100, "description": "Unique, case-insensitively."},
        "upgradeAllowed": BOOL,
        "cutoff": INT,
        "items": array(ref("QualityProfileItemInput"), minItems=1),
        "id": nullable(INT),
        "version": nullable({**INT, "description": "The version read (PUT); used when there is no `If-Match`."}),
    },
    ["name", "upgradeAllowed", "cutoff", "items"],
)

# --- media --------------------------------------------------------------------------------------

SCHEMAS["MediaImage"] = obj({"coverType": enum(COVER_TYPE), "url": STR}, ["coverType", "url"])
SCHEMAS["MediaFile"] = obj(
    {
        "path": STR,
        "size": {**INT64, "description": "Bytes."},
        "quality": ref("Quality"),
        "revision": {**INT, "description": "1, or 2+ for a PROPER/REPACK."},
        "languages": array(STR),
        "releaseGroup": STR,
        "dateAdded": DATE_TIME,
    },
    ["path", "size", "dateAdded"],
)
SCHEMAS["UnmatchedFile"] = obj(
    {"relativePath": STR, "size": INT64, "reason": STR},
    ["relativePath", "size", "reason"],
    description="A video file in the title's folder that the last scan matched to nothing.",
)
_DATE = {"type": "string", "description": "`yyyy-MM-dd`."}
SCHEMAS["ReleaseDates"] = obj(
    {"inCinemas": _DATE, "digital": _DATE, "physical": _DATE},
    description="A movie's release dates by kind, the earliest across countries.",
)
SCHEMAS["MediaStatistics"] = obj(
    {"seasonCount": INT, "episodeCount": INT, "episodeFileCount": INT, "sizeOnDisk": INT64},
    ["seasonCount", "episodeCount", "episodeFileCount", "sizeOnDisk"],
)
SCHEMAS["Season"] = obj(
    {
        "seasonNumber": INT,
        "monitored": BOOL,
        "statistics": obj({"episodeCount": INT, "episodeFileCount": INT, "sizeOnDisk": INT64},
                          ["episodeCount", "episodeFileCount", "sizeOnDisk"]),
    },
    ["seasonNumber", "monitored"],
)
SCHEMAS["Episode"] = obj(
    {
        "id": {"type": "integer", "format": "int64", "description": "Unique inside its title."},
        "seasonNumber": INT,
        "episodeNumber": INT,
        "absoluteEpisodeNumber": INT,
        "title": STR,
        "airDate": {"type": "string", "description": "`yyyy-MM-dd` in the network's time zone, as providers give it."},
        "airDateUtc": DATE_TIME,
        "overview": STR,
        "monitored": BOOL,
        "hasFile": BOOL,
        "episodeFile": ref("MediaFile"),
        "removedFromProvider": {**BOOL, "description": "The provider no longer lists it; kept for its file."},
    },
    ["id", "seasonNumber", "episodeNumber", "monitored", "hasFile"],
)
SCHEMAS["Media"] = obj(
    {
        "id": ID,
        "version": VERSION,
        "instanceId": INT,
        "mediaType": enum(MEDIA_TYPE),
        "title": STR,
        "sortTitle": STR,
        "alternateTitles": array(STR),
        "year": INT,
        "status": enum(MEDIA_STATUS),
        "overview": STR,
        "monitored": BOOL,
        "qualityProfileId": INT,
        "rootFolderId": INT,
        "path": STR,
        "tags": array(INT),
        "tmdbId": INT,
        "tvdbId": INT,
        "imdbId": STR,
        "tvmazeId": INT,
        "images": array(ref("MediaImage")),
        "genres": array(STR),
        "network": STR,
        "runtime": {"type": "integer", "format": "int64", "description": "Minutes."},
        "seriesType": enum(SERIES_TYPE),
        "seasonFolder": BOOL,
        "monitorNewSeasons": BOOL,
        "minimumAvailability": enum(MINIMUM_AVAILABILITY),
        "releaseDates": ref("ReleaseDates"),
        "added": DATE_TIME,
        "updated": DATE_TIME,
        "lastRefreshed": DATE_TIME,
        "lastScanned": DATE_TIME,
        "seasons": array(ref("Season"), description="Series and anime only (empty for a movie)."),
        "episodes": array(ref("Episode"), description="Only in the answer for one title, never in lists."),
        "movieFile": ref("MediaFile"),
        "unmatchedFiles": array(ref("UnmatchedFile"), description="Only in the answer for one title."),
        "statistics": ref("MediaStatistics"),
    },
    ["id", "version", "instanceId", "mediaType", "title", "sortTitle", "alternateTitles", "status", "monitored",
     "tags", "images", "genres", "added", "updated", "seasons", "statistics"],
    description="A series, an anime or a movie. Fields without a value are left out.",
)
SCHEMAS["MediaPage"] = page_of("Media")
SCHEMAS["ScanReport"] = obj(
    {
        "mediaId": INT,
        "path": {**STR, "description": "The folder scanned."},
        "videoFiles": {**INT, "description": "Video files found (samples, extras and hidden files not counted)."},
        "skipped": {**INT, "description": "Samples, extras folders, hidden entries and symlinks out of the folder."},
        "matched": {**INT, "description": "Files recorded on an episode or as the movie's file."},
        "added": {**INT, "description": "Of `matched`, files not recorded before."},
        "episodesWithFiles": INT,
        "unmatched": array(ref("UnmatchedFile")),
        "cleared": array(STR, description="Paths recorded before and no longer on disk (or no longer matching)."),
        "scannedAt": DATE_TIME,
    },
    ["mediaId", "path", "videoFiles", "skipped", "matched", "added", "episodesWithFiles", "unmatched", "cleared", "scannedAt"],
    description="What one disk scan found and changed.",
)
SCHEMAS["EpisodeInput"] = obj(
    {
        "id": nullable({"type": "integer", "format": "int64", "description": "An existing episode's id keeps its file; absent for a new episode."}),
        "seasonNumber": {"type": "integer", "format": "int64", "minimum": 0},
        "episodeNumber": {"type": "integer", "format": "int64", "minimum": 0},
        "absoluteEpisodeNumber": nullable(INT),
        "title": nullable(STR),
        "airDate": nullable({"type": "string", "description": "`yyyy-MM-dd`."}),
        "airDateUtc": nullable({**DATE_TIME, "description": "ISO 8601 without fractional seconds."}),
        "overview": nullable(STR),
        "monitored": nullable(BOOL),
    },
    ["seasonNumber", "episodeNumber"],
)
_MEDIA_INPUT_PROPS = {
    "instanceId": {**ID, "description": "Required on create; cannot change."},
    "mediaType": enum(MEDIA_TYPE, "Required on create; must be the instance's; cannot change."),
    "title": {"type": "string", "minLength": 1, "maxLength": 500},
    "sortTitle": nullable(STR),
    "alternateTitles": nullable(array(STR)),
    "year": nullable({"type": "integer", "format": "int64", "minimum": 1800, "maximum": 3000}),
    "status": nullable(enum(MEDIA_STATUS)),
    "overview": nullable(STR),
    "monitored": nullable(BOOL),
    "qualityProfileId": nullable({**ID, "description": "An existing quality profile."}),
    "rootFolderId": nullable({**ID, "description": "A root folder of the title's instance."}),
    "path": nullable({"type": "string", "pattern": "^/", "description": "Absolute."}),
    "tags": nullable(array({**ID, "description": "An existing tag id."})),
    "tmdbId": nullable(INT),
    "tvdbId": nullable(INT),
    "imdbId": nullable(STR),
    "tvmazeId": nullable(INT),
    "images": nullable(array(ref("MediaImage"))),
    "genres": nullable(array(STR)),
    "network": nullable(STR),
    "runtime": nullable(INT),
    "seriesType": nullable(enum(SERIES_TYPE)),
    "seasonFolder": nullable(BOOL),
    "monitorNewSeasons": nullable({**BOOL, "description": "Series only."}),
    "minimumAvailability": nullable(enum(MINIMUM_AVAILABILITY, "Movies only.")),
    "releaseDates": nullable({**ref("ReleaseDates"), "description": "Movies only; dates `yyyy-MM-dd`."}),
    "seasons": nullable(array(obj({"seasonNumber": INT, "monitored": BOOL}, ["seasonNumber", "monitored"]))),
    "episodes": nullable(array(ref("EpisodeInput"), maxItems=20000,
                               description="The full episode list: episodes left out are removed. Not for movies.")),
    "version": nullable({**INT, "description": "The version read (PUT); used when there is no `If-Match`."}),
}
SCHEMAS["MediaCreateInput"] = obj(
    _MEDIA_INPUT_PROPS,
    ["instanceId", "mediaType", "title"],
    description="Only `instanceId`, `mediaType` and `title` are needed. A null clears a field. "
    "Read-only fields of a `Media` (statistics, files, added...) are ignored.",
)
SCHEMAS["MediaUpdateInput"] = obj(
    {k: (nullable(v) if k in ("instanceId", "mediaType", "title") else v) for k, v in _MEDIA_INPUT_PROPS.items()},
    description="A `Media` as GET returned it, or any part of it: absent fields stay as they are, null clears a "
    "field that can be empty, read-only fields are ignored.",
)

SCHEMAS["MonitorInput"] = obj(
    {
        "monitored": BOOL,
        "seasonNumber": nullable({"type": "integer", "format": "int64", "description": "Only this season (and its episodes)."}),
        "episodeIds": nullable(array(INT, description="Only these episodes.")),
    },
    ["monitored"],
    description="Without `seasonNumber` and `episodeIds` the whole title is (un)monitored.",
)

# --- system ---------------------------------------------------------------------------------------

SCHEMAS["SystemStatus"] = obj(
    {
        "appName": STR,
        "version": STR,
        "startTime": DATE_TIME,
        "uptimeSeconds": {"type": "integer", "format": "int64", "minimum": 0},
        "dataFolder": STR,
    },
    ["appName", "version", "startTime", "uptimeSeconds", "dataFolder"],
)
SCHEMAS["HealthCheck"] = obj({"source": STR, "type": enum(HEALTH_TYPE), "message": STR}, ["source", "type", "message"])
SCHEMAS["HealthCheckPage"] = page_of("HealthCheck")
SCHEMAS["AuditRecord"] = obj(
    {
        "time": DATE_TIME,
        "action": {"type": "string", "description": "`login`, `login.failure`, `user.create`, `settings.update`..."},
        "username": STR,
        "userId": INT,
        "address": {"type": "string", "description": "The client address."},
        "detail": STR,
    },
    ["time", "action"],
)
SCHEMAS["AuditRecordPage"] = page_of("AuditRecord")

# --- parsing ------------------------------------------------------------------------------------

SCHEMAS["ParsedRelease"] = obj(
    {
        "kind": enum(RELEASE_KIND),
        "releaseTitle": STR,
        "seriesTitle": STR,
        "movieTitle": STR,
        "movieTitles": array(STR, description="Every title of a movie named with several (AKA)."),
        "cleanTitle": STR,
        "year": INT,
        "seasonNumber": INT,
        "episodeNumbers": array(INT, description="Present for episodes."),
        "absoluteEpisodeNumbers": array(INT),
        "specialAbsoluteEpisodeNumbers": array(NUM),
        "airDate": {"type": "string", "description": "`yyyy-MM-dd` for a daily show."},
        "dailyPart": INT,
        "fullSeason": {"type": "boolean", "description": "Present for episodes."},
        "isPartialSeason": BOOL,
        "seasonPart": INT,
        "isMultiSeason": BOOL,
        "isSeasonExtra": BOOL,
        "isSplitEpisode": BOOL,
        "special": BOOL,
        "edition": STR,
        "imdbId": STR,
        "tmdbId": INT,
        "hardcodedSubs": STR,
        "languages": array(STR, description="Language names."),
        "quality": obj(
            {
                "name": STR,
                "source": enum(QUALITY_SOURCE),
                "resolution": INT,
                "modifier": enum([m.upper() for m in QUALITY_MODIFIER]),
            },
            ["name", "source", "resolution", "modifier"],
        ),
        "revision": obj({"version": INT, "real": INT, "isRepack": BOOL}, ["version", "real", "isRepack"]),
        "releaseGroup": STR,
        "releaseHash": STR,
    },
    ["kind", "releaseTitle", "languages", "quality", "revision"],
    description="What idkarr reads from a release name (the JSON of `idkarr parse`); absent values are left out.",
)

# ---------------------------------------------------------------------------------------------
# Parameters, headers and responses.

PARAMETERS = {
    "Id": {"name": "id", "in": "path", "required": True,
           "description": "The resource id (a positive integer; anything else is 404).", "schema": ID},
    "IfMatch": {
        "name": "If-Match", "in": "header", "required": False,
        "description": "The version read, as `\"3\"`, `3` or `W/\"3\"` (`*`: any). Stale: 409, nothing changes. "
        "Garbled: 400.",
        "schema": {"type": "string", "pattern": "^(W/)?\"?[1-9][0-9]{0,8}\"?$"},
    },
}

HEADERS = {
    "ETag": {"description": "The resource's version, quoted: `\"3\"`.", "schema": {"type": "string"}},
    "RetryAfter": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "format": "int64", "minimum": 1}},
    "SetSessionCookie": {
        "description": "`idkarr_session=<token>; Path=/; HttpOnly; SameSite=Lax` (`Secure` over HTTPS).",
        "schema": {"type": "string"},
    },
}


def problem(description: str, headers: dict | None = None) -> dict:
    out: dict = {"description": description,
                 "content": {"application/problem+json": {"schema": ref("Problem")}}}
    if headers:
        out["headers"] = headers
    return out


RESPONSES = {
    "BadRequest": problem("The request is invalid: the body, a query parameter or `If-Match`. `errors` names the fields."),
    "Unauthorized": problem("Not signed in, or the API key is not valid (any route answers 401 to a bad key)."),
    "Forbidden": problem("Needs an admin, or a cross-site request was refused: a mutating request authenticated by "
                         "the session cookie needs an `Origin` (or `Referer`) of this host."),
    "NotFound": problem("No such resource."),
    "Conflict": problem("The resource changed since it was read (stale `If-Match` or `version`), or the change "
                        "would break a rule (duplicate, still in use, last admin)."),
    "ContentTooLarge": problem("The request body is larger than 1 MiB."),
    "TooManyRequests": problem("Too many failed sign-ins.", {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}}),
    "ServiceUnavailable": problem(
        "The server cannot take the write now: the data folder is read-only after a write failure, or too many "
        "password hashes are in progress, or a metadata provider asked to slow down (then with `Retry-After`).",
        {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}},
    ),
}
RESPONSES["BadGateway"] = problem(
    "A metadata provider failed: unreachable, rejected the API key, answered 5xx or something that is not its "
    "documented JSON. `detail` names the provider and the cause.")
ERROR_CODES = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict",
               413: "ContentTooLarge", 429: "TooManyRequests", 502: "BadGateway", 503: "ServiceUnavailable"}
PROVIDER_ERRORS = [502]


def json_ok(schema_name: str, description: str, etag: bool = False, cookie: bool = False) -> dict:
    out: dict = {"description": description, "content": {"application/json": {"schema": ref(schema_name)}}}
    headers = {}
    if etag:
        headers["ETag"] = {"$ref": "#/components/headers/ETag"}
    if cookie:
        headers["Set-Cookie"] = {"$ref": "#/components/headers/SetSessionCookie"}
    if headers:
        out["headers"] = headers
    return out


PUBLIC: list = []  # no authentication needed (an invalid API key is still a 401)
SIGNED_IN = None  # the document-wide default: API key header, API key query or session cookie


def operation(
    op_id: str,
    tag: str,
    summary: str,
    ok: dict[int, dict],
    *,
    errors: list[int],
    description: str | None = None,
    parameters: list | None = None,
    body: str | None = None,
    security: list | None = SIGNED_IN,
) -> dict:
    out: dict = {"operationId": op_id, "tags": [tag], "summary": summary}
    if description:
        out["description"] = description
    if security is not None:
        out["security"] = security
    if parameters:
        out["parameters"] = parameters
    if body:
        out["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(body)}}}
    responses: dict = {str(code): value for code, value in ok.items()}
    for code in sorted(set(errors)):
        responses[str(code)] = {"$ref": f"#/components/responses/{ERROR_CODES[code]}"}
    out["responses"] = responses
    return out


ID_PARAM = {"$ref": "#/components/parameters/Id"}
IF_MATCH = {"$ref": "#/components/parameters/IfMatch"}
NO_CONTENT = {204: {"description": "Done."}}

# Error sets. Every route can answer 401 (a bad API key is refused before routing). Every mutating
# route can answer 403 (the cross-site check on cookie-authenticated or anonymous requests) and 503
# (a read-only data folder). A body can be invalid (400) or too large (413); an `{id}` can be 404;
# `If-Match` can be garbled (400) or stale (409).
READ = [401]
READ_ID = [401, 404]
ADMIN_READ = [401, 403]
WRITE = [401, 403, 503]
BODY = [400, 413]
ID_WRITE = [400, 404, 409]

# ---------------------------------------------------------------------------------------------
# Paths, in the order of Routes.swift.

PATHS: dict[str, dict] = {}


def path(p: str, **methods: dict) -> None:
    assert API + p not in PATHS, p
    PATHS[API + p] = methods


# --- /auth ---
path("/auth/status", get=operation(
    "getAuthStatus", "auth", "Whether setup is needed, registration is open and the caller is signed in",
    {200: json_ok("AuthStatus", "The status.")}, errors=READ, security=PUBLIC))
path("/auth/register", post=operation(
    "register", "auth", "Create an account and sign in",
    {201: json_ok("User", "The new user, signed in (session cookie set).", etag=True, cookie=True)},
    errors=WRITE + BODY + [409], body="Credentials", security=PUBLIC,
    description="Open while setup is required (the first account becomes the admin) or while an admin has "
    "opened registration (later accounts are users); otherwise 403. A taken username is 409."))
path("/auth/login", post=operation(
    "login", "auth", "Sign in with a username and password",
    {200: json_ok("User", "The user, signed in (session cookie set).", etag=True, cookie=True)},
    errors=WRITE + BODY + [429], body="Credentials", security=PUBLIC,
    description="Wrong credentials or a disabled account: 401. Failed sign-ins are rate limited per account and "
    "per address: 429 with `Retry-After`."))
path("/auth/logout", post=operation(
    "logout", "auth", "End the session of the cookie sent (if any) and clear the cookie",
    {204: {"description": "Signed out; the cookie is cleared.",
           "headers": {"Set-Cookie": {"$ref": "#/components/headers/SetSessionCookie"}}}},
    errors=[401, 403], security=PUBLIC))
path("/auth/me", get=operation(
    "getMe", "auth", "The signed-in user", {200: json_ok("User", "The caller.", etag=True)}, errors=READ))
path("/auth/me/password", put=operation(
    "changePassword", "auth", "Change one's own password",
    NO_CONTENT, errors=WRITE + BODY, body="PasswordChange",
    description="A wrong current password or a new one outside 8 to 256 characters is 400. Other sessions end "
    "(all of them when called with an API key)."))
path("/auth/api-keys",
     get=operation("listApiKeys", "auth", "The caller's own API keys (never the keys themselves)",
                   {200: json_ok("ApiKeyPage", "All of the caller's keys as one page.")}, errors=READ),
     post=operation("createApiKey", "auth", "Create an API key for the caller",
                    {201: json_ok("ApiKey", "The new key, with `key` (shown only here).")},
                    errors=WRITE + BODY + [409], body="ApiKeyInput",
                    description="A user holds at most 50 keys (409 beyond)."))
path("/auth/api-keys/{id}", delete=operation(
    "deleteApiKey", "auth", "Revoke an API key (the owner's or, for an admin, anyone's)",
    NO_CONTENT, errors=WRITE + [404], parameters=[ID_PARAM]))

# --- /users and /settings ---
path("/users",
     get=operation("listUsers", "users", "Every user (admin)",
                   {200: json_ok("UserPage", "All users as one page.")}, errors=ADMIN_READ),
     post=operation("createUser", "users", "Create a user (admin)",
                    {201: json_ok("User", "The new user.", etag=True)},
                    errors=WRITE + BODY + [409], body="UserCreateInput",
                    description="A taken username is 409."))
path("/users/{id}",
     get=operation("getUser", "users", "One user (an admin sees anyone, a user only themself)",
                   {200: json_ok("User", "The user.", etag=True)}, errors=READ_ID, parameters=[ID_PARAM]),
     put=operation("updateUser", "users", "Change a user's role, permissions, disabled flag or password (admin)",
                   {200: json_ok("User", "The user as saved.", etag=True)},
                   errors=WRITE + BODY + ID_WRITE, parameters=[ID_PARAM, IF_MATCH], body="UserUpdateInput",
                   description="409 if it would leave no enabled admin. A new password or disabling ends the user's sessions."),
     delete=operation("deleteUser", "users", "Delete a user and their sessions and API keys (admin)",
                      NO_CONTENT, errors=WRITE + ID_WRITE, parameters=[ID_PARAM, IF_MATCH],
                      description="409 for the last enabled admin."))
path("/settings/general",
     get=operation("getGeneralSettings", "settings", "The server's general settings (admin)",
                   {200: json_ok("GeneralSettings", "The settings (defaults until first saved).")}, errors=ADMIN_READ),
     put=operation("updateGeneralSettings", "settings", "Change the general settings (admin)",
                   {200: json_ok("GeneralSettings", "The settings as saved.", etag=True)},
                   errors=WRITE + BODY + [409], parameters=[IF_MATCH], body="GeneralSettingsInput",
                   description="Every trusted proxy must be an IP address (400)."))


def crud(
    collection: str,
    singular: str,
    tag: str,
    schema: str,
    *,
    create: str | None,
    update: str | None,
    delete: bool,
    create_conflict: bool = False,
    notes: dict[str, str] | None = None,
    list_description: str | None = None,
) -> None:
    notes = notes or {}
    cap = singular[0].upper() + singular[1:]
    methods = {"get": operation(f"list{cap}s", tag, f"Every {singular.lower()}",
                                {200: json_ok(f"{schema}Page", f"All {collection} as one page.")}, errors=READ,
                                description=list_description)}
    if create:
        methods["post"] = operation(f"create{cap}", tag, f"Create a {singular.lower()} (admin)",
                                    {201: json_ok(schema, f"The new {singular.lower()}.", etag=True)},
                                    errors=WRITE + BODY + ([409] if create_conflict else []), body=create,
                                    description=notes.get("create"))
    path(f"/{collection}", **methods)
    item = {"get": operation(f"get{cap}", tag, f"One {singular.lower()}",
                             {200: json_ok(schema, f"The {singular.lower()}.", etag=True)},
                             errors=READ_ID, parameters=[ID_PARAM])}
    if update:
        item["put"] = operation(f"update{cap}", tag, f"Change a {singular.lower()} (admin)",
                                {200: json_ok(schema, f"The {singular.lower()} as saved.", etag=True)},
                                errors=WRITE + BODY + ID_WRITE, parameters=[ID_PARAM, IF_MATCH], body=update,
                                description=notes.get("update"))
    if delete:
        item["delete"] = operation(f"delete{cap}", tag, f"Delete a {singular.lower()} (admin)",
                                   NO_CONTENT, errors=WRITE + ID_WRITE, parameters=[ID_PARAM, IF_MATCH],
                                   description=notes.get("delete"))
    path(f"/{collection}/{{id}}", **item)


# --- library settings ---
crud("instances", "Instance", "library", "Instance", create="InstanceInput", update="InstanceInput", delete=True,
     notes={"create": "The name must be unique (400). A default root folder can only be set once the instance has one.",
            "update": "The media type cannot change while the instance holds titles (400).",
            "delete": "Refused (409) while the instance holds titles or root folders."})
crud("rootfolders", "RootFolder", "library", "RootFolder", create="RootFolderInput", update=None, delete=True,
     notes={"create": "The path must be absolute, exist and be writable, and not be a root folder yet; else 400 naming why.",
            "delete": "Refused (409) while titles live in the folder."})
crud("tags", "Tag", "library", "Tag", create="TagInput", update="TagInput", delete=True, create_conflict=True,
     notes={"create": "A label that exists already is 409.",
            "update": "A label that another tag has is 409.",
            "delete": "The tag is also removed from every title that carries it."})
crud("qualitydefinitions", "QualityDefinition", "library", "QualityDefinition", create=None,
     update="QualityDefinitionInput", delete=False, list_description="Sorted by weight, worst first.")
crud("qualityprofiles", "QualityProfile", "library", "QualityProfile", create="QualityProfileInput",
     update="QualityProfileInput", delete=True,
     notes={"create": "Every item names a known quality once; at least one is allowed; groups have ids of 1000 "
                      "or more, a name and one or more qualities; the cutoff is an allowed quality or group (400).",
            "update": "The same rules as create.",
            "delete": "Refused (409) while a title or an instance default uses the profile."})

# --- media ---
MEDIA_QUERY = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000000, "default": 1}},
    {"name": "pageSize", "in": "query",
     "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000, "default": 50}},
    {"name": "sortKey", "in": "query", "schema": {**enum(MEDIA_SORT_KEY), "default": "title"}},
    {"name": "sortDirection", "in": "query", "schema": {**enum(SORT_DIRECTION), "default": "ascending"}},
    {"name": "mediaType", "in": "query", "schema": enum(MEDIA_TYPE)},
    {"name": "status", "in": "query", "schema": enum(MEDIA_STATUS)},
    {"name": "monitored", "in": "query", "schema": BOOL},
    {"name": "instanceId", "in": "query", "schema": ID},
    {"name": "tags", "in": "query", "style": "form", "explode": False,
     "description": "Comma-separated tag ids: titles with any of them.", "schema": array(INT)},
    {"name": "search", "in": "query", "description": "Text in the title or an alternate title (case- and accent-insensitive).",
     "schema": STR},
]
path("/media",
     get=operation("listMedia", "media", "A page of titles, filtered and sorted",
                   {200: json_ok("MediaPage", "The page (records without `episodes`).")},
                   errors=READ + [400], parameters=MEDIA_QUERY,
                   description="A query parameter that does not parse is 400 naming it."),
     post=operation("createMedia", "media", "Add a title (admin)",
                    {201: json_ok("Media", "The new title, with its episodes.", etag=True)},
                    errors=WRITE + BODY, body="MediaCreateInput",
                    description="References (instance, profile, root folder, tags) must exist; the media type must be "
                    "the instance's; a movie has no episodes; a season/episode pair appears once (400)."))
path("/media/{id}",
     get=operation("getMedia", "media", "One title, with its episodes",
                   {200: json_ok("Media", "The title.", etag=True)}, errors=READ_ID, parameters=[ID_PARAM]),
     put=operation("updateMedia", "media", "Change a title (admin)",
                   {200: json_ok("Media", "The title as saved, with its episodes.", etag=True)},
                   errors=WRITE + BODY + ID_WRITE, parameters=[ID_PARAM, IF_MATCH], body="MediaUpdateInput",
                   description="The instance and media type cannot change (400); otherwise the rules of create."),
     delete=operation("deleteMedia", "media", "Remove a title (admin; files on disk are kept)",
                      NO_CONTENT, errors=WRITE + ID_WRITE, parameters=[ID_PARAM, IF_MATCH]))
path("/media/{id}/monitor", put=operation(
    "setMediaMonitored", "media", "Monitor or unmonitor a title, a season or some episodes (admin)",
    {200: json_ok("Media", "The title as saved, with its episodes.", etag=True)},
    errors=WRITE + BODY + [404, 409], parameters=[ID_PARAM], body="MonitorInput",
    description="An unknown season or episode of the title is 400."))
path("/media/{id}/rescan", post=operation(
    "rescanMedia", "media", "Scan the title's folder and record the video files found (admin)",
    {200: json_ok("ScanReport", "What the scan found and changed; the title with its files is at GET /media/{id}.")},
    errors=WRITE + [400, 404, 409], parameters=[ID_PARAM],
    description="400: the title has no `path`. 409: the folder is missing, unreadable or far too large (nothing "
    "changes, so an unmounted disk never clears a library)."))

# --- system ---
path("/system/status", get=operation(
    "getSystemStatus", "system", "Version, start time and data folder",
    {200: json_ok("SystemStatus", "The status.")}, errors=READ))
path("/system/health", get=operation(
    "getSystemHealth", "system", "Problems the server knows of (store, root folders, missing profiles)",
    {200: json_ok("HealthCheckPage", "Every problem as one page (empty when all is well).")}, errors=READ))
path("/system/backup", get=operation(
    "getBackup", "system", "A gzip'd tar of the data folder (admin)",
    {200: {"description": "The archive, as an attachment (`Content-Disposition: attachment; filename=...`).",
           "headers": {"Content-Disposition": {"schema": {"type": "string"}}},
           "content": {"application/gzip": {"schema": {"type": "string", "contentMediaType": "application/gzip"}}}}},
    errors=ADMIN_READ))
path("/system/audit", get=operation(
    "getAuditLog", "system", "The newest audit records: sign-ins, failures, account and settings changes (admin)",
    {200: json_ok("AuditRecordPage", "The records, newest first, as one page.")}, errors=ADMIN_READ + [400],
    parameters=[{"name": "limit", "in": "query", "description": "How many records, newest first.",
                 "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000, "default": 100}}]))

# --- parsing ---
path("/parse", get=operation(
    "parseRelease", "parse", "Read a release name or file path: title, season and episodes, quality, group...",
    {200: json_ok("ParsedRelease", "What was read.")}, errors=READ + [400],
    parameters=[{"name": "title", "in": "query", "required": True,
                 "description": "The release name or file path (1 to 4096 bytes of UTF-8).",
                 "schema": {"type": "string", "minLength": 1, "maxLength": 4096}}]))

path("/openapi.json", get=operation(
    "getOpenAPIDocument", "system", "This document",
    {200: {"description": "The OpenAPI 3.1 document of the native API.",
           "content": {"application/json": {"schema": {"type": "object"}}}}},
    errors=READ, security=PUBLIC))

sys.path.insert(0, str(Path(__file__).resolve().parent))
__import__("calendar_wanted").add(sys.modules[__name__])  # /calendar, /feed/v1/calendar.ics, /wanted
__import__("titles").add(sys.modules[__name__])  # /media/lookup, /media/add, refresh, images, /import, /settings/metadata
__import__("indexers").add(sys.modules[__name__])  # /indexers
__import__("search").add(sys.modules[__name__])  # /search, /releases, /indexers/test, rss, caps, /settings/indexers

# ---------------------------------------------------------------------------------------------

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "idkarr native API",
        "version": "1",
        "summary": "Series, movies and anime libraries, accounts and system status.",
        "description": (
            "JSON, camelCase, dates as ISO 8601 UTC (`2026-11-25T10:00:00Z`). Lists answer "
            "`{page, pageSize, totalRecords, records}`. Errors are RFC 9457 problem documents "
            "(`application/problem+json`). Every stored resource has `id` and `version`; `GET` of one sends "
            "`ETag: \"<version>\"`, and `PUT`/`DELETE` with a stale `If-Match` (or `version` in the body) answers "
            "409 and changes nothing. Authenticate with the `X-Api-Key` header (or `apikey` query) or the "
            "`idkarr_session` cookie from login; a mutating request authenticated by the cookie needs an `Origin` "
            "(or `Referer`) of this host. Request bodies over 1 MiB are refused (413). Reads need a signed-in user, "
            "writes to the library and accounts need an admin."
        ),
    },
    "tags": [
        {"name": "auth", "description": "Setup, sign-in, sessions and one's own API keys."},
        {"name": "users", "description": "Accounts (admin)."},
        {"name": "settings", "description": "Server settings (admin)."},
        {"name": "library", "description": "Instances, root folders, tags, quality definitions and profiles."},
        {"name": "media", "description": "Series, anime and movies."},
        {"name": "system", "description": "Status, health, audit log, backup and this document."},
        {"name": "parse", "description": "The release-name parser."},
        {"name": "calendar", "description": "What airs or is released when; the iCal feed."},
        {"name": "wanted", "description": "Missing episodes and movies, and files below their cutoff."},
        {"name": "indexers", "description": "Newznab and Torznab indexers: settings, status and statistics."},
        {"name": "search", "description": "Searches across the indexers, and a title's releases with the decision on each."},
    ],
    "security": [{"apiKeyHeader": []}, {"apiKeyQuery": []}, {"sessionCookie": []}],
    "paths": PATHS,
    "components": {
        "securitySchemes": {
            "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-Api-Key",
                             "description": "An API key (Settings > API keys, or POST /api/v1/auth/api-keys)."},
            "apiKeyQuery": {"type": "apiKey", "in": "query", "name": "apikey",
                            "description": "The same key as a query parameter, for clients that cannot set headers."},
            "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "idkarr_session",
                              "description": "The browser session from register or login. Mutating requests need a "
                              "same-host `Origin` or `Referer`."},
        },
        "schemas": SCHEMAS,
        "parameters": PARAMETERS,
        "headers": HEADERS,
        "responses": RESPONSES,
    },
}

def check_refs(document: dict) -> None:
    """Every `$ref` names something that exists (a typo would only show up when a client resolves it)."""
    def resolve(pointer: str) -> None:
        assert pointer.startswith("#/"), pointer
        node = document
        for part in pointer[2:].split("/"):
            assert isinstance(node, dict) and part in node, f"unresolved $ref {pointer}"
            node = node[part]

    def walk(node) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                resolve(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids)), "duplicate operationId"


def render_json() -> str:
    check_refs(DOCUMENT)
    return json.dumps(DOCUMENT, indent=2, ensure_ascii=True) + "\n"


def render_lines(value, depth: int = 0) -> str:
    """The document for the Swift file: objects down to an operation or a component one entry per
    line, everything below that compact. About 300 lines, each path, operation and schema on its
    own line (so a change shows as the lines it touches), and a third smaller to serve."""
    if not isinstance(value, dict) or depth >= 3 or not value:
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    pad = "  " * (depth + 1)
    entries = [f"{pad}{json.dumps(key, ensure_ascii=True)}:{render_lines(item, depth + 1)}" for key, item in value.items()]
    return "{\n" + ",\n".join(entries) + "\n" + "  " * depth + "}"


def render_swift(text: str) -> str:
    # A raw string with two #: nothing in JSON can end it or interpolate into it.
    assert '"""##' not in text and "\\##" not in text
    body = "".join(("    " + line if line else line) for line in text.splitlines(keepends=True))
    return (
        "// Generated by Tools/openapi/build.py from the description there: edit that, then run\n"
        "// `python3 Tools/openapi/build.py`. Tests/python/test_openapi_fuzz.py keeps it true.\n"
        "\n"
        "extension OpenAPIDocument {\n"
        "    /// The OpenAPI 3.1 document served at `/api/v1/openapi.json`.\n"
        '    static let json = ##"""\n'
        f"{body}"
        '    """##\n'
        "}\n"
    )


def main(argv: list[str]) -> int:
    text = render_json()
    if "--print" in argv:
        sys.stdout.write(text)
        return 0
    swift = render_swift(render_lines(DOCUMENT) + "\n")
    if "--check" in argv:
        current = SWIFT_FILE.read_text() if SWIFT_FILE.exists() else ""
        if current != swift:
            print(f"{SWIFT_FILE.relative_to(REPO)} is stale: run python3 Tools/openapi/build.py", file=sys.stderr)
            return 1
        return 0
    SWIFT_FILE.write_text(swift)
    ops = sum(len(item) for item in DOCUMENT["paths"].values())
    print(f"wrote {SWIFT_FILE.relative_to(REPO)}: {len(DOCUMENT['paths'])} paths, {ops} operations, "
          f"{len(SCHEMAS)} schemas, {len(text)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
