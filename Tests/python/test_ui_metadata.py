"""Metadata settings in the browser (the TMDB key is write-only) and the title page's Refresh and
Rescan buttons, files and artwork."""

from __future__ import annotations

import json
from pathlib import Path

from selenium.webdriver.common.by import By

from fake_providers import TMDB_KEY, Answer, providers, titles  # noqa: F401 — pytest fixtures
from test_ui_flow import find, fill, login, open_settings, severe_logs, submit_modal, wait, wait_hash, wait_toast


def settings_form(d):
    return find(d, "#metadata-form")


def test_metadata_settings_key_is_never_shown(titles, providers, browser):  # noqa: F811
    d, server = browser, titles.server
    titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": ""})
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_settings(d, "metadata")
    assert "No TMDB API key" in find(d, "#tmdb-key-state").text
    assert not d.find_element(By.CSS_SELECTOR, "#tmdb-key-clear").is_displayed()
    form = settings_form(d)
    key_input = form.find_element(By.CSS_SELECTOR, "input[name=tmdbApiKey]")
    assert key_input.get_attribute("type") == "password"
    key_input.send_keys(TMDB_KEY)
    fill(d, "input[name=tmdbLanguage]", "de-DE", form)
    fill(d, "input[name=refreshIntervalHours]", "6", form)
    find(d, "#metadata-save").click()
    wait_toast(d, "saved")
    wait(d, lambda d_: "is set" in d_.find_element(By.CSS_SELECTOR, "#tmdb-key-state").text, message="key state not shown as set")
    assert settings_form(d).find_element(By.CSS_SELECTOR, "input[name=tmdbApiKey]").get_attribute("value") == ""
    assert TMDB_KEY not in d.page_source

    saved = titles.api("GET", "/settings/metadata").json()
    assert saved["tmdbApiKeySet"] is True and saved["tmdbLanguage"] == "de-DE" and saved["refreshIntervalHours"] == 6
    assert "tmdbApiKey" not in saved

    # After a reload the page knows only that a key is set; saving without typing keeps it.
    d.refresh()
    form = settings_form(d)
    assert "is set" in find(d, "#tmdb-key-state").text
    assert form.find_element(By.CSS_SELECTOR, "input[name=tmdbApiKey]").get_attribute("value") == ""
    assert form.find_element(By.CSS_SELECTOR, "input[name=tmdbLanguage]").get_attribute("value") == "de-DE"
    fill(d, "input[name=tmdbLanguage]", "en-US", form)
    find(d, "#metadata-save").click()
    wait_toast(d, "saved")
    assert titles.api("GET", "/settings/metadata").json()["tmdbApiKeySet"] is True
    assert TMDB_KEY not in d.page_source

    # Removing the key asks first, then the page says there is none.
    find(d, "#tmdb-key-clear").click()
    submit_modal(d, "Remove")
    wait(d, lambda d_: "No TMDB API key" in d_.find_element(By.CSS_SELECTOR, "#tmdb-key-state").text, message="key still shown as set")
    assert titles.api("GET", "/settings/metadata").json()["tmdbApiKeySet"] is False
    titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": TMDB_KEY})
    assert not severe_logs(d), json.dumps(severe_logs(d), indent=1)


def test_metadata_settings_errors_and_advanced(titles, providers, browser):  # noqa: F811
    d, server = browser, titles.server
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_settings(d, "metadata")
    form = settings_form(d)
    fill(d, "input[name=refreshIntervalHours]", "0", form)
    find(d, "#metadata-save").click()
    wait(d, lambda d_: any(e.text.strip() for e in d_.find_elements(By.CSS_SELECTOR, "#metadata-form .field-error, #metadata-form .form-error")),
         message="no error shown for a zero refresh interval")
    assert titles.api("GET", "/settings/metadata").json()["refreshIntervalHours"] != 0

    # Provider addresses sit under "Advanced"; a bad one is refused beside its field, opened.
    fill(d, "input[name=refreshIntervalHours]", "12", form)
    find(d, "#metadata-advanced > summary").click()
    fill(d, "input[name=tvmazeBaseURL]", "not a url", form)
    find(d, "#metadata-save").click()
    wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#metadata-advanced").get_attribute("open") is not None
         and d_.find_elements(By.CSS_SELECTOR, "#metadata-advanced .has-error"), message="bad address not shown beside its field")
    fill(d, "input[name=tvmazeBaseURL]", providers.tvmaze.base, form)
    find(d, "#metadata-save").click()
    wait_toast(d, "saved")
    assert titles.api("GET", "/settings/metadata").json()["tvmazeBaseURL"] == providers.tvmaze.base


