"""The pure helpers of web/js/lib/, run in the real browser the UI runs in.

Why Chromium and not node: the modules are served by the real server exactly as the UI loads
them (same URL, same MIME type, same Content-Security-Policy), and the tests need nothing beyond
the selenium setup the UI tests already use. Each case is (module, function, arguments, expected
result); all cases run in one page load and each is reported as its own pytest test.
"""

from __future__ import annotations

import json

import pytest

CASES = [
    # format.js
    ("format", "formatBytes", [0], "0 B"),
    ("format", "formatBytes", [1023], "1023 B"),
    ("format", "formatBytes", [1536], "1.5 KB"),
    ("format", "formatBytes", [5 * 1024**3], "5.0 GB"),
    ("format", "formatBytes", [None], "—"),
    ("format", "formatBytes", [-1], "—"),
    ("format", "formatDuration", [45], "45s"),
    ("format", "formatDuration", [93784], "1d 2h 3m"),
    ("format", "formatDuration", [3600], "1h"),
    ("format", "formatDuration", [60], "1m"),
    ("format", "formatDateTime", [None], "—"),
    ("format", "formatDateTime", ["not a date"], "—"),
    ("format", "initials", ["The Expanse"], "TE"),
    ("format", "initials", ["expanse"], "E"),
    ("format", "initials", ["  "], "?"),
    ("format", "initials", ["Ōkami den 2"], "ŌD"),
    ("format", "initials", ["<img src=x>"], "IS"),
    ("format", "episodeCode", [1, 5], "S01E05"),
    ("format", "episodeCode", [12, 105], "S12E105"),
    ("format", "humanize", ["inCinemas"], "In cinemas"),
    ("format", "humanize", ["continuing"], "Continuing"),
    ("format", "humanize", [None], "—"),
    ("format", "seasonLabel", [0], "Specials"),
    ("format", "seasonLabel", [3], "Season 3"),
    ("format", "formatWait", [1], "1 second"),
    ("format", "formatWait", [45], "45 seconds"),
    ("format", "formatWait", [300], "5 minutes"),
    ("format", "formatWait", [61], "2 minutes"),
    ("format", "formatWait", [5400], "2 hours"),
    ("format", "formatWait", [None], "a little while"),
    # query.js
    ("query", "parseHash", ["#/media?page=2&search=a%20b"], {"path": "/media", "query": {"page": "2", "search": "a b"}}),
    ("query", "parseHash", [""], {"path": "/", "query": {}}),
    ("query", "parseHash", ["#/media/12"], {"path": "/media/12", "query": {}}),
    ("query", "buildQuery", [{"b": "2", "a": "1", "c": "", "d": None}], "a=1&b=2"),
    ("query", "buildQuery", [{"page": 1, "search": "x y"}, {"page": 1}], "search=x+y"),
    ("query", "buildHash", ["/media", {"page": 3}], "#/media?page=3"),
    ("query", "buildHash", ["/media", {}], "#/media"),
    ("query", "isSafeReturn", ["#/media?page=2"], True),
    ("query", "isSafeReturn", ["#/media/12"], True),
    ("query", "isSafeReturn", ["#//evil.example"], False),
    ("query", "isSafeReturn", ["https://evil.example/#/media"], False),
    ("query", "isSafeReturn", ["#/javascript:alert(1)"], False),
    ("query", "isSafeReturn", ["/media"], False),
    ("query", "isSafeReturn", ["#/media\\..\\x"], False),
    ("query", "isSafeReturn", ["#/a\nb"], False),
    ("query", "isSafeReturn", ["#/login?return=%23%2Fmedia"], False),
    ("query", "isSafeReturn", [None], False),
    ("query", "pageCount", [0, 50], 1),
    ("query", "pageCount", [101, 50], 3),
    ("query", "mediaListState", [{"page": "0", "pageSize": "7", "sortKey": "evil", "sortDirection": "x", "tags": "1,a,3", "monitored": "yes"}],
     {"page": 1, "pageSize": 50, "sortKey": "title", "sortDirection": "ascending", "instanceId": "", "mediaType": "",
      "monitored": "", "status": "", "tags": "1,3", "search": ""}),
    ("query", "mediaListState", [{"page": "4", "pageSize": "100", "sortKey": "year", "sortDirection": "descending", "instanceId": "2", "mediaType": "movie", "search": "x"}],
     {"page": 4, "pageSize": 100, "sortKey": "year", "sortDirection": "descending", "instanceId": "2", "mediaType": "movie",
      "monitored": "", "status": "", "tags": "", "search": "x"}),
    # list.js
    ("list", "reconcilePlan", [[1, 2, 3], [3, 4, 1]],
     {"remove": [2], "steps": [{"key": 3, "op": "keep"}, {"key": 4, "op": "create"}, {"key": 1, "op": "keep"}]}),
    ("list", "moveItem", [["a", "b", "c"], 0, 1], ["b", "a", "c"]),
    ("list", "moveItem", [["a", "b", "c"], 2, 1], ["a", "b", "c"]),
    ("list", "moveItem", [["a", "b", "c"], 2, -5], ["c", "a", "b"]),
    ("list", "moveItem", [["a"], 3, 1], ["a"]),
    ("list", "cutoffOptions", [[{"quality": {"id": 1, "name": "SDTV"}, "allowed": False},
                               {"id": 1001, "name": "WEB 1080p", "allowed": True, "items": []},
                               {"quality": {"id": 7, "name": "Bluray-1080p"}, "allowed": True}]],
     [{"id": 1001, "name": "WEB 1080p"}, {"id": 7, "name": "Bluray-1080p"}]),
    ("list", "validCutoff", [[{"quality": {"id": 1, "name": "SDTV"}, "allowed": False},
                             {"quality": {"id": 7, "name": "Bluray-1080p"}, "allowed": True}], 1], 7),
    ("list", "validCutoff", [[{"quality": {"id": 7, "name": "Bluray-1080p"}, "allowed": True}], 7], 7),
    ("list", "validCutoff", [[{"quality": {"id": 7, "name": "Bluray-1080p"}, "allowed": False}], 7], None),
    ("list", "errorsByField", [[{"field": "path", "message": "must exist"}, {"field": "Path", "message": "absolute"},
                                {"field": "body.items[0].allowed", "message": "x"}, {"message": "general"}]],
     {"path": ["must exist", "absolute"], "allowed": ["x"], "": ["general"]}),
]

