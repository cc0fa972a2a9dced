"""Suppressed-detail incidents: the new address, mobile or email of an older woman hiding from the son who
co-owns her home, of a woman under management hiding from the former partner on the mortgage, of a beneficiary
hiding from her brother in their father's estate. Each with the same item done right."""

# Lambdas here build the bad and the good text of one pair inside one loop turn, and are called there.
# ruff: noqa: E731, B023

from __future__ import annotations

from tests.corpora.trustee import content, render, world
from tests.corpora.trustee.kit import Corpus, block, fmt_ref, mail, render_letter, who
from tests.corpora.trustee.registry import Protection

SUPP = ["suppressed_detail_exposed"]
SUPP_MIS = ["suppressed_detail_exposed", "mismatched_recipient"]


def cases(cx: Corpus, kinds: tuple[str, ...]) -> list[Protection]:
    return [p for p in cx.reg.protections if p.kind in kinds]


def owners(cx: Corpus) -> list[Protection]:
    return cases(cx, ("elder-abuse", "family-violence"))


def son_mail(cx: Corpus, p: Protection, line: str, subject: str = "Your mother's affairs", quote: str = "") -> bytes:
    v, o = p.victim, p.other
    name, addr, _ = cx.officer("Financial Management")
    rel = (
        "I can confirm that your mother is safe and well."
        if p.kind == "elder-abuse"
        else f"We have passed your request on to {v.title} {v.family}'s case officer."
    )
    txt = (
        f"Dear {o.given},\n\nThank you for your email. {rel} {line}\n\n"
        f"Her share of the property ({fmt_ref(p.shared, True)}) remains under our management and we will write to "
        f"you about the appraisals shortly.\n\nRegards\n{name}\nFinancial Management\n{world.ORG}\n" + quote
    )
    return mail(cx, frm=who(name, addr), to=[o.emails[0]], subject=subject, text=txt)


def address_block(cx: Corpus) -> None:
    for i, p in enumerate(owners(cx)[: cx.k(3)]):
        cx.next_day()
        fmt = ["pdf", "docx", "pdf"][i % 3]
        bad = content.coowner_letter(cx, p, style=i, to=block(p.other, i, addr=p.victim.addr))
        good = content.coowner_letter(cx, p, style=i)
        cx.pair(
            "address-block",
            "suppressed-delivery",
            fmt,
            render_letter(fmt, bad),
            render_letter(fmt, good),
            SUPP,
            f"letter to co-owner {p.other.cid} posted to the suppressed new address of {p.victim.cid}",
            f"letter to co-owner {p.other.cid} at his own address",
            suppressed=True,
        )


def relationships(cx: Corpus) -> None:
    own = owners(cx)
    leaks = ["address", "phone", "email", "address"]
    fmts = ["pdf", "docx", "rtf", "txt"]
    for i, p in enumerate(own[3 : 3 + cx.k(4)]):
        cx.next_day()
        leak = leaks[i] if (leaks[i] != "email" or p.victim.emails) else "phone"
        bad = content.coowner_letter(cx, p, leak=leak, style=i)
        good = content.coowner_letter(cx, p, style=i)
        cx.pair(
            "relationships",
            "co-owner",
            fmts[i],
            render_letter(fmts[i], bad),
            render_letter(fmts[i], good),
            SUPP,
            f"co-owner {p.other.cid} (joint_with) told the suppressed {leak} of {p.victim.cid}",
            f"co-owner {p.other.cid} told only that she holds the other share",
            suppressed=True,
        )
    for i, p in enumerate(cases(cx, ("estate",))[: cx.k(2)]):
        cx.next_day()
        est = next(e for e in cx.reg.estates if e.ref == p.shared)
        fmt = ["pdf", "docx"][i % 2]
        bad = content.distribution(cx, p.other, est, others="addresses", style=i)
        good = content.distribution(cx, p.other, est, others="names", style=i)
        cx.pair(
            "relationships",
            "co-beneficiaries",
            fmt,
            render_letter(fmt, bad),
            render_letter(fmt, good),
            SUPP_MIS,
            f"distribution statement to {p.other.cid} lists the suppressed new address of "
            f"co-beneficiary {p.victim.cid}",
            f"distribution statement to {p.other.cid} naming co-beneficiary {p.victim.cid} and shares only",
            suppressed=True,
        )


