"""The review UI at scale (issue 13, point 3): the incident list and the dashboard rendered with 100,000
incidents, on SQLite and on a real PostgreSQL server, against the BASELINE measured side by side in the same
run: the list as it was before, every incident loaded and rendered (`store.list()`), once.

    python benchmarks/bench_review.py                          # 100,000 incidents, SQLite and PostgreSQL
    python benchmarks/bench_review.py --incidents 10000 --backends sqlite --no-baseline

Targets: each list page at most 300 ms, the dashboard at most 500 ms (median of --repeat runs; p95 shown).
Then the deepest page (2,000 of 100,000 at 50 a page) in several sort orders, BEFORE as a numbered page
(`page=N`, OFFSET) and AFTER as its next link reaches it (`after=INC-…`, keyset), same rows checked.
Pages are asked for through the whole app in-process (session check, SQL, templates), logged in as a
privacy officer. PostgreSQL needs Debian's postgresql and root (the tests' throwaway server is used).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient  # noqa: E402

from dlp.config import Config, StoreConfig  # noqa: E402
from dlp.store import IncidentStore, as_dict  # noqa: E402
from dlp.store.search import Query  # noqa: E402
from dlp.web.app import create_app  # noqa: E402
from dlp.web.users import add_user  # noqa: E402
from tests.store.generate import fill  # noqa: E402
from tests.store.postgres import PostgresServer, available  # noqa: E402

LIST_MS, DASHBOARD_MS = 300.0, 500.0
PASSWORD = "a long enough password"


def pages(client: TestClient, sample_client: str, deep: int) -> dict[str, str]:
    """What a reviewer asks for: the first page, a filtered and sorted one, a deep page, a client search."""
    return {
        "list: first page": "/incidents",
        "list: rule+status, by severity": "/incidents?rule=suppressed_detail_exposed&status=open&sort=severity",
        "list: channel+date range": "/incidents?channel=relay&since=2026-01-01&until=2026-06-30&per_page=100",
        f"list: page {deep} (next link)": f"/incidents?page={deep}",  # the cursor is added by run_backend
        "list: client id": f"/incidents?q={sample_client}",
        "list: overdue, by report date": "/incidents?overdue=1&sort=report_due&order=asc",
        "dashboard": "/",
    }


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    call()  # warm: templates compiled, statements cached
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def run_backend(name: str, url: str, count: int, repeat: int, baseline: bool, folder: Path) -> bool:
    store = IncidentStore(url)
    start = time.perf_counter()
    fill(store, count)
    print(f"\n[{name}] {count:,} incidents written in {time.perf_counter() - start:.1f} s")
    add_user(store, "olivia", PASSWORD, "privacy_officer")
    config = Config(store=StoreConfig(url=url), base_dir=folder)
    client = TestClient(create_app(config, SimpleNamespace(store=store, registry=None)))  # type: ignore[arg-type]
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    client.post("/login", data={"csrf": token.group(1), "username": "olivia", "password": PASSWORD})
    sample = store.search(Query(per_page=25))[0][7]
    ok = True
    base_ms = None
    if baseline:
        start = time.perf_counter()
        rows = [as_dict(i) for i in store.list()]
        base_ms = (time.perf_counter() - start) * 1000
        print(f"  BASELINE  unpaged list (load and convert all {len(rows):,}, before rendering): {base_ms:,.0f} ms")
    print(f"  {'page':34} {'median':>8} {'p95':>8} {'target':>7}  {'bytes':>8}  vs baseline")
    # Page 1000 at the default 50 a page, or the last page of a smaller run (`--incidents 10000`).
    deep = max(2, min(1000, (count - 1) // Query().per_page + 1))
    asked = pages(client, sample.clients[0]["id"], deep)
    asked[f"list: page {deep} (next link)"] += "&after=" + edge(store, Query(page=deep - 1))
    for label, path in asked.items():
        response = client.get(path)
        assert response.status_code == 200 and ('id="chart"' in response.text or "INC-" in response.text), label
        times = sorted(timed(lambda p=path: client.get(p), repeat))
        median = statistics.median(times)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        target = DASHBOARD_MS if label == "dashboard" else LIST_MS
        ok &= median <= target
        ratio = f"{base_ms / median:,.0f}x faster" if base_ms else "-"
        verdict = "ok" if median <= target else "SLOW"
        print(f"  {label:34} {median:7.1f}  {p95:7.1f}  {target:6.0f}  {len(response.content):8,}  {ratio}  {verdict}")
    ok &= deep_pages(client, store, count, repeat)
    store.close()
    return ok


def edge(store: IncidentStore, query: Query) -> str:
    """The last incident of a page: what that page's next link carries as its cursor."""
    rows, _ = store.search(query)
    return str(rows[-1].reference)


def deep_pages(client: TestClient, store: IncidentStore, count: int, repeat: int) -> bool:
    """The deepest page of the list, each sort order, two ways in the same run: BEFORE, the numbered page
    (`page=N`, OFFSET reads and drops every row before it), and AFTER, the same page reached by its
    next link (`page=N&after=INC-…`, keyset: found in the index from the previous page's last incident)."""
    depth = max(2, count // 50)  # page 2,000 of 100,000 at 50 a page
    print(f"\n  deep page {depth:,} of {count:,} incidents: BEFORE page=N (OFFSET) vs AFTER its next link (keyset)")
    print(f"  {'sort':22} {'OFFSET':>9} {'keyset':>9}  {'keyset faster':>13}  same rows")
    ok = True
    for sort, order in (("time", "desc"), ("time", "asc"), ("severity", "desc"), ("report_due", "asc"),
                        ("sender_domain", "asc"), ("status", "desc")):  # fmt: skip
        numbered = f"/incidents?sort={sort}&order={order}&page={depth}"
        keyset = numbered + "&after=" + edge(store, Query(sort=sort, order=order, page=depth - 1))
        same = ids(client.get(numbered).text) == ids(client.get(keyset).text) != []
        offset_ms = statistics.median(timed(lambda p=numbered: client.get(p), repeat))
        keyset_ms = statistics.median(timed(lambda p=keyset: client.get(p), repeat))
        ok &= same and keyset_ms <= LIST_MS
        print(
            f"  {sort + ' ' + order:22} {offset_ms:7.1f}ms {keyset_ms:7.1f}ms  {offset_ms / keyset_ms:12.1f}x  {same}"
        )
    return ok


def ids(page: str) -> list[str]:
    return re.findall(r'name="ref" value="(INC-[0-9-]+)"', page)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="dlp-bench-review-") as tmp:
        folder = Path(tmp)
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = f"sqlite:///{folder}/review.db"
                ok &= run_backend("SQLite", url, args.incidents, args.repeat, not args.no_baseline, folder)
            elif backend == "postgresql":
                if not available():
                    print("\n[PostgreSQL] skipped: needs Debian postgresql and root")
                    continue
                server = PostgresServer()
                try:
                    url = server.start()
                    ok &= run_backend("PostgreSQL", url, args.incidents, args.repeat, not args.no_baseline, folder)
                finally:
                    server.stop()
    print("\nall pages within target" if ok else "\nSOME PAGES OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
