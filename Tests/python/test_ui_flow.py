"""End-to-end tests of the web UI in a real headless Chromium against a real idkarr server.

The flow test starts its own server (the first-run setup can happen only once per data folder);
the other tests share the session server and sign in through the login page.
"""

from __future__ import annotations

import json
import time
import urllib.parse

import pytest
import requests
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ADMIN_PASSWORD, ADMIN_USERNAME

WAIT = 10


# ---- helpers ---------------------------------------------------------------------------------

def wait(driver, condition, timeout=WAIT, message=""):
    # Pages re-render from data, so an element read a moment ago may be gone: just look again.
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)


def find(driver, css, timeout=WAIT):
    """The first visible element matching css, waiting for it."""
    return wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, css)), timeout, f"no visible {css}")


def wait_hash(driver, predicate, timeout=WAIT):
    wait(driver, lambda d: predicate(d.execute_script("return location.hash")), timeout,
         "hash never matched; it is " + driver.execute_script("return location.hash"))


def fill(driver, css, value, scope=None):
    el = (scope or driver).find_element(By.CSS_SELECTOR, css)
    el.clear()
    el.send_keys(value)
    return el


def modal(driver):
    return find(driver, "dialog.modal[open]")


def submit_modal(driver, label):
    dialog = modal(driver)
    next(b for b in dialog.find_elements(By.CSS_SELECTOR, ".modal-actions button") if b.text == label).click()


def wait_modal_closed(driver):
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog.modal[open]"), message="modal stayed open")


def login(driver, server, username=ADMIN_USERNAME, password=ADMIN_PASSWORD, hash_="#/login"):
    driver.get(server.url("/" + hash_))
    form = find(driver, "#login-form")
    fill(driver, "input[name=username]", username, form)
    fill(driver, "input[name=password]", password, form)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def logout(driver):
    nav_toggle = driver.find_elements(By.CSS_SELECTOR, ".nav-toggle")
    if nav_toggle and nav_toggle[0].is_displayed():
        nav_toggle[0].click()
    find(driver, "#logout").click()
    wait_hash(driver, lambda h: h.startswith("#/login"))


def open_settings(driver, section):
    driver.execute_script("location.hash = arguments[0]", f"#/settings/{section}")
    find(driver, ".settings-body .section-head, .settings-body h2")


