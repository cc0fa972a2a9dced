"""Mail-merge runs (channel batch) and planning notifications with a suppressed applicant."""

from __future__ import annotations

import csv
import io

from . import content as ct
from .corpus import Corpus, plain
from .formats import Letter, docx_bytes, pdf_bytes
from .people import Client

COLS = ["AssessmentNo", "Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "AmountDue"]


def row(c: Client, amount: str) -> list[str]:
    return [
        c.ref("rates"),
        c.title,
        c.given,
        c.family,
        c.addr.street_line(),
        c.addr.suburb.upper(),
        "VIC",
        c.addr.postcode,
        amount,
    ]


def merged(c: Client, amount: str, ref: str, head: str = "") -> Letter:
    return Letter(
        address=[f"{c.title} {c.given} {c.family}", c.addr.street_line(), c.addr.locality()],
        subject="Rates and Valuation Notice 2025/26",
        refs=[("Assessment No", ref), ("Amount due", amount)],
        body=[
            (head or f"Dear {c.title} {c.family},"),
            f"The amount of {amount} is due on 31 March 2026 for assessment {ref}. Pay by BPAY biller code 28147.",
            "Pensioners may be eligible for a concession; call (03) 5460 1200.",
        ],
    )


def write_data(path, cols, rows) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def make_runs(k: Corpus, scale: float = 1.0) -> list[dict]:
    r = k.r
    n = max(8, int(16 * scale))
    pool = [c for c in k.reg.clients if plain(c) and "rates" in c.refs]
    labels = []

    def run_dir(rid):
        d = k.out / "runs" / rid
        (d / "letters").mkdir(parents=True, exist_ok=True)
        return d

    # R01 clean / R02 row shift from letter 7: folders of PDFs
    for rid, shift in (("R01", False), ("R02", True)):
        cs = r.sample(pool, n + 1)
        amounts = [ct.money(r) for _ in cs]
        d = run_dir(rid)
        write_data(d / "data.csv", COLS, [row(c, a) for c, a in zip(cs[:n], amounts, strict=False)])
        per = []
        for i in range(n):
            j = i + 1 if shift and i >= 6 else i
            L = merged(cs[i], amounts[j], cs[j].ref("rates"))
            (d / "letters" / f"letter{i + 1}.pdf").write_bytes(pdf_bytes([L]))
            per.append(
                {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
                if j != i
                else {"expect": "allow"}
            )
        labels.append(
            {
                "id": rid,
                "channel": "batch",
                "category": "mail-merge/row-shift",
                "data": f"runs/{rid}/data.csv",
                "letters": f"runs/{rid}/letters/",
                "per_letter": per,
                "run_expect": "block" if shift else "allow",
                "twin": "R02" if rid == "R01" else "R01",
                "note": "rows shift by one from letter 7" if shift else "clean rates run",
            }
        )
    # R03 clean / R04 pages mixed + suppressed: one merged PDF, column names a print room would map
    cols = ["Acct No.", "Salutation", "Given", "Family", "Street", "Town", "State", "PC", "Due"]
    victims = [v for v in k.reg.silent() if v.joint]
    for rid, bad in (("R03", False), ("R04", True)):
        cs = r.sample(pool, n)
        amounts = [ct.money(r) for _ in cs]
        d = run_dir(rid)
        write_data(d / "data.csv", cols, [row(c, a) for c, a in zip(cs, amounts, strict=False)])
        letters, per = [], []
        for i, c in enumerate(cs):
            L = merged(c, amounts[i], c.ref("rates"))
            p = {"expect": "allow"}
            if bad and i == 4:  # page 2 of the next ratepayer's notice printed into this letter
                nx = cs[i + 1]
                L.extra_pages = [
                    [
                        f"Page 2 - {nx.title} {nx.given} {nx.family}, assessment {nx.ref('rates')}",
                        f"Property: {nx.addr.one_line()}",
                        "Instalment schedule: 30 Sep, 30 Nov, 28 Feb, 31 May",
                    ]
                ]
                p = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
            if bad and i == 9 and victims:
                v = victims[0]
                L.body.append(
                    f"Note: a copy has been sent to the co-owner at {v.addr.street_line(abbr=True)}, {v.addr.suburb}."
                )
                p = {"expect": "block", "rules": ["suppressed_detail_exposed"], "suppressed": True}
            letters.append(L)
            per.append(p)
        (d / "merged.pdf").write_bytes(pdf_bytes(letters))
        labels.append(
            {
                "id": rid,
                "channel": "batch",
                "category": "mail-merge/merged-pdf",
                "data": f"runs/{rid}/data.csv",
                "letters": f"runs/{rid}/merged.pdf",
                "map": {
                    "reference": "Acct No.",
                    "given_name": "Given",
                    "family_name": "Family",
                    "address_lines": "Street",
                    "suburb": "Town",
                    "postcode": "PC",
                },
                "per_letter": per,
                "run_expect": "block" if bad else "allow",
                "twin": "R04" if rid == "R03" else "R03",
                "note": "letter 5 carries page 2 of the next ratepayer; letter 10 shows suppressed address"
                " of a co-owner"
                if bad
                else "clean merged reminder run",
            }
        )
    # R05 clean / R06 unmerged fields: folder of DOCX
    for rid, bad in (("R05", False), ("R06", True)):
        cs = r.sample(pool, n)
        amounts = [ct.money(r, 200, 700) for _ in cs]
        d = run_dir(rid)
        write_data(d / "data.csv", COLS, [row(c, a) for c, a in zip(cs, amounts, strict=False)])
        per = []
        for i, c in enumerate(cs):
            head = "Dear «Title» «Surname»," if bad and i in (2, 8) else ""
            L = merged(c, amounts[i], c.ref("rates"), head)
            L.subject = "Final reminder - overdue rates"
            (d / "letters" / f"letter{i + 1}.docx").write_bytes(docx_bytes(L))
            per.append({"expect": "block", "rules": ["unmerged_field"]} if head else {"expect": "allow"})
        labels.append(
            {
                "id": rid,
                "channel": "batch",
                "category": "mail-merge/docx-folder",
                "data": f"runs/{rid}/data.csv",
                "letters": f"runs/{rid}/letters/",
                "per_letter": per,
                "run_expect": "block" if bad else "allow",
                "twin": "R06" if rid == "R05" else "R05",
                "note": "letters 3 and 9 keep «Title» «Surname»" if bad else "clean final-reminder run",
            }
        )
    return labels


def planning_incidents(k: Corpus) -> None:
    r = k.r
    victims = [v for v in k.reg.silent() if v.addr.kind == "street"]
    done = 0
    for site_owner in k.reg.clients:
        if done >= 4:
            break
        if site_owner.addr.kind != "street" or site_owner.suppressed:
            continue
        nbrs = k.reg.neighbours(site_owner)
        if not nbrs:
            continue
        v = victims[done % len(victims)]
        nb = nbrs[0]
        rec = ct.block(nb, done)
        good_app = [
            "Applicant: Ridgeline Planning Pty Ltd on behalf of the owner.",
            "Applicant: the owner of the land.",
            "Applicant: Murray Drafting Services.",
            "Applicant: Wirrabara Building Design.",
        ][done]
        bad_app = [
            f"Applicant: {v.given} {v.family}, {v.addr.one_line()}.",
            f"Applicant: the owner, {v.title} {v.family} (postal: {v.addr.street_line(abbr=True)} "
            f"{v.addr.suburb.upper()}).",
            f"Applicant: Murray Drafting Services for {v.given} {v.family} of {v.addr.suburb}, {v.addr.street_line()}.",
            f"Notice has also been given to the occupier, {v.given[0]}. {v.family}, "
            f"{v.addr.street_line(abbr=True, unit_style=2)}.",
        ][done]
        lay = ("window", "right", "table", "window")[done]
        fmt = ("pdf", "rtf", "docx", "txt")[done]
        cat = "relationships/planning-notification"
        L1 = ct.planning_notice(rec, site_owner.addr, r, good_app, layout=lay)
        L2 = ct.planning_notice(rec, site_owner.addr, r, bad_app, layout=lay)
        i1 = k.letter(L1, fmt, cat, note=f"notice to neighbour {nb.cid} about {site_owner.cid}'s property")
        i2 = k.letter(
            L2,
            fmt,
            cat,
            "block",
            ["suppressed_detail_exposed"],
            True,
            note=f"notice to neighbour {nb.cid} shows the suppressed address of applicant {v.cid}",
        )
        k.twin(i1, i2)
        done += 1


def merged_scan(k: Corpus) -> None:
    """A print-room PDF of several letters given to `dlp scan`: one verdict per letter."""
    r = k.r
    pool = [c for c in k.reg.clients if plain(c) and "rates" in c.refs]
    first = ""
    for bad in (False, True):
        cs = r.sample(pool, 5)
        letters, per = [], []
        for i, c in enumerate(cs):
            src = cs[(i + 1) % 5] if bad and i == 2 else c
            letters.append(merged(c, ct.money(r), src.ref("rates")))
            per.append(
                {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}
                if src is not c
                else {"expect": "allow"}
            )
        note = f"letter 3 to {cs[2].cid} carries assessment of {cs[3].cid}" if bad else "five correct notices"
        iid = k.raw(pdf_bytes(letters), "pdf", "mail-merge/print-file", note=note, extra={"letters": per})
        lab = k.labels[-1]
        del lab["expect"]
        if bad:
            k.twin(first, iid)
        first = iid


def delivery_address(k: Corpus) -> None:
    """A suppressed address used as the delivery address of a letter for somebody else."""
    r = k.r
    for n, v in enumerate([v for v in k.reg.silent() if v.joint][:3]):
        ex = k.reg.by_id[v.joint[0]]
        st = k.style()
        good = ct.rates_reminder(ex, r, st)
        bad = ct.rates_reminder(ex, r, st)
        bad.address = [ct.name_line(ex, st)] + ct.addr_lines(v.addr, st)
        fmt = ("pdf", "docx", "txt")[n]
        cat = "address-block/suppressed-as-delivery"
        i1 = k.letter(good, fmt, cat, note=f"reminder to {ex.cid} at own address")
        i2 = k.letter(
            bad,
            fmt,
            cat,
            "block",
            ["suppressed_detail_exposed", "mismatched_recipient"],
            True,
            note=f"reminder for {ex.cid} addressed to the suppressed address of former joint owner {v.cid}",
        )
        k.twin(i1, i2)
