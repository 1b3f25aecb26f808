"""The feed for other apps (Prowlarr-compatible): idkarr serves each indexer as a Newznab/Torznab
API at /{id}/api, read here with Python's own XML parser (ElementTree), independently of idkarr's
reader, and compared item by item with the recorded feed the fake indexer replays.
"""

from __future__ import annotations

import email.utils
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
import requests

from test_ui_indexers import FIXTURES, GOOD_KEY, FakeIndexer

NS = {"newznab": "http://www.newznab.com/DTD/2010/feeds/attributes/", "torznab": "http://torznab.com/schemas/2015/feed"}


@pytest.fixture(scope="module")
def feed_env(server_factory):
    fake = FakeIndexer()
    server = server_factory()
    admin = server.admin_session()
    key = admin.post(server.url("/api/v1/auth/api-keys"), json={"name": "sonarr"}, timeout=10).json()["key"]
    ids = {}
    for kind in ("newznab", "torznab"):
        r = admin.post(server.url("/api/v1/indexers"), json={
            "name": f"Fake {kind}", "kind": kind, "baseURL": f"{fake.base}/{kind}", "apiPath": "/api", "apiKey": GOOD_KEY}, timeout=10)
        assert r.status_code == 201, r.text
        ids[kind] = r.json()["id"]
    yield server, key, ids
    fake.close()


def attrs(item, prefix):
    out = {}
    for a in item.findall(f"{prefix}:attr", NS):
        out.setdefault(a.get("name"), []).append(a.get("value"))
    return out


def recorded(path):
    return ET.parse(FIXTURES / path).getroot().find("channel").findall("item")


def test_caps_are_the_indexers(feed_env):
    server, key, ids = feed_env
    r = requests.get(server.url(f"/{ids['newznab']}/api"), params={"t": "caps", "apikey": key}, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/xml")
    caps = ET.fromstring(r.content)
    assert caps.tag == "caps"
    assert caps.find("limits").get("max") == "60" and caps.find("limits").get("default") == "25"
    assert {m.tag for m in caps.find("searching") if m.get("available") == "yes"} == {"search", "tv-search", "movie-search"}
    upstream = ET.parse(FIXTURES / "newznab" / "newznab_caps.xml").getroot()
    ids = lambda root: [(c.get("id"), c.get("name"), [(s.get("id"), s.get("name")) for s in c.findall("subcat")])
                        for c in root.find("categories").findall("category")]
    assert ids(caps) == ids(upstream)


def test_newznab_search_matches_the_recorded_feed(feed_env):
    server, key, ids = feed_env
    r = requests.get(server.url(f"/{ids['newznab']}/api"), params={"t": "search", "q": "white collar", "apikey": key}, timeout=30)
    assert r.status_code == 200, r.text
    root = ET.fromstring(r.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.find("title").text == "Fake newznab"
    items = channel.findall("item")
    upstream = recorded("newznab/newznab_nzb_su.xml")
    assert len(items) == len(upstream) == 100
    for ours, theirs in zip(items, upstream):
        assert ours.find("title").text == theirs.find("title").text
        assert ours.find("guid").text == theirs.find("guid").text
        ours_attrs, their_attrs = attrs(ours, "newznab"), attrs(theirs, "newznab")
        assert ours_attrs["size"] == their_attrs["size"]
        assert ours_attrs["category"] == their_attrs["category"]
        assert email.utils.parsedate_to_datetime(ours.find("pubDate").text) == email.utils.parsedate_to_datetime(theirs.find("pubDate").text)
        enclosure = ours.find("enclosure")
        assert enclosure.get("type") == "application/x-nzb" and enclosure.get("length") == their_attrs["size"][0]
        link = urllib.parse.urlsplit(enclosure.get("url"))
        assert link.path == f"/{ids['newznab']}/download" and ours.find("link").text == enclosure.get("url")
        query = urllib.parse.parse_qs(link.query)
        assert query["apikey"] == [key] and query["file"] == [theirs.find("title").text] and query["link"]
    assert "nzb.su/getnzb" not in r.text and GOOD_KEY not in r.text, "the indexer's links and key never reach other apps"


def test_torznab_search_keeps_seeders_and_magnets(feed_env):
    server, key, ids = feed_env
    r = requests.get(server.url(f"/{ids['torznab']}/api"), params={"t": "tvsearch", "q": "better call saul", "apikey": key}, timeout=30)
    assert r.status_code == 200, r.text
    items = ET.fromstring(r.content).find("channel").findall("item")
    upstream = recorded("torznab/torznab_hdaccess_net.xml")
    assert [i.find("title").text for i in items] == [i.find("title").text for i in upstream]
    for ours, theirs in zip(items, upstream):
        mine, recorded_attrs = attrs(ours, "torznab"), attrs(theirs, "torznab")
        for name in ("seeders", "peers", "infohash"):
            if name in recorded_attrs:
                assert [v.lower() for v in mine[name]] == [v.lower() for v in recorded_attrs[name]], name
        assert ours.find("enclosure").get("type") == "application/x-bittorrent"


def test_errors_are_newznab_documents(feed_env):
    server, key, ids = feed_env
    for params, status, code in [({"t": "search", "apikey": "wrong"}, 401, "100"), ({"t": "bogus", "apikey": key}, 400, "202"),
                                 ({"apikey": key}, 400, "200"), ({"t": "tvsearch", "season": "x", "q": "a", "apikey": key}, 400, "201")]:
        r = requests.get(server.url(f"/{ids['newznab']}/api"), params=params, timeout=30)
        assert r.status_code == status, (params, r.status_code, r.text)
        error = ET.fromstring(r.content)
        assert error.tag == "error" and error.get("code") == code and error.get("description")
    r = requests.get(server.url("/424242/api"), params={"t": "caps", "apikey": key}, timeout=30)
    assert r.status_code == 404 and ET.fromstring(r.content).get("code") == "300"
    forged = requests.get(server.url(f"/{ids['newznab']}/download"), params={"link": "forged", "apikey": key}, timeout=30)
    assert forged.status_code == 400 and ET.fromstring(forged.content).get("code") == "201"
