"""Incidents, each beside a legitimate twin of the same layout (same template, same format, the right recipient
or without the exposed detail)."""

# ruff: noqa: B023, E731 -- closures and small lambdas are called within the iteration that defines them.
from __future__ import annotations

from . import render, world
from .content import (
    Builder,
    addr_block,
    determination_letter,
    email_sig,
    release_letter,
    signoff,
    victim_email_body,
)
from .registry import Client, spaced
from .render import Attachment, Letter

MISMATCH = ["mismatched_recipient", "mixed_client_documents"]
MIXED = ["mixed_client_documents", "mismatched_recipient"]
SUPP = ["suppressed_detail_exposed"]
SUPP_MIS = ["suppressed_detail_exposed", "mismatched_recipient"]


def _adult(c: Client) -> bool:
    return c.role not in ("child",)


def _open(c: Client, *details: str) -> bool:
    return not any(d in c.suppressed for d in details)


def reps(b: Builder, n: int, scale: float) -> int:
    return max(1, round(n * scale))


# --- address-block -----------------------------------------------------------------------------------------


def address_block(b: Builder, scale: float) -> None:
    reg = b.reg
    formats = ["pdf-window", "pdf-sidepanel", "docx", "rtf", "txt", "html", "pdf-plain", "docx-plain"]
    for i in range(reps(b, 8, scale)):
        fmt = formats[i % len(formats)]
        kind = "release" if i % 2 == 0 else "determination"
        need = (lambda c: bool(c.register_no)) if kind == "release" else (lambda c: bool(c.claim_no))
        a = reg.pick(lambda c, need=need: need(c) and _adult(c))
        other = reg.pick(lambda c: _adult(c) and _open(c, "postal_address") and not c.joint_with, exclude=(a,))
        staff = b.staff()
        tpl = release_letter if kind == "release" else determination_letter
        style = i % 3
        wrong = tpl(b, a, addr_block(other, style), staff, ref_style=i % 3)
        right = tpl(b, a, addr_block(a, style), staff, ref_style=i % 3)
        right.date = wrong.date
        right.table = wrong.table
        ext, data = render.render_letter(wrong, fmt)
        cat = f"address-block/{kind}-{fmt}"
        inc = b.block(cat, ext, data, MISMATCH, f"{kind} letter of {a.client_id} addressed to {other.client_id}")
        ext, data = render.render_letter(right, fmt)
        b.pair(inc, b.add(cat, ext, data, note=f"{kind} letter of {a.client_id} addressed to them"))

    # Two clients share a name but not a date of birth (the seed's payment to the wrong worker).
    namesakes = [c for c in reg.clients if c.role == "namesake"]
    for i in range(reps(b, 3, scale)):
        x2 = namesakes[i % len(namesakes)]
        x1 = next(c for c in reg.clients if c.name == x2.name and c is not x2)
        if not x1.claim_no and not x1.register_no:
            continue
        staff = b.staff()
        tpl = determination_letter if x1.claim_no else release_letter
        kw = {"dob": True}
        wrong = tpl(b, x1, addr_block(x2, i % 2), staff, **kw)
        right = tpl(b, x1, addr_block(x1, i % 2), staff, **kw)
        right.date, right.table = wrong.date, wrong.table
        fmt = ["pdf-sidepanel", "docx", "pdf-window"][i % 3]
        cat = "address-block/same-name-other-person"
        ext, data = render.render_letter(wrong, fmt)
        note = f"letter of {x1.client_id} (name and date of birth) to namesake {x2.client_id}"
        inc = b.block(cat, ext, data, MISMATCH, note, suppressed="postal_address" in x2.suppressed)
        if inc.suppressed:
            inc.rules = ["suppressed_detail_exposed", *MISMATCH]
        ext, data = render.render_letter(right, fmt)
        b.pair(inc, b.add(cat, ext, data, note=f"letter of {x1.client_id} addressed to them"))

    # Notification addressed to the offender (not a client) instead of the victim.
    for i in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: bool(c.register_no) and _adult(c))
        staff = b.staff()
        off_addr = world.new_address(b.rng)
        wrong = release_letter(b, a, [f"Mr {a.offender}", *off_addr.block(i % 2)], staff)
        right = release_letter(b, a, addr_block(a, i % 2), staff)
        right.date = wrong.date
        fmt = ["pdf-window", "rtf"][i % 2]
        cat = "address-block/addressed-to-offender"
        ext, data = render.render_letter(wrong, fmt)
        inc = b.block(cat, ext, data, MISMATCH, f"victim notification of {a.client_id} addressed to the offender")
        ext, data = render.render_letter(right, fmt)
        b.pair(inc, b.add(cat, ext, data, note=f"victim notification of {a.client_id} to them"))


