"""The incident list and dashboard with 10,000 incidents, in Chromium against `dlp web` in its own process
(issue 13, points 3, 5, 8 and 9): search, sorting, pages, bulk close with one justification, the CSV export of
the filtered list, the dashboard's bars leading to their incidents, local times. Screenshots of the list, an
incident and the dashboard are written next to the test's files (DLP_SCREENSHOTS=folder keeps them)."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dlp.config import load_config
from dlp.store import IncidentStore
from dlp.store.search import Query
from tests.conftest import Sink
from tests.store.generate import fill
from tests.web.conftest import OFFICER, Web, incident_ids, log_in, needs_chromium

pytestmark = needs_chromium
ZONE = "Australia/Melbourne"


@pytest.fixture
def web(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]) -> Iterator[Web]:
    # The register is written before the UI starts: 10,000 incidents over the last 90 days.
    config = tmp_path / "pre.toml"
    config.write_text(f'[store]\nurl = "sqlite:///{tmp_path}/var/dlp.db"\n')
    store = IncidentStore.from_config(load_config(config))
    fill(store, 10_000, seed=8, days=90)
    store.close()
    running = Web(tmp_path, registry_csv, sink[1], organisation=f'timezone = "{ZONE}"\n')
    yield running
    running.stop()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DLP_SCREENSHOTS", tmp_path / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_search_sort_pages_bulk_export_and_dashboard(web: Web, browser, tmp_path: Path) -> None:
    store = IncidentStore.from_config(load_config(web.config))
    officer = log_in(browser, web.url, OFFICER)
    officer.set_viewport_size({"width": 1400, "height": 1000})
    shots = _shots(tmp_path)
    officer.screenshot(path=str(shots / "dashboard.png"), full_page=True)

    # The dashboard: each segment of a bar leads to its incidents of that local day and rule.
    bars = officer.locator("#chart a")
    assert bars.count() >= 14
    title = str(bars.nth(bars.count() - 1).locator("title").text_content())  # e.g. "Sun 22 Nov: 12 Wrong recipient"
    expected = int(title.split(": ", 1)[1].split()[0])
    bars.nth(bars.count() - 1).click()
    officer.wait_for_url("**/incidents?rule=*")
    assert int(officer.inner_text("#total").split()[0]) == expected
    assert "AEDT" in officer.inner_text("#incidents") or "AEST" in officer.inner_text("#incidents")  # local times

    # The axis is labelled in round numbers.
    officer.goto(web.url + "/")
    ticks = [int(t) for t in officer.locator("#chart > text").all_text_contents() if t.isdigit()]
    assert ticks[0] == 0 and len({b - a for a, b in zip(ticks, ticks[1:], strict=False)}) == 1
    assert str(ticks[1]).rstrip("0") in ("1", "2", "5")

    # Rows are not all highlighted: only critical incidents not yet closed are marked, and all of those.
    officer.goto(web.url + "/incidents?per_page=200")
    rows = officer.locator("#incidents tr:has(input[name=ref])")
    cells = [
        (rows.nth(n).locator("td").nth(4).inner_text(), rows.nth(n).locator("td").nth(7).inner_text())
        for n in range(rows.count())
    ]
    marked = officer.locator("#incidents tr.critical").count()
    assert marked == sum(1 for severity, status in cells if severity == "critical" and status != "closed")
    assert 0 < marked < len(cells) == 200
    officer.screenshot(path=str(shots / "list-all.png"), full_page=True)

    # Search by a client id; then everything, sorted by severity, page 2.
    client = store.search(Query(per_page=25))[0][3].clients[0]["id"]
    officer.goto(web.url + "/incidents")
    officer.fill("input[name=q]", client)
    officer.click("#filter")
    found = incident_ids(officer)
    assert found and int(officer.inner_text("#total").split()[0]) == store.search(Query(q=client))[1]
    assert all(client in officer.inner_text("#incidents") for _ in found)

    officer.goto(web.url + "/incidents?status=open")
    officer.click("#sort-severity")
    officer.wait_for_url("**sort=severity**")
    severities = officer.locator("#incidents tr td:nth-child(5)").all_inner_texts()
    assert severities[0] == "critical" and len(severities) == 50
    first_page = incident_ids(officer)
    officer.click("#next")
    officer.wait_for_url("**page=2**")
    assert not set(first_page) & set(incident_ids(officer))
    officer.screenshot(path=str(shots / "list.png"), full_page=True)

    # Bulk close three ticked incidents with one justification.
    ticked = [officer.locator("#incidents input[name=ref]").nth(n).get_attribute("value") for n in range(3)]
    for n in range(3):
        officer.locator("#incidents input[name=ref]").nth(n).check()
    officer.fill("#bulk-why", "duplicates of one mail-out; customers contacted")
    officer.click("#bulk-close")
    officer.wait_for_selector("#message")
    assert "3 closed" in officer.inner_text("#message")
    for reference in ticked:
        incident = store.get(str(reference))
        assert incident is not None and incident.status == "closed"
        assert incident.action_taken == "duplicates of one mail-out; customers contacted"

    # The CSV export is the whole filtered list, not one page.
    officer.goto(web.url + "/incidents?channel=folder&status=closed")
    total = int(officer.inner_text("#total").split()[0])
    with officer.expect_download() as download:
        officer.click("#export")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert len(rows) == total > 50 and {r["channel"] for r in rows} == {"folder"}
    assert {r["status"] for r in rows} == {"closed"} and all(r["clients"].startswith("C") for r in rows)

    officer.goto(f"{web.url}/incidents/{ticked[0]}")
    officer.screenshot(path=str(shots / "incident.png"), full_page=True)
    assert "duplicates of one mail-out" in officer.inner_text("#history")
    store.close()
