"""A victim's suppressed address, phone and email reaching the ex-partner, and the look-alikes that must pass."""

from __future__ import annotations

import copy
import html
import zlib

from . import idents, loose, org
from . import lettertools as lt
from .corpus import Corpus
from .docs import stable_zip
from .letters import FIXED_DATE, LetterDoc
from .mail import Attachment, Mail
from .mailtools import eml, first, html_wrap, pdf_att, sig, staff_contact, who
from .population import Client, Victim

SUPP = ["suppressed_detail_exposed"]


def _victims(cx: Corpus, key: str, want: str = "") -> Victim:
    """Next victim (cycling); `want` = 'email'/'phone' asks for one whose detail of that kind is suppressed."""
    for _ in range(len(cx.pop.victims)):
        v = cx.take(key, cx.pop.victims)
        if not want or (want in v.victim.suppressed and (want != "email" or v.victim.emails)):
            return v
    return cx.take(key, cx.pop.victims)


def _ex_email(v: Victim) -> str:
    return v.ex.emails[0]


BODIES = {
    "bond": (
        "Bond refund - former joint tenancy",
        "Your share of the bond refund for the former joint tenancy has been processed and will be paid within "
        "five business days. The remaining share has been sent to the other former tenant at:\n{detail}",
    ),
    "inspection": (
        "Final inspection report",
        "The final inspection of the former joint tenancy is complete. A copy of the report has also been "
        "posted to the other tenant at:\n{detail}",
    ),
    "hearing": (
        "Notice of conciliation conference",
        "A conciliation conference about the former joint tenancy will be held by phone. The other party's "
        "contact details for the conference are:\n{detail}",
    ),
    "arrears": (
        "Former joint tenancy - final account",
        "The final account for the former joint tenancy shows a balance owing. The other former tenant, "
        "whose current address is below, has been sent the same account.\n{detail}",
    ),
}


def _letter_to(x: Client, cx: Corpus, key: str, detail: str) -> LetterDoc:
    heading, body = BODIES[key]
    doc = lt.standard_letter(x, cx.rng, topic_name="bond", team="Tenancy Services", tenancy=x.tenancy)
    doc.heading = heading
    doc.paras = [body.format(detail=detail), doc.paras[-1]]
    return doc


def suppressed_loose(cx: Corpus) -> None:
    rng = cx.rng
    forms = loose.FORMS * 3
    for i in range(cx.n(len(loose.FORMS) * 2)):
        v = _victims(cx, "letter-addr")
        form = forms[i]
        if v.victim.address.po_box and form == "typo-street":
            form = "typo-suburb"
        key = ["bond", "inspection", "arrears", "hearing"][i % 4]
        fmt, layout = lt.LETTER_FORMATS[i % len(lt.LETTER_FORMATS)]
        bad = _letter_to(v.ex, cx, key, "")
        lead = bad.paras[0].rstrip(":\n .")
        tabular = form in ("table-cells", "form-fields")
        cells = loose.written(v.victim.address, form, rng)
        detail = "" if tabular else "\n" + loose.as_text(v.victim.address, form, rng)
        bad.paras[0] = lead + (" (see below)." if tabular else ":") + detail
        if form == "form-fields":
            bad.form = list(zip(["Street:", "Suburb:", "State:", "Postcode:"], cells, strict=True))
        elif form == "table-cells":
            bad.table = [["Forwarding address", "Suburb", "State", "Postcode"], cells]
        good = copy.deepcopy(bad)
        if i % 3 == 0:  # the same letter to the ex-partner, the other tenant's address left out
            good.paras[0] = lead + " (address not shown for privacy reasons)."
            good.form, good.table = [], None
            twin_note = f"the same letter to {v.ex.cid} without the other tenant's address"
        else:  # the same layout addressed to the victim herself, asking her to confirm her own address
            good.block = lt.block_for(v.victim, rng)
            good.salutation = v.victim.salutation()
            good.refs = lt.refs_for(v.victim, rng, "Tenancy Services", tenancy=v.ex.tenancy)
            good.paras[0] = (
                "Your share of the bond refund for the former joint tenancy has been processed. Please "
                "confirm that the address we hold for you is correct" + (" (see below)." if tabular else ":") + detail
            )
            twin_note = f"the same layout sent to {v.victim.cid} herself, carrying only her own details"
        cx.pair(
            f"suppressed-loose/address-{form}",
            lt.render(bad, fmt, layout),
            lt.render(good, fmt, layout),
            SUPP,
            suppressed=True,
            note=f"letter to {v.ex.cid} shows the suppressed address of {v.victim.cid} ({form})",
            twin_note=twin_note,
        )
    # Look-alikes: the neighbour in the next unit and the same street in another suburb, written the same ways.
    for i in range(cx.n(10)):
        v = _victims(cx, "lookalike")
        c = v.neighbour if i % 2 == 0 else v.elsewhere
        form = loose.FORMS[i % len(loose.FORMS)]
        if form.startswith("typo"):
            form = "abbrev"
        doc = lt.standard_letter(c, rng, topic_name=rng.choice(["maintenance", "inspection"]), team="Assets")
        doc.pre = ["Property:"] + loose.written(c.address, form, rng)[:1]
        fmt, layout = lt.any_format(rng)
        what = "neighbour in the next unit" if c is v.neighbour else "same street in another suburb"
        cx.put(
            lt.render(doc, fmt, layout),
            "suppressed-loose/look-alike",
            "allow",
            note=f"letter to {c.cid}, the {what} of suppressed client {v.victim.cid}",
        )
    _phones_and_emails(cx)
    _delivery(cx)
    _attachments(cx)


