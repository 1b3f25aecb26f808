"""Fake TMDB v3 and TVmaze servers that replay the recorded responses in Tests/Fixtures/metadata.

The URL → file mapping is the one of the Swift fakes (Tests/IdkarrMetadataTests/FakeTMDB.swift and
FakeTVmaze.swift): TMDB answers under ``/3`` and wants ``api_key=test-key`` (else its recorded
401 body); TVmaze answers at the root, ``/lookup/shows`` with a 301 to the show as TVmaze does.

One change to the recorded bodies: image addresses (TMDB's ``configuration`` image base, TVmaze's
``static.tvmaze.com`` URLs) point at this server, which answers any ``/img/…`` with a small PNG, so
a test never reaches the internet for artwork. ``script(path, answers)`` puts canned answers
(429, 500, garbage…) ahead of the recorded ones, as the Swift ``FakeServer.script`` does.
"""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "Fixtures" / "metadata"
TMDB_KEY = "test-key"
# A 1×1 PNG, the artwork of every title here.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def ok(name: str) -> Answer:
    return Answer(200, fixture(name))


def as_json(value, status: int = 200) -> Answer:
    return Answer(status, json.dumps(value).encode())


def merged(name: str, parts: dict[str, str]) -> Answer:
    """A recorded body with other recorded bodies added under keys, as append_to_response does."""
    body = json.loads(fixture(name))
    for key, part in parts.items():
        body.setdefault(key, json.loads(fixture(part)))
    return as_json(body)


# ---- TMDB ------------------------------------------------------------------------------------

TMDB_NOT_FOUND = Answer(404, fixture("tmdb/error-404_not-found.json"))
EMPTY_PAGE = {"page": 1, "results": [], "total_pages": 0, "total_results": 0}
EMPTY_FIND = {k: [] for k in ("movie_results", "person_results", "tv_results", "tv_episode_results", "tv_season_results")}


def tmdb_route(path: str, query: dict[str, str], base: str) -> Answer:
    if query.get("api_key") != TMDB_KEY:
        return Answer(401, fixture("tmdb/error-401_invalid-api-key.json"))
    parts = [p for p in path.split("/") if p]
    if not parts or parts[0] != "3":
        return TMDB_NOT_FOUND
    rest = parts[1:]
    head = rest[0] if rest else ""
    if head == "configuration":
        config = json.loads(fixture("tmdb/configuration.json"))
        config["images"]["base_url"] = config["images"]["secure_base_url"] = f"{base}/img/tmdb/"
        return as_json(config)
    if head == "search" and len(rest) == 2:
        return tmdb_search(rest[1], query)
    if head == "movie" and len(rest) == 2:
        return tmdb_movie(rest[1], query)
    if head == "tv" and len(rest) == 2:
        return tmdb_tv(rest[1], query)
    if head == "tv" and len(rest) == 4 and rest[2] == "season":
        return tmdb_season(rest[1], rest[3])
    if head == "find" and len(rest) == 2:
        return tmdb_find(rest[1], query.get("external_source"))
    return TMDB_NOT_FOUND


def tmdb_search(kind: str, query: dict[str, str]) -> Answer:
    text = query.get("query")
    if text is None:
        return Answer(422, fixture("tmdb/error-422_query-missing.json"))
    text, year = text.lower(), query.get("year") or query.get("primary_release_year") or query.get("first_air_date_year")
    if kind == "movie" and text == "the matrix" and year in (None, "1999"):
        return ok("tmdb/search-movie_the-matrix.json")
    if kind == "movie" and text == "star wars" and year == "1977":
        return ok("tmdb/search-movie_star-wars_year-1977.json")
    if kind == "tv" and text == "game of thrones":
        return ok("tmdb/search-tv_game-of-thrones.json")
    if kind == "tv" and text == "lupin":
        return ok("tmdb/search-tv_lupin.json")
    return as_json(EMPTY_PAGE)


def tmdb_movie(movie_id: str, query: dict[str, str]) -> Answer:
    append = set(filter(None, query.get("append_to_response", "").split(",")))
    if movie_id == "603":
        return ok("tmdb/movie-603_append-alternative_titles.json")
    if movie_id == "607":
        return ok("tmdb/movie-607_append-external_ids-videos-release_dates-credits-reviews-watch_providers.json")
    if movie_id == "550":
        parts = {}
        if "release_dates" in append:
            parts["release_dates"] = "tmdb/movie-550_release_dates.json"
        if "external_ids" in append:
            parts["external_ids"] = "tmdb/movie-550_external_ids.json"
        return merged("tmdb/movie-550.json", parts)
    return TMDB_NOT_FOUND


