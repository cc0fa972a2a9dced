"""What every route depends on, declared once (FastAPI's `Depends`): the store, the logged-in user, the role, and
the CSRF-checked form. A route never repeats these checks itself."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dlp.config import Config
from dlp.scanner import Scanner
from dlp.store import IncidentStore
from dlp.web.sessions import live_user

OFFICER = "privacy_officer"


class LoginRequired(Exception):
    """A page that needs a login, asked for without one: answered with a redirect to the login page."""


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def officer(self) -> bool:
        return self.role == OFFICER

    @property
    def actor(self) -> str:
        return f"web:{self.name}"


def config(request: Request) -> Config:
    return request.app.state.config


def store(request: Request) -> IncidentStore:
    return request.app.state.store


def scanner(request: Request) -> Scanner:
    return request.app.state.scanner


def templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


def optional_user(request: Request) -> User | None:
    """The user of a live session: the cookie names it, the store says it has not ended (logout, disabled)."""
    if "user" in request.scope.get("state", {}):
        return request.state.user
    sid = request.session.get("sid")
    found = live_user(store(request), str(sid)) if sid else None
    request.state.user = User(*found) if found else None
    return request.state.user


def user(found: Annotated[User | None, Depends(optional_user)]) -> User:
    if found is None:
        raise LoginRequired
    return found


def officer(who: Annotated[User, Depends(user)]) -> User:
    if not who.officer:
        raise HTTPException(403, "this is a privacy officer's action")
    return who


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def form(request: Request) -> dict[str, str]:
    """The posted form, once its CSRF token is checked."""
    fields = {k: str(v) for k, v in (await request.form()).items()}
    if not secrets.compare_digest(fields.get("csrf", ""), str(request.session.get("csrf", ""))):
        raise HTTPException(403, "missing or wrong CSRF token")
    return fields


class Page:
    """Renders a template with what every page shows: the user and the CSRF token for its forms."""

    def __init__(self, request: Request) -> None:
        self.request = request

    def __call__(self, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        request = self.request
        today = store(request).today()
        values = {
            "user": optional_user(request),
            "csrf": csrf_token(request),
            "due": lambda row, which: due_class(row, which, today),
            "due_words": lambda row, which: due_words(row, which, today),
            **context,
        }
        return templates(request).TemplateResponse(request, name, values, status_code=status_code)


def due_class(row: dict[str, Any], which: str, today: date) -> str:
    """ "overdue" or "due-soon" (today or tomorrow, local) for a deadline still running, else nothing."""
    status = row.get("status")
    if status == "closed" or (which == "report" and status != "open"):
        return ""
    due = date.fromisoformat(str(row[f"{which}_due"]))
    return "overdue" if due < today else "due-soon" if due <= today + timedelta(days=1) else ""


def due_words(row: dict[str, Any], which: str, today: date) -> str:
    return {
        "overdue": "(overdue)",
        "due-soon": "(due today)" if str(row[f"{which}_due"]) == today.isoformat() else "(due tomorrow)",
    }.get(due_class(row, which, today), "")


Store = Annotated[IncidentStore, Depends(store)]
Settings = Annotated[Config, Depends(config)]
Pages = Annotated[Page, Depends(Page)]
LoggedIn = Annotated[User, Depends(user)]
Officer = Annotated[User, Depends(officer)]
Form = Annotated[dict[str, str], Depends(form)]
