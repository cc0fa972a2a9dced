"""Areas address-block, recipient-own-details, relationships, headers-links."""

from __future__ import annotations

from . import content as ct
from .corpus import AGENCY, STAFF, Corpus, addr_to, has_email, plain
from .formats import Letter

MR = ["mismatched_recipient", "mixed_client_documents"]


def address_block(k: Corpus) -> None:
    r = k.r
    variants = [
        ("window-envelope", "pdf", "window", ct.rates_notice),
        ("right-aligned", "rtf", "right", ct.rates_reminder),
        ("docx-table", "docx", "table", ct.rates_notice),
        ("plain-text", "txt", "window", ct.animal_renewal),
        ("html-letter", "html", "window", ct.parking_notice),
        ("window-envelope-caps", "pdf", "window", ct.parking_notice),
        ("right-aligned-docx", "docx", "right", ct.animal_renewal),
    ]
    role = {
        ct.rates_notice: "rates",
        ct.rates_reminder: "rates",
        ct.animal_renewal: "animal",
        ct.parking_notice: "parking",
    }
    for var, fmt, layout, fn in variants:
        need = role[fn]
        a = k.pick(lambda c, need=need: plain(c) and need in c.refs)
        b = k.pick(lambda c, need=need: plain(c) and need in c.refs, exclude=(a.cid,))
        st = k.style()
        good = fn(a, r, st, layout=layout)
        bad = fn(a, r, st, layout=layout)
        bad.address = ct.block(b, st)  # printed for A, addressed to B: the classic wrong letter in the envelope
        i1 = k.letter(good, fmt, f"address-block/{var}", note=f"{need} letter to {a.cid} with own reference")
        i2 = k.letter(
            bad,
            fmt,
            f"address-block/{var}",
            "block",
            MR,
            note=f"letter carrying {need} reference of {a.cid} addressed to {b.cid}",
        )
        k.twin(i1, i2)
    # owner/occupier and care-of blocks
    a = k.pick(lambda c: plain(c) and "rates" in c.refs)
    b = k.pick(lambda c: plain(c) and "rates" in c.refs, exclude=(a.cid,))
    st = k.style()
    good = ct.rates_notice(a, r, st)
    good.address = ct.owner_occupier(a.addr, st)
    bad = ct.rates_notice(a, r, st)
    bad.address = ct.owner_occupier(b.addr, st)
    i1 = k.letter(good, "pdf", "address-block/owner-occupier", note=f"owner/occupier notice for {a.cid}")
    i2 = k.letter(
        bad,
        "pdf",
        "address-block/owner-occupier",
        "block",
        MR,
        note=f"assessment of {a.cid} sent to the owner/occupier of {b.cid}'s address",
    )
    k.twin(i1, i2)
    # care-of line: a ratepayer's mail c/- an agent (legit) vs c/- somebody unrelated
    a = k.pick(lambda c: plain(c) and "rates" in c.refs)
    b = k.pick(plain, exclude=(a.cid,))
    good = ct.rates_notice(a, r, 1, layout="window")
    good.address = [ct.name_line(a, 0), "C/- Wirrabara Realty Pty Ltd", "PO Box 77", "WIRRABARA VIC 3691"]
    bad = ct.rates_notice(a, r, 1, layout="window")
    bad.address = [ct.name_line(a, 0), f"C/- {ct.name_line(b, 1)}"] + ct.addr_lines(b.addr, 1)
    i1 = k.letter(good, "docx", "address-block/care-of", note=f"{a.cid} care of a managing agent")
    i2 = k.letter(
        bad,
        "docx",
        "address-block/care-of",
        "block",
        MR,
        note=f"notice of {a.cid} care of unrelated {b.cid} at {b.cid}'s address",
    )
    k.twin(i1, i2)
    # name twin: same name, wrong address
    twins = [c for c in k.reg.clients if c.note.startswith("name twin") and plain(c) and "rates" in c.refs]
    for b in twins[:2]:
        a = k.reg.by_id[b.note.split()[-1]]
        if not plain(a) or "rates" not in a.refs:
            continue
        st = k.style()
        good = ct.rates_notice(a, r, st)
        bad = ct.rates_notice(a, r, st)
        bad.address = ct.block(b, st)
        i1 = k.letter(good, "pdf", "address-block/name-twin", note=f"{a.cid}'s notice to {a.cid}")
        i2 = k.letter(
            bad, "pdf", "address-block/name-twin", "block", MR, note=f"{a.cid}'s notice addressed to name twin {b.cid}"
        )
        k.twin(i1, i2)
    # legit extra: PO box, RMB and lot addresses, unit styles
    for kind in ("po", "rmb", "lot"):
        c = k.pick(lambda c, kind=kind: c.addr.kind == kind and not c.suppressed and "rates" in c.refs)
        k.letter(ct.rates_notice(c, r, k.style()), k.fmt(), f"address-block/{kind}", note=f"{kind} address {c.cid}")
    for us in range(4):
        c = k.pick(lambda c: c.addr.unit != "" and plain(c) and "rates" in c.refs)
        L = ct.rates_notice(c, r, 0)
        L.address = [ct.name_line(c, us), c.addr.street_line(abbr=us % 2 == 0, unit_style=us), c.addr.locality()]
        k.letter(L, ("pdf", "docx", "rtf", "txt")[us], "address-block/unit-styles", note=f"unit owner {c.cid}")


