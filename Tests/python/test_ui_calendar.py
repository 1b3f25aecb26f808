"""The calendar page in a real headless Chromium: month grid, week, agenda, paging by month,
"show unmonitored", the iCal feed address, and a phone-width layout. Data comes through the API
with fixed dates in March 2026, and the page is opened on that month with `?date=`.
"""

from __future__ import annotations

import requests
from selenium.webdriver.common.by import By

from test_ui_flow import find, login, wait, wait_hash

EVIL = "<img src=x onerror=alert(1)> Show"


def seed(server):
    admin = server.admin_session()
    key = admin.post(server.url("/api/v1/auth/api-keys"), json={"name": "ui"}, timeout=10).json()["key"]
    h = {"X-Api-Key": key}

    def post(path, body):
        r = requests.post(server.url("/api/v1" + path), json=body, headers=h, timeout=10)
        assert r.status_code == 201, r.text
        return r.json()

    tv = post("/instances", {"name": "TV", "mediaType": "series"})["id"]
    movies = post("/instances", {"name": "Movies", "mediaType": "movie"})["id"]
    series = post("/media", {"instanceId": tv, "mediaType": "series", "title": EVIL, "runtime": 30, "episodes": [
        {"seasonNumber": 1, "episodeNumber": 1, "title": "Pilot", "airDateUtc": "2026-03-12T12:00:00Z"},
        {"seasonNumber": 1, "episodeNumber": 2, "title": "Dated", "airDate": "2026-03-14"},
        {"seasonNumber": 1, "episodeNumber": 3, "title": "Hidden", "airDate": "2026-03-16", "monitored": False},
    ]})
    movie = post("/media", {"instanceId": movies, "mediaType": "movie", "title": "Dune: Part Two",
                            "releaseDates": {"digital": "2026-03-20"}, "minimumAvailability": "released"})
    return series["id"], movie["id"]


def items(browser, day):
    return browser.find_elements(By.CSS_SELECTOR, f'[data-day="{day}"] .cal-item')


def test_ui_calendar_views(server_factory, browser):
    server = server_factory()
    series_id, movie_id = seed(server)
    login(browser, server)
    wait_hash(browser, lambda h: h.startswith("#/media"))
    browser.get(server.url("/#/calendar?date=2026-03-10"))
    find(browser, ".cal-grid")
    assert find(browser, "#calendar-title").text == "March 2026"
    wait(browser, lambda d: len(items(d, "2026-03-20")) == 1, message="the movie release never showed")
    pilot = items(browser, "2026-03-12")
    assert len(pilot) == 1 and EVIL in pilot[0].text and "S01E01 · Pilot" in pilot[0].text
    assert not browser.find_elements(By.CSS_SELECTOR, ".cal-item img"), "titles are text, never HTML"
    assert "Dated" in items(browser, "2026-03-14")[0].text
    assert "Digital release" in items(browser, "2026-03-20")[0].text
    assert not items(browser, "2026-03-16"), "unmonitored episodes are hidden by default"
    # 35 or 42 cells, Monday first: 2026-03-01 is a Sunday, so the grid starts on 2026-02-23.
    days = browser.find_elements(By.CSS_SELECTOR, ".cal-day")
    assert days[0].get_attribute("data-day") == "2026-02-23" and len(days) % 7 == 0

    find(browser, "#calendar-unmonitored").click()
    wait(browser, lambda d: len(items(d, "2026-03-16")) == 1, message="show unmonitored did not add the episode")
    assert "cal-unmonitored" in items(browser, "2026-03-16")[0].get_attribute("class")
    wait_hash(browser, lambda h: "unmonitored=true" in h)

    find(browser, "#calendar-next").click()
    wait(browser, lambda d: d.find_element(By.ID, "calendar-title").text == "April 2026")
    find(browser, "#calendar-prev").click()
    find(browser, "#calendar-prev").click()
    wait(browser, lambda d: d.find_element(By.ID, "calendar-title").text == "February 2026")
    assert items(browser, "2026-02-27") == []

    browser.get(server.url("/#/calendar?date=2026-03-12&view=week"))
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".cal-day")) == 7)
    assert find(browser, "#calendar-title").text == "2026-03-09 – 2026-03-15"
    wait(browser, lambda d: len(items(d, "2026-03-12")) == 1)

    find(browser, 'button[data-view="agenda"]').click()
    find(browser, ".cal-agenda")
    days = [e.get_attribute("data-day") for e in browser.find_elements(By.CSS_SELECTOR, ".cal-agenda-day")]
    assert days == ["2026-03-12", "2026-03-14", "2026-03-20"]
    items(browser, "2026-03-20")[0].click()
    wait_hash(browser, lambda h: h == f"#/media/{movie_id}")

    browser.get(server.url("/#/calendar"))
    url = find(browser, "#calendar-feed-url").text
    assert url == server.url("/feed/v1/calendar.ics?apikey=YOUR_API_KEY&pastDays=7&futureDays=28")
    link = browser.find_element(By.CSS_SELECTOR, ".calendar-feed a[href='#/settings/api-keys']")
    assert link.is_displayed()
    assert series_id


def test_ui_calendar_phone_width(server_factory, browser):
    server = server_factory()
    seed(server)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    login(browser, server)
    wait_hash(browser, lambda h: h.startswith("#/media"))

    def width():
        return browser.execute_script("return document.documentElement.scrollWidth")

    for view in ("month", "week", "agenda"):
        browser.get(server.url(f"/#/calendar?date=2026-03-12&view={view}"))
        wait(browser, lambda d: len(items(d, "2026-03-12")) == 1, message=f"{view}: the episode never showed")
        assert width() <= 360, f"{view} overflows at 360 px"
