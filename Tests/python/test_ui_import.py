"""Import an existing folder tree in the browser: proposed matches, a changed match, bulk import,
files matched to episodes and the movie, unmatched files listed.

File names follow real ones in Tests/Fixtures/parsing (tv.json, movies.json) with the title put in.
"""

from __future__ import annotations

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from fake_providers import providers, titles  # noqa: F401 — pytest fixtures
from test_ui_flow import find, fill, login, severe_logs, wait, wait_hash

TV_TREE = {
    "Game of Thrones": [
        "Season 01/Game of Thrones - S01E01 - Winter Is Coming.mkv",  # like "30 Series - S01E01 - Pilot.avi"
        "Season 01/Game.of.Thrones.102.hdtv-lol[ettv].mp4",  # like "Series.103.hdtv-lol[ettv].mp4"
        "Season 01/1x03 - Lord Snow [1080p BluRay].mkv",  # like "1x03 - 274 [1080p BluRay].mkv"
        "Season 01/Vh1FvU3bJXw6zs8EEUX4bMo5vbbMdHghxHirc.mkv",  # parsed: false in the corpus
    ],
    "Zzyzx Unknown Show": ["Zzyzx.Unknown.Show.S01E01.720p.HDTV.x264-GRP.mkv"],
}
MOVIE_TREE = {
    "The Matrix (1999)": ["The.Matrix.1999.(Special.Edition.Remastered).[Bluray-1080p].mkv"],  # like "Movie Title.2012.(…).[Bluray-1080p].mkv"
}


def make_tree(root, tree):
    for folder, files in tree.items():
        for name in files:
            path = root / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"")


def row(d, folder):
    def find_row(d_):
        rows = [r for r in d_.find_elements(By.CSS_SELECTOR, "tr.import-row") if r.find_element(By.CSS_SELECTOR, ".folder-name").text == folder]
        return rows[0] if rows else False
    return wait(d, find_row, message=f"no import row for {folder!r}")


def choose_root(d, root_id):
    wait(d, lambda d_: d_.find_elements(By.CSS_SELECTOR, f"#import-root option[value='{root_id}']"), message="root folder not listed")
    Select(find(d, "#import-root")).select_by_value(str(root_id))
    find(d, "tr.import-row")


