"""The incident list: search, sort and pages in SQL (dlp.store.search), bulk actions and the CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from dlp.errors import DlpError
from dlp.rules import RULES
from dlp.store import as_dict
from dlp.store.search import PAGE_SIZES, SEVERITY_RANK, SORTS, Query
from dlp.web.deps import Form, LoggedIn, Pages, Store
from dlp.web.users import list_users

router = APIRouter(prefix="/incidents")
CSV_COLUMNS = (
    "id", "time", "channel", "rules", "severity", "decision", "status", "clients", "sender_domain", "assignee",
    "report_due", "close_due", "closed_at", "action_taken",
)  # fmt: skip
EXPORT_PAGE = 1000


@router.get("", response_class=HTMLResponse)
def incidents(who: LoggedIn, page: Pages, store: Store) -> HTMLResponse:
    query = Query.from_params(page.request.query_params)
    rows, total = store.search(query)
    pages = max(1, -(-total // query.per_page))
    return page(
        "incidents.html",
        rows=[as_dict(i) for i in rows],
        total=total,
        pages=pages,
        query=query,
        link=lambda **changes: "/incidents?" + urlencode(query.params(**changes)),
        export="/incidents/export.csv?" + urlencode(query.params(page=1)),
        rules=sorted(RULES),
        severities=list(SEVERITY_RANK),
        sorts=list(SORTS),
        page_sizes=PAGE_SIZES,
        users=[u.username for u in list_users(store) if not u.disabled],
        message=page.request.query_params.get("done"),
    )


@router.get("/export.csv")
def export(who: LoggedIn, page: Pages, store: Store) -> Response:
    """Every incident the list's filters match (not only one page), in the list's order, as CSV."""
    query = Query.from_params(page.request.query_params)

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        last = ""
        while True:  # page by page, each found from the last incident of the one before (keyset)
            rows, _ = store.search(replace(query, page=1, per_page=EXPORT_PAGE, after=last, before=""))
            for incident in rows:
                record = as_dict(incident)
                record["rules"] = ";".join(record["rules"])
                record["clients"] = ";".join(c["id"] for c in record["clients"])
                writer.writerow([_cell(record[c]) for c in CSV_COLUMNS])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if len(rows) < EXPORT_PAGE:
                return
            last = str(rows[-1].reference)

    name = f"incidents-{datetime.now(UTC):%Y%m%d-%H%M}.csv"
    return StreamingResponse(
        lines(), media_type="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post("/bulk")
async def bulk(who: LoggedIn, fields: Form, page: Pages, store: Store) -> Response:
    """One action on the incidents ticked in the list: close them with one justification (a privacy
    officer's), or assign them."""
    references = [str(r) for r in (await page.request.form()).getlist("ref")][:500]
    back = fields.get("back", "/incidents")
    back = back if back.startswith("/incidents") else "/incidents"
    action = fields.get("action", "")
    try:
        if not references:
            raise DlpError("tick at least one incident")
        if action == "close":
            if not who.officer:
                raise HTTPException(403, "this is a privacy officer's action")
            done = store.close_many(references, fields.get("why", "").strip(), who.actor)
            words = f"{len(done)} closed"
        elif action == "assign":
            to = fields.get("to", "").strip() or None
            words = f"{store.assign(references, to, who.actor)} assigned to {to or 'nobody'}"
        else:
            raise DlpError("unknown action")
    except DlpError as exc:
        words = f"Not done: {exc}"
    joiner = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{joiner}{urlencode({'done': words})}", status_code=303)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas when opened in a spreadsheet
