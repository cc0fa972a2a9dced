"""A family-violence victim's suppressed address, phone or email reaching the former partner (the other
holder of the joint home policy): in headers, display names, the subject, HTML attributes, the body and
attachments, written loosely. Each has a twin in the same layout carrying the recipient's own details."""

from __future__ import annotations

import html as htmllib

from . import content, fmt, mail, office, org
from .content import Ctx
from .corpus import Corpus
from .letters import Letter, sign_for
from .mail import Attachment, Mail
from .pdfform import Field, form_pdf
from .people import Address, Client, Victim
from .render import MIME, letter_bytes
from .sc_own import SUPPRESSED


def _victims(ctx: Ctx, need: str) -> list[Victim]:
    return [
        v
        for v in ctx.pop.victims
        if need in v.victim.suppressed and (need != "postal_address" or not v.victim.address.is_box)
    ]


def _pair(ctx: Ctx, corpus: Corpus, cat: str, bad: Mail, good: Mail, note_bad: str, note_good: str) -> None:
    seed = ctx.rng.getrandbits(16)
    inc = corpus.add(
        "eml", mail.build(bad, ctx.msgid(), seed), cat, "block", SUPPRESSED, suppressed=True, note=note_bad
    )
    tw = corpus.add("eml", mail.build(good, ctx.msgid(), seed), cat, note=note_good)
    corpus.pair(inc, tw)


def _claims_mail(ctx: Ctx, v: Victim, to: list[tuple[str, str]], subject: str, paras: list[str], **kw: object) -> Mail:
    st = org.STAFF[7]
    return Mail(
        (st.name, st.email),
        to,
        subject,
        ctx.when(),
        text=content.email_body(ctx, f"Dear {v.ex.first},", paras, st),
        **kw,
    )  # type: ignore[arg-type]


def _joint_paras(v: Victim) -> list[str]:
    return [
        f"We are writing about joint home policy {v.joint_ref} for {fmt.inline_address(v.ex.address)}.",
        "The policy renews next month. Both policyholders will receive the renewal documents.",
    ]


def suppressed(ctx: Ctx, corpus: Corpus) -> None:
    _headers(ctx, corpus)
    _html(ctx, corpus)
    _loose_body(ctx, corpus)
    _attachments(ctx, corpus)
    _internal(ctx, corpus)


