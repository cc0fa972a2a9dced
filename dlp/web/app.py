"""The review web UI: rendered on the server (Jinja2), no CDN, login with argon2 hashes, sessions, CSRF, roles.

Reviewers see redacted evidence and release or discard held items; privacy officers also report and close
incidents and may open the original.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware

from dlp.config import Config
from dlp.errors import DlpError
from dlp.handlers import discard, release
from dlp.rules import RULES
from dlp.scanner import Scanner
from dlp.store import as_dict
from dlp.web.evidence import original, redacted_parts
from dlp.web.users import authenticate

SECRET_ENV = "DLP_WEB_SECRET"
templates = Jinja2Templates(directory=str(files("dlp.web").joinpath("templates")))


def session_secret(config: Config) -> str:
    value = os.environ.get(SECRET_ENV)
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
    store = scanner.store
    assert store is not None
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(config),
        same_site="strict",
        session_cookie="dlp_session",
        max_age=8 * 3600,
    )

    def user(request: Request) -> dict[str, str] | None:
        name, role = request.session.get("user"), request.session.get("role")
        return {"name": name, "role": role} if name and role else None

    def csrf(request: Request) -> str:
        token = request.session.get("csrf")
        if not token:
            token = secrets.token_urlsafe(32)
            request.session["csrf"] = token
        return str(token)

    async def checked_form(request: Request, role: str | None = None) -> dict[str, str]:
        who = user(request)
        if who is None:
            raise HTTPException(401, "log in first")
        form = {k: str(v) for k, v in (await request.form()).items()}
        if not secrets.compare_digest(form.get("csrf", ""), str(request.session.get("csrf", ""))):
            raise HTTPException(403, "missing or wrong CSRF token")
        if role and who["role"] != role:
            raise HTTPException(403, "a privacy officer's action")
        return form

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"user": user(request), "csrf": csrf(request), **context})

    @app.get("/login", response_class=HTMLResponse)
    async def login_form(request: Request) -> HTMLResponse:
        return page(request, "login.html", error=None)

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        if not secrets.compare_digest(form.get("csrf", ""), str(request.session.get("csrf", ""))):
            raise HTTPException(403, "missing or wrong CSRF token")
        account = authenticate(store, form.get("username", ""), form.get("password", ""))
        if account is None:
            return page(request, "login.html", error="Wrong user name or password.")
        request.session.clear()
        request.session.update({"user": account.username, "role": account.role, "csrf": secrets.token_urlsafe(32)})
        return RedirectResponse("/", status_code=303)

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        await checked_form(request)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    @app.get("/", response_class=HTMLResponse)
    async def dashboard(request: Request) -> Response:
        if user(request) is None:
            return RedirectResponse("/login", status_code=303)
        rows = [as_dict(i) for i in store.list()]
        return page(
            request,
            "dashboard.html",
            chart=_chart(rows),
            open=sum(r["status"] == "open" for r in rows),
            overdue=len(store.overdue(date.today())),
            total=len(rows),
        )

    @app.get("/incidents", response_class=HTMLResponse)
    async def incidents(
        request: Request, status: str = "", rule: str = "", channel: str = "", overdue: str = ""
    ) -> Response:
        if user(request) is None:
            return RedirectResponse("/login", status_code=303)
        rows = [as_dict(i) for i in store.list(status=status or None, rule=rule or None, channel=channel or None)]
        if overdue:
            late = {i.reference for i in store.overdue(date.today())}
            rows = [r for r in rows if r["id"] in late]
        return page(
            request,
            "incidents.html",
            rows=list(reversed(rows)),
            rules=sorted(RULES),
            filters={"status": status, "rule": rule, "channel": channel, "overdue": overdue},
        )

    @app.get("/incidents/{reference}", response_class=HTMLResponse)
    async def incident(request: Request, reference: str) -> Response:
        if user(request) is None:
            return RedirectResponse("/login", status_code=303)
        found = store.get(reference)
        if found is None:
            raise HTTPException(404, "no such incident")
        evidence: list[tuple[str, str]] = []
        problem = None
        if found.quarantine_ref:
            try:
                evidence = redacted_parts(config, scanner, found)
            except (DlpError, OSError) as exc:
                problem = f"the held original cannot be read ({exc.__class__.__name__})"
        return page(
            request,
            "incident.html",
            i=as_dict(found),
            evidence=evidence,
            problem=problem,
            history=store.events(reference),
            message=request.query_params.get("done"),
        )

    @app.get("/incidents/{reference}/original")
    async def incident_original(request: Request, reference: str) -> Response:
        who = user(request)
        if who is None:
            return RedirectResponse("/login", status_code=303)
        if who["role"] != "privacy_officer":
            raise HTTPException(403, "only a privacy officer may open the original")
        found = store.get(reference)
        if found is None or not found.quarantine_ref:
            raise HTTPException(404, "no original held")
        try:
            data = original(config, found)
        except (DlpError, OSError):
            raise HTTPException(404, "no original held") from None
        return Response(
            data,
            media_type="application/octet-stream",
            headers={"Content-Disposition": f'attachment; filename="{found.reference}.bin"'},
        )

    @app.post("/incidents/{reference}/{action}")
    async def act(request: Request, reference: str, action: str) -> Response:
        officer_only = action in ("report", "close")
        form = await checked_form(request, "privacy_officer" if officer_only else None)
        who = user(request)
        assert who is not None
        why = form.get("why", "").strip()
        try:
            # release() talks SMTP with its own event loop: keep it (and the store) off this one.
            if action == "release":
                done = await run_in_threadpool(release, config, store, reference, f"web:{who['name']}", why)
            elif action == "discard":
                await run_in_threadpool(discard, config, store, reference, f"web:{who['name']}", why)
                done = "original discarded"
            elif action == "report":
                store.set_status(reference, "reported", actor=f"web:{who['name']}", reason=why)
                done = "marked reported"
            elif action == "close":
                if not why:
                    raise DlpError("closing needs the action taken")
                store.set_status(reference, "closed", why, actor=f"web:{who['name']}")
                done = "closed"
            else:
                raise HTTPException(404, "no such action")
        except DlpError as exc:
            return RedirectResponse(f"/incidents/{reference}?done=Not done: {exc}", status_code=303)
        return RedirectResponse(f"/incidents/{reference}?done={done}", status_code=303)

    return app


def _chart(rows: list[dict[str, Any]], days: int = 14) -> dict[str, Any]:
    """Incidents per day by rule for the last `days` days, as bar segments for an inline SVG."""
    today = datetime.now(UTC).date()
    dates = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
    counts: Counter[tuple[date, str]] = Counter()
    for row in rows:
        day = date.fromisoformat(row["time"][:10])
        for rule in row["rules"]:
            counts[(day, rule)] += 1
    colours = {rule: RULES[rule].colour for rule in sorted(RULES)}
    peak = max([sum(counts[(d, r)] for r in RULES) for d in dates] + [1])
    bars = []
    for x, day in enumerate(dates):
        y = 200.0
        for rule in sorted(RULES):
            n = counts[(day, rule)]
            if n:
                h = 180 * n / peak
                y -= h
                bars.append({"x": 40 + x * 40, "y": y, "h": h, "colour": colours[rule], "title": f"{day} {rule}: {n}"})
    return {
        "bars": bars,
        "labels": [{"x": 40 + x * 40, "text": d.strftime("%d/%m")} for x, d in enumerate(dates)],
        "legend": colours,
        "peak": peak,
    }