def loose(cx: Corpus) -> None:
    own = owners(cx)
    for p in own[: cx.k(2)]:
        cx.next_day()
        v = p.victim
        bad = son_mail(cx, p, f"She has moved to {v.addr.suburb} and is settling in.")
        good = son_mail(cx, p, "She has moved and is settling in.")
        cx.pair(
            "suppressed-loose",
            "suburb",
            "eml",
            bad,
            good,
            SUPP,
            f"{p.other.cid} (joint_with) told the suburb {p.victim.cid} moved to",
            f"{p.other.cid} told she has moved, not where",
            suppressed=True,
        )
    p = own[2]
    cx.next_day()
    v = p.victim
    bad = son_mail(cx, p, f"She is now in {v.addr.street} {v.addr.stype[0]}, {v.addr.suburb.lower()}, near the shops.")
    good = son_mail(cx, p, "She is now living near shops and transport.")
    cx.pair(
        "suppressed-loose",
        "street-without-number",
        "eml",
        bad,
        good,
        SUPP,
        f"{p.other.cid} told the street and suburb (no house number) of {v.cid}",
        f"{p.other.cid} told nothing of where {v.cid} lives",
        suppressed=True,
    )
    for i, p in enumerate(own[3 : 3 + cx.k(2)]):
        cx.next_day()
        v = p.victim
        row = lambda where, ph: content.Table(  # noqa: E731
            ["Accommodation", "Town", "Contact"], [["Private rental" if i else "Living with family", where, ph]]
        )
        bad = content.ncat_report(cx, v, extra=[row(v.addr.suburb, v.phones[0])], style=i)
        good = content.ncat_report(cx, v, extra=[row("Confidential", "via the office")], style=i)
        fmt = ["pdf", "docx"][i % 2]
        cx.pair(
            "suppressed-loose",
            "table-column",
            fmt,
            render_letter(fmt, bad),
            render_letter(fmt, good),
            SUPP,
            f"report on {v.cid} to the Tribunal (approved) gives her suppressed town and mobile in a table",
            f"report on {v.cid} to the Tribunal with her whereabouts withheld",
            suppressed=True,
        )
    # internal: her new address to staff who are not cleared, and to the Client Protection Unit
    p = own[5 % len(own)]
    v = p.victim
    cx.next_day()
    name, addr, _ = cx.officer("Financial Management")
    txt = (
        f"Hi,\n\n{v.title} {v.given} {v.family} ({fmt_ref(v.ref('CM'), True)}) has a new address: "
        f"{v.addr.line}, mobile {v.phones[0]}. Please update the file; her co-owner must not be told.\n\n{name}\n"
    )
    est_officer = world.staff_email(*world.staff("Deceased Estates")[0][:2])
    cx.pair(
        "suppressed-loose",
        "internal-not-cleared",
        "eml",
        mail(cx, frm=who(name, addr), to=[est_officer], subject="Address update", text=txt),
        mail(cx, frm=who(name, addr), to=[world.PROTECTIVE_BOX], subject="Address update", text=txt),
        SUPP,
        f"suppressed address and mobile of {v.cid} to an internal officer not on suppressed_detail_staff",
        "the same update to the Client Protection Unit (suppressed_detail_staff)",
        suppressed=True,
    )
    # his solicitor, who is nobody's contact
    p = own[6 % len(own)]
    v = p.victim
    cx.next_day()
    name, addr, _ = cx.officer("Property Services")
    firm = world.SOLICITORS[1]
    txt = lambda s: (  # noqa: E731
        f"Dear Sir or Madam,\n\nWe act as financial manager for {v.title} {v.given} {v.family}, co-owner of the "
        f"property at {p.old_addr.line}. {s}\n\nRegards\n{name}\n"
    )
    cx.pair(
        "suppressed-loose",
        "other-side-solicitor",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[firm.email],
            subject="Sale of jointly owned property",
            text=txt(f"If your client wishes to speak to her, her number is {v.phones[0]}."),
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[firm.email],
            subject="Sale of jointly owned property",
            text=txt("Any contact with her must be through this office."),
        ),
        SUPP,
        f"suppressed mobile of {v.cid} to the co-owner's solicitor",
        f"co-owner's solicitor told of {v.cid} only as co-owner of the old home (his address)",
        suppressed=True,
    )
    # a text message to his mobile through the email-to-SMS gateway
    p = own[7 % len(own)]
    v, o = p.victim, p.other
    cx.next_day()
    name, addr, _ = cx.officer("Financial Management")
    gateway = "61" + o.phones[0].replace(" ", "")[1:] + "@sms.example"
    sms = lambda s: f"{world.SHORT}: {s} Ref {p.shared}. Reply STOP to opt out."  # noqa: E731
    cx.pair(
        "suppressed-loose",
        "sms",
        "eml",
        mail(
            cx,
            frm=who(world.SHORT, addr),
            to=[gateway],
            subject="SMS",
            text=sms(f"{v.given}'s new mobile is {v.phones[0]} if you need her about the sale."),
        ),
        mail(
            cx,
            frm=who(world.SHORT, addr),
            to=[gateway],
            subject="SMS",
            text=sms(f"Please call {name} on {world.HEAD_PHONE} about the sale."),
        ),
        SUPP,
        f"text to co-owner {o.cid}'s mobile (SMS gateway) gives {v.cid}'s suppressed mobile",
        f"text to co-owner {o.cid}'s mobile with the office's number",
        suppressed=True,
    )
    # Tamworth: her town is also one of our offices' towns
    tam = next((p for p in cx.reg.protections if p.victim.addr.suburb == "Tamworth"), None)
    if tam:
        cx.next_day()
        bad = son_mail(cx, tam, "She has moved to Tamworth and her file is looked after there.")
        towns = ", ".join(o.town for o in world.OFFICES)
        good = son_mail(cx, tam, f"Her file is managed by our Sydney office (we also have offices in {towns}).")
        cx.pair(
            "suppressed-loose",
            "office-town",
            "eml",
            bad,
            good,
            SUPP,
            f"{tam.other.cid} told that {tam.victim.cid} moved to her (suppressed) town, also an office town",
            "office towns listed as offices only, nobody placed in them",
            suppressed=True,
        )
    for i, p in enumerate(own[: cx.k(3)]):
        cx.next_day()
        office = world.OFFICES[-1]
        line = [
            f"If you wish to talk about the sale you are welcome to visit our {office.town} office at {office.line}.",
            "Please do not try to contact her directly; any letter for her can be sent care of this office.",
            "The Tribunal hearing will be at NCAT's Parramatta registry.",
        ][i % 3]
        cx.add(
            "suppressed-loose",
            "safe-mention",
            "eml",
            son_mail(cx, p, line),
            note=f"to co-owner {p.other.cid}: {p.victim.cid} named, offices and the Tribunal named, her "
            "whereabouts not",
        )


