"""The daily digest (issue 13, point 5): overdue, due today and due by the next business day, in local days,
PII-free, through the next hop (a real SMTP server on a socket), at most once per local day."""

from __future__ import annotations

import re
import subprocess
import time
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import update

from dlp.config import Config, load_config
from dlp.digest import build, next_run, send_digest
from dlp.errors import ConfigError, ForwardError
from dlp.store import IncidentStore
from dlp.store.models import Incident
from dlp.store.search import Query
from tests.conftest import Sink, free_port, wait_for_port, wait_until
from tests.store.generate import fill
from tests.web.conftest import DLP

ZONE = "Australia/Melbourne"
# Thursday 2 April 2026 in Victoria: Good Friday (3rd), Easter Saturday, Sunday (daylight saving ends on the
# 5th at 3 am: AEDT, UTC+11, becomes AEST, UTC+10) and Easter Monday (6th) lie before the next business day.
THURSDAY_8AM = datetime(2026, 4, 1, 21, 0, tzinfo=UTC)  # 08:00 AEDT on Thursday 2 April
TUESDAY_8AM = datetime(2026, 4, 6, 22, 0, tzinfo=UTC)  # 08:00 AEST on Tuesday 7 April (UTC still says Monday)


def write_config(tmp_path: Path, port: int, incidents: str = "") -> Path:
    path = tmp_path / "dlp.toml"
    path.write_text(
        f'[organisation]\nname = "Riverbend Water"\ntimezone = "{ZONE}"\n'
        f'[store]\nurl = "sqlite:///{tmp_path}/dlp.db"\n[relay]\nnext_hop = "127.0.0.1:{port}"\n'
        f'[alerts]\nlink_base = "https://review.example"\n'
        f'[incidents]\nholidays = "AU-VIC"\ndigest_to = ["privacy-team@riverbendwater.example"]\n{incidents}'
    )
    return path


def due(store: IncidentStore, deadlines: dict[int, tuple[str, date, date]]) -> None:
    """Give incidents (by id) a status, a report date and a close date; every other one is closed."""
    with store.engine.begin() as connection:
        connection.execute(update(Incident).values(status="closed"))
        for number, (status, report, close) in deadlines.items():
            connection.execute(
                update(Incident)
                .where(Incident.id == number)
                .values(
                    status=status, report_due=report, close_due=close, severity="high" if number % 2 else "critical"
                )
            )


def reference(store: IncidentStore, number: int) -> str:
    with store.engine.connect() as connection:
        return str(
            connection.scalar(
                Incident.__table__.select().with_only_columns(Incident.reference).where(Incident.id == number)
            )
        )


def body_of(raw: bytes) -> tuple[Message, str]:
    message = message_from_bytes(raw)
    return message, message.get_payload(decode=True).decode().replace("\r\n", "\n")  # type: ignore[union-attr]


def section(body: str, title: str) -> set[str]:
    """The incident ids listed under one group's title."""
    part = body.split(title, 1)[1].split("\n\n", 1)[0]
    return set(re.findall(r"INC-\d{4}-\d{6}", part))


@pytest.fixture
def easter(tmp_path: Path, sink: tuple[Sink, int]) -> tuple[Config, IncidentStore, dict[str, str]]:
    config = load_config(write_config(tmp_path, sink[1]))
    store = IncidentStore.from_config(config)
    fill(store, 12, seed=3, days=30)
    d = date
    due(
        store,
        {
            1: ("open", d(2026, 3, 31), d(2026, 4, 20)),  # report date passed
            2: ("reported", d(2026, 3, 30), d(2026, 4, 1)),  # reported, close date passed
            3: ("open", d(2026, 4, 2), d(2026, 4, 28)),  # report today
            4: ("reported", d(2026, 3, 27), d(2026, 4, 2)),  # close today
            5: ("open", d(2026, 4, 3), d(2026, 4, 29)),  # Good Friday
            6: ("reported", d(2026, 3, 28), d(2026, 4, 5)),  # Sunday, the day the clocks go back
            7: ("open", d(2026, 4, 6), d(2026, 5, 1)),  # Easter Monday
            8: ("open", d(2026, 4, 7), d(2026, 5, 2)),  # Tuesday, the next business day
            9: ("open", d(2026, 4, 8), d(2026, 5, 3)),  # Wednesday: in Tuesday's digest, not Thursday's
            10: ("reported", d(2026, 4, 1), d(2026, 4, 9)),  # reported: only its close date counts
        },
    )
    names = {f"#{n}": reference(store, n) for n in range(1, 11)}
    return config, store, names


