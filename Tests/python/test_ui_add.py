"""Add a series or a movie in the browser: search by title or id, pick, choose options, add.

A fresh idkarr per module points at the fake TMDB and TVmaze (fake_providers.py), which replay
the recorded responses in Tests/Fixtures/metadata.
"""

from __future__ import annotations

import json

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from fake_providers import Answer, fixture, providers, titles  # noqa: F401 — pytest fixtures
from test_ui_flow import find, fill, login, severe_logs, wait, wait_hash


def open_add(d, server, kind):
    d.execute_script("location.hash = arguments[0]", f"#/add/{kind}")
    find(d, "#lookup-term")


def search(d, term):
    fill(d, "#lookup-term", term)
    find(d, "#lookup-submit").click()
    wait(d, lambda d_: d_.find_elements(By.CSS_SELECTOR, ".lookup-status[data-state=done], .lookup-status[data-state=error]"),
         message=f"no results or error for {term!r}")
    return d.find_elements(By.CSS_SELECTOR, ".lookup-card")


def card(d, predicate, what):
    def first(d_):
        return next((c for c in d_.find_elements(By.CSS_SELECTOR, ".lookup-card") if predicate(c)), False)
    return wait(d, first, message=f"no card {what}")


def pick(d, card_el):
    card_el.find_element(By.CSS_SELECTOR, ".lookup-pick").click()
    return find(d, "#add-form")


def option(form, name):
    return Select(form.find_element(By.CSS_SELECTOR, f"select[name={name}]"))


def checkbox(form, name):
    return form.find_element(By.CSS_SELECTOR, f"input[type=checkbox][name={name}]")


def submit_and_open(d):
    find(d, "#add-submit").click()
    wait_hash(d, lambda h: h.startswith("#/media/"))
    find(d, ".detail-title")
    return int(d.execute_script("return location.hash").split("/")[2])


def unexpected_logs(d, allowed_status=()):
    """Severe console entries other than the failed requests a test provokes on purpose."""
    return [e for e in severe_logs(d) if not any(f"status of {s}" in e["message"] for s in allowed_status)]


def test_add_series_by_title(titles, browser):
    d, server = browser, titles.server
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    find(d, "#add-series-link").click()
    find(d, "#lookup-term")
    search(d, "Game of Thrones")
    got = card(d, lambda c: c.find_element(By.CSS_SELECTOR, ".lookup-title").text.startswith("Game of Thrones"), "Game of Thrones")
    assert "TVDB 121361" in got.text or "TMDB 1399" in got.text
    assert not got.find_elements(By.CSS_SELECTOR, ".badge-library")
    form = pick(d, got)
    assert option(form, "instanceId").first_selected_option.text == "TV"
    assert option(form, "rootFolderId").first_selected_option.text == str(titles.tv_path)
    option(form, "qualityProfileId").select_by_visible_text("HD")
    option(form, "monitor").select_by_value("firstSeason")
    checkbox(form, "monitorNewSeasons").click()  # off
    media_id = submit_and_open(d)
    assert find(d, ".detail-title").text == "Game of Thrones"

    media = titles.api("GET", f"/media/{media_id}").json()
    assert media["instanceId"] == titles.tv and media["qualityProfileId"] == titles.profile
    assert media["rootFolderId"] == titles.tv_root and media["monitorNewSeasons"] is False
    assert media["tvdbId"] == 121361 and media["imdbId"] == "tt0944947"
    regular = [e for e in media["episodes"] if e["seasonNumber"] > 0]
    assert regular and all(e["monitored"] == (e["seasonNumber"] == 1) for e in regular)
    assert d.find_elements(By.CSS_SELECTOR, "section.season[data-season='1'] .episode")

    # Searching again shows the title is in the library, linked to it.
    open_add(d, server, "series")
    search(d, "Game of Thrones")
    got = card(d, lambda c: c.find_elements(By.CSS_SELECTOR, ".badge-library"), "with an in-library badge")
    badge = got.find_element(By.CSS_SELECTOR, ".badge-library")
    assert "TV" in badge.text and badge.get_attribute("data-media-id") == str(media_id)
    badge.click()
    wait_hash(d, lambda h: h == f"#/media/{media_id}")
    assert not unexpected_logs(d), json.dumps(severe_logs(d), indent=1)


def test_add_series_by_tvmaze_id(titles, browser):
    d, server = browser, titles.server
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_add(d, server, "series")
    cards = search(d, "tvmaze:210")
    assert len(cards) == 1 and "Doctor Who" in cards[0].text and "TVmaze 210" in cards[0].text
    form = pick(d, cards[0])
    option(form, "monitor").select_by_value("none")
    option(form, "seriesType").select_by_value("standard")
    checkbox(form, "seasonFolder").click()  # off
    media_id = submit_and_open(d)
    media = titles.api("GET", f"/media/{media_id}").json()
    assert media["tvmazeId"] == 210 and media["seasonFolder"] is False and media["seriesType"] == "standard"
    assert media["episodes"] and not any(e["monitored"] for e in media["episodes"])
    # Specials (TVmaze `number: null`) land in season 0.
    assert any(e["seasonNumber"] == 0 for e in media["episodes"])
    assert d.find_elements(By.CSS_SELECTOR, "section.season[data-season='0']")


