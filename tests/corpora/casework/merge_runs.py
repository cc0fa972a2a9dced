"""Mail-merge runs: a data source and its letters, legitimate and broken (shift, duplicate, gap, mix, field)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from . import ids, render_docs, render_pdf
from .common import cm_of, other_than, render_letter
from .corpus import Corpus, Run
from .letters import Letter, letter_date, signoff
from .people import Client

Row = dict[str, str]
PerLetter = list[dict[str, object]]
Rebuild = Callable[[int, Row], Letter]
Mutated = tuple[list[Letter], PerLetter, str]
Mutation = Callable[[list[Row], list[Letter], Rebuild], Mutated]


@dataclass
class Template:
    """How one print room's data source looks and what its letter prints."""

    name: str
    columns: list[str]
    row: Callable[[Client, random.Random], Row]
    letter: Callable[[Row, Client, random.Random], Letter]
    fmt: str  # letter format (pdf-window, docx-plain, txt, ...) or merged-<layout>
    map: dict[str, str]


def _addr_cols(c: Client) -> tuple[str, str]:
    lines = c.addr.first_lines(abbrev=True)
    return (lines[0], lines[1] if len(lines) > 1 else "")


def _row_a(c: Client, rng: random.Random) -> Row:
    a1, a2 = _addr_cols(c)
    return {
        "FirstName": c.first,
        "Surname": c.family,
        "Address1": a1,
        "Address2": a2,
        "Suburb": c.addr.suburb.upper(),
        "State": c.addr.state,
        "Postcode": c.addr.postcode,
        "ClaimNo": c.claim,
        "Amount": f"{rng.uniform(700, 2300):.2f}",
        "Title": c.title,
    }


def _letter_a(r: Row, c: Client, rng: random.Random) -> Letter:
    cm = cm_of(rng)
    when = ids.fmt_date(letter_date(random.Random(7)), "long")
    amount = f"${float(r['Amount']) * 1.034:,.2f}" if r["Amount"] else ""
    paras = [
        f"From 1 July 2026 weekly payments on claim {r['ClaimNo']} are indexed by 3.4%.",
        f"Your new weekly rate will be {amount} before tax. You do not need to do anything.",
        f"If you have questions, call {cm.name} on {cm.phone}.",
    ]
    lines = (
        [r["Address1"]] + ([r["Address2"]] if r["Address2"] else []) + [f"{r['Suburb']} {r['State']} {r['Postcode']}"]
    )
    return Letter(
        [f"{r['Title']} {r['FirstName']} {r['Surname']}"],
        lines,
        when,
        "Indexation of your weekly payments",
        paras,
        salutation=f"Dear {r['Title']} {r['Surname']}",
        refs=[("Claim number", r["ClaimNo"]), ("Date", when), ("Enquiries", cm.name)],
        signoff=signoff(cm, rng),
    )


def _row_c(c: Client, rng: random.Random) -> Row:
    a1, a2 = _addr_cols(c)
    return {
        "Full Name": f"{c.title} {c.first} {c.family}",
        "Street": ", ".join(x for x in (a1, a2) if x),
        "Town": c.addr.suburb,
        "State": c.addr.state,
        "PCode": c.addr.postcode,
        "File Ref": c.claim,
        "Due": ids.fmt_date(letter_date(rng), "long"),
    }


def _letter_c(r: Row, c: Client, rng: random.Random) -> Letter:
    """A reminder that prints no reference at all."""
    cm = cm_of(rng)
    paras = [
        f"Your certificate of capacity runs out on {r['Due']}. Please see your doctor before then and send us the "
        "new certificate so that your payments continue.",
        "You can upload it in the worker portal, email it to claims@corellaclaims.example or post it to Locked Bag "
        "4400, Parramatta NSW 2124.",
    ]
    return Letter(
        [r["Full Name"]],
        [r["Street"], f"{r['Town'].upper()} {r['State']} {r['PCode']}"],
        ids.fmt_date(letter_date(random.Random(3)), "long"),
        "Your certificate of capacity",
        paras,
        salutation=f"Dear {r['Full Name'].split(' ', 1)[1]}",
        signoff=signoff(cm, rng),
    )


def _row_e(c: Client, rng: random.Random) -> Row:
    a1, a2 = _addr_cols(c)
    return {
        "Title": c.title,
        "GivenName": c.given,
        "FamilyName": c.family,
        "AddressLine1": a1,
        "AddressLine2": a2,
        "Locality": c.addr.suburb,
        "State": c.addr.state,
        "Postcode": c.addr.postcode,
        "ClaimNumber": c.claim,
        "OtherRef": c.refs[1] if len(c.refs) > 1 else c.claim,
    }