def api_key(server) -> str:
    """An API key created through the API with the admin's cookie session."""
    s = server.admin_session()
    r = s.post(server.url("/api/v1/auth/api-keys"), json={"name": f"test-{time.monotonic_ns()}"}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["key"]


def add_media(server, key, instance_id, title, seasons=2, episodes=3, **extra):
    eps = [
        {"seasonNumber": s, "episodeNumber": e, "title": f"Episode {s}x{e}", "airDate": f"2024-0{s}-{10 + e}", "monitored": True}
        for s in range(1, seasons + 1) for e in range(1, episodes + 1)
    ]
    body = {"instanceId": instance_id, "mediaType": "series", "title": title, "year": 2024, "monitored": True,
            "episodes": eps, **extra}
    r = requests.post(server.url("/api/v1/media"), json=body, headers={"X-Api-Key": key}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


def ensure_instance(server, key, name="Shared TV"):
    headers = {"X-Api-Key": key}
    r = requests.get(server.url("/api/v1/instances"), headers=headers, timeout=10)
    assert r.status_code == 200, r.text
    body = r.json()
    items = body["records"] if isinstance(body, dict) else body
    for item in items:
        if item["name"] == name:
            return item["id"]
    r = requests.post(server.url("/api/v1/instances"), json={"name": name, "mediaType": "series"}, headers=headers, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def severe_logs(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def season_state(driver, n):
    """aria-pressed of season n's toggle and of each of its episode toggles."""
    return driver.execute_script("""
        const s = document.querySelector(`section.season[data-season="${arguments[0]}"]`);
        if (!s) return null;
        return { season: s.querySelector('.section-head .toggle').getAttribute('aria-pressed'),
                 episodes: [...s.querySelectorAll('.episode .toggle')].map(t => t.getAttribute('aria-pressed')) };
    """, n)


# ---- the flow --------------------------------------------------------------------------------

def test_ui_full_flow(server_factory, browser, tmp_path):
    server = server_factory()
    d = browser

    # Setup: create the admin account, land in the (empty) library.
    d.get(server.url("/"))
    wait_hash(d, lambda h: h == "#/setup")
    form = find(d, "#setup-form")
    fill(d, "input[name=username]", ADMIN_USERNAME, form)
    fill(d, "input[name=password]", ADMIN_PASSWORD, form)
    fill(d, "input[name=confirm]", ADMIN_PASSWORD, form)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_hash(d, lambda h: h.startswith("#/media"))
    assert find(d, ".user-name").text == ADMIN_USERNAME
    assert "library is empty" in find(d, ".empty-state").text.lower()
    assert not severe_logs(d), "errors in the console on the setup page or the empty library"

    # Log out, then a wrong password shows a message, then the right one signs in.
    logout(d)
    login(d, server, password="wrong password!")
    assert "wrong username or password" in find(d, ".form-error").text.lower()
    login(d, server, hash_="#/login?return=" + urllib.parse.quote("#/system"))
    wait_hash(d, lambda h: h == "#/system")

    # Settings: an instance, a root folder (a bad path first: the server's message shows by the field).
    open_settings(d, "instances")
    find(d, ".settings-body .section-head .btn-primary").click()
    dialog = modal(d)
    fill(d, "input[name=name]", "Television", dialog)
    Select(dialog.find_element(By.CSS_SELECTOR, "select[name=mediaType]")).select_by_value("series")
    submit_modal(d, "Add")
    wait_modal_closed(d)
    wait(d, lambda d_: "Television" in d_.find_element(By.CSS_SELECTOR, ".data-table tbody").text)

    open_settings(d, "rootfolders")
    find(d, ".settings-body .section-head .btn-primary").click()
    dialog = modal(d)
    fill(d, "input[name=path]", "relative/not-absolute", dialog)
    Select(dialog.find_element(By.CSS_SELECTOR, "select[name=instanceId]")).select_by_visible_text("Television")
    submit_modal(d, "Add")
    path_error = modal(d).find_element(By.CSS_SELECTOR, "input[name=path]").find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, ".field-error")
    wait(d, lambda d_: path_error.text.strip(), message="no error beside the path for a relative path")
    media_dir = tmp_path / "tv"
    media_dir.mkdir()
    fill(d, "input[name=path]", str(media_dir), modal(d))
    submit_modal(d, "Add")
    wait_modal_closed(d)
    wait(d, lambda d_: str(media_dir) in d_.find_element(By.CSS_SELECTOR, ".data-table tbody").text)

    # A quality profile: two allowed qualities, the second one the cutoff.
    open_settings(d, "quality-profiles")
    find(d, ".settings-body .section-head .btn-primary").click()
    dialog = modal(d)
    fill(d, "input[name=name]", "HD only", dialog)
    boxes = dialog.find_elements(By.CSS_SELECTOR, ".profile-item input[type=checkbox]")
    assert len(boxes) >= 2
    boxes[-1].click()
    boxes[-2].click()
    cutoff = Select(dialog.find_element(By.CSS_SELECTOR, "#profile-cutoff"))
    assert len(cutoff.options) == 2
    cutoff.select_by_index(1)
    submit_modal(d, "Add")
    wait_modal_closed(d)
    wait(d, lambda d_: "HD only" in d_.find_element(By.CSS_SELECTOR, ".data-table tbody").text)

    admin = server.admin_session()
    profiles = admin.get(server.url("/api/v1/qualityprofiles"), timeout=10).json()
    profiles = profiles["records"] if isinstance(profiles, dict) else profiles
    profile = next(p for p in profiles if p["name"] == "HD only")
    allowed = [i for i in profile["items"] if i["allowed"]]
    assert len(allowed) == 2

    # A series with two seasons, added through the API with an API key.
    key = api_key(server)
    instances = admin.get(server.url("/api/v1/instances"), timeout=10).json()
    instances = instances["records"] if isinstance(instances, dict) else instances
    instance_id = next(i["id"] for i in instances if i["name"] == "Television")
    media = add_media(server, key, instance_id, "Flow Test Show", overview="Two seasons of tests.")
    add_media(server, key, instance_id, "Another Series")

    # Find it with the search filter; the filter is kept in the URL.
    d.execute_script("location.hash = '#/media'")
    search = find(d, "#media-search")
    search.send_keys("flow test")
    wait(d, lambda d_: len(d_.find_elements(By.CSS_SELECTOR, ".poster-card, .data-table tbody tr")) == 1, message="search did not narrow the list")
    wait_hash(d, lambda h: "search=flow" in h)
    d.refresh()
    wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#media-search").get_attribute("value") == "flow test")
    find(d, f".poster-card[data-id='{media['id']}'], .data-table a[href='#/media/{media['id']}']").click()
    wait_hash(d, lambda h: h == f"#/media/{media['id']}")
    assert find(d, ".detail-title").text == "Flow Test Show"

    # Unmonitor season 1: its toggle and all its episodes' toggles follow, season 2 does not change.
    wait(d, lambda d_: season_state(d_, 1) is not None)
    assert season_state(d, 1) == {"season": "true", "episodes": ["true"] * 3}
    d.find_element(By.CSS_SELECTOR, "section.season[data-season='1'] .section-head .toggle").click()
    wait(d, lambda d_: season_state(d_, 1) == {"season": "false", "episodes": ["false"] * 3},
         message=f"season 1 did not follow: {season_state(d, 1)}")
    assert season_state(d, 2) == {"season": "true", "episodes": ["true"] * 3}
    server_media = admin.get(server.url(f"/api/v1/media/{media['id']}"), timeout=10).json()
    season1 = next(s for s in server_media["seasons"] if s["seasonNumber"] == 1)
    assert season1["monitored"] is False
    assert all(not e["monitored"] for e in server_media["episodes"] if e["seasonNumber"] == 1)
    assert all(e["monitored"] for e in server_media["episodes"] if e["seasonNumber"] == 2)

    # One episode back on.
    d.find_element(By.CSS_SELECTOR, "section.season[data-season='1'] .episode .toggle").click()
    wait(d, lambda d_: season_state(d_, 1)["episodes"].count("true") == 1)

    logout(d)
    r = requests.get(server.url("/api/v1/auth/status"), cookies=d.get_cookies() and {c["name"]: c["value"] for c in d.get_cookies()}, timeout=10)
    assert r.json()["authenticated"] is False


def test_ui_unsafe_return_url_is_ignored(idkarr_server, browser):
    idkarr_server.admin_session()
    login(browser, idkarr_server, hash_="#/login?return=" + urllib.parse.quote("#//evil.example/x"))
    wait_hash(browser, lambda h: h.startswith("#/media"))


def test_ui_phone_width(idkarr_server, browser):
    server = idkarr_server
    key = api_key(server)
    instance_id = ensure_instance(server, key)
    add_media(server, key, instance_id, "A Rather Long Series Title That Should Wrap Nicely On A Phone")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    login(browser, server)
    wait_hash(browser, lambda h: h.startswith("#/media"))
    find(browser, ".poster-card")
    assert browser.execute_script("return window.innerWidth") == 360

    def no_overflow():
        return browser.execute_script("return document.documentElement.scrollWidth")

    assert no_overflow() <= 360
    # Filters fold behind a summary; open, they still fit.
    assert browser.execute_script("return document.querySelector('details.filters-more').open") is False
    find(browser, "details.filters-more > summary").click()
    find(browser, "select[name=sortKey]")
    assert no_overflow() <= 360
    # The nav is collapsed behind a menu button that opens it.
    toggle = find(browser, ".nav-toggle")
    assert not browser.find_element(By.CSS_SELECTOR, ".nav-links").is_displayed()
    toggle.click()
    find(browser, ".nav-links .nav-link[href='#/settings']")
    assert no_overflow() <= 360
    toggle.click()
    # The table view turns into cards and still fits.
    find(browser, "#view-toggle").click()
    find(browser, ".data-table tbody tr")
    assert no_overflow() <= 360
    browser.execute_script("location.hash = '#/settings/instances'")
    find(browser, ".settings-body .data-table tbody tr")
    assert no_overflow() <= 360
    browser.execute_script("localStorage.clear()")


def test_ui_titles_render_as_text(idkarr_server, browser):
    server = idkarr_server
    key = api_key(server)
    instance_id = ensure_instance(server, key)
    evil = "<img src=x onerror=alert(1)>"
    media = add_media(server, key, instance_id, evil, seasons=1, episodes=1, overview=evil + " overview")
    login(browser, server)
    wait_hash(browser, lambda h: h.startswith("#/media"))
    browser.execute_script("location.hash = arguments[0]", "#/media?search=" + urllib.parse.quote("onerror"))
    card = find(browser, f".poster-card[data-id='{media['id']}']")
    assert evil in card.text
    assert browser.execute_script("return document.querySelectorAll('main img').length") == 0
    browser.execute_script("location.hash = arguments[0]", f"#/media/{media['id']}")
    assert find(browser, ".detail-title").text == evil
    assert evil in find(browser, ".overview").text
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    time.sleep(0.5)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 — raises when no alert is open


def test_ui_no_console_errors(idkarr_server, browser):
    """Every page, signed in: no CSP violation, no JS error, no failed request in the console."""
    server = idkarr_server
    key = api_key(server)
    instance_id = ensure_instance(server, key)
    media = add_media(server, key, instance_id, "Console Check", seasons=1, episodes=2)
    login(browser, server)
    wait_hash(browser, lambda h: h.startswith("#/media"))
    pages = {
        "#/media": ".poster-card, .data-table",
        f"#/media/{media['id']}": ".detail-title",
        "#/system": ".facts dd",
        "#/settings/instances": ".data-table tbody tr",
        "#/settings/rootfolders": ".settings-body h2",
        "#/settings/tags": ".settings-body h2",
        "#/settings/quality-definitions": ".data-table tbody tr",
        "#/settings/quality-profiles": ".settings-body h2",
        "#/settings/users": ".data-table tbody tr",
        "#/settings/api-keys": ".data-table tbody tr",
        "#/settings/general": "#registration-open",
    }
    for hash_, css in pages.items():
        browser.execute_script("location.hash = arguments[0]", hash_)
        find(browser, css)
        time.sleep(0.2)
    browser.refresh()
    find(browser, "#registration-open")
    time.sleep(0.3)
    logs = severe_logs(browser)
    # The backup link downloads with the browser's own session.
    browser.execute_script("location.hash = '#/system'")
    href = find(browser, "#backup-link").get_attribute("href")
    assert href == server.url("/api/v1/system/backup")
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    backup = requests.get(href, cookies=cookies, timeout=60)
    assert backup.status_code == 200 and "gzip" in backup.headers.get("Content-Type", "")
    assert not logs, json.dumps(logs, indent=1)


def wait_toast(driver, text):
    wait(driver, lambda d_: any(text.lower() in t.text.lower() for t in d_.find_elements(By.CSS_SELECTOR, ".toast")),
         message=f"no toast containing {text!r}")


def table_row(driver, text):
    """The settings table row whose text contains `text` (waits for it)."""
    def row(d_):
        rows = [r for r in d_.find_elements(By.CSS_SELECTOR, ".settings-body .data-table tbody tr") if text in r.text]
        return rows[0] if rows else False
    return wait(driver, row, message=f"no row containing {text!r}")


def click_button(scope, label):
    next(b for b in scope.find_elements(By.CSS_SELECTOR, "button") if b.text == label).click()


def test_ui_settings_sections(idkarr_server, browser, tmp_path):
    """Tags, instance delete conflict, quality definitions, users and API keys through the UI."""
    server, d = idkarr_server, browser
    admin = server.admin_session()
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))

    # Tags: a bad label is refused beside the field; add, rename, delete.
    open_settings(d, "tags")
    find(d, ".settings-body .section-head .btn-primary").click()
    fill(d, "input[name=label]", "Not Valid!", modal(d))
    submit_modal(d, "Add")
    wait(d, lambda d_: any(e.text.strip() for e in d_.find_elements(By.CSS_SELECTOR, "dialog[open] .field-error, dialog[open] .form-error")))
    fill(d, "input[name=label]", "ui-tag", modal(d))
    submit_modal(d, "Add")
    wait_modal_closed(d)
    click_button(table_row(d, "ui-tag"), "Edit")
    fill(d, "input[name=label]", "ui-tag-renamed", modal(d))
    submit_modal(d, "Save")
    wait_modal_closed(d)
    click_button(table_row(d, "ui-tag-renamed"), "Delete")
    submit_modal(d, "Delete")
    wait(d, lambda d_: "ui-tag" not in d_.find_element(By.CSS_SELECTOR, ".settings-body").text)

    # An instance that holds a root folder cannot be deleted: a clear message, the row stays.
    r = admin.post(server.url("/api/v1/instances"), json={"name": "Busy Instance", "mediaType": "movie"}, timeout=10)
    assert r.status_code == 201, r.text
    folder = tmp_path / "movies"
    folder.mkdir()
    r = admin.post(server.url("/api/v1/rootfolders"), json={"path": str(folder), "instanceId": r.json()["id"]}, timeout=10)
    assert r.status_code == 201, r.text
    open_settings(d, "instances")
    click_button(table_row(d, "Busy Instance"), "Delete")
    submit_modal(d, "Delete")
    wait_toast(d, "remove them first")
    table_row(d, "Busy Instance")

    # Quality definitions: edit one row's sizes and save.
    open_settings(d, "quality-definitions")
    row = find(d, ".settings-body .data-table tbody tr")
    title = row.find_element(By.CSS_SELECTOR, "td").text
    for name, value in (("minSize", "1"), ("preferredSize", "20"), ("maxSize", "30")):
        fill(d, f"input[name={name}]", value, row)
    click_button(row, "Save")
    wait_toast(d, f"{title} saved")
    defs = admin.get(server.url("/api/v1/qualitydefinitions"), timeout=10).json()
    defs = defs["records"] if isinstance(defs, dict) else defs
    saved = next(x for x in defs if x["title"] == title)
    assert (saved["minSize"], saved["preferredSize"], saved["maxSize"]) == (1, 20, 30)

    # Users: create one, then disable it.
    open_settings(d, "users")
    find(d, ".settings-body .section-head .btn-primary").click()
    dialog = modal(d)
    fill(d, "input[name=username]", "viewer", dialog)
    fill(d, "input[name=password]", "viewer password", dialog)
    submit_modal(d, "Add")
    wait_modal_closed(d)
    click_button(table_row(d, "viewer"), "Edit")
    modal(d).find_element(By.CSS_SELECTOR, "input[name=disabled]").click()
    submit_modal(d, "Save")
    wait_modal_closed(d)
    wait(d, lambda d_: "Disabled" in table_row(d_, "viewer").text)

    # API keys: created through the UI, shown once, works, listed without the secret, revoked.
    open_settings(d, "api-keys")
    find(d, "#create-api-key").click()
    fill(d, "input[name=name]", "ui key", modal(d))
    submit_modal(d, "Create")
    key = wait(d, lambda d_: (d_.find_elements(By.CSS_SELECTOR, "#new-api-key") or [None])[0]).get_attribute("value")
    assert len(key) >= 16
    assert requests.get(server.url("/api/v1/auth/me"), headers={"X-Api-Key": key}, timeout=10).status_code == 200
    submit_modal(d, "Done")
    wait_modal_closed(d)
    row = table_row(d, "ui key")
    assert key not in d.find_element(By.CSS_SELECTOR, "body").text
    click_button(row, "Delete")
    submit_modal(d, "Delete")
    wait(d, lambda d_: "ui key" not in d_.find_element(By.CSS_SELECTOR, ".settings-body").text)
    assert requests.get(server.url("/api/v1/auth/me"), headers={"X-Api-Key": key}, timeout=10).status_code == 401


def test_ui_login_rate_limit_message(server_factory, browser):
    """After repeated wrong passwords the server answers 429 with Retry-After; the form says when to retry."""
    server = server_factory()
    server.admin_session()
    message = ""
    for _ in range(12):
        login(browser, server, password="not the password")
        message = find(browser, ".form-error").text.lower()
        if "too many" in message:
            break
    assert "too many attempts" in message and "try again in" in message, message


def test_ui_expired_session_returns_to_login(idkarr_server, browser):
    """A request answered 401 sends the user to login; signing in goes back to where they were."""
    server, d = idkarr_server, browser
    server.admin_session()
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    cookies = {c["name"]: c["value"] for c in d.get_cookies()}
    r = requests.post(server.url("/api/v1/auth/logout"), cookies=cookies, headers={"Origin": server.base_url}, timeout=10)
    assert r.status_code == 204, r.text
    d.execute_script("location.hash = '#/system'")
    wait_hash(d, lambda h: h.startswith("#/login?return="))
    form = find(d, "#login-form")
    fill(d, "input[name=username]", ADMIN_USERNAME, form)
    fill(d, "input[name=password]", ADMIN_PASSWORD, form)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_hash(d, lambda h: h == "#/system")
    find(d, ".facts dd")


def test_ui_media_paging_sorting_and_delete(idkarr_server, browser):
    """Pages, sort order and the view choice survive a reload; a title can be deleted after confirming."""
    server, d = idkarr_server, browser
    key = api_key(server)
    instance_id = ensure_instance(server, key)
    created = [add_media(server, key, instance_id, f"Pagetest {n:02d}", seasons=1, episodes=1) for n in range(30)]
    login(d, server, hash_="#/login?return=" + urllib.parse.quote("#/media?search=pagetest&pageSize=25"))
    wait_hash(d, lambda h: h.startswith("#/media?"))

    def titles():
        return [e.text for e in d.find_elements(By.CSS_SELECTOR, ".poster-card .poster-title, .data-table tbody td:first-child")]

    wait(d, lambda d_: len(titles()) == 25)
    assert titles()[0] == "Pagetest 00"
    assert "Page 1 of 2" in find(d, ".pager-info").text
    click_button(d.find_element(By.CSS_SELECTOR, ".pager"), "Next ›")
    wait(d, lambda d_: len(titles()) == 5)
    wait_hash(d, lambda h: "page=2" in h)
    Select(d.find_element(By.CSS_SELECTOR, "select[name=sortDirection]")).select_by_value("descending")
    wait(d, lambda d_: titles()[:1] == ["Pagetest 29"])
    wait_hash(d, lambda h: "sortDirection=descending" in h and "page=2" not in h)
    find(d, "#view-toggle").click()
    find(d, ".data-table tbody tr")
    d.refresh()
    wait(d, lambda d_: titles()[:1] == ["Pagetest 29"] and len(titles()) == 25)
    assert d.find_elements(By.CSS_SELECTOR, ".data-table"), "the table view was not remembered"
    assert Select(d.find_element(By.CSS_SELECTOR, "select[name=sortDirection]")).first_selected_option.get_attribute("value") == "descending"
    d.execute_script("localStorage.clear()")

    victim = created[0]
    d.execute_script("location.hash = arguments[0]", f"#/media/{victim['id']}")
    find(d, "#delete-media").click()
    submit_modal(d, "Delete")
    wait_hash(d, lambda h: h == "#/media")
    r = requests.get(server.url(f"/api/v1/media/{victim['id']}"), headers={"X-Api-Key": key}, timeout=10)
    assert r.status_code == 404


def test_ui_change_password(server_factory, browser):
    server, d = server_factory(), browser
    server.admin_session()
    login(d, server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_settings(d, "account")
    form = find(d, "#password-form")
    fill(d, "input[name=currentPassword]", ADMIN_PASSWORD, form)
    fill(d, "input[name=newPassword]", "a brand new password", form)
    fill(d, "input[name=confirm]", "a different one!", form)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(d, lambda d_: "differ" in form.text)
    fill(d, "input[name=confirm]", "a brand new password", form)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_toast(d, "password changed")
    r = server.session().post(server.url("/api/v1/auth/login"), json={"username": ADMIN_USERNAME, "password": "a brand new password"}, timeout=30)
    assert r.status_code == 200, r.text


def test_ui_regular_user_sees_no_admin_controls(idkarr_server, browser):
    server, d = idkarr_server, browser
    admin = server.admin_session()
    r = admin.post(server.url("/api/v1/users"), json={"username": "reader", "password": "reader password", "role": "user"}, timeout=30)
    assert r.status_code == 201, r.text
    key = api_key(server)
    media = add_media(server, key, ensure_instance(server, key), "Reader Show", seasons=1, episodes=1)
    login(d, server, username="reader", password="reader password")
    wait_hash(d, lambda h: h.startswith("#/media"))
    d.execute_script("location.hash = arguments[0]", f"#/media/{media['id']}")
    find(d, ".detail-title")
    toggles = d.find_elements(By.CSS_SELECTOR, ".toggle")
    assert toggles and all(not t.is_enabled() for t in toggles)
    assert not d.find_elements(By.CSS_SELECTOR, "#delete-media")
    d.execute_script("location.hash = '#/settings'")
    find(d, ".settings-nav")
    assert [a.text for a in d.find_elements(By.CSS_SELECTOR, ".settings-link")] == ["Account", "API keys"]
    d.execute_script("location.hash = '#/system'")
    find(d, ".facts dd")
    assert not d.find_elements(By.CSS_SELECTOR, "#backup-link")
    logs = severe_logs(d)
    assert not logs, json.dumps(logs, indent=1)