def _headers(ctx: Ctx, corpus: Corpus) -> None:
    pop = ctx.pop
    for i, v in enumerate(_victims(ctx, "email")[: ctx.n(4)]):
        vic, ex = v.victim, v.ex
        field = ["To", "Cc", "Cc"][i % 3]
        bad = _claims_mail(ctx, v, [(ex.full, ex.emails[0])], f"Joint policy {v.joint_ref} - renewal", _joint_paras(v))
        if field == "To":
            bad.to.append((vic.full, vic.emails[0]))
        else:
            bad.cc = [(vic.full, vic.emails[0])]
        a, b, joint = pop.joint_pairs[(i * 5) % len(pop.joint_pairs)]
        good = Mail(
            bad.sender,
            [(a.full, a.emails[0])],
            f"Joint policy {joint} - renewal",
            ctx.when(),
            text=content.email_body(
                ctx,
                f"Dear {a.first},",
                [
                    f"We are writing about joint home policy {joint} for {fmt.inline_address(a.address)}.",
                    "The policy renews next month. Both policyholders will receive the renewal documents.",
                ],
            ),
        )
        if field == "To":
            good.to.append((b.full, b.emails[0]))
        else:
            good.cc = [(b.full, b.emails[0])]
        _pair(
            ctx,
            corpus,
            "headers-links/to-cc",
            bad,
            good,
            f"joint-policy notice to {ex.cid} with {vic.cid}'s suppressed email in {field}",
            f"joint-policy notice to both holders {a.cid} and {b.cid} (no suppression)",
        )
    for i, v in enumerate(_victims(ctx, "email")[: ctx.n(2)]):
        vic, ex = v.victim, v.ex
        disp = [f"{vic.emails[0]}", f"{vic.first} ({vic.emails[0]})", f"{vic.full} <{vic.emails[0]}>"][i % 3]
        bad = _claims_mail(ctx, v, [(disp, ex.emails[0])], "Your policy documents", _joint_paras(v))
        good = _claims_mail(
            ctx, v, [(f"{ex.full} ({ex.emails[0]})", ex.emails[0])], "Your policy documents", _joint_paras(v)
        )
        _pair(
            ctx,
            corpus,
            "headers-links/display-name",
            bad,
            good,
            f"email to {ex.cid} whose display name (address-book entry) holds {vic.cid}'s suppressed email",
            f"email to {ex.cid} whose display name holds his own email",
        )
    for i, v in enumerate(_victims(ctx, "phone")[: ctx.n(3)]):
        vic, ex = v.victim, v.ex
        style = ["plain", "intl", "bare", "dashes"][i % 4]
        # the joint policy, not her own claim: the ex may see the joint policy's number, never her own references
        subject = [f"Joint policy {v.joint_ref} - {vic.first} is on {{}}", "RE: Callback request {} (co-insured)"][
            i % 2
        ]
        bad = _claims_mail(
            ctx, v, [(ex.full, ex.emails[0])], subject.format(fmt.phone_as(vic.phones[0], style)), _joint_paras(v)
        )
        good = _claims_mail(ctx, v, [(ex.full, ex.emails[0])], subject.format(org.CLAIMS_PHONE), _joint_paras(v))
        _pair(
            ctx,
            corpus,
            "headers-links/subject",
            bad,
            good,
            f"to {ex.cid}: {vic.cid}'s suppressed phone ({style}) in the Subject",
            f"to {ex.cid}: the organisation's phone in the Subject",
        )
    for v in _victims(ctx, "email")[: ctx.n(2)]:
        vic, ex = v.victim, v.ex
        bad = _claims_mail(
            ctx,
            v,
            [(ex.full, ex.emails[0])],
            "Claim update",
            _joint_paras(v),
            reply_to=[(vic.full, vic.emails[0])],
            mailer="ClaimCentre Notify 9.0",
        )
        good = _claims_mail(
            ctx,
            v,
            [(ex.full, ex.emails[0])],
            "Claim update",
            _joint_paras(v),
            reply_to=[("Home Claims", org.HOME_CLAIMS)],
            mailer="ClaimCentre Notify 9.0",
        )
        _pair(
            ctx,
            corpus,
            "headers-links/reply-to",
            bad,
            good,
            f"claims-system mail to {ex.cid} with Reply-To set to {vic.cid}'s suppressed email (primary contact)",
            "the same mail with Reply-To the home claims mailbox",
        )


def _html_mail(ctx: Ctx, v: Victim, to: Client, fragment: str) -> Mail:
    e = htmllib.escape
    st = org.STAFF[7]
    body = (
        f'<html><head><meta charset="utf-8"></head><body style="font-family:Segoe UI">'
        f'<img src="cid:bwlogo" alt="{e(org.SHORT)}" width="160"><p>Dear {e(to.first)},</p>'
        f"<p>Your joint home policy <b>{e(v.joint_ref)}</b> renews on 1 April 2025.</p>{fragment}"
        f'<table style="border-collapse:collapse"><tr><td>Claims</td><td>{org.CLAIMS_PHONE}</td></tr>'
        f'<tr><td>Email</td><td><a href="mailto:{org.CLAIMS}" title="Email {e(org.SHORT)} claims">{org.CLAIMS}'
        f"</a></td></tr></table><p>Kind regards,<br>{org.signature(st, html=True)}</p></body></html>"
    )
    return Mail(
        (st.name, st.email),
        [(to.full, to.emails[0])],
        "Your joint policy",
        ctx.when(),
        html=body,
        attachments=[Attachment("image001.png", mail.tiny_png(), "image/png", "bwlogo")],
    )


