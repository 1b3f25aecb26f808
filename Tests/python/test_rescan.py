"""Disk scan against the real binary: a title whose folder holds real-world file names.

Creates, through the API of a running ``idkarr serve``: an instance, a root folder (a temporary
folder tree), a series with episodes and an anime with absolute numbers whose paths point into
that tree; then ``POST /api/v1/media/{id}/rescan`` and reads the titles back with GET. File
names come from the Sonarr parser tests (Tests/Fixtures/parsing/tv.json).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import IdkarrServer

API = "/api/v1"

SERIES_FILES = {
    "Season 01/Series Title - S01E01 - Day 100 [SDTV].mkv": ["S01E01"],
    "Season 01/Super.Series.S01.Ep06.1080p.BluRay.DTS.x264-MiR.mkv": ["S01E06"],
    "Season 02/Hell.on.Series.S02E09-E10.720p.HDTV.x264-EVOLVE.mkv": ["S02E09", "S02E10"],
    "Specials/S00E16 - Dear Title - SD TV.avi": ["S00E16"],
}
UNMATCHED = {"Season 03/Series.Title.S03E07.720p.HDTV.x264-DIMENSION.mkv": "no episode S03E07 in this series"}
SKIPPED = ["Season 01/Series.Title.S01E02.720p.HDTV.x264-sample.mkv", "Extras/Series Title - S01E03 - Making Of.mkv",
           "@eaDir/Series.Title.S01E05.720p.HDTV.x264.mkv"]
IGNORED = ["Season 01/Series Title - S01E01 - Day 100 [SDTV].srt", "Season 01/folder.jpg"]


def code(e: dict) -> str:
    return f"S{e['seasonNumber']:02d}E{e['episodeNumber']:02d}"


def write(folder: Path, names, size: int = 1000) -> None:
    for name in names:
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "wb") as f:
            f.truncate(size)


@pytest.fixture
def tree():
    root = Path(tempfile.mkdtemp(prefix="idkarr-rescan-"))
    yield root
    shutil.rmtree(root, ignore_errors=True)


def create(s, server: IdkarrServer, path: str, body: dict) -> dict:
    r = s.post(server.url(API + path), json=body, timeout=30)
    assert r.status_code == 201, f"{path}: {r.status_code} {r.text}"
    return r.json()


def test_rescan_records_episode_files(idkarr_server: IdkarrServer, tree: Path):
    s = idkarr_server.admin_session()
    tv = create(s, idkarr_server, "/instances", {"name": "TV rescan", "mediaType": "series"})
    create(s, idkarr_server, "/rootfolders", {"path": str(tree), "instanceId": tv["id"]})
    show = tree / "Series Title (2010)"
    write(show, list(SERIES_FILES) + list(UNMATCHED) + SKIPPED + IGNORED)
    episodes = [{"seasonNumber": 1, "episodeNumber": n} for n in range(1, 7)]
    episodes += [{"seasonNumber": 2, "episodeNumber": n} for n in range(1, 11)]
    episodes += [{"seasonNumber": 0, "episodeNumber": 16}]
    media = create(s, idkarr_server, "/media", {"instanceId": tv["id"], "mediaType": "series", "title": "Series Title",
                                                 "year": 2010, "path": str(show), "episodes": episodes})

    r = s.post(idkarr_server.url(f"{API}/media/{media['id']}/rescan"), timeout=60)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["matched"] == len(SERIES_FILES)
    assert report["added"] == len(SERIES_FILES)
    assert report["videoFiles"] == len(SERIES_FILES) + len(UNMATCHED)
    assert report["skipped"] == len(SKIPPED)
    assert {u["relativePath"]: u["reason"] for u in report["unmatched"]} == UNMATCHED
    assert report["cleared"] == []

    got = s.get(idkarr_server.url(f"{API}/media/{media['id']}"), timeout=30).json()
    files = {code(e): e["episodeFile"] for e in got["episodes"] if e["hasFile"]}
    expected = {c: str(show / name) for name, codes in SERIES_FILES.items() for c in codes}
    assert {c: f["path"] for c, f in files.items()} == expected
    assert files["S01E06"]["quality"]["name"] == "Bluray-1080p"
    assert files["S01E06"]["releaseGroup"] == "MiR"
    assert all(f["size"] == 1000 for f in files.values())
    assert got["statistics"]["episodeFileCount"] == len(expected)

    # Remove one file and rescan: its episode has no file any more; the others keep their dateAdded.
    os.remove(show / "Specials/S00E16 - Dear Title - SD TV.avi")
    again = s.post(idkarr_server.url(f"{API}/media/{media['id']}/rescan"), timeout=60).json()
    assert again["cleared"] == [str(show / "Specials/S00E16 - Dear Title - SD TV.avi")]
    after = s.get(idkarr_server.url(f"{API}/media/{media['id']}"), timeout=30).json()
    left = {code(e): e["episodeFile"] for e in after["episodes"] if e["hasFile"]}
    assert "S00E16" not in left
    assert left["S01E01"]["dateAdded"] == files["S01E01"]["dateAdded"]


def test_rescan_anime_by_absolute_number(idkarr_server: IdkarrServer, tree: Path):
    s = idkarr_server.admin_session()
    anime = create(s, idkarr_server, "/instances", {"name": "Anime rescan", "mediaType": "anime"})
    folder = tree / "Series Title"
    write(folder, ["[Cthuyuu].Series.Title.-.03.[720p.H264.AAC][8AD82C3A].mkv", "Series Title - 010 (720p) [27AAA0A0].mkv"])
    episodes = [{"seasonNumber": 1, "episodeNumber": n, "absoluteEpisodeNumber": n} for n in range(1, 13)]
    media = create(s, idkarr_server, "/media", {"instanceId": anime["id"], "mediaType": "anime", "title": "Series Title",
                                                 "path": str(folder), "episodes": episodes})
    r = s.post(idkarr_server.url(f"{API}/media/{media['id']}/rescan"), timeout=60)
    assert r.status_code == 200, r.text
    got = s.get(idkarr_server.url(f"{API}/media/{media['id']}"), timeout=30).json()
    assert sorted(code(e) for e in got["episodes"] if e["hasFile"]) == ["S01E03", "S01E10"]


def test_rescan_errors_are_problems(idkarr_server: IdkarrServer, tree: Path):
    s = idkarr_server.admin_session()
    tv = create(s, idkarr_server, "/instances", {"name": "TV rescan errors", "mediaType": "series"})
    gone = create(s, idkarr_server, "/media", {"instanceId": tv["id"], "mediaType": "series", "title": "Gone",
                                                "path": str(tree / "not here")})
    bare = create(s, idkarr_server, "/media", {"instanceId": tv["id"], "mediaType": "series", "title": "No path"})
    for media_id, status in [(gone["id"], 409), (bare["id"], 400), (987654, 404)]:
        r = s.post(idkarr_server.url(f"{API}/media/{media_id}/rescan"), timeout=30)
        assert r.status_code == status, r.text
        assert r.headers["Content-Type"].startswith("application/problem+json")
    assert s.get(idkarr_server.url(f"{API}/media/{gone['id']}"), timeout=30).json()["version"] == 1
