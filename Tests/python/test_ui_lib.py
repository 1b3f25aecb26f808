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
    ("format", "formatAge", [0], "0 min"),
    ("format", "formatAge", [59.9], "59 min"),
    ("format", "formatAge", [60], "1 hour"),
    ("format", "formatAge", [150], "2 hours"),
    ("format", "formatAge", [2879], "47 hours"),
    ("format", "formatAge", [2880], "2 days"),
    ("format", "formatAge", [7770432], "5396 days"),
    ("format", "formatAge", [None], "—"),
    ("format", "formatAge", [-5], "—"),
    ("format", "formatMilliseconds", [340], "340 ms"),
    ("format", "formatMilliseconds", [1520], "1.5 s"),
    ("format", "formatMilliseconds", [None], "—"),
    ("format", "plural", [1, "release"], "1 release"),
    ("format", "plural", [0, "release"], "0 releases"),
    ("format", "plural", [2, "match", "matches"], "2 matches"),
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
    # releases.js
    ("releases", "episodeLabel", [{"kind": "episode", "seasonNumber": 3, "episodeNumbers": [5], "absoluteEpisodeNumbers": [], "fullSeason": False}], "S03E05"),
    ("releases", "episodeLabel", [{"kind": "episode", "seasonNumber": 1, "episodeNumbers": [1, 2, 3], "absoluteEpisodeNumbers": [], "fullSeason": False}], "S01E01-E03"),
    ("releases", "episodeLabel", [{"kind": "episode", "seasonNumber": 2, "episodeNumbers": [], "absoluteEpisodeNumbers": [], "fullSeason": True}], "S02"),
    ("releases", "episodeLabel", [{"kind": "episode", "airDate": "2012-02-22", "episodeNumbers": [], "absoluteEpisodeNumbers": [], "fullSeason": False}], "2012-02-22"),
    ("releases", "episodeLabel", [{"kind": "episode", "episodeNumbers": [], "absoluteEpisodeNumbers": [7], "fullSeason": False}], "#07"),
    ("releases", "episodeLabel", [{"kind": "movie", "year": 1999, "episodeNumbers": [], "absoluteEpisodeNumbers": []}], "1999"),
    ("releases", "episodeLabel", [{"kind": "movie", "episodeNumbers": [], "absoluteEpisodeNumbers": []}], "—"),
    ("releases", "episodeLabel", [{"kind": "unknown", "seasonNumber": 1, "episodeNumbers": [1]}], "—"),
    ("releases", "episodeLabel", [None], "—"),
    ("releases", "parsedTitle", [{"seriesTitle": "White Collar"}], "White Collar"),
    ("releases", "parsedTitle", [{"movieTitle": "Wild"}], "Wild"),
    ("releases", "parsedTitle", [None], ""),
    ("releases", "qualityLabel", [{"quality": {"name": "HDTV-720p"}, "revision": {"version": 1, "real": 0, "isRepack": False}}], "HDTV-720p"),
    ("releases", "qualityLabel", [{"quality": {"name": "WEBDL-1080p"}, "revision": {"version": 2, "real": 0, "isRepack": False}}], "WEBDL-1080p · Proper"),
    ("releases", "qualityLabel", [{"quality": {"name": "Bluray-1080p"}, "revision": {"version": 2, "real": 0, "isRepack": True}}], "Bluray-1080p · Repack"),
    ("releases", "qualityLabel", [{"quality": {"name": "SDTV"}, "revision": {"version": 3, "real": 0, "isRepack": False}}], "SDTV · v3"),
    ("releases", "qualityLabel", [None], "Unknown"),
    ("releases", "peersLabel", [{"protocol": "torrent", "seeders": 41, "leechers": 3}], "41 / 3"),
    ("releases", "peersLabel", [{"protocol": "torrent", "seeders": 57, "peers": 58}], "57 / 1"),
    ("releases", "peersLabel", [{"protocol": "torrent"}], "? / ?"),
    ("releases", "peersLabel", [{"protocol": "usenet", "seeders": 5}], "—"),
    ("releases", "safeHttpUrl", ["https://hdaccess.net/details.php?id=1"], "https://hdaccess.net/details.php?id=1"),
    ("releases", "safeHttpUrl", ["http://nzb.su/details/x"], "http://nzb.su/details/x"),
    ("releases", "safeHttpUrl", ["javascript:alert(1)"], None),
    ("releases", "safeHttpUrl", ["data:text/html,x"], None),
    ("releases", "safeHttpUrl", ["/relative"], None),
    ("releases", "safeHttpUrl", [None], None),
    ("releases", "releaseSortValue", [{"title": "White.Collar"}, "title"], "white.collar"),
    ("releases", "releaseSortValue", [{"size": 5}, "size"], 5),
    ("releases", "releaseSortValue", [{"protocol": "usenet", "seeders": 5}, "peers"], None),
    ("releases", "releaseSortValue", [{"protocol": "torrent", "seeders": 5}, "peers"], 5),
    ("releases", "releaseSortValue", [{"parsed": {"quality": {"resolution": 720, "name": "HDTV-720p"}}}, "quality"], [720, "HDTV-720p"]),
    ("releases", "releaseSortValue", [{"parsed": {"kind": "episode", "seriesTitle": "X", "seasonNumber": 3, "episodeNumbers": [5]}}, "parsed"], ["x", 3, "", 5]),
    ("releases", "releaseSortValue", [{"parsed": {"kind": "unknown"}}, "parsed"], None),
    ("releases", "releaseSortValue", [{"ageMinutes": 7}, "nonsense"], None),
    ("releases", "releaseMatches", [{"title": "White.Collar.S03E05", "protocol": "usenet", "indexer": "Nzb"}, "collar white", ""], True),
    ("releases", "releaseMatches", [{"title": "White.Collar.S03E05", "protocol": "usenet", "indexer": "Nzb"}, "collar", "torrent"], False),
    ("releases", "releaseMatches", [{"title": "Wild 2014", "protocol": "torrent", "indexer": "HDAccess"}, "hdaccess", "torrent"], True),
    ("releases", "releaseMatches", [{"title": "Wild 2014", "protocol": "torrent", "parsed": {"releaseGroup": "GRP"}}, "grp", ""], True),
    ("releases", "releaseMatches", [{"title": "Wild 2014", "protocol": "torrent"}, "tame", ""], False),
    ("releases", "releaseMatches", [{"title": "Wild 2014", "protocol": "torrent"}, "  ", ""], True),
    ("releases", "outcomeSummary", [{"state": "ok", "releases": 100, "milliseconds": 330}], "100 releases in 330 ms"),
    ("releases", "outcomeSummary", [{"state": "ok", "releases": 1, "message": "2 item(s) skipped: no title."}], "1 release (2 item(s) skipped: no title.)"),
    ("releases", "outcomeSummary", [{"state": "failed", "message": "Bad key."}], "Bad key."),
    ("releases", "outcomeSummary", [{"state": "skipped", "code": "backoff", "message": "Not asked: resting"}, "2026-12-06 20:00"], "Resting after failures until 2026-12-06 20:00"),
    ("releases", "outcomeSummary", [{"state": "skipped", "code": "backoff", "message": "Not asked: resting"}], "Not asked: resting"),
    ("releases", "outcomeSummary", [{"state": "skipped", "code": "unsupportedSearch", "message": "No movie search."}], "Not asked: No movie search."),
    ("releases", "outcomeBadge", [{"state": "skipped", "code": "backoff"}], "Resting"),
    ("releases", "outcomeBadge", [{"state": "failed"}], "Failed"),
    ("releases", "rssPartSummary", [{"state": "ok", "new": 3, "fetched": 100, "pages": 1}], "3 new of 100 fetched (1 page)"),
    ("releases", "rssPartSummary", [{"state": "failed", "new": 0, "fetched": 0, "pages": 0, "message": "Timed out."}], "Timed out."),
    # search.js
    ("search", "searchState", [{}], {"searched": False, "query": "", "type": "search", "season": "", "episode": "", "year": "", "indexerIds": "", "categories": ""}),
    ("search", "searchState", [{"query": " White Collar ", "type": "tvsearch", "season": "03", "episode": "5", "year": "2014", "indexerIds": "2,x,1,2", "categories": "5000, 5040"}],
     {"searched": True, "query": "White Collar", "type": "tvsearch", "season": "3", "episode": "5", "year": "", "indexerIds": "2,1", "categories": "5000,5040"}),
    ("search", "searchState", [{"type": "movie", "season": "3", "year": "2014"}],
     {"searched": True, "query": "", "type": "movie", "season": "", "episode": "", "year": "2014", "indexerIds": "", "categories": ""}),
    ("search", "searchState", [{"type": "evil", "season": "-1"}],
     {"searched": True, "query": "", "type": "search", "season": "", "episode": "", "year": "", "indexerIds": "", "categories": ""}),
    ("search", "idList", ["5000, 2040,x,5000,0,-3"], "5000,2040"),
    ("search", "idList", [None], ""),
    ("search", "searchParams", [{"searched": True, "query": "q", "type": "movie", "season": "", "episode": "", "year": "1999", "indexerIds": "", "categories": ""}],
     {"query": "q", "type": "movie", "season": "", "episode": "", "year": "1999", "indexerIds": "", "categories": ""}),
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
    ("list", "compareValues", [1, 2], -1),
    ("list", "compareValues", ["b", "A"], 1),
    ("list", "compareValues", ["S2", "S10"], -1),
    ("list", "compareValues", [[720, "b"], [720, "a"]], 1),
    ("list", "compareValues", [[720], [720, "a"]], -1),
    ("list", "sortedOrder", [[3, None, 1, 2], "ascending"], [2, 3, 0, 1]),
    ("list", "sortedOrder", [[3, None, 1, 2], "descending"], [0, 3, 2, 1]),
    ("list", "sortedOrder", [[1, 1, 0], "descending"], [0, 1, 2]),
    ("list", "sortedOrder", [[None, "b", None, "a"], "ascending"], [3, 1, 0, 2]),
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
