# ruff: noqa: B023, E731  (closures are called within the same loop iteration)
"""Areas suppressed-loose, identifiers-dates, mime-parts, threads."""

from __future__ import annotations

import html

from . import content as ct
from .corpus import CUSTOMER, PRIVACY_STAFF, STAFF, WORKS, Corpus, addr_to, has_email, plain
from .formats import eml_bytes, pdf_bytes
from .people import Addr, Client

SDE = ["suppressed_detail_exposed"]
MR = ["mismatched_recipient", "mixed_client_documents"]


def loose_forms(a: Addr) -> list[tuple[str, str]]:
    """(variation, text) ways staff write an address in free text."""
    st = ct.abbr(a.stype)
    u = a.unit
    num = f"{u}/{a.number}" if u else a.number
    q = f"{u}/{a.number}" if u else a.number
    maps = f"https://maps.example.com/?q={q}+{a.street.replace(' ', '+')}+{a.stype}+{a.suburb.replace(' ', '+')}"
    return [
        ("suburb-first", f"{a.suburb} - {a.number} {a.street} {st}" + (f" unit {u}" if u else "")),
        ("no-postcode", f"{num} {a.street} {st} {a.suburb}"),
        ("line-breaks", f"{num} {a.street} {a.stype}\n{a.suburb.upper()}"),
        ("in-sentence", f"she's moved to {a.street} {st} in {a.suburb} (no. {a.number}{', unit ' + u if u else ''})"),
        ("lower-case", f"{num} {a.street.lower()} {st.lower()}, {a.suburb.lower()} {a.postcode}"),
        ("maps-link", maps),
        ("table-cell", f"{num} {a.street} {st}|{a.suburb}|{a.postcode}"),
        ("html-attribute", f'<span data-address="{num} {a.street} {a.stype}, {a.suburb}">see file</span>'),
        (
            "unit-after-street",
            f"{a.number} {a.street} {st} #{u}, {a.suburb}" if u else f"No. {a.number} {a.street} {st}, {a.suburb}",
        ),
        ("abbreviated-state", f"{num} {a.street} {st}, {a.suburb}, Vic."),
    ]


def suppressed_loose(k: Corpus) -> None:
    victims = [v for v in k.reg.silent() if v.addr.kind == "street"]
    for n, (var, _) in enumerate(loose_forms(victims[0].addr)):
        v = victims[n % len(victims)]
        o = k.pick(lambda c: plain(c) and bool(c.addr.unit) == bool(v.addr.unit), exclude=(v.cid,))
        form_v = dict(loose_forms(v.addr))[var]
        form_o = dict(loose_forms(o.addr))[var]
        cat = f"suppressed-loose/{var}"
        subj = ["Bin replacement job", "Field visit", "Animal pick-up", "Fallen tree request", "Footpath inspection"][
            n % 5
        ]

        def body(form, who):
            if var == "table-cell":
                cells = form.split("|")
                return None, (
                    "<html><body><p>Hi team, jobs for tomorrow:</p><table border='1'><tr><th>Address</th>"
                    "<th>Suburb</th><th>PC</th><th>Job</th></tr><tr>"
                    + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
                    + "<td>replace damaged 240L bin</td></tr></table></body></html>"
                )
            if var == "html-attribute":
                return None, f"<html><body><p>Hi, please action the {subj.lower()} for {who}: {form}</p></body></html>"
            text = (
                f"Hi all,\n\n{subj} for {who} - {form}\n\nCustomer asked for a call before arrival.\n\n"
                f"Thanks\nKim\nCustomer Service, Wirrabara Shire Council\n"
            )
            return text, None

        for who, form, c, exp in ((o.given, form_o, o, "allow"), (v.given, form_v, v, "block")):
            text, htm = body(form, who)
            kw = {"html_body": htm} if htm else {}
            text = text or "Hi team, see the job list in the HTML part.\n"
            note = (
                f"works job at {c.cid}'s address, not suppressed"
                if exp == "allow"
                else f"suppressed address of {v.cid} written loosely to the works depot"
            )
            iid = k.mail(
                STAFF["kim"],
                WORKS,
                subj,
                text,
                cat,
                exp,
                SDE if exp == "block" else (),
                exp == "block",
                note=note,
                **kw,
            )
            if exp == "allow":
                first = iid
        k.twin(first, iid)
    # the same detail to the privacy officer (on the allowed staff list) is fine; to customer service it is not
    for n, v in enumerate(victims[:3]):
        form = loose_forms(v.addr)[n][1]
        text = (
            f"Hi,\n\nSilent enrolment update for assessment {v.ref('rates')}: new postal address is {form}."
            f"\nPlease update the restricted record.\n\nRob\n"
        )
        cat = "suppressed-loose/internal-staff-list"
        i1 = k.mail(
            STAFF["rob"],
            PRIVACY_STAFF[n],
            "Silent enrolment update",
            text,
            cat,
            note=f"suppressed address of {v.cid} to staff allowed to see it",
        )
        i2 = k.mail(
            STAFF["rob"],
            CUSTOMER,
            "Silent enrolment update",
            text,
            cat,
            "block",
            SDE,
            True,
            note=f"suppressed address of {v.cid} to the general customer-service mailbox",
        )
        k.twin(i1, i2)
    # suppressed phone written loosely
    for v in [v for v in k.reg.silent() if "phone" in v.suppressed][:2]:
        o = k.pick(lambda c: plain(c) and c.phones and "rates" in c.refs)
        digits = v.phones[0].replace(" ", "").replace("(", "").replace(")", "")
        dig_o = o.phones[0].replace(" ", "").replace("(", "").replace(")", "")
        cat = "suppressed-loose/phone-digits"
        t = "Note for the crew: ring the resident on {} before entering the property. Job 44{}."
        i1 = k.mail(
            STAFF["kim"],
            WORKS,
            "Mowing job",
            t.format(dig_o, 1),
            cat,
            note=f"ordinary phone of {o.cid} to the works depot",
        )
        i2 = k.mail(
            STAFF["kim"],
            WORKS,
            "Mowing job",
            t.format(digits, 2),
            cat,
            "block",
            SDE,
            True,
            note=f"suppressed phone of {v.cid} to the works depot",
        )
        k.twin(i1, i2)


