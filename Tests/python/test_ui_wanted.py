"""The wanted page in a real headless Chromium: the missing list (paged, sortable) and the
cutoff-unmet list. Titles, episodes and movies come through the API; the files that make a
cutoff-unmet row are facts only a disk scan finds, so the test stops the server, writes one file
into a title's document the way the import will, and starts the server again on the same folder.
"""

from __future__ import annotations

import json

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import start_server
from test_ui_flow import find, login, wait, wait_hash


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
    profiles = requests.get(server.url("/api/v1/qualityprofiles"), headers=h, timeout=10).json()["records"]
    upgradable = next(p["id"] for p in profiles if p["upgradeAllowed"])
    episodes = [{"seasonNumber": 1, "episodeNumber": n, "title": f"Chapter {n}", "airDate": f"2020-01-{n:02d}"} for n in range(1, 29)]
    series = post("/media", {"instanceId": tv, "mediaType": "series", "title": "Anthology", "qualityProfileId": upgradable,
                             "episodes": episodes})
    post("/media", {"instanceId": movies, "mediaType": "movie", "title": "Arrival", "status": "released",
                    "releaseDates": {"inCinemas": "2016-11-11", "digital": "2017-02-14"}})
    return series


def add_low_quality_file(server, series):
    """Stops the server, gives episode 1 an SDTV file in the document, and starts it again."""
    server.stop()
    path = server.data_dir / "media" / f"{series['id']}.json"
    doc = json.loads(path.read_text())
    doc["body"]["episodes"][0]["episodeFile"] = {"path": "/tv/Anthology/S01E01.mkv", "size": 1000, "qualityId": 1,
                                                 "dateAdded": doc["updatedAt"]}
    path.write_text(json.dumps(doc))
    return start_server(server.data_dir)


def rows(browser):
    return browser.find_elements(By.CSS_SELECTOR, ".data-table tbody tr")


def test_ui_wanted_lists(server_factory, browser):
    server = server_factory()
    series = seed(server)
    server = add_low_quality_file(server, series)
    try:
        login(browser, server)
        wait_hash(browser, lambda h: h.startswith("#/media"))
        find(browser, ".nav-link[href='#/wanted/missing']").click()
        wait(browser, lambda d: len(rows(d)) == 28, message="the missing list never filled")
        titles = [r.find_element(By.CSS_SELECTOR, "td").text for r in rows(browser)]
        assert titles[0] == "Anthology" and titles[-1] == "Arrival", "latest first: 2020 episodes, then the 2017 movie"
        assert "S01E28" in rows(browser)[0].text
        Select(find(browser, "#wanted-pageSize")).select_by_value("25")
        wait(browser, lambda d: len(rows(d)) == 25, message="page size 25 did not apply")
        pager = find(browser, ".pager")
        assert "Page 1 of 2 · 28 total" in pager.text

        Select(find(browser, "#wanted-sortKey")).select_by_value("title")
        wait_hash(browser, lambda h: "sortKey=title" in h)
        Select(find(browser, "#wanted-sortDirection")).select_by_value("ascending")
        wait(browser, lambda d: rows(d)[0].find_element(By.CSS_SELECTOR, "td").text == "Anthology"
             and "S01E02" in rows(d)[0].text, message="title order did not apply")
        pager.find_elements(By.CSS_SELECTOR, "button")[1].click()
        wait(browser, lambda d: len(rows(d)) == 3 and "Arrival" in rows(d)[-1].text, message="page 2 never showed")

        find(browser, "#wanted-tab-cutoff").click()
        wait_hash(browser, lambda h: h.startswith("#/wanted/cutoff"))
        wait(browser, lambda d: len(rows(d)) == 1, message="the cutoff list never showed the SDTV file")
        assert "S01E01" in rows(browser)[0].text and "SDTV" in rows(browser)[0].text
        rows(browser)[0].find_element(By.CSS_SELECTOR, "a").click()
        wait_hash(browser, lambda h: h == f"#/media/{series['id']}")

        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
        browser.get(server.url("/#/wanted/missing"))
        wait(browser, lambda d: len(rows(d)) > 0)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        server.stop()