# --- recipient-own-details ---------------------------------------------------------------------------------


def recipient_own_details(b: Builder, scale: float) -> None:
    reg = b.reg
    for i in range(reps(b, 5, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.emails) and bool(c.claim_no or c.register_no))
        other = reg.pick(lambda c: _adult(c) and _open(c, "phone", "email") and bool(c.phones), exclude=(a,))
        staff = b.staff()
        use_phone = i % 2 == 0
        if use_phone:
            wrong_d = world.phone_variant(other.phone, i % 3)
            right_d = world.phone_variant(a.phone, i % 3) if a.phones else "the number you gave us"
            extra = "We have updated your contact number to {}. We will only call from a private number.\n\n"
        else:
            wrong_d, right_d = other.email, a.email
            extra = "From now on we will write to you at {} only. Nothing will be posted to your home.\n\n"
        msg = b.msgid()
        cat = "recipient-own-details/" + ("other-clients-phone" if use_phone else "other-clients-email")
        wrong = render.eml(
            msg,
            b.sender(staff),
            [a.email],
            "Your contact details",
            victim_email_body(b, a, staff, extra.format(wrong_d)),
        )
        inc = b.block(
            cat, "eml", wrong, MIXED, f"email to {a.client_id} confirms a contact detail of {other.client_id}"
        )
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            [a.email],
            "Your contact details",
            victim_email_body(b, a, staff, extra.format(right_d)),
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"email to {a.client_id} confirms their own contact detail"))


# --- relationships -----------------------------------------------------------------------------------------


def relationships(b: Builder, scale: float) -> None:
    reg = b.reg
    mothers = [c for c in reg.clients if c.role == "family" and "postal_address" in c.suppressed]
    for i in range(reps(b, 3, scale)):
        m = mothers[i % len(mothers)]
        f = reg.by_id[m.joint_with[0]]
        staff = b.staff()
        base = determination_letter(b, f, addr_block(f, i % 2), staff)
        base.subject = "Joint application for funeral and counselling expenses - notice of determination"
        wrong = Letter(**{**base.__dict__})
        wrong.signoff = [*base.signoff, "", f"Copy to: {m.titled}, {m.address.one_line()}"]
        right = Letter(**{**base.__dict__})
        right.signoff = [*base.signoff, "", f"Copy to: {m.titled} (sent separately)"]
        fmt = ["pdf-window", "docx", "pdf-sidepanel"][i % 3]
        cat = "relationships/joint-claimant-copy-to-address"
        ext, data = render.render_letter(wrong, fmt)
        inc = b.block(
            cat, ext, data, SUPP, f"joint claimant {f.client_id} shown suppressed address of {m.client_id}", True
        )
        ext, data = render.render_letter(right, fmt)
        b.pair(inc, b.add(cat, ext, data, note=f"joint determination to {f.client_id}, co-claimant named only"))

    for i in range(reps(b, 2, scale)):
        m = mothers[(i + 3) % len(mothers)]
        f = reg.by_id[m.joint_with[0]]
        staff = b.staff()
        wrong = determination_letter(b, f, [f.titled, *m.address.block(i % 2)], staff)
        right = determination_letter(b, f, addr_block(f, i % 2), staff)
        right.date, right.table = wrong.date, wrong.table
        cat = "relationships/posted-to-co-claimants-address"
        ext, data = render.render_letter(wrong, "pdf-window")
        note = f"letter to joint claimant {f.client_id} posted to the suppressed address of {m.client_id}"
        inc = b.block(cat, ext, data, SUPP_MIS, note, True)
        ext, data = render.render_letter(right, "pdf-window")
        b.pair(inc, b.add(cat, ext, data, note=f"letter to {f.client_id} at their own address"))

    lawyered = [c for c in reg.clients if c.lawyer and c.claim_no and _adult(c) and not c.suppressed]
    for i in range(reps(b, 3, scale)):
        a = lawyered[(2 * i) % len(lawyered)]
        other = next(c for c in lawyered[2 * i + 1 :] + lawyered if c.lawyer[1] != a.lawyer[1])
        staff = b.staff()
        ltr = determination_letter(b, a, addr_block(a), staff)
        pdf = render.pdf_letter(ltr, "pdf-sidepanel".split("-")[1])
        body = (
            f"Dear Counsel,\n\nPlease find attached the notice of determination for your client {a.name} "
            f"(application {a.claim_no}). The review period ends 28 days from the date of the notice."
            + email_sig(staff)
        )
        cat = "relationships/other-clients-lawyer"
        att = [Attachment(f"Determination_{a.claim_no}.pdf", pdf)]
        wrong = render.eml(
            b.msgid(), b.sender(staff), [other.lawyer[1]], f"Determination {a.claim_no}", body, attachments=att
        )
        note = f"determination of {a.client_id} to the lawyer of {other.client_id}"
        inc = b.block(cat, "eml", wrong, ["mismatched_recipient"], note)
        right = render.eml(
            b.msgid(), b.sender(staff), [a.lawyer[1]], f"Determination {a.claim_no}", body, attachments=att
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"determination of {a.client_id} to their lawyer"))

    children = [c for c in reg.clients if c.role == "child"]
    for i in range(reps(b, 2, scale)):
        ch = children[i % len(children)]
        g = reg.by_id[ch.guardian]
        staff = b.staff()
        dad = b.rng.choice(world.OFFENDER_GIVEN).lower()
        father = f"{dad}.{ch.family.lower().replace(' ', '')}@{b.rng.choice(world.MAIL_DOMAINS)}"
        body = (
            f"Hello,\n\nThe application for financial assistance for {ch.name} (born {ch.dob_text(1)}, application "
            f"{ch.claim_no}) has been received. Counselling for {ch.given} is approved for 10 sessions with a child "
            "and family counsellor. Please keep the enclosed referral for the first appointment." + email_sig(staff)
        )
        cat = "relationships/child-claim-to-non-guardian"
        wrong = render.eml(b.msgid(), b.sender(staff), [father], f"Application {ch.claim_no}", body)
        inc = b.block(
            cat, "eml", wrong, ["mismatched_recipient"], f"child {ch.client_id}'s claim to a parent not authorised"
        )
        right = render.eml(b.msgid(), b.sender(staff), [g.email], f"Application {ch.claim_no}", body)
        b.pair(inc, b.add(cat, "eml", right, note=f"child {ch.client_id}'s claim to guardian {g.client_id}"))


