"""Threads (replies quoting the customer, forwarded claim notes) and everyday legitimate mail: claim updates,
HTML status mails, notices that disclose nothing, and print files of several letters."""

from __future__ import annotations

import html as htmllib
from datetime import timedelta

from . import content, fmt, mail, org, pdfs
from .content import Ctx
from .corpus import Corpus, letter_verdict
from .letters import Letter
from .mail import Attachment, Mail
from .people import Client
from .render import FORMATS, letter_bytes
from .sc_letters import MISMATCH
from .sc_own import SUPPRESSED


def _add(
    ctx: Ctx,
    corpus: Corpus,
    m: Mail,
    cat: str,
    expect: str = "allow",
    rules: list[str] | None = None,
    suppressed: bool = False,
    note: str = "",
) -> str:
    return corpus.add(
        "eml", mail.build(m, ctx.msgid(), ctx.rng.getrandbits(16)), cat, expect, rules, suppressed=suppressed, note=note
    )


def customer_mail(ctx: Ctx, c: Client, claim: str) -> str:
    """What a policyholder writes in: their own details in the signature."""
    r = ctx.rng
    ask = r.choice(
        [
            "Can you tell me when the assessor is coming?",
            "I still haven't heard about the hire car.",
            "Is there anything else you need from me? I've attached the photos.",
            "The builder says the quote was approved but I have nothing in writing.",
        ]
    )
    sig = [c.full, fmt.inline_address(c.address, True) if r.random() < 0.7 else "", f"Mob: {c.mobile}"]
    return f"Hi,\n\nMy claim number is {claim}. {ask}\n\nThanks\n" + "\n".join(x for x in sig if x)


