"""The review UI in a real headless Chromium (Debian's), driven by Playwright, against a running `dlp serve`."""

from __future__ import annotations

import os
import shutil
import smtplib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Sink, free_port, wait_for_port
from tests.relay.conftest import write_config
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, email

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not shutil.which(CHROMIUM) and not os.environ.get("CI"), reason="needs Debian chromium (installed by .ci/run)"
)
OFFICER, REVIEWER, PASSWORD = "olivia", "reggie", "a long enough password"
SENDER = f"billing@{ORG_DOMAIN}"


class Serve:
    def __init__(self, tmp_path: Path, registry_csv: Path, sink_port: int) -> None:
        self.relay_port, self.web_port = free_port(), free_port()
        self.config = write_config(tmp_path, registry_csv, self.relay_port, sink_port)
        with self.config.open("a") as handle:
            handle.write(f'[web]\nlisten = "127.0.0.1:{self.web_port}"\n')
        exe = str(Path(sys.executable).with_name("dlp"))
        for name, role in ((OFFICER, "privacy_officer"), (REVIEWER, "reviewer")):
            subprocess.run(
                [exe, "users", "add", name, "--role", role, "--password-stdin", "--config", str(self.config)],
                input=PASSWORD + "\n",
                text=True,
                check=True,
                capture_output=True,
                cwd=tmp_path,
            )
        self.process = subprocess.Popen(
            [exe, "serve", "--config", str(self.config)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        wait_for_port(self.relay_port, process=self.process)
        wait_for_port(self.web_port, process=self.process)
        self.url = f"http://127.0.0.1:{self.web_port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


@pytest.fixture
def serve(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]) -> Iterator[Serve]:
    running = Serve(tmp_path, registry_csv, sink[1])
    yield running
    running.stop()


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


def hold(port: int, to, about) -> None:  # type: ignore[no-untyped-def]
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        assert client.sendmail(SENDER, [to.email], email([to.email], "Your account", account_body(about))) == {}


def log_in(browser, url: str, user: str):  # type: ignore[no-untyped-def]
    page = browser.new_context().new_page()
    page.goto(url + "/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(url + "/")
    return page


def test_review_release_discard_roles_and_csrf(
    serve: Serve, browser, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a, b, c = synthetic.ordinary()[11:14]
    hold(serve.relay_port, a, b)
    hold(serve.relay_port, c, b)

    # Logged out: no incident data, only the login page.
    anonymous = browser.new_context().new_page()
    anonymous.goto(serve.url + "/incidents")
    assert anonymous.url.endswith("/login") and "INC-" not in anonymous.content()

    officer = log_in(browser, serve.url, OFFICER)
    assert officer.locator("#chart").count() == 1
    officer.goto(serve.url + "/incidents?channel=relay")
    links = officer.locator("#incidents a")
    assert links.count() == 2
    first, second = sorted(links.all_inner_texts())

    officer.goto(f"{serve.url}/incidents/{first}")
    evidence = officer.inner_text("#evidence")
    assert "<REDACTED>" in evidence and b.reference not in evidence and a.email not in evidence
    officer.fill("#release-why", "checked with the customer: joint matter")
    officer.click("#release")
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
    third = [t for t in reviewer.locator("#incidents a").all_inner_texts() if t not in (first, second)][0]
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