def _html(ctx: Ctx, corpus: Corpus) -> None:
    e = htmllib.escape
    for i, v in enumerate(ctx.pop.victims[: ctx.n(6)]):
        vic, ex = v.victim, v.ex
        kind = ["mailto", "alt", "title", "cells", "preheader", "link-text", "alt", "cells"][i % 8]
        if kind in ("mailto", "link-text") and "email" not in vic.suppressed:
            kind = "cells"
        if kind in ("alt", "title") and "phone" not in vic.suppressed:
            kind = "cells"
        if kind in ("cells", "preheader") and vic.address.is_box:
            kind = "mailto" if "email" in vic.suppressed else "alt"
        ph = fmt.phone_as(vic.phones[0], ["intl", "plain"][i % 2])
        own_ph = fmt.phone_as(ex.phones[0], ["intl", "plain"][i % 2])
        frags = {
            "mailto": (
                f'<p>The other policyholder can be contacted <a href="mailto:{vic.emails[0]}">by email</a>.</p>',
                f'<p>You can contact us <a href="mailto:{org.HOME_CLAIMS}">by email</a>.</p>',
            ),
            "alt": (
                f'<p><img src="cid:bwlogo" alt="Call {e(vic.first)} on {ph}" width="1"></p>',
                f'<p><img src="cid:bwlogo" alt="Call us on {org.CLAIMS_PHONE}" width="1"></p>',
            ),
            "title": (
                f'<p><a href="https://{org.WEB}/claims" title="Second insured mobile {ph}">Track the claim</a></p>',
                f'<p><a href="https://{org.WEB}/claims" title="Your mobile on file {own_ph}">Track the claim</a></p>',
            ),
            "link-text": (
                f'<p>Copies were also sent to <a href="https://{org.WEB}/myaccount/shared">{vic.emails[0]}</a>.</p>',
                f'<p>Copies were also sent to <a href="https://{org.WEB}/myaccount/shared">{ex.emails[0]}</a>.</p>',
            ),
            "cells": (_cells(vic.address), _cells(ex.address)),
            "preheader": (
                f'<span style="display:none;max-height:0">Contents cover for '
                f"{e(fmt.inline_address(vic.address, True))}</span>",
                f'<span style="display:none;max-height:0">Home cover for '
                f"{e(fmt.inline_address(ex.address, True))}</span>",
            ),
        }
        bad_frag, good_frag = frags[kind]
        _pair(
            ctx,
            corpus,
            f"html-mail/{kind}",
            _html_mail(ctx, v, ex, bad_frag),
            _html_mail(ctx, v, ex, good_frag),
            f"HTML mail to {ex.cid}: {vic.cid}'s suppressed detail in {kind}",
            f"HTML mail to {ex.cid}: his own or the organisation's details in {kind}",
        )


def _cells(a: Address) -> str:
    parts = [fmt.street_line(a)[-1], a.suburb, a.state, a.postcode]
    return (
        '<table border="1"><tr><th>Street</th><th>Suburb</th><th>State</th><th>Postcode</th></tr><tr>'
        + "".join(f"<td>{htmllib.escape(p)}</td>" for p in parts)
        + "</tr></table>"
    )


def _write_address(a: Address, style: str, ctx: Ctx) -> str:
    r = ctx.rng
    if style == "abbrev":
        return fmt.inline_address(a, abbrev=True)
    if style == "lines":
        return "\n".join(fmt.address_lines(a, r, loc="split"))
    if style == "caps":
        return " ".join(fmt.address_lines(a, r, abbrev=False, loc="full", caps=True))
    if style == "typo":
        street = fmt.street_line(a)[-1]
        if len(a.street) > 4:
            return f"{street.replace(a.street, fmt.typo(a.street, r))}, {a.suburb} {a.state} {a.postcode}"
        return f"{street}, {fmt.typo(a.suburb, r)} {a.state} {a.postcode}"
    if style == "typo-suburb":
        return (
            f"{fmt.street_line(a)[-1]}, {fmt.typo(a.suburb, r) if len(a.suburb) > 4 else a.suburb} "
            f"{a.state} {a.postcode}"
        )
    return fmt.inline_address(a)


