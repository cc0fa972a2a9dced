"""Logging in and out."""

from __future__ import annotations

import secrets

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from dlp.web.deps import Form, LoggedIn, Pages, Store
from dlp.web.users import authenticate

router = APIRouter()


@router.get("/login", response_class=HTMLResponse)
def login_form(page: Pages) -> HTMLResponse:
    return page("login.html", error=None)


@router.post("/login")
def login(fields: Form, page: Pages, store: Store) -> Response:
    account = authenticate(store, fields.get("username", ""), fields.get("password", ""))
    if account is None:
        return page("login.html", error="Wrong user name or password.")
    session = page.request.session
    session.clear()
    session.update({"user": account.username, "role": account.role, "csrf": secrets.token_urlsafe(32)})
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
def logout(who: LoggedIn, fields: Form, page: Pages) -> Response:
    page.request.session.clear()
    return RedirectResponse("/login", status_code=303)