def threads_mime_links(cx: Corpus) -> None:
    own = owners(cx)
    for p in own[: cx.k(2)]:
        cx.next_day()
        v = p.victim
        sender = cx.officer("Client Protection Unit")
        earlier = (
            f"Hi team,\n\nFor your information {v.title} {v.family} is now at {v.addr.line} "
            f"(mobile {v.phones[0]}). Her son must not be given these details.\n\n{sender[0]}"
        )
        safe_earlier = (
            f"Hi team,\n\nFor your information {v.title} {v.family} has moved; the Client Protection "
            f"Unit holds her new details. Her son must not be given them.\n\n{sender[0]}"
        )
        q = lambda body: render.outlook_quote(
            sender[0],
            cx.sent(3),
            "Financial Management",
            "Mrs "  # noqa: E731
            f"{v.family} - new details",
            body,
        )
        cx.pair(
            "threads",
            "outlook-quoted",
            "eml",
            son_mail(cx, p, "She has asked us to deal with the sale.", "RE: your mother", quote=q(earlier)),
            son_mail(cx, p, "She has asked us to deal with the sale.", "RE: your mother", quote=q(safe_earlier)),
            SUPP,
            f"reply to {p.other.cid} quotes an internal message with {v.cid}'s suppressed address and mobile",
            f"reply to {p.other.cid} quotes the internal message without her details",
            suppressed=True,
        )
    p = own[2]
    v, o = p.victim, p.other
    cx.next_day()
    name, addr, _ = cx.officer("Property Services")
    mk = lambda loc: render.ics(
        f"insp-{p.shared}@{world.DOMAIN}",
        "Furniture inspection - property file "  # noqa: E731
        f"{p.shared}",
        "20250414T100000",
        "20250414T110000",
        loc,
        "Inspection of items to be divided before sale.",
        addr,
        [o.emails[0], addr],
    )
    txt = f"Dear {o.given},\n\nPlease find a meeting invitation attached.\n\n{name}\n"
    cx.pair(
        "mime-parts",
        "calendar-invite",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[o.emails[0]],
            subject="Invitation: furniture inspection",
            text=txt,
            attachments=[("invite.ics", mk(v.addr.line))],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[o.emails[0]],
            subject="Invitation: furniture inspection",
            text=txt,
            attachments=[("invite.ics", mk(f"{world.SHORT} {world.OFFICES[1].town} office, {world.OFFICES[1].line}"))],
        ),
        SUPP,
        f"invitation to {o.cid} sets the meeting at {v.cid}'s suppressed address",
        f"invitation to {o.cid} at the office",
        suppressed=True,
    )
    p = own[3]
    v, o = p.victim, p.other
    cx.next_day()
    name, addr, _ = cx.officer("Financial Management")
    bad_pdf = render_letter("pdf", content.fm_statement(cx, v, style=1))
    good_pdf = render_letter("pdf", content.coowner_letter(cx, p, style=0))
    txt = f"Dear {o.given},\n\nPlease see the attached letter about the property.\n\n{name}\n"
    cx.pair(
        "mime-parts",
        "wrong-attachment",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[o.emails[0]],
            subject="Property file",
            text=txt,
            attachments=[("letter.pdf", bad_pdf)],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[o.emails[0]],
            subject="Property file",
            text=txt,
            attachments=[("letter.pdf", good_pdf)],
        ),
        SUPP_MIS,
        f"attachment to co-owner {o.cid} is {v.cid}'s statement at her suppressed address",
        f"attachment to co-owner {o.cid} is his own property letter",
        suppressed=True,
    )
    fv = [p for p in own if p.victim.emails]
    p = fv[0]
    v, o = p.victim, p.other
    cx.next_day()
    name, addr, _ = cx.officer("Property Services")
    txt = (
        f"Dear both,\n\nThe sale of the property ({fmt_ref(p.shared, True)}) settles on {cx.long_date()}. Each of "
        f"you will receive a settlement statement.\n\n{name}\n"
    )
    cx.pair(
        "headers-links",
        "both-in-to",
        "eml",
        mail(cx, frm=who(name, addr), to=[o.emails[0], v.emails[0]], subject="Settlement", text=txt),
        mail(cx, frm=who(name, addr), to=[o.emails[0]], subject="Settlement", text=txt),
        SUPP,
        f"one message to both joint holders shows {v.cid}'s suppressed email to {o.cid}",
        f"settlement notice to {o.cid} alone (hers goes separately)",
        suppressed=True,
    )
    p = own[4]
    v, o = p.victim, p.other
    cx.next_day()
    name, addr, _ = cx.officer("Property Services")
    link = lambda a: f"https://maps.example/?q={a.replace(' ', '+').replace(',', '%2C')}"  # noqa: E731
    html = lambda a: (
        f"<p>Dear {o.given},</p><p>The removalist will collect the items listed from "  # noqa: E731
        f"<a href='{link(a)}'>this address</a> on Friday.</p><p>{name}</p>"
    )
    cx.pair(
        "headers-links",
        "map-link",
        "eml",
        mail(cx, frm=who(name, addr), to=[o.emails[0]], subject="Removalist", html=html(v.addr.line)),
        mail(cx, frm=who(name, addr), to=[o.emails[0]], subject="Removalist", html=html(p.old_addr.line)),
        SUPP,
        f"map link in a message to {o.cid} carries {v.cid}'s suppressed address",
        f"map link to {o.cid}'s own address (the old home)",
        suppressed=True,
    )
    if len(fv) > 1:
        p = fv[1]
        v, o = p.victim, p.other
        cx.next_day()
        name, addr, _ = cx.officer("Financial Management")
        sig = render.signature(name, "Client Officer", world.OFFICES[0], html=True)
        html = lambda extra: (
            f"<html><body><p>Dear {o.given},</p><p>The mortgage on the property ({fmt_ref(p.shared, False)}) is now "
            f"in arrears. Both co-owners have been written to.{extra}</p>{sig}</body></html>"
        )
        cx.pair(
            "html-mail",
            "mailto-link",
            "eml",
            mail(
                cx,
                frm=who(name, addr),
                to=[o.emails[0]],
                subject="Mortgage arrears",
                html=html(f" <a href='mailto:{v.emails[0]}'>Email {v.given}</a> if you want to agree a plan."),
            ),
            mail(cx, frm=who(name, addr), to=[o.emails[0]], subject="Mortgage arrears", html=html("")),
            SUPP,
            f"HTML message to {o.cid} links {v.cid}'s suppressed email address",
            f"HTML message to {o.cid} without it",
            suppressed=True,
        )
