"""End to end: a running relay picks up a new suppression from a rebuilt index, with no restart; with no
valid registry it defers mail (451) until one appears."""

from __future__ import annotations

import smtplib
import time
from pathlib import Path

from tests.cli.test_cli import dlp
from tests.conftest import Sink, free_port
from tests.relay.conftest import RelayProcess, write_config
from tests.synthetic import SyntheticRegistry, email

RELOAD = 3
NEW_ADDRESS = ("77 Riverside Parade", "ECHUCA VIC 3564")


def send(port: int, sender: str, to: str, data: bytes) -> tuple[int, str]:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
        try:
            smtp.sendmail(sender, [to], data)
        except smtplib.SMTPResponseException as exc:
            return exc.smtp_code, exc.smtp_error.decode(errors="replace")
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            return code, text.decode(errors="replace")
    return 250, ""


def test_new_suppressed_address_blocks_mail_to_the_joint_holder_without_restart(
    tmp_path: Path, synthetic: SyntheticRegistry, sink: tuple[Sink, int]
) -> None:
    victim, ex = synthetic.victim, synthetic.ex_partner
    registry = tmp_path / "clients.csv"
    synthetic.write(registry)
    assert dlp("registry", "build", str(registry), "-o", "clients.dlpidx", cwd=tmp_path).returncode == 0
    port = free_port()
    config = write_config(tmp_path, tmp_path / "clients.dlpidx", port, sink[1])
    text = config.read_text().replace("[registry]\n", f"[registry]\nreload_seconds = {RELOAD}\n", 1)
    config.write_text(text.replace("workers = 1", "workers = 2"))  # every worker must switch
    relay = RelayProcess(config, port)
    try:
        # The victim's new address, in a note about the joint account sent to the ex-partner.
        message = email(
            [ex.email],
            "Your joint account",
            f"We have updated the account. Correspondence now goes to\n{NEW_ADDRESS[0]}\n{NEW_ADDRESS[1]}\n",
        )
        assert send(port, "billing@riverbendwater.example", ex.email, message)[0] == 250  # not known yet
        delivered = len(sink[0].messages)

        # She moves and asks for the new address to be suppressed: the CRM export changes, the index is rebuilt.
        lines = registry.read_text().splitlines()
        old = victim.postal_address
        victim_line = next(i for i, line in enumerate(lines) if line.startswith(victim.client_id + ","))
        new = f"{NEW_ADDRESS[0]}, Echuca VIC 3564"
        assert f'"{old}"' in lines[victim_line] and "postal_address" in lines[victim_line]
        lines[victim_line] = lines[victim_line].replace(f'"{old}"', f'"{new}"')
        registry.write_text("\n".join(lines) + "\n")
        assert dlp("registry", "build", str(registry), "-o", "clients.dlpidx", cwd=tmp_path).returncode == 0
        rebuilt = time.monotonic()

        blocked_after = None
        passed = 0  # sent before the new index was switched to: these went on, as they were checked
        while time.monotonic() - rebuilt < RELOAD + 30:
            code, reply = send(port, "billing@riverbendwater.example", ex.email, message)
            if code != 250 or "Held for privacy review" in reply:
                blocked_after = time.monotonic() - rebuilt
                break
            passed += 1
            time.sleep(0.2)
        assert blocked_after is not None, "the new suppression never applied"
        assert blocked_after <= RELOAD, f"took {blocked_after:.1f} s, more than reload_seconds"
        assert relay.process.poll() is None  # the same relay process throughout: no restart
        # Nothing after the rebuild reached the next hop except mail that passed before the switch.
        showing = [m for m in sink[0].messages[delivered:] if NEW_ADDRESS[0] in m[2].decode(errors="replace")]
        assert len(showing) == passed
        info = dlp("registry", "info", "clients.dlpidx", cwd=tmp_path)
        assert "in use:" in info.stdout
    finally:
        relay.stop()


def test_relay_without_a_valid_registry_defers_until_one_appears(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry, sink: tuple[Sink, int]
) -> None:
    index = tmp_path / "clients.dlpidx"
    index.write_bytes(b"DLPREGIX\x01\x00\x00\x00 half-written")
    port = free_port()
    config = write_config(tmp_path, index, port, sink[1])
    config.write_text(config.read_text().replace("[registry]\n", "[registry]\nreload_seconds = 2\n", 1))
    relay = RelayProcess(config, port)
    try:
        a = synthetic.ordinary()[0]
        message = email([a.email], "hello", "Your statement is attached.")
        code, reply = send(port, "billing@riverbendwater.example", a.email, message)
        assert code == 451 and "registry" in reply.lower()
        assert sink[0].messages == []
        assert dlp("registry", "build", str(registry_csv), "-o", str(index), cwd=tmp_path).returncode == 0
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and code != 250:
            time.sleep(0.3)
            code, reply = send(port, "billing@riverbendwater.example", a.email, message)
        assert code == 250 and len(sink[0].messages) == 1
    finally:
        relay.stop()
    assert "no valid client registry" in relay.process.stderr.read()
