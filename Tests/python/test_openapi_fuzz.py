"""The served OpenAPI document is true: schemathesis drives every operation of the live server.

A fresh server (``server_factory`` from conftest.py: the fuzzing changes settings, users and
library data, so it does not share the session's ``idkarr_server`` with the UI tests) gets an
admin, an API key and a little library (instances, a root folder, a tag, a quality profile, a
series with episodes, a movie, a second user), so that requests on ids 1, 2, ... reach real
resources. Then schemathesis generates requests (valid and invalid ones) from the document the
server serves at /api/v1/openapi.json and checks every answer: no 5xx, a documented status code
and content type, a body that matches the documented schema. (The schema is read from
OpenAPIDocument+JSON.swift at import, because schemathesis's fixture-based loader breaks on
pytest 9.2; test_document_is_served checks the live server serves exactly that document.)

Operations that would take the test's own access away are not fuzzed; each gets a scripted test
whose answers are checked against the document the same way:
``POST /auth/logout``, ``PUT /auth/me/password``, ``DELETE /auth/api-keys/{id}``,
``DELETE /users/{id}``; ``PUT /users/{id}`` is fuzzed against the second user only.
DELETEs run last, in their own test, so the reads and writes before them find the seeded data.

Bounded for a 2-core machine: ``IDKARR_FUZZ_EXAMPLES`` examples per operation (default 25),
a fixed seed with derandomised generation (``IDKARR_FUZZ_SEED``), no stateful phase.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import ADMIN_PASSWORD, ADMIN_USERNAME, REPO, IdkarrServer

MAX_EXAMPLES = int(os.environ.get("IDKARR_FUZZ_EXAMPLES", "25"))
SEED = int(os.environ.get("IDKARR_FUZZ_SEED", "20261125"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
API = "/api/v1"

# Not fuzzed (scripted below instead): each could end the test's own session, key or admin.
NOT_FUZZED = [
    ("POST", f"{API}/auth/logout"),
    ("PUT", f"{API}/auth/me/password"),
    ("DELETE", f"{API}/auth/api-keys/{{id}}"),
    ("DELETE", f"{API}/users/{{id}}"),
    # Generated provider addresses would send later lookups to hosts that do not exist (502):
    # the settings are scripted below and the providers stay on the local stand-in.
    ("PUT", f"{API}/settings/metadata"),
]
VICTIM_USER_PATH = f"{API}/users/{{id}}"

SWIFT_FILE = REPO / "Sources" / "IdkarrHTTP" / "OpenAPIDocument+JSON.swift"


def served_document() -> dict:
    """The document the server serves: the raw string of OpenAPIDocument+JSON.swift, indentation stripped as Swift does."""
    text = SWIFT_FILE.read_text()
    start = text.index('##"""\n') + len('##"""\n')
    end = text.rindex('"""##')
    return json.loads(textwrap.dedent(text[start:end]))


# Loaded from the source at import (schemathesis.pytest.from_fixture fails on pytest 9.2: it sets
# the removed `Node._nodeid`); test_document_is_served checks the live server serves exactly this.
DOCUMENT = served_document()
schema = schemathesis.openapi.from_dict(DOCUMENT, config=schemathesis.Config.from_dict({
    "seed": SEED,
    "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large", "large_base_example"],
    "generation": {
        "max-examples": MAX_EXAMPLES,
        "deterministic": True,
        "database": "none",
        # The key goes in the X-Api-Key header of every call; generated keys or cookies would only test the 401 path.
        "with-security-parameters": False,
    },
    "phases": {"stateful": {"enabled": False}},
    "checks": {
        "enabled": False,
        "not_a_server_error": {"enabled": True},
        "status_code_conformance": {"enabled": True},
        "content_type_conformance": {"enabled": True},
        "response_schema_conformance": {"enabled": True},
    },
}))


@dataclass
class FuzzEnv:
    server: IdkarrServer
    key: str
    admin: requests.Session  # signed in by cookie, with the Origin header the CSRF check wants
    admin_id: int
    victim_id: int
    ids: dict[str, int] = field(default_factory=dict)
    root_path: str = ""

    def call(self, method: str, path: str, *, key: str | None = None, **kwargs) -> requests.Response:
        headers = {"X-Api-Key": key or self.key, **kwargs.pop("headers", {})}
        return requests.request(method, self.server.url(path), headers=headers, timeout=60, **kwargs)


