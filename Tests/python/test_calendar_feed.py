"""The iCal feed of a real server, read by an independent RFC 5545 parser (`icalendar` from PyPI).

A fresh server gets a series (a timed episode, a date-only one, one beyond the window, an
unmonitored one) and a movie with release dates, through the API; the feed is fetched with the
API key in the query, as a calendar app would, and every event is checked.
"""

from __future__ import annotations

import datetime as dt

import pytest
import requests
from icalendar import Calendar

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def feed_server(server_factory):
    server = server_factory()
    admin = server.admin_session()
    key = admin.post(server.url("/api/v1/auth/api-keys"), json={"name": "calendar app"}, timeout=10).json()["key"]
    headers = {"X-Api-Key": key}

    def post(path, body):
        r = requests.post(server.url("/api/v1" + path), json=body, headers=headers, timeout=10)
        assert r.status_code == 201, r.text
        return r.json()

    tv = post("/instances", {"name": "TV", "mediaType": "series"})["id"]
    movies = post("/instances", {"name": "Movies", "mediaType": "movie"})["id"]
    today = dt.datetime.now(UTC).date()
    aired = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(20, 30), UTC)
    series = post("/media", {
        "instanceId": tv, "mediaType": "series", "title": "Die Brücke, Staffel; Eins", "runtime": 45,
        "overview": "Zwei Ermittler.\nEine Brücke.",
        "episodes": [
            {"seasonNumber": 1, "episodeNumber": 1, "title": "Ein Tötungsdelikt — 日本語 " * 4,
             "airDateUtc": aired.isoformat().replace("+00:00", "Z"), "overview": "Long; with, specials\\ and ünïcødé " * 5},
            {"seasonNumber": 1, "episodeNumber": 2, "title": "Date only", "airDate": (today + dt.timedelta(days=2)).isoformat()},
            {"seasonNumber": 1, "episodeNumber": 3, "airDate": (today + dt.timedelta(days=60)).isoformat()},
            {"seasonNumber": 1, "episodeNumber": 4, "airDate": (today + dt.timedelta(days=3)).isoformat(), "monitored": False},
        ],
    })
    movie = post("/media", {
        "instanceId": movies, "mediaType": "movie", "title": "Dune: Part Two", "overview": "Paul, Chani; the desert.",
        "releaseDates": {"inCinemas": (today - dt.timedelta(days=3)).isoformat(),
                         "digital": (today + dt.timedelta(days=10)).isoformat()},
        "minimumAvailability": "released",
    })
    return server, key, series, movie, today, aired


def fetch(server, query):
    return requests.get(server.url("/feed/v1/calendar.ics?" + query), timeout=10)


def test_feed_parses_and_holds_the_events(feed_server):
    server, key, series, movie, today, aired = feed_server
    r = fetch(server, f"apikey={key}")
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in r.content and b"\n" not in r.content.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in r.content.split(b"\r\n"))

    cal = Calendar.from_ical(r.content)
    assert str(cal["VERSION"]) == "2.0" and "idkarr" in str(cal["PRODID"])
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    sid, mid = series["id"], movie["id"]
    episodes = {e["episodeNumber"]: e["id"] for e in series["episodes"]}
    assert set(events) == {
        f"idkarr-episode-{sid}-{episodes[1]}@idkarr",
        f"idkarr-episode-{sid}-{episodes[2]}@idkarr",
        f"idkarr-movie-{mid}-inCinemas@idkarr",
        f"idkarr-movie-{mid}-digital@idkarr",
    }, "the unmonitored episode and the one 60 days out are not in the default feed"

    timed = events[f"idkarr-episode-{sid}-{episodes[1]}@idkarr"]
    assert timed["DTSTART"].dt == aired
    assert timed["DTEND"].dt == aired + dt.timedelta(minutes=45)
    assert str(timed["SUMMARY"]) == "Die Brücke, Staffel; Eins - S01E01 - " + "Ein Tötungsdelikt — 日本語 " * 4
    assert str(timed["DESCRIPTION"]) == "Long; with, specials\\ and ünïcødé " * 5
    assert isinstance(timed["DTSTAMP"].dt, dt.datetime)

    all_day = events[f"idkarr-episode-{sid}-{episodes[2]}@idkarr"]
    assert all_day["DTSTART"].dt == today + dt.timedelta(days=2)
    assert not isinstance(all_day["DTSTART"].dt, dt.datetime), "a date-only episode is an all-day event"
    assert all_day["DTEND"].dt == today + dt.timedelta(days=3)
    assert str(all_day["SUMMARY"]) == "Die Brücke, Staffel; Eins - S01E02 - Date only"

    cinema = events[f"idkarr-movie-{mid}-inCinemas@idkarr"]
    assert cinema["DTSTART"].dt == today - dt.timedelta(days=3)
    assert str(cinema["SUMMARY"]) == "Dune: Part Two (in cinemas)"
    assert str(cinema["DESCRIPTION"]) == "Paul, Chani; the desert."


def test_feed_options(feed_server):
    server, key, series, movie, today, _ = feed_server
    def uids(query):
        r = fetch(server, f"apikey={key}&{query}")
        assert r.status_code == 200, r.text
        return sorted(str(e["UID"]) for e in Calendar.from_ical(r.content).walk("VEVENT"))
    assert len(uids("pastDays=0&futureDays=1")) == 1, "only tomorrow's episode"
    assert len(uids("unmonitored=true")) == 5
    assert len(uids("futureDays=90")) == 5
    # Stable UIDs: the same events answer the same ids every time.
    assert uids("futureDays=90") == uids("futureDays=90")


@pytest.mark.parametrize("query", ["", "apikey=not-a-key"])
def test_feed_refuses_without_a_valid_key(feed_server, query):
    server = feed_server[0]
    r = fetch(server, query)
    assert r.status_code == 401
    assert r.headers["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("query", ["pastDays=366", "futureDays=-1", "pastDays=a", "unmonitored=yes"])
def test_feed_bad_options_are_400(feed_server, query):
    server, key = feed_server[0], feed_server[1]
    r = fetch(server, f"apikey={key}&{query}")
    assert r.status_code == 400
    assert r.json()["status"] == 400