def recipient_own_details(k: Corpus) -> None:
    for i in range(6):
        a = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs and c.phones)
        b = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs and c.phones, exclude=(a.cid,))
        what = ["assessment", "phone", "address", "email", "assessment", "address"][i]

        def text(x, a=a):
            return (
                f"Dear {a.given},\n\nThank you for updating your details. We now hold:\n"
                f"  Assessment: {x.ref('rates')}\n  Postal address: {x.addr.one_line()}\n"
                f"  Phone: {x.phones[0]}\n  Email: {x.emails[0]}\n\n"
                "Your next notice will be sent by email. If anything above is wrong, reply to this message.\n\n"
                "Regards\nRevenue Services\nWirrabara Shire Council | (03) 5460 1200\n"
            )

        good = text(a)
        bad = good.replace(
            {"assessment": a.ref("rates"), "phone": a.phones[0], "address": a.addr.one_line(), "email": a.emails[0]}[
                what
            ],
            {"assessment": b.ref("rates"), "phone": b.phones[0], "address": b.addr.one_line(), "email": b.emails[0]}[
                what
            ],
        )
        cat = f"recipient-own-details/{what}-confirmation"
        cte = ["", "quoted-printable", "base64"][i % 3]
        i1 = k.mail(
            STAFF["rates"],
            addr_to(a),
            "Your contact details have been updated",
            good,
            cat,
            cte=cte,
            note=f"{a.cid} receives own details",
        )
        i2 = k.mail(
            STAFF["rates"],
            addr_to(a),
            "Your contact details have been updated",
            bad,
            cat,
            "block",
            MR,
            cte=cte,
            note=f"{a.cid} receives {what} of {b.cid}",
        )
        k.twin(i1, i2)