def created(response: requests.Response) -> dict:
    assert response.status_code == 201, f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
    return response.json()


class _NothingKnownProvider(BaseHTTPRequestHandler):
    """A stand-in for TMDB and TVmaze that knows no title: searches find nothing, lookups are 404.
    (The recorded answers are replayed in the Swift catalog tests and the UI tests; here the point is
    that every generated lookup, add and refresh gets a documented answer, never a 5xx.)"""

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        if path == "/search/shows":
            body, status = b"[]", 200
        elif path.startswith("/3/search/"):
            body, status = b'{"page":1,"results":[],"total_pages":0,"total_results":0}', 200
        elif path == "/3/configuration":
            body, status = b'{"images":{"secure_base_url":"https://image.tmdb.org/t/p/","poster_sizes":["w500"],"backdrop_sizes":["w1280"]}}', 200
        else:
            body, status = b'{"status_code":34,"status_message":"The resource you requested could not be found."}', 404
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def fuzz_env(server_factory) -> FuzzEnv:
    provider = ThreadingHTTPServer(("127.0.0.1", 0), _NothingKnownProvider)
    threading.Thread(target=provider.serve_forever, daemon=True).start()
    provider_url = f"http://127.0.0.1:{provider.server_address[1]}"
    server = server_factory()
    admin = server.admin_session()  # registers the first account: the admin
    me = admin.get(server.url(f"{API}/auth/me"), timeout=10).json()
    key = created(admin.post(server.url(f"{API}/auth/api-keys"), json={"name": "schemathesis"}, timeout=10))["key"]
    root = tempfile.mkdtemp(prefix="idkarr-fuzz-root-")
    for name in ("Unmapped Show", "The Fuzz"):
        Path(root, name).mkdir()
    env = FuzzEnv(server=server, key=key, admin=admin, admin_id=me["id"], victim_id=0, root_path=root)

    ids = env.ids
    ids["tv"] = created(env.call("POST", f"{API}/instances", json={"name": "Fuzz TV", "mediaType": "series"}))["id"]
    ids["movies"] = created(env.call("POST", f"{API}/instances", json={"name": "Fuzz Movies", "mediaType": "movie"}))["id"]
    ids["anime"] = created(env.call("POST", f"{API}/instances", json={"name": "Fuzz Anime", "mediaType": "anime"}))["id"]
    ids["rootfolder"] = created(env.call("POST", f"{API}/rootfolders", json={"path": root, "instanceId": ids["tv"]}))["id"]
    ids["tag"] = created(env.call("POST", f"{API}/tags", json={"label": "fuzz"}))["id"]
    ids["tag2"] = created(env.call("POST", f"{API}/tags", json={"label": "spare"}))["id"]
    ids["profile"] = created(env.call("POST", f"{API}/qualityprofiles", json={
        "name": "Fuzz HD", "upgradeAllowed": True, "cutoff": 1001,
        "items": [
            {"quality": {"id": 4}, "allowed": True},
            {"id": 1001, "name": "WEB 1080p", "allowed": True, "items": [
                {"quality": {"id": 3}, "allowed": True}, {"quality": {"id": 15}, "allowed": True}]},
            {"quality": {"id": 7}, "allowed": False},
        ],
    }))["id"]
    ids["series"] = created(env.call("POST", f"{API}/media", json={
        "instanceId": ids["tv"], "mediaType": "series", "title": "The Fuzz", "year": 2020, "status": "continuing",
        "tags": [ids["tag"]], "qualityProfileId": ids["profile"], "rootFolderId": ids["rootfolder"],
        "path": f"{root}/The Fuzz", "tvdbId": 1234, "imdbId": "tt0001234", "genres": ["Drama"], "network": "HBO",
        "images": [{"coverType": "poster", "url": "https://example.invalid/poster.jpg"}],
        "alternateTitles": ["Le Fuzz"], "overview": "A test.", "runtime": 45,
        "episodes": [
            {"seasonNumber": 1, "episodeNumber": n, "title": f"Episode {n}", "airDate": f"2020-01-0{n}",
             "airDateUtc": f"2020-01-0{n}T02:00:00Z", "overview": "Things happen."}
            for n in (1, 2, 3)
        ] + [{"seasonNumber": 2, "episodeNumber": 1, "absoluteEpisodeNumber": 4}, {"seasonNumber": 0, "episodeNumber": 1}],
    }))["id"]
    ids["movie"] = created(env.call("POST", f"{API}/media", json={
        "instanceId": ids["movies"], "mediaType": "movie", "title": "Fuzz: The Movie", "year": 2021, "tmdbId": 99,
    }))["id"]
    ids["anime_media"] = created(env.call("POST", f"{API}/media", json={
        "instanceId": ids["anime"], "mediaType": "anime", "title": "Fuzzu", "seriesType": "anime",
        "episodes": [{"seasonNumber": 1, "episodeNumber": 1, "absoluteEpisodeNumber": 1}],
    }))["id"]
    # PUT /users/{id} is fuzzed against this user only, never the admin.
    env.victim_id = created(env.call("POST", f"{API}/users", json={"username": "victim", "password": "victim password"}))["id"]
    r = env.call("PUT", f"{API}/settings/general", json={"registrationOpen": False, "trustedProxies": []})
    assert r.status_code == 200, r.text
    r = env.call("PUT", f"{API}/settings/metadata", json={
        "tmdbApiKey": "fuzz-key", "tmdbBaseURL": provider_url + "/3", "tvmazeBaseURL": provider_url})
    assert r.status_code == 200, r.text
    yield env
    provider.shutdown()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def api_schema():
    return schema


