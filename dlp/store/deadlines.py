"""Incident deadlines: report within 3 business days, close within 28 days of becoming aware."""

from __future__ import annotations

from collections.abc import Container, Iterable
from datetime import date, timedelta

from dlp.workdays import Calendar

REPORT_BUSINESS_DAYS = 3
CLOSE_DAYS = 28


def add_business_days(start: date, days: int, holidays: Iterable[date] | Container[date] = ()) -> date:
    """The date `days` business days after `start`, skipping weekends and the given public holidays."""
    skip = holidays if isinstance(holidays, Calendar) else set(holidays)  # type: ignore[arg-type]
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in skip:
            remaining -= 1
    return current


def due_dates(aware: date, holidays: Iterable[date] | Container[date] = ()) -> tuple[date, date]:
    return add_business_days(aware, REPORT_BUSINESS_DAYS, holidays), aware + timedelta(days=CLOSE_DAYS)
