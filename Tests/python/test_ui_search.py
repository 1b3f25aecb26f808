"""The Search page and a title's interactive search in a real headless Chromium against a real
idkarr, which asks the fake Newznab and Torznab indexer of test_ui_indexers.py over HTTP (it
replays the recorded feeds in Tests/Fixtures/indexers: nzb.su's 100 releases, HDAccess's 5).

What the page shows is checked against what the API answers for the same search: the rows (by
indexer and guid), their order after a sort, the decisions and every rejection reason.
"""

from __future__ import annotations

import html
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import ADMIN_PASSWORD
from test_ui_add import unexpected_logs
from test_ui_flow import fill, find, login, logout, modal, wait, wait_hash, wait_modal_closed
from test_ui_indexers import XSS_NAME, Idx, with_fake_indexer

HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Wild 2014 720p BluRay x264-EVIL'
WC_S03E05 = "White.Collar.S03E05.720p.HDTV.X264-DIMENSION"
WILD = "Wild 2014 720p BluRay DTS x264-HDAccess"

# Rows, outcome lines and decisions as the page shows them, read in one call.
READ_ROWS = """
return [...document.querySelectorAll(arguments[0] + ' tbody tr')].map((tr) => ({
  key: tr.dataset.key,
  title: tr.querySelector('.release-name').textContent,
  cells: Object.fromEntries([...tr.cells].map((td) => [td.dataset.label, td.textContent])),
  protocol: tr.querySelector('[data-protocol]')?.dataset.protocol,
  link: tr.querySelector('a.release-name') && [tr.querySelector('a.release-name').getAttribute('href'),
         tr.querySelector('a.release-name').rel, tr.querySelector('a.release-name').target],
  reasons: [...tr.querySelectorAll('.rejection')].map((li) => [li.querySelector('.rejection-reason').textContent,
            li.classList.contains('is-temporary'), li.dataset.specification]),
}));
"""
READ_OUTCOMES = """
return [...document.querySelectorAll(arguments[0] + ' .indexer-outcome')].map((li) => ({
  id: Number(li.dataset.indexerId), state: li.dataset.state, badge: li.querySelector('.badge').textContent,
  name: li.querySelector('.outcome-name').textContent, text: li.querySelector('.outcome-text').textContent }));
"""


class World(Idx):
    """A fresh idkarr with two good indexers and a broken one (wrong key), a series and a movie."""

    def __init__(self, server, fake):
        super().__init__(server, fake)
        self.usenet = self.create("Usenet One", "newznab", priority=10)
        self.torrents = self.create("Torrents One", "torznab", priority=20, minimumSeeders=10)
        self.broken = self.create("Broken", "newznab", apiKey="wrong-key", priority=30)
        tv = self.ok("POST", "/instances", 201, json={"name": "TV", "mediaType": "series"})
        movies = self.ok("POST", "/instances", 201, json={"name": "Movies", "mediaType": "movie"})
        episodes = [{"seasonNumber": 3, "episodeNumber": e, "title": f"Episode {e}", "airDate": f"2011-07-{e:02d}", "monitored": True}
                    for e in range(1, 8)]
        self.series = self.ok("POST", "/media", 201, json={"instanceId": tv["id"], "mediaType": "series", "title": "White Collar",
                                                         "year": 2009, "monitored": True, "episodes": episodes})
        self.episode5 = next(e["id"] for e in self.series["episodes"] if e["episodeNumber"] == 5)
        self.movie = self.ok("POST", "/media", 201, json={"instanceId": movies["id"], "mediaType": "movie", "title": "Wild",
                                                        "year": 2014, "monitored": True})

    def ok(self, method, path, status=200, **kw):
        r = self.api(method, path, **kw)
        assert r.status_code == status, f"{method} {path}: {r.status_code} {r.text}"
        return r.json() if r.content else None

    def delete_indexer(self, item):
        self.ok("DELETE", f"/indexers/{item['id']}", 204, headers={"If-Match": f'"{item["version"]}"'})


@pytest.fixture(scope="module")
def world(server_factory):
    yield from with_fake_indexer(server_factory, World)


def key(release):
    return f"{release['indexerId']}|{release['guid']}"