def test_groups_in_local_days_across_easter_and_daylight_saving(
    easter: tuple[Config, IncidentStore, dict[str, str]], sink: tuple[Sink, int]
) -> None:
    config, store, n = easter
    outcome = send_digest(config, store, THURSDAY_8AM)
    assert outcome.sent and len(sink[0].messages) == 1
    sender, recipients, raw = sink[0].messages[0]
    assert sender == "<>" and recipients == ["privacy-team@riverbendwater.example"]
    message, body = body_of(raw)
    assert message["Subject"] == "Privacy incidents Thu 2 Apr 2026: 2 overdue, 2 due today, 4 due next"
    assert section(body, "Overdue:") == {n["#1"], n["#2"]}
    assert section(body, "Due today, Thu 2 Apr 2026:") == {n["#3"], n["#4"]}
    # Nothing due over the long weekend waits for Tuesday's digest, where it would already be late.
    assert section(body, "Due by the next business day, Tue 7 Apr 2026:") == {n["#5"], n["#6"], n["#7"], n["#8"]}
    assert f"{n['#1']}  report by Tue 31 Mar 2026 (2 days late)" in body
    assert f"{n['#2']}  close by Wed 1 Apr 2026 (1 day late)" in body
    assert f"{n['#6']}  close by Sun 5 Apr 2026" in body
    # Each group links to the same incidents in the list.
    link = "https://review.example/incidents?due_from=2026-04-03&due_until=2026-04-07"
    assert link in body and "https://review.example/incidents?overdue=1" in body
    listed, _ = store.search(Query(due_from="2026-04-03", due_until="2026-04-07"), today=date(2026, 4, 2))
    assert {i.reference for i in listed} == {n["#5"], n["#6"], n["#7"], n["#8"]}
    # PII-free: no client ids or initials, none of the incident's description.
    assert not re.search(r"C\d{6}|A\.B\.|account reference", body + str(message["Subject"]))

    # Tuesday 08:00 AEST is still Monday (a public holiday) in UTC: the digest goes, for the local Tuesday.
    outcome = send_digest(config, store, TUESDAY_8AM)
    assert outcome.sent and len(sink[0].messages) == 2
    _, body = body_of(sink[0].messages[1][2])
    assert section(body, "Due today, Tue 7 Apr 2026:") == {n["#8"]}
    assert section(body, "Due tomorrow, Wed 8 Apr 2026:") == {n["#9"]}
    assert {n["#5"], n["#6"], n["#7"]} <= section(body, "Overdue:")
    store.close()


def test_digest_days_and_times_follow_the_local_calendar(easter: tuple[Config, IncidentStore, dict[str, str]]) -> None:
    config, store, _ = easter
    # After Thursday's digest the next is Tuesday's, at 08:00 on the clock of a day an hour later in UTC.
    assert next_run(config, THURSDAY_8AM) == TUESDAY_8AM
    assert next_run(config, THURSDAY_8AM - timedelta(minutes=1)) == THURSDAY_8AM
    # Easter Monday and the weekend send nothing; every_day sends on them too, "due tomorrow" then.
    monday = datetime(2026, 4, 5, 22, 0, tzinfo=UTC)
    outcome = send_digest(config, store, monday)
    assert not outcome.sent and "not a business day" in outcome.why
    every_day = Config(
        **{
            **config.__dict__,
            "incidents": type(config.incidents)(**{**config.incidents.__dict__, "digest_every_day": True}),
        }
    )
    assert next_run(every_day, THURSDAY_8AM) == THURSDAY_8AM + timedelta(days=1)
    assert [g.title for g in build(every_day, store, date(2026, 4, 4)).groups][2] == "Due tomorrow, Sun 5 Apr 2026"
    bad = Config(
        **{
            **config.__dict__,
            "incidents": type(config.incidents)(**{**config.incidents.__dict__, "digest_time": "8am"}),
        }
    )
    with pytest.raises(ConfigError, match="HH:MM"):
        next_run(bad, THURSDAY_8AM)
    store.close()