def add(titles, lookup_id, **extra):
    instance, root = (titles.movies, titles.movie_root) if lookup_id.startswith("tmdb") else (titles.tv, titles.tv_root)
    body = {"lookupId": lookup_id, "instanceId": instance, "rootFolderId": root, "qualityProfileId": titles.profile, "tags": [], **extra}
    r = titles.api("POST", "/media/add", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_detail_refresh_and_rescan(titles, browser):
    d, server = browser, titles.server
    series = add(titles, "tvmaze:82", monitor="all", monitorNewSeasons=True, seriesType="standard", seasonFolder=True)
    folder = Path(series["path"]) / "Season 01"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Game.of.Thrones.S01E01.720p.HDTV.x264-CTU.mkv").write_bytes(b"")  # tv.json: "Series.Title.S01E01.720p.HDTV.x264-Group"
    (folder / "Game.of.Thrones.S09E01.720p.HDTV.x264-CTU.mkv").write_bytes(b"")  # no ninth season
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    d.execute_script("location.hash = arguments[0]", f"#/media/{series['id']}")
    find(d, ".detail-title")

    find(d, "#rescan-media").click()
    wait_toast(d, "Rescan:")
    wait(d, lambda d_: d_.find_elements(By.CSS_SELECTOR, ".episode.has-file .ep-file-detail"), message="file not shown after rescan")
    line = find(d, ".episode.has-file .ep-file-detail").text
    assert "Game.of.Thrones.S01E01.720p.HDTV.x264-CTU.mkv" in line and "CTU" in line
    assert "Game.of.Thrones.S09E01.720p.HDTV.x264-CTU.mkv" in find(d, ".unmatched").text
    assert find(d, ".last-scanned").text != "Never"

    button = find(d, "#refresh-media")
    button.click()
    wait_toast(d, "Refreshed")
    assert find(d, ".last-refreshed").text != "Never"
    assert find(d, "#refresh-media").is_enabled()
    assert not severe_logs(d), json.dumps(severe_logs(d), indent=1)


def test_refresh_failure_names_the_provider(titles, providers, browser):  # noqa: F811
    d, server = browser, titles.server
    movie = add(titles, "tmdb:550", monitored=True, minimumAvailability="released")
    assert movie["releaseDates"], movie
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    d.execute_script("location.hash = arguments[0]", f"#/media/{movie['id']}")
    find(d, ".release-dates")
    assert find(d, "[data-release='inCinemas']").text == movie["releaseDates"].get("inCinemas", "—")
    titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": "wrong-key"})
    try:
        find(d, "#refresh-media").click()
        wait(d, lambda d_: any("TMDB" in t.text for t in d_.find_elements(By.CSS_SELECTOR, ".toast-error")), message="no error toast naming TMDB")
        wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#refresh-media").is_enabled(), message="button stayed busy")
    finally:
        titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": TMDB_KEY})


def test_posters_come_from_idkarr(titles, providers, browser):  # noqa: F811
    """Library cards and the title page load artwork only from idkarr's image path."""
    d, server = browser, titles.server
    series = add(titles, "tvmaze:6456", monitor="none", monitorNewSeasons=False, seriesType="standard", seasonFolder=True)
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    d.execute_script("location.hash = '#/media?search=Counterpart'")
    card = find(d, f".poster-card[data-id='{series['id']}']")
    img = card.find_element(By.CSS_SELECTOR, "img.poster-img")
    assert img.get_attribute("src") == server.url(f"/api/v1/media/{series['id']}/image/poster")
    wait(d, lambda d_: d_.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img), message="poster did not load")
    d.execute_script("location.hash = arguments[0]", f"#/media/{series['id']}")
    find(d, ".detail-title")
    poster = find(d, "img.detail-poster")
    assert poster.get_attribute("src") == server.url(f"/api/v1/media/{series['id']}/image/poster")
    for img in d.find_elements(By.CSS_SELECTOR, "main img"):
        assert img.get_attribute("src").startswith(server.url(f"/api/v1/media/{series['id']}/image/"))

    # A title whose poster the provider cannot deliver shows its initials instead.
    for size in ("medium_portrait", "original_untouched"):
        providers.tvmaze.script(f"/img/tvmaze/uploads/images/{size}/488/1220400.jpg", [Answer(404)] * 5)
    who = add(titles, "tvmaze:210", monitor="none", monitorNewSeasons=False, seriesType="standard", seasonFolder=True)
    d.execute_script("location.hash = '#/media?search=Doctor'")
    placeholder = find(d, f".poster-card[data-id='{who['id']}'] .poster-placeholder")
    assert placeholder.text == "DW"
    assert titles.api("DELETE", f"/media/{who['id']}").status_code == 204  # leave no broken poster to later tests