def _phones_and_emails(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(8)):
        v = _victims(cx, "phone", want="phone")
        s = cx.staff()
        variant = idents.phone_variants(v.victim.phones[0])[i % 8]
        text = (
            f"Hi {first(v.ex)},\n\nThanks for your call this morning. The mediation about the former tenancy is "
            "confirmed for next Tuesday at 2 pm by phone. {PHONE}\n\nPlease let me know if the time does not "
            "suit." + sig(s)
        )
        bad = Mail(
            staff_contact(s),
            [who(v.ex, rng, _ex_email(v))],
            "Mediation - former joint tenancy",
            text.replace("{PHONE}", f"The mediator will call you first, then {first(v.victim)} on {variant}."),
            minutes=cx.tick(),
        )
        good = copy.deepcopy(bad)
        good.text = text.replace("{PHONE}", f"The mediator will call you first. Our number is {org.PHONE}.")
        cx.pair(
            "suppressed-loose/phone",
            eml(bad, rng),
            eml(good, rng),
            SUPP,
            suppressed=True,
            note=f"email to {v.ex.cid} gives the suppressed phone of {v.victim.cid} written as a variant ({i % 8})",
            twin_note=f"the same email to {v.ex.cid} giving only the organisation's number",
        )
    for _ in range(cx.n(4)):
        v = _victims(cx, "email-body", want="email")
        s = cx.staff()
        text = (
            f"Dear {first(v.ex)},\n\nI have forwarded your bond question to the other tenant{{E}}. We will "
            "reply once both parties have answered." + sig(s)
        )
        bad = Mail(
            staff_contact(s),
            [who(v.ex, rng, _ex_email(v))],
            "Your bond question",
            text.replace("{E}", f" ({v.victim.emails[0]})"),
            minutes=cx.tick(),
        )
        good = copy.deepcopy(bad)
        good.text = text.replace("{E}", "")
        cx.pair(
            "suppressed-loose/email-in-body",
            eml(bad, rng),
            eml(good, rng),
            SUPP,
            suppressed=True,
            note=f"email to {v.ex.cid} shows the suppressed email of {v.victim.cid}",
            twin_note=f"the same email to {v.ex.cid} without it",
        )


