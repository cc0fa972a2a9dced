"""Incidents and twins: html-mail, identifiers-dates."""

from __future__ import annotations

from tests.corpora.migration import render as R
from tests.corpora.migration import world as W
from tests.corpora.migration.kit import Kit

SD, MR, MX, SI = "suppressed_detail_exposed", "mismatched_recipient", "mixed_client_documents", "sensitive_identifier"


def _frm(k: Kit, i: int) -> str:
    s = k.staff(i)
    return f"{s.name} <{s.email}>"


def _intl(phone: str) -> str:
    d = phone.replace(" ", "")
    return f"+61 {d[1:4]} {d[4:7]} {d[7:]}"


def _street_only(street: str) -> str:
    """'Unit 4/18 High Street' -> 'High Street'."""
    words = street.split()
    while words and any(ch.isdigit() for ch in words[0]) or words and words[0] in ("Unit", "Apartment"):
        words = words[1:]
    return " ".join(words)


# -- html-mail -------------------------------------------------------------------------------------------------
def html_newsletter(k: Kit, i: int) -> None:
    a = k.take("any")
    b = k.other("any", a)
    fva, fvs = k.fv_case(i)
    v = i % 3
    to = fvs if v == 2 else a

    def make(bad: bool):
        hidden = ""
        if bad and v == 0:
            hidden = (
                f"<div style='display:none'>Preview record: {b.name} | {b.email} | {b.matter} | "
                f"expires {b.expiry or '2026-03-01'}</div>"
            )
        elif bad and v == 1:
            hidden = f"<p>Questions? <a href='mailto:{b.email}'>Reply to your case officer</a></p>"
        elif bad:
            hidden = f"<!-- merge source: {fva.name}, {fva.addr.one_line()} -->"
        html = (
            f"<html><body><h2 style='color:#13406b'>Harbourgate News - November 2025</h2>"
            f"<p>Dear {to.given or to.family},</p><p>The Department has announced changes to the Skills in Demand "
            "visa from 7 December 2025, and new English test providers for partner visas.</p>"
            f"{hidden}<p>Our free seminar is on 20 November at our Dandenong office.</p>"
            f"<p>{W.FIRM} | {W.OFFICES[0].address} | {W.HEAD_PHONE}</p></body></html>"
        )
        text = f"Harbourgate News - November 2025\n\nDear {to.given or to.family},\n\nChanges to visas ..."
        data = R.eml(
            k.mid(),
            f"Harbourgate News <news@{W.INTERNAL}>",
            [f"{to.name} <{to.email}>"],
            "Harbourgate News - November 2025",
            text,
            html=html,
        )
        what = ["hidden merge preview of", "mailto link to", "HTML comment with the suppressed address of"][v]
        other = fva.cid if v == 2 else b.cid
        note = f"newsletter to {to.cid} carries {what} {other}" if bad else f"newsletter to {to.cid}"
        return data, note

    rules = [SD] if v == 2 else [MR, MX]
    k.pair("html-mail/newsletter", "eml", make, rules, suppressed=v == 2)


# -- identifiers-dates ----------------------------------------------------------------------------------------
def tfn(k: Kit, n: int) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    base = 81234567 + n * 9173
    while True:
        d = [int(x) for x in f"{base:08d}"]
        for last in range(10):
            if sum(a * b for a, b in zip(d + [last], w, strict=True)) % 11 == 0:
                s = f"{base:08d}{last}"
                return f"{s[:3]} {s[3:6]} {s[6:]}"
        base += 1


def card(n: int) -> str:
    digits = [4, 5, 6, 4, 1, 8, 2, 0, 3, 3, 7, 1, (n * 3) % 10, n % 10, 2]
    total = 0
    for idx, dgt in enumerate(reversed(digits)):
        x = dgt * 2 if idx % 2 == 0 else dgt
        total += x - 9 if x > 9 else x
    s = "".join(map(str, digits)) + str((10 - total % 10) % 10)
    return " ".join(s[j : j + 4] for j in range(0, 16, 4))


def identifiers(k: Kit, i: int) -> None:
    v = i % 4
    w = k.take("worker")
    a = k.take("single")

    def make(bad: bool):
        if v == 0:
            hr = W.EMPLOYERS[w.employer][1]
            line = (
                f"The tax file number is {tfn(k, i)} for your payroll set-up."
                if bad
                else "The tax file number declaration will come to you directly from the employee."
            )
            text = f"Hi,\n\n{w.name} starts on 17 November (matter {w.matter}).\n{line}" + R.signature(k.staff(i), 0)
            data = R.eml(k.mid(), _frm(k, i), [hr], f"Start date - {w.name}", text)
            note = f"tax file number of {w.cid} sent to the employer" if bad else f"start date of {w.cid} to employer"
        elif v == 1:
            line = f"Card {card(i)} charged" if bad else f"Card ending {card(i)[-4:]} charged"
            text = (
                f"Trust account receipt TR-{8800 + i}\n\nReceived from {a.name}: $1,650.00\nMatter {a.matter}\n"
                f"{line}" + R.signature(W.STAFF[4], 0)
            )
            data = R.eml(
                k.mid(), f"Accounts <{W.STAFF[4].email}>", [f"{a.name} <{a.email}>"], f"Receipt TR-{8800 + i}", text
            )
            note = f"receipt to {a.cid} prints a full card number" if bad else f"receipt to {a.cid}, masked card"
        elif v == 2:
            x, y = (k.c(c) for c in k.w.namesakes[i % 3])
            d = y.dob if bad else x.dob
            day, mon, yr = d[8:], d[5:7], d[:4]
            text = (
                f"Dear {x.given},\n\nYour citizenship appointment letter will show your date of birth as "
                f"{day}/{mon}/{yr}. Please check it.\n\nMatter {x.matter}" + R.signature(k.staff(i), 0)
            )
            data = R.eml(k.mid(), _frm(k, i), [f"{x.name} <{x.email}>"], "Please check your date of birth", text)
            note = (
                f"email to {x.cid} gives the date of birth of namesake {y.cid}"
                if bad
                else f"email to {x.cid}, own date of birth"
            )
        else:
            o = k.other("single", a)
            ref = (o.matter if bad else a.matter).replace("-", " ")
            text = f"Dear {a.given or a.family},\n\nPlease quote {ref} when you pay the lodgement fee." + R.signature(
                k.staff(i), 0
            )
            data = R.eml(k.mid(), _frm(k, i), [f"{a.name} <{a.email}>"], "Lodgement fee", text)
            note = (
                f"email to {a.cid} quotes the matter number of {o.cid}, spaced"
                if bad
                else f"email to {a.cid}, own matter number spaced"
            )
        return data, note

    rules = [[SI], [SI], [MR, MX], [MR, MX]][v]
    k.pair("identifiers-dates/" + ["tfn", "card-number", "namesake-dob", "spaced-reference"][v], "eml", make, rules)


CASES = [(html_newsletter, 5), (identifiers, 8)]