def signed_in(d, world, hash_):
    login(d, world.server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    d.execute_script("location.hash = arguments[0]", hash_)


def wait_done(d, scope="#search-status"):
    wait(d, lambda d_: d_.find_elements(By.CSS_SELECTOR, f"{scope}[data-state=done], {scope}[data-state=error]"),
         timeout=30, message="the search never finished")
    return d.find_element(By.CSS_SELECTOR, scope)


def rows(d, scope):
    return d.execute_script(READ_ROWS, scope)


def outcomes(d, scope):
    return {o["name"]: o for o in d.execute_script(READ_OUTCOMES, scope)}


def sort_by(d, scope, column, direction):
    """Click a column's header until it sorts that way; the header says so (aria-sort)."""
    th = f"{scope} th[data-sort-key={column}]"
    for _ in range(2):
        if d.find_element(By.CSS_SELECTOR, th).get_attribute("aria-sort") == direction:
            return
        d.find_element(By.CSS_SELECTOR, f"{th} button").click()
    assert d.find_element(By.CSS_SELECTOR, th).get_attribute("aria-sort") == direction


def ordered(values, reverse=False):
    return values == sorted(values, reverse=reverse)


# ---- the Search page ------------------------------------------------------------------------

def test_search_lists_releases_of_both_indexers_and_the_failure(world, browser):
    d = browser
    login(d, world.server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    find(d, "a.nav-link[href='#/search']").click()
    form = find(d, "#search-form")
    assert "Search every indexer" in find(d, "#search-status").text
    ticks = {b.find_element(By.XPATH, "..").get_attribute("textContent").strip(): b.is_selected() for b in form.find_elements(By.CSS_SELECTOR, "input[name=indexerIds]")}
    assert ticks == {"Usenet One": True, "Torrents One": True, "Broken": True}

    fill(d, "input[name=query]", "White Collar", form)
    find(d, "#search-submit").click()
    wait_hash(d, lambda h: h == "#/search?query=White+Collar&type=search")
    assert "105 releases from 2 of 3 indexers" in wait_done(d).text

    lines = outcomes(d, "#search-indexers")
    assert lines["Usenet One"]["state"] == "ok" and lines["Usenet One"]["text"].startswith("100 releases in ")
    assert lines["Torrents One"]["state"] == "ok" and lines["Torrents One"]["text"].startswith("5 releases in ")
    broken = lines["Broken"]
    assert broken["state"] == "failed" and broken["badge"] == "Failed", broken
    assert "Newznab error 100" in broken["text"] and "API key" in broken["text"], broken

    api = {key(r): r for r in world.ok("GET", "/search", params={"query": "White Collar"})["releases"]}
    shown = rows(d, "#search-releases")
    assert len(shown) == 105 and {r["key"] for r in shown} == set(api)
    assert all(r["title"] == api[r["key"]]["title"] for r in shown)
    wc = next(r for r in shown if r["title"] == WC_S03E05)
    assert wc["cells"]["Parsed"] == "White CollarS03E05" and wc["cells"]["Quality"] == "HDTV-720p"
    assert wc["cells"]["Size"] == "1.1 GB" and wc["cells"]["Peers"] == "—" and wc["cells"]["Indexer"] == "Usenet One"
    assert wc["protocol"] == "usenet" and wc["link"] == [api[wc["key"]]["infoUrl"], "noopener noreferrer", "_blank"]
    wild = next(r for r in shown if r["title"] == WILD)
    assert wild["protocol"] == "torrent" and wild["cells"]["Peers"] == "57 / 1" and wild["cells"]["Parsed"] == "Wild2014"

    # Sorting, checked on the real rows against the API's numbers.
    scope = "#search-releases"
    sort_by(d, scope, "size", "descending")
    assert ordered([api[r["key"]]["size"] for r in rows(d, scope)], reverse=True)
    sort_by(d, scope, "size", "ascending")
    assert ordered([api[r["key"]]["size"] for r in rows(d, scope)])
    sort_by(d, scope, "age", "ascending")
    assert ordered([api[r["key"]]["ageMinutes"] for r in rows(d, scope)])
    sort_by(d, scope, "peers", "descending")
    by_peers = rows(d, scope)
    assert [api[r["key"]].get("seeders") for r in by_peers[:5]] == [57, 41, 7, 6, 6]
    assert all(r["protocol"] == "usenet" for r in by_peers[5:])
    sort_by(d, scope, "quality", "descending")
    assert ordered([api[r["key"]]["parsed"]["quality"]["resolution"] for r in rows(d, scope)], reverse=True)
    sort_by(d, scope, "indexer", "ascending")
    assert [r["cells"]["Indexer"] for r in rows(d, scope)] == ["Torrents One"] * 5 + ["Usenet One"] * 100
    assert d.find_element(By.CSS_SELECTOR, f"{scope} th[data-sort-key=size]").get_attribute("aria-sort") == "none"

    # Filters: words, protocol, both; the count says how many are shown.
    fill(d, "#search-filter", "collar")
    collar = [k for k, r in api.items() if "collar" in r["title"].lower()]
    wait(d, lambda d_: len(rows(d_, scope)) == len(collar), message="the text filter did not apply")
    assert sorted(r["key"] for r in rows(d, scope)) == sorted(collar)
    assert find(d, "#search-count").text == f"{len(collar)} of 105 releases shown"
    Select(find(d, "#search-protocol")).select_by_value("torrent")
    wait(d, lambda d_: not rows(d_, scope), message="collar + torrents should match nothing")
    assert "No releases found" in find(d, "#search-releases .empty-state").text
    fill(d, "#search-filter", "")
    d.find_element(By.CSS_SELECTOR, "#search-filter").send_keys(" ")
    wait(d, lambda d_: len(rows(d_, scope)) == 5, message="the protocol filter alone should leave the 5 torrents")
    assert {r["protocol"] for r in rows(d, scope)} == {"torrent"}

    # Searching again: the broken indexer now rests after its failure, and says until when.
    find(d, "#search-submit").click()
    wait_done(d)
    resting = outcomes(d, "#search-indexers")["Broken"]
    assert resting["state"] == "skipped" and resting["badge"] == "Resting", resting
    assert resting["text"].startswith("Resting after failures until 20"), resting
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


def test_search_lives_in_the_hash(world, browser):
    d = browser
    start = f"#/search?query=White%20Collar&type=tvsearch&season=3&episode=5&indexerIds={world.usenet['id']}"
    asked = len(world.fake.requests)
    signed_in(d, world, start)
    wait_done(d)
    form = find(d, "#search-form")
    assert form.find_element(By.CSS_SELECTOR, "input[name=query]").get_attribute("value") == "White Collar"
    assert Select(form.find_element(By.CSS_SELECTOR, "select[name=type]")).first_selected_option.get_attribute("value") == "tvsearch"
    assert form.find_element(By.CSS_SELECTOR, "input[name=season]").get_attribute("value") == "3"
    assert form.find_element(By.CSS_SELECTOR, "input[name=episode]").get_attribute("value") == "5"
    assert not form.find_element(By.CSS_SELECTOR, "input[name=year]").is_displayed()
    assert form.find_element(By.CSS_SELECTOR, "details.search-more").get_attribute("open") is not None
    ticked = [b.get_attribute("value") for b in form.find_elements(By.CSS_SELECTOR, "input[name=indexerIds]") if b.is_selected()]
    assert ticked == [str(world.usenet["id"])]
    assert list(outcomes(d, "#search-indexers")) == ["Usenet One"]
    assert any(q.get("t") == "tvsearch" and q.get("season") == "3" and q.get("ep") == "5" for q in world.fake.requests[asked:])

    # A new search from the form: a movie by year, every indexer ticked again.
    Select(form.find_element(By.CSS_SELECTOR, "select[name=type]")).select_by_value("movie")
    assert form.find_element(By.CSS_SELECTOR, "input[name=year]").is_displayed()
    assert not form.find_element(By.CSS_SELECTOR, "input[name=season]").is_displayed()
    fill(d, "input[name=query]", "Wild", form)
    fill(d, "input[name=year]", "2014", form)
    for box in form.find_elements(By.CSS_SELECTOR, "input[name=indexerIds]"):
        if not box.is_selected():
            box.click()
    find(d, "#search-submit").click()
    wait_hash(d, lambda h: h == "#/search?query=Wild&type=movie&year=2014")
    wait_done(d)
    assert "Torrents One" in outcomes(d, "#search-indexers")
    assert WILD in [r["title"] for r in rows(d, "#search-releases")]

    # Back repeats the first search (the indexer is asked again), forward and reload the second.
    asked = len(world.fake.requests)
    d.back()
    wait_hash(d, lambda h: h == start)
    wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#search-form input[name=season]").get_attribute("value") == "3",
         message="back did not restore the form")
    wait_done(d)
    assert list(outcomes(d, "#search-indexers")) == ["Usenet One"]
    wait(d, lambda d_: any(q.get("t") == "tvsearch" and q.get("ep") == "5" for q in world.fake.requests[asked:]),
         message="back did not search again")
    d.forward()
    wait_hash(d, lambda h: h.endswith("type=movie&year=2014"))
    d.refresh()
    wait_done(d)
    form = find(d, "#search-form")
    assert form.find_element(By.CSS_SELECTOR, "input[name=query]").get_attribute("value") == "Wild"
    assert form.find_element(By.CSS_SELECTOR, "input[name=year]").get_attribute("value") == "2014"
    assert WILD in [r["title"] for r in rows(d, "#search-releases")]

    # The server refuses an episode without its season: the reason shows by the field.
    Select(form.find_element(By.CSS_SELECTOR, "select[name=type]")).select_by_value("tvsearch")
    fill(d, "input[name=query]", "tvdb:121361", form)
    fill(d, "input[name=season]", "", form)
    fill(d, "input[name=episode]", "5", form)
    find(d, "#search-submit").click()
    status = wait_done(d)
    assert status.get_attribute("data-state") == "error" and "needs its season" in status.text
    season = form.find_element(By.CSS_SELECTOR, "input[name=season]").find_element(By.XPATH, "..")
    assert "has-error" in season.get_attribute("class") and "needs its season" in season.text
    assert not d.find_element(By.CSS_SELECTOR, "#search-releases").is_displayed()
    # A category that is not a number is caught before asking.
    fill(d, "input[name=season]", "1", form)
    form.find_element(By.CSS_SELECTOR, "details.search-more summary").click()
    fill(d, "input[name=categories]", "5000, tv", form)
    find(d, "#search-submit").click()
    categories = form.find_element(By.CSS_SELECTOR, "input[name=categories]").find_element(By.XPATH, "..")
    wait(d, lambda d_: "has-error" in categories.get_attribute("class"), message="no error beside the categories")
    assert "whole numbers" in categories.text
    assert not unexpected_logs(d, allowed_status=(400,)), json.dumps(unexpected_logs(d, (400,)), indent=1)


def test_search_is_for_admins(world, browser):
    d = browser
    world.ok("POST", "/users", 201, json={"username": "viewer", "password": ADMIN_PASSWORD, "role": "user"})
    login(d, world.server, username="viewer")
    wait_hash(d, lambda h: h.startswith("#/media"))
    assert not d.find_elements(By.CSS_SELECTOR, "a.nav-link[href='#/search']")
    assert d.find_elements(By.CSS_SELECTOR, "a.nav-link[href='#/calendar']")
    d.execute_script("location.hash = '#/search?query=x&type=search'")
    assert "Only admins" in find(d, ".page p").text
    assert not d.find_elements(By.CSS_SELECTOR, "#search-form")
    logout(d)
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


# ---- interactive search on a title's page ---------------------------------------------------

def check_decisions(d, api):
    """The dialog shows the API's decisions: accepted by rank, rejected with every reason."""
    accepted = [x for x in api["decisions"] if x["accepted"]]
    rejected = [x for x in api["decisions"] if not x["accepted"]]
    dialog = "dialog.modal[open]"
    shown = rows(d, f"{dialog} .decisions-accepted")
    assert [r["key"] for r in shown] == [key(x["release"]) for x in accepted]
    assert [r["cells"]["Rank"] for r in shown] == [f"#{x['rank']}" for x in accepted]
    assert find(d, f"{dialog} .decisions-head").text == f"Accepted ({len(accepted)})"
    toggle = find(d, f"{dialog} .toggle-rejected")
    assert toggle.text == f"Show rejected ({len(rejected)})" and toggle.get_attribute("aria-expanded") == "false"
    assert not d.find_element(By.CSS_SELECTOR, f"{dialog} .decisions-rejected").is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and toggle.text.startswith("Hide rejected")
    find(d, f"{dialog} .decisions-rejected")
    by_key = {key(x["release"]): x for x in rejected}
    shown = rows(d, f"{dialog} .decisions-rejected")
    assert len(shown) == len(rejected) and {r["key"] for r in shown} == set(by_key)
    for r in shown:
        want = [[j["reason"], j["temporary"], j["specification"]] for j in by_key[r["key"]]["rejections"]]
        assert r["reasons"] == want, r["title"]
    return {r["key"]: r for r in shown}


def test_interactive_search_on_an_episode_and_a_season(world, browser):
    d = browser
    signed_in(d, world, f"#/media/{world.series['id']}")
    button = find(d, f"li[data-episode-id='{world.episode5}'] .search-releases")
    assert button.get_attribute("aria-label") == "Search releases for S03E05"
    button.click()
    assert find(d, "dialog.modal[open] .modal-title").text == "Releases for White Collar · S03E05"
    wait_done(d, "dialog.modal[open] .search-status")
    api = world.ok("GET", "/releases", params={"mediaId": world.series["id"], "episodeId": world.episode5})
    assert [x["release"]["title"] for x in api["decisions"] if x["accepted"]] == [WC_S03E05]
    lines = outcomes(d, "dialog.modal[open]")
    assert lines["Usenet One"]["text"].startswith("100 releases") and lines["Torrents One"]["text"].startswith("5 releases")
    rejected = check_decisions(d, api)
    e04 = next(r for r in rejected.values() if r["title"] == "White.Collar.S03E04.720p.HDTV.X264-DIMENSION")
    assert e04["reasons"] == [["Wrong episode: the release is S03E04.", False, "target"]]
    dialog = modal(d)
    assert "download clients" in dialog.find_element(By.CSS_SELECTOR, ".grab-note").text
    assert not [b for b in dialog.find_elements(By.CSS_SELECTOR, "button, a") if "grab" in b.text.lower()]

    # The rejected list sorts too (by size, from the API's numbers).
    sizes = {key(x["release"]): x["release"]["size"] for x in api["decisions"]}
    sort_by(d, "dialog.modal[open] .decisions-rejected", "size", "descending")
    assert ordered([sizes[r["key"]] for r in rows(d, "dialog.modal[open] .decisions-rejected")], reverse=True)

    # Escape closes it; then the season's search.
    dialog.send_keys(Keys.ESCAPE)
    wait_modal_closed(d)
    season = find(d, "section.season[data-season='3'] .section-head .search-releases")
    assert season.get_attribute("aria-label") == "Search releases for Season 3"
    season.click()
    assert find(d, "dialog.modal[open] .modal-title").text == "Releases for White Collar · Season 3"
    wait_done(d, "dialog.modal[open] .search-status")
    api = world.ok("GET", "/releases", params={"mediaId": world.series["id"], "seasonNumber": 3})
    assert WC_S03E05 in [x["release"]["title"] for x in api["decisions"] if x["accepted"]]
    check_decisions(d, api)
    next(b for b in modal(d).find_elements(By.CSS_SELECTOR, ".modal-actions button") if b.text == "Close").click()
    wait_modal_closed(d)
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


def test_interactive_search_on_a_movie_marks_temporary_rejections(world, browser):
    d = browser
    signed_in(d, world, f"#/media/{world.movie['id']}")
    assert not d.find_elements(By.CSS_SELECTOR, ".season .search-releases")
    find(d, "#search-movie").click()
    assert find(d, "dialog.modal[open] .modal-title").text == "Releases for Wild"
    wait_done(d, "dialog.modal[open] .search-status")
    api = world.ok("GET", "/releases", params={"mediaId": world.movie["id"]})
    best = next(x for x in api["decisions"] if x["accepted"])
    assert best["rank"] == 1 and best["release"]["title"] == WILD
    accepted = rows(d, "dialog.modal[open] .decisions-accepted")
    assert accepted[0]["title"] == WILD and accepted[0]["cells"]["Peers"] == "57 / 1" and accepted[0]["cells"]["Rank"] == "#1"
    rejected = check_decisions(d, api)
    power = next(r for r in rejected.values() if r["title"].startswith("Absolute Power"))
    assert ["6 seeders, fewer than the minimum of 10.", True, "seeders"] in power["reasons"]
    temporary = d.find_elements(By.CSS_SELECTOR, "dialog.modal[open] .rejection.is-temporary")
    assert temporary and all("Temporary" in li.text for li in temporary)
    assert len(temporary) == sum(j["temporary"] for x in api["decisions"] for j in x["rejections"])
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


# ---- strangers' text and small screens ------------------------------------------------------

def test_hostile_release_titles_and_names_are_text(world, browser):
    d = browser
    feed = world.fake.feeds["torznab"]
    original = f"<title>{WILD}</title>".encode()
    assert original in feed
    # Its own info hash: a torrent offered by two indexers is listed once, from the first.
    world.fake.feeds["hostile"] = (feed.replace(original, f"<title>{html.escape(HOSTILE_TITLE)}</title>".encode())
                                   .replace(b"<comments>https://hdaccess.net/details.php?id=11506", b"<comments>javascript:window.__xss=2;")
                                   .replace(b"6704c29a00304f01b7dbb7959bfea5ccefe7d7d5", b"0000000000000000000000000000000000000bad"))
    hostile = world.create(XSS_NAME, "torznab", path="hostile", priority=40)
    try:
        signed_in(d, world, f"#/search?query=Wild&type=search&indexerIds={hostile['id']}")
        wait_done(d)
        assert list(outcomes(d, "#search-indexers")) == [XSS_NAME]
        shown = rows(d, "#search-releases")
        evil = next(r for r in shown if r["title"] == HOSTILE_TITLE)
        assert evil["cells"]["Indexer"] == XSS_NAME and evil["link"] is None  # its info link was javascript:
        assert XSS_NAME in [b.find_element(By.XPATH, "..").get_attribute("textContent").strip() for b in d.find_elements(By.CSS_SELECTOR, "input[name=indexerIds]")]
        assert not d.find_elements(By.CSS_SELECTOR, "main img, a[href^='javascript']")
        assert d.execute_script("return window.__xss") is None

        d.execute_script("location.hash = arguments[0]", f"#/media/{world.movie['id']}")
        find(d, "#search-movie").click()
        wait_done(d, "dialog.modal[open] .search-status")
        find(d, "dialog.modal[open] .toggle-rejected").click()
        titles = [r["title"] for sel in (".decisions-accepted", ".decisions-rejected") for r in rows(d, f"dialog.modal[open] {sel}")]
        assert HOSTILE_TITLE in titles
        assert XSS_NAME in outcomes(d, "dialog.modal[open]")
        assert not d.find_elements(By.CSS_SELECTOR, "dialog img, a[href^='javascript']")
        assert d.execute_script("return window.__xss") is None
        assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)
    finally:
        world.delete_indexer(hostile)