def test_add_movie_then_duplicate_is_refused(titles, browser):
    d, server = browser, titles.server
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    find(d, "#add-movie-link").click()
    find(d, "#lookup-term")
    search(d, "The Matrix (1999)")
    matrix = card(d, lambda c: "TMDB 603" in c.text, "TMDB 603")
    assert "The Matrix (1999)" in matrix.text
    form = pick(d, matrix)
    assert option(form, "instanceId").first_selected_option.text == "Movies"
    assert not form.find_elements(By.CSS_SELECTOR, "select[name=monitor]")
    checkbox(form, "monitored").click()  # off
    option(form, "minimumAvailability").select_by_value("inCinemas")
    media_id = submit_and_open(d)
    media = titles.api("GET", f"/media/{media_id}").json()
    assert media["mediaType"] == "movie" and media["tmdbId"] == 603 and media["imdbId"] == "tt0133093"
    assert media["monitored"] is False and media["minimumAvailability"] == "inCinemas"
    assert find(d, ".release-dates").is_displayed()
    assert "No file yet" in d.find_element(By.XPATH, "//section[h2='File']").text

    # The same movie again, by id, into the same instance: 409 names it and links to it.
    open_add(d, server, "movie")
    cards = search(d, "tmdb:603")
    form = pick(d, cards[0])
    assert option(form, "instanceId").first_selected_option.text.startswith("Movies")
    assert "(already added)" in option(form, "instanceId").first_selected_option.text
    find(d, "#add-submit").click()
    error = find(d, "#add-form .form-error")
    assert "The Matrix" in error.text
    link = error.find_element(By.CSS_SELECTOR, "a.existing-link")
    link.click()
    wait_hash(d, lambda h: h == f"#/media/{media_id}")
    assert not unexpected_logs(d, allowed_status=(409,)), json.dumps(severe_logs(d), indent=1)
    assert titles.api("GET", "/media", params={"search": "Matrix"}).json()["totalRecords"] == 1

    # A second movie instance may hold it too; each copy's page links to the other.
    four_k = titles.api("POST", "/instances", json={"name": "Movies 4K", "mediaType": "movie"}).json()["id"]
    root_4k = titles.movie_path.parent / "movies-4k"
    root_4k.mkdir(exist_ok=True)
    assert titles.api("POST", "/rootfolders", json={"path": str(root_4k), "instanceId": four_k}).status_code == 201
    open_add(d, server, "movie")
    form = pick(d, search(d, "tmdb:603")[0])
    option(form, "instanceId").select_by_visible_text("Movies 4K")
    assert option(form, "rootFolderId").first_selected_option.text == str(root_4k)
    copy_id = submit_and_open(d)
    assert copy_id != media_id
    version = find(d, f".other-versions .version[data-media-id='{media_id}']")
    assert "Movies" in version.text and "Unmonitored" in version.text
    version.find_element(By.CSS_SELECTOR, "a").click()
    wait_hash(d, lambda h: h == f"#/media/{media_id}")
    assert "Movies 4K" in find(d, f".other-versions .version[data-media-id='{copy_id}']").text


def test_lookup_problem_is_shown(titles, browser):
    """Nothing found, and a provider failure: the problem's detail is on the page."""
    d, server = browser, titles.server
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_add(d, server, "movie")
    assert search(d, "A Title Nobody Recorded") == []
    assert "No movie found" in find(d, ".lookup-status").text
    bad = titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": "wrong-key"})
    assert bad.status_code == 200, bad.text
    try:
        search(d, "The Matrix")
        message = find(d, ".lookup-status .form-error").text
        assert "TMDB" in message, message
    finally:
        titles.api("PUT", "/settings/metadata", json={"tmdbApiKey": "test-key"})


def test_add_page_fits_a_phone(titles, browser):
    d, server = browser, titles.server
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_add(d, server, "series")
    search(d, "Battlestar Galactica")
    width = "return document.documentElement.scrollWidth"
    assert d.execute_script(width) <= 360
    form = pick(d, d.find_elements(By.CSS_SELECTOR, ".lookup-card")[0])
    assert form.find_element(By.CSS_SELECTOR, "select[name=monitor]").is_displayed()
    assert d.execute_script(width) <= 360


def test_provider_text_renders_as_text(titles, providers, browser):  # noqa: F811
    """A provider's title and summary are strangers' text: shown literally, never parsed as HTML."""
    evil = "<img src=x onerror=alert(1)>"
    show = json.loads(fixture("tvmaze/shows-6456.json"))
    show.update({"name": evil + " Show", "summary": "<p>" + evil.replace("<", "&lt;") + " summary</p>", "image": None})
    providers.tvmaze.script("/search/shows", [Answer(200, json.dumps([{"score": 1, "show": show}]).encode())])
    d, server = browser, titles.server
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_add(d, server, "series")
    cards = search(d, "anything at all")
    assert len(cards) == 1
    assert cards[0].find_element(By.CSS_SELECTOR, ".lookup-title").text.startswith(evil + " Show")
    assert not d.find_elements(By.CSS_SELECTOR, "main img"), "a tag from the provider became an element"
    with pytest.raises(NoAlertPresentException):
        d.switch_to.alert.text  # noqa: B018 — raises when no alert is open
