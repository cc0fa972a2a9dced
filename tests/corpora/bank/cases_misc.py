"""Bulk lists, unfilled merge fields, unreadable parts and merged print files given to `dlp scan`."""

from __future__ import annotations

import csv
import io

from tests.corpora.bank import content as C
from tests.corpora.bank import render as R
from tests.corpora.bank import world as W
from tests.corpora.bank.kit import Kit


def _arrears_csv(k: Kit, n: int) -> bytes:
    pool = [m for m in k.reg.members if m.kind in ("single", "couple", "borrower", "guarantor")]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["MemberNo", "Name", "Account", "DaysInArrears", "Arrears", "Mobile"])
    for m in k.rng.sample(pool, n):
        w.writerow(
            [
                m.member_no,
                m.name,
                m.home_loan or m.personal_loan or m.savings,
                k.rng.randrange(31, 120),
                f"{k.rng.uniform(300, 5000):.2f}",
                m.phone,
            ]
        )
    return buf.getvalue().encode()


def build(k: Kit) -> None:
    rng = k.rng
    for i in k.times(3):  # the arrears list mailed home to work on over the weekend
        data = _arrears_csv(k, 28 + i * 3)
        body = "Working from home Saturday, list attached.\n\nPriya"
        att = [("arrears-31plus-march.csv", "text/csv", data)]
        bad = R.eml(f"b1b{i}", W.STAFF[2][1], [f"priya.raghu{80 + i}@bigmail.example"], "list", body, attachments=att)
        good = R.eml(f"b1g{i}", W.STAFF[2][1], [W.COLLECTIONS], "list", body, attachments=att)
        k.pair(
            "eml",
            bad,
            good,
            "bulk/arrears-list-personal-email",
            ["bulk_client_data", "mismatched_recipient"],
            "arrears list of many members to a personal mailbox",
            "arrears list to the collections mailbox",
        )

    ppl = [m for m in k.reg.members if m.kind == "single" and m.term_deposit]
    fields = ["«FirstName»", "{{member_no}}", "<<Title>> <<Surname>>", "[Surname]"]
    for i in k.times(4):
        m = ppl[i % len(ppl)]
        ext = ["docx", "pdf", "eml", "txt"][i % 4]
        good = C.maturity(m, C.block(m, i))
        bad = C.maturity(m, C.block(m, i))
        if i % 4 == 0:
            bad.salutation = "Dear «FirstName»"
        elif i % 4 == 1:
            bad.refs = [("Member number", "{{member_no}}"), ("Term deposit", m.term_deposit)]
        elif i % 4 == 3:
            bad.salutation = f"Dear {m.title} [Surname]"
        if ext == "eml":
            body = "Dear {s},\n\nYour term deposit {td} matures on 14 April 2026." + R.signature(4)
            bad_b = R.eml(
                f"u{i}b",
                W.MEMBERS_MAILBOX,
                [m.email],
                "Term deposit maturity",
                body.format(s="<<Title>> <<Surname>>", td=m.term_deposit),
            )
            good_b = R.eml(
                f"u{i}g",
                W.MEMBERS_MAILBOX,
                [m.email],
                "Term deposit maturity",
                body.format(s=f"{m.title} {m.family}", td=m.term_deposit),
            )
        else:
            bad_b, good_b = R.RENDER[ext](bad), R.RENDER[ext](good)
        k.pair(
            ext,
            bad_b,
            good_b,
            "unmerged/merge-field",
            ["unmerged_field"],
            f"maturity notice to {m.cid} with an unfilled {fields[i % 4][:2]} field",
            f"maturity notice to {m.cid}, all fields filled",
        )

    singles = [m for m in k.reg.members if m.kind == "single"]
    m = singles[rng.randrange(len(singles))]
    st = C.statement(rng, C.block(m), [m], m.savings)
    plain = R.pdf([st])
    body = f"Dear {m.given},\n\nYour statement is attached." + R.signature(4)

    def mail(key, data, name="statement.pdf", text=body):
        return R.eml(
            key,
            W.MEMBERS_MAILBOX,
            [m.email],
            "Your statement",
            text,
            attachments=[(name, "application/pdf", data)] if data else [],
        )

    k.pair(
        "eml",
        mail("x1b", R.pdf([st], encrypt=True)),
        mail("x1g", plain),
        "unscannable/encrypted-attachment",
        ["unscannable_content"],
        f"password-protected statement to {m.cid}",
        f"readable statement to {m.cid}",
    )
    broken = plain[: len(plain) // 3]
    k.pair(
        "eml",
        mail("x2b", broken),
        mail("x2g", plain),
        "unscannable/corrupt-pdf",
        ["unscannable_content"],
        f"truncated statement PDF to {m.cid}",
        f"whole statement PDF to {m.cid}",
    )
    pgp = (
        "-----BEGIN PGP MESSAGE-----\n\nhQEMA7Xk3h1qQ2dTAQf/ZXJ0aGluZyB5b3UgY2Fubm90IHJlYWQK0sBGAVe1\n"
        "c2VjcmV0IGJhbGFuY2VzIGFuZCBhY2NvdW50IG51bWJlcnMK3q8Lx9PqQwM=\n=Kp2Q\n-----END PGP MESSAGE-----\n"
    )
    k.pair(
        "eml",
        mail("x3b", None, text=f"Dear {m.given},\n\n{pgp}" + R.signature(4)),
        mail("x3g", None, text=body.replace("is attached", "is available in Internet Banking")),
        "unscannable/pgp-block",
        ["unscannable_content"],
        f"PGP-encrypted body to {m.cid}",
        f"plain notice to {m.cid}",
    )
    m2 = singles[(rng.randrange(len(singles)))]
    lt = C.dishonour(m2, C.block(m2))
    k.pair(
        "pdf",
        R.pdf([lt], encrypt=True),
        R.pdf([lt]),
        "unscannable/encrypted-letter",
        ["unscannable_content"],
        f"encrypted letter to {m2.cid} in the pre-send folder",
        f"readable letter to {m2.cid}",
    )

    tds = [m for m in k.reg.members if m.term_deposit and m.kind in ("single", "couple", "elder")]
    for i in k.times(2):  # print files of maturity notices given to dlp scan
        batch = tds[i * 6 : (i + 1) * 6]
        good = [C.maturity(x, C.block(x, j), branch=j % 8) for j, x in enumerate(batch)]
        bad = list(good)
        wrong = batch[(3 + 1) % 6]
        bad[3] = C.maturity(wrong, C.block(batch[3], 3), branch=3)
        bad[3].salutation = f"Dear {batch[3].given}"
        letters = [{"expect": "allow"} for _ in batch]
        letters[3] = {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}
        k.pair(
            "pdf",
            R.pdf(bad),
            R.pdf(good),
            "mail-merge/merged-print-file",
            [],
            f"print file of six notices; letter 4 to {batch[3].cid} carries {wrong.cid}'s term deposit",
            "print file of six notices, each to its own member",
            letters_bad=letters,
        )