def relationships(k: Corpus) -> None:
    r = k.r
    reg = k.reg
    # joint owners: notice to both (legit), to the ex with the victim's new suppressed address (incident)
    victims = [v for v in reg.silent() if v.joint]
    for n, v in enumerate(victims[:4]):
        ex = reg.by_id[v.joint[0]]
        st = k.style()
        good = ct.rates_notice(ex, r, st, joint=v)
        good.refs[0] = ("Assessment No", v.refs["rates_joint"])
        good.body[0] = f"Property: {ct.prop(ex.addr)}. Owners: {ct.name_line(ex, 5)} and {ct.name_line(v, 5)}."
        bad = ct.rates_notice(ex, r, st, joint=v)
        bad.refs[0] = ("Assessment No", v.refs["rates_joint"])
        bad.body[0] = good.body[0] + f" A copy of this notice has been sent to {v.given} {v.family} at "
        bad.body[0] += ["{0}.", "{0} as requested.", "her new address, {0}.", "{0} (co-owner)."][n % 4].format(
            v.addr.one_line() if n % 2 else f"{v.addr.street_line(abbr=True)} {v.addr.suburb.upper()}"
        )
        fmt = ("pdf", "docx", "rtf", "pdf")[n]
        i1 = k.letter(
            good,
            fmt,
            "relationships/joint-owner-notice",
            note=f"joint notice to {ex.cid}, joint with {v.cid}, no suppressed detail",
        )
        i2 = k.letter(
            bad,
            fmt,
            "relationships/joint-owner-notice",
            "block",
            ["suppressed_detail_exposed"],
            True,
            note=f"joint notice to {ex.cid} shows suppressed address of joint owner {v.cid}",
        )
        k.twin(i1, i2)
    # authorised representatives of home-care clients
    hc = [c for c in reg.clients if "homecare" in c.roles and c.contacts and not c.suppressed]
    for c in hc[:4]:
        other = k.pick(lambda o, c=c: "homecare" in o.roles and o.contacts and o.cid != c.cid and not o.suppressed)
        st = k.style()
        L = ct.homecare_letter(c, r, st)
        att = [(f"schedule-{c.ref('homecare')}.pdf", ct_pdf(L))]
        text = (
            f"Dear family member,\n\nAs {c.given}'s authorised representative, please find the updated service "
            f"schedule attached.\n\nKind regards\nAged and Disability Services\n"
        )
        cat = "relationships/authorised-representative"
        i1 = k.mail(
            STAFF["homecare"],
            c.contacts[0],
            "Updated service schedule",
            text,
            cat,
            attachments=att,
            note=f"schedule of {c.cid} to {c.cid}'s authorised contact",
        )
        i2 = k.mail(
            STAFF["homecare"],
            other.contacts[0],
            "Updated service schedule",
            text,
            cat,
            "block",
            MR,
            attachments=att,
            note=f"schedule of {c.cid} to the representative of {other.cid}",
        )
        k.twin(i1, i2)
    # approved collection agency: referral fine, but not with a suppressed address
    for n, v in enumerate([v for v in reg.silent() if "rates" in v.refs][:3]):
        cat = "relationships/debt-recovery-referral"
        base = (
            f"Referral WSC-DR-{410 + n}\nDebtor: {v.title} {v.given} {v.family}\nAssessment: {v.ref('rates')}\n"
            f"Arrears: $2,184.60 (rates 2024/25 and 2025/26)\n"
        )
        good = base + "Postal address: SILENT ENROLMENT - contact Revenue Services before any field visit.\n"
        bad = base + f"Postal address: {v.addr.one_line()}\n"
        i1 = k.mail(
            STAFF["rob"],
            AGENCY,
            f"Debt referral WSC-DR-{410 + n}",
            good,
            cat,
            note=f"referral of {v.cid} to approved agency, address withheld",
        )
        i2 = k.mail(
            STAFF["rob"],
            AGENCY,
            f"Debt referral WSC-DR-{410 + n}",
            bad,
            cat,
            "block",
            ["suppressed_detail_exposed"],
            True,
            note=f"referral of {v.cid} shows suppressed address",
        )
        k.twin(i1, i2)


def ct_pdf(L: Letter) -> bytes:
    from .formats import pdf_bytes

    return pdf_bytes([L])


def headers_links(k: Corpus) -> None:
    for n in range(5):
        a = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs)
        b = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs, exclude=(a.cid,))
        ref = a.ref("rates").replace(" ", "")
        link = f"https://pay.wirrabara.vic.gov.example/rates?assessment={ref}&amp;src=email"
        htm = (
            f"<html><body><p>Dear {a.given},</p><p>Your rates notice is ready. "
            f'<a href="{link}">View and pay your notice</a>.</p><p>Revenue Services</p></body></html>'
        )
        text = f"Dear {a.given},\n\nYour rates notice is ready: {link.replace('&amp;', '&')}\n\nRevenue Services\n"
        cat = "headers-links/" + ["payment-link", "cc-wrong-client", "reply-to", "payment-link", "bcc-field"][n]
        to_good, to_bad, extra_g, extra_b, cc_b = addr_to(a), addr_to(b), None, None, []
        if n == 1:
            to_bad, cc_b = addr_to(a), [addr_to(b)]
        if n == 2:
            extra_g = {"Reply-To": f"rates@{'wirrabara.vic.gov.example'}"}
            extra_b = {"Reply-To": "rates@wirrabara.vic.gov.example"}
        if n == 4:
            to_bad, extra_b = addr_to(a), {"Bcc": addr_to(b)}
        i1 = k.mail(
            STAFF["rates"],
            to_good,
            "Your rates notice",
            text,
            cat,
            html_body=htm,
            extra_headers=extra_g,
            note=f"link with {a.cid}'s own assessment",
        )
        i2 = k.mail(
            STAFF["rates"],
            to_bad,
            "Your rates notice",
            text,
            cat,
            "block",
            MR,
            html_body=htm,
            cc=cc_b,
            extra_headers=extra_b,
            note=f"link with {a.cid}'s assessment also sent to {b.cid}",
        )
        k.twin(i1, i2)