def documented(schema, method: str, path: str, response: requests.Response) -> requests.Response:
    """Checks one scripted answer the way the fuzzer does: documented status and content type, valid body."""
    operation = schema[path][method]
    responses = operation.definition.raw["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method} {path}: {status} is not documented ({sorted(responses)}): {response.text[:500]}"
    assert response.status_code < 500, f"{method} {path}: {response.status_code} {response.text[:500]}"
    definition = responses[status]
    if "$ref" in definition:
        definition = schema.raw_schema["components"]["responses"][definition["$ref"].rsplit("/", 1)[-1]]
    content = definition.get("content")
    if content:
        media = response.headers.get("Content-Type", "").split(";")[0].strip()
        assert media in content, f"{method} {path}: {status} answered {media!r}, documented {sorted(content)}"
    operation.validate_response(response)
    return response


# --- the document itself ------------------------------------------------------------------------


def test_document_is_served(fuzz_env: FuzzEnv):
    raw = requests.get(fuzz_env.server.url(f"{API}/openapi.json"), timeout=10)
    assert raw.status_code == 200 and raw.headers["Content-Type"].startswith("application/json")
    doc = raw.json()
    assert doc["openapi"].startswith("3.1.")
    assert doc == DOCUMENT, "the server serves another document than OpenAPIDocument+JSON.swift holds (rebuild the binary)"
    # ... and the Swift file is what Tools/openapi/build.py builds (not edited by hand, not stale).
    build = REPO / "Tools" / "openapi" / "build.py"
    printed = subprocess.run([sys.executable, str(build), "--print"], capture_output=True, text=True, check=True).stdout
    assert json.loads(printed) == DOCUMENT, "OpenAPIDocument+JSON.swift is stale: run python3 Tools/openapi/build.py"


# --- scripted treatment of the operations the fuzzer leaves out (and a few fixed shapes) ----------


def test_seeded_resources_read_and_write_back(fuzz_env: FuzzEnv, api_schema):
    """GET each seeded resource, then PUT it back as GET returned it: both answers are documented."""
    ids = fuzz_env.ids
    for path, rid, writable in [
        ("/instances/{id}", ids["tv"], True), ("/rootfolders/{id}", ids["rootfolder"], False),
        ("/tags/{id}", ids["tag"], True), ("/qualityprofiles/{id}", ids["profile"], True),
        ("/qualitydefinitions/{id}", 3, True), ("/media/{id}", ids["series"], True),
        ("/media/{id}", ids["movie"], True), ("/media/{id}", ids["anime_media"], True),
        ("/users/{id}", fuzz_env.victim_id, True),
    ]:
        url = API + path.replace("{id}", str(rid))
        got = documented(api_schema, "GET", API + path, fuzz_env.call("GET", url))
        assert got.status_code == 200, got.text
        assert got.headers["ETag"] == f'"{got.json()["version"]}"'
        if writable:
            put = documented(api_schema, "PUT", API + path, fuzz_env.call("PUT", url, json=got.json(),
                                                                           headers={"If-Match": got.headers["ETag"]}))
            assert put.status_code == 200, put.text
            stale = documented(api_schema, "PUT", API + path, fuzz_env.call("PUT", url, json=got.json(),
                                                                             headers={"If-Match": got.headers["ETag"]}))
            assert stale.status_code == 409, stale.text
    series = fuzz_env.call("GET", f"{API}/media/{ids['series']}").json()
    assert [e["episodeNumber"] for e in series["episodes"] if e["seasonNumber"] == 1] == [1, 2, 3]
    monitor = documented(api_schema, "PUT", f"{API}/media/{{id}}/monitor", fuzz_env.call(
        "PUT", f"{API}/media/{ids['series']}/monitor", json={"monitored": False, "seasonNumber": 2}))
    assert monitor.status_code == 200, monitor.text
    listed = documented(api_schema, "GET", f"{API}/media", fuzz_env.call(
        "GET", f"{API}/media", params={"tags": f"{ids['tag']},{ids['tag2']}", "sortKey": "year", "sortDirection": "desc"}))
    assert [m["id"] for m in listed.json()["records"]] == [ids["series"]]
    for path in ("/system/status", "/system/health", "/settings/general", "/auth/me", "/auth/api-keys", "/users",
                 "/auth/status", "/instances", "/rootfolders", "/tags", "/qualitydefinitions", "/qualityprofiles"):
        assert documented(api_schema, "GET", API + path, fuzz_env.call("GET", API + path)).status_code == 200
    backup = documented(api_schema, "GET", f"{API}/system/backup", fuzz_env.call("GET", f"{API}/system/backup"))
    assert backup.status_code == 200 and backup.content[:2] == b"\x1f\x8b"


def test_logout(fuzz_env: FuzzEnv, api_schema):
    server = fuzz_env.server
    s = server.session()
    documented(api_schema, "POST", f"{API}/users", fuzz_env.call(
        "POST", f"{API}/users", json={"username": "leaver", "password": "leaver password"}))
    login = documented(api_schema, "POST", f"{API}/auth/login", s.post(
        server.url(f"{API}/auth/login"), json={"username": "leaver", "password": "leaver password"}, timeout=30))
    assert login.status_code == 200 and "idkarr_session" in s.cookies
    # A cookie-authenticated POST without Origin is refused (CSRF).
    bare = requests.post(server.url(f"{API}/auth/logout"), cookies={"idkarr_session": s.cookies["idkarr_session"]}, timeout=10)
    assert documented(api_schema, "POST", f"{API}/auth/logout", bare).status_code == 403
    out = documented(api_schema, "POST", f"{API}/auth/logout", s.post(server.url(f"{API}/auth/logout"), timeout=10))
    assert out.status_code == 204
    me = requests.get(server.url(f"{API}/auth/me"), cookies={"idkarr_session": "x" * 43}, timeout=10)
    assert documented(api_schema, "GET", f"{API}/auth/me", me).status_code == 401
    # Without any session: still 204.
    assert documented(api_schema, "POST", f"{API}/auth/logout", requests.post(server.url(f"{API}/auth/logout"), timeout=10)).status_code == 204


def test_api_key_revoke(fuzz_env: FuzzEnv, api_schema):
    path = f"{API}/auth/api-keys/{{id}}"
    made = documented(api_schema, "POST", f"{API}/auth/api-keys", fuzz_env.call("POST", f"{API}/auth/api-keys", json={"name": "doomed"}))
    doomed = made.json()
    assert made.status_code == 201 and doomed["key"].startswith(doomed["prefix"])
    assert fuzz_env.call("GET", f"{API}/auth/me", key=doomed["key"]).status_code == 200
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", f"{API}/auth/api-keys/{doomed['id']}")).status_code == 204
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", f"{API}/auth/api-keys/{doomed['id']}")).status_code == 404
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", f"{API}/auth/api-keys/abc")).status_code == 404
    gone = fuzz_env.call("GET", f"{API}/auth/me", key=doomed["key"])
    assert documented(api_schema, "GET", f"{API}/auth/me", gone).status_code == 401


def test_user_delete_and_last_admin(fuzz_env: FuzzEnv, api_schema):
    path = f"{API}/users/{{id}}"
    user = documented(api_schema, "POST", f"{API}/users", fuzz_env.call(
        "POST", f"{API}/users", json={"username": "doomed", "password": "doomed password", "role": "admin"})).json()
    url = f"{API}/users/{user['id']}"
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", url, headers={"If-Match": '"99"'})).status_code == 409
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", url, headers={"If-Match": "garbled"})).status_code == 400
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", url)).status_code == 204
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", url)).status_code == 404
    # The admin is the last enabled admin: it can be neither deleted, demoted nor disabled.
    admin = f"{API}/users/{fuzz_env.admin_id}"
    assert documented(api_schema, "DELETE", path, fuzz_env.call("DELETE", admin)).status_code == 409
    for change in ({"role": "user"}, {"disabled": True}):
        assert documented(api_schema, "PUT", path, fuzz_env.call("PUT", admin, json=change)).status_code == 409
    # A user (not an admin) is refused admin routes.
    victim = fuzz_env.server.session()
    documented(api_schema, "POST", f"{API}/auth/login", victim.post(
        fuzz_env.server.url(f"{API}/auth/login"), json={"username": "victim", "password": "victim password"}, timeout=30))
    refused = victim.delete(fuzz_env.server.url(admin), timeout=10)
    assert documented(api_schema, "DELETE", path, refused).status_code == 403
    assert documented(api_schema, "GET", path, victim.get(fuzz_env.server.url(admin), timeout=10)).status_code == 404


def test_change_password(fuzz_env: FuzzEnv, api_schema):
    path = f"{API}/auth/me/password"
    documented(api_schema, "POST", f"{API}/users", fuzz_env.call(
        "POST", f"{API}/users", json={"username": "changer", "password": "first password"}))
    s = fuzz_env.server.session()
    s.post(fuzz_env.server.url(f"{API}/auth/login"), json={"username": "changer", "password": "first password"}, timeout=30)
    url = fuzz_env.server.url(path)
    wrong = s.put(url, json={"currentPassword": "not it at all", "newPassword": "second password"}, timeout=30)
    assert documented(api_schema, "PUT", path, wrong).status_code == 400
    short = s.put(url, json={"currentPassword": "first password", "newPassword": "short"}, timeout=30)
    assert documented(api_schema, "PUT", path, short).status_code == 400
    shape = s.put(url, json={"currentPassword": 1}, timeout=30)
    assert documented(api_schema, "PUT", path, shape).status_code == 400
    ok = s.put(url, json={"currentPassword": "first password", "newPassword": "second password"}, timeout=30)
    assert documented(api_schema, "PUT", path, ok).status_code == 204
    anonymous = requests.put(url, json={"currentPassword": "a", "newPassword": "b"}, timeout=10)
    assert documented(api_schema, "PUT", path, anonymous).status_code == 401


def test_fixed_error_shapes(fuzz_env: FuzzEnv, api_schema):
    server = fuzz_env.server
    closed = requests.post(server.url(f"{API}/auth/register"), json={"username": "late", "password": "late password"}, timeout=30)
    assert documented(api_schema, "POST", f"{API}/auth/register", closed).status_code == 403
    big = fuzz_env.call("POST", f"{API}/tags", data=b'{"label": "' + b"a" * (1024 * 1024 + 10) + b'"}',
                        headers={"Content-Type": "application/json"})
    assert documented(api_schema, "POST", f"{API}/tags", big).status_code == 413
    dup = fuzz_env.call("POST", f"{API}/tags", json={"label": "fuzz"})
    assert documented(api_schema, "POST", f"{API}/tags", dup).status_code == 409
    bad_key = requests.get(server.url(f"{API}/auth/status"), headers={"X-Api-Key": "0" * 64}, timeout=10)
    assert documented(api_schema, "GET", f"{API}/auth/status", bad_key).status_code == 401
    query_key = requests.get(server.url(f"{API}/system/status"), params={"apikey": fuzz_env.key}, timeout=10)
    assert documented(api_schema, "GET", f"{API}/system/status", query_key).status_code == 200
    foreign = fuzz_env.admin.post(server.url(f"{API}/tags"), json={"label": "csrf"}, headers={"Origin": "https://evil.example"}, timeout=10)
    assert documented(api_schema, "POST", f"{API}/tags", foreign).status_code == 403
    in_use = fuzz_env.call("DELETE", f"{API}/instances/{fuzz_env.ids['tv']}")
    assert documented(api_schema, "DELETE", f"{API}/instances/{{id}}", in_use).status_code == 409
    # 100 characters, 4100 bytes: over the password hasher's 4096-byte limit (this was a 500).
    heavy = ("a" + "\u0301" * 20) * 100
    long_password = fuzz_env.call("POST", f"{API}/users", json={"username": "heavy", "password": heavy})
    assert documented(api_schema, "POST", f"{API}/users", long_password).status_code == 400
    assert long_password.json()["errors"][0]["field"] == "password"
    bad_query = fuzz_env.call("GET", f"{API}/media", params={"pageSize": "1001"})
    assert documented(api_schema, "GET", f"{API}/media", bad_query).status_code == 400


def test_metadata_settings_and_provider_answers(fuzz_env: FuzzEnv, api_schema):
    path = f"{API}/settings/metadata"
    got = documented(api_schema, "GET", path, fuzz_env.call("GET", path))
    assert got.json()["tmdbApiKeySet"] is True and "fuzz-key" not in got.text
    bad = documented(api_schema, "PUT", path, fuzz_env.call("PUT", path, json={"tmdbLanguage": "Klingon", "refreshIntervalHours": 0}))
    assert bad.status_code == 400 and {e["field"] for e in bad.json()["errors"]} == {"tmdbLanguage", "refreshIntervalHours"}
    same = documented(api_schema, "PUT", path, fuzz_env.call("PUT", path, json={"refreshIntervalHours": 12}))
    assert same.status_code == 200 and same.json()["tmdbApiKeySet"] is True
    # The stand-in knows nothing: empty searches, 404 for ids, and a refresh that names the provider.
    empty = documented(api_schema, "GET", f"{API}/media/lookup", fuzz_env.call("GET", f"{API}/media/lookup", params={"term": "nothing"}))
    assert empty.status_code == 200 and empty.json()["records"] == []
    unknown = fuzz_env.call("POST", f"{API}/media/add", json={"lookupId": "tmdb:1", "instanceId": fuzz_env.ids["movies"],
                                                              "rootFolderId": fuzz_env.ids["rootfolder"]})
    assert documented(api_schema, "POST", f"{API}/media/add", unknown).status_code in (400, 404)
    refresh = fuzz_env.call("POST", f"{API}/media/{fuzz_env.ids['series']}/refresh")
    assert documented(api_schema, "POST", f"{API}/media/{{id}}/refresh", refresh).status_code == 404
    assert "TVmaze" in refresh.json()["detail"] or "TMDB" in refresh.json()["detail"]


# --- the fuzzing ------------------------------------------------------------------------------------

def _not_fuzzed(ctx) -> bool:
    return (ctx.operation.method.upper(), ctx.operation.path) in NOT_FUZZED


def _pin(case, fuzz_env: FuzzEnv) -> None:
    if case.method.upper() == "PUT" and case.operation.path == VICTIM_USER_PATH:
        case.path_parameters = {**(case.path_parameters or {}), "id": fuzz_env.victim_id}


@schema.exclude(_not_fuzzed).exclude(method="DELETE").parametrize()
def test_api_conforms(case, fuzz_env: FuzzEnv):
    _pin(case, fuzz_env)
    case.call_and_validate(base_url=fuzz_env.server.base_url, headers={"X-Api-Key": fuzz_env.key}, checks=CHECKS)


@schema.exclude(_not_fuzzed).include(method="DELETE").parametrize()
def test_deletes_conform(case, fuzz_env: FuzzEnv):
    case.call_and_validate(base_url=fuzz_env.server.base_url, headers={"X-Api-Key": fuzz_env.key}, checks=CHECKS)


def test_login_rate_limit(fuzz_env: FuzzEnv, api_schema):
    """Last: after this, sign-ins from 127.0.0.1 are locked for minutes."""
    url = fuzz_env.server.url(f"{API}/auth/login")
    seen = []
    for _ in range(30):
        r = requests.post(url, json={"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD + "?"}, timeout=30)
        documented(api_schema, "POST", f"{API}/auth/login", r)
        seen.append(r.status_code)
        if r.status_code == 429:
            assert int(r.headers["Retry-After"]) >= 1
            break
    assert seen[-1] == 429, seen
