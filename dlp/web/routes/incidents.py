"""The incident list, one incident with its evidence, its original, and what reviewers and officers do with it."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from dlp.errors import DlpError
from dlp.handlers import discard, release
from dlp.rules import RULES
from dlp.store import as_dict
from dlp.web.deps import Form, LoggedIn, Officer, Pages, Settings, Store, scanner
from dlp.web.evidence import original, redacted_parts

router = APIRouter(prefix="/incidents")


@router.get("", response_class=HTMLResponse)
def incidents(
    who: LoggedIn, page: Pages, store: Store, status: str = "", rule: str = "", channel: str = "", overdue: str = ""
) -> HTMLResponse:
    rows = [as_dict(i) for i in store.list(status=status or None, rule=rule or None, channel=channel or None)]
    if overdue:
        late = {i.reference for i in store.overdue(date.today())}
        rows = [r for r in rows if r["id"] in late]
    filters = {"status": status, "rule": rule, "channel": channel, "overdue": overdue}
    return page("incidents.html", rows=list(reversed(rows)), rules=sorted(RULES), filters=filters)


@router.get("/{reference}", response_class=HTMLResponse)
def incident(reference: str, who: LoggedIn, page: Pages, store: Store, config: Settings) -> HTMLResponse:
    found = store.get(reference)
    if found is None:
        raise HTTPException(404, "no such incident")
    evidence: list[tuple[str, str]] = []
    problem = None
    if found.quarantine_ref:
        try:
            evidence = redacted_parts(config, scanner(page.request), found)
        except (DlpError, OSError) as exc:
            problem = f"the held original cannot be read ({exc.__class__.__name__})"
    return page(
        "incident.html",
        i=as_dict(found),
        evidence=evidence,
        problem=problem,
        history=store.events(reference),
        message=page.request.query_params.get("done"),
    )


@router.get("/{reference}/original")
def incident_original(reference: str, who: Officer, store: Store, config: Settings) -> Response:
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


@router.post("/{reference}/release")
def release_held(reference: str, who: LoggedIn, fields: Form, store: Store, config: Settings) -> Response:
    return _done(reference, lambda: release(config, store, reference, who.actor, fields.get("why", "").strip()))


@router.post("/{reference}/discard")
def discard_held(reference: str, who: LoggedIn, fields: Form, store: Store, config: Settings) -> Response:
    def act() -> str:
        discard(config, store, reference, who.actor, fields.get("why", "").strip())
        return "original discarded"

    return _done(reference, act)


@router.post("/{reference}/report")
def report(reference: str, who: Officer, fields: Form, store: Store) -> Response:
    def act() -> str:
        store.set_status(reference, "reported", actor=who.actor, reason=fields.get("why", "").strip())
        return "marked reported"

    return _done(reference, act)


@router.post("/{reference}/close")
def close(reference: str, who: Officer, fields: Form, store: Store) -> Response:
    def act() -> str:
        why = fields.get("why", "").strip()
        if not why:
            raise DlpError("closing needs the action taken")
        store.set_status(reference, "closed", why, actor=who.actor)
        return "closed"

    return _done(reference, act)


def _done(reference: str, act: object) -> Response:
    """Do it, and show the incident again saying what happened (or why it was not done)."""
    assert callable(act)
    try:
        done = act()
    except DlpError as exc:
        return RedirectResponse(f"/incidents/{reference}?done=Not done: {exc}", status_code=303)
    return RedirectResponse(f"/incidents/{reference}?done={done}", status_code=303)
