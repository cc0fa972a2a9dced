"""Mail-merge runs: acknowledgement letters merged from CRM exports (data CSV + letters)."""

from __future__ import annotations

import copy
import csv
import io
from collections.abc import Callable

from tests.corpora.ombudsman.corpus import Corpus
from tests.corpora.ombudsman.formats import Letter, letter_bytes, letters_pdf
from tests.corpora.ombudsman.people import ORG_NAME, Client
from tests.corpora.ombudsman.texts import case_summary, issue

MIXED = ["mixed_client_documents", "mismatched_recipient"]

# Three CRM export styles: (columns, row builder, --map a print room would pass or None).
SF_COLS = [
    "Case Number",
    "Salutation",
    "First Name",
    "Last Name",
    "Mailing Street",
    "Mailing City",
    "Mailing State/Province",
    "Mailing Zip/Postal Code",
    "Member Account",
    "Case Owner",
]
SF_MAP = {
    "reference": "Case Number",
    "address_lines": "Mailing Street",
    "suburb": "Mailing City",
    "state": "Mailing State/Province",
    "postcode": "Mailing Zip/Postal Code",
}
PLAIN_COLS = [
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Address2",
    "Suburb",
    "State",
    "Postcode",
    "AccountNo",
    "ComplaintNo",
]
DYN_COLS = [
    "ticketnumber",
    "fullname",
    "address1_line1",
    "address1_line2",
    "address1_city",
    "address1_stateorprovince",
    "address1_postalcode",
    "ewo_memberaccount",
    "createdon",
]
DYN_MAP = {
    "reference": "ticketnumber",
    "full_name": "fullname",
    "address_lines": "address1_line1,address1_line2",
    "suburb": "address1_city",
    "state": "address1_stateorprovince",
    "postcode": "address1_postalcode",
}


def _row(style: str, c: Client, owner: str) -> list[str]:
    a = c.address
    l1, l2 = a.lines[0], (a.lines[1] if len(a.lines) > 1 else "")
    if style == "sf":
        return [
            c.complaint_no,
            c.title,
            c.given,
            c.family,
            "\n".join(a.lines),
            a.town,
            a.state,
            a.postcode,
            c.account,
            owner,
        ]
    if style == "plain":
        return [c.title, c.given, c.family, l1, l2, a.town, a.state, a.postcode, c.account, c.complaint_no]
    return [
        c.complaint_no,
        f"{c.title} {c.given} {c.family}",
        l1,
        l2,
        a.town,
        a.state,
        a.postcode,
        c.account,
        "2026-04-01T09:00:00Z",
    ]


