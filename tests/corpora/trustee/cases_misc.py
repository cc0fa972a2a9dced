"""Attachments, threads and HTML mail carrying another client's affairs; bulk client lists; unmerged fields;
unreadable parts; merged print files given to `dlp scan`. Each incident with its twin."""

# Lambdas here build the bad and the good text of one pair inside one loop turn, and are called there.
# ruff: noqa: E731, B023

from __future__ import annotations

from tests.corpora.trustee import content, render, world
from tests.corpora.trustee.cases_mis import MIS, MIXED, emailed, plain
from tests.corpora.trustee.kit import (
    Corpus,
    block,
    dob_text,
    fmt_ref,
    mail,
    money,
    pick,
    render_letter,
    render_report,
    who,
)
from tests.corpora.trustee.registry import Client


def file_note(cx: Corpus, c: Client) -> tuple[str, list]:
    name, _, _ = cx.officer("Guardianship")
    return (
        f"File note - {c.title} {c.given} {c.family} ({fmt_ref(c.refs[0], True)})",
        [
            f"Date: {cx.long_date()}   Officer: {name}",
            f"Date of birth: {dob_text(c.dob, 1)}",
            f"Address: {c.addr.line}",
            "Visited the client with the support coordinator. Client reports she is eating well and wants to keep "
            "attending the day program twice a week. Agreed to review the budget for outings.",
            content.Table(
                ["Action", "Who", "When"],
                [["Review outings budget", "FM team", "2 weeks"], ["Call GP about medication", name, "this week"]],
            ),
        ],
    )


