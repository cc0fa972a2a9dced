"""Mail-merge runs as the print room gets them: the billing system's CSV export and the merged letters."""

from __future__ import annotations

from . import docs
from . import render as R
from . import world as w
from .cases import Ctx
from .render import Letter
from .sink import Run, csv_text
from .world import Client

SHIFT = ["mixed_client_documents", "mismatched_recipient"]


def _statement_row(c: Client) -> list[str]:
    r = c.payer()
    assert r and r.address and c.home
    lines = r.address.block()
    return [
        c.number,
        r.title,
        r.given,
        r.family,
        lines[0],
        r.address.suburb,
        r.address.state,
        r.address.postcode,
        c.formal,
        c.home.name,
        w.money(docs.statement_rows(c)[2]),
    ]


STATEMENT_COLS = [
    "ResidentNo",
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Suburb",
    "State",
    "Postcode",
    "ResidentName",
    "Home",
    "AmountDue",
]


def _statement(to: Client, body: Client, layout: str) -> Letter:
    L = docs.statement_letter(body, docs.payer_block(to), layout)
    return L


def statement_runs(ctx: Ctx) -> None:
    s, world = ctx.sink, ctx.world
    n = max(8, round(12 * ctx.scale))
    good = world.pick("resident", n, need_payer=True)
    data = csv_text(STATEMENT_COLS, [_statement_row(c) for c in good])
    letters = [(f"letter{i + 1}.pdf", R.pdf_letter(_statement(c, c, "window"))) for i, c in enumerate(good)]
    a = s.add_run(
        Run(
            "mail-merge/statement-folder",
            data,
            letters,
            [{"expect": "allow"} for _ in good],
            f"{n} April statements to paying representatives, each letter matches its row",
            {"reference": "ResidentNo"},
        )
    )
    bad_clients = world.pick("resident", n, need_payer=True)
    k = n // 2
    bodies = bad_clients[:k] + bad_clients[k + 1 :] + [bad_clients[k]]
    letters = [
        (f"letter{i + 1}.pdf", R.pdf_letter(_statement(c, bodies[i], "window"))) for i, c in enumerate(bad_clients)
    ]
    per = [{"expect": "allow"} if i < k else {"expect": "block", "rules": SHIFT} for i in range(n)]
    b = s.add_run(
        Run(
            "mail-merge/row-shift",
            csv_text(STATEMENT_COLS, [_statement_row(c) for c in bad_clients]),
            letters,
            per,
            f"statement bodies shift by one row from letter {k + 1}; the last letter carries row {k + 1}'s statement",
            {"reference": "ResidentNo"},
        )
    )
    s.pair_runs(b, a)


INVOICE_COLS = [
    "PackageNo",
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Address2",
    "Suburb",
    "State",
    "Postcode",
    "Contribution",
]


def _invoice_row(c: Client) -> list[str]:
    lines = c.address.block()
    a1 = lines[0]
    return [
        c.number,
        c.title,
        c.given,
        c.family,
        a1,
        "",
        c.address.suburb,
        c.address.state,
        c.address.postcode,
        w.money(docs.invoice_rows(c)[2]),
    ]


def invoice_runs(ctx: Ctx) -> None:
    s, world = ctx.sink, ctx.world
    n = max(8, round(10 * ctx.scale))
    good = world.pick("homecare", n)
    letters = [docs.invoice_letter(c, docs.self_block(c), "sidepanel") for c in good]
    a = s.add_run(
        Run(
            "mail-merge/merged-pdf",
            csv_text(INVOICE_COLS, [_invoice_row(c) for c in good]),
            R.pdf_letters(letters),
            [{"expect": "allow"} for _ in good],
            f"{n} home-care statements merged in one PDF, each matches its row",
            {"reference": "PackageNo"},
        )
    )
    bad = world.pick("homecare", n)
    letters = [docs.invoice_letter(c, docs.self_block(c), "sidepanel") for c in bad]
    per: list[dict] = [{"expect": "allow"} for _ in bad]
    u = 3
    letters[u].salutation = "Dear «Title» «Surname»"
    per[u] = {"expect": "block", "rules": ["unmerged_field"]}
    d = n - 2
    body = docs.invoice_letter(bad[d - 1], docs.self_block(bad[d]), "sidepanel")
    letters[d] = body
    per[d] = {"expect": "block", "rules": SHIFT}
    b = s.add_run(
        Run(
            "mail-merge/merged-pdf-errors",
            csv_text(INVOICE_COLS, [_invoice_row(c) for c in bad]),
            R.pdf_letters(letters),
            per,
            f"letter {u + 1} has an unmerged salutation; letter {d + 1} carries row {d}'s statement",
            {"reference": "PackageNo"},
        )
    )
    s.pair_runs(b, a)


REVIEW_COLS = ["Client No", "Given name", "Family name", "Street", "Town", "State", "P/code", "Review date"]
REVIEW_MAP = {
    "reference": "Client No",
    "given_name": "Given name",
    "family_name": "Family name",
    "address_lines": "Street",
    "suburb": "Town",
    "postcode": "P/code",
}


def _review_row(c: Client) -> list[str]:
    return [
        c.number,
        c.given,
        c.family,
        c.address.block()[0],
        c.address.suburb,
        c.address.state,
        c.address.postcode,
        docs.review_date(c).strftime("%d/%m/%Y %H:%M"),
    ]


def review_runs(ctx: Ctx) -> None:
    s, world = ctx.sink, ctx.world
    n = max(8, round(10 * ctx.scale))
    good = world.pick("homecare", n)
    files = [
        (f"letter{i + 1}.docx", R.docx_letter(docs.review_letter(c, docs.self_block(c)))) for i, c in enumerate(good)
    ]
    a = s.add_run(
        Run(
            "mail-merge/review-docx-folder",
            csv_text(REVIEW_COLS, [_review_row(c) for c in good]),
            files,
            [{"expect": "allow"} for _ in good],
            f"{n} care-plan review invitations (DOCX), each matches its row; unusual column names need a map",
            REVIEW_MAP,
        )
    )
    bad = world.pick("homecare", n)
    letters = [docs.review_letter(c, docs.self_block(c)) for c in bad]
    per: list[dict] = [{"expect": "allow"} for _ in bad]
    m = 4
    other = bad[(m + 3) % n]
    letters[m].extra_pages = [
        [
            f"Care plan review - {other.formal}",
            f"Package no. {other.number}",
            f"Address: {other.address.one_line()}",
            f"Needs: {other.needs}",
        ]
    ]
    per[m] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
    x = n - 1
    lines = [bad[x].formal] + bad[1].address.block()
    letters[x].to_lines = lines
    per[x] = {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}
    files = [(f"letter{i + 1}.docx", R.docx_letter(L)) for i, L in enumerate(letters)]
    b = s.add_run(
        Run(
            "mail-merge/review-docx-errors",
            csv_text(REVIEW_COLS, [_review_row(c) for c in bad]),
            files,
            per,
            f"letter {m + 1} carries a second client's review page; letter {x + 1} has the street address of row 2",
            REVIEW_MAP,
        )
    )
    s.pair_runs(b, a)


def runs(ctx: Ctx) -> None:
    statement_runs(ctx)
    invoice_runs(ctx)
    review_runs(ctx)
