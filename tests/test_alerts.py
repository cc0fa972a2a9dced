"""Alerts for critical incidents (issue 13, point 6): a PII-free email through the next hop, rate-limited
across processes by the store's audit log."""

from __future__ import annotations

from email import message_from_bytes
from pathlib import Path

from dlp.config import load_config
from dlp.extract import communication_from_message
from dlp.model import Channel
from dlp.store import IncidentStore
from tests.conftest import Sink, wait_until
from tests.synthetic import SyntheticRegistry, email


def test_critical_incidents_alert_without_personal_data(
    tmp_path: Path, scanner, synthetic: SyntheticRegistry, sink: tuple[Sink, int]
) -> None:
    config_path = tmp_path / "dlp.toml"
    config_path.write_text(
        f'[store]\nurl = "sqlite:///{tmp_path}/dlp.db"\n[relay]\nnext_hop = "127.0.0.1:{sink[1]}"\n'
        '[alerts]\nto = ["privacy-team@riverbendwater.example"]\nper_hour = 2\nlink_base = "https://review.example"\n'
    )
    store = IncidentStore.from_config(load_config(config_path))
    victim, ex = synthetic.victim, synthetic.ex_partner
    data = email([ex.email], "Joint account", f"The other holder now lives at {victim.postal_address}.")
    item = communication_from_message(data, "m.eml")
    verdict = scanner.scan(item, record=False)
    assert verdict.severity is not None and verdict.severity.value == "critical"
    references = [store.record(verdict, item, Channel.RELAY, scanner.index, "refused") for _ in range(3)]
    assert wait_until(lambda: len(sink[0].messages) == 2, timeout=30)

    # Each alert is sent on its own: the first incident's may arrive second.
    sender, recipients, raw = next(m for m in sink[0].messages if references[0].encode() in m[2])
    assert recipients == ["privacy-team@riverbendwater.example"]
    alert = message_from_bytes(raw)
    body = alert.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert references[0] in alert["Subject"] and f"https://review.example/incidents/{references[0]}" in body
    assert "suppressed_detail_exposed" in body and "relay" in body
    for detail in (victim.postal_address, victim.client_id, ex.email, victim.family_name, ex.client_id):
        assert detail not in body and detail not in alert["Subject"]
    # The third within the hour is withheld, and the audit log says so.
    withheld = store.audit_log("alert_withheld")
    assert [e.subject for e in withheld] == [references[2]] and len(store.audit_log("alert")) == 2
    store.close()