def mime_parts(cx: Corpus) -> None:
    for i in range(cx.k(2)):
        cx.next_day()
        a, b = pick(cx, emailed(cx), 2)
        name, addr, _ = cx.officer("Financial Management")
        txt = f"Dear {a.given},\n\nYour statement for the quarter is attached.\n\nRegards\n{name}\n"
        att = lambda c: [(f"Statement_{a.ref('CM')}.pdf", render_letter("pdf", content.fm_statement(cx, c, style=i)))]  # noqa: E731
        cx.pair(
            "mime-parts",
            "attachment-pdf",
            "eml",
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Your statement", text=txt, attachments=att(b)),
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Your statement", text=txt, attachments=att(a)),
            MIS,
            f"email to {a.cid} attaches the statement of {b.cid}",
            f"email to {a.cid} attaches {a.cid}'s own",
        )
    formats = [("docx", "Decision"), ("rtf", "File note"), ("txt", "Notes")]
    coord = [c for c in cx.reg.clients if world.COORDINATOR.email in c.authorised and c.has("PG")]
    others = [c for c in cx.reg.guardianship if world.COORDINATOR.email not in c.authorised]
    for i, (fmt, what) in enumerate(formats[: cx.k(3)]):
        cx.next_day()
        a, b = coord[i % len(coord)], others[i % len(others)]
        name, addr, _ = cx.officer("Guardianship")

        def doc(c: Client) -> bytes:
            if fmt == "docx":
                return render_letter("docx", content.guardianship_decision(cx, c, style=i))
            return render_report(fmt, *file_note(cx, c))

        txt = (
            f"Hi Bridgeway team,\n\nAttached is the {what.lower()} for {a.title} {a.given} {a.family} for your "
            f"records.\n\nKind regards\n{name}\nPublic Guardian\n"
        )
        cx.pair(
            "mime-parts",
            f"attachment-{fmt}",
            "eml",
            mail(
                cx,
                frm=who(name, addr),
                to=[world.COORDINATOR.email],
                subject=what,
                text=txt,
                attachments=[(f"{what}.{fmt}", doc(b))],
            ),
            mail(
                cx,
                frm=who(name, addr),
                to=[world.COORDINATOR.email],
                subject=what,
                text=txt,
                attachments=[(f"{what}.{fmt}", doc(a))],
            ),
            MIS,
            f"coordinator authorised for {a.cid} sent the {fmt.upper()} of {b.cid}",
            f"coordinator sent the {fmt.upper()} of {a.cid}, whose row authorises it",
        )
    est = cx.reg.estates[10]
    a, b = est.beneficiaries[0], est.beneficiaries[1]
    cx.next_day()
    name, addr, _ = cx.officer("Deceased Estates")
    fwd = lambda c: mail(
        cx,
        frm=who(c.name, c.emails[0]),
        to=[addr],
        subject="My bank details",  # noqa: E731
        text=f"Hi,\n\nMy account for the distribution is BSB 012-{cx.rng.randint(100, 999)} "
        f"account {cx.rng.randint(100000000, 999999999)}, {c.name}. My address is "
        f"{c.addr.line}, phone {(c.phones or ['not given'])[0]}.\n\n{c.given}\n",
    )
    txt = f"Dear {a.given},\n\nPlease confirm the details in the attached message are correct.\n\n{name}\n"
    cx.pair(
        "mime-parts",
        "forwarded-message",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[a.emails[0]],
            subject="FW: My bank details",
            text=txt,
            attachments=[("My bank details.eml", fwd(b))],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[a.emails[0]],
            subject="FW: My bank details",
            text=txt,
            attachments=[("My bank details.eml", fwd(a))],
        ),
        MIS,
        f"co-beneficiary {b.cid}'s own message (bank, address, phone) forwarded to {a.cid}",
        f"{a.cid}'s own message forwarded back to {a.cid}",
    )
    cx.next_day()
    a, b = pick(cx, emailed(cx), 2)
    name, addr, _ = cx.officer("Financial Management")
    pdf = render_letter("pdf", content.fm_statement(cx, a, style=4))
    txt = f"Dear {a.given},\n\nYour annual statement is attached.\n\n{name}\n"
    cx.pair(
        "mime-parts",
        "file-name",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[a.emails[0]],
            subject="Annual statement",
            text=txt,
            attachments=[(f"{b.ref('CM')} {b.family} {b.given} annual statement.pdf", pdf)],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[a.emails[0]],
            subject="Annual statement",
            text=txt,
            attachments=[(f"{a.ref('CM')} {a.family} {a.given} annual statement.pdf", pdf)],
        ),
        MIS,
        f"right statement, but the file name carries {b.cid}'s reference and full name",
        f"file name carries {a.cid}'s own reference and name",
    )
    # legitimate: NCAT hearing invitations, orders forwarded to the client's solicitor
    for i, c in enumerate(pick(cx, [c for c in plain(cx) if c.emails], cx.k(3))):
        cx.next_day()
        name, addr, _ = cx.officer("Financial Management")
        inv = render.ics(
            f"review-{c.cid}@{world.DOMAIN}",
            "NCAT review hearing - financial management order",
            f"2025{(i % 9) + 3:02d}1{i}T100000",
            f"2025{(i % 9) + 3:02d}1{i}T110000",
            "NCAT, Level 10, John Maddison Tower, 86 Goulburn Street, Sydney NSW 2000",
            f"Review of the financial management order for {c.title} {c.given} {c.family} "
            f"({fmt_ref(c.ref('CM'), True)}). You may attend by phone.",
            addr,
            [c.emails[0], addr],
        )
        cx.add(
            "mime-parts",
            "hearing-invitation",
            "eml",
            mail(
                cx,
                frm=who(name, addr),
                to=[c.emails[0]],
                subject="NCAT review hearing",
                text=f"Dear {c.given},\n\nThe Tribunal has listed your review hearing. An invitation is "
                f"attached.\n\n{name}\n",
                attachments=[("hearing.ics", inv)],
            ),
            note=f"{c.cid}'s own hearing invitation, the Tribunal's address as location",
        )