RUNNER = """
const [cases, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const modules = {};
  for (const name of new Set(cases.map((c) => c[0]))) modules[name] = await import(`/js/lib/${name}.js`);
  return cases.map(([mod, fn, args]) => {
    try { return { ok: true, value: JSON.stringify(modules[mod][fn](...args)) ?? 'undefined' }; }
    catch (e) { return { ok: false, value: String(e && e.stack || e) }; }
  });
})().then(done, (e) => done([{ ok: false, value: 'import failed: ' + String(e) }]));
"""


@pytest.fixture(scope="module")
def lib_results(idkarr_server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from conftest import _chrome_options

    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=_chrome_options())
    try:
        driver.set_script_timeout(20)
        driver.get(idkarr_server.url("/"))
        results = driver.execute_async_script(RUNNER, [list(c) for c in CASES])
    finally:
        driver.quit()
    assert len(results) == len(CASES), results
    return results


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]}.{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_ui_lib(lib_results, index):
    module, function, args, expected = CASES[index]
    result = lib_results[index]
    assert result["ok"], f"{module}.{function}{tuple(args)} threw: {result['value']}"
    actual = None if result["value"] == "undefined" else json.loads(result["value"])
    assert actual == expected, f"{module}.{function}{tuple(args)}"


KEYED_LIST = """
const done = arguments[arguments.length - 1];
(async () => {
  const { reconcileChildren } = await import('/js/components/keyed-list.js');
  const box = document.createElement('div');
  const render = (item) => { const el = document.createElement('p'); el.textContent = item.t; return el; };
  reconcileChildren(box, [{ id: 1, t: 'a' }, { id: 2, t: 'b' }, { id: 3, t: 'c' }], (i) => i.id, render);
  const [n1, n2, n3] = box.children;
  reconcileChildren(box, [{ id: 3, t: 'c' }, { id: 4, t: 'd' }, { id: 1, t: 'A' }], (i) => i.id, render);
  return { text: [...box.children].map((e) => e.textContent).join(''), keptC: box.children[0] === n3,
           rebuiltA: box.children[2] !== n1, removedB: !n2.isConnected && !box.contains(n2) };
})().then(done, (e) => done({ error: String(e) }));
"""


def test_ui_keyed_list_keeps_unchanged_nodes(idkarr_server, browser):
    browser.get(idkarr_server.url("/"))
    result = browser.execute_async_script(KEYED_LIST)
    assert result == {"text": "cdA", "keptC": True, "rebuiltA": True, "removedB": True}


def test_ui_sources_have_no_html_sinks_or_inline_code():
    """Guards the two rules the CSP and the threat model rest on, in the source itself:
    no HTML parsing of values in JS, and no inline script or style in the HTML shell."""
    import re
    from pathlib import Path

    web = Path(__file__).resolve().parents[2] / "web"
    sink = re.compile(r"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new\s+Function\b|setAttribute\(\s*['\"]on)")
    offenders = [f"{p.relative_to(web)}:{n}" for p in web.rglob("*.js")
                 for n, line in enumerate(p.read_text().splitlines(), 1) if sink.search(line)]
    assert not offenders, offenders
    html = (web / "index.html").read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline <script> in index.html"
    assert "<style" not in html and not re.search(r"\sstyle=", html), "inline style in index.html"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler in index.html"
    assert len(re.findall(r"<script\b", html)) == 1
