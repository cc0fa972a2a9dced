"""The relay's /metrics, /healthz and /readyz on [relay] metrics_listen, scraped over a socket from a running
`dlp relay`, and `dlp health relay` as a container healthcheck would run it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import Sink, free_port, wait_for_port, wait_until
from tests.relay.conftest import RelayProcess, write_config
from tests.relay.test_relay import send
from tests.synthetic import SyntheticRegistry, account_body, email


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def samples(body: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(body.decode())
        for s in family.samples
    }


def value(metrics: dict, name: str, **labels: str) -> float:
    return metrics.get((name, tuple(sorted(labels.items()))), 0.0)


def health(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("dlp")
    return subprocess.run(
        [str(exe), "health", "relay", "--config", str(config), *args], capture_output=True, text=True, timeout=60
    )


def test_counts_items_by_decision_and_rule_and_answers_health(
    tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    port, metrics_port = free_port(), free_port()
    config = write_config(tmp_path, registry_csv, port, sink[1], metrics_listen=f"127.0.0.1:{metrics_port}")
    relay = RelayProcess(config, port)
    base = f"http://127.0.0.1:{metrics_port}"
    try:
        wait_for_port(metrics_port)
        status, body = get(base + "/healthz")
        assert status == 200 and json.loads(body)["alive"] is True
        assert wait_until(lambda: get(base + "/readyz")[0] == 200, timeout=30)
        ready = json.loads(get(base + "/readyz")[1])
        assert ready["checks"] == {"registry": "ok", "relay_workers": "ok", "store": "ok"}
        assert health(config).returncode == 0 and health(config, "--live").returncode == 0

        a, b = synthetic.ordinary()[:2]
        assert send(port, email([a.email], "Your account", account_body(a)), [a.email])[0] == 250
        assert send(port, email([b.email], "Your account", account_body(a)), [b.email])[0] == 250  # held
        victim, ex = synthetic.victim, synthetic.ex_partner
        assert send(port, email([ex.email], "joint", f"She lives at {victim.postal_address}."), [ex.email])[0] == 550

        scraped = get(base + "/metrics")
        assert scraped[0] == 200
        metrics = samples(scraped[1])
        assert value(metrics, "dlp_items_total", channel="relay", decision="allow") == 1
        assert value(metrics, "dlp_items_total", channel="relay", decision="quarantine") == 1
        assert value(metrics, "dlp_items_total", channel="relay", decision="reject") == 1
        assert (
            value(metrics, "dlp_item_rules_total", channel="relay", rule="suppressed_detail_exposed", decision="reject")
            == 1
        )
        rules = {k[1]: v for k, v in metrics.items() if k[0] == "dlp_item_rules_total"}
        assert rules[(("channel", "relay"), ("decision", "quarantine"), ("rule", "mismatched_recipient"))] == 1
        assert value(metrics, "dlp_scan_duration_seconds_count", channel="relay") == 3
        assert value(metrics, "dlp_pending_items", channel="relay") == 0
        assert value(metrics, "dlp_pending_limit", channel="relay") == 32
        assert value(metrics, "dlp_workers", pool="relay") == 1
        assert value(metrics, "dlp_registry_valid") == 1
        assert value(metrics, "dlp_registry_clients") == len(synthetic.clients)
        assert 0 <= value(metrics, "dlp_registry_age_seconds") < 600
        assert [k for k in metrics if k[0] == "dlp_registry_info"]
        # Nothing from the messages themselves in the labels.
        assert a.email.encode() not in scraped[1] and victim.family_name.encode() not in scraped[1]

        # The next hop goes away: the relay defers (451) and counts why.
        sink[0].controller.stop()
        code, _ = send(port, email([a.email], "Your account", account_body(a)), [a.email])
        assert code == 451
        metrics = samples(get(base + "/metrics")[1])
        assert value(metrics, "dlp_tempfails_total", channel="relay", reason="next_hop_unavailable") == 1
        assert get(base + "/nothing")[0] == 404
        sink[0].controller = Controller(sink[0], hostname="127.0.0.1", port=sink[1], decode_data=False)
        sink[0].controller.start()
    finally:
        relay.stop()


def test_not_ready_without_a_registry(tmp_path: Path, sink: tuple[Sink, int], synthetic: SyntheticRegistry) -> None:
    port, metrics_port = free_port(), free_port()
    config = write_config(
        tmp_path, tmp_path / "missing.dlpidx", port, sink[1], metrics_listen=f"127.0.0.1:{metrics_port}"
    )
    relay = RelayProcess(config, port)
    base = f"http://127.0.0.1:{metrics_port}"
    try:
        wait_for_port(metrics_port)
        status, body = get(base + "/readyz")
        answer = json.loads(body)
        assert status == 503 and answer["ready"] is False
        assert "not found" in answer["checks"]["registry"] and answer["checks"]["store"] == "ok"
        assert get(base + "/healthz")[0] == 200  # alive: it answers 451, as it should, rather than dying
        result = health(config)
        assert result.returncode == 1 and "registry" in result.stdout
        a = synthetic.ordinary()[0]
        assert send(port, email([a.email], "hello", "Statement attached."), [a.email])[0] == 451
        metrics = samples(get(base + "/metrics")[1])
        assert value(metrics, "dlp_tempfails_total", channel="relay", reason="registry_unavailable") == 1
        assert value(metrics, "dlp_registry_valid") == 0
    finally:
        relay.stop()


def test_health_without_a_listener_is_a_usage_error(tmp_path: Path, registry_csv: Path) -> None:
    config = write_config(tmp_path, registry_csv, free_port(), free_port())
    result = health(config)
    assert result.returncode == 2 and "metrics_listen is not set" in result.stderr
    started = time.monotonic()
    config = write_config(tmp_path, registry_csv, free_port(), free_port(), metrics_listen=f"127.0.0.1:{free_port()}")
    result = health(config, "--timeout", "2")
    assert result.returncode == 1 and "not answering" in result.stderr and time.monotonic() - started < 30