def threads(cx: Corpus) -> None:
    est = cx.reg.estates[12]
    a, b = est.beneficiaries[0], est.beneficiaries[1]
    cx.next_day()
    name, addr, _ = cx.officer("Deceased Estates")
    earlier = lambda c: (
        f"Hi,\n\nMy account for the estate is BSB 062-{cx.rng.randint(100, 999)} account "  # noqa: E731
        f"{cx.rng.randint(10000000, 99999999)}. Please post anything to {c.addr.line}.\n\n{c.given}"
    )
    txt = (
        lambda c: (
            f"Dear {a.given},\n\nThanks, we have recorded these details.\n\n{name}\nDeceased Estates"  # noqa: E731
            + render.gmail_quote(who(c.name, c.emails[0]), f"Tue, {cx.sent(4)[5:]}", earlier(c))
        )
    )
    cx.pair(
        "threads",
        "gmail-quoted",
        "eml",
        mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Re: estate bank details", text=txt(b)),
        mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Re: estate bank details", text=txt(a)),
        MIS,
        f"reply to {a.cid} quotes co-beneficiary {b.cid}'s message with bank account and address",
        f"reply to {a.cid} quotes {a.cid}'s own message",
    )
    fac = world.FACILITIES[0]
    res = cx.reg.residents(fac)
    other = cx.reg.residents(world.FACILITIES[1])
    if res and other:
        a, b = res[0], other[0]
        cx.next_day()
        name, addr, _ = cx.officer("Financial Management")
        q = lambda c: render.outlook_quote(  # noqa: E731
            name,
            cx.sent(5),
            "Finance",
            f"Fees - {c.family}",
            f"Fees for {c.title} {c.given} {c.family} ({fmt_ref(c.ref('CM'), True)}), Room {c.room}, are paid to "
            f"{cx.long_date()}. Born {dob_text(c.dob, 1)}.",
        )
        txt = lambda c: (
            f"Hi,\n\nFollowing up on the below - can you confirm the refundable deposit balance?\n\n{name}" + q(c)
        )  # noqa: E731
        cx.pair(
            "threads",
            "outlook-quoted",
            "eml",
            mail(cx, frm=who(name, addr), to=[fac.email], subject=f"RE: Fees - {a.family}", text=txt(b)),
            mail(cx, frm=who(name, addr), to=[fac.email], subject=f"RE: Fees - {a.family}", text=txt(a)),
            MIS,
            f"facility authorised for {a.cid} gets a thread about {b.cid} (another facility's resident)",
            f"facility gets the thread about its own resident {a.cid}",
        )
    bank = world.BANKS[0]
    banked = [c for c in plain(cx) if bank.email in c.authorised]
    not_b = [c for c in plain(cx) if bank.email not in c.authorised]
    if banked:
        a, b = banked[0], not_b[3]
        cx.next_day()
        name, addr, _ = cx.officer("Financial Management")
        chain = lambda c: render.outlook_quote(  # noqa: E731
            "Hamish Darcy",
            cx.sent(6),
            name,
            "FM order - new client",
            f"New order received for {c.title} {c.given} {c.family}, DOB {dob_text(c.dob, 1)}, our ref "
            f"{fmt_ref(c.ref('CM'), False)}. Please notify the banks.",
        )
        txt = lambda c: (
            f"Dear Deceased Estates Team,\n\nPlease see below and note our authority for "  # noqa: E731
            f"{a.title} {a.family}. The order is attached.\n\n{name}" + chain(c)
        )
        cx.pair(
            "threads",
            "forwarded-chain",
            "eml",
            mail(cx, frm=who(name, addr), to=[bank.email], subject="FW: FM order - new client", text=txt(b)),
            mail(cx, frm=who(name, addr), to=[bank.email], subject="FW: FM order - new client", text=txt(a)),
            MIXED,
            f"forward to the bank authorised for {a.cid} carries {b.cid}'s DOB and reference in the chain",
            f"forward carries {a.cid}'s own details only",
        )
    for i, c in enumerate(pick(cx, emailed(cx), cx.k(3))):
        cx.next_day()
        name, addr, _ = cx.officer("Client Services")
        mine = f"Hi,\n\nCan you tell me when my allowance goes in? My reference is {c.ref('CM')}.\n\n{c.given}"
        body = f"Dear {c.given},\n\nYour allowance is paid every second Thursday.\n\n{name}"
        text = body + (
            render.gmail_quote(who(c.name, c.emails[0]), cx.sent(1), mine)
            if i % 2
            else render.outlook_quote(who(c.name, c.emails[0]), cx.sent(1), addr, "allowance", mine)
        )
        cx.add(
            "threads",
            "own-thread",
            "eml",
            mail(cx, frm=who(name, addr), to=[c.emails[0]], subject="RE: allowance", text=text),
            note=f"reply to {c.cid} quoting {c.cid}'s own message",
        )


