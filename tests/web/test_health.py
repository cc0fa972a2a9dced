"""`dlp web` on its own: the review UI with /metrics, /healthz and /readyz on its port, as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import free_port, wait_for_port

EXE = str(Path(sys.executable).with_name("dlp"))


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def write_config(tmp_path: Path, registry: Path, port: int) -> Path:
    config = tmp_path / "dlp.toml"
    config.write_text(
        f'[registry]\npath = "{registry}"\n[store]\nurl = "sqlite:///var/dlp.db"\n'
        f'[web]\nlisten = "127.0.0.1:{port}"\n[logging]\nformat = "json"\nlevel = "info"\n'
    )
    return config


def test_web_alone_serves_login_health_and_metrics(tmp_path: Path, registry_csv: Path) -> None:
    port = free_port()
    config = write_config(tmp_path, registry_csv, port)
    process = subprocess.Popen(
        [EXE, "web", "--config", str(config)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for_port(port, process=process)
        base = f"http://127.0.0.1:{port}"
        status, page = get(base + "/login")
        assert status == 200 and 'name="password"' in page
        status, body = get(base + "/readyz")
        assert status == 200 and json.loads(body) == {"ready": True, "checks": {"registry": "ok", "store": "ok"}}
        assert get(base + "/healthz")[0] == 200
        status, text = get(base + "/metrics")
        assert status == 200 and "dlp_registry_valid 1.0" in text and "dlp_registry_clients 300.0" in text
        health = subprocess.run([EXE, "health", "web", "--config", str(config)], capture_output=True, text=True)
        assert health.returncode == 0 and '"ready":true' in health.stdout.replace(" ", "")
        # A second one on the same port: a clear error, exit 2, no traceback.
        again = subprocess.run([EXE, "web", "--config", str(config)], capture_output=True, text=True, cwd=tmp_path)
        assert again.returncode == 2 and "cannot listen" in again.stderr and "Traceback" not in again.stderr
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode == 0
    logged = [json.loads(line) for line in process.stderr.read().splitlines() if line.startswith("{")]
    assert any(entry["logger"] == "dlp.registry" for entry in logged)


def test_web_without_a_registry_is_alive_but_not_ready(tmp_path: Path) -> None:
    port = free_port()
    config = write_config(tmp_path, tmp_path / "missing.dlpidx", port)
    process = subprocess.Popen([EXE, "web", "--config", str(config)], cwd=tmp_path, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process=process)
        status, body = get(f"http://127.0.0.1:{port}/readyz")
        answer = json.loads(body)
        assert status == 503 and answer["checks"]["store"] == "ok" and "not found" in answer["checks"]["registry"]
        assert get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        assert get(f"http://127.0.0.1:{port}/login")[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
