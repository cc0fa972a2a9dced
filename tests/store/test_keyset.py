"""Keyset pages of the incident list: walking the next links (and the previous ones back) of every sort order
gives the same incidents in the same order as numbered pages, ties broken by id and NULL lowest, on SQLite
and PostgreSQL alike; and a page found from a cursor does not read the rows before it."""

from __future__ import annotations

from typing import Any

import pytest

from dlp.store import IncidentStore
from dlp.store.models import Incident
from dlp.store.search import SEVERITY_RANK, SORTS, Query
from tests.store.generate import fill

PER_PAGE = 25


def expected(rows: list[Incident], sort: str, order: str) -> list[str]:
    def value(incident: Incident) -> Any:
        if sort == "time":
            return incident.id
        if sort == "severity":
            return SEVERITY_RANK[incident.severity]
        return getattr(incident, sort)

    # NULL lowest; the id breaks ties in the same direction.
    ranked = sorted(rows, key=lambda i: (value(i) is not None, 0 if value(i) is None else value(i), i.id))
    return [str(i.reference) for i in (reversed(ranked) if order == "desc" else ranked)]


@pytest.fixture
def store(store_url: str) -> Any:
    store = IncidentStore(store_url)
    fill(store, 8 * PER_PAGE + 7, seed=11, days=60)  # channel, status, assignee: few values, many ties
    yield store
    store.close()


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_next_and_previous_links_page_like_numbered_pages(store: IncidentStore, order: str) -> None:
    everything = store.list()
    for sort in SORTS:
        want = expected(everything, sort, order)
        numbered, page = [], 1
        while rows := store.search(Query(sort=sort, order=order, page=page, per_page=PER_PAGE))[0]:
            numbered += [str(i.reference) for i in rows]
            page += 1
        assert numbered == want, sort

        # Forward by `after`, as the next links go, then back from the last page by `before`.
        pages: list[list[str]] = []
        query = Query(sort=sort, order=order, per_page=PER_PAGE)
        while rows := store.search(query)[0]:
            pages.append([str(i.reference) for i in rows])
            query = Query(sort=sort, order=order, per_page=PER_PAGE, after=pages[-1][-1])
        assert [r for p in pages for r in p] == want, sort
        back = [pages[-1]]
        while True:
            rows = store.search(Query(sort=sort, order=order, per_page=PER_PAGE, before=back[0][0]))[0]
            if not rows:
                break
            back.insert(0, [str(i.reference) for i in rows])
        assert back == pages, sort


def test_a_cursor_with_filters_and_an_unknown_cursor(store: IncidentStore) -> None:
    query = Query(status="open", channel="relay", sort="report_due", order="asc", per_page=PER_PAGE)
    first, total = store.search(query)
    assert total > PER_PAGE
    second, again = store.search(Query(**{**query.__dict__, "after": str(first[-1].reference), "page": 2}))
    assert again == total and second and not {i.id for i in first} & {i.id for i in second}
    assert all(i.status == "open" and i.channel == "relay" for i in second)
    assert (second[0].report_due, second[0].id) > (first[-1].report_due, first[-1].id)
    # An incident id that does not exist (a hand-edited link) gives the numbered page.
    numbered, _ = store.search(Query(**{**query.__dict__, "page": 2}))
    unknown, _ = store.search(Query(**{**query.__dict__, "after": "INC-1999-000001", "page": 2}))
    assert [i.id for i in unknown] == [i.id for i in numbered]


def test_links_keep_or_drop_the_cursor() -> None:
    query = Query.from_params({"sort": "severity", "page": "3", "after": "inc-2026-000120"})
    assert query.after == "INC-2026-000120"
    assert query.params()["after"] == "INC-2026-000120"  # the same page (a form's way back)
    assert "after" not in query.params(page=1) and "after" not in query.params(status="open")
    assert query.params(page=4, after="INC-2026-000170") == {
        "sort": "severity",
        "page": "4",
        "after": "INC-2026-000170",
    }