def html_mail(cx: Corpus) -> None:
    name, addr, _ = cx.officer("Client Services")
    sig = render.signature(name, "Client Services Officer", world.OFFICES[1], html=True)
    variants = [
        (
            "hidden-div",
            lambda c: (
                f"<div style='display:none'>Internal: see also {c.title} {c.given} {c.family} "
                f"{fmt_ref(c.ref('CM'), True)}</div>"
            ),
        ),
        ("html-comment", lambda c: f"<!-- copied from the letter for {c.name}, {c.addr.line} -->"),
        ("image-alt", lambda c: f"<img src='cid:chart' alt='Balance chart for {c.name}, born {dob_text(c.dob, 0)}'>"),
    ]
    for var, hidden in variants[: cx.k(3)]:
        cx.next_day()
        a, b = pick(cx, emailed(cx), 2)
        html = lambda extra: (  # noqa: E731
            f"<html><body><p>Dear {a.given},</p><p>Your budget review is booked for {cx.long_date()}. Our ref "
            f"{fmt_ref(a.ref('CM'), True)}.</p>{extra}{sig}</body></html>"
        )
        cx.pair(
            "html-mail",
            var,
            "eml",
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Budget review", html=html(hidden(b))),
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Budget review", html=html(hidden(a))),
            MIS,
            f"HTML to {a.cid} hides {b.cid}'s details ({var})",
            f"HTML to {a.cid}, the hidden part its own",
        )
    let = [c for c in plain(cx) if world.AGENT.email in c.authorised]
    if len(let) >= 2:
        cx.next_day()
        b = pick(cx, [c for c in plain(cx) if world.AGENT.email not in c.authorised], 1)[0]
        pname, paddr, _ = cx.officer("Property Services")
        rows = (
            lambda extra: [
                [
                    f"{c.title} {c.family}",
                    f"{c.addr.street_line()}, {c.addr.suburb}",  # noqa: E731
                    money(cx.rng, 1800, 2600),
                ]
                for c in let[:2] + extra
            ]
        )
        html = lambda extra: (
            f"<p>Hi team,</p><p>Rent received this month:</p>"  # noqa: E731
            f"{render.html_table(content.Table(['Owner', 'Property', 'Rent'], rows(extra)))}"
            f"{render.signature(pname, 'Property Officer', world.OFFICES[0], html=True)}"
        )
        cx.pair(
            "html-mail",
            "table",
            "eml",
            mail(cx, frm=who(pname, paddr), to=[world.AGENT.email], subject="Rent received", html=html([b])),
            mail(cx, frm=who(pname, paddr), to=[world.AGENT.email], subject="Rent received", html=html([])),
            MIS,
            f"rent table to the agent adds {b.cid}, who does not let through this agent",
            "rent table lists only owners whose rows authorise the agent",
        )
    for i, c in enumerate(pick(cx, emailed(cx), cx.k(3))):
        cx.next_day()
        mine = f"Hello, I've moved my GP to {world.DOCTORS[i % 4][1]}. Can you pay the gap fee? {c.given}"
        html = (
            f"<html><body><p>Dear {c.given},</p><p>Yes - we will pay {world.DOCTORS[i % 4][0]}'s gap fee from "
            f"your account.</p>{sig}<br>"
            + (
                render.outlook_quote_html(who(c.name, c.emails[0]), cx.sent(1), addr, "GP", mine)
                if i % 2
                else render.gmail_quote_html(who(c.name, c.emails[0]), cx.sent(1), mine)
            )
            + "</body></html>"
        )
        cx.add(
            "html-mail",
            "own-thread",
            "eml",
            mail(
                cx,
                frm=who(name, addr),
                to=[c.emails[0]],
                subject="RE: GP",
                html=html,
                text=f"Dear {c.given},\n\nYes - we will pay the gap fee from your account.\n\n{name}",
            ),
            note=f"HTML reply to {c.cid} with signature, quoting {c.cid}; the GP and practice named",
        )


