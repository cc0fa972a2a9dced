"""Logging in and out: CSRF-checked like every form, throttled per address, locked per account, audited."""

from __future__ import annotations

import secrets
from datetime import timedelta

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from dlp.web.deps import Form, LoggedIn, Pages, Settings, Store
from dlp.web.sessions import end_session, open_session
from dlp.web.users import authenticate

router = APIRouter()
REFUSED = "Wrong user name or password, or the account is locked or disabled."


@router.get("/login", response_class=HTMLResponse)
def login_form(page: Pages) -> HTMLResponse:
    return page("login.html", error=None)


@router.post("/login")
def login(fields: Form, page: Pages, store: Store, config: Settings) -> Response:
    request = page.request
    address = request.client.host if request.client else "unknown"
    username = fields.get("username", "")[:64]
    throttle = request.app.state.login_throttle
    if throttle.blocked(address):
        store.audit(username or "-", "login_throttled", address)
        return page("login.html", error="Too many failed logins from here; try again later.", status_code=429)
    web = config.web
    account, outcome = authenticate(
        store,
        username,
        fields.get("password", ""),
        attempts=web.login_attempts,
        lockout=timedelta(minutes=web.lockout_minutes),
    )
    store.audit(username or "-", outcome, address)
    if account is None:
        throttle.failed(address)
        # One answer whatever the reason, so the page does not tell which accounts exist or are locked.
        return page("login.html", error=REFUSED, status_code=401)
    session = request.session
    session.clear()
    sid = open_session(store, account.username, web.session_hours)
    session.update({"sid": sid, "csrf": secrets.token_urlsafe(32)})
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
def logout(who: LoggedIn, fields: Form, page: Pages, store: Store) -> Response:
    session = page.request.session
    end_session(store, str(session.get("sid", "")))
    store.audit(who.name, "logout", page.request.client.host if page.request.client else "unknown")
    session.clear()
    return RedirectResponse("/login", status_code=303)
