"""Release rules in Chromium (issue 13, points 1, 2 and 7): a victim's suppressed detail or a critical item is
released only by a privacy officer, after a second officer's approval where configured; nothing is released or
discarded once closed; the destination is shown before anything is sent; parallel clicks deliver once; refused
relay mail keeps its evidence."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from dlp.config import load_config
from dlp.quarantine import Quarantine
from dlp.store import IncidentStore
from tests.conftest import Sink
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry
from tests.web.conftest import (
    OFFICER,
    OFFICER2,
    REVIEWER,
    Serve,
    csrf_of,
    hold,
    incident_ids,
    log_in,
    needs_chromium,
)

pytestmark = needs_chromium
STAFF = f"accounts@{ORG_DOMAIN}"  # internal, but not on the list of staff allowed suppressed details


@pytest.fixture
def serve2(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]) -> Iterator[Serve]:
    running = Serve(tmp_path, registry_csv, sink[1], extra="[review]\nsecond_approval = true\n")
    yield running
    running.stop()


def _store(serve: Serve) -> IncidentStore:
    return IncidentStore.from_config(load_config(serve.config))


def test_critical_release_needs_officers_and_closed_is_final(
    serve2: Serve, browser, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    victim, ex = synthetic.victim, synthetic.ex_partner
    a, b = synthetic.ordinary()[20:22]
    body = f"Please update the file: {victim.name} now lives at {victim.postal_address}."
    assert hold(serve2.relay_port, None, None, recipient=STAFF, body=body) == "250"  # held: internal, critical
    refused = hold(
        serve2.relay_port, ex, None, body=f"Your joint account: the other holder is at {victim.postal_address}."
    )
    assert refused.startswith("550")  # refused to the ex-partner ...
    assert hold(serve2.relay_port, a, b) == "250"  # an ordinary mismatched recipient, held
    store = _store(serve2)
    critical, rejected, ordinary = (i.reference or "" for i in store.list())
    assert store.get(critical).severity == "critical"  # type: ignore[union-attr]
    # ... and its original is kept, encrypted, as evidence (point 2).
    kept = store.get(rejected)
    assert kept is not None and kept.decision == "reject" and kept.quarantine_ref
    assert b"other holder" in Quarantine.from_config(load_config(serve2.config)).load(kept.quarantine_ref)

    reviewer = log_in(browser, serve2.url, REVIEWER)
    reviewer.goto(f"{serve2.url}/incidents/{critical}")
    assert reviewer.locator("#release").count() == 0
    assert "only by a privacy officer" in reviewer.inner_text("#release-refused")
    # Posting the release anyway (with a valid CSRF token) is refused too, and nothing is sent.
    reviewer.goto(f"{serve2.url}/incidents/{critical}/release")
    assert "only by a privacy officer" in reviewer.inner_text("#message")
    forced = reviewer.request.post(
        f"{serve2.url}/incidents/{critical}/release", form={"csrf": csrf_of(reviewer), "why": "I am sure"}
    )
    assert "privacy officer" in forced.text() and sink[0].messages == []

    olivia = log_in(browser, serve2.url, OFFICER)
    olivia.goto(f"{serve2.url}/incidents/{critical}")
    assert "second privacy officer" in olivia.inner_text("#release-refused")
    olivia.fill("#approve-why", "checked with the family-violence team")
    olivia.click("#approve")
    olivia.wait_for_selector("#message")
    assert "approved" in olivia.inner_text("#history")
    assert olivia.locator("#release").count() == 0  # who approved may not also release

    oscar = log_in(browser, serve2.url, OFFICER2)
    oscar.goto(f"{serve2.url}/incidents/{critical}")
    assert OFFICER in oscar.inner_text("#officer-only")
    oscar.click("#release")
    assert oscar.inner_text("#recipients") == STAFF and sink[0].messages == []  # seen before confirming
    oscar.fill("#release-why", "the support team needs it; approved by the second officer")
    oscar.click("#confirm-release")
    oscar.wait_for_selector("#message")
    assert "delivered" in oscar.inner_text("#message")
    assert [rcpts for _, rcpts, _ in sink[0].messages] == [[STAFF]]

    # The refused message's evidence is shown, but it is never delivered.
    oscar.goto(f"{serve2.url}/incidents/{rejected}")
    assert oscar.locator("#evidence").count() == 1 and oscar.locator("#release").count() == 0
    assert "evidence" in oscar.inner_text("#release-refused")

    # Closed: no release, no discard, on the page or by a direct post.
    olivia.goto(f"{serve2.url}/incidents/{ordinary}")
    olivia.fill("form[action$='/close'] input[name=why]", "recipient corrected; letter resent by hand")
    olivia.click("form[action$='/close'] button")
    olivia.wait_for_selector("#message")
    assert olivia.locator("#release").count() == 0 and olivia.locator("#discard").count() == 0
    for verb in ("release", "discard"):
        answer = olivia.request.post(
            f"{serve2.url}/incidents/{ordinary}/{verb}", form={"csrf": csrf_of(olivia), "why": "after all"}
        )
        assert "is closed" in answer.text()
    assert len(sink[0].messages) == 1 and store.get(ordinary).quarantine_ref  # type: ignore[union-attr]
    store.close()


def test_parallel_release_clicks_deliver_once(
    serve: Serve, browser, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a, b = synthetic.ordinary()[30:32]
    assert hold(serve.relay_port, a, b) == "250"
    officer = log_in(browser, serve.url, OFFICER)
    officer.goto(serve.url + "/incidents")
    (reference,) = incident_ids(officer)
    officer.goto(f"{serve.url}/incidents/{reference}/release")
    cookies = {c["name"]: c["value"] for c in officer.context.cookies()}
    form = {"csrf": csrf_of(officer), "why": "confirmed with the customer"}

    def click(_: int) -> str:
        with httpx.Client(cookies=cookies, follow_redirects=True, timeout=120) as client:
            page = client.post(f"{serve.url}/incidents/{reference}/release", data=form).text
            return page.split('id="message">', 1)[1].split("<", 1)[0]  # what the reviewer is told

    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(click, range(6)))
    assert len(sink[0].messages) == 1
    assert sum("delivered" in text for text in answers) == 1
    assert all("Not done" in text for text in answers if "delivered" not in text)
    officer.goto(f"{serve.url}/incidents/{reference}")
    assert officer.inner_text("#history").count("released") == 1