def test_search_and_interactive_search_fit_a_phone(world, browser):
    d = browser
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    width = "return document.documentElement.scrollWidth"
    signed_in(d, world, f"#/search?query=White%20Collar&type=search&indexerIds={world.usenet['id']},{world.torrents['id']}")
    wait_done(d)
    assert d.execute_script(width) <= 360
    assert not d.find_element(By.CSS_SELECTOR, "#search-releases thead").is_displayed()
    # Headers are hidden on a phone: the Sort by select sorts instead.
    picker = find(d, "#search-releases .table-sort-select")
    Select(picker).select_by_value("size:descending")
    api = {key(r): r for r in world.ok("GET", "/search", params={"query": "White Collar"})["releases"]}
    shown = rows(d, "#search-releases")
    assert ordered([api[r["key"]]["size"] for r in shown], reverse=True) and len(shown) == 105
    assert d.find_element(By.CSS_SELECTOR, "#search-releases th[data-sort-key=size]").get_attribute("aria-sort") == "descending"
    assert d.execute_script(width) <= 360

    d.execute_script("location.hash = arguments[0]", f"#/media/{world.series['id']}")
    find(d, f"li[data-episode-id='{world.episode5}'] .search-releases").click()
    wait_done(d, "dialog.modal[open] .search-status")
    find(d, "dialog.modal[open] .toggle-rejected").click()
    right = "return document.querySelector('dialog.modal[open]').getBoundingClientRect().right"
    assert d.execute_script(right) <= 360 and d.execute_script(width) <= 360
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)