def _csv(cols: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def _letter(cx: Corpus, c: Client, ref_from: Client, date: str, salutation: str | None = None) -> Letter:
    return Letter(
        address=[c.formal, *c.address.block(True)],
        date=date,
        refs=[f"Complaint no. {ref_from.complaint_no}", f"Account: {ref_from.account_spaced()}"],
        salutation=salutation or f"Dear {c.title} {c.family},",
        subject="We have received your complaint",
        body=[
            f"Thank you for contacting the {ORG_NAME}. We have registered your complaint and referred it to "
            f"{ref_from.member.name}. They will contact you within 10 business days.",
            "Please keep this letter and quote the complaint number above if you contact us.",
        ],
        signoff=["Yours sincerely,", "", "Early Resolution Team", ORG_NAME],
        letterhead=1,
    )


def _write_run(
    cx: Corpus,
    rid: str,
    cat: str,
    cols: list[str],
    rows: list[list[str]],
    letters: list[Letter],
    ext: str | None,
    per: list[dict],
    note: str,
    fmap: dict | None,
) -> str:
    base = cx.out / "runs" / rid
    base.mkdir(parents=True, exist_ok=True)
    (base / "data.csv").write_bytes(_csv(cols, rows))
    if ext is None:
        (base / "merged.pdf").write_bytes(letters_pdf(letters))
        where = f"runs/{rid}/merged.pdf"
    else:
        d = base / "letters"
        d.mkdir(exist_ok=True)
        for i, letter in enumerate(letters, 1):
            (d / f"letter{i}.{ext}").write_bytes(letter_bytes(letter, ext))
        where = f"runs/{rid}/letters/"
    lab: dict = {"id": rid, "channel": "batch", "category": cat, "data": f"runs/{rid}/data.csv", "letters": where}
    if fmap:
        lab["map"] = fmap
    lab |= {
        "per_letter": per,
        "run_expect": "block" if any(p["expect"] == "block" for p in per) else "allow",
        "note": note,
    }
    cx.labels.append(lab)
    return rid


def _pair(
    cx: Corpus,
    n: int,
    style: str,
    cols: list[str],
    fmap: dict | None,
    ext: str | None,
    ids: tuple[str, str],
    cat_bad: str,
    spoil: Callable[[list[Client], list[Letter], list[dict]], str],
) -> None:
    cs = cx.rng.sample(cx.reg.ordinary, n)
    date = cx.date_text()
    owner = cx.staff()[0]
    rows = [_row(style, c, owner) for c in cs]
    good = [_letter(cx, c, c, date) for c in cs]
    per_good = [{"expect": "allow"} for _ in cs]
    bad = copy.deepcopy(good)
    per_bad = copy.deepcopy(per_good)
    note = spoil(cs, bad, per_bad)
    _write_run(
        cx,
        ids[0],
        "mail-merge/correct-run",
        cols,
        rows,
        good,
        ext,
        per_good,
        f"{n} acknowledgement letters, each matching its row",
        fmap,
    )
    _write_run(cx, ids[1], cat_bad, cols, rows, bad, ext, per_bad, note, fmap)
    by = {x["id"]: x for x in cx.labels}
    by[ids[0]]["twin"], by[ids[1]]["twin"] = ids[1], ids[0]


def build(cx: Corpus) -> None:
    n = max(6, round(14 * min(cx.scale, 1.0)))

    def shift(cs: list[Client], letters: list[Letter], per: list[dict]) -> str:
        k = len(cs) // 2
        for i in range(k, len(cs)):
            src = cs[i + 1] if i + 1 < len(cs) else cs[k]
            letters[i].refs = [f"Complaint no. {src.complaint_no}", f"Account: {src.account_spaced()}"]
            per[i] = {"expect": "block", "rules": MIXED}
        return f"references shift by one row from letter {k + 1}"

    def unmerged(cs: list[Client], letters: list[Letter], per: list[dict]) -> str:
        picks = sorted(cx.rng.sample(range(len(cs)), 2))
        for i in picks:
            letters[i].salutation = "Dear «Salutation» «Last_Name»,"
            per[i] = {"expect": "block", "rules": ["unmerged_field"]}
        return f"letters {picks[0] + 1} and {picks[1] + 1}: salutation left unmerged (empty CRM fields)"

    def enclosure(cs: list[Client], letters: list[Letter], per: list[dict]) -> str:
        k = cx.rng.randint(2, len(cs) - 2)
        _, detail = issue(cx)
        letters[k].extra_pages = [("Complaint summary", case_summary(cs[k + 1], detail))]
        per[k] = {"expect": "block", "rules": MIXED}
        return f"letter {k + 1} carries the complaint summary page of the next complainant"

    _pair(cx, n, "sf", SF_COLS, SF_MAP, "pdf", ("R01", "R02"), "mail-merge/row-shift", shift)
    _pair(cx, n, "plain", PLAIN_COLS, None, "docx", ("R03", "R04"), "mail-merge/unmerged-field", unmerged)
    _pair(cx, n + 4, "dyn", DYN_COLS, DYN_MAP, None, ("R05", "R06"), "mail-merge/merged-pdf-enclosure", enclosure)
