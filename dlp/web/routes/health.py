"""/metrics, /healthz and /readyz on the review UI's own port, with no login: they carry no personal data.

In `dlp serve` the relay's and the watcher's checks and metrics are answered here too (one process, one
registry of metrics). The checks themselves live in dlp.health; `create_app` registers the UI's own.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from dlp import health, metrics

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
async def scrape() -> Response:
    body, kind = await run_in_threadpool(metrics.exposition)
    return Response(body, media_type=kind, headers={"Cache-Control": "no-store"})


@router.get("/healthz")
async def alive() -> JSONResponse:
    ok, answer = health.liveness()
    return JSONResponse(answer, status_code=200 if ok else 503)


@router.get("/readyz")
async def ready() -> JSONResponse:
    ok, answer = await run_in_threadpool(health.readiness)  # the store check blocks
    return JSONResponse(answer, status_code=200 if ok else 503)
