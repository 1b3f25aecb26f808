"""The Indexers settings page in the browser: add a Newznab and a Torznab indexer through the
schema form, edit (the API key is write-only and kept when left empty), field errors, Test
against a local fake indexer, delete with confirmation, untrusted names as text, 360 px.

The fake indexer (Python http.server) answers `t=caps` with the recorded Newznab caps, searches
with recorded feeds, and a wrong `apikey` with 401 and the Newznab error document, as
Tests/Fixtures/indexers holds them.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from test_ui_add import unexpected_logs
from test_ui_flow import find, fill, login, modal, open_settings, submit_modal, wait, wait_hash, wait_modal_closed, wait_toast

FIXTURES = Path(__file__).resolve().parents[1] / "Fixtures" / "indexers"
GOOD_KEY = "fake-indexer-key-0123456789abcdef"
XSS_NAME = '<img src=x onerror="window.__xss=1">Evil & "Co"'


FEEDS = {"newznab": "newznab/newznab_nzb_su.xml", "torznab": "torznab/torznab_hdaccess_net.xml"}


class FakeIndexer:
    """Newznab under /newznab/api, Torznab under /torznab/api; `gate` holds answers back.
    `feeds` maps the first path segment to the feed served there: add one (e.g. a doctored copy of
    a fixture) and point an indexer at `{base}/{name}`."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        self.gate: threading.Event | None = None
        self.feeds: dict[str, bytes] = {name: (FIXTURES / path).read_bytes() for name, path in FEEDS.items()}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 — http.server's name
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                fake.requests.append(query)
                if fake.gate is not None:
                    fake.gate.wait(10)
                kind = url.path.strip("/").split("/")[0]
                if not url.path.endswith("/api") or kind not in fake.feeds:
                    return self.answer(404, b"not found", "text/plain")
                if query.get("apikey") != GOOD_KEY:
                    return self.answer(401, (FIXTURES / "newznab" / "unauthorized.xml").read_bytes())
                if query.get("t") == "caps":
                    return self.answer(200, (FIXTURES / "newznab" / "newznab_caps.xml").read_bytes())
                return self.answer(200, fake.feeds[kind])

            def answer(self, status, body, content_type="application/xml; charset=utf-8"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        if self.gate is not None:
            self.gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class Idx:
    """A fresh idkarr with a signed-in admin session, and the fake indexer."""

    def __init__(self, server, fake):
        self.server, self.fake = server, fake
        self.session = server.admin_session()

    def api(self, method, path, **kw):
        return self.session.request(method, self.server.url("/api/v1" + path), timeout=30, **kw)

    def indexers(self):
        r = self.api("GET", "/indexers")
        assert r.status_code == 200, r.text
        assert GOOD_KEY not in r.text and "apiKey\"" not in r.text.replace("apiKeySet", "")
        return r.json()["records"]

    def create(self, name, kind="newznab", path=None, **extra):
        """An indexer of the fake (at `/{path}`, default its kind's feed); `extra` overrides fields."""
        body = {"name": name, "kind": kind, "baseURL": f"{self.fake.base}/{path or kind}", "apiPath": "/api", "apiKey": GOOD_KEY,
                "movieCategories": [2000], "tvCategories": [5000], "animeCategories": [5070], "enableRss": True,
                "enableAutomaticSearch": True, "enableInteractiveSearch": True, "priority": 25, "tags": [], **extra}
        r = self.api("POST", "/indexers", json=body)
        assert r.status_code == 201, r.text
        assert GOOD_KEY not in r.text
        return r.json()


def with_fake_indexer(server_factory, world=Idx):
    """A module fixture's body: a fresh idkarr and the fake indexer, as `world` (an Idx)."""
    fake = FakeIndexer()
    try:
        yield world(server_factory(), fake)
    finally:
        fake.close()


@pytest.fixture(scope="module")
def ix(server_factory):
    yield from with_fake_indexer(server_factory)


def open_indexers(d, ix):
    login(d, ix.server)
    wait_hash(d, lambda h: h.startswith("#/media"))
    open_settings(d, "indexers")
    find(d, "#indexers-table")


def row(d, name):
    def first(d_):
        return next((r for r in d_.find_elements(By.CSS_SELECTOR, "#indexers-table tbody tr")
                     if r.find_element(By.CSS_SELECTOR, ".ix-name").text == name), False)
    return wait(d, first, message=f"no row {name!r}")


def open_add(d, kind_label):
    find(d, "#indexer-add").click()
    submit_modal(d, kind_label)
    return find(d, "dialog.modal[open] .indexer-form")


def choice(form, field, value):
    return form.find_element(By.CSS_SELECTOR, f"fieldset.field-choices input[type=checkbox][name={field}][value='{value}']")


def set_checked(box, on):
    if box.is_selected() != on:
        box.click()


def modal_button(d, label):
    return next(b for b in modal(d).find_elements(By.CSS_SELECTOR, ".modal-actions button") if b.get_attribute("value") == label)


def test_add_newznab_and_torznab_through_the_form(ix, browser):
    d = browser
    open_indexers(d, ix)
    find(d, "#indexers-table .empty-state")

    form = open_add(d, "Newznab")
    assert form.get_attribute("data-kind") == "newznab"
    key = form.find_element(By.CSS_SELECTOR, "input[name=apiKey]")
    assert key.get_attribute("type") == "password" and key.get_attribute("value") == ""
    assert form.find_element(By.CSS_SELECTOR, "[data-secret-state=apiKey]").text == "None saved."
    # Without caps yet, the category fields offer the common Newznab categories; defaults are checked.
    assert choice(form, "tvCategories", 5000).is_selected() and not choice(form, "tvCategories", 5040).is_selected()
    assert choice(form, "movieCategories", 2045).is_displayed()
    assert not form.find_elements(By.CSS_SELECTOR, "input[name=minimumSeeders]")  # a Torznab-only field
    fill(d, "input[name=name]", "Usenet One", form)
    fill(d, "input[name=baseURL]", f"{ix.fake.base}/newznab", form)
    key.send_keys(GOOD_KEY)
    set_checked(choice(form, "tvCategories", 5040), True)
    fill(d, "input[name=tvCategories-more]", "5045, 5999", form)
    submit_modal(d, "Add")
    wait_modal_closed(d)
    wait_toast(d, "added")
    r = row(d, "Usenet One")
    assert "Newznab" in r.text and "OK" in r.find_element(By.CSS_SELECTOR, ".ix-status").text
    assert "RSS · Automatic · Interactive" in r.text
    assert r.find_element(By.CSS_SELECTOR, "[data-stat=queries]").text == "0"

    form = open_add(d, "Torznab")
    fill(d, "input[name=name]", "Torrents One", form)
    fill(d, "input[name=baseURL]", f"{ix.fake.base}/torznab", form)
    form.find_element(By.CSS_SELECTOR, "input[name=apiKey]").send_keys(GOOD_KEY)
    fill(d, "input[name=minimumSeeders]", "3", form)
    set_checked(form.find_element(By.CSS_SELECTOR, "input[name=enableRss]"), False)
    submit_modal(d, "Add")
    wait_modal_closed(d)
    r = row(d, "Torrents One")
    assert "Torznab" in r.text and "Automatic · Interactive" in r.text and "RSS" not in r.find_element(By.CSS_SELECTOR, ".ix-features").text

    saved = {i["name"]: i for i in ix.indexers()}
    usenet, torrents = saved["Usenet One"], saved["Torrents One"]
    assert usenet["kind"] == "newznab" and usenet["apiKeySet"] is True
    assert sorted(usenet["tvCategories"]) == [5000, 5040, 5045, 5999]
    assert torrents["kind"] == "torznab" and torrents["minimumSeeders"] == 3 and torrents["enableRss"] is False
    one = ix.api("GET", f"/indexers/{usenet['id']}")
    assert one.status_code == 200 and GOOD_KEY not in one.text
    assert GOOD_KEY not in d.page_source
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


def test_edit_keeps_the_key_and_shows_field_errors(ix, browser):
    d = browser
    item = ix.create("Edit Me")
    open_indexers(d, ix)
    row(d, "Edit Me").find_element(By.CSS_SELECTOR, ".ix-edit").click()
    form = find(d, "dialog.modal[open] .indexer-form")
    key = form.find_element(By.CSS_SELECTOR, "input[name=apiKey]")
    assert key.get_attribute("value") == ""
    assert form.find_element(By.CSS_SELECTOR, "[data-secret-state=apiKey]").text.startswith("Saved")
    assert form.find_element(By.CSS_SELECTOR, "input[name=name]").get_attribute("value") == "Edit Me"
    # The saved indexer's own categories (from its caps) are offered without a Test.
    wait(d, lambda d_: form.find_elements(By.CSS_SELECTOR, "fieldset.field-choices input[name=tvCategories][value='5080']"),
         message="the indexer's categories were not offered")
    assert choice(form, "tvCategories", 5000).is_selected()

    # A bad address is refused beside its field; the dialog stays open and nothing is saved.
    fill(d, "input[name=baseURL]", "not a url", form)
    submit_modal(d, "Save")
    wait(d, lambda d_: form.find_element(By.CSS_SELECTOR, "input[name=baseURL]").find_element(By.XPATH, "..").get_attribute("class").count("has-error"),
         message="no error beside the URL field")
    message = form.find_element(By.CSS_SELECTOR, ".field.has-error .field-error").text
    assert "http" in message.lower(), message
    assert ix.api("GET", f"/indexers/{item['id']}").json()["baseURL"] == item["baseURL"]

    # A bad priority sits under Advanced, which opens to show it.
    fill(d, "input[name=baseURL]", f"{ix.fake.base}/newznab", form)
    advanced = form.find_element(By.CSS_SELECTOR, "details.schema-advanced")
    advanced.find_element(By.CSS_SELECTOR, "summary").click()
    fill(d, "input[name=priority]", "99", form)
    advanced.find_element(By.CSS_SELECTOR, "summary").click()  # closed again
    submit_modal(d, "Save")
    wait(d, lambda d_: advanced.get_attribute("open") is not None and advanced.find_elements(By.CSS_SELECTOR, ".has-error"),
         message="advanced error not shown")

    fill(d, "input[name=priority]", "10", form)
    fill(d, "input[name=name]", "Edited", form)
    submit_modal(d, "Save")
    wait_modal_closed(d)
    wait_toast(d, "saved")
    row(d, "Edited")
    saved = ix.api("GET", f"/indexers/{item['id']}").json()
    assert saved["name"] == "Edited" and saved["priority"] == 10 and saved["apiKeySet"] is True
    assert saved["version"] == item["version"] + 1

    # Removing the key is explicit.
    row(d, "Edited").find_element(By.CSS_SELECTOR, ".ix-edit").click()
    form = find(d, "dialog.modal[open] .indexer-form")
    form.find_element(By.CSS_SELECTOR, "input[name=apiKey-remove]").click()
    submit_modal(d, "Save")
    wait_modal_closed(d)
    wait(d, lambda d_: ix.api("GET", f"/indexers/{item['id']}").json()["apiKeySet"] is False, message="key not removed")
    assert GOOD_KEY not in d.page_source
    assert not unexpected_logs(d, allowed_status=(400,)), json.dumps(unexpected_logs(d, (400,)), indent=1)


def test_test_button_reports_success_and_wrong_key(ix, browser):
    d = browser
    open_indexers(d, ix)
    form = open_add(d, "Newznab")
    fill(d, "input[name=name]", "Tested", form)
    fill(d, "input[name=baseURL]", f"{ix.fake.base}/newznab", form)
    form.find_element(By.CSS_SELECTOR, "input[name=apiKey]").send_keys(GOOD_KEY)
    assert not form.find_elements(By.CSS_SELECTOR, "input[name=tvCategories][value='5080']")

    # While the indexer has not answered, the button is busy.
    ix.fake.gate = threading.Event()
    try:
        modal_button(d, "test").click()
        wait(d, lambda d_: not modal_button(d_, "test").is_enabled() and modal_button(d_, "test").text == "Testing…", message="Test not busy")
    finally:
        ix.fake.gate.set()
        ix.fake.gate = None
    result = find(d, "dialog.modal[open] .test-result.ok")
    assert result.text.strip(), "no success message"
    wait(d, lambda d_: modal_button(d_, "test").is_enabled() and modal_button(d_, "test").text == "Test", message="Test stayed busy")
    # The indexer's own categories (from its caps) are offered now, choices kept.
    assert choice(form, "tvCategories", 5080).is_displayed() and choice(form, "tvCategories", 5000).is_selected()
    assert choice(form, "tvCategories", 8020).is_displayed()

    key = form.find_element(By.CSS_SELECTOR, "input[name=apiKey]")
    key.clear()
    key.send_keys("wrong-key")
    modal_button(d, "test").click()
    failed = find(d, "dialog.modal[open] .test-result.failed")
    text = failed.text.lower()
    assert "key" in text or "credential" in text, failed.text
    assert any(q.get("apikey") == "wrong-key" for q in ix.fake.requests)
    submit_modal(d, "Cancel")
    wait_modal_closed(d)

    # Test of a saved indexer from its row uses the stored key (reload: the hash is unchanged).
    ix.create("Row Test")
    d.refresh()  # the page is already on #/settings/indexers: reload it to list the new indexer
    find(d, "#indexers-table")
    row(d, "Row Test").find_element(By.CSS_SELECTOR, ".ix-test").click()
    wait_toast(d, "Row Test:")
    assert d.find_elements(By.CSS_SELECTOR, ".toast-success")
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


def test_delete_asks_first(ix, browser):
    d = browser
    item = ix.create("Delete Me")
    open_indexers(d, ix)
    row(d, "Delete Me").find_element(By.CSS_SELECTOR, ".ix-delete").click()
    assert "Delete Me" in modal(d).text
    submit_modal(d, "Cancel")
    wait_modal_closed(d)
    assert ix.api("GET", f"/indexers/{item['id']}").status_code == 200
    row(d, "Delete Me").find_element(By.CSS_SELECTOR, ".ix-delete").click()
    submit_modal(d, "Delete")
    wait_toast(d, "deleted")
    wait(d, lambda d_: not [r for r in d_.find_elements(By.CSS_SELECTOR, "#indexers-table .ix-name") if r.text == "Delete Me"], message="row stayed")
    assert ix.api("GET", f"/indexers/{item['id']}").status_code == 404
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


def test_untrusted_name_is_text_and_page_fits_a_phone(ix, browser):
    d = browser
    ix.create(XSS_NAME, kind="torznab", minimumSeeders=1)
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    open_indexers(d, ix)
    r = row(d, XSS_NAME)
    assert not r.find_elements(By.CSS_SELECTOR, "img")
    assert d.execute_script("return window.__xss") is None
    width = "return document.documentElement.scrollWidth"
    assert d.execute_script(width) <= 360
    r.find_element(By.CSS_SELECTOR, ".ix-edit").click()
    form = find(d, "dialog.modal[open] .indexer-form")
    assert form.find_element(By.CSS_SELECTOR, "input[name=name]").get_attribute("value") == XSS_NAME
    form.find_element(By.CSS_SELECTOR, "details.schema-advanced summary").click()
    find(d, "dialog.modal[open] input[name=seedRatio]")
    dialog_width = "return document.querySelector('dialog.modal[open]').getBoundingClientRect().right"
    assert d.execute_script(dialog_width) <= 360 and d.execute_script(width) <= 360
    submit_modal(d, "Cancel")
    wait_modal_closed(d)
    r.find_element(By.CSS_SELECTOR, ".ix-delete").click()
    assert XSS_NAME in modal(d).text
    submit_modal(d, "Cancel")
    assert d.execute_script("return window.__xss") is None
    assert not unexpected_logs(d), json.dumps(unexpected_logs(d), indent=1)


STATUS_CELLS = """
const [reason, done] = arguments;
import('/js/pages/settings-indexers.js').then((m) => {
  const failing = m.statusCell({ status: { consecutiveFailures: 2, lastFailureReason: reason } });
  const resting = m.statusCell({ status: { consecutiveFailures: 4, lastFailureReason: reason,
                                           disabledUntil: new Date(Date.now() + 3600e3).toISOString() } });
  const ok = m.statusCell({ status: { consecutiveFailures: 0, disabledUntil: new Date(Date.now() - 60e3).toISOString() } });
  done([failing, resting, ok].map((el) => [el.className, el.textContent, el.querySelectorAll('*').length]));
}, (err) => done(String(err)));
"""


def test_failure_reasons_render_as_text(ix, browser):
    """Status cells: failing with the reason, resting until a time, OK once the rest is over;
    the reason (the indexer's own words) is text, never markup."""
    d = browser
    open_indexers(d, ix)
    failing, resting, ok = d.execute_async_script(STATUS_CELLS, XSS_NAME)
    assert failing == ["ix-status ix-failing", f"Failing (2){XSS_NAME}", 2]
    assert resting[0] == "ix-status ix-disabled" and resting[1].startswith("Disabled until ") and resting[1].endswith(XSS_NAME)
    assert ok == ["ix-status ix-ok", "OK", 1]
    assert d.execute_script("return window.__xss") is None


# ---- RSS sync and the indexer options ------------------------------------------------------

READ_RSS = """
const panel = document.querySelector('#rss-sync');
const rows = (sel) => [...panel.querySelectorAll(sel + ' tbody tr')].map((tr) => ({
  release: tr.querySelector('.release-name').textContent,
  media: [tr.querySelector('a.rss-media').textContent, tr.querySelector('a.rss-media').getAttribute('href')],
  reasons: [...tr.querySelectorAll('.rejection')].map((li) => li.textContent) }));
return {
  facts: Object.fromEntries([...panel.querySelectorAll('[data-rss]')].map((dd) => [dd.dataset.rss, dd.textContent])),
  lines: [...panel.querySelectorAll('.indexer-outcome')].map((li) => [Number(li.dataset.indexerId), li.dataset.state,
          li.querySelector('.outcome-name').textContent, li.querySelector('.outcome-text').textContent]),
  counts: Object.fromEntries([...panel.querySelectorAll('[data-count]')].map((c) => [c.dataset.count, Number(c.querySelector('.rss-count-value').textContent)])),
  accepted: rows('#rss-accepted'), rejected: rows('#rss-rejected'),
};
"""


def rss_line(part):
    """What the panel says of an indexer in a sync report."""
    if part["state"] == "ok":
        pages = f"{part['pages']} page" + ("" if part["pages"] == 1 else "s")
        return [part["indexerId"], "ok", part["name"], f"{part['new']} new of {part['fetched']} fetched ({pages})"]
    if part["state"] == "failed":
        return [part["indexerId"], "failed", part["name"], part["message"]]
    return [part["indexerId"], part["state"], part["name"], None]


def check_report(d, report):
    shown = d.execute_script(READ_RSS)
    lines = [rss_line(p) for p in report["indexers"]]
    assert [line[:3] for line in shown["lines"]] == [line[:3] for line in lines]
    assert [s[3] for s, w in zip(shown["lines"], lines) if w[3] is not None] == [w[3] for w in lines if w[3] is not None]
    assert shown["counts"] == {"new": report["newReleases"], "matched": report["matched"],
                               "accepted": report["acceptedCount"], "rejected": report["rejectedCount"]}
    assert [r["release"] for r in shown["accepted"]] == [m["releaseTitle"] for m in report["accepted"]]
    assert [r["media"] for r in shown["accepted"]] == [[m["mediaTitle"], f"#/media/{m['mediaId']}"] for m in report["accepted"]]
    assert [(r["release"], r["reasons"]) for r in shown["rejected"]] == [(m["releaseTitle"], m["rejections"]) for m in report["rejected"]]
    return shown


def test_rss_sync_runs_now_and_shows_its_report(ix, browser):
    d = browser
    tv = ix.api("POST", "/instances", json={"name": "RSS TV", "mediaType": "series"})
    assert tv.status_code == 201, tv.text
    episodes = [{"seasonNumber": 3, "episodeNumber": e, "title": f"Episode {e}", "monitored": True} for e in range(1, 8)]
    media = ix.api("POST", "/media", json={"instanceId": tv.json()["id"], "mediaType": "series", "title": "White Collar",
                                           "year": 2009, "monitored": True, "episodes": episodes})
    assert media.status_code == 201, media.text
    media_id = media.json()["id"]
    usenet = ix.create("RSS Usenet")
    broken = ix.create("RSS Broken", apiKey="wrong-key")
    status = ix.api("GET", "/indexers/rss").json()
    assert status.get("lastReport") is None
    open_indexers(d, ix)
    find(d, "#rss-sync .rss-never")
    facts = d.execute_script(READ_RSS)["facts"]
    assert facts["schedule"] == f"On, every {status['intervalMinutes']} minutes" and facts["last"] == "Never"

    # Run now, with the indexers holding their answers: the button is busy, and a second run is refused.
    ix.fake.gate = threading.Event()
    try:
        find(d, "#rss-run").click()
        wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#rss-run").text == "Syncing…", message="Run now not busy")
        button = d.find_element(By.CSS_SELECTOR, "#rss-run")
        assert not button.is_enabled() and button.get_attribute("aria-busy") == "true"
        assert d.find_element(By.CSS_SELECTOR, "#rss-sync").get_attribute("aria-busy") == "true"
        assert ix.api("POST", "/indexers/rss").status_code == 409
    finally:
        ix.fake.gate.set()
        ix.fake.gate = None
    wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#rss-sync .rss-message").text == "RSS sync finished.", timeout=30,
         message="the sync never finished")
    assert d.find_element(By.CSS_SELECTOR, "#rss-run").is_enabled()
    report = ix.api("GET", "/indexers/rss").json()["lastReport"]
    assert report["trigger"] == "manual" and report["acceptedCount"] > 0
    assert "White.Collar.S03E05.720p.HDTV.X264-DIMENSION" in [m["releaseTitle"] for m in report["accepted"]]
    first = next(p for p in report["indexers"] if p["indexerId"] == usenet["id"])
    assert first["state"] == "ok" and first["new"] == first["fetched"] > 0
    shown = check_report(d, report)
    assert "run by hand" in shown["facts"]["last"]
    failed = next(line for line in shown["lines"] if line[0] == broken["id"])
    assert failed[1] == "failed" and "Newznab error 100" in failed[3], failed
    assert d.execute_script("return window.__xss") is None

    # A matched release links to its title; on a phone the report fits the screen (cards).
    link = find(d, "#rss-accepted a.rss-media")
    assert link.text == "White Collar"
    link.click()
    wait_hash(d, lambda h: h == f"#/media/{media_id}")
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    d.back()
    find(d, "#rss-sync .rss-report #rss-accepted tbody tr")
    assert d.execute_script("return document.documentElement.scrollWidth") <= 360
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # A sync started elsewhere: Run now says one is running; its report shows once it ends.
    ix.fake.gate = threading.Event()
    answers = []
    other = threading.Thread(target=lambda: answers.append(ix.api("POST", "/indexers/rss")))
    other.start()
    try:
        wait(d, lambda _: ix.api("GET", "/indexers/rss").json()["running"], message="the other sync did not start")
        find(d, "#rss-run").click()
        wait(d, lambda d_: "already running" in d_.find_element(By.CSS_SELECTOR, "#rss-sync .rss-message").text, message="no 409 message")
        assert d.execute_script(READ_RSS)["facts"]["next"] == "Running now"
    finally:
        ix.fake.gate.set()
        ix.fake.gate = None
        other.join(30)
    assert answers and answers[0].status_code == 200
    second = answers[0].json()["lastReport"]
    again = next(p for p in second["indexers"] if p["indexerId"] == usenet["id"])
    assert again["new"] == 0 and again["fetched"] == first["fetched"]  # seen in the first sync
    line = f"#rss-sync [data-indexer-id='{usenet['id']}'] .outcome-text"
    wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, line).text.startswith(f"0 new of {first['fetched']} fetched"),
         timeout=15, message="the panel did not show the other sync's report")
    check_report(d, second)

    assert not unexpected_logs(d, allowed_status=(409,)), json.dumps(unexpected_logs(d, (409,)), indent=1)


