"""The app under gunicorn in a subprocess, on a free loopback port, with production settings."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.pgcluster import free_port

REPO_ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def production_env(workdir: Path, database_url: str, **extra: str) -> dict[str, str]:
    """DEBUG off, files in `workdir`, the database given: as a deployment would run."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "PYTEST", "MIRROR_", "MEDIA_", "STATIC_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="test-only-not-a-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(workdir / "media"),
        MIRROR_ROOT=str(workdir / "mirror"),
        STATIC_ROOT=str(workdir / "static"),
        SITE_URL="http://127.0.0.1",
        # Plain HTTP on loopback, as behind a proxy that ends TLS: no redirect to https.
        DJANGO_SECURE_SSL_REDIRECT="0",
        TASK_RETRY_DELAY_SECONDS="1",
        PYTHONPATH=str(REPO_ROOT),
        **extra,
    )
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class AppServer:
    """`gunicorn config.wsgi` with `workers` sync workers; `url(path)` for requests to it."""

    def __init__(self, env: dict[str, str], log: Path, *, workers: int = 2) -> None:
        self.port = free_port()
        self.log = log
        self._log_file = open(log, "wb")  # noqa: SIM115 (closed in stop())
        command = [
            PYTHON, "-m", "gunicorn", "config.wsgi",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers),
            "--worker-class", "sync",
            "--timeout", "60",
            "--preload",  # workers fork with the app loaded: ready at once
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _wait_until_up(self, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()}")
            try:
                urllib.request.urlopen(self.url("/accessibility/"), timeout=30).close()
                return
            except OSError:  # not listening yet, or a worker still starting on a busy machine
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer in {seconds} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        self._log_file.close()


def fetch(url: str, *, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict]:
    """Status, body and headers of a GET; an HTTP error status is returned, not raised."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)
