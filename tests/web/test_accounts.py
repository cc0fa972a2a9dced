"""Accounts and web hardening (issue 13, point 7) against a running `dlp serve`, in Chromium and over HTTP:
lockout after wrong passwords, the per-address throttle, sessions that end at logout or when an account is
disabled, cookie flags, security headers, CSRF on the login form, `dlp users`, logins audited."""

from __future__ import annotations

import json
import re

import httpx

from dlp.config import load_config
from dlp.store import IncidentStore
from tests.web.conftest import OFFICER, PASSWORD, REVIEWER, Serve, csrf_of, log_in, needs_chromium

pytestmark = needs_chromium


def _login_form(client: httpx.Client, url: str) -> str:
    page = client.get(url + "/login")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def _post_login(client: httpx.Client, url: str, user: str, password: str) -> httpx.Response:
    return client.post(url + "/login", data={"csrf": _login_form(client, url), "username": user, "password": password})


def test_headers_cookies_csrf_and_error_pages(serve: Serve) -> None:
    with httpx.Client() as client:
        page = client.get(serve.url + "/login")
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert page.headers["x-frame-options"] == "DENY" and page.headers["x-content-type-options"] == "nosniff"
        # The login form carries a CSRF token too: a login posted without it is refused, even with the password.
        refused = client.post(serve.url + "/login", data={"username": OFFICER, "password": PASSWORD})
        assert refused.status_code == 403 and "<html" in refused.text
        done = _post_login(client, serve.url, OFFICER, PASSWORD)
        assert done.status_code == 303
        cookie = done.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie  # plain HTTP here
        missing = client.get(serve.url + "/incidents/INC-2026-999999")
        assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
        assert 'id="error"' in missing.text


def test_lockout_logout_disable_and_audit(serve: Serve, browser) -> None:
    # 40 wrong passwords would be tried today; after 5 the account is locked, and then the right one fails too.
    with httpx.Client() as client:
        for _ in range(5):
            assert _post_login(client, serve.url, REVIEWER, "wrong password!").status_code == 401
        assert _post_login(client, serve.url, REVIEWER, PASSWORD).status_code == 401
    listed = [json.loads(line) for line in serve.dlp("users", "list", "--json").stdout.splitlines()]
    assert next(u for u in listed if u["user"] == REVIEWER)["locked_until"]
    # An administrator's reset (password from standard input) unlocks it.
    serve.dlp("users", "reset-password", REVIEWER, "--password-stdin", stdin="another long password\n")
    reviewer = log_in(browser, serve.url, REVIEWER, "another long password")

    # A session ends at logout: the same cookie replayed afterwards reaches nothing.
    officer = log_in(browser, serve.url, OFFICER)
    cookies = {c["name"]: c["value"] for c in officer.context.cookies()}
    assert httpx.get(serve.url + "/incidents", cookies=cookies).status_code == 200
    officer.click("header button")
    officer.wait_for_url(serve.url + "/login")
    replay = httpx.get(serve.url + "/incidents", cookies=cookies)
    assert replay.status_code == 303 and replay.headers["location"] == "/login"

    # Disabling an account ends its sessions at once and stops new logins.
    reviewer.goto(serve.url + "/incidents")
    assert "reggie" in reviewer.inner_text("header")
    serve.dlp("users", "disable", REVIEWER)
    reviewer.goto(serve.url + "/incidents")
    assert reviewer.url.endswith("/login")
    reviewer.fill("input[name=username]", REVIEWER)
    reviewer.fill("input[name=password]", "another long password")
    reviewer.click("button[type=submit]")
    assert "locked or disabled" in reviewer.inner_text("main") and reviewer.url.endswith("/login")
    assert csrf_of(reviewer)

    store = IncidentStore.from_config(load_config(serve.config))
    actions = [(e.actor, e.action) for e in reversed(store.audit_log())]
    assert actions.count((REVIEWER, "login_failed")) == 4
    assert (REVIEWER, "locked") in actions and (OFFICER, "login") in actions and (OFFICER, "logout") in actions
    assert ("cli", "password_reset") in actions and ("cli", "user_disabled") in actions
    assert (REVIEWER, "disabled") in actions
    store.close()


def test_guessing_from_one_address_is_throttled(serve: Serve) -> None:
    with httpx.Client() as client:
        answers = [_post_login(client, serve.url, f"nobody{n}", "guess guess").status_code for n in range(21)]
    assert answers[:20] == [401] * 20 and answers[20] == 429
