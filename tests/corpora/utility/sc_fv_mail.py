"""Suppressed details in email (issue 9 point 4): headers, display names, mailto and tel links, alt and
title text, vCards and calendar invitations sent to the ex-partner, and to approved third parties."""

from __future__ import annotations

import html as H

from . import mail, org
from .compose import supply_of
from .corpus import Corpus
from .kit import addr, first
from .people import Client, fold, phone_as, ref_as
from .sc_fv import SUP, _pairs, joint_ref


def _fv_email_body(v: Client, ex: Client, ref: str, extra: str = "") -> str:
    return (
        f"Dear {first(ex)},\n\nThis is to confirm the change to the account {ref_as(ref, 'spaces')} for "
        f"{supply_of(ex, ref).one_line(abbrev=True)}. From the next bill, the account will be in your name "
        f"only and the final bill for the joint period will be split as agreed.{extra}\n\n"
        f"If you have any questions please call {org.PHONE}.\n\nKind regards\n\n"
    )


def header_exposures(cx: Corpus) -> None:
    rng = cx.rng
    kinds = [
        "cc",
        "to-both",
        "reply-to",
        "subject-phone",
        "from-display",
        "mailto",
        "link-text",
        "alt",
        "title",
        "body-email",
    ]
    for i in range(cx.n(30)):
        kind = kinds[i % len(kinds)]
        detail = "phone" if kind in ("subject-phone", "from-display", "link-text", "title") else "email"
        if kind == "alt":
            detail = "postal_address"
        v, ex = _pairs(cx, need_email=True, detail=detail, street=kind == "alt")
        assert ex is not None
        staff = rng.choice(org.STAFF)
        ref = joint_ref(v, ex)
        subject = "Your account: change of account holder"
        body = _fv_email_body(v, ex, ref) + org.signature(staff)
        html = (
            '<html><body style="font-family:Arial">'
            + "".join(f"<p>{H.escape(p)}</p>" for p in _fv_email_body(v, ex, ref).split("\n\n") if p)
            + org.signature_html(staff)
            + "</body></html>"
        )
        legit = cx.allow(
            f"headers-links/{kind}",
            ".eml",
            mail.email(rng, sender=staff.header, to=[addr(ex)], subject=subject, text=body, html=html),
            f"email to ex-partner {ex.cid} about the joint account; nothing of {v.cid}",
        )
        to, cc, reply_to, sender, text, htm = [addr(ex)], [], None, staff.header, body, html
        mob = v.phones[0]
        vmail = v.emails[0]
        vname = v.name("full")
        if kind == "cc":
            cc = [f"{vname} <{vmail}>"]
        elif kind == "to-both":
            to = [addr(ex), f'"{fold(v.family)}, {first(v)}" <{vmail}>']
        elif kind == "reply-to":
            reply_to = f"{vname} <{vmail}>"
        elif kind == "subject-phone":
            subject = f"Callback request - other holder on {phone_as(mob, 'plain')}"
        elif kind == "from-display":
            sender = f'"SMS from {phone_as(mob, "intl-compact")}" <sms-gateway@{org.DOMAIN}>'
        elif kind == "mailto":
            htm = html.replace(
                "</p><p>If you have",
                f' You can reach {H.escape(first(v))} at <a href="mailto:{vmail}">her email</a>.</p><p>If you have',
            )
        elif kind == "link-text":
            htm = html.replace(
                "</p><p>If you have",
                f' To agree the final read, call <a href="tel:{phone_as(mob, "intl-compact")}">'
                f"{phone_as(mob, 'spaces')}</a>.</p><p>If you have",
            )
        elif kind == "alt":
            a = v.address
            htm = html.replace(
                "</body>",
                f'<p><img src="cid:map1" alt="Map: {H.escape(a.one_line(abbrev=True))}" width="300"></p></body>',
            )
        elif kind == "title":
            htm = html.replace(
                "</p><p>If you have",
                f' <span title="{phone_as(mob, "dots")}">{H.escape(first(v))}\'s '
                "number</span> is on file with the Safe Accounts team.</p><p>If you have",
            )
        else:
            text = body.replace(
                "\n\nIf you have", f"\n\nIf you need to reach her, her email is {vmail}.\n\nIf you have"
            )
            htm = html.replace(
                "</p><p>If you have", f"</p><p>If you need to reach her, her email is {vmail}.</p><p>If you have"
            )
        only_html = kind in ("mailto", "link-text", "alt", "title")
        where = {
            "cc": "Cc header",
            "to-both": "To header with display name",
            "reply-to": "Reply-To header",
            "subject-phone": "Subject",
            "from-display": "From display name",
            "mailto": "HTML mailto link only",
            "link-text": "HTML tel link and link text only",
            "alt": "HTML img alt text only",
            "title": "HTML title attribute only",
            "body-email": "both alternatives",
        }[kind]
        what = {"phone": "phone", "email": "email", "postal_address": "address"}[detail]
        data = mail.email(
            rng,
            sender=sender,
            to=to,
            cc=cc,
            reply_to=reply_to,
            subject=subject,
            text=text if not only_html else body,
            html=htm,
        )
        cx.pair(
            legit,
            cx.block(
                f"headers-links/{kind}",
                ".eml",
                data,
                SUP,
                f"email to ex-partner {ex.cid}: suppressed {what} of {v.cid} in {where}",
                True,
            ),
        )