def medicare(k: Corpus) -> str:
    d = [k.r.randint(2, 6)] + [k.r.randint(0, 9) for _ in range(7)]
    chk = sum(x * w for x, w in zip(d, (1, 3, 7, 9, 1, 3, 7, 9), strict=True)) % 10
    s = "".join(map(str, d)) + str(chk) + str(k.r.randint(1, 9))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def card(k: Corpus) -> str:
    d = [4] + [k.r.randint(0, 9) for _ in range(14)]
    tot = 0
    for i, x in enumerate(reversed(d)):
        y = x * 2 if i % 2 == 0 else x
        tot += y - 9 if y > 9 else y
    d.append((10 - tot % 10) % 10)
    s = "".join(map(str, d))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def identifiers_dates(k: Corpus) -> None:
    r = k.r
    # reference written with and without spaces
    for n in range(2):
        a = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs)
        b = k.pick(lambda c: plain(c) and "rates" in c.refs, exclude=(a.cid,))
        t = "Dear {},\n\nWe confirm the direct debit for assessment {} starts on 1 April 2026.\n\nRevenue Services\n"
        w = (lambda s: s.replace(" ", "")) if n == 0 else (lambda s: s.replace(" ", "-"))
        cat = "identifiers-dates/reference-spacing"
        i1 = k.mail(
            STAFF["rates"],
            addr_to(a),
            "Direct debit",
            t.format(a.given, w(a.ref("rates"))),
            cat,
            note=f"own assessment of {a.cid}",
        )
        i2 = k.mail(
            STAFF["rates"],
            addr_to(a),
            "Direct debit",
            t.format(a.given, w(b.ref("rates"))),
            cat,
            "block",
            MR,
            note=f"assessment of {b.cid} sent to {a.cid}",
        )
        k.twin(i1, i2)
    # name twins told apart by date of birth (home care)
    pairs = [(c, k.reg.by_id[c.note.split()[-1]]) for c in k.reg.clients if c.note.startswith("name twin")]
    pairs = [(a, b) for a, b in pairs if a.dob and b.dob and a.dob != b.dob and not a.suppressed and not b.suppressed]
    for a, b in pairs[:2]:
        y, m, d = a.dob.split("-")
        y2, m2, d2 = b.dob.split("-")
        t = "Assessment summary for {} {}, date of birth {}.\nEligible for domestic assistance 2 hrs/fortnight.\n"
        cat = "identifiers-dates/name-twin-dob"
        L1 = ct.homecare_letter(a, r, 0)
        L1.body.insert(0, t.format(a.given, a.family, f"{d}/{m}/{y}"))
        L1.refs = []
        L2 = ct.homecare_letter(a, r, 0)
        L2.body.insert(0, t.format(a.given, a.family, f"{d2}/{m2}/{y2}"))
        L2.refs = []
        i1 = k.letter(L1, "pdf", cat, note=f"{a.cid} with own date of birth")
        i2 = k.letter(L2, "pdf", cat, "block", MR, note=f"letter to {a.cid} with name twin {b.cid}'s date of birth")
        k.twin(i1, i2)
    # government identifiers and card numbers
    for n in range(3):
        a = k.pick(lambda c: plain(c) and has_email(c))
        num = medicare(k) if n < 2 else card(k)
        masked = "XXXX XXXXX " + num[-1] if n < 2 else "XXXX XXXX XXXX " + num[-4:]
        what = "Medicare number" if n < 2 else "card"
        t = "Dear {},\n\nWe received your pensioner rebate application. The {} you gave ({}) has been recorded.\n"
        cat = "identifiers-dates/" + ("medicare" if n < 2 else "card-number")
        i1 = k.mail(
            STAFF["rates"],
            addr_to(a),
            "Pensioner rebate",
            t.format(a.given, what, masked),
            cat,
            note=f"masked identifier to {a.cid}",
        )
        i2 = k.mail(
            STAFF["rates"],
            addr_to(a),
            "Pensioner rebate",
            t.format(a.given, what, num),
            cat,
            "block",
            ["sensitive_identifier"],
            note=f"full {what} in email to {a.cid}",
        )
        k.twin(i1, i2)