def _letter_e(r: Row, c: Client, rng: random.Random) -> Letter:
    """An annual statement that prints the client's older (legacy) claim reference, not the data source's."""
    cm = cm_of(rng)
    when = ids.fmt_date(letter_date(random.Random(5)), "long")
    paras = [
        f"This statement covers payments on your earlier claim {r['OtherRef']} for the 2025-26 financial year.",
        "No payments were made on that claim this year. It remains open for medical expenses only.",
        f"Call {cm.name} on {cm.phone} with any questions.",
    ]
    lines = [x for x in (r["AddressLine1"], r["AddressLine2"]) if x] + [
        f"{r['Locality'].upper()} {r['State']} {r['Postcode']}"
    ]
    return Letter(
        [f"{r['Title']} {r['GivenName']} {r['FamilyName']}"],
        lines,
        when,
        "Annual statement",
        paras,
        salutation=f"Dear {r['GivenName'].split(' ')[0]}",
        refs=[("Reference", r["OtherRef"]), ("Date", when)],
        signoff=signoff(cm, rng),
        confidential=True,
    )


def _row_g(c: Client, rng: random.Random) -> Row:
    a1, a2 = _addr_cols(c)
    return {
        "Addressee": c.initials_name,
        "Address": " ".join(x for x in (a1, a2) if x),
        "Suburb": c.addr.suburb,
        "State": c.addr.state,
        "Postcode": c.addr.postcode,
        "Claim": c.claim,
        "Review": ids.fmt_date(letter_date(rng), "dmy"),
    }


def _letter_g(r: Row, c: Client, rng: random.Random) -> Letter:
    cm = cm_of(rng)
    paras = [
        f"We will review your claim {r['Claim']} on {r['Review']}. The review looks at your capacity for work, "
        "your treatment and your return to work plan.",
        "Please send us any recent reports from your treating doctors before the review date.",
    ]
    return Letter(
        [r["Addressee"]],
        [r["Address"], f"{r['Suburb'].upper()} {r['State']} {r['Postcode']}"],
        ids.fmt_date(letter_date(random.Random(9)), "long"),
        "Notice of claim review",
        paras,
        salutation="Dear " + r["Addressee"],
        refs=[("Claim", r["Claim"])],
        signoff=signoff(cm, rng),
    )


def _row_i(c: Client, rng: random.Random) -> Row:
    a1, a2 = _addr_cols(c)
    return {
        "title": c.title,
        "first_name": c.first,
        "last_name": c.family,
        "street": a1,
        "street2": a2,
        "suburb": c.addr.suburb,
        "state": c.addr.state,
        "postcode": c.addr.postcode,
        "claim_ref": c.claim,
        "payment": f"{rng.uniform(80, 600):.2f}",
    }


def _letter_i(r: Row, c: Client, rng: random.Random) -> Letter:
    cm = cm_of(rng)
    when = ids.fmt_date(letter_date(random.Random(11)), "long")
    paras = [
        f"We have reimbursed ${r['payment']} of travel expenses on claim {r['claim_ref']}.",
        "The payment will reach your nominated account within 5 business days.",
    ]
    lines = [x for x in (r["street"], r["street2"]) if x] + [f"{r['suburb'].upper()} {r['state']} {r['postcode']}"]
    return Letter(
        [f"{r['title']} {r['first_name']} {r['last_name']}"],
        lines,
        when,
        "Travel reimbursement",
        paras,
        salutation=f"Dear {r['first_name']}",
        refs=[("Claim number", r["claim_ref"]), ("Date", when)],
        signoff=signoff(cm, rng),
    )


