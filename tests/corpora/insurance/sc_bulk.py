"""Name twins' dates of birth, government identifiers and card numbers, claim extracts, unmerged fields and
attachments that cannot be read."""

from __future__ import annotations

import dataclasses

from . import content, fmt, ids, mail, office, org, pdfs
from .content import Ctx
from .corpus import Corpus
from .letters import Letter, sign_for
from .mail import Attachment, Mail
from .people import Client
from .render import MIME, letter_bytes
from .sc_letters import MISMATCH

SENSITIVE = ["sensitive_identifier"]
BULK = ["bulk_client_data", "mismatched_recipient"]
UNMERGED = ["unmerged_field"]
UNSCANNABLE = ["unscannable_content"]
DOB_STYLES = ["long", "ordinal", "dmy-mon", "slash", "slash2", "dots"]


def _eml(ctx: Ctx, m: Mail) -> bytes:
    return mail.build(m, ctx.msgid(), ctx.rng.getrandbits(16))


def _pair_items(
    corpus: Corpus, cat: str, ext: str, bad: bytes, good: bytes, rules: list[str], note_bad: str, note_good: str
) -> None:
    inc = corpus.add(ext, bad, cat, "block", rules, note=note_bad)
    tw = corpus.add(ext, good, cat, note=note_good)
    corpus.pair(inc, tw)


def identifiers_bulk(ctx: Ctx, corpus: Corpus) -> None:
    _twins(ctx, corpus)
    _government(ctx, corpus)
    _extracts(ctx, corpus)
    _written_differently(ctx, corpus)


def _written_differently(ctx: Ctx, corpus: Corpus) -> None:
    """Another client's policy number or mobile typed into an email, written the way staff type them."""
    pop = ctx.pop
    for i in range(ctx.n(4)):
        a, b = pop.pick(2, need="home")
        style = ["bare", "spaced", "lower", "bare"][i % 4]
        s = ctx.staff()
        out = []
        for who in (b, a):
            m = Mail(
                (s.name, s.email),
                [(a.full, a.emails[0])],
                "Your change of cover",
                ctx.when(),
                text=content.email_body(
                    ctx,
                    f"Hi {a.first},",
                    [
                        f"As requested on the phone, I have updated policy {fmt.ref_as(who.ref('home'), style)} "
                        "to add accidental damage cover from today.",
                        "The extra premium will be included in your next instalment.",
                    ],
                    s,
                ),
            )
            out.append(_eml(ctx, m))
        _pair_items(
            corpus,
            "identifiers-dates/reference-written-differently",
            "eml",
            out[0],
            out[1],
            MISMATCH,
            f"email to {a.cid} quotes the home policy number of {b.cid}, written {style}",
            f"email to {a.cid} quotes {a.cid}'s own home policy number, written {style}",
        )
    for i in range(ctx.n(3)):
        a, b = pop.pick(2)
        style = ["intl", "dashes", "plain"][i % 3]
        s = org.STAFF[1]
        out = []
        for who in (b, a):
            m = Mail(
                (s.name, s.email),
                [(a.full, a.emails[0])],
                "We tried to call you",
                ctx.when(),
                text=content.email_body(
                    ctx,
                    fmt.dear(a) + ",",
                    [
                        f"We tried to call you on {fmt.phone_as(who.mobile, style)} this morning about your "
                        "motor claim but could not get through.",
                        f"Please call us back on {s.direct} at a time that suits you.",
                    ],
                    s,
                ),
            )
            out.append(_eml(ctx, m))
        _pair_items(
            corpus,
            "identifiers-dates/phone-of-another-client",
            "eml",
            out[0],
            out[1],
            MISMATCH,
            f"email to {a.cid} gives the mobile of {b.cid} ({style}) as the number we called",
            f"email to {a.cid} gives {a.cid}'s own mobile ({style})",
        )


def _check_letter(ctx: Ctx, to: Client, name_line: str, dob: str, pol_owner: Client) -> Letter:
    k = content.policy_kind(pol_owner)
    return Letter(
        content.to_block(to, ctx.rng),
        ctx.day(),
        [("Policy number", pol_owner.ref(k))],
        heading="Claim form - please check your details",
        dear=fmt.dear(to),
        body=[
            "Before we can pay your claim we need you to confirm the details below.",
            f"Name: {name_line}\nDate of birth: {dob}\nPolicy: {pol_owner.ref(k)}",
            "If anything is wrong please call us before signing.",
        ],
        sign=sign_for(org.STAFF[1].name, org.STAFF[1].role),
    )


