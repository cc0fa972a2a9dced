"""Identifiers and dates as people write them (issue 9 point 6): TFN, Medicare and card numbers with valid
checksums in spaces, dashes and dots; the client's own TFN printed back; business ABNs; dates that are not
birth dates; and other people's birth dates in every common format."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from . import mail, org
from .corpus import MISMATCH, Corpus
from .kit import addr, emailable, first, letter, render_letter, spec_for, style
from .people import DOB_STYLES, date_as, ref_as
from .templates import Spec, details_confirmation


# -- identifiers with valid checksums ---------------------------------------------------------------
def tfn(rng: random.Random) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        if d[0] and sum(a * b for a, b in zip(w, d, strict=True)) % 11 == 0:
            return "".join(map(str, d))


def medicare(rng: random.Random) -> str:
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    return "".join(map(str, d)) + str(sum(a * b for a, b in zip(w, d, strict=True)) % 10) + str(rng.randint(1, 9))


def card_number(rng: random.Random) -> str:
    d = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, x in enumerate(reversed(d)):
        y = x * 2 if i % 2 == 0 else x
        total += y - 9 if y > 9 else y
    return "".join(map(str, d)) + str((10 - total % 10) % 10)


def abn(rng: random.Random) -> str:
    w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(10)]
        if sum(a * b for a, b in zip(w, [d[0] - 1] + d[1:], strict=True)) % 89 == 0:
            s = "".join(map(str, d))
            return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"


def acn(rng: random.Random) -> str:
    d = [rng.randint(0, 9) for _ in range(8)]
    check = (10 - sum(a * b for a, b in zip([8, 7, 6, 5, 4, 3, 2, 1], d, strict=True)) % 10) % 10
    s = "".join(map(str, d)) + str(check)
    return f"{s[:3]} {s[3:6]} {s[6:]}"


def tfn_as(n: str, style: int) -> str:
    return [f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}", n][style % 4]


def medicare_as(n: str, style: int) -> str:
    return [f"{n[:4]} {n[4:9]} {n[9]}", f"{n[:4]}-{n[4:9]}-{n[9]}", f"{n[:4]}.{n[4:9]}.{n[9]}", n][style % 4]


SENSITIVE = ["sensitive_identifier"]


def identifiers(cx: Corpus) -> None:
    rng = cx.rng
    # A client's hardship papers forwarded outside with the TFN or Medicare number left in.
    for i in range(cx.n(10)):
        c, contact, kind = cx.take("id-contacts", cx.reg.contacts)
        ident = "TFN" if i % 2 == 0 else "Medicare"
        num = tfn(rng) if ident == "TFN" else medicare(rng)
        shown = tfn_as(num, i // 2) if ident == "TFN" else medicare_as(num, i // 2)
        masked = "*** *** " + num[-3:] if ident == "TFN" else "**** ***** " + num[-1]
        label = "Tax file number" if ident == "TFN" else "Medicare card no."
        staff = org.STAFF[2]
        to = [f"{contact.name} <{contact.email}>"]
        tmpl = (
            f"Hi {contact.name.split()[0]},\n\nAs requested, here is a summary of the hardship application for "
            f"{c.name('full')} (account {ref_as(c.refs[0], 'spaces')}).\n\nHousehold income: Centrelink "
            f"${rng.randint(500, 1100)} per fortnight\n{label}: {{num}}\nDependants: {rng.randint(0, 4)}\n\n"
            f"Regards\n\n{org.signature(staff)}"
        )
        legit = cx.allow(
            "identifiers-dates/government-id",
            ".eml",
            mail.email(
                rng, sender=staff.header, to=to, subject="Hardship application summary", text=tmpl.format(num=masked)
            ),
            f"summary for the authorised {kind} of {c.cid}, {ident} masked",
        )
        cx.pair(
            legit,
            cx.block(
                "identifiers-dates/government-id",
                ".eml",
                mail.email(
                    rng, sender=staff.header, to=to, subject="Hardship application summary", text=tmpl.format(num=shown)
                ),
                SENSITIVE,
                f"{ident} of {c.cid} written {shown!r} sent outside the organisation",
            ),
        )
    # The client's own TFN / Medicare number printed back to them by post.
    for i in range(cx.n(6)):
        c = cx.plain()
        st = style(cx)
        ident = ["TFN", "Medicare"][i % 2]
        num = tfn(rng) if ident == "TFN" else medicare(rng)
        spec = spec_for(cx, c, st)
        label = "Tax file number" if ident == "TFN" else "Medicare card number"
        masked = ("*** *** " + num[-3:]) if ident == "TFN" else "**** ***** " + num[-1]
        rows = [("Name", c.name("full")), ("Postal address", c.address.one_line(abbrev=True))]
        ext, data = render_letter(details_confirmation(spec, rng, rows + [(label, masked)]), st)
        legit = cx.allow(
            "identifiers-dates/own-government-id",
            ext,
            data,
            f"details confirmation to {c.cid} with its own {ident} masked",
        )
        shown = tfn_as(num, i) if ident == "TFN" else medicare_as(num, i)
        ext, data = render_letter(details_confirmation(spec, rng, rows + [(label, shown)]), st)
        cx.pair(
            legit,
            cx.block(
                "identifiers-dates/own-government-id",
                ext,
                data,
                SENSITIVE,
                f"letter to {c.cid} prints its own full {ident}: a retailer has no lawful use for it, "
                "post is not an approved channel, and a privacy officer expects it masked",
            ),
        )
    for i in range(cx.n(4)):
        c = emailable(cx, cx.reg.plain, "card")
        pan = card_number(rng)
        shown = [f"{pan[:4]} {pan[4:8]} {pan[8:12]} {pan[12:]}", pan, f"{pan[:4]}-{pan[4:8]}-{pan[8:12]}-{pan[12:]}"][
            i % 3
        ]
        text = (
            f"Hi {first(c)},\n\nThank you for your payment of ${rng.randint(50, 600)}.00 to account "
            f"{ref_as(c.refs[0], 'spaces')}.\nReceipt: R{rng.randint(1000000, 9999999)}\nCard: {{card}}\n\n"
            f"{org.signature(org.STAFF[0])}"
        )
        legit = cx.allow(
            "identifiers-dates/card-number",
            ".eml",
            mail.email(
                rng,
                sender=org.BILLING.header,
                to=[addr(c)],
                subject="Payment receipt",
                text=text.format(card="Visa ending " + pan[-4:]),
            ),
            f"payment receipt to {c.cid} with the card masked",
        )
        cx.pair(
            legit,
            cx.block(
                "identifiers-dates/card-number",
                ".eml",
                mail.email(
                    rng,
                    sender=org.BILLING.header,
                    to=[addr(c)],
                    subject="Payment receipt",
                    text=text.format(card=shown),
                ),
                SENSITIVE,
                f"payment receipt to {c.cid} with the full card number",
            ),
        )
    # Business ABNs and the organisation's own ABN are public identifiers.
    for i in range(cx.n(5)):
        c = cx.take("abn", cx.reg.businesses)
        st = style(cx)
        spec = spec_for(cx, c, st)
        spec.box_extra = [("Customer ABN", abn(rng))]
        if "Pty Ltd" in c.business or i % 2:
            spec.box_extra.append(("ACN", acn(rng).replace(" ", ["-", ".", " "][i % 3])))
        ext, data = render_letter(letter(["bill", "price_change", "welcome"][i % 3], spec, rng), st)
        cx.allow("identifiers-dates/abn", ext, data, f"business account letter to {c.cid} showing its own ABN/ACN")
    _dates(cx)


def _dates(cx: Corpus) -> None:
    rng = cx.rng
    # Letters dense with dates that are not birth dates.
    for i in range(cx.n(6)):
        c = cx.plain()
        st = style(cx, date_style=["slash", "short", "long"][i % 3])
        spec = spec_for(cx, c, st)
        start = date(2024, 7, 1)
        rows = [
            [
                date_as(start + timedelta(days=91 * k), ["slash", "slash-yy", "dots"][i % 3]),
                date_as(start + timedelta(days=91 * k + 90), ["slash", "slash-yy", "dots"][i % 3]),
                f"${rng.randint(80, 500)}.{rng.randint(0, 99):02d}",
            ]
            for k in range(4)
        ]
        spec.extra = [
            ("h", "Your billing history"),
            ("table", ["From", "To", "Amount"], rows),
            ("p", f"Customer since {date_as(date(rng.randint(1995, 2020), rng.randint(1, 12), 1), 'long')}."),
        ]
        ext, data = render_letter(letter("bill", spec, rng), st)
        cx.allow("identifiers-dates/dates-not-dob", ext, data, f"bill to {c.cid} with many dates, none a birth date")
    # Life-support registration letters carry the patient's name and date of birth.
    for i in range(cx.n(8)):
        c = cx.plain()
        st = style(cx)
        dstyle = DOB_STYLES[i % len(DOB_STYLES)]
        spec = spec_for(cx, c, st)
        equipment = ["oxygen concentrator", "home dialysis machine", "CPAP machine", "feeding pump"][i % 4]

        legit = cx.allow(
            "identifiers-dates/dob-formats",
            st.ext,
            _life_support(cx, spec, c.name("full"), c.dob, dstyle, equipment),
            f"life support confirmation to {c.cid} with its own date of birth ({dstyle})",
        )
        b = cx.others(c)
        cx.pair(
            legit,
            cx.block(
                "identifiers-dates/dob-formats",
                st.ext,
                _life_support(
                    cx, spec, b.name(["full", "full-middle", "initials", "folded"][i % 4]), b.dob, dstyle, equipment
                ),
                MISMATCH,
                f"life support letter to {c.cid} names {b.cid} with date of birth ({dstyle})",
            ),
        )


def _life_support(cx: Corpus, spec: Spec, name: str, dob: date, dstyle: str, equipment: str) -> bytes:
    s = replace(spec)
    s.extra = [
        ("h", "Life support registration"),
        (
            "form",
            [
                ("Person using equipment", name),
                ("Date of birth", date_as(dob, dstyle)),
                ("Equipment", equipment),
                ("Registered", date_as(s.issue, "long")),
            ],
        ),
        ("p", "We will give at least four business days' notice of planned interruptions."),
    ]
    return render_letter(letter("welcome", s, cx.rng), s.st)[1]


# -- bulk extracts ------------------------------------------------------------------------------------


def run_all(cx: Corpus) -> None:
    identifiers(cx)
