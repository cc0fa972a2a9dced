"""Public holidays for business-day deadlines: a country and subdivision from the `holidays` package
("AU-VIC"), and extra days an organisation adds (its own close-down days)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from dlp.errors import ConfigError


class Calendar:
    """Public holidays of a country and subdivision (the `holidays` package, e.g. "AU-VIC"), and extra days."""

    def __init__(self, region: str = "", extra: Iterable[date] = ()) -> None:
        self.region, self.extra = region, frozenset(extra)
        self._official: Any = None
        if region:
            import holidays

            country, _, subdivision = region.upper().partition("-")
            try:
                self._official = holidays.country_holidays(country, subdiv=subdivision or None)
            except NotImplementedError:
                raise ConfigError(f"[incidents] holidays: no public holidays known for {region!r}") from None

    def __contains__(self, day: object) -> bool:
        return day in self.extra or (self._official is not None and day in self._official)

    def __iter__(self) -> Any:  # the extra days only: the official ones are not a finite list
        return iter(sorted(self.extra))

    def name(self, day: date) -> str | None:
        if self._official is not None and day in self._official:
            return str(self._official.get(day))
        return "public holiday" if day in self.extra else None