def _twins(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    specs = [
        ("pdf", "window"),
        ("docx", "table"),
        ("txt", "plain"),
        ("pdf", "topleft"),
        ("rtf", "left"),
        ("html", "simple"),
    ]
    for i in range(ctx.n(5)):
        a, b = pop.twins[i % len(pop.twins)]
        style = DOB_STYLES[i % len(DOB_STYLES)]
        name = fmt.formal(a, ["plain", "initials", "title", "caps"][i % 4])
        spec = specs[i % len(specs)]
        seed = r.getrandbits(32)
        bad = _check_letter(ctx, a, name, fmt.date_as(b.dob, style), a)
        good = _check_letter(ctx, a, name, fmt.date_as(a.dob, style), a)
        if i % 3 == 2:  # emailed rather than posted
            s = org.STAFF[1]
            mails = [
                _eml(
                    ctx,
                    Mail(
                        (s.name, s.email),
                        [(a.full, a.emails[0])],
                        "Please check your details",
                        ctx.when(),
                        text=content.email_body(ctx, fmt.dear(a) + ",", lt.body, s),
                    ),
                )
                for lt in (bad, good)
            ]
            _pair_items(
                corpus,
                "identifiers-dates/name-twin-dob",
                "eml",
                mails[0],
                mails[1],
                MISMATCH,
                f"to {a.cid}: date of birth ({style}) of name twin {b.cid}",
                f"to {a.cid}: own date of birth ({style})",
            )
            continue
        ext, bb = letter_bytes(spec, bad, seed)
        _, gb = letter_bytes(spec, good, seed)
        _pair_items(
            corpus,
            "identifiers-dates/name-twin-dob",
            ext,
            bb,
            gb,
            MISMATCH,
            f"letter to {a.cid}: date of birth ({style}) of name twin {b.cid}",
            f"letter to {a.cid}: own date of birth ({style})",
        )
    for i in range(ctx.n(3)):
        c = pop.pick(1)[0]
        style = DOB_STYLES[(i + 2) % len(DOB_STYLES)]
        lt = _check_letter(ctx, c, fmt.formal(c, "middle"), fmt.date_as(c.dob, style), c)
        ext, blob = letter_bytes(specs[(i + 1) % len(specs)], lt, r.getrandbits(32))
        corpus.add(ext, blob, "identifiers-dates/own-dob", note=f"letter to {c.cid} with own date of birth ({style})")


def _government(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):  # the customer sent a TFN; the reply quotes it back
        c = pop.pick(1, need="landlord")[0] if any(x.has("landlord") for x in pop.plain) else pop.pick(1)[0]
        tfn = ids.make_tfn(r)
        sep = [" ", "-", ".", ""][i % 4]
        written = ids.spaced(tfn, (3, 3, 3), sep) if sep else tfn
        s = ctx.staff()
        out = []
        for shown in (written, f"*** *** {tfn[-3:]}"):
            theirs = (
                f"Hi, attached is my tax return for the loss of rent claim. My TFN is {shown} if you need it.\n{c.full}"
            )
            m = Mail(
                (s.name, s.email),
                [(c.full, c.emails[0])],
                "RE: Loss of rent claim",
                ctx.when(),
                text=content.email_body(ctx, f"Hi {c.first},", ["Thanks, we have what we need."], s)
                + mail.gmail_quote(f"{c.full} <{c.emails[0]}>", ctx.when(), theirs),
            )
            out.append(_eml(ctx, m))
        _pair_items(
            corpus,
            "identifiers-dates/tfn",
            "eml",
            out[0],
            out[1],
            SENSITIVE,
            f"reply to {c.cid} quotes a tax file number written with '{sep or 'no'}' separators",
            f"reply to {c.cid} with the TFN masked to its last three digits",
        )
    for i in range(ctx.n(2)):
        c = pop.pick(1, need="motor")[0]
        med = ids.make_medicare(r)
        written = [f"{med[:4]} {med[4:9]} {med[9]}", f"{med[:4]}-{med[4:9]}-{med[9]}", med][i % 3]
        blobs = []
        for shown in (written, "(not provided)"):
            lt = Letter(
                content.to_block(c, r),
                ctx.day(),
                [("Policy", c.ref("motor"))],
                heading="Injury details for your motor claim",
                dear=fmt.dear(c),
                body=[
                    "We have recorded the following for the ambulance account:",
                    f"Medicare number: {shown}\nAmbulance service: ambulance attended 14/02/2025",
                ],
                sign=sign_for(org.STAFF[1].name, org.STAFF[1].role),
            )
            blobs.append(pdfs.render([lt], "window", seed=5))
        mails = [
            _eml(
                ctx,
                Mail(
                    (org.STAFF[1].name, org.STAFF[1].email),
                    [(c.full, c.emails[0])],
                    "Injury details",
                    ctx.when(),
                    text=f"Hi {c.first}, please see attached.",
                    attachments=[Attachment("Injury_details.pdf", b, "application/pdf")],
                ),
            )
            for b in blobs
        ]
        _pair_items(
            corpus,
            "identifiers-dates/medicare",
            "eml",
            mails[0],
            mails[1],
            SENSITIVE,
            f"PDF to {c.cid} carries a Medicare number",
            f"the same PDF to {c.cid} without it",
        )
    for _ in range(ctx.n(2)):
        c = pop.pick(1)[0]
        card = ids.make_card(r)
        out = []
        for shown in (ids.spaced(card, (4, 4, 4, 4)), f"XXXX XXXX XXXX {card[-4:]}"):
            m = Mail(
                ("Blackwattle Payments", org.NOREPLY),
                [(c.full, c.emails[0])],
                "Payment received",
                ctx.when(),
                text=f"Dear {c.first},\n\nWe received $112.40 from card {shown}, expiry 08/27.\n\n{org.footer_line()}",
            )
            out.append(_eml(ctx, m))
        _pair_items(
            corpus,
            "identifiers-dates/card-number",
            "eml",
            out[0],
            out[1],
            SENSITIVE,
            f"receipt to {c.cid} with a full card number",
            f"receipt to {c.cid} with the card masked",
        )
    for i in range(ctx.n(3)):
        c = pop.pick(1)[0]
        rep = org.REPAIRERS[i % 4]
        m = Mail(
            (org.STAFF[8].name, org.STAFF[8].email),
            [(c.full, c.emails[0])],
            "Tax invoice",
            ctx.when(),
            text=f"Hi {c.first},\n\nThe repairer's tax invoice is below for your records.\n\n{rep.firm}  ABN "
            f"{ids.make_abn(r)}\nInsurer: {org.NAME} ABN {org.ABN}\nAmount: $3,402.00 inc GST",
        )
        corpus.add("eml", _eml(ctx, m), "identifiers-dates/abn", note="business ABNs of the repairer and the insurer")


def _extract_rows(ctx: Ctx, n: int) -> list[list[str]]:
    rows = [["ClaimNo", "PolicyNo", "Insured", "DOB", "Mobile", "Email", "RiskAddress", "Status", "Reserve"]]
    for c in ctx.pop.pick(n):
        claim = content.ensure_claim(ctx, c)
        rows.append(
            [
                claim,
                c.ref(content.policy_kind(c)),
                c.full,
                c.dob.isoformat(),
                c.mobile,
                c.emails[0],
                c.address.one_line(),
                ctx.rng.choice(["Open", "Assessing", "Awaiting quote"]),
                str(ctx.rng.randint(800, 60000)),
            ]
        )
    return rows


def _extracts(ctx: Ctx, corpus: Corpus) -> None:
    r = ctx.rng
    personal = [
        "hiroko.t88@gmail.example",
        "callum.brandt.home@outlook.example",
        "tobylindqvist@bigpost.example",
        "shreya.i@mailbox.example",
    ]
    for i in range(ctx.n(4)):
        s = org.STAFF[[9, 6, 3, 7][i % 4]]
        rows = _extract_rows(ctx, 40 + 20 * i)
        kind = ["xlsx", "csv", "zip", "xlsx"][i % 4]
        if kind == "xlsx":
            att = Attachment("open_claims_extract.xlsx", office.xlsx({"Open claims": rows}), MIME["xlsx"])
        elif kind == "csv":
            att = Attachment("claims_export.csv", office.csv_text(rows).encode(), "text/csv")
        else:
            att = Attachment(
                "extract.zip", office.zip_of({"claims_export.csv": office.csv_text(rows).encode()}), "application/zip"
            )
        out = []
        for to in (personal[i % 4], org.CLAIMS_QUALITY):
            m = Mail(
                (s.name, s.email),
                [("", to)],
                "extract for weekend",
                ctx.when(),
                text="Sending this so I can finish the reserve review from home.\n\n" + s.name,
                attachments=[att],
            )
            out.append(_eml(ctx, m))
        _pair_items(
            corpus,
            f"bulk/extract-{kind}",
            "eml",
            out[0],
            out[1],
            BULK,
            f"{len(rows) - 1}-row claims extract ({kind}) sent to a personal address",
            "the same extract to the internal claims quality mailbox",
        )
    for _ in range(ctx.n(2)):  # internal reviews of many policyholders
        rows = _extract_rows(ctx, 25)
        table = "\n".join(" | ".join(x[:3] + [x[7]]) for x in rows)
        s = org.STAFF[3]
        m = Mail(
            (s.name, s.email),
            [("Claims Quality", org.CLAIMS_QUALITY)],
            "Weekly file review",
            ctx.when(),
            cc=[(org.STAFF[0].name, org.STAFF[0].email)],
            text=f"Team,\n\nFiles for this week's review:\n\n{table}\n\n{s.name}",
        )
        corpus.add(
            "eml",
            _eml(ctx, m),
            "bulk/internal-review",
            note="internal review listing 25 policyholders, internal recipients only",
        )
    rep = org.REPAIRERS[0]
    for _ in range(ctx.n(1)):
        rows = _extract_rows(ctx, 45)
        out = []
        for subset in (rows, rows[:3]):
            m = Mail(
                (org.STAFF[1].name, org.STAFF[1].email),
                [(rep.contact, rep.contact_email)],
                "Open jobs",
                ctx.when(),
                text="Hi Vince, the open jobs list as requested.",
                attachments=[Attachment("open_jobs.xlsx", office.xlsx({"Jobs": subset}), MIME["xlsx"])],
            )
            out.append(_eml(ctx, m))
        _pair_items(
            corpus,
            "bulk/approved-third-party",
            "eml",
            out[0],
            out[1],
            ["bulk_client_data"],
            "all 45 open motor claims sent to one panel repairer (approved, still subject to bulk limits)",
            "the repairer's own two jobs",
        )
    del r


def unmerged_unscannable(ctx: Ctx, corpus: Corpus) -> None:
    _unmerged(ctx, corpus)
    _unscannable(ctx, corpus)


def _fill(lt: Letter, c: Client, slot: str, val: str) -> Letter:
    out = dataclasses.replace(lt, details=list(lt.details), body=list(lt.body))
    if slot == "policy":
        out.details[0] = ("Policy number", val)
    elif slot in ("premium", "renewal", "excess"):
        out.body.insert(
            1,
            {
                "premium": f"Your renewal amount is {val}.",
                "renewal": f"Renewal date: {val}",
                "excess": f"Your basic excess is {val}.",
            }[slot],
        )
    elif slot == "title":
        out.dear = f"Dear {val} {c.family}"
    elif slot == "surname":
        out.dear = f"Dear {c.title or c.first} {val}"
    else:
        out.dear = f"Hi {val},"
    return out


def _unmerged(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    # ordered so that any prefix covers every kind of placeholder
    cases = [
        ("guillemets", ("pdf", "window"), "«PolicyNumber»", "policy"),
        ("double-braces", ("html", "table"), "{{ policy.number }}", "policy"),
        ("angle-brackets", ("txt", "columns"), "<<Title>>", "title"),
        ("square-brackets", ("rtf", "right"), "[Surname]", "surname"),
        ("mergefield", ("docx", "stacked"), "⟦MERGEFIELD PolicyNumber⟧", "policy"),
        ("guillemets", ("docx", "table"), "«Premium»", "premium"),
        ("double-braces", ("eml", ""), "{{first_name}}", "first_name"),
        ("mergefield", ("txt", "plain"), "{ MERGEFIELD Excess \\* MERGEFORMAT }", "excess"),
        ("angle-brackets", ("rtf", "left"), "<<RenewalDate>>", "renewal"),
        ("square-brackets", ("pdf", "topleft"), "[PolicyNo]", "policy"),
        ("mergefield", ("docx", "table"), "⟦MERGEFIELD Premium|⟧", "premium"),
    ]
    for i in range(ctx.n(6)):
        name, spec, token, slot = cases[i % len(cases)]
        c = pop.pick(1)[0]
        seed = r.getrandbits(32)
        base = content.renewal(ctx, content.to_block(c, r), fmt.dear(c), c)
        real = {
            "policy": base.details[0][1],
            "premium": "$1,126.30",
            "renewal": "15 April 2025",
            "excess": "$750",
            "title": c.title or "Mx",
            "surname": c.family,
            "first_name": c.first,
        }[slot]
        out = [_fill(base, c, slot, token), _fill(base, c, slot, real)]
        if spec[0] == "eml":
            ext = "eml"
            blobs = [
                _eml(
                    ctx,
                    Mail(
                        ("Blackwattle Renewals", org.RENEWALS),
                        [(c.full, c.emails[0])],
                        "Your renewal",
                        ctx.when(),
                        html=f"<p>{x.dear}</p>"
                        + "".join(f"<p>{p}</p>" for p in x.body)
                        + f"<p>Policy {x.details[0][1]}</p>",
                    ),
                )
                for x in out
            ]
        else:
            ext, b0 = letter_bytes(spec, out[0], seed)
            blobs = [b0, letter_bytes(spec, out[1], seed)[1]]
        _pair_items(
            corpus,
            f"unmerged/{name}",
            ext,
            blobs[0],
            blobs[1],
            UNMERGED,
            f"{ext} letter to {c.cid} with an unmerged field ({name})",
            f"the same letter to {c.cid}, merged",
        )
    for i in range(ctx.n(2)):  # brackets that are not merge fields
        c = pop.pick(1)[0]
        content.ensure_claim(ctx, c)
        lt = content.claim_ack(ctx, content.to_block(c, r), fmt.dear(c), c)
        lt.body.append("Was anyone injured?   [ ] Yes   [ ] No      Police report lodged?   [ ] Yes   [ ] No")
        lt.body.append("« Back to your claims        Page 1 of 1")
        ext, blob = letter_bytes([("pdf", "window"), ("txt", "plain")][i % 2], lt, r.getrandbits(32))
        corpus.add(ext, blob, "unmerged/look-alike", note=f"letter to {c.cid} with tick boxes and a « link, no fields")


def _unscannable(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(8)):
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        kind = [
            "pdf-password",
            "docx-password",
            "pdf-corrupt",
            "smime-encrypted",
            "pgp-encrypted",
            "pdf-password",
            "xlsx-password",
            "letter-pdf-password",
        ][i % 8]
        lt = content.claim_ack(ctx, content.to_block(c, r), fmt.dear(c), c)
        seed = r.getrandbits(32)
        s = org.STAFF[0]
        base = dict(
            sender=(s.name, s.email),
            to=[(c.full, c.emails[0])],
            subject=f"Claim {claim} documents",
            text=content.email_body(
                ctx,
                f"Hi {c.first},",
                [
                    "Your documents are attached. The password is your date of birth (DDMMYYYY)."
                    if "password" in kind
                    else "Your documents are attached."
                ],
                s,
            ),
        )
        if kind == "letter-pdf-password":
            bad = pdfs.render([lt], "window", encrypt="user", seed=seed)
            good = pdfs.render([lt], "window", encrypt="owner", seed=seed)
            _pair_items(
                corpus,
                "unscannable/letter-encrypted",
                "pdf",
                bad,
                good,
                UNSCANNABLE,
                f"letter to {c.cid} saved with an open password",
                "the same letter with an owner password only (restricts printing, opens without a password)",
            )
            continue
        if kind.startswith("pdf"):
            good_blob = pdfs.render([lt], "window", seed=seed, encrypt="owner" if kind == "pdf-password" else None)
            bad_blob = (
                pdfs.render([lt], "window", seed=seed, encrypt="user")
                if kind == "pdf-password"
                else pdfs.corrupt(pdfs.render([lt], "window", seed=seed), r)
            )
            atts = [Attachment(f"Claim_{claim}.pdf", b, "application/pdf") for b in (bad_blob, good_blob)]
        elif kind in ("docx-password", "xlsx-password"):
            if kind == "docx-password":
                plain = office.docx_letter(lt)
                ext = "docx"
            else:
                plain = office.xlsx({"Claim": [["Claim", "Amount"], [claim, "2480.00"]]})
                ext = "xlsx"
            atts = [
                Attachment(f"Claim_{claim}.{ext}", b, MIME[ext])
                for b in (office.encrypt_ooxml(plain, "Claim2025", seed), plain)
            ]
        else:
            mode = kind.split("-")[0]
            bad_m = Mail(when=ctx.when(), encrypted=mode, **base)  # type: ignore[arg-type]
            good_m = Mail(when=ctx.when(), signed=mode, **base)  # type: ignore[arg-type]
            _pair_items(
                corpus,
                f"unscannable/{kind}",
                "eml",
                _eml(ctx, bad_m),
                _eml(ctx, good_m),
                UNSCANNABLE,
                f"{mode} encrypted mail to {c.cid}",
                f"the same mail {mode} signed only",
            )
            continue
        mails = [_eml(ctx, Mail(when=ctx.when(), attachments=[a], **base)) for a in atts]  # type: ignore[arg-type]
        _pair_items(
            corpus,
            f"unscannable/{kind}",
            "eml",
            mails[0],
            mails[1],
            UNSCANNABLE,
            f"mail to {c.cid} with an attachment that cannot be read ({kind})",
            f"the same mail to {c.cid} with a readable attachment",
        )
