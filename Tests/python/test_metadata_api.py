"""The metadata API contract the UI relies on, over HTTP against the fake TMDB and TVmaze:
write-only key, field errors, lookups by title and by every kind of id, problems that name the
provider and the cause, 409 for a duplicate add."""

from __future__ import annotations

import socket

import pytest

from fake_providers import TMDB_KEY, Answer, fixture, providers, titles  # noqa: F401 — pytest fixtures


def lookup(titles, term, kind):
    return titles.api("GET", "/media/lookup", params={"term": term, "kind": kind})


def problem(response, status):
    assert response.status_code == status, f"{response.status_code} {response.text}"
    assert "problem+json" in response.headers.get("Content-Type", ""), response.headers
    return response.json()


def test_settings_key_is_write_only(titles):
    answer = titles.api("GET", "/settings/metadata").json()
    assert answer["tmdbApiKeySet"] is True and "tmdbApiKey" not in answer
    assert {"tmdbLanguage", "refreshIntervalHours", "tmdbBaseURL", "tvmazeBaseURL"} <= answer.keys()
    # Absent keeps the key; the answers never carry it.
    kept = titles.api("PUT", "/settings/metadata", json={"tmdbLanguage": "en-US"})
    assert kept.status_code == 200 and kept.json()["tmdbApiKeySet"] is True and TMDB_KEY not in kept.text
    cleared = titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": ""})
    assert cleared.status_code == 200 and cleared.json()["tmdbApiKeySet"] is False
    restored = titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": TMDB_KEY})
    assert restored.json()["tmdbApiKeySet"] is True and TMDB_KEY not in restored.text


def test_settings_need_an_admin(titles):
    anonymous = titles.server.session().get(titles.server.url("/api/v1/settings/metadata"), timeout=10)
    assert anonymous.status_code == 401


@pytest.mark.parametrize("change, field", [
    ({"refreshIntervalHours": 0}, "refreshIntervalHours"),
    ({"tmdbBaseURL": "not a url"}, "tmdbBaseURL"),
    ({"tvmazeBaseURL": "ftp://example.invalid"}, "tvmazeBaseURL"),
])
def test_settings_bad_values_are_refused_by_field(titles, change, field):
    before = titles.api("GET", "/settings/metadata").json()
    doc = problem(titles.api("PUT", "/settings/metadata", json=change), 400)
    assert any(e["field"] == field for e in doc.get("errors", [])), doc
    assert titles.api("GET", "/settings/metadata").json() == before


@pytest.mark.parametrize("term, kind, key, value", [
    ("The Matrix", "movie", "tmdbId", 603),
    ("The Matrix (1999)", "movie", "tmdbId", 603),
    ("tmdb:603", "movie", "imdbId", "tt0133093"),
    ("imdb:tt31193180", "movie", "title", "Sinners"),
    ("Game of Thrones", "series", "tmdbId", 1399),
    ("tvdb:121361", "series", "title", "Game of Thrones"),
    ("tvmaze:82", "series", "tvdbId", 121361),
    ("imdb:tt0944947", "series", "title", "Game of Thrones"),
])
def test_lookup_by_title_and_id(titles, term, kind, key, value):
    r = lookup(titles, term, kind)
    assert r.status_code == 200, r.text
    records = r.json()["records"]
    assert any(rec.get(key) == value for rec in records), [(x.get("title"), x.get(key)) for x in records]
    for rec in records:
        assert rec["lookupId"] and rec["kind"] in ("series", "movie", "anime") and isinstance(rec.get("inLibrary", []), list)
        assert rec.get("poster") is None or rec["poster"].startswith("/api/v1/")


def test_bad_tmdb_key_names_tmdb(titles):
    titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": "wrong-key"})
    try:
        r = lookup(titles, "The Matrix", "movie")
        assert 400 <= r.status_code < 600, r.text
        doc = problem(r, r.status_code)
        assert "TMDB" in doc["detail"], doc
        assert "key" in doc["detail"].lower() or "401" in doc["detail"], doc
        assert "wrong-key" not in r.text
    finally:
        titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": TMDB_KEY})


def test_tvmaze_unreachable_is_502_naming_tvmaze(titles, providers):  # noqa: F811
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    titles.api("PUT", "/settings/metadata", json={"tvmazeBaseURL": dead})
    try:
        doc = problem(lookup(titles, "tvmaze:82", "series"), 502)
        assert "TVmaze" in doc["detail"], doc
    finally:
        titles.api("PUT", "/settings/metadata", json={"tvmazeBaseURL": providers.tvmaze.base})


def test_tmdb_rate_limit_is_503_with_retry_after(titles, providers):  # noqa: F811
    limited = Answer(429, fixture("tmdb/error-429_rate-limit.json"), {"Retry-After": "3600"})
    providers.tmdb.script("/3/movie/603", [limited] * 5)
    try:
        r = lookup(titles, "tmdb:603", "movie")
        doc = problem(r, 503)
        assert "TMDB" in doc["detail"] and r.headers.get("Retry-After"), (doc, dict(r.headers))
    finally:
        providers.tmdb.clear_script("/3/movie/603")


def test_duplicate_add_is_409_naming_the_title(titles):
    body = {"lookupId": "tmdb:550", "instanceId": titles.movies, "rootFolderId": titles.movie_root,
            "qualityProfileId": titles.profile, "tags": [], "monitored": True, "minimumAvailability": "released"}
    first = titles.api("POST", "/media/add", json=body)
    assert first.status_code == 201, first.text
    assert first.json()["title"] == "Fight Club" and first.json()["tmdbId"] == 550
    doc = problem(titles.api("POST", "/media/add", json=body), 409)
    assert "Fight Club" in doc["detail"] and doc.get("existingId") == first.json()["id"], doc
    # The lookup now says where it is.
    records = lookup(titles, "tmdb:550", "movie").json()["records"]
    assert records[0]["inLibrary"] == [{"instanceId": titles.movies, "mediaId": first.json()["id"]}]
    # Nothing half-added.
    assert titles.api("GET", "/media", params={"search": "Fight Club"}).json()["totalRecords"] == 1
