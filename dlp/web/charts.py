"""The dashboard's chart, drawn on the server as inline SVG (no script, no CDN): one bar per local day, stacked
by rule in each rule's own colour, with axes and labels; every segment links to the list of its incidents."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlencode

from dlp.rules import RULES

LEFT, TOP, HEIGHT, STEP, WIDTH = 48, 16, 200, 44, 32


def per_day_chart(counts: Mapping[date, Mapping[str, int]]) -> dict[str, Any]:
    """Bars for `counts` (local day -> rule -> incidents), oldest day first."""
    dates = sorted(counts)
    seen = {r for d in counts.values() for r in d}
    colours = {rule: RULES[rule].colour if rule in RULES else "#7f8c8d" for rule in sorted(seen | set(RULES))}
    highest = max([sum(counts[d].values()) for d in dates] + [1])
    step = _step(highest)
    peak = step * -(-highest // step)  # the axis ends on the first tick at or above the highest bar
    bottom = TOP + HEIGHT
    bars = []
    for x, day in enumerate(dates):
        y = float(bottom)
        for rule in sorted(colours):
            n = counts[day].get(rule, 0)
            if n:
                h = HEIGHT * n / peak
                y -= h
                link = "/incidents?" + urlencode({"rule": rule, "since": day.isoformat(), "until": day.isoformat()})
                title = f"{day:%a %d %b}: {n} {_rule_words(rule)}"
                bars.append(
                    {"x": LEFT + x * STEP, "y": y, "h": h, "colour": colours[rule], "title": title, "href": link}
                )
    ticks = [{"y": bottom - HEIGHT * v / peak, "text": str(v)} for v in range(0, peak + 1, step)]
    return {
        "bars": bars,
        "labels": [
            {"x": LEFT + x * STEP + WIDTH / 2, "day": f"{d:%a}", "date": f"{d:%d %b}"} for x, d in enumerate(dates)
        ],
        "ticks": ticks,
        "legend": {rule: colours[rule] for rule in sorted(seen)} or colours,
        "width": LEFT + len(dates) * STEP + 8,
        "left": LEFT,
        "top": TOP,
        "bottom": bottom,
        "bar_width": WIDTH,
        "total": sum(sum(c.values()) for c in counts.values()),
    }


def _step(peak: int) -> int:
    """A round distance between the axis's ticks (1, 2 or 5 times a power of ten), at most 6 of them above 0."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if peak <= 6 * factor * power:
                return factor * power
        power *= 10


def _rule_words(rule: str) -> str:
    return RULES[rule].title if rule in RULES else rule