TEMPLATES = {
    "A": Template(
        "indexation",
        ["Title", "FirstName", "Surname", "Address1", "Address2", "Suburb", "State", "Postcode", "ClaimNo", "Amount"],
        _row_a,
        _letter_a,
        "docx-plain",
        {},
    ),
    "C": Template(
        "certificate reminder",
        ["Full Name", "Street", "Town", "State", "PCode", "File Ref", "Due"],
        _row_c,
        _letter_c,
        "merged-window",
        {
            "full_name": "Full Name",
            "address_lines": "Street",
            "suburb": "Town",
            "postcode": "PCode",
            "reference": "File Ref",
        },
    ),
    "E": Template(
        "annual statement",
        [
            "Title",
            "GivenName",
            "FamilyName",
            "AddressLine1",
            "AddressLine2",
            "Locality",
            "State",
            "Postcode",
            "ClaimNumber",
        ],
        _row_e,
        _letter_e,
        "pdf-window",
        {"suburb": "Locality"},
    ),
    "G": Template(
        "claim review",
        ["Addressee", "Address", "Suburb", "State", "Postcode", "Claim", "Review"],
        _row_g,
        _letter_g,
        "txt",
        {"full_name": "Addressee", "address_lines": "Address", "reference": "Claim"},
    ),
    "I": Template(
        "travel reimbursement",
        [
            "title",
            "first_name",
            "last_name",
            "street",
            "street2",
            "suburb",
            "state",
            "postcode",
            "claim_ref",
            "payment",
        ],
        _row_i,
        _letter_i,
        "merged-classic",
        {
            "given_name": "first_name",
            "family_name": "last_name",
            "address_lines": "street,street2",
            "reference": "claim_ref",
        },
    ),
    "K": Template(
        "indexation (shifted addressee)",
        ["Title", "FirstName", "Surname", "Address1", "Address2", "Suburb", "State", "Postcode", "ClaimNo", "Amount"],
        _row_a,
        _letter_a,
        "pdf-classic",
        {},
    ),
}


def _files(t: Template, letters: list[Letter]) -> tuple[list[tuple[str, bytes]], bool]:
    if t.fmt.startswith("merged-"):
        return [("merged.pdf", render_pdf.pdf_letters(letters, t.fmt.split("-", 1)[1]))], True
    out = []
    for i, letter in enumerate(letters, 1):
        ext, data = render_letter(letter, t.fmt)
        out.append((f"letter{i}.{ext}", data))
    return out, False


def _make(
    c: Corpus,
    key: str,
    clients: list[Client],
    rng: random.Random,
    seed: float,
    category: str,
    mutate: Mutation | None,
    note: str,
) -> Run:
    t = TEMPLATES[key]
    rows = [t.row(cl, random.Random(seed + i)) for i, cl in enumerate(clients)]
    letters = [
        t.letter(r, cl, random.Random(seed + 100 + i)) for i, (r, cl) in enumerate(zip(rows, clients, strict=True))
    ]
    per: PerLetter = [{"expect": "allow"} for _ in letters]
    run_expect = "allow"

    def rebuild(i: int, row: Row) -> Letter:
        """Letter i as the template would print it from `row` (same case manager, same date)."""
        return t.letter(row, clients[i], random.Random(seed + 100 + i))

    if mutate:
        letters, per, extra = mutate(rows, letters, rebuild)
        run_expect = "block"
        note = f"{note}; {extra}"
    data = render_docs.csv_bytes([list(t.columns)] + [[r[col] for col in t.columns] for r in rows])
    files, merged = _files(t, letters)
    return c.add_run(Run(category, "data.csv", data, files, merged, per, run_expect, note, map=dict(t.map)))