def option_field(d, name):
    return d.find_element(By.CSS_SELECTOR, f"#indexer-options input[name={name}]")


def save_options(d):
    """Save, out from under any toast (they sit bottom right, where the button may be)."""
    d.execute_script("document.querySelectorAll('.toast-close').forEach((b) => b.click())")
    find(d, "#indexer-options-save").click()


def test_indexer_options_save_with_field_errors(ix, browser):
    d = browser
    open_indexers(d, ix)
    find(d, "#indexer-options form")
    before = ix.api("GET", "/settings/indexers").json()
    for name in ("rssSyncIntervalMinutes", "minimumAgeMinutes", "retentionDays", "maximumSizeMB"):
        assert option_field(d, name).get_attribute("value") == str(before[name])

    # Out of range: the server's messages show beside their fields; nothing is saved.
    fill(d, "#indexer-options input[name=minimumAgeMinutes]", "5000")
    fill(d, "#indexer-options input[name=retentionDays]", "-1")
    save_options(d)
    age = option_field(d, "minimumAgeMinutes").find_element(By.XPATH, "..")
    wait(d, lambda _: "has-error" in age.get_attribute("class"), message="no error beside minimum age")
    assert "0 to 1,440" in age.find_element(By.CSS_SELECTOR, ".field-error").text
    retention = option_field(d, "retentionDays").find_element(By.XPATH, "..")
    assert "has-error" in retention.get_attribute("class") and "36,500" in retention.text
    assert ix.api("GET", "/settings/indexers").json() == before

    # Valid: saved with its version; the RSS panel follows the new interval.
    fill(d, "#indexer-options input[name=minimumAgeMinutes]", "30")
    fill(d, "#indexer-options input[name=retentionDays]", "0")
    fill(d, "#indexer-options input[name=rssSyncIntervalMinutes]", "0")
    save_options(d)
    wait_toast(d, "Indexer options saved")
    saved = ix.api("GET", "/settings/indexers").json()
    assert saved["rssSyncIntervalMinutes"] == 0 and saved["minimumAgeMinutes"] == 30 and saved["version"] == before["version"] + 1
    wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#rss-sync [data-rss=schedule]").text.startswith("Off"),
         message="the RSS panel still says it is on")
    assert not d.find_elements(By.CSS_SELECTOR, "#indexer-options .has-error")
    fill(d, "#indexer-options input[name=rssSyncIntervalMinutes]", "60")
    save_options(d)
    wait(d, lambda d_: d_.find_element(By.CSS_SELECTOR, "#rss-sync [data-rss=schedule]").text == "On, every 60 minutes",
         message="the RSS panel did not follow the new interval")
    assert ix.api("GET", "/settings/indexers").json()["rssSyncIntervalMinutes"] == 60

    # Changed elsewhere meanwhile: the save is refused (409) and the form shows the other change.
    current = ix.api("GET", "/settings/indexers").json()
    r = ix.api("PUT", "/settings/indexers", json={"maximumSizeMB": 5000}, headers={"If-Match": f'"{current["version"]}"'})
    assert r.status_code == 200, r.text
    fill(d, "#indexer-options input[name=maximumSizeMB]", "100")
    save_options(d)
    note = wait(d, lambda d_: next((p for p in d_.find_elements(By.CSS_SELECTOR, "#indexer-options .form-error[role=alert]") if p.is_displayed()), False),
                message="no conflict message")
    assert "Someone else changed" in note.text
    wait(d, lambda _: option_field(d, "maximumSizeMB").get_attribute("value") == "5000", message="the form kept the stale value")
    assert ix.api("GET", "/settings/indexers").json()["maximumSizeMB"] == 5000
    assert not unexpected_logs(d, allowed_status=(400, 409)), json.dumps(unexpected_logs(d, (400, 409)), indent=1)