def mime_parts(k: Corpus) -> None:
    r = k.r
    kinds = ["pdf-attachment", "docx-attachment", "zip-attachment", "vcard", "ics-location", "forwarded-eml"]
    for n, var in enumerate(kinds):
        a = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs)
        b = k.pick(lambda c: plain(c) and "rates" in c.refs, exclude=(a.cid,))
        v = k.reg.silent()[n % len(k.reg.silent())]
        cat = f"mime-parts/{var}"
        text = f"Dear {a.given},\n\nPlease find attached the document you requested.\n\nWirrabara Shire Council\n"
        rules, sup = MR, False
        if var in ("pdf-attachment", "docx-attachment", "zip-attachment", "forwarded-eml"):
            La, Lb = ct.rates_notice(a, r, 2), ct.rates_notice(b, r, 2)
            if var == "docx-attachment":
                from .formats import docx_bytes

                att_g, att_b = [("notice.docx", docx_bytes(La))], [("notice.docx", docx_bytes(Lb))]
            elif var == "zip-attachment":
                att_g, att_b = (
                    [("notices.zip", zipped("notice.pdf", pdf_bytes([La])))],
                    [("notices.zip", zipped("notice.pdf", pdf_bytes([Lb])))],
                )
            elif var == "forwarded-eml":
                fw = lambda c: eml_bytes(
                    STAFF["rates"],
                    [addr_to(c) if has_email(c) else CUSTOMER],  # noqa: E731
                    "Rates notice",
                    f"Assessment {c.ref('rates')}",
                    n=9000 + n,
                )
                att_g, att_b = [("original.eml", fw(a))], [("original.eml", fw(b))]
            else:
                att_g, att_b = [("notice.pdf", pdf_bytes([La]))], [("notice.pdf", pdf_bytes([Lb]))]
            note_b = f"attachment for {b.cid} sent to {a.cid}"
        elif var == "vcard":
            vc = lambda c: (
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{c.given} {c.family}\r\nN:{c.family};{c.given};;;\r\n"  # noqa: E731
                f"ADR;TYPE=home:;;{c.addr.street_line()};{c.addr.suburb};VIC;{c.addr.postcode};Australia"
                f"\r\nTEL:{c.phones[0] if c.phones else ''}\r\nEND:VCARD\r\n"
            ).encode()
            text = f"Dear {a.given},\n\nAttached is the contact card you asked for.\n"
            att_g, att_b = [("contact.vcf", vc(a))], [("contact.vcf", vc(v))]
            rules, sup, note_b = SDE, True, f"vCard with suppressed details of {v.cid} sent to {a.cid}"
        else:
            ics = lambda loc: (
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Wirrabara Shire//EN\r\nBEGIN:VEVENT\r\n"  # noqa: E731
                f"UID:hc-visit-{n}@wirrabara.vic.gov.example\r\nDTSTAMP:20260302T000000Z\r\n"
                "DTSTART:20260310T090000\r\nSUMMARY:Home care assessment visit\r\n"
                f"LOCATION:{loc}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            ).encode()
            text = "Hi,\n\nCalendar hold for the assessment visit is attached.\n"
            att_g, att_b = [("visit.ics", ics(a.addr.one_line()))], [("visit.ics", ics(v.addr.one_line()))]
            rules, sup, note_b = SDE, True, f"invite with suppressed address of {v.cid} sent to {a.cid}"
        to = addr_to(a)
        i1 = k.mail(
            STAFF["rates"],
            to,
            "Requested document",
            text,
            cat,
            attachments=att_g,
            note=f"attachment or invite with {a.cid}'s own details to {a.cid}",
        )
        i2 = k.mail(
            STAFF["rates"], to, "Requested document", text, cat, "block", rules, sup, note=note_b, attachments=att_b
        )
        k.twin(i1, i2)


def zipped(name: str, data: bytes) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0)), data)
    return buf.getvalue()