def build_runs(c: Corpus) -> None:
    rng = c.rng("runs")
    n = max(6, c.n(12))
    used: set[str] = set()

    def cohort(pred: Callable[[Client], bool] = lambda x: True, k: int = n) -> list[Client]:
        pool = [x for x in c.reg.ordinary if x.cid not in used and pred(x)]
        chosen = rng.sample(pool, k)
        used.update(x.cid for x in chosen)
        return chosen

    def pair(
        key: str,
        category: str,
        legit_category: str,
        mutate: Mutation,
        note: str,
        pred: Callable[[Client], bool] = lambda x: True,
        extra_client: Client | None = None,
    ) -> None:
        clients = cohort(pred)
        if extra_client is not None:
            clients[1] = extra_client
        seed = rng.random()
        legit = _make(
            c,
            key,
            clients,
            rng,
            seed,
            "mail-merge/" + legit_category,
            None,
            f"{TEMPLATES[key].name}: every letter matches its row",
        )
        bad = _make(c, key, clients, rng, seed, "mail-merge/" + category, mutate, TEMPLATES[key].name)
        legit.twin, bad.twin = bad, legit

    start = max(2, n // 2)

    def body_shift(rows: list[Row], letters: list[Letter], rebuild: Rebuild) -> Mutated:
        """From letter `start` the claim and amount come from the previous row (a sorted side table)."""
        out = list(letters)
        per: PerLetter = [{"expect": "allow"} for _ in letters]
        for i in range(start, len(rows)):
            out[i] = rebuild(i, dict(rows[i], ClaimNo=rows[i - 1]["ClaimNo"], Amount=rows[i - 1]["Amount"]))
            per[i] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
        return out, per, f"claim numbers shift by one row from letter {start + 1}"

    victim = next((v for v, _e in c.reg.fv if v.addr.kind in ("street", "unit")), None)
    pair("A", "row-shift", "docx-folder", body_shift, "indexation letters (DOCX folder)", extra_client=victim)

    def duplicate(rows: list[Row], letters: list[Letter], rebuild: Rebuild) -> Mutated:
        d = min(4, len(letters) - 1)
        out = letters[: d + 1] + [letters[d]] + letters[d + 1 :]
        per: PerLetter = [{"expect": "allow"} for _ in out]
        per[d + 1] = {"expect": "block", "rules": ["mixed_client_documents"]}
        return out, per, f"letter {d + 1} printed twice (the copy is letter {d + 2} of the file; no row of its own)"

    pair(
        "C",
        "duplicate",
        "no-reference-printed",
        duplicate,
        "certificate reminders, no reference printed (one merged PDF)",
    )

    def missing(rows: list[Row], letters: list[Letter], rebuild: Rebuild) -> Mutated:
        gap = min(6, len(letters) - 2)
        out = letters[:gap] + letters[gap + 1 :]
        return (
            out,
            [{"expect": "allow"} for _ in out],
            (f"no letter for row {gap + 1}; each remaining letter is correct for its own addressee and row"),
        )

    pair(
        "E",
        "missing-letter",
        "other-reference-printed",
        missing,
        "annual statements printing the client's other reference (PDF folder)",
        pred=lambda x: len(x.refs) > 1,
    )

    def other_client(rows: list[Row], letters: list[Letter], rebuild: Rebuild) -> Mutated:
        k = min(3, len(letters) - 1)
        y = other_than(c.reg, rng, *[x for x in c.reg.ordinary if x.cid in used][:1])
        out = list(letters)
        lt = out[k]
        out[k] = Letter(
            lt.name_lines,
            lt.addr_lines,
            lt.date,
            lt.subject,
            lt.paras[:1]
            + [f"Please also note that the review of claim {y.claim} ({y.full}) has been brought forward."]
            + lt.paras[1:],
            lt.salutation,
            lt.refs,
            lt.pre_greeting,
            lt.table,
            lt.signoff,
            lt.confidential,
        )
        per: PerLetter = [{"expect": "allow"} for _ in out]
        per[k] = {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}
        return out, per, f"letter {k + 1} carries the claim of {y.cid}"

    pair(
        "G",
        "other-client-data",
        "single-name-column",
        other_client,
        "claim review notices, single addressee column (TXT folder)",
    )

    def unmerged(rows: list[Row], letters: list[Letter], rebuild: Rebuild) -> Mutated:
        k = min(2, len(letters) - 1)
        out = list(letters)
        lt = out[k]
        out[k] = Letter(
            lt.name_lines,
            lt.addr_lines,
            lt.date,
            lt.subject,
            ["We have reimbursed \u00abpayment\u00bb of travel expenses on claim " + rows[k]["claim_ref"] + "."]
            + lt.paras[1:],
            lt.salutation,
            lt.refs,
            lt.pre_greeting,
            lt.table,
            lt.signoff,
            lt.confidential,
        )
        per: PerLetter = [{"expect": "allow"} for _ in out]
        per[k] = {"expect": "block", "rules": ["unmerged_field"]}
        return out, per, f"letter {k + 1} has an unmerged \u00abpayment\u00bb field"

    pair(
        "I",
        "unmerged-field",
        "snake-case-columns",
        unmerged,
        "travel reimbursements, snake_case columns (one merged PDF)",
    )

    def addressee_shift(rows: list[Row], letters: list[Letter], rebuild: Rebuild) -> Mutated:
        """From letter `start`, each letter is addressed to the previous row's person."""
        out = list(letters)
        per: PerLetter = [{"expect": "allow"} for _ in letters]
        for i in range(start, len(rows)):
            prev = letters[i - 1]
            out[i] = Letter(
                prev.name_lines,
                prev.addr_lines,
                letters[i].date,
                letters[i].subject,
                letters[i].paras,
                prev.salutation,
                letters[i].refs,
                [],
                None,
                letters[i].signoff,
            )
            per[i] = {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}
        return out, per, f"address blocks shift by one row from letter {start + 1}"

    pair("K", "row-shift", "pdf-folder", addressee_shift, "indexation letters (PDF folder)")
