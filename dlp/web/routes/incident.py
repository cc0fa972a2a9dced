"""One incident: its evidence and original, and what reviewers and officers do with it (release after seeing
where it goes, discard, approve, assign, report, close)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from dlp.errors import DlpError
from dlp.handlers import approve, approvers, destination, discard, may_release, officer_only, release
from dlp.quarantine import Quarantine
from dlp.store import as_dict
from dlp.store.models import Incident
from dlp.web.deps import Form, LoggedIn, Officer, Pages, Settings, Store, User, scanner
from dlp.web.evidence import Evidence, evidence
from dlp.web.users import list_users

router = APIRouter(prefix="/incidents")


def _found(store: Store, reference: str) -> Incident:
    found = store.get(reference)
    if found is None:
        raise HTTPException(404, "no such incident")
    return found


@router.get("/{reference}", response_class=HTMLResponse)
def incident(reference: str, who: LoggedIn, page: Pages, store: Store, config: Settings) -> HTMLResponse:
    found = _found(store, reference)
    shown = Evidence("", [], [])
    problem = None
    if found.quarantine_ref:
        try:
            size = Quarantine.from_config(config).size(found.quarantine_ref)
            if size > config.limits.max_item_expanded_bytes:  # more than a scan reads: never read whole here
                problem = f"the held original is {size >> 20} MB, too large to show here: download it to look at it"
            else:
                shown = evidence(config, scanner(page.request), found)
        except (DlpError, OSError) as exc:
            problem = f"the held original cannot be read ({exc.__class__.__name__})"
    return page(
        "incident.html",
        i=as_dict(found),
        evidence=shown,
        problem=problem,
        history=store.events(reference),
        release_refused=may_release(config, store, found, who.actor, who.officer),
        officer_only=officer_only(found),
        approved_by=approvers(store, found, who.actor) if found.quarantine_ref else [],
        second_approval=config.review.second_approval,
        users=[u.username for u in list_users(store) if not u.disabled],
        message=page.request.query_params.get("done"),
    )


@router.get("/{reference}/original")
def incident_original(reference: str, who: Officer, store: Store, config: Settings) -> Response:
    """The held original, under its own name and type (a relayed message as .eml)."""
    found = _found(store, reference)
    if not found.quarantine_ref:
        raise HTTPException(404, "no original held")
    vault = Quarantine.from_config(config)
    try:
        envelope = vault.envelope(found.quarantine_ref)
        size = vault.size(found.quarantine_ref)
        # Checked whole before anything is sent, then a piece at a time (a letter of gigabytes is never in
        # memory), the last piece only once checked again: an altered file never arrives complete.
        pieces = vault.checked_pieces(found.quarantine_ref)
    except (DlpError, OSError):
        raise HTTPException(404, "no original held") from None
    if found.channel == "relay":
        name, kind = f"{found.reference}.eml", "message/rfc822"
    else:
        name = Path(str(envelope.get("original_name") or f"{found.reference}.bin")).name
        kind = _MEDIA.get(Path(name).suffix.lower(), "application/octet-stream")
    safe = "".join(c for c in name if c.isalnum() or c in "._- ") or "original"
    return StreamingResponse(
        pieces,
        media_type=kind,
        headers={
            "Content-Disposition": f'attachment; filename="{safe}"',
            "Content-Length": str(size),
        },
    )


@router.get("/{reference}/release", response_class=HTMLResponse)
def confirm_release(reference: str, who: LoggedIn, page: Pages, store: Store, config: Settings) -> Response:
    """Before anything is sent: where it will go, and a justification to confirm with."""
    found = _found(store, reference)
    refused = may_release(config, store, found, who.actor, who.officer)
    if refused:
        return _back(reference, f"Not done: {refused}")
    try:
        where = destination(config, store, reference)
    except DlpError as exc:
        return _back(reference, f"Not done: {exc}")
    return page("release.html", i=as_dict(found), where=where)


@router.post("/{reference}/release")
def release_held(reference: str, who: LoggedIn, fields: Form, store: Store, config: Settings) -> Response:
    why = fields.get("why", "").strip()
    return _done(reference, lambda: release(config, store, reference, who.actor, why, officer=who.officer))


@router.post("/{reference}/approve")
def approve_release(reference: str, who: Officer, fields: Form, store: Store, config: Settings) -> Response:
    def act() -> str:
        approve(config, store, reference, who.actor, fields.get("why", "").strip())
        return "release approved; another privacy officer may now release it"

    return _done(reference, act)


@router.post("/{reference}/discard")
def discard_held(reference: str, who: LoggedIn, fields: Form, store: Store, config: Settings) -> Response:
    def act() -> str:
        discard(config, store, reference, who.actor, fields.get("why", "").strip())
        return "original discarded"

    return _done(reference, act)


@router.post("/{reference}/assign")
def assign(reference: str, who: LoggedIn, fields: Form, store: Store) -> Response:
    def act() -> str:
        to = _assignee(store, who, fields.get("to", ""))
        store.assign([reference], to, who.actor)
        return f"assigned to {to}" if to else "unassigned"

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


def _assignee(store: Store, who: User, to: str) -> str | None:
    to = to.strip()
    if to == "me":
        return who.name
    if to and to not in {u.username for u in list_users(store)}:
        raise DlpError(f"no user {to}")
    return to or None


def _done(reference: str, act: Callable[[], str]) -> Response:
    """Do it, and show the incident again saying what happened (or why it was not done)."""
    try:
        done = act()
    except DlpError as exc:
        return _back(reference, f"Not done: {exc}")
    return _back(reference, done)


def _back(reference: str, words: str) -> Response:
    return RedirectResponse(f"/incidents/{reference}?{urlencode({'done': words})}", status_code=303)


_MEDIA = {
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".rtf": "application/rtf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".eml": "message/rfc822",
}
