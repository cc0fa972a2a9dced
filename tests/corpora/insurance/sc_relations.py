"""Who may receive what: brokers and lawyers about their own clients, representatives known by client id,
joint policyholders (the joint policy, never the other's own policy), repairers, assessors and the ombudsman."""

from __future__ import annotations

from . import content, fmt, mail, org, pdfs
from .content import Ctx
from .corpus import Corpus
from .letters import Letter, sign_for
from .mail import Attachment, Mail
from .people import Client
from .render import MIME, letter_bytes
from .sc_letters import MISMATCH
from .sc_own import SUPPRESSED


def _send(
    ctx: Ctx,
    corpus: Corpus,
    m: Mail,
    cat: str,
    expect: str = "allow",
    rules: list[str] | None = None,
    suppressed: bool = False,
    note: str = "",
) -> str:
    blob = mail.build(m, ctx.msgid(), ctx.rng.getrandbits(16))
    return corpus.add("eml", blob, cat, expect, rules, suppressed=suppressed, note=note)


def _me(ctx: Ctx) -> tuple[org.Staff, tuple[str, str]]:
    st = ctx.staff()
    return st, (st.name, st.email)


def relationships(ctx: Ctx, corpus: Corpus) -> None:
    _brokers(ctx, corpus)
    _lawyers(ctx, corpus)
    _representatives(ctx, corpus)
    _care_of_legal_service(ctx, corpus)
    _joint(ctx, corpus)
    _approved(ctx, corpus)


def _broker_table(ctx: Ctx, rows: list[Client]) -> list[list[str]]:
    r = ctx.rng
    out = [["Client", "Policy", "Renewal date", "Premium"]]
    for c in rows:
        k = content.policy_kind(c)
        out.append([fmt.formal(c, "plain"), c.ref(k), f"{r.randint(1, 28):02d}/04/2025", fmt.money(r, 500, 3000)])
    return out


def _brokers(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):
        b = org.BROKERS[i % len(org.BROKERS)]
        mine = pop.broker_clients[b.domain]
        if len(mine) < 4:
            continue
        rows = r.sample(mine, 3)
        stranger = pop.pick(1, need="motor")[0]
        to = [f"{b.firm}", f"For the attention of: {b.contact}"] + [b.street, b.locality.upper()]
        lt = Letter(
            to,
            ctx.day(),
            [("Broker code", f"BRK-{r.randint(1000, 9999)}")],
            heading="Renewals due in April",
            dear=f"Dear {b.contact.split()[0]}",
            after_block=[f"By email: {b.contact_email}"],
            body=[
                "Please find below your clients whose policies with us renew next month. Renewal "
                "invitations have been issued to you for forwarding.",
                "Let us know by 20 March of any client who has asked to change cover.",
            ],
            sign=sign_for("Broker Services", "", "Regards"),
        )
        seed = r.getrandbits(32)
        layout = ["window", "topleft", "columns"][i % 3]
        lt.table = _broker_table(ctx, rows[:2] + [stranger])
        inc_pdf = pdfs.render([lt], layout, seed=seed)
        lt.table = _broker_table(ctx, rows)
        ok_pdf = pdfs.render([lt], layout, seed=seed)
        cat = "relationships/broker-unrelated-client"
        for pdf_blob, expect in ((inc_pdf, "block"), (ok_pdf, "allow")):
            st, me = _me(ctx)
            m = Mail(
                me,
                [(b.contact, b.contact_email)],
                "Blackwattle renewals due April 2025",
                ctx.when(),
                text=content.email_body(
                    ctx,
                    f"Hi {b.contact.split()[0]},",
                    ["Attached is the April renewals list for your clients.", "Invitations went out to you yesterday."],
                    st,
                ),
                attachments=[Attachment("Renewals_April_2025.pdf", pdf_blob, "application/pdf")],
            )
            if expect == "block":
                inc = _send(
                    ctx,
                    corpus,
                    m,
                    cat,
                    "block",
                    MISMATCH,
                    note=f"renewal list to broker of {rows[0].cid} "
                    f"and {rows[1].cid} also lists {stranger.cid}, not a client of that broker",
                )
            else:
                tw = _send(
                    ctx,
                    corpus,
                    m,
                    cat,
                    note=f"renewal list to the broker, three of its own clients ({', '.join(c.cid for c in rows)})",
                )
        corpus.pair(inc, tw)
    for i in range(ctx.n(3)):  # broker about own client, letter 'For the attention of' attached
        b = org.BROKERS[(i + 1) % len(org.BROKERS)]
        mine = pop.broker_clients[b.domain]
        if not mine:
            continue
        c = r.choice(mine)
        content.ensure_claim(ctx, c)
        to = [b.firm, f"ATTN: {b.contact}", b.street, b.locality]
        lt = content.claim_decision(ctx, to, f"Dear {b.contact.split()[0]}", c)
        lt.body.insert(0, f"We refer to your client {fmt.formal(c)} of {fmt.inline_address(c.address)}.")
        spec = [("pdf", "window"), ("docx", "table"), ("pdf", "right")][i % 3]
        ext, blob = letter_bytes(spec, lt, r.getrandbits(32))
        st, me = _me(ctx)
        m = Mail(
            me,
            [(b.contact, b.contact_email)],
            f"Claim decision - {c.full} - {lt.details[0][1]}",
            ctx.when(),
            text=content.email_body(
                ctx,
                f"Hi {b.contact.split()[0]},",
                [
                    f"Please see attached our decision on {c.first}'s claim. A copy has not been sent to the client "
                    "directly, as requested on your authority."
                ],
                st,
            ),
            cc=[(org.SHORT + " Claims", org.CLAIMS)],
            attachments=[Attachment(f"Decision_{lt.details[0][1]}.{ext}", blob, MIME[ext])],
        )
        _send(
            ctx,
            corpus,
            m,
            "relationships/broker-own-client",
            note=f"claim decision for {c.cid} to the broker registered as {c.cid}'s authorised contact",
        )


