"""The review web UI: rendered on the server (Jinja2), no CDN, login with argon2 hashes, sessions, CSRF, roles.

Reviewers see redacted evidence and release or discard held items; privacy officers also report and close
incidents and may open the original. The routes are routers (dlp.web.routes); what they depend on, the
session, the CSRF check and the role, is declared once in dlp.web.deps.
"""

from __future__ import annotations

import base64
import os
import secrets
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from dlp.config import Config
from dlp.health import observe_web
from dlp.scanner import Scanner
from dlp.secrets import secret
from dlp.web.deps import LoginRequired
from dlp.web.routes import auth, dashboard, health, incidents

SECRET_ENV = "DLP_WEB_SECRET"


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


def create_app(config: Config, scanner: Scanner) -> FastAPI:
    assert scanner.store is not None, "the review UI needs the incident store"
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.config, app.state.scanner, app.state.store = config, scanner, scanner.store
    app.state.templates = Jinja2Templates(directory=str(files("dlp.web").joinpath("templates")))
    observe_web(scanner)  # the UI's readiness checks: its store and registry
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(config),
        same_site="strict",
        session_cookie="dlp_session",
        max_age=8 * 3600,
    )

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    for router in (health.router, auth.router, dashboard.router, incidents.router):
        app.include_router(router)
    return app