def test_once_per_local_day_even_after_a_restart_and_again_after_a_failure(
    easter: tuple[Config, IncidentStore, dict[str, str]], sink: tuple[Sink, int], tmp_path: Path
) -> None:
    config, store, _ = easter
    assert send_digest(config, store, THURSDAY_8AM).sent
    later = send_digest(config, store, THURSDAY_8AM + timedelta(hours=15, minutes=59))  # 23:59 the same day
    assert not later.sent and "sent already" in later.why
    store.close()
    restarted = IncidentStore.from_config(config)  # a restarted process reads the audit log
    assert not send_digest(config, restarted, THURSDAY_8AM + timedelta(hours=2)).sent
    assert len(sink[0].messages) == 1
    assert [e.subject for e in restarted.audit_log("digest_sent")] == ["digest 2026-04-02"]

    # Tuesday: the next hop is down; the failure is audited and a later try that day sends it.
    sink[0].controller.stop()
    with pytest.raises(ForwardError, match="not sent"):
        send_digest(config, restarted, TUESDAY_8AM)
    assert [e.subject for e in restarted.audit_log("digest_failed")] == ["digest 2026-04-07"]
    sink[0].controller = Controller(sink[0], hostname="127.0.0.1", port=sink[1], decode_data=False)
    sink[0].controller.start()
    assert send_digest(config, restarted, TUESDAY_8AM + timedelta(minutes=10)).sent
    assert not send_digest(config, restarted, TUESDAY_8AM + timedelta(minutes=20)).sent
    assert len(sink[0].messages) == 2
    restarted.close()


def test_nothing_sent_when_nothing_is_due_unless_configured(tmp_path: Path, sink: tuple[Sink, int]) -> None:
    config = load_config(write_config(tmp_path, sink[1]))
    store = IncidentStore.from_config(config)
    outcome = send_digest(config, store, THURSDAY_8AM)
    assert not outcome.sent and "nothing overdue or due" in outcome.why and not sink[0].messages
    store.close()
    config = load_config(write_config(tmp_path, sink[1], "digest_when_empty = true\n"))
    store = IncidentStore.from_config(config)
    assert send_digest(config, store, THURSDAY_8AM).sent
    _, body = body_of(sink[0].messages[0][2])
    assert "Nothing is overdue or due." in body and "Overdue: 0" in body
    store.close()


def _dlp(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [DLP, "incidents", "digest", "--config", str(config), *args], capture_output=True, text=True, timeout=120
    )


def _today_due(tmp_path: Path, port: int, extra: str = "") -> tuple[Path, str]:
    """A register with one incident overdue today, whatever day the test runs (every day a digest day)."""
    path = write_config(tmp_path, port, "digest_every_day = true\n" + extra)
    config = load_config(path)
    store = IncidentStore.from_config(config)
    fill(store, 3, seed=4, days=10)
    today = store.today()
    due(store, {2: ("open", today - timedelta(days=1), today + timedelta(days=20))})
    name = reference(store, 2)
    store.close()
    return path, name


def test_command_for_cron_dry_run_then_once_a_day(tmp_path: Path, sink: tuple[Sink, int]) -> None:
    config, name = _today_due(tmp_path, sink[1])
    dry = _dlp(config, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert name in dry.stdout and "Subject: Privacy incidents" in dry.stdout and not sink[0].messages
    first, second = _dlp(config), _dlp(config)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "sent:" in first.stdout and "sent already" in second.stdout
    assert len(sink[0].messages) == 1 and name in body_of(sink[0].messages[0][2])[1]


def test_dlp_web_sends_at_the_configured_time_once_across_a_restart(
    tmp_path: Path, sink: tuple[Sink, int], registry_csv: Path
) -> None:
    # digest_time 00:00: the time has come whenever the test runs, so `dlp web` sends as it starts.
    config, name = _today_due(tmp_path, sink[1], 'digest_time = "00:00"\n')
    port = free_port()
    with config.open("a") as handle:
        handle.write(f'[web]\nlisten = "127.0.0.1:{port}"\n[registry]\npath = "{registry_csv}"\n')
    for attempt in range(2):
        web = subprocess.Popen([DLP, "web", "--config", str(config)], cwd=tmp_path, stderr=subprocess.PIPE)
        try:
            wait_for_port(port, process=web)
            if attempt == 0:
                assert wait_until(lambda: sink[0].messages, timeout=60)
            else:
                time.sleep(3)  # time enough for the digest thread to look and find it sent
        finally:
            web.terminate()
            web.wait(timeout=60)
    assert len(sink[0].messages) == 1 and name in body_of(sink[0].messages[0][2])[1]


def test_a_bad_digest_time_stops_dlp_web(tmp_path: Path, sink: tuple[Sink, int], registry_csv: Path) -> None:
    config = write_config(tmp_path, sink[1], 'digest_time = "25:00"\n')
    with config.open("a") as handle:
        handle.write(f'[web]\nlisten = "127.0.0.1:{free_port()}"\n[registry]\npath = "{registry_csv}"\n')
    web = subprocess.run(
        [DLP, "web", "--config", str(config)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert web.returncode == 2 and "digest_time" in web.stderr and "Traceback" not in web.stderr