def _loose_body(ctx: Ctx, corpus: Corpus) -> None:
    styles = ["abbrev", "lines", "caps", "typo", "typo-suburb", "full"]
    for i, v in enumerate(_victims(ctx, "postal_address")[: ctx.n(6)]):
        style = styles[i % len(styles)]
        vic, ex = v.victim, v.ex
        lead = (
            "The contents assessor will attend the insured property:\n"
            if style == "lines"
            else "For your records, the contents assessor will attend "
        )
        for_letter = i % 3 == 2
        bad_para = lead + _write_address(vic.address, style, ctx) + " on Tuesday at 10am."
        good_para = lead + _write_address(ex.address, style, ctx) + " on Tuesday at 10am."
        cat = f"suppressed-loose/{'typo' if style.startswith('typo') else style}"
        if for_letter:  # a posted letter to the former partner
            spec = [("pdf", "window"), ("docx", "stacked"), ("txt", "plain"), ("rtf", "left")][i % 4]
            ids = []
            for para, bad in ((bad_para, True), (good_para, False)):
                lt = Letter(
                    content.to_block(ex, ctx.rng),
                    ctx.day(),
                    [("Policy number", v.joint_ref)],
                    heading="Your claim - assessment booked",
                    dear=fmt.dear(ex),
                    body=[para, "Please make sure someone over 18 is present."],
                    sign=sign_for(org.STAFF[7].name, org.STAFF[7].role),
                )
                ext, blob = letter_bytes(spec, lt, 7)
                ids.append(
                    corpus.add(
                        ext,
                        blob,
                        cat,
                        *(("block", SUPPRESSED) if bad else ("allow", None)),
                        suppressed=bad,
                        note=(
                            f"letter to {ex.cid} gives {vic.cid}'s suppressed address ({style})"
                            if bad
                            else f"letter to {ex.cid} gives his own address ({style})"
                        ),
                    )
                )
            corpus.pair(ids[0], ids[1])
            continue
        bad = _claims_mail(ctx, v, [(ex.full, ex.emails[0])], "Assessment booked", [bad_para])
        good = _claims_mail(ctx, v, [(ex.full, ex.emails[0])], "Assessment booked", [good_para])
        _pair(
            ctx,
            corpus,
            cat,
            bad,
            good,
            f"email to {ex.cid} gives {vic.cid}'s suppressed address ({style})",
            f"email to {ex.cid} gives his own address ({style})",
        )
    phone_styles = ["intl", "dashes", "local", "dots", "brackets", "bare", "intl0", "pairs"]
    with_phone = _victims(ctx, "phone")
    with_land = [v for v in with_phone if any(not fmt.digits(p).startswith("04") for p in v.victim.phones)]
    for i in range(ctx.n(6)):
        style = phone_styles[i % len(phone_styles)]
        pool = with_land if style in ("local", "brackets") and with_land else with_phone
        v = pool[i % len(pool)]
        vic, ex = v.victim, v.ex
        land = [p for p in vic.phones if not fmt.digits(p).startswith("04")]
        num = land[0] if style in ("local", "brackets") and land else vic.phones[0]
        if style == "local" and not land:
            style = "intl"
        own = ex.phones[-1] if style in ("local", "brackets") and len(ex.phones) > 1 else ex.phones[0]
        line = "{} rang about the joint policy and asked that we call back on {}."
        bad = _claims_mail(
            ctx,
            v,
            [(ex.full, ex.emails[0])],
            "Message about your policy",
            [line.format("Your co-insured", fmt.phone_as(num, style))],
        )
        good = _claims_mail(
            ctx,
            v,
            [(ex.full, ex.emails[0])],
            "Message about your policy",
            [line.format("You", fmt.phone_as(own, style))],
        )
        _pair(
            ctx,
            corpus,
            "suppressed-loose/phone-formats",
            bad,
            good,
            f"to {ex.cid}: {vic.cid}'s suppressed phone written {style}",
            f"to {ex.cid}: his own phone written {style}",
        )
    for v in _victims(ctx, "email")[: ctx.n(2)]:
        vic, ex = v.victim, v.ex
        bad = _claims_mail(
            ctx,
            v,
            [(ex.full, ex.emails[0])],
            "Documents",
            [f"Copies have also gone to {vic.emails[0].upper()} as requested."],
        )
        good = _claims_mail(
            ctx,
            v,
            [(ex.full, ex.emails[0])],
            "Documents",
            [f"Copies have also gone to {ex.emails[0].upper()} as requested."],
        )
        _pair(
            ctx,
            corpus,
            "suppressed-loose/email-capitals",
            bad,
            good,
            f"to {ex.cid}: {vic.cid}'s suppressed email in capitals in the body",
            f"to {ex.cid}: his own email in capitals",
        )


def _claim_form(ctx: Ctx, holder: Client, a: Address, v: Victim) -> bytes:
    fields = [
        Field("Policy number", "policy_no", v.joint_ref),
        Field("Insured name", "insured", holder.full),
        Field("Street", "street", ", ".join(fmt.street_line(a, abbrev=False))),
        Field("Suburb", "suburb", a.suburb),
        Field("State", "state", a.state),
        Field("Postcode", "postcode", a.postcode, 60),
        Field("Date of loss", "loss_date", "14/02/2025", 80),
        Field("Description", "desc", "Storm water entered the lounge room"),
    ]
    return form_pdf(
        "Home Claim Form - Contents",
        [
            "Pre-filled from our records. Please check, sign and return.",
            f"{org.NAME}  {org.POSTAL}, {org.POSTAL_LOCALITY}",
        ],
        fields,
        org.footer_line(),
    )


