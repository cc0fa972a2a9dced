"""The dashboard: incidents per local day by rule, what is open and overdue."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from dlp.web.charts import per_day_chart
from dlp.web.deps import LoggedIn, Pages, Store

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def dashboard(who: LoggedIn, page: Pages, store: Store) -> HTMLResponse:
    today = store.today()
    summary = store.summary(today)
    return page("dashboard.html", chart=per_day_chart(store.incidents_per_day(days=14, today=today)), **summary)
