"""Deadlines and days in the organisation's local time (issue 13, point 5): public holidays from the `holidays`
package by country and subdivision, extra days, and the dashboard's days counted in local time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from dlp.config import load_config
from dlp.errors import ConfigError
from dlp.store import IncidentStore
from dlp.store.deadlines import due_dates
from dlp.store.models import Incident
from dlp.store.search import Query
from tests.store.generate import fill


def test_holidays_by_subdivision_and_extra_days(tmp_path: Path) -> None:
    path = tmp_path / "dlp.toml"
    path.write_text(
        '[organisation]\ntimezone = "Australia/Melbourne"\n'
        '[incidents]\nholidays = "AU-VIC"\npublic_holidays = ["2026-11-05"]\n'
    )
    config = load_config(path)
    assert config.zone == ZoneInfo("Australia/Melbourne")
    # Melbourne Cup day (Tue 3 Nov 2026) is a holiday in Victoria only; 5 Nov is the organisation's own.
    assert date(2026, 11, 3) in config.holidays and date(2026, 11, 5) in config.holidays
    assert due_dates(date(2026, 11, 2), config.holidays)[0] == date(2026, 11, 9)  # Wed, Fri, Mon
    path.write_text('[incidents]\nholidays = "AU-NSW"\n')
    assert date(2026, 11, 3) not in load_config(path).holidays
    assert due_dates(date(2026, 11, 2), load_config(path).holidays)[0] == date(2026, 11, 5)
    for bad in ('[incidents]\nholidays = "XX-YY"\n', '[organisation]\ntimezone = "Mars/Olympus"\n'):
        path.write_text(bad)
        with pytest.raises(ConfigError):
            load_config(path)


def test_dashboard_days_and_date_filters_are_local(tmp_path: Path) -> None:
    zone = ZoneInfo("Australia/Melbourne")
    local = IncidentStore(f"sqlite:///{tmp_path}/dlp.db", zone=zone)
    fill(local, 2, days=1)
    first, second = (i.reference for i in local.list())
    # 14:30 UTC on 20 Nov is 01:30 on 21 Nov in Melbourne (AEDT, UTC+11).
    with local.engine.begin() as connection:
        for reference, moment in (
            (first, datetime(2026, 11, 20, 14, 30, tzinfo=UTC)),
            (second, datetime(2026, 11, 20, 12, 0, tzinfo=UTC)),
        ):
            connection.execute(update(Incident).where(Incident.reference == reference).values(created_at=moment))
    days = local.incidents_per_day(days=3, today=date(2026, 11, 21))
    assert sum(days[date(2026, 11, 21)].values()) == 1 and sum(days[date(2026, 11, 20)].values()) == 1
    rows, total = local.search(Query(since="2026-11-21", until="2026-11-21"))
    assert [r.reference for r in rows] == [first]
    utc = IncidentStore(f"sqlite:///{tmp_path}/dlp.db")
    assert sum(utc.incidents_per_day(days=3, today=date(2026, 11, 21))[date(2026, 11, 20)].values()) == 2
    assert utc.search(Query(since="2026-11-21", until="2026-11-21"))[1] == 0
    local.close()
    utc.close()
