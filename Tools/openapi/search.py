"""Searching the indexers in the OpenAPI document: the Search page's search, a title's interactive
search with decisions, the Test action, caps, RSS sync and the indexer settings.

Kept beside build.py and called from it (`search.add(namespace)`), like indexers.py.
"""

from __future__ import annotations

OUTCOME_STATE = ["ok", "failed", "skipped"]  # IdkarrAutomation.IndexerOutcome.State
PROTOCOL = ["usenet", "torrent"]  # IdkarrIndexers.DownloadProtocol
SEARCH_TYPE = ["search", "tvsearch", "movie"]  # SearchController.criteria
RSS_TRIGGER = ["scheduled", "manual"]  # RssSyncReport.Trigger


def add(b) -> None:
    """Adds schemas and paths to build.py's SCHEMAS and PATHS (`b` is build.py's namespace)."""
    S, obj, enum, array, ref, path, operation, json_ok = (
        b.SCHEMAS, b.obj, b.enum, b.array, b.ref, b.path, b.operation, b.json_ok)
    STR, INT, BOOL, NUM, ID, DATE_TIME = b.STR, b.INT, b.BOOL, b.NUM, b.ID, b.DATE_TIME
    ints = array(INT)

    S["IndexerOutcome"] = obj(
        {"indexerId": ID, "name": STR, "state": enum(OUTCOME_STATE), "releases": INT, "queries": INT, "milliseconds": INT,
         "message": STR, "code": {**STR, "description": "Why it failed or was skipped: unreachable, tls, unauthorized, "
                                  "rateLimited, unavailable, notAnIndexer, badResponse, tooLarge, badRequest, backoff…"},
         "disabledUntil": {**DATE_TIME, "description": "Until when it rests after failures."}},
        ["indexerId", "name", "state", "releases", "queries"], description="How one indexer did in a search.")
    S["ParsedReleaseInfo"] = obj(
        {"kind": enum(b.RELEASE_KIND), "seriesTitle": STR, "movieTitle": STR, "year": INT, "seasonNumber": INT,
         "episodeNumbers": ints, "absoluteEpisodeNumbers": ints, "airDate": STR, "fullSeason": BOOL,
         "quality": obj({"id": INT, "name": STR, "source": enum(b.QUALITY_SOURCE), "resolution": INT,
                         "modifier": STR}, ["id", "name", "source", "resolution", "modifier"]),
         "revision": obj({"version": INT, "real": INT, "isRepack": BOOL}, ["version", "real", "isRepack"]),
         "languages": array(STR), "releaseGroup": STR, "edition": STR},
        ["kind", "episodeNumbers", "absoluteEpisodeNumbers", "fullSeason", "quality", "revision", "languages"])
    S["Release"] = obj(
        {"guid": STR, "title": STR, "indexerId": ID, "indexer": STR, "protocol": enum(PROTOCOL), "size": INT,
         "publishDate": DATE_TIME, "ageMinutes": INT, "seeders": INT, "leechers": INT, "peers": INT, "grabs": INT,
         "infoUrl": {**STR, "description": "The release's page at the indexer (http or https only)."},
         "categories": ints, "indexerFlags": array(STR), "parsed": ref("ParsedReleaseInfo")},
        ["guid", "title", "indexerId", "indexer", "protocol", "size", "publishDate", "ageMinutes", "categories",
         "indexerFlags", "parsed"],
        description="A release an indexer offered; the download itself goes through idkarr, so no link is given.")
    S["SearchResults"] = obj({"releases": array(ref("Release")), "indexers": array(ref("IndexerOutcome"))},
                             ["releases", "indexers"])
    S["Decision"] = obj(
        {"release": ref("Release"), "accepted": BOOL,
         "rank": {**INT, "description": "1 for the release idkarr would take first; accepted releases only."},
         "rejections": array(obj({"specification": STR, "reason": STR, "temporary": BOOL},
                                 ["specification", "reason", "temporary"])),
         "episodeIds": ints},
        ["release", "accepted", "rejections", "episodeIds"])
    S["Decisions"] = obj({"mediaId": ID, "decisions": array(ref("Decision")), "indexers": array(ref("IndexerOutcome"))},
                         ["mediaId", "decisions", "indexers"], description="Accepted first, in rank order, then rejected.")
    category = {"$ref": "#/components/schemas/CapsCategory"}
    S["CapsCategory"] = obj({"id": INT, "name": STR, "subcategories": array(category)}, ["id", "name", "subcategories"])
    S["IndexerCaps"] = obj(
        {"serverTitle": STR, "maxPageSize": INT, "defaultPageSize": INT,
         "searchModes": array(obj({"mode": STR, "function": STR, "parameters": array(STR), "searchEngine": STR},
                                  ["mode", "function", "parameters", "searchEngine"])),
         "categories": array(ref("CapsCategory")), "fetchedAt": DATE_TIME},
        ["maxPageSize", "defaultPageSize", "searchModes", "categories"])
    S["IndexerTestResult"] = obj(
        {"ok": BOOL, "message": STR, "code": STR, "releases": INT, "milliseconds": INT,
         "categories": array(ref("CapsCategory")), "caps": ref("IndexerCaps")},
        ["ok", "message", "milliseconds"], description="A failing indexer is `ok: false` with the reason, not an HTTP error.")
    S["IndexerTestInput"] = obj(
        {**b.SCHEMAS["IndexerInput"]["properties"],
         "id": {**b.nullable(ID), "description": "A saved indexer: the form's fields change it for the test only."}},
        description="The indexer form's values; with `id`, the saved indexer with these changes.")
    match = obj({"mediaId": ID, "mediaTitle": STR, "releaseTitle": STR, "guid": STR, "indexerId": ID, "indexer": STR,
                 "quality": STR, "qualityId": INT, "size": INT, "publishDate": DATE_TIME, "infoUrl": STR, "episodeIds": ints,
                 "accepted": BOOL, "rejections": array(STR)},
                ["mediaId", "mediaTitle", "releaseTitle", "guid", "indexerId", "indexer", "quality", "qualityId", "size",
                 "publishDate", "episodeIds", "accepted", "rejections"])
    S["RssSyncReport"] = obj(
        {"run": INT, "trigger": enum(RSS_TRIGGER), "startedAt": DATE_TIME, "finishedAt": DATE_TIME, "milliseconds": INT,
         "indexers": array(obj({"indexerId": ID, "name": STR, "state": enum(OUTCOME_STATE), "fetched": INT, "new": INT,
                                "pages": INT, "message": STR, "code": STR, "disabledUntil": DATE_TIME},
                               ["indexerId", "name", "state", "fetched", "new", "pages"])),
         "newReleases": INT, "matched": INT, "acceptedCount": INT, "rejectedCount": INT,
         "accepted": array(match), "rejected": array(match)},
        ["run", "trigger", "startedAt", "finishedAt", "milliseconds", "indexers", "newReleases", "matched", "acceptedCount",
         "rejectedCount", "accepted", "rejected"])
    run = obj({"run": INT, "trigger": enum(RSS_TRIGGER), "startedAt": DATE_TIME, "milliseconds": INT, "newReleases": INT,
               "matched": INT, "acceptedCount": INT, "rejectedCount": INT, "failedIndexers": INT},
              ["run", "trigger", "startedAt", "milliseconds", "newReleases", "matched", "acceptedCount", "rejectedCount",
               "failedIndexers"])
    S["RssSyncStatus"] = obj(
        {"enabled": BOOL, "intervalMinutes": INT, "running": BOOL, "nextRun": DATE_TIME, "lastReport": ref("RssSyncReport"),
         "recentRuns": {**array(run), "description": "The kept syncs (up to 20), newest first."}},
        ["enabled", "intervalMinutes", "running", "recentRuns"])
    settings = {
        "rssSyncIntervalMinutes": {**INT, "description": "0 turns RSS sync off; otherwise 10 to 1,440."},
        "minimumAgeMinutes": {**INT, "minimum": 0, "maximum": 1440},
        "retentionDays": {**INT, "minimum": 0, "maximum": 36500, "description": "0: unlimited."},
        "maximumSizeMB": {**INT, "minimum": 0, "maximum": 10000000, "description": "0: no limit."},
    }
    S["IndexerSettings"] = obj({**settings, "version": {**INT, "minimum": 0, "description": "0 until first saved."}},
                               list(settings) + ["version"])
    S["IndexerSettingsInput"] = obj({**{k: b.nullable(v) for k, v in settings.items()}, "version": b.nullable(INT)},
                                    description="Absent fields stay as they are.")

    query = [
        {"name": "query", "in": "query", "schema": {"type": "string", "maxLength": 200},
         "description": "Free text, or an id: `tvdb:121361`, `tvmaze:82`, `imdb:tt0133093`, `tmdb:603`. Empty: the latest releases."},
        {"name": "type", "in": "query", "schema": {**enum(SEARCH_TYPE), "default": "search"}},
        {"name": "season", "in": "query", "schema": {**INT, "minimum": 0, "maximum": 9999}},
        {"name": "episode", "in": "query", "schema": {**INT, "minimum": 0, "maximum": 99999}},
        {"name": "year", "in": "query", "schema": {**INT, "minimum": 1870, "maximum": 2200}},
        {"name": "indexerIds", "in": "query", "style": "form", "explode": False, "schema": array(ID)},
        {"name": "categories", "in": "query", "style": "form", "explode": False, "schema": ints},
        {"name": "limit", "in": "query", "schema": {**INT, "minimum": 1, "maximum": 1000}},
    ]
    path("/search", get=operation(
        "searchIndexers", "search", "Search across the indexers (admin)",
        {200: json_ok("SearchResults", "Every indexer's releases, parsed, and how each indexer did.")},
        errors=b.ADMIN_READ + [400], parameters=query,
        description="Indexers are asked in parallel; one that fails or is resting costs only its own results."))
    path("/releases", get=operation(
        "searchTitleReleases", "search", "A title's interactive search with the decision on every release (admin)",
        {200: json_ok("Decisions", "Every release with accepted or rejected and why.")},
        errors=b.ADMIN_READ + [400, 404],
        parameters=[{"name": "mediaId", "in": "query", "required": True, "schema": ID},
                    {"name": "seasonNumber", "in": "query", "schema": {**INT, "minimum": 0, "maximum": 9999}},
                    {"name": "episodeId", "in": "query", "schema": ID}],
        description="A movie: `mediaId` alone. A series: `seasonNumber` or `episodeId`."))
    path("/indexers/test", post=operation(
        "testIndexer", "indexers", "Test an indexer: its caps and the latest releases (admin)",
        {200: json_ok("IndexerTestResult", "Whether it works, and if not what to fix.")},
        errors=b.WRITE + b.BODY + [404], body="IndexerTestInput"))
    path("/indexers/rss",
         get=operation("getRssSync", "indexers", "RSS sync: schedule and the last report",
                       {200: json_ok("RssSyncStatus", "The status.")}, errors=b.READ),
         post=operation("runRssSync", "indexers", "Run an RSS sync now (admin)",
                        {200: json_ok("RssSyncStatus", "The status with this sync's report.")}, errors=b.WRITE + [409],
                        description="409 while a sync is running."))
    path("/indexers/{id}/caps", get=operation(
        "getIndexerCaps", "indexers", "An indexer's caps (cached for 7 days)",
        {200: json_ok("IndexerCaps", "The caps.")}, errors=b.READ_ID + [400, 403, 502],
        parameters=[b.ID_PARAM, {"name": "refresh", "in": "query", "schema": BOOL,
                                 "description": "Ask the indexer again (admin)."}]))
    path("/settings/indexers",
         get=operation("getIndexerSettings", "settings", "Settings every indexer shares",
                       {200: json_ok("IndexerSettings", "The settings.", etag=True)}, errors=b.READ),
         put=operation("updateIndexerSettings", "settings", "Change the indexer settings (admin)",
                       {200: json_ok("IndexerSettings", "The settings as saved.", etag=True)},
                       errors=b.WRITE + b.BODY + [409], body="IndexerSettingsInput", parameters=[b.IF_MATCH]))
