"""The Parse page: what idkarr reads from a release name, shown in the browser from the real API."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from test_ui_flow import find, login, wait, wait_hash


def field(driver, name):
    found = driver.find_elements(By.CSS_SELECTOR, f'#parse-result dd[data-field="{name}"]')
    return found[0].text if found else None


def test_ui_parse_page_reads_titles(idkarr_server, browser):
    idkarr_server.admin_session()
    login(browser, idkarr_server)
    wait_hash(browser, lambda h: h.startswith("#/media"))
    find(browser, 'a.nav-link[href="#/parse"]').click()
    box = find(browser, "#parse-title")
    box.send_keys("Series.Title.S01E05.720p.HDTV.x264-GRP")
    wait(browser, lambda d: field(d, "episodeNumbers") == "5", message="episode never shown")
    assert field(browser, "seasonNumber") == "1"
    assert field(browser, "releaseGroup") == "GRP"
    assert "HDTV-720p" in field(browser, "quality")

    # A stranger's title is text, never markup.
    box.clear()
    box.send_keys("<img src=x onerror=alert(1)>.2019.1080p.BluRay.x264-EVIL")
    wait(browser, lambda d: field(d, "releaseGroup") == "EVIL", message="group never shown")
    assert not browser.find_elements(By.CSS_SELECTOR, "#parse-result img")


def test_ui_parse_page_takes_a_title_from_the_url(idkarr_server, browser):
    idkarr_server.admin_session()
    login(browser, idkarr_server)
    wait_hash(browser, lambda h: h.startswith("#/media"))
    browser.get(idkarr_server.url("/#/parse?title=The.Matrix.1999.1080p.BluRay.x264-GROUP"))
    wait(browser, lambda d: field(d, "year") == "1999", message="year never shown")
    assert field(browser, "movieTitle") == "The Matrix"
