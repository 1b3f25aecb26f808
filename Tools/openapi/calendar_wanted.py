"""The calendar, the iCal feed and the wanted lists in the OpenAPI document.

Kept beside build.py and called from it (`calendar_wanted.add(namespace)`) so the feature's
description lives in one place; it uses build.py's helpers through the namespace it is given.
"""

from __future__ import annotations

CALENDAR_KIND = ["episode", "inCinemas", "digital", "physical"]  # IdkarrLibrary.CalendarEntry.Kind

WANTED_SORT_KEY = ["airDateUtc", "title", "year"]  # IdkarrLibrary.WantedQuery.SortKey


def add(b) -> None:
    """Adds schemas and paths to build.py's SCHEMAS and PATHS (`b` is build.py's namespace)."""
    day = {"type": "string", "description": "`yyyy-MM-dd`."}
    b.SCHEMAS["CalendarEntry"] = b.obj(
        {
            "kind": b.enum(CALENDAR_KIND, "An episode, or which release date of a movie."),
            "mediaId": b.ID,
            "mediaType": b.enum(b.MEDIA_TYPE),
            "title": b.STR,
            "year": b.INT,
            "start": {**b.DATE_TIME, "description": "UTC; 00:00 of the day for all-day items."},
            "end": {**b.DATE_TIME, "description": "start + the runtime (30 minutes when unknown), or the next day for all-day items."},
            "allDay": {**b.BOOL, "description": "Only the day is known: a date-only episode or a movie release."},
            "monitored": {**b.BOOL, "description": "The title, and for an episode its season and itself, are monitored."},
            "hasFile": b.BOOL,
            "tags": b.array(b.INT),
            "overview": b.STR,
            "episodeId": b.INT,
            "seasonNumber": b.INT,
            "episodeNumber": b.INT,
            "episodeTitle": b.STR,
            "airDate": day,
            "airDateUtc": b.DATE_TIME,
            "releaseDate": day,
        },
        ["kind", "mediaId", "mediaType", "title", "start", "end", "allDay", "monitored", "hasFile", "tags"],
    )
    b.SCHEMAS["CalendarEntryPage"] = b.page_of("CalendarEntry")
    b.SCHEMAS["MovieReleaseDates"] = b.obj({"inCinemas": day, "digital": day, "physical": day})
    b.SCHEMAS["WantedRecord"] = b.obj(
        {
            "mediaId": b.ID,
            "mediaType": b.enum(b.MEDIA_TYPE),
            "title": b.STR,
            "year": b.INT,
            "tags": b.array(b.INT),
            "monitored": b.BOOL,
            "qualityProfileId": b.INT,
            "date": {**b.DATE_TIME, "description": "When it aired or became available (absent: not known)."},
            "episodeId": b.INT,
            "seasonNumber": b.INT,
            "episodeNumber": b.INT,
            "episodeTitle": b.STR,
            "airDate": day,
            "airDateUtc": b.DATE_TIME,
            "releaseDates": b.ref("MovieReleaseDates"),
            "minimumAvailability": b.enum(b.MINIMUM_AVAILABILITY),
            "quality": b.ref("Quality"),
        },
        ["mediaId", "mediaType", "title", "tags", "monitored"],
    )
    b.SCHEMAS["WantedRecordPage"] = b.page_of("WantedRecord")

    filters = [
        {"name": "unmonitored", "in": "query", "description": "Include unmonitored titles, seasons and episodes.",
         "schema": {**b.BOOL, "default": False}},
        {"name": "tags", "in": "query", "style": "form", "explode": False,
         "description": "Comma-separated tag ids: titles with any of them.", "schema": b.array(b.INT)},
        {"name": "instanceId", "in": "query", "schema": b.ID},
    ]
    bound = {"type": "string", "description": "A date (`2026-03-01`, 00:00 UTC; as `end`, the whole day counts) "
             "or an ISO-8601 date-time with a zone."}
    b.path("/calendar", get=b.operation(
        "getCalendar", "calendar", "Episodes and movie releases between two moments, by time",
        {200: b.json_ok("CalendarEntryPage", "Every entry as one page, sorted by start.")},
        errors=b.READ + [400],
        parameters=[{"name": "start", "in": "query", "schema": bound, "description": "Default: today, 00:00 UTC."},
                    {"name": "end", "in": "query", "schema": bound, "description": "Default: start + 7 days."}] + filters,
        description="Without `unmonitored=true`, only monitored items. Episodes the provider removed are left out. "
        "`end` before `start`, a span over 366 days, or a value that does not parse is 400."))

    days = lambda name, default: {"name": name, "in": "query", "schema": {
        "type": "integer", "format": "int64", "minimum": 0, "maximum": 365, "default": default}}
    b.PATHS["/feed/v1/calendar.ics"] = {"get": b.operation(
        "getCalendarFeed", "calendar", "The calendar as an iCalendar (RFC 5545) feed for calendar apps",
        {200: {"description": "A VCALENDAR with one VEVENT per entry (stable UIDs; all-day events for date-only "
               "episodes and movie releases).",
               "content": {"text/calendar": {"schema": {"type": "string"}}}}},
        errors=b.READ + [400],
        parameters=[days("pastDays", 7), days("futureDays", 28)] + filters,
        description="Authenticate with `?apikey=` (calendar apps cannot send headers); no key or a bad one is 401.")}

    page = [
        {"name": "page", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000000, "default": 1}},
        {"name": "pageSize", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000, "default": 50}},
        {"name": "sortKey", "in": "query", "schema": {**b.enum(WANTED_SORT_KEY), "default": "airDateUtc"}},
        {"name": "sortDirection", "in": "query", "description": "Default: descending for airDateUtc, else ascending.",
         "schema": b.enum(b.SORT_DIRECTION)},
        {"name": "instanceId", "in": "query", "schema": b.ID},
        {"name": "monitored", "in": "query", "description": "false: the unmonitored ones instead.",
         "schema": {**b.BOOL, "default": True}},
    ]
    b.path("/wanted/missing", get=b.operation(
        "getWantedMissing", "wanted", "Monitored episodes that aired and movies that are available, without a file",
        {200: b.json_ok("WantedRecordPage", "The page.")}, errors=b.READ + [400], parameters=page,
        description="Episodes: aired (air time, or 00:00 UTC of a date-only air date, before now), not removed by the "
        "provider; specials only when monitored. Movies: per `minimumAvailability` (unset: released)."))
    b.path("/wanted/cutoff", get=b.operation(
        "getWantedCutoff", "wanted", "Files below their quality profile's cutoff (profiles that allow upgrades)",
        {200: b.json_ok("WantedRecordPage", "The page.")}, errors=b.READ + [400], parameters=page,
        description="A quality not allowed in the profile, or not in it, counts as below the cutoff."))
