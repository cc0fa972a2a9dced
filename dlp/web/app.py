"""The review web UI: rendered on the server (Jinja2), no CDN, login with argon2 hashes, sessions, CSRF, roles.

Reviewers see redacted evidence and release or discard held items; privacy officers also report and close
incidents and may open the original. The routes are routers (dlp.web.routes); what they depend on, the
session, the CSRF check and the role, is declared once in dlp.web.deps.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from dlp.config import Config
from dlp.health import observe_web
from dlp.scanner import Scanner
from dlp.secrets import secret
from dlp.web.deps import LoginRequired, Page
from dlp.web.routes import auth, dashboard, health, incident, incidents
from dlp.web.throttle import LoginThrottle

SECRET_ENV = "DLP_WEB_SECRET"
# No script at all, styles only from the page itself, no framing, forms post only back here.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def session_secret(config: Config) -> str:
    value = secret(SECRET_ENV)
    if value:
        return value
    path = config.resolve_path("var/web.secret")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(base64.b64encode(secrets.token_bytes(32)).decode())
    return path.read_text().strip()


def local_time(config: Config) -> Callable[[object], str]:
    """A template filter: a stored (UTC) time as the organisation's local time, with its zone."""
    zone = config.zone

    def local(value: object) -> str:
        if not value:
            return ""
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")

    return local


def create_app(config: Config, scanner: Scanner) -> FastAPI:
    assert scanner.store is not None, "the review UI needs the incident store"
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.config, app.state.scanner, app.state.store = config, scanner, scanner.store
    app.state.templates = Jinja2Templates(directory=str(files("dlp.web").joinpath("templates")))
    app.state.templates.env.filters["local"] = local_time(config)
    web = config.web
    app.state.login_throttle = LoginThrottle(web.login_attempts * 4, web.lockout_minutes * 60)
    observe_web(scanner)  # the UI's readiness checks: its store and registry
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(config),
        same_site="strict",  # and HttpOnly, always, from Starlette
        https_only=web.secure_cookies,
        session_cookie="dlp_session",
        max_age=web.session_hours * 3600,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, exc: StarletteHTTPException) -> Response:
        """Errors as pages a reviewer can read, not JSON."""
        return Page(request)("error.html", status_code=exc.status_code, status=exc.status_code, detail=exc.detail)

    for router in (health.router, auth.router, dashboard.router, incidents.router, incident.router):
        app.include_router(router)
    return app