def _lawyers(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):
        lw = org.LAWYERS[i % 2]
        mine = pop.lawyer_clients[lw.domain]
        if not mine:
            continue
        c = r.choice(mine)
        content.ensure_claim(ctx, c)
        fr = content.final_response(ctx, content.to_block(c, r), fmt.dear(c), c)
        ext, blob = letter_bytes(("pdf", "topleft"), fr, r.getrandbits(32))
        other = pop.pick(1, need="home_claim")[0]
        other_lt = content.claim_ack(ctx, content.to_block(other, r), fmt.dear(other), other)
        ext2, blob2 = letter_bytes(("pdf", "window"), other_lt, r.getrandbits(32))
        own_lt = content.claim_ack(ctx, content.to_block(c, r), fmt.dear(c), c)
        ext3, blob3 = letter_bytes(("pdf", "window"), own_lt, r.getrandbits(32))
        cat = "relationships/lawyer"
        ids = []
        for extra, expect in ((blob2, "block"), (blob3, "allow")):
            st, me = _me(ctx)
            m = Mail(
                (org.STAFF[2].name, org.STAFF[2].email),
                [(lw.contact, lw.contact_email)],
                f"Your client {fmt.formal(c, 'plain')} - complaint {fr.details[0][1]}",
                ctx.when(),
                text=content.email_body(
                    ctx,
                    f"Dear {lw.contact}",
                    [
                        f"We act on the authority your client signed on {fmt.letter_date(ctx.when().date())}.",
                        "Attached are our final response and the original claim acknowledgement.",
                    ],
                    org.STAFF[2],
                ),
                attachments=[
                    Attachment("Final_response.pdf", blob, "application/pdf"),
                    Attachment("Claim_acknowledgement.pdf", extra, "application/pdf"),
                ],
            )
            if expect == "block":
                ids.append(
                    _send(
                        ctx,
                        corpus,
                        m,
                        cat,
                        "block",
                        MISMATCH,
                        note=f"to {c.cid}'s lawyer; the second attachment is {other.cid}'s claim acknowledgement",
                    )
                )
            else:
                ids.append(
                    _send(
                        ctx,
                        corpus,
                        m,
                        cat,
                        note=f"to {c.cid}'s lawyer (authorised contact), both attachments about {c.cid}",
                    )
                )
        corpus.pair(ids[0], ids[1])