def _delivery(cx: Corpus) -> None:
    """A letter to the ex-partner delivered to the victim's suppressed address."""
    rng = cx.rng
    for i in range(cx.n(5)):
        v = _victims(cx, "letter-delivery")
        doc = lt.standard_letter(
            v.ex, rng, topic_name=rng.choice(["arrears", "bond", "inspection"]), tenancy=v.ex.tenancy
        )
        bad = copy.deepcopy(doc)
        bad.block = [lt.name_line(v.ex, rng)] + lt.addr_lines(v.victim.address, rng)
        fmt, layout = [("pdf", "window"), ("pdf", "govt"), ("docx", "table"), ("txt", ""), ("rtf", "")][i % 5]
        cx.pair(
            "suppressed-loose/delivery-address",
            lt.render(bad, fmt, layout),
            lt.render(doc, fmt, layout),
            SUPP,
            suppressed=True,
            note=f"letter to {v.ex.cid} addressed to the suppressed address of {v.victim.cid}",
            twin_note=f"the same letter to {v.ex.cid} at his own address",
        )


def _attachments(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(6)):
        v = _victims(cx, "attach")
        s = cx.staff()
        vic, x = v.victim, v.ex
        rows = [
            ["Tenant", "Forwarding address", "Phone", "Share of bond"],
            [x.full(), x.address.one_line(), idents.phone_variants(x.phones[0])[0], idents.money(rng, 200, 900)],
            [
                vic.full(),
                loose.as_text(vic.address, rng.choice(["abbrev", "full", "caps"]), rng),
                idents.phone_variants(vic.phones[0])[1],
                idents.money(rng, 200, 900),
            ],
        ]
        good_rows = [r[:] for r in rows]
        good_rows[2][1], good_rows[2][2] = "Withheld - see safety flag", "Withheld"
        kind = ["xlsx", "docx", "pdf", "csv"][i % 4]
        bad_att, good_att = _table_attachment(kind, rows), _table_attachment(kind, good_rows)
        base = Mail(
            staff_contact(s),
            [who(x, rng, _ex_email(v))],
            "Bond claim summary",
            f"Hi {first(x)},\n\nPlease check the attached bond claim summary and let us know if your details "
            "are right." + sig(s),
            minutes=cx.tick(),
        )
        bad, good = copy.deepcopy(base), copy.deepcopy(base)
        bad.attachments, good.attachments = [bad_att], [good_att]
        cx.pair(
            f"suppressed-loose/attachment-{kind}",
            eml(bad, rng),
            eml(good, rng),
            SUPP,
            suppressed=True,
            note=f"{kind} attachment to {x.cid} lists the suppressed address and phone of {vic.cid}",
            twin_note=f"the same attachment to {x.cid} with her details withheld",
        )


def _table_attachment(kind: str, rows: list[list[str]]) -> Attachment:
    if kind == "xlsx":
        import io

        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "Bond claim"
        for r in rows:
            ws.append(r)
        wb.properties.created = wb.properties.modified = FIXED_DATE.replace(tzinfo=None)
        buf = io.BytesIO()
        wb.save(buf)
        return Attachment(
            "bond-claim.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            stable_zip(buf.getvalue()),
        )
    if kind == "csv":
        import csv
        import io

        sio = io.StringIO()
        csv.writer(sio, lineterminator="\r\n").writerows(rows)
        return Attachment("bond-claim.csv", "text/csv", sio.getvalue().encode())
    doc = LetterDoc(
        block=[],
        heading="Bond claim summary",
        date=idents.long_date(lt.LETTER_DATE),
        table=rows,
        unit_name="Tenancy Services",
    )
    ext, data = lt.render(doc, kind, "plain")
    return pdf_att("bond-claim", (ext, data))