def bulk(cx: Corpus) -> None:
    let = [c for c in cx.reg.clients if world.AGENT.email in c.authorised and not c.suppressed]
    others = [c for c in plain(cx) if world.AGENT.email not in c.authorised]
    csv_rows = lambda cs: (
        "Owner,Client ref,Property,Weekly rent\n"
        + "".join(  # noqa: E731
            f'{c.name},{c.ref("CM")},"{c.addr.line}",{cx.rng.randint(380, 720)}\n' for c in cs
        )
    )
    name, addr, _ = cx.officer("Property Services")
    txt = "Hi,\n\nAttached is the rent roll for the properties you manage for us.\n\nRegards\n" + name
    cx.next_day()
    cx.pair(
        "bulk",
        "rent-roll",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[world.AGENT.email],
            subject="Rent roll",
            text=txt,
            attachments=[("rent_roll.csv", csv_rows(let + others[:16]).encode())],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[world.AGENT.email],
            subject="Rent roll",
            text=txt,
            attachments=[("rent_roll.csv", csv_rows(let).encode())],
        ),
        ["bulk_client_data", "mismatched_recipient"],
        f"rent roll of {len(let) + 16} clients, 16 of whom do not use this agent",
        f"rent roll of the {len(let)} clients whose rows authorise the agent",
    )
    hearing = pick(cx, plain(cx), 15)
    table = content.Table(
        ["Client", "Ref", "Born", "Hearing"],
        [[c.name, c.ref("CM"), dob_text(c.dob, 1), f"{(i % 20) + 1}/05/2025"] for i, c in enumerate(hearing)],
    )
    pdf = render.report_pdf("Review hearings - May 2025", [table])
    cx.next_day()
    fm = world.TEAM_BOXES["Financial Management"]
    cx.pair(
        "bulk",
        "hearing-list",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=["intake@seniorsrights.example"],
            subject="May review list",
            text="Hi, list attached.",
            attachments=[("May reviews.pdf", pdf)],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[fm],
            subject="May review list",
            text="Hi, list attached.",
            attachments=[("May reviews.pdf", pdf)],
        ),
        ["bulk_client_data", "mismatched_recipient"],
        "15 clients' names, references and dates of birth sent to an advocacy service that asked for numbers only",
        "the same list to the internal Financial Management team",
    )
    cx.next_day()
    mailout = pick(cx, plain(cx), 20)
    body = "Name,Address1,Suburb,Postcode\n" + "".join(
        f"{c.name},{c.addr.street_line()},{c.addr.suburb},{c.addr.postcode}\n" for c in mailout
    )
    txt = "Sending this home so I can finish the Christmas card labels tonight."
    cx.pair(
        "bulk",
        "home-email",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[f"{addr.split('@')[0]}.home@mailbox.example"],
            subject="labels",
            text=txt,
            attachments=[("labels.csv", body.encode())],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[world.TEAM_BOXES["Client Services"]],
            subject="labels",
            text=txt,
            attachments=[("labels.csv", body.encode())],
        ),
        ["bulk_client_data", "mismatched_recipient"],
        "20 clients' names and addresses sent to a private mailbox",
        "the same list to the office's own mailbox",
    )


def unmerged(cx: Corpus) -> None:
    people = pick(cx, [c for c in plain(cx) if c.emails], 4)
    for i, c in enumerate(people[: cx.k(4)]):
        cx.next_day()
        fmt = ["docx", "eml", "txt", "rtf"][i]
        bad_name = ["«FirstName» «Surname»", "{{beneficiary_name}}", "<<Title>> <<Surname>>", ""][i]
        if fmt == "eml":
            name, addr, _ = cx.officer("Client Services")
            txt = lambda n: f"Dear {n},\n\nOur offices close on 24 December and reopen on 2 January.\n\n{name}"  # noqa: E731
            bad = mail(cx, frm=who(name, addr), to=[c.emails[0]], subject="Christmas closure", text=txt(bad_name))
            good = mail(cx, frm=who(name, addr), to=[c.emails[0]], subject="Christmas closure", text=txt(c.given))
        else:
            letter = content.fm_statement(cx, c, style=i)
            if fmt == "rtf":
                field = "{\\field{\\*\\fldinst { MERGEFIELD FirstName }}{\\fldrslt {}}}"
                bad_letter = content.fm_statement(cx, c, style=i)
                bad_letter.salutation = "Dear "
                bad = render.letter_rtf(bad_letter, extra=field + "\\par\n")
                good = render.letter_rtf(letter)
            else:
                bad_letter = content.fm_statement(cx, c, style=i, salutation=f"Dear {bad_name}")
                bad = render_letter(fmt, bad_letter)
                good = render_letter(fmt, letter)
        cx.pair(
            "unmerged",
            f"placeholder-{fmt}",
            fmt,
            bad,
            good,
            ["unmerged_field"],
            f"merge field left in the letter to {c.cid}",
            f"merged letter to {c.cid}",
        )