def test_import_series_folders(titles, browser):
    d, server = browser, titles.server
    make_tree(titles.tv_path, TV_TREE)
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    find(d, "#import-link").click()
    wait_hash(d, lambda h: h.startswith("#/import"))
    choose_root(d, titles.tv_root)

    got = row(d, "Game of Thrones")
    assert "Game of Thrones" in got.find_element(By.CSS_SELECTOR, ".match-title").text
    assert got.find_element(By.CSS_SELECTOR, ".confidence").text.endswith("%")
    assert got.find_element(By.CSS_SELECTOR, ".import-check").is_selected()
    unknown = row(d, "Zzyzx Unknown Show")
    assert "No match" in unknown.text
    check = unknown.find_element(By.CSS_SELECTOR, ".import-check")
    assert not check.is_selected() and not check.is_enabled()
    assert find(d, "#import-submit").text == "Import 1 folder"

    # Change the unknown folder's match: search by id, use the result.
    unknown.find_element(By.CSS_SELECTOR, ".change-match").click()
    search = find(d, "tr.match-search-row")
    fill(d, "input.match-term", "tvmaze:6456", search)
    search.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    use = find(d, "tr.match-search-row .match-option")
    assert "Counterpart" in find(d, "tr.match-search-row .match-options").text
    use.click()
    wait(d, lambda d_: "Counterpart" in row(d_, "Zzyzx Unknown Show").text, message="match not changed")
    unknown = row(d, "Zzyzx Unknown Show")
    assert unknown.find_element(By.CSS_SELECTOR, ".confidence").text == "Chosen"
    assert unknown.find_element(By.CSS_SELECTOR, ".import-check").is_selected()

    Select(find(d, "#import-profile")).select_by_visible_text("HD")
    Select(find(d, "#import-monitor")).select_by_value("all")
    find(d, "#import-submit").click()
    wait(d, lambda d_: all(r.find_element(By.CSS_SELECTOR, ".import-result").text for r in d_.find_elements(By.CSS_SELECTOR, "tr.import-row")),
         timeout=60, message="no per-row results")
    results = {r.find_element(By.CSS_SELECTOR, ".folder-name").text: r.find_element(By.CSS_SELECTOR, ".import-result").text
               for r in d.find_elements(By.CSS_SELECTOR, "tr.import-row")}
    assert results == {"Game of Thrones": "Imported", "Zzyzx Unknown Show": "Imported"}, results

    # Files are matched to episodes; the unparseable one is listed, not dropped.
    row(d, "Game of Thrones").find_element(By.CSS_SELECTOR, ".import-result a").click()
    wait_hash(d, lambda h: h.startswith("#/media/"))
    media_id = int(d.execute_script("return location.hash").split("/")[2])
    media = titles.api("GET", f"/media/{media_id}").json()
    assert media["path"] == str(titles.tv_path / "Game of Thrones") and media["qualityProfileId"] == titles.profile
    with_files = sorted((e["seasonNumber"], e["episodeNumber"]) for e in media["episodes"] if e["hasFile"])
    assert with_files == [(1, 1), (1, 2), (1, 3)], with_files
    assert [u["relativePath"] for u in media.get("unmatchedFiles", [])] == ["Season 01/Vh1FvU3bJXw6zs8EEUX4bMo5vbbMdHghxHirc.mkv"]
    season = find(d, "section.season[data-season='1']")
    lines = [e.text for e in season.find_elements(By.CSS_SELECTOR, ".episode.has-file .ep-file-detail")]
    assert len(lines) == 3 and any("Game of Thrones - S01E01 - Winter Is Coming.mkv" in t for t in lines), lines
    assert any("1080p" in t or "Bluray" in t.replace("BluRay", "Bluray") for t in lines), lines
    assert "Vh1FvU3bJXw6zs8EEUX4bMo5vbbMdHghxHirc.mkv" in find(d, ".unmatched").text

    # Imported folders are gone from the import list.
    d.execute_script("location.hash = arguments[0]", f"#/import?rootFolderId={titles.tv_root}")
    wait(d, lambda d_: "already in the library" in d_.find_element(By.CSS_SELECTOR, ".import-body").text, message="folders still listed")
    assert not severe_logs(d), json.dumps(severe_logs(d), indent=1)


def test_import_movie_folder(titles, browser):
    d, server = browser, titles.server
    make_tree(titles.movie_path, MOVIE_TREE)
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    d.execute_script("location.hash = '#/import'")
    choose_root(d, titles.movie_root)
    matrix = row(d, "The Matrix (1999)")
    assert "TMDB 603" in matrix.text
    assert [o.get_attribute("value") for o in Select(find(d, "#import-monitor")).options] == ["all", "none"]
    Select(find(d, "#import-monitor")).select_by_value("none")
    find(d, "#import-submit").click()
    link = wait(d, lambda d_: d_.find_elements(By.CSS_SELECTOR, "tr.import-row .import-result a"), timeout=60, message="not imported")[0]
    link.click()
    wait_hash(d, lambda h: h.startswith("#/media/"))
    media_id = int(d.execute_script("return location.hash").split("/")[2])
    media = titles.api("GET", f"/media/{media_id}").json()
    assert media["mediaType"] == "movie" and media["monitored"] is False
    assert media["movieFile"]["path"].endswith("The.Matrix.1999.(Special.Edition.Remastered).[Bluray-1080p].mkv")
    facts = find(d, ".movie-file").text
    assert "The.Matrix.1999.(Special.Edition.Remastered).[Bluray-1080p].mkv" in facts
    assert not severe_logs(d), json.dumps(severe_logs(d), indent=1)


def test_import_page_fits_a_phone(titles, browser):
    d, server = browser, titles.server
    extra = titles.movie_path / "Fight Club (1999) {tmdb-550}"
    extra.mkdir(exist_ok=True)
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    d.execute_script("location.hash = arguments[0]", f"#/import?rootFolderId={titles.movie_root}")
    fight = row(d, "Fight Club (1999) {tmdb-550}")
    assert "Fight Club" in fight.text
    assert d.execute_script("return document.documentElement.scrollWidth") <= 360
    fight.find_element(By.CSS_SELECTOR, ".change-match").click()
    find(d, "tr.match-search-row input.match-term")
    assert d.execute_script("return document.documentElement.scrollWidth") <= 360