# --- headers-links -----------------------------------------------------------------------------------------


def headers_links(b: Builder, scale: float) -> None:
    reg = b.reg
    for i in range(reps(b, 3, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and bool(c.emails))
        other = reg.pick(
            lambda c: _adult(c) and bool(c.emails) and _open(c, "email") and c.given[0] == a.given[0], exclude=(a,)
        )
        staff = b.staff()
        body = victim_email_body(b, a, staff, f"Your claim {a.claim_no} is now with the assessor. ")
        cat = "headers-links/autocomplete-other-victim"
        subj = f"Your application {spaced(a.claim_no, i % 3)}"
        wrong = render.eml(b.msgid(), b.sender(staff), [f"{other.name} <{other.email}>"], subj, body)
        inc = b.block(cat, "eml", wrong, ["mismatched_recipient"], f"email about {a.client_id} to {other.client_id}")
        right = render.eml(b.msgid(), b.sender(staff), [f"{a.name} <{a.email}>"], subj, body)
        b.pair(inc, b.add(cat, "eml", right, note=f"email about {a.client_id} to them"))

    for i in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.register_no) and _open(c, "phone") and bool(c.phones))
        staff = b.staff()
        firm, dom = world.DEFENCE_FIRMS[i % len(world.DEFENCE_FIRMS)]
        court, _, when = b.hearing()
        body = (
            f"Hi Prosecutor,\n\nThe victim in the matter of {a.offender} ({court}, {when}), {a.name}, register "
            f"number {a.register_no}, has asked to read her victim impact statement in person. She can be contacted "
            f"on {a.phone} to arrange a pre-hearing meeting." + email_sig(staff)
        )
        cat = "headers-links/cc-defence-lawyer"
        to = [f"witness.assistance@{world.DPP}"]
        wrong = render.eml(
            b.msgid(), b.sender(staff), to, f"Victim impact statement - {a.offender}", body, cc=[f"criminal@{dom}"]
        )
        inc = b.block(
            cat,
            "eml",
            wrong,
            ["mismatched_recipient"],
            f"victim {a.client_id}'s contact copied to the accused's lawyers",
        )
        right = render.eml(b.msgid(), b.sender(staff), to, f"Victim impact statement - {a.offender}", body)
        b.pair(inc, b.add(cat, "eml", right, note=f"victim {a.client_id}'s details to the prosecutor only"))

    for _ in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and bool(c.emails) and _open(c, "email"))
        other = reg.pick(lambda c: _adult(c) and bool(c.emails) and _open(c, "email"), exclude=(a,))
        staff = b.staff()
        link = f"https://portal.{world.INTERNAL}/claims/upload?claim={a.claim_no}&email={a.email}"
        body = (
            f"Dear {a.given},\n\nTo upload your receipts for the claim, please use this secure link:\n{link}\n\n"
            "The link expires in 7 days." + email_sig(staff)
        )
        cat = "headers-links/upload-link-other-victim"
        wrong = render.eml(b.msgid(), b.sender(staff), [other.email], "Upload your receipts", body)
        inc = b.block(cat, "eml", wrong, ["mismatched_recipient"], f"upload link of {a.client_id} to {other.client_id}")
        right = render.eml(b.msgid(), b.sender(staff), [a.email], "Upload your receipts", body)
        b.pair(inc, b.add(cat, "eml", right, note=f"upload link of {a.client_id} to them"))

    for _ in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and "email" in c.suppressed and bool(c.register_no))
        staff = b.staff()
        head = (
            f"Dear Board Secretary,\n\nRegistered victim {a.name} ({a.register_no}) wishes to make a submission "
            f"before {a.offender}'s parole hearing."
        )
        cat = "headers-links/mailto-suppressed-email"
        tail = email_sig(staff)
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"submissions@{world.PAROLE}"],
            "Victim submission",
            head + f" If you need anything further you may write to her at mailto:{a.email}." + tail,
        )
        inc = b.block(cat, "eml", wrong, SUPP, f"suppressed email of {a.client_id} to the parole board", True)
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"submissions@{world.PAROLE}"],
            "Victim submission",
            head + " If you need anything further please contact her through the Victims Register." + tail,
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"submission of {a.client_id} to the parole board, no contact"))