def threads(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):  # replies quoting the customer's own mail
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        earlier = ctx.when() - timedelta(days=1)
        theirs = customer_mail(ctx, c, claim)
        s = ctx.staff()
        quote = (
            mail.outlook_quote(
                f"{c.full} <{c.emails[0]}>", earlier, f"{org.SHORT} Claims <{org.CLAIMS}>", f"Claim {claim}", theirs
            )
            if i % 2
            else mail.gmail_quote(f"{c.full} <{c.emails[0]}>", earlier, theirs)
        )
        m = Mail(
            (s.name, s.email),
            [(c.full, c.emails[0])],
            f"RE: Claim {claim}",
            ctx.when(),
            text=content.email_body(
                ctx, f"Hi {c.first},", ["Thanks for your email. The assessor will call you tomorrow to book a time."], s
            )
            + quote,
            in_reply_to=f"{r.getrandbits(48):012x}@{c.emails[0].split('@')[1]}",
        )
        _add(ctx, corpus, m, "threads/reply-quotes-customer", note=f"reply to {c.cid} quoting {c.cid}'s own mail")
    for _ in range(ctx.n(3)):  # a reply that went to the wrong customer
        a, b = pop.pick(2)
        claim = content.ensure_claim(ctx, b)
        theirs = customer_mail(ctx, b, claim)
        s = ctx.staff()
        ids = []
        for to, bad in ((a, True), (b, False)):
            quote = mail.outlook_quote(
                f"{b.full} <{b.emails[0]}>",
                ctx.when() - timedelta(hours=5),
                f"{org.SHORT} Claims <{org.CLAIMS}>",
                f"Claim {claim}",
                theirs,
            )
            m = Mail(
                (s.name, s.email),
                [(to.full, to.emails[0])],
                f"RE: Claim {claim}",
                ctx.when(),
                text=content.email_body(
                    ctx, f"Hi {b.first},", ["Thanks for the photos. I have passed them to the assessor."], s
                )
                + quote,
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "threads/reply-wrong-customer",
                    *(("block", MISMATCH) if bad else ("allow", None)),
                    note=(
                        f"reply meant for {b.cid} (quoting {b.cid}'s mail) addressed to {a.cid}"
                        if bad
                        else f"reply to {b.cid} quoting {b.cid}'s own mail"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    for i in range(ctx.n(4)):  # claim notes forwarded
        a, b = pop.pick(2)
        claim = content.ensure_claim(ctx, a)
        notes = (
            f"Claim {claim} - file notes\n{fmt.formal(a)}, DOB {fmt.date_as(a.dob, 'slash')}\n"
            f"{fmt.inline_address(a.address)}\n12/02 Insured called re leak under kitchen sink. Plumber "
            "report requested.\n14/02 Report received: failed flexi hose, sudden. Claim accepted."
        )
        s = ctx.staff()
        hdr = mail.forward_header(
            f"{org.STAFF[0].name} <{org.STAFF[0].email}>",
            ctx.when() - timedelta(days=3),
            f"{s.name} <{s.email}>",
            f"Notes {claim}",
        )
        if i % 2 == 0:
            rep = org.REPAIRERS[2]
            m = Mail(
                (s.name, s.email),
                [(rep.contact, rep.contact_email)],
                f"FW: Notes {claim}",
                ctx.when(),
                text=f"Sione, background for the job below.\n\n{s.name}" + hdr + notes,
            )
            _add(
                ctx,
                corpus,
                m,
                "threads/forwarded-notes",
                note=f"{a.cid}'s claim notes forwarded to the repairer (approved third party)",
            )
            continue
        ids = []
        for to, bad in ((b, True), (a, False)):
            m = Mail(
                (s.name, s.email),
                [(to.full, to.emails[0])],
                f"FW: Notes {claim}",
                ctx.when(),
                text=f"Hi {to.first}, as requested, the notes on your claim.\n\n{s.name}" + hdr + notes,
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "threads/forwarded-notes",
                    *(("block", MISMATCH) if bad else ("allow", None)),
                    note=(
                        f"{a.cid}'s claim notes forwarded to another policyholder {b.cid}"
                        if bad
                        else f"{a.cid}'s claim notes forwarded to {a.cid}"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    for v in pop.victims[: ctx.n(3)]:
        vic, ex = v.victim, v.ex
        ids = []
        for who, bad in ((vic, True), (ex, False)):
            theirs = (
                f"Hello,\n\nPlease update the joint policy {v.joint_ref}. My details are below.\n\n{who.full}\n"
                f"{fmt.inline_address(who.address)}\n{who.phones[0]}"
            )
            s = org.STAFF[0]
            m = Mail(
                (s.name, s.email),
                [(ex.full, ex.emails[0])],
                f"FW: Policy {v.joint_ref}",
                ctx.when(),
                text=f"Hi {ex.first},\n\nSee below, forwarded for your information as joint policyholder.\n\n"
                f"{s.name}"
                + mail.forward_header(f"{who.full} <{who.emails[0]}>", ctx.when(), org.CLAIMS, f"Policy {v.joint_ref}")
                + theirs,
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "threads/forwarded-to-joint-holder",
                    *(("block", SUPPRESSED) if bad else ("allow", None)),
                    suppressed=bad,
                    note=(
                        f"{vic.cid}'s mail (suppressed email, address, phone) forwarded to {ex.cid}"
                        if bad
                        else f"{ex.cid}'s own mail forwarded back to him"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])


def _status_html(c: Client, claim: str, steps: list[tuple[str, str]]) -> str:
    e = htmllib.escape
    rows = "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td></tr>" for a, b in steps)
    return (
        f'<html><body><table width="600" style="font-family:Arial"><tr><td><img src="cid:logo" '
        f'alt="{e(org.SHORT)} - claims {org.CLAIMS_PHONE}" title="{e(org.NAME)}"></td></tr>'
        f"<tr><td><p>Hi {e(c.first)},</p><p>Here is the latest on claim <b>{e(claim)}</b>.</p>"
        f'<table border="1" cellpadding="6" style="border-collapse:collapse"><tr><th>Stage</th><th>Status</th></tr>'
        f"{rows}</table><p>Questions? Reply to this email or write to "
        f'<a href="mailto:{org.CLAIMS}?subject=Claim%20{e(claim)}" title="Email the claims team">{org.CLAIMS}'
        f'</a>.</p><p><a href="https://{org.WEB}/claims/track" title="Track your claim online">Track your claim'
        f'</a> | <a href="https://{org.WEB}/privacy" title="Privacy policy">Privacy</a></p>'
        '<p style="font-size:9px">'
        f"{e(org.footer_line())}</p></td></tr></table></body></html>"
    )


def everyday(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for _ in range(ctx.n(5)):
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        steps = [("Lodged", "Complete"), ("Assessment", r.choice(["Complete", "Booked"])), ("Repairs", "Pending")]
        m = Mail(
            ("Blackwattle Claims", org.NOREPLY),
            [(c.full, c.emails[0])],
            f"Update on claim {claim}",
            ctx.when(),
            text=f"Hi {c.first}, claim {claim}: " + "; ".join(f"{a} {b}" for a, b in steps),
            html=_status_html(c, claim, steps),
            mailer="Blackwattle Notify",
            attachments=[Attachment("logo.png", mail.tiny_png(), "image/png", "logo")],
        )
        _add(
            ctx,
            corpus,
            m,
            "html-mail/status-table",
            note=f"HTML claim status to {c.cid}, own claim; organisation's mailto links, titles and alt text",
        )
    notices = [
        (
            "Storm season: is your home ready?",
            "Clean gutters, trim branches and secure outdoor furniture. "
            "If a storm damages your home, call us on " + org.CLAIMS_PHONE + " any time.",
        ),
        (
            "We have updated our Product Disclosure Statement",
            "From 1 April 2025 our Home PDS changes. The "
            f"changes are explained at {org.WEB}/pds. You do not need to do anything.",
        ),
        (
            "Scam warning",
            "We will never ask for your password by email. If in doubt, call us on "
            f"{org.SALES_PHONE} or forward the message to {org.PRIVACY}.",
        ),
    ]
    for i in range(ctx.n(3)):
        c = pop.pick(1)[0]
        subj, text = notices[i % 3]
        m = Mail(
            (org.SHORT, org.NOREPLY),
            [("", c.emails[0])],
            subj,
            ctx.when(),
            text=f"Dear customer,\n\n{text}\n\n{org.footer_line()}",
            mailer="Blackwattle Notify",
        )
        _add(ctx, corpus, m, "everyday/notice-no-details", note="general notice that discloses nothing")
    for _ in range(ctx.n(5)):
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        s = ctx.staff()
        body = r.choice(
            [
                [
                    f"I have received the invoice for claim {claim} and approved payment of $2,340.00.",
                    f"You'll see the deposit from {org.SHORT} within 3 business days.",
                ],
                [
                    f"Please pay the excess of $750.00 for claim {claim} using BPAY biller code 88412 and your claim "
                    "number as the reference, or call us to pay by card.",
                    f"Our ABN is {org.ABN} if you need it.",
                ],
                [
                    f"Thanks for your payment of $89.17 by card ending {r.randint(1000, 9999)}. Receipt number "
                    f"R{r.randint(100000, 999999)}."
                ],
                [
                    "A hire car has been booked with Coastline Car Rentals from Thursday for up to 14 days.",
                    "Pick-up details will follow by SMS from the rental company.",
                ],
            ]
        )
        m = Mail(
            (s.name, s.email),
            [(c.full, c.emails[0])],
            f"Claim {claim}",
            ctx.when(),
            text=content.email_body(ctx, f"Hi {c.first},", body, s),
        )
        _add(ctx, corpus, m, "everyday/claim-email", note=f"claim email to {c.cid} about {c.cid}'s own claim")
    for i in range(ctx.n(8)):  # letters from the pre-send folder
        c = pop.pick(1)[0]
        content.ensure_claim(ctx, c)
        maker = [content.claim_decision, content.final_response, content.claim_ack, content.renewal][i % 4]
        lt = maker(ctx, content.to_block(c, r), fmt.dear(c), c)
        ext, blob = letter_bytes(FORMATS[(i * 3) % len(FORMATS)], lt, r.getrandbits(32))
        corpus.add(ext, blob, "everyday/letter", note=f"{maker.__name__} letter to {c.cid} about {c.cid}")
    for i in range(ctx.n(3)):  # the organisation's own details everywhere
        c = pop.pick(1)[0]
        s = org.STAFF[(i + 2) % len(org.STAFF)]
        o = org.OMBUDSMAN
        text = (
            f"Dear {c.first},\n\nYou asked how to make a complaint. You can:\n- call our Customer Resolution team "
            f"on {org.RESOLUTION_PHONE}\n- email {org.RESOLUTIONS}\n- write to {org.POSTAL}, {org.POSTAL_LOCALITY}"
            f"\n\nIf you are not satisfied with our response, contact the {o.firm} on {o.phone}, at "
            f"{o.street}, {o.locality}, or info@{o.domain}.\n\nOur privacy officer can be reached at "
            f"{org.PRIVACY} or {org.FAX} (fax). {org.NAME} ABN {org.ABN} {org.AFSL}.\n\n"
            f"Kind regards,\n\n{org.signature(s)}"
        )
        m = Mail(
            (s.name, s.email),
            [(c.full, c.emails[0])],
            "How to make a complaint",
            ctx.when(),
            text=text,
            cc=[("Customer Resolution", org.RESOLUTIONS)],
        )
        _add(
            ctx,
            corpus,
            m,
            "everyday/organisation-details",
            note="complaint information: only the organisation's and the ombudsman's own contact details",
        )
    _slips_and_leaflets(ctx, corpus)
    _print_files(ctx, corpus)


def _slips_and_leaflets(ctx: Ctx, corpus: Corpus) -> None:
    """Letters with a tear-off payment slip repeating the addressee's details, and leaflets with no addressee."""
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        lt = content.claim_decision(ctx, content.to_block(c, r), fmt.dear(c), c)
        lt.body[1] = f"Your excess of $750.00 is payable before we settle claim {claim}. Please use the slip below."
        lt.table = None  # the settlement table would show another excess
        lt.extra_pages = [
            [
                "Payment slip - please detach and return with your payment",
                f"Customer: {fmt.formal(c)}",
                f"Address: {fmt.inline_address(c.address)}",
                f"Customer number: {c.ref('customer')}",
                f"Claim: {claim}",
                f"BPAY Biller code 88412  Ref {c.ref('customer')[2:]}",
                "Amount due: $750.00",
            ]
        ]
        ext, blob = letter_bytes([("pdf", "window"), ("docx", "table"), ("rtf", "left")][i % 3], lt, r.getrandbits(32))
        corpus.add(
            ext,
            blob,
            "everyday/payment-slip",
            note=f"excess letter to {c.cid} with a tear-off slip repeating {c.cid}'s own name, address and numbers",
        )
    guides = [
        (
            "Making a home claim: what happens next",
            [
                "1. Make your home safe and stop further damage if you can.",
                "2. Lodge your claim online or call " + org.CLAIMS_PHONE + ".",
                "3. An assessor may visit. Keep damaged items and take photographs.",
                "4. We will tell you our decision within 10 business days of receiving everything we need.",
            ],
        ),
        (
            "Direct debit request",
            [
                "Account name: ____________________   BSB: ___-___   Account: ____________",
                "Policy number: ________________   Signature: ______________   Date: __/__/____",
                "Return to " + org.POSTAL + ", " + org.POSTAL_LOCALITY + ".",
            ],
        ),
    ]
    for i, (title, lines) in enumerate(guides):
        lt = Letter(
            [], "", [], heading=title, dear=None, body=lines, sign=[org.NAME, f"{org.STREET}, {org.LOCALITY}", org.WEB]
        )
        ext, blob = letter_bytes([("pdf", "plain"), ("docx", "stacked")][i % 2], lt, r.getrandbits(32))
        corpus.add(
            ext, blob, "everyday/no-address-block", note="leaflet or blank form with no addressee and no client data"
        )


def _print_files(ctx: Ctx, corpus: Corpus) -> None:
    """Several letters in one print PDF, one verdict each."""
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):
        people = pop.pick(4)
        layout = ["window", "topleft", "columns", "right", "window"][i % 5]
        lts = [content.renewal(ctx, content.to_block(c, r), fmt.dear(c), c) for c in people]
        seed = r.getrandbits(32)
        corpus.add(
            "pdf",
            pdfs.render(lts, layout, seed=seed),
            "mail-merge/print-file",
            letters=[letter_verdict("allow")] * 4,
            note=f"print file of four renewals ({', '.join(c.cid for c in people)}), each to its own client",
        )
        if i < ctx.n(2):
            stranger = next(x for x in pop.pick(3) if all(not pop.related(x, p) for p in people))
            bad = content.renewal(ctx, lts[2].to_lines, lts[2].dear, people[2])
            bad.details = [
                (k, stranger.ref(content.policy_kind(stranger)) if k == "Policy number" else v) for k, v in bad.details
            ]
            good = content.renewal(ctx, lts[2].to_lines, lts[2].dear, people[2])
            ids = []
            for third, is_bad in ((bad, True), (good, False)):
                letters = [lts[0], lts[1], third, lts[3]]
                verdicts = [letter_verdict("allow")] * 4
                if is_bad:
                    verdicts[2] = letter_verdict("block", MISMATCH)
                ids.append(
                    corpus.add(
                        "pdf",
                        pdfs.render(letters, layout, seed=seed),
                        "mail-merge/print-file",
                        letters=verdicts,
                        note=(
                            f"print file: letter 3 to {people[2].cid} carries the policy number of {stranger.cid}"
                            if is_bad
                            else f"print file of four renewals, each to its own client ({people[2].cid} third)"
                        ),
                    )
                )
            corpus.pair(ids[0], ids[1])