def tmdb_tv(tv_id: str, query: dict[str, str]) -> Answer:
    append = query.get("append_to_response", "").split(",")
    if tv_id == "1399":
        return merged("tmdb/tv-1399.json", {"external_ids": "tmdb/tv-1399_external_ids.json"} if "external_ids" in append else {})
    if tv_id == "96677":
        return ok("tmdb/tv-96677_append-external_ids-videos-credits-aggregate_credits-reviews-content_ratings-watch_providers.json")
    return TMDB_NOT_FOUND


def tmdb_season(tv_id: str, number: str) -> Answer:
    """Season 1 of Game of Thrones is recorded; other seasons of the recorded series have no episodes."""
    if tv_id not in ("1399", "96677") or not number.isdigit():
        return TMDB_NOT_FOUND
    if tv_id == "1399" and number == "1":
        return ok("tmdb/tv-1399_season-1.json")
    return as_json({"_id": "x", "season_number": int(number), "name": f"Season {number}", "episodes": []})


def tmdb_find(external_id: str, source: str | None) -> Answer:
    known = {("72023", "tvdb_id"): "tmdb/find_tvdb-72023.json", ("81189", "tvdb_id"): "tmdb/find_tvdb-81189.json",
             ("tt31193180", "imdb_id"): "tmdb/find_imdb-tt31193180.json"}
    name = known.get((external_id, source or ""))
    return ok(name) if name else as_json(EMPTY_FIND)


# ---- TVmaze ----------------------------------------------------------------------------------

TVMAZE_NOT_FOUND = as_json({"name": "Not Found", "message": "", "code": 0, "status": 404}, status=404)
TVMAZE_SHOWS = {"82": "tvmaze/shows-82_embed-cast-seasons-images-crew.json", "210": "tvmaze/shows-210.json",
                "6456": "tvmaze/shows-6456.json", "64860": "tvmaze/shows-64860.json"}
TVMAZE_EPISODES = {"82": "tvmaze/shows-82-episodes_specials-1.json", "210": "tvmaze/shows-210-episodes_specials-1.json",
                   "6456": "tvmaze/shows-6456-episodes_specials-1.json"}
TVMAZE_LOOKUP = {("thetvdb", "121361"): 82, ("imdb", "tt0944947"): 82, ("thetvdb", "78804"): 210, ("imdb", "tt0436992"): 210}


def tvmaze_route(path: str, query: dict[str, str], base: str) -> Answer:
    parts = [p for p in path.split("/") if p]
    head = parts[0] if parts else ""
    if head == "search" and parts[1:] == ["shows"]:
        q = query.get("q", "").lower()
        if q == "girls":
            return ok("tvmaze/search-shows_q-girls.json")
        if q == "battlestar galactica":
            return ok("tvmaze/search-shows_q-battlestar-galactica_EDITED-summaries.json")
        return Answer(200, b"[]")
    if head == "singlesearch":
        if query.get("q", "").lower() == "house md":
            return ok("tvmaze/singlesearch-shows_q-house-md_embed-seasons.json")
        return Answer(404)  # recorded: 404 with an empty body
    if head == "shows" and len(parts) == 2:
        return ok(TVMAZE_SHOWS[parts[1]]) if parts[1] in TVMAZE_SHOWS else TVMAZE_NOT_FOUND
    if head == "shows" and len(parts) == 3 and parts[2] == "episodes":
        if query.get("specials") != "1":
            return Answer(400, b"the fake serves only specials=1", content_type="text/plain")
        return ok(TVMAZE_EPISODES[parts[1]]) if parts[1] in TVMAZE_EPISODES else TVMAZE_NOT_FOUND
    if head == "lookup":
        show = next((TVMAZE_LOOKUP.get(item) for item in query.items() if item in TVMAZE_LOOKUP), None)
        return Answer(301, headers={"Location": f"{base}/shows/{show}"}) if show else TVMAZE_NOT_FOUND
    return TVMAZE_NOT_FOUND


def localize_tvmaze_images(body: bytes, base: str) -> bytes:
    for host in (b"https://static.tvmaze.com/", b"http://static.tvmaze.com/"):
        body = body.replace(host, f"{base}/img/tvmaze/".encode())
        body = body.replace(host.replace(b"/", b"\\/"), f"{base}/img/tvmaze/".replace("/", "\\/").encode())
    return body


# ---- the server ------------------------------------------------------------------------------