def unscannable(cx: Corpus) -> None:
    c = pick(cx, emailed(cx), 1)[0]
    name, addr, _ = cx.officer("Financial Management")
    title, paras = "Annual account", ["Opening balance " + money(cx.rng, 1000, 9000), f"Client {c.name}"]
    cx.next_day()
    txt = f"Dear {c.given},\n\nYour annual account is attached. The password is your date of birth.\n\n{name}"
    cx.pair(
        "unscannable",
        "encrypted-pdf",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[c.emails[0]],
            subject="Annual account",
            text=txt,
            attachments=[("annual.pdf", render.report_pdf(title, paras, encrypt=c.dob.strftime("%d%m%Y")))],
        ),
        mail(
            cx,
            frm=who(name, addr),
            to=[c.emails[0]],
            subject="Annual account",
            text=txt.split(" The pass")[0],
            attachments=[("annual.pdf", render.report_pdf(title, paras))],
        ),
        ["unscannable_content"],
        f"password-protected PDF to {c.cid}: cannot be read",
        f"the same PDF to {c.cid} unprotected",
    )
    cx.next_day()
    pdf = render.report_pdf(title, paras)
    txt = f"Dear {c.given},\n\nPlease find the document attached.\n\n{name}"
    cx.pair(
        "unscannable",
        "corrupt-pdf",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[c.emails[0]],
            subject="Document",
            text=txt,
            attachments=[("document.pdf", pdf[:400] + b"\x00" * 64)],
        ),
        mail(
            cx, frm=who(name, addr), to=[c.emails[0]], subject="Document", text=txt, attachments=[("document.pdf", pdf)]
        ),
        ["unscannable_content"],
        f"truncated PDF attachment to {c.cid}",
        f"the whole PDF to {c.cid}",
    )
    cx.next_day()
    pgp = (
        "-----BEGIN PGP MESSAGE-----\n\nhQEMA3k8Wq0b7n1TAQf/Xq3zT0k9v1pB2r5Lm8a0c1d2e3f4g5h6i7j8k9l0m1n2o3p4\n"
        "q5r6s7t8u9v0w1x2y3z4A5B6C7D8E9F0G1H2I3J4K5L6M7N8O9P0Q1R2S3T4U5V6W7\n=Xy9Z\n-----END PGP MESSAGE-----\n"
    )
    plain_txt = f"Dear {c.given},\n\nYour statement balance is {money(cx.rng, 1000, 9000)}.\n\n{name}\n"
    cx.pair(
        "unscannable",
        "pgp-body",
        "eml",
        mail(cx, frm=who(name, addr), to=[c.emails[0]], subject="Secure message", text=pgp),
        mail(cx, frm=who(name, addr), to=[c.emails[0]], subject="Secure message", text=plain_txt),
        ["unscannable_content"],
        f"PGP-encrypted body to {c.cid}",
        f"plain body to {c.cid}",
    )
    cx.next_day()
    d = pick(cx, plain(cx), 1)[0]
    good = render_letter("docx", content.fm_statement(cx, d, style=1))
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 24 + b"EncryptedPackage" + bytes(range(256)) * 8
    cx.pair(
        "unscannable",
        "encrypted-docx",
        "docx",
        ole,
        good,
        ["unscannable_content"],
        f"letter to {d.cid} saved with a password (an encrypted Office container named .docx)",
        f"the letter to {d.cid} as a plain DOCX",
    )


def merged_files(cx: Corpus) -> None:
    for i in range(cx.k(2)):
        cx.next_day()
        people = pick(cx, plain(cx), 5)
        good = [content.fm_statement(cx, c, style=i) for c in people[:4]]
        bad = list(good)
        bad[2] = content.fm_statement(
            cx,
            people[3 if i == 0 else 4],
            to=block(people[2], i),
            salutation=f"Dear {people[2].title} {people[2].family}",
            style=i,
        )
        ok = {"expect": "allow"}
        b = cx.add(
            "mail-merge",
            "merged-print-file",
            "pdf",
            render.merged_pdf(bad),
            letters=[ok, ok, {"expect": "block", "rules": MIS}, ok],
            note=f"letter 3 is addressed to {people[2].cid} but carries another client's statement",
        )
        g = cx.add(
            "mail-merge",
            "merged-print-file",
            "pdf",
            render.merged_pdf(good),
            letters=[ok] * 4,
            note="four statements, each to its own client",
        )
        b["twin"], g["twin"] = g["id"], b["id"]