def _attachments(ctx: Ctx, corpus: Corpus) -> None:
    r = ctx.rng
    for i, v in enumerate(_victims(ctx, "postal_address")[: ctx.n(5)]):
        vic, ex = v.victim, v.ex
        kind = ["form", "docx", "xlsx", "txt", "rtf", "form", "docx", "xlsx"][i % 8]
        blobs = []
        for a in (vic.address, ex.address):
            if kind == "form":
                blobs.append(("pdf", _claim_form(ctx, vic if a is vic.address else ex, a, v)))
            elif kind == "xlsx":
                blobs.append(
                    (
                        "xlsx",
                        office.xlsx(
                            {
                                "Contents list": [
                                    ["Item", "Location", "Suburb", "State", "Postcode", "Value"],
                                    ["Television 65in", fmt.street_line(a)[-1], a.suburb, a.state, a.postcode, "1899"],
                                    ["Sofa", "", "", "", "", "2400"],
                                ]
                            }
                        ),
                    )
                )
            else:
                lt = Letter(
                    content.to_block(ex, r),
                    ctx.day(),
                    [("Policy number", v.joint_ref)],
                    heading="Record of conversation",
                    body=[
                        f"Assessment address: {', '.join(fmt.address_lines(a, r, caps=i % 2 == 0))}",
                        "Caller asked for the assessor's report to be sent to both policyholders.",
                    ],
                    sign=sign_for(org.STAFF[7].name, org.STAFF[7].role, "Recorded by"),
                )
                spec = {"docx": ("docx", "stacked"), "txt": ("txt", "plain"), "rtf": ("rtf", "left")}[kind]
                blobs.append(letter_bytes(spec, lt, 3))
        mails = []
        for ext, blob in blobs:
            mails.append(
                _claims_mail(
                    ctx,
                    v,
                    [(ex.full, ex.emails[0])],
                    "Claim paperwork",
                    ["Please find the claim paperwork attached."],
                    attachments=[Attachment(f"Claim_{v.joint_ref}.{ext}", blob, MIME[ext])],
                )
            )
        _pair(
            ctx,
            corpus,
            f"suppressed-loose/attachment-{kind}",
            mails[0],
            mails[1],
            f"attachment ({kind}) to {ex.cid} carries {vic.cid}'s suppressed address"
            + (" in labelled form fields" if kind == "form" else ""),
            f"the same attachment with {ex.cid}'s own address",
        )


def _internal(ctx: Ctx, corpus: Corpus) -> None:
    for v in _victims(ctx, "postal_address")[: ctx.n(2)]:
        vic = v.victim
        paras = [
            f"New contents claim from {vic.full} ({vic.cid}). Risk address {fmt.inline_address(vic.address)}.",
            "Please book an assessor.",
        ]
        st = org.STAFF[0]
        bad = Mail(
            (st.name, st.email),
            [("Home Claims", org.HOME_CLAIMS)],
            "New claim to book",
            ctx.when(),
            text=content.email_body(ctx, "Hi team,", paras, st),
        )
        good = Mail(
            (st.name, st.email),
            [("Customer Safety", org.SAFETY_TEAM)],
            "New claim to book",
            ctx.when(),
            text=content.email_body(ctx, "Hi team,", paras, st),
        )
        seed = ctx.rng.getrandbits(16)
        inc = corpus.add(
            "eml",
            mail.build(bad, ctx.msgid(), seed),
            "relationships/internal-suppressed",
            "block",
            SUPPRESSED,
            suppressed=True,
            note=f"internal mail to a general mailbox (not on the "
            f"suppressed-detail staff list) with {vic.cid}'s suppressed address; DESIGN §3 default",
        )
        tw = corpus.add(
            "eml",
            mail.build(good, ctx.msgid(), seed),
            "relationships/internal-suppressed",
            note="the same mail to the customer safety team, who may see suppressed details",
        )
        corpus.pair(inc, tw)
