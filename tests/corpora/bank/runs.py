"""Six `dlp batch` runs from the print room: three clean, three each with their own fault."""

from __future__ import annotations

import csv
import io

from tests.corpora.bank import content as C
from tests.corpora.bank import render as R
from tests.corpora.bank.kit import Kit
from tests.corpora.bank.render import Letter

OK = {"expect": "allow"}


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _summary(m, acct_holder, i) -> Letter:
    return Letter(
        to=C.block(m, 0),
        subject="Your quarterly account summary",
        salutation=f"Dear {m.given}",
        paras=[
            f"Account {C.spaced(acct_holder.savings)}: closing balance ${1200 + i * 137:,}.45 at 28 February 2026.",
            "Your full statement is available in Internet Banking.",
        ],
        refs=[("Member number", acct_holder.member_no)],
        branch=i % 8,
    )


def build(k: Kit) -> list[dict]:
    reg, out = k.reg, k.out
    labels: list[dict] = []

    def write(rid, data, letters, per_letter, category, twin, note, mp=None, merged=False):
        d = out / "runs" / rid
        (d / "letters").mkdir(parents=True, exist_ok=True) if not merged else d.mkdir(parents=True, exist_ok=True)
        (d / "data.csv").write_bytes(data)
        if merged:
            (d / "merged.pdf").write_bytes(letters)
            where = f"runs/{rid}/merged.pdf"
        else:
            for j, (ext, b) in enumerate(letters, 1):
                (d / "letters" / f"letter{j}.{ext}").write_bytes(b)
            where = f"runs/{rid}/letters/"
        lab = {"id": rid, "channel": "batch", "category": category, "data": f"runs/{rid}/data.csv", "letters": where}
        if mp:
            lab["map"] = mp
        lab.update(
            per_letter=per_letter,
            run_expect="block" if any(v["expect"] == "block" for v in per_letter) else "allow",
            twin=twin,
            note=note,
        )
        labels.append(lab)

    head = ["MemberNo", "Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "AccountNo"]
    singles = [m for m in reg.members if m.kind == "single"]
    for rid, twin, start, shift in (("R01", "R02", 40, None), ("R02", "R01", 60, 5)):
        ms = singles[start : start + 12]
        extra = singles[start + 12]
        rows = [
            [m.member_no, m.title, m.given, m.family, m.line1_abbr, m.suburb, "QLD", m.postcode, m.savings] for m in ms
        ]
        letters, per = [], []
        for i, m in enumerate(ms):
            holder = m if shift is None or i < shift else (ms + [extra])[i + 1]
            letters.append(("txt", R.txt(_summary(m, holder, i))))
            per.append(
                OK if holder is m else {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
            )
        note = (
            "twelve summaries, each on its own row"
            if shift is None
            else f"from letter {shift + 1} each summary carries the next row's account (last: {extra.cid})"
        )
        write(rid, _csv(head, rows), letters, per, "mail-merge/statement-run", twin, note)

    ingham = singles[80:90]
    rows = [[m.title, m.given, m.family, m.line1_abbr, m.suburb, "QLD", m.postcode, m.member_no] for m in ingham]
    head2 = ["Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "MemberNumber"]
    good = [C.closure(m, C.block(m, 0)) for m in ingham]
    write(
        "R03",
        _csv(head2, rows),
        R.pdf(good),
        [OK] * len(ingham),
        "mail-merge/closure-print-file",
        "R04",
        "ten branch closure letters in one print file",
        merged=True,
    )
    bad = [C.closure(m, C.block(m, 0)) for m in ingham]
    bad[4].salutation = "Dear «FirstName»"
    per = [OK] * len(ingham)
    per[4] = {"expect": "block", "rules": ["unmerged_field"]}
    write(
        "R04",
        _csv(head2, rows),
        R.pdf(bad),
        per,
        "mail-merge/closure-print-file",
        "R03",
        f"letter 5 to {ingham[4].cid} kept its first-name field",
        merged=True,
    )

    head3 = ["Borrower", "Co-borrower", "Street", "Town", "PC", "Loan Acct", "Days"]
    mp = {
        "full_name": "Borrower",
        "address_lines": "Street",
        "suburb": "Town",
        "postcode": "PC",
        "reference": "Loan Acct",
    }
    for rid, twin, off, leak in (("R05", "R06", 0, False), ("R06", "R05", 2, True)):
        vs = reg.victims[8 + off : 10 + off]
        cpl = [m for m in reg.members if m.kind == "couple" and m.home_loan][4 + off * 2 : 8 + off * 2]
        pairs = [(v, reg.by_id[v.joint[0]]) for v in vs] + [(cpl[0], cpl[1]), (cpl[2], cpl[3])]
        rows, letters, per = [], [], []
        for a, b in pairs:
            for me, other in ((a, b), (b, a)):
                lt = C.arrears(me, C.block(me, 0), me.home_loan, joint=other, days=45)
                if leak and me is pairs[0][1]:  # his copy tells him where hers went
                    lt.after = [f"A copy of this letter has been sent to {other.name} at {other.address}."]
                    per.append({"expect": "block", "rules": ["suppressed_detail_exposed"]})
                else:
                    lt.after = [f"A copy of this letter has been sent to {other.given} {other.family} separately."]
                    per.append(OK)
                rows.append([me.name, other.name, me.line1_abbr, me.suburb, me.postcode, me.home_loan, "45"])
                letters.append(("pdf", R.pdf([lt])))
        ex = pairs[0][1]
        note = (
            "joint-loan arrears letters, one per borrower at each borrower's own address"
            if not leak
            else f"letter 2 to {ex.cid} gives the suppressed address of {pairs[0][0].cid}"
        )
        write(rid, _csv(head3, rows), letters, per, "mail-merge/joint-arrears-run", twin, note, mp=mp)
    return labels