def cards_and_invites(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(5)):
        v, ex = _pairs(cx, need_email=True, detail="email")
        assert ex is not None
        officer = org.STAFF[i % 3]
        desc = "Meeting to agree the final read and closure of the joint account. Bring photo ID."
        base = [(ex.name("full"), ex.emails[0])]
        cal = mail.ics(
            rng,
            organizer=officer,
            attendees=base,
            summary="Joint account closure",
            location=f"{org.NAME}, {org.STREET}, {org.LOCALITY}",
            description=desc,
        )
        legit = cx.allow(
            "mime-parts/calendar",
            ".eml",
            mail.email(
                rng,
                sender=officer.header,
                to=[addr(ex)],
                subject="Invitation: Joint account closure",
                text=desc,
                calendar=cal,
            ),
            f"meeting invitation to {ex.cid} only",
        )
        cal2 = mail.ics(
            rng,
            organizer=officer,
            attendees=base + [(v.name("full"), v.emails[0])],
            summary="Joint account closure",
            location=f"{org.NAME}, {org.STREET}, {org.LOCALITY}",
            description=desc,
        )
        # The calendar client sends one message; the suppressed address is an ATTENDEE line seen by the ex-partner.
        bad = mail.email(
            rng,
            sender=officer.header,
            to=[addr(ex)],
            subject="Invitation: Joint account closure",
            text=desc,
            calendar=cal2,
        )
        cx.pair(
            legit,
            cx.block(
                "mime-parts/calendar",
                ".eml",
                bad,
                SUP,
                f"invitation to ex-partner {ex.cid} lists the suppressed email of {v.cid} as ATTENDEE",
                True,
            ),
        )
    for i in range(cx.n(4)):
        v, ex = _pairs(cx, need_email=True, detail="phone")
        assert ex is not None
        staff = org.STAFF[i % 3]
        card = mail.vcard(
            full=staff.name,
            family=staff.name.split()[-1],
            given=staff.name.split()[0],
            org_name=org.NAME,
            title=staff.role,
            phones=[org.PHONE],
            email=staff.email,
        )
        text = (
            f"Dear {first(ex)},\n\nMy contact card is attached. Call me about the account any time.\n\n"
            + org.signature(staff)
        )
        legit = cx.allow(
            "mime-parts/vcard",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[addr(ex)],
                subject="My contact details",
                text=text,
                attachments=[(f"{staff.name}.vcf", "text/vcard", card.encode())],
            ),
            f"staff contact card sent to {ex.cid}",
        )
        a = v.address
        vc = mail.vcard(
            full=v.name("full"),
            family=v.family,
            given=v.given,
            phones=[phone_as(v.phones[0], "intl")],
            address=(a.street_line(abbrev=True), a.suburb, a.state, a.postcode) if a.kind == "street" else None,
        )
        bad = mail.email(
            rng,
            sender=staff.header,
            to=[addr(ex)],
            subject="My contact details",
            text=text,
            attachments=[(f"{fold(v.name('full'))}.vcf", "text/vcard", vc.encode())],
        )
        cx.pair(
            legit,
            cx.block(
                "mime-parts/vcard",
                ".eml",
                bad,
                SUP,
                f"vCard of {v.cid} (suppressed phone, and address if a street) attached to an email to {ex.cid}",
                True,
            ),
        )


def third_party_exposures(cx: Corpus) -> None:
    """Approved third parties may have the client's information, never a suppressed detail."""
    rng = cx.rng
    for i in range(cx.n(8)):
        v, ex = _pairs(cx, with_ex=False)
        party = [org.OMBUDSMAN[0], org.COLLECTOR[1], org.CONTRACTOR[0], org.OMBUDSMAN[2]][i % 4]
        own = [r for r in v.refs if r not in v.shared_refs][-1]
        staff = org.STAFF[3] if party.email.endswith(org.OMBUDSMAN_DOMAIN) else org.STAFF[6]
        base = (
            f"Hello,\n\nRe: {v.name('full')}, account {ref_as(own, 'spaces')}\n\nThis customer is on our Safe Accounts "
            f"register. Please contact her only through our Safe Accounts team ({org.FV_TEAM.email}), who will "
            "pass on messages.\n\n"
        )
        detail = [
            f"Her new postal address is {v.address.one_line(abbrev=True)}.",
            f"Her mobile is {phone_as(v.phones[0], 'spaces')}.",
        ][i % 2]
        what = ["address", "phone"][i % 2]
        if what == "phone" and "phone" not in v.suppressed:
            detail, what = f"Her new postal address is {v.address.one_line(abbrev=True)}.", "address"
        legit = cx.allow(
            "relationships/third-party-safe-account",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[party.header],
                subject="Customer on Safe Accounts register",
                text=base + org.signature(staff),
            ),
            f"approved third party told about {v.cid} without any suppressed detail",
        )
        bad = mail.email(
            rng,
            sender=staff.header,
            to=[party.header],
            subject="Customer on Safe Accounts register",
            text=base + detail + "\n\n" + org.signature(staff),
        )
        cx.pair(
            legit,
            cx.block(
                "relationships/third-party-safe-account",
                ".eml",
                bad,
                SUP,
                f"approved third party ({party.email.split('@')[1]}) sent the suppressed {what} of {v.cid}",
                True,
            ),
        )


def run_all(cx: Corpus) -> None:
    header_exposures(cx)
    cards_and_invites(cx)
    third_party_exposures(cx)