def _representatives(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i, (elder, rep) in enumerate(pop.represented[: ctx.n(3)]):
        content.ensure_claim(ctx, elder)
        to = content.to_block(rep, r)
        lt = content.claim_ack(ctx, to, fmt.dear(rep), elder)
        lt.after_block = [f"Policyholder: {fmt.formal(elder)}", f"Insured address: {fmt.inline_address(elder.address)}"]
        spec = [("pdf", "window"), ("docx", "stacked"), ("rtf", "left"), ("pdf", "topleft")][i % 4]
        seed = r.getrandbits(32)
        ext, blob = letter_bytes(spec, lt, seed)
        tw = corpus.add(
            ext,
            blob,
            "relationships/representative-by-client-id",
            note=f"letter to {rep.cid}, registered by client id as {elder.cid}'s representative, "
            f"about {elder.cid}'s claim",
        )
        stranger = next(e for e, _ in pop.represented if e.cid != elder.cid and rep.cid not in e.authorised)
        content.ensure_claim(ctx, stranger)
        lt2 = content.claim_ack(ctx, to, fmt.dear(rep), stranger)
        lt2.after_block = [
            f"Policyholder: {fmt.formal(stranger)}",
            f"Insured address: {fmt.inline_address(stranger.address)}",
        ]
        ext, blob = letter_bytes(spec, lt2, seed)
        inc = corpus.add(
            ext,
            blob,
            "relationships/representative-by-client-id",
            "block",
            MISMATCH,
            note=f"letter to {rep.cid} about {stranger.cid}, whom {rep.cid} does not represent",
        )
        corpus.pair(inc, tw)


def _care_of_legal_service(ctx: Ctx, corpus: Corpus) -> None:
    """A victim's own mail goes care of the community legal service she authorised, never to her new address."""
    r, pop = ctx.rng, ctx.pop
    lw = org.LAWYERS[2]
    helped = [v for v in pop.victims if lw.contact_email in v.victim.authorised]
    for i, v in enumerate(helped[: ctx.n(3)]):
        vic, ex = v.victim, v.ex
        to = [
            fmt.formal(vic, ["title", "initial", "plain"][i % 3]),
            ["c/-", "C/-", "Care of"][i % 3] + f" {lw.firm}",
            lw.street,
            lw.locality.upper() if i % 2 else lw.locality,
        ]
        spec = [("pdf", "window"), ("docx", "table"), ("rtf", "left")][i % 3]
        seed = r.getrandbits(32)
        ok = content.premium_change(ctx, to, fmt.dear(vic), vic, "contents")
        ext, blob = letter_bytes(spec, ok, seed)
        tw = corpus.add(
            ext,
            blob,
            "relationships/care-of-legal-service",
            note=f"letter to {vic.cid} care of the legal service registered as her authorised contact, "
            "about her own contents policy; her suppressed address does not appear",
        )
        bad = content.premium_change(ctx, to, fmt.dear(vic), ex, "motor")
        ext, blob = letter_bytes(spec, bad, seed)
        inc = corpus.add(
            ext,
            blob,
            "relationships/care-of-legal-service",
            "block",
            MISMATCH,
            note=f"the same letter to {vic.cid} care of her legal service carries the separate motor "
            f"policy and customer number of {ex.cid} (joint only on the home policy)",
        )
        corpus.pair(inc, tw)


def _joint(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):
        a, b, joint = pop.joint_pairs[i % len(pop.joint_pairs)]
        own = next((k for k, v in a.refs if k in ("motor", "contents", "landlord")), None)
        if own is None:
            continue
        seed = r.getrandbits(32)
        to = content.to_block(b, r)
        joint_lt = content.renewal(ctx, to, fmt.dear(b), b, "home")
        joint_lt.details[0] = ("Policy number", joint)
        other_lt = content.renewal(ctx, to, fmt.dear(b), a, own)
        cat = "relationships/joint-holder-other-policy"
        spec = [("pdf", "window"), ("docx", "table"), ("html", "table")][i % 3]
        ext, blob_bad = letter_bytes(spec, other_lt, seed)
        _, blob_ok = letter_bytes(spec, joint_lt, seed)
        ids = []
        for blob, bad in ((blob_bad, True), (blob_ok, False)):
            st, me = _me(ctx)
            m = Mail(
                ("Blackwattle Renewals", org.RENEWALS),
                [(b.full, b.emails[0])],
                "Your renewal documents",
                ctx.when(),
                mailer="Blackwattle PolicyHub Notifications",
                text=content.email_body(
                    ctx,
                    f"Dear {b.first},",
                    ["Your renewal documents are attached. No action is needed if your details are correct."],
                    st,
                ),
                attachments=[Attachment(f"Renewal.{ext}", blob, MIME[ext])],
            )
            ids.append(
                _send(
                    ctx,
                    corpus,
                    m,
                    cat,
                    *(("block", MISMATCH) if bad else ("allow", None)),
                    note=(
                        f"joint holder {b.cid} sent {a.cid}'s own separate {own} policy renewal"
                        if bad
                        else f"joint holder {b.cid} sent the joint home policy renewal"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    for i, v in enumerate(pop.victims[: ctx.n(3)]):
        if v.victim.address.is_box:
            continue
        seed = r.getrandbits(32)
        to = content.to_block(v.ex, r)
        bad = content.renewal(ctx, to, fmt.dear(v.ex), v.victim, "contents")
        ok = content.renewal(ctx, to, fmt.dear(v.ex), v.ex, "home")
        ok.details[0] = ("Policy number", v.joint_ref)
        ids = []
        for lt, is_bad in ((bad, True), (ok, False)):
            ext, blob = letter_bytes(("pdf", ["window", "right"][i % 2]), lt, seed)
            m = Mail(
                ("Blackwattle Renewals", org.RENEWALS),
                [(v.ex.full, v.ex.emails[0])],
                "Renewal documents",
                ctx.when(),
                mailer="Blackwattle PolicyHub Notifications",
                text=f"Dear {v.ex.first},\n\nYour renewal documents are attached.\n\n{org.SHORT}",
                attachments=[Attachment("Renewal_notice.pdf", blob, "application/pdf")],
            )
            ids.append(
                _send(
                    ctx,
                    corpus,
                    m,
                    "relationships/joint-holder-other-policy",
                    *(("block", SUPPRESSED + ["mismatched_recipient"]) if is_bad else ("allow", None)),
                    suppressed=is_bad,
                    note=(
                        f"former partner {v.ex.cid} sent {v.victim.cid}'s own contents renewal, which "
                        "shows her suppressed address"
                        if is_bad
                        else f"{v.ex.cid} sent the joint home policy renewal he holds with {v.victim.cid}"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    for i in range(ctx.n(2)):  # joint holders both addressed
        a, b, joint = pop.joint_pairs[(i + 7) % len(pop.joint_pairs)]
        st, me = _me(ctx)
        m = Mail(
            me,
            [(a.full, a.emails[0]), (b.full, b.emails[0])],
            f"Home policy {joint} - sum insured review",
            ctx.when(),
            text=content.email_body(
                ctx,
                f"Dear {a.first} and {b.first},",
                [
                    f"Thank you both for calling about policy {joint} for {fmt.inline_address(a.address)}.",
                    "As discussed, we have increased the building sum insured from $620,000 to $700,000 "
                    "from today. An updated schedule will follow by post.",
                ],
                st,
            ),
        )
        _send(
            ctx,
            corpus,
            m,
            "relationships/joint-holders-both",
            note=f"email to both joint holders {a.cid} and {b.cid} about their joint policy",
        )


def _approved(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i in range(ctx.n(3)):  # repairers: authority to repair, often several jobs at once
        rep = org.REPAIRERS[i % len(org.REPAIRERS)]
        jobs = pop.pick(1 + i % 3)
        lines = []
        for c in jobs:
            claim = content.ensure_claim(ctx, c)
            lines.append(f"{claim}  {fmt.formal(c, 'plain')}  {c.mobile}  {fmt.inline_address(c.address, True)}")
        st, me = _me(ctx)
        m = Mail(
            me,
            [(rep.contact, rep.contact_email)],
            f"Authority to repair - {len(jobs)} job(s)",
            ctx.when(),
            text=content.email_body(
                ctx,
                f"Hi {rep.contact.split()[0]},",
                [
                    "Please proceed with the following repairs as quoted. Excess to be collected by you.",
                    "\n".join(lines),
                ],
                st,
            ),
        )
        _send(
            ctx,
            corpus,
            m,
            "relationships/repairer",
            note=f"authority to repair to a panel repairer (approved) for {', '.join(c.cid for c in jobs)}",
        )
    for i in range(ctx.n(2)):  # assessors
        ass = org.ASSESSORS[i % 2]
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        st, me = _me(ctx)
        m = Mail(
            me,
            [(ass.contact, ass.contact_email)],
            f"New instruction {claim}",
            ctx.when(),
            text=content.email_body(
                ctx,
                f"Hello {ass.contact.split()[0]},",
                [
                    f"Please inspect for claim {claim}. Insured: {fmt.formal(c)}, DOB {fmt.date_as(c.dob, 'slash')}, "
                    f"phone {c.phones[0]}, email {c.emails[0]}.",
                    f"Risk address: {fmt.inline_address(c.address)}",
                    "Report within 5 business days please.",
                ],
                st,
            ),
        )
        _send(
            ctx,
            corpus,
            m,
            "relationships/loss-assessor",
            note=f"instruction to a loss assessor (approved third party) with {c.cid}'s details",
        )
    for _ in range(ctx.n(2)):  # the ombudsman
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        o = org.OMBUDSMAN
        case = f"FSRO-{r.randint(24, 25)}-{r.randint(100000, 999999)}"
        fr = content.final_response(ctx, content.to_block(c, r), fmt.dear(c), c)
        ext, blob = letter_bytes(("pdf", "topleft"), fr, r.getrandbits(32))
        m = Mail(
            (org.STAFF[5].name, org.STAFF[5].email),
            [(o.contact, o.contact_email)],
            f"{case} - response",
            ctx.when(),
            cc=[("Resolutions", org.RESOLUTIONS)],
            text=content.email_body(
                ctx,
                "Dear Case Officer,",
                [
                    f"We refer to the complaint by {fmt.formal(c)} (our claim {claim}).",
                    "Attached is our final response and a summary of the claim file.",
                ],
                org.STAFF[5],
            ),
            attachments=[Attachment(f"{case}_final_response.pdf", blob, "application/pdf")],
        )
        _send(ctx, corpus, m, "relationships/ombudsman", note=f"response to the ombudsman (approved) about {c.cid}")
    for i, v in enumerate(pop.victims[: ctx.n(2)]):
        vic = v.victim
        claim = vic.ref("home_claim")
        ids = []
        for leak in (True, False):
            who = org.OMBUDSMAN if i % 2 == 0 else org.REPAIRERS[3]
            para = (
                f"The customer now lives at {fmt.inline_address(vic.address)} and can be reached on {vic.phones[0]}."
                if leak
                else "The customer has a safety plan with us: please contact her only through our Customer Safety "
                f"team on {org.STAFF[4].direct} and never through the joint policyholder."
            )
            m = Mail(
                (org.STAFF[4].name, org.STAFF[4].email),
                [(who.contact, who.contact_email)],
                f"Claim {claim} - contact arrangements",
                ctx.when(),
                text=content.email_body(
                    ctx,
                    f"Dear {who.contact.split()[-1]},",
                    [f"Regarding claim {claim} for {fmt.formal(vic)}.", para],
                    org.STAFF[4],
                ),
            )
            ids.append(
                _send(
                    ctx,
                    corpus,
                    m,
                    "relationships/approved-third-party-suppressed",
                    *(("block", SUPPRESSED) if leak else ("allow", None)),
                    suppressed=leak,
                    note=(
                        f"email to an approved third party carrying {vic.cid}'s suppressed address and "
                        "phone (DESIGN §3: approved parties are still subject to suppression)"
                        if leak
                        else f"the same email about {vic.cid}'s claim without the suppressed details"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
