"""The dashboard's chart, drawn on the server as inline SVG (no script, no CDN): bars per day, one colour per
rule, each rule's colour its own."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dlp.rules import RULES


def per_day_chart(counts: Mapping[date, Mapping[str, int]]) -> dict[str, Any]:
    """Bars for `counts` (day -> rule -> incidents), oldest day first."""
    dates = sorted(counts)
    colours = {
        rule: RULES[rule].colour if rule in RULES else "#7f8c8d"
        for rule in sorted({r for d in counts.values() for r in d} | set(RULES))
    }
    peak = max([sum(counts[d].values()) for d in dates] + [1])
    bars = []
    for x, day in enumerate(dates):
        y = 200.0
        for rule in sorted(colours):
            n = counts[day].get(rule, 0)
            if n:
                h = 180 * n / peak
                y -= h
                bars.append({"x": 40 + x * 40, "y": y, "h": h, "colour": colours[rule], "title": f"{day} {rule}: {n}"})
    return {
        "bars": bars,
        "labels": [{"x": 40 + x * 40, "text": d.strftime("%d/%m")} for x, d in enumerate(dates)],
        "legend": colours,
        "peak": peak,
    }