def headers_links(cx: Corpus) -> None:
    rng = cx.rng
    kinds = [
        "to",
        "cc",
        "reply-to",
        "display-name",
        "subject-phone",
        "subject-address",
        "mailto",
        "link-text",
        "alt-text",
        "title",
    ]
    for i in range(cx.n(len(kinds) * 2)):
        kind = kinds[i % len(kinds)]
        want = (
            "email"
            if kind in ("to", "cc", "reply-to", "mailto")
            else ("phone" if kind in ("display-name", "subject-phone", "title") else "")
        )
        v = _victims(cx, f"hdr-{kind}", want=want)
        vic, x = v.victim, v.ex
        s = cx.staff()
        xc = who(x, rng, _ex_email(v))
        vphone = idents.phone_variants(vic.phones[0])[i % 4]
        vaddr = loose.as_text(vic.address, rng.choice(["abbrev", "caps", "full"]), rng).replace("\n", " ")
        text = (
            f"Dear tenants,\n\nThe former joint tenancy {idents.tenancy_written(x.tenancy, rng)} has now ended. "
            "The bond will be split as agreed at the conciliation conference." + sig(s)
        )
        good = Mail(staff_contact(s), [xc], "Former joint tenancy - bond outcome", text, minutes=cx.tick())
        bad = copy.deepcopy(good)
        if kind == "to":
            bad.to = [xc, who(vic, rng)]
        elif kind == "cc":
            bad.cc = [who(vic, rng)]
            good.cc = [staff_contact(org.STAFF[0])]
        elif kind == "reply-to":
            bad.reply_to = [(vic.full(), vic.emails[0])]
            good.reply_to = [("Tenancy Services", org.TEAM_LISTS["tenancy"])]
        elif kind == "display-name":
            bad.cc = [(f"{vic.full()} - mob {vphone}", org.SAFETY_TEAM)]
            good.cc = [("Safety Support Team", org.SAFETY_TEAM)]
        elif kind == "subject-phone":
            bad.subject = f"Bond outcome - {first(vic)} to call back on {vphone}"
        elif kind == "subject-address":
            bad.subject = f"Bond outcome - forwarding address {vaddr}"
        else:
            link = {
                "mailto": (f"mailto:{vic.emails[0] if vic.emails else org.SAFETY_TEAM}", "the other tenant", ""),
                "link-text": (f"https://portal.{org.DOMAIN}/bond/{rng.randint(10000, 99999)}", vaddr, ""),
                "alt-text": ("", "", f"Map showing {vaddr}"),
                "title": (f"https://portal.{org.DOMAIN}/contact", "contact details", f"Call {first(vic)} on {vphone}"),
            }[kind]
            good_link = {
                "mailto": (f"mailto:{org.TEAM_LISTS['tenancy']}", "Tenancy Services", ""),
                "link-text": (link[0], "your bond summary", ""),
                "alt-text": ("", "", "Map showing our Geelong office"),
                "title": (link[0], "contact details", f"Call us on {org.PHONE}"),
            }[kind]
            bad.html, good.html = _html_body(text, link, s), _html_body(text, good_link, s)
        note_what = {
            "to": "her suppressed email in To",
            "cc": "her suppressed email in Cc",
            "reply-to": "her suppressed email in Reply-To",
            "display-name": "her suppressed phone in a Cc display name",
            "subject-phone": "her suppressed phone in the Subject",
            "subject-address": "her suppressed address in the Subject",
            "mailto": "her suppressed email in a mailto link",
            "link-text": "her suppressed address as link text",
            "alt-text": "her suppressed address in image alt text",
            "title": "her suppressed phone in a link title",
        }[kind]
        cx.pair(
            f"headers-links/{kind}",
            eml(bad, rng),
            eml(good, rng),
            SUPP,
            suppressed=True,
            note=f"email to ex-partner {x.cid} shows {note_what} ({vic.cid})",
            twin_note=f"the same email to {x.cid} without any suppressed detail",
        )


def _html_body(text: str, link: tuple[str, str, str], s: org.Staff) -> str:
    href, label, extra = link
    intro = "".join(f"<p>{html.escape(p)}</p>" for p in text.split(sig(s))[0].split("\n\n"))
    if href and label:
        title = f" title='{html.escape(extra)}'" if extra else ""
        snippet = f"<p>Questions? <a href='{html.escape(href)}'{title}>{html.escape(label)}</a></p>"
    else:
        snippet = (
            f"<p><img src='https://maps.{org.DOMAIN}/static/{zlib.crc32(extra.encode()) % 99999}.png' "
            f"alt='{html.escape(extra)}' width='300'></p>"
        )
    return html_wrap(intro + snippet, s)