def test_new_pages_have_no_console_errors(titles, browser):
    """Add, import, metadata settings and a provider title's page (poster, fanart): no CSP
    violation, no script error, no failed request."""
    d, server = browser, titles.server
    movie = add(titles, "tmdb:607", monitored=True, minimumAvailability="released")
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    pages = {
        "#/add/series": "#lookup-term", "#/add/movie": "#lookup-term", "#/import": "#import-root",
        "#/settings/metadata": "#metadata-form", f"#/media/{movie['id']}": ".release-dates",
        "#/media?search=Men%20in%20Black": f".poster-card[data-id='{movie['id']}']",  # not the whole library: one poster 404s on purpose
    }
    for hash_, css in pages.items():
        d.execute_script("location.hash = arguments[0]", hash_)
        find(d, css)
    # Every image on the last two pages has loaded (they come from idkarr's cache of the fake's PNG).
    wait(d, lambda d_: d_.execute_script("return [...document.images].every((i) => i.complete)"), message="images still loading")
    broken = d.execute_script("return [...document.images].filter((i) => !i.naturalWidth).map((i) => i.src)")
    assert not broken, broken
    assert not severe_logs(d), json.dumps(severe_logs(d), indent=1)


def test_settings_and_title_page_fit_a_phone(titles, browser):
    """At 360 px: the metadata settings (advanced open) and a title with files and unmatched files."""
    d, server = browser, titles.server
    body = {"lookupId": "tvmaze:82", "instanceId": titles.tv, "rootFolderId": titles.tv_root, "monitor": "all"}
    r = titles.api("POST", "/media/add", json=body)  # 409 when the refresh test already added it
    series = titles.api("GET", f"/media/{r.json()['id'] if r.status_code == 201 else r.json()['existingId']}").json()
    folder = Path(series["path"]) / "Season 01"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Game.of.Thrones.S01E01.720p.HDTV.x264-CTU.mkv").write_bytes(b"")
    (folder / "Game.of.Thrones.S09E01.720p.HDTV.x264-CTU.mkv").write_bytes(b"")
    assert titles.api("POST", f"/media/{series['id']}/rescan").status_code == 200
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    width = "return document.documentElement.scrollWidth"
    open_settings(d, "metadata")
    find(d, "#metadata-advanced > summary").click()
    find(d, "input[name=tvmazeBaseURL]")
    assert d.execute_script(width) <= 360
    d.execute_script("location.hash = arguments[0]", f"#/media/{series['id']}")
    find(d, ".episode.has-file .ep-file-detail")
    find(d, ".unmatched")
    assert find(d, "#rescan-media").is_displayed() and find(d, "#refresh-media").is_displayed()
    assert d.execute_script(width) <= 360