def quote(text: str) -> str:
    return "\n".join("> " + line for line in text.splitlines())


def threads(k: Corpus) -> None:
    for n in range(5):
        a = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs and c.phones)
        b = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs, exclude=(a.cid,))
        v = k.reg.silent()[(n + 2) % len(k.reg.silent())]
        hist_a = (
            f"On Mon, 23 Feb 2026 at 8:14 am, {a.given} {a.family} <{a.emails[0]}> wrote:\n"
            f"Hi, I'm disputing the interest on assessment {a.ref('rates')}. Call me on {a.phones[0]}.\n"
        )
        cat = "threads/" + ["reply-quoted", "forward-wrong-person", "reply-all", "quoted-suppressed", "long-chain"][n]
        reply = f"Hi {a.given},\n\nWe have waived the interest as a one-off.\n\nRevenue Services\n\n"
        good = reply + quote(hist_a)
        rules, sup = MR, False
        to_b = addr_to(b)
        if n == 3:  # internal note quoted into a reply to the ex: the victim's new phone/address
            note_v = (
                f"-----Original Message-----\nFrom: Kim Tran\nSent: 20 Feb 2026\n"
                f"Note: {v.given} now at {v.addr.street_line(abbr=True)} {v.addr.suburb}, "
                f"ph {v.phones[0] if v.phones else 'n/a'} - SILENT\n"
            )
            bad = reply + quote(hist_a) + "\n" + quote(note_v)
            to_b, rules, sup = addr_to(a), SDE, True
        elif n == 4:
            hist_b = (
                f"On Fri, 20 Feb 2026, {b.given} {b.family} <{b.emails[0]}> wrote:\n"
                f"My assessment {b.ref('rates')} is also wrong.\n"
            )
            bad = reply + quote(hist_a) + "\n" + quote(quote(hist_b))
            to_b = addr_to(a)
        elif n == 1:
            bad = "FYI - can you look at this one?\n\n---------- Forwarded message ----------\n" + hist_a
        else:
            bad = good
        i1 = k.mail(
            STAFF["rates"], addr_to(a), "RE: Interest charge", good, cat, note=f"reply to {a.cid} quoting own message"
        )
        i2 = k.mail(
            STAFF["rates"],
            to_b if n != 2 else [addr_to(a), to_b],
            "RE: Interest charge",
            bad,
            cat,
            "block",
            rules,
            sup,
            note=f"thread of {a.cid} exposed ({cat.split('/')[1]}) involving {v.cid if n == 3 else b.cid}",
        )
        k.twin(i1, i2)


__all__ = ["Client"]
