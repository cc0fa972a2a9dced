"""The review UI in a real headless Chromium (Debian's), driven by Playwright, against a running `dlp serve`."""

from __future__ import annotations

import smtplib

import httpx

from tests.conftest import Sink
from tests.synthetic import SyntheticRegistry, account_body, email
from tests.web.conftest import OFFICER, ORG_PHONE, REVIEWER, SENDER, Serve, hold, log_in, needs_chromium

pytestmark = needs_chromium


def test_review_release_discard_roles_and_csrf(
    serve: Serve, browser, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a, b, c = synthetic.ordinary()[11:14]
    body = f"Dear {a.given_name},\n\n{account_body(b)}\n\nCall us on {ORG_PHONE} or write to {b.email}."
    hold(serve.relay_port, a, b, body=body)
    hold(serve.relay_port, c, b)

    # Logged out: no incident data, only the login page.
    anonymous = browser.new_context().new_page()
    anonymous.goto(serve.url + "/incidents")
    assert anonymous.url.endswith("/login") and "INC-" not in anonymous.content()

    officer = log_in(browser, serve.url, OFFICER)
    assert officer.locator("#chart").count() == 1
    officer.goto(serve.url + "/incidents?channel=relay")
    links = officer.locator("#incidents td a")
    assert links.count() == 2
    first, second = sorted(links.all_inner_texts())

    officer.goto(f"{serve.url}/incidents/{first}")
    evidence = officer.inner_text("#evidence")
    # Each value found says what and whose; the client's own details never show.
    assert f"‹account ref · {b.client_id}›" in evidence and b.reference not in evidence and a.email not in evidence
    assert a.given_name not in evidence and f"‹given name · {a.client_id}›" in evidence
    assert f"‹email · {b.client_id}›" in evidence and b.email not in evidence
    assert ORG_PHONE in evidence  # the organisation's own number stays readable
    kinds = officer.locator("#people .recipient-kind").all_inner_texts()
    assert kinds == [f"client {a.client_id}"]
    officer.click("#release")
    # Nothing is sent before the reviewer has seen where it goes.
    assert officer.inner_text("#recipients") == a.email and sink[0].messages == []
    officer.fill("#release-why", "checked with the customer: joint matter")
    officer.click("#confirm-release")
    officer.wait_for_selector("#message")
    assert "delivered" in officer.inner_text("#message")
    assert [rcpts for _, rcpts, _ in sink[0].messages] == [[a.email]]
    assert "released" in officer.inner_text("#history")

    officer.goto(f"{serve.url}/incidents/{second}")
    officer.fill("#discard-why", "sent in error; not to be delivered")
    officer.click("#discard")
    officer.wait_for_selector("#message")
    assert "discarded" in officer.inner_text("#history")
    assert len(sink[0].messages) == 1

    # A reviewer sees no way to the original, and is refused it.
    hold(serve.relay_port, a, c)
    reviewer = log_in(browser, serve.url, REVIEWER)
    reviewer.goto(serve.url + "/incidents?status=open&channel=relay")
    third = [t for t in reviewer.locator("#incidents td a").all_inner_texts() if t not in (first, second)][0]
    reviewer.goto(f"{serve.url}/incidents/{third}")
    assert reviewer.locator("#original").count() == 0
    response = reviewer.request.get(f"{serve.url}/incidents/{third}/original")
    assert response.status == 403
    officer.goto(f"{serve.url}/incidents/{third}")
    assert officer.request.get(f"{serve.url}/incidents/{third}/original").status == 200

    # A forged POST with a valid session but without the CSRF token is refused.
    cookies = {c["name"]: c["value"] for c in officer.context.cookies()}
    forged = httpx.post(f"{serve.url}/incidents/{third}/release", data={"why": "forged"}, cookies=cookies)
    assert forged.status_code == 403
    assert len(sink[0].messages) == 1


def test_a_held_original_larger_than_a_scan_reads_is_not_read_whole_to_show_it(
    tmp_path, registry_csv, browser, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    """The incident page says the original is too large to show instead of reading it into the web process; the
    officer's download streams it, byte for byte, with its length."""
    serve = Serve(tmp_path, registry_csv, sink[1], extra="[limits]\nmax_item_expanded_bytes = 1000\n")
    try:
        a = synthetic.ordinary()[20]
        body = account_body(a) + "\n" + "Notes for the file.\n" * 200  # over the 1000 bytes a scan may read
        with smtplib.SMTP("127.0.0.1", serve.relay_port, timeout=60) as client:  # CRLF lines, as an MTA sends
            client.sendmail(SENDER, [a.email], email([a.email], "Your account", body).replace(b"\n", b"\r\n"))
        officer = log_in(browser, serve.url, OFFICER)
        officer.goto(serve.url + "/incidents?channel=relay")
        (reference,) = officer.locator("#incidents td a").all_inner_texts()
        officer.goto(f"{serve.url}/incidents/{reference}")
        assert "too large to show here" in officer.inner_text("p.error")
        got = officer.request.get(f"{serve.url}/incidents/{reference}/original")
        assert got.status == 200 and int(got.headers["content-length"]) == len(got.body()) > 4000
        assert b"Notes for the file.\n" * 200 in got.body().replace(b"\r\n", b"\n")
    finally:
        serve.stop()