# --- suppressed-loose --------------------------------------------------------------------------------------


def submission_lines(a: Client, where: str) -> list[str]:
    return [
        f"Victim submission - parole application of {a.offender}",
        f"Submitted by: {a.name}, registered victim {a.register_no}",
        "",
        "Since the offence I have had to leave my home, my job and my friends. I still check the locks every night.",
        f"I now live {where}. I ask the Board to impose an exclusion zone and a no-contact condition.",
        "I do not want the offender to know where I live or work.",
    ]


def suppressed_loose(b: Builder, scale: float) -> None:
    reg = b.reg
    supp = [c for c in reg.clients if "postal_address" in c.suppressed and c.register_no and _adult(c)]
    for i in range(reps(b, 3, scale)):
        a = supp[i % len(supp)]
        staff = b.staff()
        where = [f"at {a.address.one_line()}", f"at {a.address.line1()}, {a.address.suburb_line()}"][i % 2]
        body = (
            f"Dear Board Secretary,\n\nPlease find attached the victim submission of a registered victim for the "
            f"hearing of {a.offender}." + email_sig(staff)
        )
        cat = "suppressed-loose/parole-submission-address"
        att = [Attachment("Victim_submission.pdf", render.pdf_text("Victim submission", submission_lines(a, where)))]
        wrong = render.eml(
            b.msgid(), b.sender(staff), [f"submissions@{world.PAROLE}"], "Victim submission", body, attachments=att
        )
        inc = b.block(cat, "eml", wrong, SUPP, f"suppressed address of {a.client_id} in a parole submission", True)
        att = [
            Attachment(
                "Victim_submission.pdf",
                render.pdf_text("Victim submission", submission_lines(a, "somewhere safe, away from the area")),
            )
        ]
        right = render.eml(
            b.msgid(), b.sender(staff), [f"submissions@{world.PAROLE}"], "Victim submission", body, attachments=att
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"parole submission of {a.client_id}, address withheld"))

    for i in range(reps(b, 3, scale)):
        a = supp[(i + 5) % len(supp)]
        staff = b.staff()
        colleague = b.rng.choice([s for s in world.STAFF if s != staff])
        detail = f"{a.address.line1(short=True)}\n{a.address.suburb_line().upper()}"
        if "phone" in a.suppressed and a.phones:
            detail += f"\nMobile {world.phone_variant(a.phone, i % 3)}"
        body = (
            f"Hi,\n\n{a.name} ({a.ref}) called to update her details after moving again. New details below, please "
            f"update the suppressed record:\n\n{detail}\n\nShe has asked that nothing is sent to her old address."
            + email_sig(staff)
        )
        cat = "suppressed-loose/internal-not-safety-team"
        wrong = render.eml(
            b.msgid(), b.sender(staff), [world.staff_email(colleague[0], colleague[1])], "Change of details", body
        )
        inc = b.block(
            cat, "eml", wrong, SUPP, f"suppressed details of {a.client_id} to staff outside the safety team", True
        )
        right = render.eml(b.msgid(), b.sender(staff), [world.SAFETY_TEAM[0]], "Change of details", body)
        b.pair(inc, b.add(cat, "eml", right, note=f"suppressed details of {a.client_id} to the safety team"))

    phone_supp = [c for c in reg.clients if "phone" in c.suppressed and c.phones and _adult(c)]
    for i in range(reps(b, 2, scale)):
        a = phone_supp[i % len(phone_supp)]
        staff = b.staff()
        court, _, when = b.hearing()
        head = (
            f"Hello,\n\nRe the trial of {a.offender} at the {court} on {when}: the victim, {a.name}, is willing "
            "to give evidence by CCTV link. "
        )
        cat = "suppressed-loose/phone-to-prosecutor"
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"witness.assistance@{world.DPP}"],
            "Remote evidence",
            head
            + f"Her mobile is {world.phone_variant(a.phone, (i + 1) % 3)} if you need to call her directly."
            + email_sig(staff),
        )
        inc = b.block(cat, "eml", wrong, SUPP, f"suppressed phone of {a.client_id} to the prosecutor", True)
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"witness.assistance@{world.DPP}"],
            "Remote evidence",
            head + "Please arrange any contact with her through me." + email_sig(staff),
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"victim {a.client_id}'s evidence arrangements, no contact details"))

    for i in range(reps(b, 2, scale)):
        a = supp[(i + 9) % len(supp)]
        staff = b.staff()
        base = [
            f"Re: {a.offender} - exclusion zone for parole order",
            f"The registered victim ({a.register_no}) asks that the exclusion zone cover her home and workplace.",
        ]
        wrong_lines = [*base, "Home address:", *a.address.block(0)]
        right_lines = [
            *base,
            "Her home address is held by the Safety and Suppression Team and will be given to the "
            "supervising officer by phone.",
        ]
        mk = lambda lines: Letter(
            ["Community Corrections Officer", "Community Corrections", "PO Box 1190", "PERTH WA 6872"],
            b.date_text(),
            "Exclusion zone request",
            "Dear Officer",
            lines,
            refs=[("Register number", a.register_no)],
            signoff=signoff(staff),
        )
        cat = "suppressed-loose/exclusion-zone-letter"
        ext, data = render.render_letter(mk(wrong_lines), "docx")
        inc = b.block(cat, ext, data, SUPP, f"suppressed address of {a.client_id} in a letter to corrections", True)
        ext, data = render.render_letter(mk(right_lines), "docx")
        b.pair(inc, b.add(cat, ext, data, note=f"exclusion zone request for {a.client_id}, address not given"))

    email_supp = [c for c in reg.clients if "email" in c.suppressed and c.claim_no and _adult(c)]
    for i in range(reps(b, 2, scale)):
        a = email_supp[i % len(email_supp)] if email_supp else supp[i]
        practice, dom, clinician = world.PROVIDERS[(i + 2) % len(world.PROVIDERS)]
        if a.provider and a.provider[1].endswith(dom):
            practice, dom, clinician = world.PROVIDERS[(i + 3) % len(world.PROVIDERS)]
        staff = b.staff()
        head = f"Dear {clinician},\n\nWe would like to refer a client for trauma counselling (10 sessions approved). "
        cat = "suppressed-loose/referral-with-contact"
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"intake@{dom}"],
            "New referral",
            head + f"The client is {a.name}; she prefers email contact at {a.email}." + email_sig(staff),
        )
        inc = b.block(
            cat, "eml", wrong, SUPP_MIS, f"suppressed email of {a.client_id} to a provider not yet engaged", True
        )
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"intake@{dom}"],
            "New referral",
            head
            + "Please reply with your first available appointment and we will pass it on to the client."
            + email_sig(staff),
        )
        b.pair(inc, b.add(cat, "eml", right, note="referral enquiry without client details"))
