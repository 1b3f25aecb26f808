"""The idkarr command line, run as a user would: real binary, real data folders.

Covers `user create` / `user reset-password` (account recovery from a shell), `check` (exit code
says whether a folder is healthy), `backup --to` (an archive that a new install restores by
unpacking), and the one-writer lock (a second `serve` on the same folder exits at once).
"""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
from pathlib import Path

import requests

from conftest import start_server

BIN = os.environ.get("IDKARR_BIN", "")


def idkarr(*args: str, env: dict | None = None, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def test_user_create_then_login_and_reset(tmp_path: Path):
    data = tmp_path / "data"
    made = idkarr("user", "create", "root", "--data", str(data), "--password-env", "PW", env={"PW": "first password"})
    assert made.returncode == 0, made.stderr
    assert "admin" in made.stdout  # the first user is always an admin

    short = idkarr("user", "create", "kid", "--data", str(data), stdin="short\n")
    assert short.returncode != 0 and "8 to 256" in short.stderr

    reset = idkarr("user", "reset-password", "root", "--data", str(data), stdin="second password\n")
    assert reset.returncode == 0, reset.stderr
    missing = idkarr("user", "reset-password", "nobody", "--data", str(data), stdin="whatever123\n")
    assert missing.returncode != 0 and "nobody" in missing.stderr

    server = start_server(data)
    try:
        s = server.session()
        assert s.post(server.url("/api/v1/auth/login"), json={"username": "root", "password": "first password"}).status_code == 401
        ok = s.post(server.url("/api/v1/auth/login"), json={"username": "root", "password": "second password"})
        assert ok.status_code == 200 and ok.json()["role"] == "admin"
    finally:
        server.stop()


def test_second_server_on_the_same_folder_exits(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    server = start_server(data)
    try:
        second = idkarr("serve", "--host", "127.0.0.1", "--port", "1", "--data", str(data), timeout=30)
        assert second.returncode != 0
        assert "in use" in second.stderr
        # The first server is unharmed.
        assert requests.get(server.url("/api/v1/auth/status"), timeout=5).status_code == 200
    finally:
        server.stop()


def test_check_reports_health_and_damage(tmp_path: Path):
    data = tmp_path / "data"
    assert idkarr("user", "create", "root", "--data", str(data), stdin="a good password\n").returncode == 0
    healthy = idkarr("check", "--data", str(data))
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    assert "users: 1 document" in healthy.stdout

    (data / "users" / "7.json").write_text('{"id": 7, "version": 1, "body": {"username": ')  # torn write from another tool
    damaged = idkarr("check", "--data", str(data))
    assert damaged.returncode == 1
    assert "7.json" in damaged.stdout
    assert (data / "users" / "7.json").exists(), "check must not move or change anything"

    gone = idkarr("check", "--data", str(tmp_path / "nothing-here"))
    assert gone.returncode != 0


def test_backup_restores_into_a_new_folder(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    server = start_server(data)
    try:
        admin = server.admin_session()
        inst = admin.post(server.url("/api/v1/instances"), json={"name": "TV", "mediaType": "series"})
        assert inst.status_code == 201
        media = admin.post(server.url("/api/v1/media"), json={
            "instanceId": inst.json()["id"], "mediaType": "series", "title": "Backed Up",
            "episodes": [{"seasonNumber": 1, "episodeNumber": 1}]})
        assert media.status_code == 201
        # Backup through the CLI while the server runs, and through the API.
        archive = tmp_path / "backup.tar.gz"
        done = idkarr("backup", "--data", str(data), "--to", str(archive))
        assert done.returncode == 0, done.stderr
        api = admin.get(server.url("/api/v1/system/backup"))
        assert api.status_code == 200 and api.headers["Content-Type"] == "application/gzip"
        assert "attachment" in api.headers["Content-Disposition"]
        (tmp_path / "api.tar.gz").write_bytes(api.content)
    finally:
        server.stop()

    for name in ("backup.tar.gz", "api.tar.gz"):
        with tarfile.open(tmp_path / name) as tar:
            names = tar.getnames()
            assert not any(n.endswith(".lock") for n in names)
            restored = tmp_path / f"restored-{name}"
            tar.extractall(restored, filter="data")
        assert idkarr("check", "--data", str(restored)).returncode == 0
        server = start_server(restored)
        try:
            s = server.session()
            status = s.get(server.url("/api/v1/auth/status")).json()
            assert status["setupRequired"] is False
            ok = s.post(server.url("/api/v1/auth/login"), json={"username": "admin", "password": "correct horse battery"})
            assert ok.status_code == 200
            titles = [m["title"] for m in s.get(server.url("/api/v1/media")).json()["records"]]
            assert titles == ["Backed Up"]
        finally:
            server.stop()


def test_parse_reads_titles_from_arguments_and_stdin():
    one = idkarr("parse", "Series.Title.S01E05.720p.HDTV.x264-GRP")
    assert one.returncode == 0, one.stderr
    parsed = json.loads(one.stdout)
    assert parsed["seasonNumber"] == 1 and parsed["episodeNumbers"] == [5]
    lines = ["The.Matrix.1999.1080p.BluRay.x264-GROUP", "", "\x00garbage\x7f", "Show.S02E03.WEB-DL"]
    many = idkarr("parse", stdin="\n".join(lines) + "\n")
    assert many.returncode == 0, many.stderr
    out = [json.loads(line) for line in many.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["year"] == 1999