class FakeProvider:
    """One fake provider on 127.0.0.1 and a free port; ``base`` is its root address."""

    def __init__(self, route, localize=None):
        self._route = route
        self._localize = localize
        self._lock = threading.Lock()
        self._scripted: dict[str, list[Answer]] = {}
        self.requests: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def script(self, path: str, answers: list[Answer]) -> None:
        """Answer the next len(answers) requests to ``path`` with ``answers``, in order."""
        with self._lock:
            self._scripted.setdefault(path, []).extend(answers)

    def clear_script(self, path: str) -> None:
        with self._lock:
            self._scripted.pop(path, None)

    def count(self, prefix: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.startswith(prefix))

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, target: str) -> Answer:
        url = urlsplit(target)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        shown = "&".join(f"{k}={query[k]}" for k in sorted(query) if k != "api_key")
        with self._lock:
            self.requests.append(f"{url.path}?{shown}" if shown else url.path)
            queue = self._scripted.get(url.path)
            scripted = queue.pop(0) if queue else None
        if scripted:
            return scripted
        if url.path.startswith("/img/"):
            return Answer(200, PNG, content_type="image/png")
        answer = self._route(url.path, query, self.base)
        if self._localize and answer.status == 200:
            answer = Answer(answer.status, self._localize(answer.body, self.base), answer.headers, answer.content_type)
        return answer

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 — the http.server API
                answer = fake.answer(self.path)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, *args):  # quiet
                pass

        return Handler


@dataclass
class FakeProviders:
    tmdb: FakeProvider
    tvmaze: FakeProvider

    @property
    def tmdb_base(self) -> str:
        return self.tmdb.base + "/3"

    def settings(self, key: str = TMDB_KEY) -> dict:
        """The metadata settings that point idkarr at these fakes."""
        return {"tmdbApiKey": key, "tmdbLanguage": "en-US", "refreshIntervalHours": 12,
                "tmdbBaseURL": self.tmdb_base, "tvmazeBaseURL": self.tvmaze.base}

    def close(self) -> None:
        self.tmdb.close()
        self.tvmaze.close()


def start() -> FakeProviders:
    return FakeProviders(FakeProvider(tmdb_route), FakeProvider(tvmaze_route, localize_tvmaze_images))


# ---- fixtures: fakes and a library pointed at them -------------------------------------------

import pytest  # noqa: E402 — after the server code, which needs no pytest


@pytest.fixture(scope="module")
def providers():
    fakes = start()
    yield fakes
    fakes.close()


@dataclass
class TitlesLibrary:
    """A fresh idkarr pointed at the fakes, with a TV and a movie instance and a root folder each."""

    server: object
    tv: int
    movies: int
    tv_root: int
    movie_root: int
    profile: int
    tv_path: Path
    movie_path: Path

    def api(self, method: str, path: str, **kwargs):
        session = self.server.admin_session()
        return session.request(method, self.server.url("/api/v1" + path), timeout=60, **kwargs)


def _created(response) -> dict:
    assert response.status_code == 201, f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
    return response.json()


def make_library(server, fakes: FakeProviders, root: Path) -> TitlesLibrary:
    session = server.admin_session()
    url = server.url
    r = session.put(url("/api/v1/settings/metadata"), json=fakes.settings(), timeout=30)
    assert r.status_code == 200, r.text
    tv = _created(session.post(url("/api/v1/instances"), json={"name": "TV", "mediaType": "series"}, timeout=10))["id"]
    movies = _created(session.post(url("/api/v1/instances"), json={"name": "Movies", "mediaType": "movie"}, timeout=10))["id"]
    tv_path, movie_path = root / "tv", root / "movies"
    tv_path.mkdir(parents=True, exist_ok=True)
    movie_path.mkdir(parents=True, exist_ok=True)
    tv_root = _created(session.post(url("/api/v1/rootfolders"), json={"path": str(tv_path), "instanceId": tv}, timeout=10))["id"]
    movie_root = _created(session.post(url("/api/v1/rootfolders"), json={"path": str(movie_path), "instanceId": movies}, timeout=10))["id"]
    profile = _created(session.post(url("/api/v1/qualityprofiles"), json={
        "name": "HD", "upgradeAllowed": True, "cutoff": 7,
        "items": [{"quality": {"id": 4}, "allowed": True}, {"quality": {"id": 3}, "allowed": True}, {"quality": {"id": 7}, "allowed": True}],
    }, timeout=10))["id"]
    return TitlesLibrary(server, tv, movies, tv_root, movie_root, profile, tv_path, movie_path)


@pytest.fixture(scope="module")
def titles(server_factory, providers, tmp_path_factory) -> TitlesLibrary:
    return make_library(server_factory(), providers, tmp_path_factory.mktemp("library"))
