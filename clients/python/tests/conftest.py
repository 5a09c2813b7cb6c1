"""Fixtures: real vecshard clusters started with `vecshard up` on free ports.

`cluster` is a plaintext cluster with 2 workers, `secure_cluster` one started
with `--secure` (TLS, API keys, a CA). Both start together, in the background,
as soon as the first test that needs either runs, and are stopped (SIGTERM to
`vecshard up`, then SIGKILL to its whole process group) when the session ends,
also when pytest is interrupted. When a test fails, the clusters' logs are
shown at the end of the run.

Environment:
  VECSHARD_CLI   the built CLI (default: <repo>/packages/cli/dist/main.js)
  VECSHARD_NODE  the node binary (default: node on PATH)
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import pytest

HERE = Path(__file__).resolve().parent
PYTHON_DIR = HERE.parent
REPO = PYTHON_DIR.parent.parent
sys.path.insert(0, str(PYTHON_DIR))

START_TIMEOUT_S = float(os.environ.get("VECSHARD_TEST_START_TIMEOUT_S", "180"))
READY = re.compile(r"vecshard ready at (\S+)")


@dataclass
class Cluster:
    """A `vecshard up` process and what it printed."""

    name: str
    secure: bool
    workers: int
    data_dir: Path
    log_path: Path
    process: Optional[subprocess.Popen] = None
    address: str = ""
    error: str = ""
    ready: threading.Event = field(default_factory=threading.Event)
    # Set once the start finished (ready or not).
    started: threading.Event = field(default_factory=threading.Event)

    @property
    def secrets(self) -> Path:
        return self.data_dir / "secrets"

    @property
    def ca(self) -> Path:
        return self.secrets / "ca.crt"

    def key(self, role: str) -> str:
        keys = json.loads((self.secrets / "api-keys.json").read_text())
        return next(entry["key"] for entry in keys if entry["role"] == role)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"

    def start(self) -> None:
        cli = os.environ.get("VECSHARD_CLI") or str(REPO / "packages/cli/dist/main.js")
        node = os.environ.get("VECSHARD_NODE") or shutil.which("node") or "node"
        if not Path(cli).exists():
            self.error = f"{cli} does not exist: build the repository first (bash scripts/setup.sh)"
            self.started.set()
            return
        args = [
            node,
            cli,
            "up",
            "--port",
            "0",
            "--workers",
            str(self.workers),
            "--data-dir",
            str(self.data_dir),
            "--verbose",
        ]
        if self.secure:
            args.append("--secure")
        log = open(self.log_path, "wb")
        env = {k: v for k, v in os.environ.items() if not k.startswith("VECSHARD_")}
        # Its own process group, so that teardown reaches redis-server, the workers and the coordinator
        # too; and SIGTERM (it stops its cluster) should pytest itself die without cleaning up.
        self.process = subprocess.Popen(
            args,
            cwd=str(self.data_dir),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            preexec_fn=_terminate_with_parent,
        )
        log.close()
        threading.Thread(target=self._wait_ready, name=f"{self.name}-ready", daemon=True).start()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        assert self.process is not None
        while time.monotonic() < deadline:
            match = READY.search(self.log())
            if match:
                self.address = match.group(1)
                self.ready.set()
                break
            if self.process.poll() is not None:
                self.error = f"vecshard up exited with code {self.process.returncode} before it was ready"
                break
            time.sleep(0.05)
        else:
            self.error = f"vecshard up was not ready after {START_TIMEOUT_S:.0f} s"
        self.started.set()

    def wait(self) -> "Cluster":
        self.started.wait(START_TIMEOUT_S + 5)
        if not self.ready.is_set():
            pytest.fail(f"the {self.name} cluster did not start: {self.error or 'timed out'}\n{self.log()[-4000:]}")
        return self

    def stop(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        try:
            process.send_signal(signal.SIGTERM)  # `vecshard up` stops its cluster and exits
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # whatever it left behind
            except (ProcessLookupError, PermissionError):
                pass
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass


def _terminate_with_parent() -> None:
    """In the child, before exec: SIGTERM when the process that started it dies (Linux's PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except OSError:
        pass


def _interrupted(signum: int, frame: object) -> None:
    # SIGTERM (a runner's timeout) ends the run like Ctrl-C: pytest reports and the clusters are stopped.
    raise KeyboardInterrupt(f"signal {signum}")


if threading.current_thread() is threading.main_thread():
    signal.signal(signal.SIGTERM, _interrupted)

_root = Path(tempfile.mkdtemp(prefix="vecshard-python-tests-"))
_clusters: Dict[str, Cluster] = {}
_lock = threading.Lock()
_failed: List[str] = []


def _cleanup() -> None:
    for cluster in _clusters.values():
        cluster.stop()
    shutil.rmtree(_root, ignore_errors=True)


atexit.register(_cleanup)


def _launch(session: pytest.Session) -> None:
    """Starts every cluster the collected tests need, all at once (each takes seconds to start)."""
    with _lock:
        if _clusters:
            return
        wanted = set()
        for item in session.items:
            names = getattr(item, "fixturenames", ())
            if "cluster" in names:
                wanted.add("plain")
            if "secure_cluster" in names:
                wanted.add("secure")
        for name in sorted(wanted):
            data_dir = _root / name
            data_dir.mkdir(parents=True, exist_ok=True)
            cluster = Cluster(
                name=name,
                secure=name == "secure",
                workers=2 if name == "plain" else 1,
                data_dir=data_dir,
                log_path=_root / f"{name}.log",
            )
            _clusters[name] = cluster
            cluster.start()


@pytest.fixture(scope="session")
def cluster(request: pytest.FixtureRequest) -> Cluster:
    """A plaintext `vecshard up` cluster with 2 workers (data dir: ``cluster.data_dir``, an import root)."""
    _launch(request.session)
    return _clusters["plain"].wait()


@pytest.fixture(scope="session")
def secure_cluster(request: pytest.FixtureRequest) -> Cluster:
    """A `vecshard up --secure` cluster with 1 worker: ``.ca`` and ``.key(role)``."""
    _launch(request.session)
    return _clusters["secure"].wait()


@pytest.fixture(scope="session")
def address(cluster: Cluster) -> str:
    return cluster.address


@pytest.fixture()
def client(address: str):
    import vecshard

    with vecshard.Client(address, timeout=120, env={}) as made:
        yield made


_names = iter(range(1_000_000))


@pytest.fixture()
def name(request: pytest.FixtureRequest) -> str:
    """A collection name unique to the test."""
    base = re.sub(r"[^A-Za-z0-9_]", "_", request.node.name)[:80]
    return f"{base}_{next(_names)}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for cluster in _clusters.values():
        cluster.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        _failed.append(item.nodeid)


def pytest_terminal_summary(terminalreporter, exitstatus: int) -> None:  # type: ignore[no-untyped-def]
    if not _failed:
        return
    for cluster in _clusters.values():
        terminalreporter.section(f"vecshard up ({cluster.name}) log, last 150 lines")
        terminalreporter.write_line("\n".join(cluster.log().splitlines()[-150:]))
