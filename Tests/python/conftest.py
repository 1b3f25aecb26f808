"""Shared fixtures for the Python tests: a real idkarr server and a headless Chromium.

The server is the binary named by IDKARR_BIN (``make test-python`` sets it), started as
``IDKARR_BIN serve --host 127.0.0.1 --port <free> --data <tmp> --web <repo>/web``.

- ``idkarr_server``: one server for the whole session (setup may already have happened there —
  use ``admin_session`` to get a signed-in admin whatever the order of tests).
- ``server_factory``: a fresh server with its own empty data folder, for tests that need the
  first-run setup step (which can happen only once per data folder).
- ``browser``: headless Chromium with the browser console log enabled.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
WEB_DIR = REPO / "web"
START_TIMEOUT = 30.0

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "correct horse battery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class IdkarrServer:
    """A running server: where it listens, its data folder, the process."""

    base_url: str
    data_dir: Path
    process: subprocess.Popen
    log_path: Path
    _admin: requests.Session | None = field(default=None, repr=False)

    def url(self, path: str) -> str:
        return self.base_url + path

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def session(self) -> requests.Session:
        """A requests session that sends the Origin header the CSRF check wants for cookie auth."""
        s = requests.Session()
        s.headers["Origin"] = self.base_url
        return s

    def admin_session(self) -> requests.Session:
        """A session signed in as the admin; registers the admin first if setup is still required."""
        if self._admin is not None:
            return self._admin
        s = self.session()
        status = s.get(self.url("/api/v1/auth/status"), timeout=10).json()
        creds = {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD}
        path = "/api/v1/auth/register" if status.get("setupRequired") else "/api/v1/auth/login"
        r = s.post(self.url(path), json=creds, timeout=30)
        assert r.status_code in (200, 201), f"{path}: {r.status_code} {r.text}"
        self._admin = s
        return s

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_server(data_dir: Path) -> IdkarrServer:
    """Start IDKARR_BIN on a free port and wait until /api/v1/auth/status answers."""
    binary = os.environ.get("IDKARR_BIN")
    if not binary:
        pytest.fail("IDKARR_BIN is not set: point it at the idkarr binary (make test-python does)")
    if not os.access(binary, os.X_OK):
        pytest.fail(f"IDKARR_BIN={binary} is not an executable file")
    port = _free_port()
    log_path = data_dir.parent / f"server-{port}.log"
    log = open(log_path, "wb")
    cmd = [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", str(data_dir), "--web", str(WEB_DIR)]
    process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    server = IdkarrServer(f"http://127.0.0.1:{port}", data_dir, process, log_path)
    deadline = time.monotonic() + START_TIMEOUT
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"idkarr exited with {process.returncode} during start-up:\n{server.log()}")
        try:
            if requests.get(server.url("/api/v1/auth/status"), timeout=2).status_code == 200:
                return server
        except requests.RequestException as exc:
            last_error = exc
        time.sleep(0.2)
    server.stop()
    pytest.fail(f"idkarr did not answer within {START_TIMEOUT:.0f}s ({last_error}):\n{server.log()}")


@pytest.fixture(scope="session")
def server_factory():
    """Call it to get a fresh server with an empty data folder; all are stopped at session end."""
    servers: list[IdkarrServer] = []
    root = Path(tempfile.mkdtemp(prefix="idkarr-test-"))

    def make() -> IdkarrServer:
        data = root / f"data-{len(servers)}"
        data.mkdir()
        server = start_server(data)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
    if os.environ.get("IDKARR_KEEP_DATA"):
        print(f"test data kept in {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def idkarr_server(server_factory) -> IdkarrServer:
    """The shared server of the session."""
    return server_factory()


def _chrome_options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


@pytest.fixture
def browser():
    """A headless Chromium (one per test: cookies and storage start empty)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=Service(driver_path), options=_chrome_options())
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """When a test that used a server fails, attach the end of that server's log to the report."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    server = item.funcargs.get("idkarr_server") if hasattr(item, "funcargs") else None
    if isinstance(server, IdkarrServer):
        report.sections.append(("idkarr server log (last 4000 characters)", server.log()[-4000:]))
