"""The review UI's fixtures: a running `dlp serve` (relay, and the web UI in its own process) with accounts,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import shutil
import smtplib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Sink, free_port, wait_for_port
from tests.relay.conftest import write_config
from tests.synthetic import ORG_DOMAIN, account_body, email

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    not shutil.which(CHROMIUM) and not os.environ.get("CI"), reason="needs Debian chromium (installed by .ci/run)"
)
OFFICER, OFFICER2, REVIEWER, PASSWORD = "olivia", "oscar", "reggie", "a long enough password"
SENDER = f"billing@{ORG_DOMAIN}"
DLP = str(Path(sys.executable).with_name("dlp"))


class Serve:
    """`dlp serve` on random ports, with two privacy officers and a reviewer; `extra` is more TOML."""

    command = "serve"

    def __init__(
        self, tmp_path: Path, registry_csv: Path, sink_port: int, extra: str = "", organisation: str = ""
    ) -> None:
        self.tmp_path = tmp_path
        self.relay_port, self.web_port = free_port(), free_port()
        self.config = write_config(tmp_path, registry_csv, self.relay_port, sink_port)
        if organisation:  # more keys of [organisation]
            self.config.write_text(
                self.config.read_text().replace("[organisation]\n", f"[organisation]\n{organisation}")
            )
        with self.config.open("a") as handle:
            handle.write(f'[web]\nlisten = "127.0.0.1:{self.web_port}"\n{extra}')
        for name, role in ((OFFICER, "privacy_officer"), (OFFICER2, "privacy_officer"), (REVIEWER, "reviewer")):
            self.dlp("users", "add", name, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")
        self.process = subprocess.Popen(
            [DLP, self.command, "--config", str(self.config)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        if self.command == "serve":
            wait_for_port(self.relay_port, process=self.process)
        wait_for_port(self.web_port, process=self.process)
        self.url = f"http://127.0.0.1:{self.web_port}"

    def dlp(self, *args: str, stdin: str = "", check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [DLP, *args, "--config", str(self.config)],
            input=stdin,
            text=True,
            check=check,
            capture_output=True,
            cwd=self.tmp_path,
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=90)


class Web(Serve):
    """`dlp web` alone: the review UI's own process, no relay."""

    command = "web"


ORG_PHONE = "1300 555 010"


@pytest.fixture
def serve(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]) -> Iterator[Serve]:
    running = Serve(tmp_path, registry_csv, sink[1], organisation=f'own_details = ["{ORG_PHONE}"]\n')
    yield running
    running.stop()


@pytest.fixture
def browser() -> Iterator[Any]:
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


def hold(port: int, to: Any, about: Any, recipient: str | None = None, body: str | None = None) -> str:
    """Send a message through the relay; returns its answer (250 held, or the refusal)."""
    rcpt = recipient or to.email
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        try:
            client.sendmail(SENDER, [rcpt], email([rcpt], "Your account", body or account_body(about)))
        except smtplib.SMTPDataError as refused:
            return f"{refused.smtp_code} {refused.smtp_error.decode()}"
    return "250"


def log_in(browser: Any, url: str, user: str, password: str = PASSWORD) -> Any:
    page = browser.new_context().new_page()
    page.goto(url + "/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(url + "/")
    return page


def incident_ids(page: Any) -> list[str]:
    return sorted(t for t in page.locator("#incidents td a").all_inner_texts() if re.match(r"INC-\d{4}-\d+$", t))


def csrf_of(page: Any) -> str:
    return str(page.locator("input[name=csrf]").first.get_attribute("value"))
