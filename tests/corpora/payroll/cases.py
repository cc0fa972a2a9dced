"""Incidents, each beside its same-layout legitimate twin, grouped by the areas of FORMAT.md.

Every case function makes one pair; CASES says how many pairs each makes at scale 1.0."""

from __future__ import annotations

import random

from . import docs, ids, render, world
from .corpus import Corpus, Item, incident, legit, sender
from .render import Letter, Mail
from .world import Employee, World

FORMATS = [
    ("pdf", "window"),
    ("docx", "plain"),
    ("rtf", "plain"),
    ("txt", "plain"),
    ("pdf", "sidepanel"),
    ("html", "plain"),
    ("docx", "sidepanel"),
]

MM = "mismatched_recipient"
SUP = "suppressed_detail_exposed"
MIX = "mixed_client_documents"
BULK = "bulk_client_data"
SENS = "sensitive_identifier"
UNM = "unmerged_field"
UNS = "unscannable_content"


def _pdf_name(e: Employee, kind: str = "Payslip") -> str:
    return f"{kind}_{e.empno}_20250313.pdf"


def payslip_mail(c: Corpus, to: list[str], about: list[Employee], greet: Employee, **kw) -> bytes:
    atts = [(_pdf_name(e), render.pdf(docs.payslip(e), "window")) for e in about]
    body = (
        f"Dear {greet.given},\n\nPlease find attached your pay advice for the period {docs.PERIOD}, paid on "
        f"{docs.PAY_DATE}.\n\nIf anything looks wrong, reply to this email or call {world.BUREAU_PHONE}.\n\n"
        f"Payroll Services Team\n{world.BUREAU} for {greet.employer.name}\n"
    )
    return c.mail(Mail(sender(), to, f"Your pay advice for {docs.PAY_DATE}", body, attachments=atts, **kw))


# -- address-block ---------------------------------------------------------------------------------------
def ab_wrong_block(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer=world.EMPLOYERS[i % 4].key)
    ext, style = FORMATS[i % len(FORMATS)]
    kind = [docs.payslip, docs.termination, docs.payment_summary][i % 3]
    bad = render.render(kind(a, to=docs.block(b, short=i % 2 == 1)), ext, style)
    good = render.render(kind(a, to=docs.block(a, short=i % 2 == 1)), ext, style)
    c.pair(
        "address-block",
        f"wrong-envelope-{ext}-{style}",
        incident(ext, bad, [MM, MIX], f"letter addressed to {b.client_id} carries the pay details of {a.client_id}"),
        legit(ext, good, f"{a.client_id}'s own statement addressed to {a.client_id}"),
    )


def ab_same_name(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    names = w.tagged("same-name")
    a, b = names[(2 * i) % len(names)], names[(2 * i + 1) % len(names)]
    ext, style = FORMATS[(i + 2) % len(FORMATS)]
    bad = render.render(docs.payment_summary(a, to=docs.block(b)), ext, style)
    good = render.render(docs.payment_summary(a, to=docs.block(a)), ext, style)
    c.pair(
        "address-block",
        "same-name-other-dob",
        incident(ext, bad, [MM], f"same name as {a.client_id}; summary with {a.client_id}'s DOB sent to {b.client_id}"),
        legit(ext, good, f"summary of {a.client_id} addressed to {a.client_id}"),
    )


def ab_suppressed_delivery(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    exes = w.tagged("ex-partner")
    ex = exes[i % len(exes)]
    victim = w.by_id[ex.joint_with[0]]
    ext, style = FORMATS[(i * 3) % len(FORMATS)]

    def lease(to: list[str]) -> bytes:
        letter = Letter(
            heading=f"{world.PACKAGER[0]} with {world.BUREAU}",
            to_lines=to,
            ref=f"Novated lease account {ex.packaging_ref}",
            title="Novated lease - residual payment due",
            salutation=f"Dear {ex.title} {ex.family},",
            paragraphs=[
                "The novated lease on this account reaches its term on 30 June 2025. The residual of $14,620.00 "
                "must be paid or refinanced. Both lessees named on the account should contact us to arrange it.",
            ],
            signoff=["Kind regards,", "", "Novated Leasing", world.PACKAGER[0]],
        )
        return render.render(letter, ext, style)

    bad_to = [ex.formal, victim.address.line1, victim.address.locality]
    c.pair(
        "address-block",
        "suppressed-address-as-delivery",
        incident(
            ext,
            lease(bad_to),
            [SUP, MM],
            f"joint holder {ex.client_id} addressed at the suppressed address of {victim.client_id}",
            suppressed=True,
        ),
        legit(ext, lease(docs.block(ex)), f"joint lease letter to {ex.client_id} at his own address"),
    )


# -- recipient-own-details -------------------------------------------------------------------------------
def own_payslip_mail(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer=world.EMPLOYERS[(i + 1) % 4].key)
    c.pair(
        "recipient-own-details",
        "payslip-attachment",
        incident("eml", payslip_mail(c, [a.personal_email], [b], a), [MM], f"{b.client_id}'s payslip to {a.client_id}"),
        legit("eml", payslip_mail(c, [a.personal_email], [a], a), f"{a.client_id}'s own payslip"),
    )


def own_bank_change(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)

    def mail(to: Employee) -> bytes:
        body = (
            f"Hi {to.given},\n\nWe have updated your pay account as you asked. From {docs.PAY_DATE} your net pay "
            f"goes to:\n\n  BSB {a.bsb}\n  Account {a.account}\n  Employee No {a.empno}\n\n"
            "If you did not ask for this change, call us straight away on " + world.BUREAU_PHONE + ".\n\n"
            "Payroll Services\n" + world.BUREAU + "\n"
        )
        return c.mail(Mail(sender(), [to.personal_email], "Bank account details updated", body))

    c.pair(
        "recipient-own-details",
        "bank-account-confirmation",
        incident("eml", mail(b), [MM], f"bank change confirmation of {a.client_id} sent to {b.client_id}"),
        legit("eml", mail(a), f"{a.client_id}'s own bank change confirmation"),
    )


def own_work_email(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer="hosp" if i % 2 == 0 else "council")
    c.pair(
        "recipient-own-details",
        "payslip-to-colleague-work-address",
        incident(
            "eml",
            payslip_mail(c, [b.work_email], [a], b),
            [MM],
            f"{a.client_id}'s payslip to the work address of colleague {b.client_id} (employer domain)",
        ),
        legit("eml", payslip_mail(c, [a.work_email], [a], a), f"{a.client_id}'s payslip to own work address"),
    )


# -- relationships ---------------------------------------------------------------------------------------
def _rep_letter(e: Employee, rep: str, about: Employee, ext: str) -> bytes:
    letter = Letter(
        heading=docs.heading(about),
        to_lines=["Organiser / Representative", rep, ""] if ext == "eml" else [],
        ref=f"Member: {about.name}   Employee No {about.empno}",
        title="Back-pay calculation - classification review",
        salutation="Dear Representative,",
        paragraphs=[
            f"As requested on behalf of your member, we have recalculated pay for {about.name} "
            f"(Employee No {about.empno}) after the reclassification to {about.classification}.",
        ],
        table=[
            ["Period", "Paid", "Should have been", "Owed"],
            [
                "01/07/2024 - 09/03/2025",
                docs.money(about.annual * 0.68),
                docs.money(about.annual * 0.7),
                docs.money(about.annual * 0.02),
            ],
        ],
    )
    return render.pdf(letter, "plain")


def rel_union(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    reps = [e for e in w.employees if "union" in e.notes or "counsellor" in e.notes or "solicitor" in e.notes]
    a = reps[(i * 5) % len(reps)]
    b = w.pick(rng, 1, employer=a.employer.key, authorised=False)[0]
    rep = a.authorised[0]

    def mail(about: Employee) -> bytes:
        body = (
            f"Hello,\n\nAttached is the recalculation you asked for on behalf of your member. It is based on "
            f"employee number {about.empno}.\n\nRegards,\nDeductions and Adjustments\n{world.BUREAU}\n"
        )
        pdf = _rep_letter(a, rep, about, "pdf")
        return c.mail(
            Mail(
                sender("adjustments"),
                [rep],
                "Back-pay recalculation",
                body,
                attachments=[(f"Backpay_{about.empno}.pdf", pdf)],
            )
        )

    c.pair(
        "relationships",
        "representative-" + a.notes[-1],
        incident("eml", mail(b), [MM], f"representative of {a.client_id} sent the back pay of {b.client_id}"),
        legit("eml", mail(a), f"representative authorised by {a.client_id} gets {a.client_id}'s back pay"),
    )


def rel_ex_lawyer(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    victim = w.protected()[i % len(w.protected())]
    lawyer = f"reception@{world.EX_PARTNER_LAWYERS[1]}"
    bad_body = (
        "Dear Ms Harrow,\n\nFurther to your letter of 3 March (your ref HFL/2291), we confirm that "
        f"{victim.name} (employee number {victim.empno}) is employed by {victim.employer.name} and earns "
        f"{docs.money(victim.annual)} a year. Her current address on our records is {victim.address.one_line}.\n\n"
        f"Regards,\nPayroll Services\n{world.BUREAU}\n"
    )
    good_body = (
        "Dear Ms Harrow,\n\nFurther to your letter of 3 March (your ref HFL/2291): we cannot confirm whether any "
        "person is employed by an employer we serve, or give any details, without that person's written consent "
        "or a subpoena addressed to the employer.\n\n"
        f"Regards,\nPayroll Services\n{world.BUREAU}\n"
    )
    subj = "Your ref HFL/2291 - request for employment information"
    c.pair(
        "relationships",
        "ex-partner-lawyer",
        incident(
            "eml",
            c.mail(Mail(sender(), [lawyer], subj, bad_body)),
            [SUP, MM],
            f"ex-partner's lawyer told {victim.client_id}'s suppressed address and salary",
            suppressed=True,
        ),
        legit("eml", c.mail(Mail(sender(), [lawyer], subj, good_body)), "refusal without any employee details"),
    )


def rel_joint_phone(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    exes = w.tagged("ex-partner")
    ex = exes[i % len(exes)]
    victim = w.by_id[ex.joint_with[0]]
    phone = [victim.mobile, "+61 " + victim.mobile[1:], victim.mobile.replace(" ", "")][i % 3]

    def mail(extra: str) -> bytes:
        body = (
            f"Dear {ex.given},\n\nYour novated lease (account {ex.packaging_ref}) is held jointly. The residual "
            f"payment is due on 30 June 2025. {extra}\n\nNovated Leasing\n{world.PACKAGER[0]} with {world.BUREAU}\n"
        )
        return c.mail(Mail(sender("leasing"), [ex.personal_email], f"Lease {ex.packaging_ref}: residual due", body))

    c.pair(
        "relationships",
        "joint-holder-other-holders-phone",
        incident(
            "eml",
            mail(f"You may wish to discuss it with the co-lessee, {victim.given}, on {phone}."),
            [SUP],
            f"joint holder {ex.client_id} given suppressed phone of {victim.client_id}",
            suppressed=True,
        ),
        legit(
            "eml",
            mail("Each lessee can call us separately to discuss options."),
            f"joint lease notice to joint holder {ex.client_id}",
        ),
    )


def rel_couple(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    couples = w.tagged("couple")
    a = couples[(2 * i) % len(couples)]
    partner = w.by_id[a.joint_with[0]]
    other = w.pick(rng, 1, employer=a.employer.key)[0]

    def mail(about: Employee) -> bytes:
        body = (
            f"Dear {a.given},\n\nThe pay account ending {about.account[-4:]} (BSB {about.bsb}, account "
            f"{about.account}) was rejected by the bank this pay day. Both pay runs into this account were held. "
            "Please give us a current account by Friday.\n\nPayroll Services\n" + world.BUREAU + "\n"
        )
        return c.mail(Mail(sender(), [a.personal_email], "Pay account rejected by the bank", body))

    c.pair(
        "relationships",
        "joint-pay-account",
        incident("eml", mail(other), [MM], f"account of {other.client_id} sent to {a.client_id}"),
        legit(
            "eml", mail(partner), f"joint pay account of {partner.client_id} and {a.client_id} sent to {a.client_id}"
        ),
    )


# -- headers-links ---------------------------------------------------------------------------------------
def hl_cc(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    reps = [e for e in w.employees if e.authorised and not e.suppressed]
    a = reps[(i * 3 + 1) % len(reps)]
    b = w.pick(rng, 1)[0]
    c.pair(
        "headers-links",
        "cc-wrong-address",
        incident(
            "eml",
            payslip_mail(c, [a.personal_email], [a], a, cc=[b.personal_email]),
            [MM],
            f"{a.client_id}'s payslip with {b.client_id} in Cc",
        ),
        legit(
            "eml",
            payslip_mail(c, [a.personal_email], [a], a, cc=[a.authorised[0]]),
            f"{a.client_id}'s payslip with the authorised representative in Cc",
        ),
    )


def hl_bcc(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    personal = f"tkowalczyk.home@{world.PERSONAL_DOMAINS[i % 5]}"
    c.pair(
        "headers-links",
        "bcc-outside",
        incident(
            "eml",
            payslip_mail(c, [a.personal_email], [a], a, bcc=[personal]),
            [MM],
            f"{a.client_id}'s payslip blind-copied to a staff member's personal mailbox",
        ),
        legit(
            "eml",
            payslip_mail(c, [a.personal_email], [a], a, bcc=[f"payroll.archive@{world.BUREAU_DOMAIN}"]),
            f"{a.client_id}'s payslip blind-copied to the internal archive",
        ),
    )


def hl_display_name(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)
    c.pair(
        "headers-links",
        "display-name-autocomplete",
        incident(
            "eml",
            payslip_mail(c, [f'"{a.name}" <{b.personal_email}>'], [a], a),
            [MM],
            f"display name of {a.client_id}, address of {b.client_id}",
        ),
        legit("eml", payslip_mail(c, [f'"{a.name}" <{a.personal_email}>'], [a], a), f"{a.client_id} to own address"),
    )


def hl_link(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)

    def mail(login: Employee) -> bytes:
        link = f"https://myslips.{world.BUREAU_DOMAIN}/activate?login={login.personal_email}&emp={login.empno}"
        body = (
            f"Hi {a.given},\n\nYour online payslip account is ready. Activate it here:\n{link}\n\nLedgerline Payroll\n"
        )
        page = (
            f"<html><body><p>Hi {a.given},</p><p>Your online payslip account is ready.</p>"
            f'<p><a href="{link}">Activate my account</a></p></body></html>'
        )
        return c.mail(Mail(sender("noreply"), [a.personal_email], "Activate your payslip account", body, html=page))

    c.pair(
        "headers-links",
        "activation-link",
        incident("eml", mail(b), [MM], f"activation link carrying {b.client_id}'s login sent to {a.client_id}"),
        legit("eml", mail(a), f"activation link with {a.client_id}'s own login"),
    )


# -- suppressed-loose ------------------------------------------------------------------------------------
def _phone_forms(e: Employee, i: int) -> str:
    return [e.mobile, "+61 " + e.mobile[1:], e.mobile.replace(" ", ""), f"({e.mobile[:4]}) {e.mobile[5:]}"][i % 4]


def _address_forms(e: Employee, i: int) -> str:
    a = e.address
    return [a.one_line, f"{a.line1_short}\n{a.locality}", f"{a.line1_short}, {a.suburb} {a.postcode}"][i % 3]


def sl_employer_hr(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    victim = w.protected()[(i + 2) % len(w.protected())]
    officer = world.officer_email(victim.employer)

    def mail(contact: str) -> bytes:
        body = (
            f"Hi {victim.employer.payroll_officer[0].split()[0]},\n\nRe employee {victim.empno} "
            f"({victim.name}): the overtime for 1 and 2 March was not approved in the rostering system, so it "
            f"was not paid. Once the manager approves it we will pay it in an off-cycle run.\n\n{contact}\n\n"
            f"Thanks,\n{world.BUREAU_STAFF[i % 5][0]}\n{world.BUREAU}\n"
        )
        return c.mail(
            Mail(
                sender(world.BUREAU_STAFF[i % 5][1], world.BUREAU_STAFF[i % 5][0]),
                [officer],
                f"Unpaid overtime - employee {victim.empno}",
                body,
            )
        )

    c.pair(
        "suppressed-loose",
        "employer-hr-phone",
        incident(
            "eml",
            mail(f"If you need to reach her directly, her mobile is {_phone_forms(victim, i)}."),
            [SUP],
            f"suppressed phone of {victim.client_id} to the employer's payroll",
            suppressed=True,
        ),
        legit(
            "eml",
            mail("Please contact her only through our protected-employees team."),
            f"overtime query about {victim.client_id} to the employer, no suppressed detail",
        ),
    )


def sl_internal(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    victim = w.protected()[(i + 5) % len(w.protected())]
    colleague = world.staff_email(world.BUREAU_STAFF[i % 4][1])

    def mail(to: str) -> bytes:
        body = (
            f"Her new address for the payment summary reprint (employee {victim.empno}) is:\n\n"
            f"{_address_forms(victim, i)}\n\nPlease post it in a plain envelope, no employer logo.\n"
        )
        return c.mail(Mail(sender("g.yeo", "Grace Yeo"), [to], f"Reprint for {victim.empno}", body))

    c.pair(
        "suppressed-loose",
        "internal-not-on-list",
        incident(
            "eml",
            mail(colleague),
            [SUP],
            f"suppressed address of {victim.client_id} to internal staff not on the list",
            suppressed=True,
        ),
        legit("eml", mail(world.PROTECTED_TEAM[i % 2]), f"suppressed address of {victim.client_id} to the listed team"),
    )


def sl_garnishee(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    victim = w.protected()[(i + 7) % len(w.protected())]
    creditor, domain = world.CREDITORS[i % 2]
    to = [f"{creditor}", "Legal Recoveries", f"PO Box {310 + i}", "DANDENONG VIC 3175"]
    court = f"MC-2025-{4410 + i}"
    ext, style = FORMATS[(i * 2) % len(FORMATS)]
    bad = render.render(docs.garnishee(victim, to, creditor, True, court), ext, style)
    good_letter = docs.garnishee(victim, to, creditor, False, court)
    good_letter.paragraphs[0] = f"Re: garnishee order {court}"
    good = render.render(good_letter, ext, style)
    c.pair(
        "suppressed-loose",
        f"garnishee-to-creditor-{ext}",
        incident(ext, bad, [SUP, MM], f"creditor told suppressed address and phone of {victim.client_id}", True),
        legit(ext, good, "garnishee acknowledgement quoting only the court reference"),
    )


def sl_child_support(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    exes = w.tagged("ex-partner")
    ex = exes[i % len(exes)]
    victim = w.by_id[ex.joint_with[0]]
    ext, style = FORMATS[(i + 4) % len(FORMATS)]
    line = (
        f"Payments are for the benefit of the payee, {victim.name}, {_address_forms(victim, i).replace(chr(10), ', ')}."
    )
    c.pair(
        "suppressed-loose",
        "child-support-notice-to-payer",
        incident(
            ext,
            render.render(docs.child_support(ex, docs.block(ex), line), ext, style),
            [SUP],
            f"deduction notice to payer {ex.client_id} shows payee {victim.client_id}'s suppressed address",
            True,
        ),
        legit(
            ext,
            render.render(docs.child_support(ex, docs.block(ex)), ext, style),
            f"deduction notice to payer {ex.client_id}",
        ),
    )


# -- identifiers-dates -----------------------------------------------------------------------------------
def id_tfn_broker(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]

    def letter(to: list[str], tfn: bool) -> Letter:
        paras = [
            f"This is to confirm that {a.formal} (employee number {a.empno}) is employed by {a.employer.name} as "
            f"{a.classification} on a permanent full-time basis, at an annual rate of {docs.money(a.annual)}.",
        ]
        if tfn:
            paras.append(f"Tax file number: {ids.fmt_tfn(a.tfn) if i % 2 else a.tfn}.")
        return Letter(
            heading=docs.heading(a),
            to_lines=to,
            title="Confirmation of employment",
            salutation="To whom it may concern,",
            paragraphs=paras,
        )

    broker = f"applications@{world.BROKER[1]}"
    bad = c.mail(
        Mail(
            sender(),
            [broker],
            f"Employment confirmation - {a.name}",
            "Please see attached.\n",
            attachments=[("Employment_confirmation.pdf", render.pdf(letter([world.BROKER[0]], True)))],
        )
    )
    good = c.mail(
        Mail(
            sender(),
            [a.personal_email],
            "Your employment confirmation",
            "Please see attached.\n",
            attachments=[("Employment_confirmation.pdf", render.pdf(letter(docs.block(a), False)))],
        )
    )

    c.pair(
        "identifiers-dates",
        "tfn-to-broker",
        incident("eml", bad, [SENS, MM], f"TFN and salary of {a.client_id} sent to a mortgage broker"),
        legit("eml", good, f"employment confirmation to {a.client_id}, no TFN"),
    )


def id_tfn_home(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    staff_name, local = world.BUREAU_STAFF[(i + 1) % 5]

    def mail(to: str) -> bytes:
        body = (
            f"New starter for {a.employer.name} to set up:\n\nName: {a.name}\nDOB: {a.dob.strftime('%d/%m/%Y')}\n"
            f"TFN: {ids.fmt_tfn(a.tfn)}\nStart date: 17/03/2025\n"
        )
        return c.mail(Mail(sender(local, staff_name), [to], "TFN declaration - new starter", body))

    c.pair(
        "identifiers-dates",
        "tfn-declaration-forward",
        incident(
            "eml",
            mail(f"{local.replace('.', '')}@{world.PERSONAL_DOMAINS[i % 5]}"),
            [SENS, MM],
            f"TFN of {a.client_id} forwarded to a staff member's personal mailbox",
        ),
        legit(
            "eml", mail(world.staff_email("onboarding")), f"TFN of {a.client_id} sent to the internal onboarding team"
        ),
    )


def id_name_dob(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)
    dob = [a.dob.strftime("%-d %B %Y"), a.dob.strftime("%d/%m/%Y"), a.dob.isoformat(), a.dob.strftime("%d.%m.%y")][
        i % 4
    ]

    def mail(to: Employee) -> bytes:
        body = (
            f"Dear {to.given},\n\nWe are checking our records before the end of the financial year. We hold "
            f"the following for {a.title} {a.given} {a.family}, born {dob}. Reply only if something is wrong.\n\n"
            f"Payroll Services\n{world.BUREAU}\n"
        )
        return c.mail(Mail(sender(), [to.personal_email], "Please check your details", body))

    c.pair(
        "identifiers-dates",
        "name-and-date-of-birth",
        incident("eml", mail(b), [MM], f"name and DOB of {a.client_id} to {b.client_id}"),
        legit("eml", mail(a), f"{a.client_id}'s own name and DOB"),
    )


def id_medicare(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]

    def mail(to: str, number: str) -> bytes:
        body = (
            f"Salary continuance claim for {a.name}, employee {a.empno}.\nMedicare card: {number}\n"
            "Medical certificate attached separately.\n"
        )
        return c.mail(Mail(sender("d.hadjis", "Dmitri Hadjis"), [to], "Salary continuance claim", body))

    c.pair(
        "identifiers-dates",
        "medicare-number",
        incident(
            "eml",
            mail(f"dhadjis@{world.PERSONAL_DOMAINS[(i + 2) % 5]}", ids.fmt_medicare(a.medicare)),
            [SENS, MM],
            f"Medicare number of {a.client_id} to a personal mailbox",
        ),
        legit("eml", mail(world.staff_email("claims"), "sighted, on file"), f"claim for {a.client_id} sent internally"),
    )


# -- mime-parts ------------------------------------------------------------------------------------------
def mp_two_pdfs(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer=world.EMPLOYERS[i % 4].key)
    c.pair(
        "mime-parts",
        "second-employees-attachment",
        incident(
            "eml",
            payslip_mail(c, [a.personal_email], [a, b], a),
            [MM, MIX],
            f"payslips of {a.client_id} and {b.client_id} attached for {a.client_id}",
        ),
        legit("eml", payslip_mail(c, [a.personal_email], [a], a), f"{a.client_id}'s own payslip"),
    )


def mp_merged_pdf(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer=world.EMPLOYERS[(i + 2) % 4].key)
    own = Letter(
        heading=docs.heading(a),
        to_lines=[],
        title=f"Leave balances - {a.name} ({a.empno})",
        paragraphs=["Balances as at 09/03/2025."],
        table=[["Leave", "Hours"], ["Annual leave", "112.4"], ["Personal leave", "61.0"]],
    )
    first = docs.payslip(a)
    bad, good = docs.payslip(a), first
    bad.extra = [docs.payslip_sheet(b)]
    good.extra = [own]

    def mail(letter: Letter) -> bytes:
        body = (
            f"Dear {a.given},\n\nYour pay advice and leave statement are attached as one PDF.\n\nLedgerline Payroll\n"
        )
        return c.mail(
            Mail(
                sender(),
                [a.personal_email],
                "Pay advice and leave statement",
                body,
                attachments=[(f"PayPack_{a.empno}.pdf", render.pdf(letter))],
            )
        )

    c.pair(
        "mime-parts",
        "two-employees-in-one-pdf",
        incident("eml", mail(bad), [MIX, MM], f"{b.client_id}'s payslip printed into {a.client_id}'s pack"),
        legit("eml", mail(good), f"{a.client_id}'s pack with own leave page"),
    )


def mp_zip(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)

    def mail(stray: Employee) -> bytes:
        files = [(f"2025-0{m}_{a.empno}.pdf", render.pdf(docs.payslip(a, ref_style=m))) for m in (1, 2)]
        files.append((f"2025-03_{stray.empno}.pdf", render.pdf(docs.payslip(stray))))
        body = f"Dear {a.given},\n\nAs requested, your payslips for January to March are in the attached ZIP.\n"
        return c.mail(
            Mail(
                sender(),
                [a.personal_email],
                "Your payslips January-March 2025",
                body,
                attachments=[("payslips_2025Q1.zip", render.zip_of(files))],
            )
        )

    c.pair(
        "mime-parts",
        "zip-of-payslips",
        incident("eml", mail(b), [MM, MIX], f"ZIP for {a.client_id} holds a payslip of {b.client_id}"),
        legit("eml", mail(a), f"ZIP of {a.client_id}'s own payslips"),
    )


def mp_csv(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[i % 4]
    staff = w.pick(rng, 6, employer=emp.key)
    stray = w.pick(rng, 1, employer=world.EMPLOYERS[(i + 1) % 4].key)[0]

    def mail(rows: list[Employee]) -> bytes:
        body = f"Hi {emp.payroll_officer[0].split()[0]},\n\nLeave balances for your approvals this week attached.\n"
        data = render.csv_text(docs.report_rows(rows, "leave"))
        return c.mail(
            Mail(
                sender(),
                [world.officer_email(emp)],
                "Leave balances for approval",
                body,
                attachments=[("leave_balances.csv", data)],
            )
        )

    c.pair(
        "mime-parts",
        "csv-with-other-employers-staff",
        incident(
            "eml",
            mail(staff[:5] + [stray]),
            [MM],
            f"employer report lists {stray.client_id}, who works for another employer",
        ),
        legit("eml", mail(staff), "employer's own staff leave balances to its payroll officer"),
    )


def mp_ics(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer=world.EMPLOYERS[(i + 3) % 4].key)

    def mail(about: Employee) -> bytes:
        desc = (
            f"Exit interview for {about.name} (employee {about.empno}). "
            f"Final pay {docs.money(about.fortnightly_gross)} "
            f"and leave payout to BSB {about.bsb} account {about.account}. Bring your uniform and access card."
        )
        cal = render.ics(
            "Exit interview",
            desc,
            [(a.name, a.personal_email)],
            "20250321T140000",
            f"exit-{i}-{a.empno}",
            f"{a.employer.name}, People and Culture",
        )
        body = f"Dear {a.given},\n\nPlease accept the attached invitation for your exit interview.\n"
        return c.mail(
            Mail(
                sender("hr.services", "Ledgerline HR Services"),
                [a.personal_email],
                "Exit interview",
                body,
                attachments=[("invite.ics", cal)],
            )
        )

    c.pair(
        "mime-parts",
        "calendar-invitation",
        incident("eml", mail(b), [MM], f"invitation to {a.client_id} describes {b.client_id}'s final pay"),
        legit("eml", mail(a), f"invitation to {a.client_id} with own final pay"),
    )


def mp_forwarded(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)

    def mail(about: Employee) -> bytes:
        inner = payslip_mail(c, [about.personal_email], [about], about)
        body = f"Hi {a.given},\n\nForwarding the pay advice you said you had not received.\n\nLedgerline Payroll\n"
        return c.mail(Mail(sender(), [a.personal_email], "Fwd: Your pay advice", body, forwarded=inner))

    c.pair(
        "mime-parts",
        "forwarded-message",
        incident("eml", mail(b), [MM], f"forwarded pay advice of {b.client_id} sent to {a.client_id}"),
        legit("eml", mail(a), f"forwarded own pay advice of {a.client_id}"),
    )


# -- mail-merge (a merged PDF given to dlp scan) ---------------------------------------------------------
def mm_merged_scan(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    people = w.pick(rng, 6, employer=world.EMPLOYERS[i % 4].key)
    good = [docs.payment_summary(e) for e in people]
    bad = [docs.payment_summary(e) for e in people]
    bad[3] = docs.payment_summary(people[4], to=docs.block(people[3]))
    letters = [{"expect": "allow"} for _ in people]
    letters[3] = {"expect": "block", "rules": [MIX, MM]}
    c.pair(
        "mail-merge",
        "merged-pdf-scanned",
        Item(
            "pdf",
            render.pdf(bad),
            letters=letters,
            note=f"letter 4 addressed to {people[3].client_id} carries the summary of {people[4].client_id}",
        ),
        legit("pdf", render.pdf(good), "six payment summaries, each to its own employee"),
    )


# -- threads ---------------------------------------------------------------------------------------------
def th_reply_all(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer=world.EMPLOYERS[i % 4].key)
    staff_name, local = world.BUREAU_STAFF[i % 5]
    outlook = i % 2 == 1

    def quote(who: str, when: str, text: str) -> str:
        if outlook:
            return f"-----Original Message-----\nFrom: {who}\nSent: {when}\nSubject: pay query\n\n{text}"
        return f"On {when}, {who} wrote:\n" + "\n".join("> " + line for line in text.splitlines())

    def mail(leak: bool) -> bytes:
        mine = f"Hi, my penalty rates for the weekend of 1 March look short. Employee no {a.empno}.\n{a.name}"
        internal = (
            f"Same problem as {b.name} ({b.empno}) last month - her base is {docs.money(b.annual)} and we "
            f"posted the correction to {b.address.one_line}. Use the same fix for this one."
        )
        body = f"Hi {a.given},\n\nYou are right: we will pay the missing penalties next pay day.\n\n{staff_name}\n\n"
        if leak:  # a colleague's internal note, newest first, above the employee's own message
            body += quote(f"{world.BUREAU_STAFF[(i + 1) % 5][0]}", "Wed, 12 Mar 2025 at 10:02 am", internal) + "\n\n"
        body += quote(f"{a.name}", "Tue, 11 Mar 2025 at 8:14 am", mine)
        return c.mail(
            Mail(sender(local, staff_name), [a.personal_email, world.officer_email(a.employer)], "RE: pay query", body)
        )

    c.pair(
        "threads",
        "reply-all-" + ("outlook" if outlook else "gmail"),
        incident(
            "eml", mail(True), [MM, MIX], f"reply to {a.client_id} quotes a note on {b.client_id}'s pay and address"
        ),
        legit("eml", mail(False), f"reply to {a.client_id} quoting only {a.client_id}'s own query"),
    )


def th_garnishee_chain(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)

    def mail(about: Employee) -> bytes:
        body = (
            f"Dear {a.given},\n\nAs discussed, the deduction will stop once the balance reaches zero - see below.\n\n"
            "Deductions Officer\n\n-----Original Message-----\n"
            f"From: Deductions <deductions@{world.BUREAU_DOMAIN}>\nSent: Monday, 10 March 2025 3:12 PM\n"
            f"To: {world.officer_email(about.employer)}\nSubject: Garnishee balance\n\n"
            f"Employee {about.empno} ({about.name}): garnishee balance remaining {docs.money(1480.55)}, "
            f"pay account BSB {about.bsb} {about.account}.\n"
        )
        return c.mail(Mail(sender("deductions", "Deductions"), [a.personal_email], "RE: Garnishee balance", body))

    c.pair(
        "threads",
        "outlook-forward-chain",
        incident("eml", mail(b), [MM], f"chain sent to {a.client_id} holds {b.client_id}'s garnishee and account"),
        legit("eml", mail(a), f"chain sent to {a.client_id} about {a.client_id}'s own garnishee"),
    )


def th_suppressed(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    exes = w.tagged("ex-partner")
    ex = exes[i % len(exes)]
    victim = w.by_id[ex.joint_with[0]]

    def mail(trim: bool) -> bytes:
        body = (
            f"Hi {ex.given},\n\nThe lease paperwork ({ex.packaging_ref}) needs both signatures; we will post your "
            "copy to you.\n\nNovated Leasing\n"
        )
        if not trim:
            body += (
                f"\nOn Mon, 10 Mar 2025 at 4:40 pm, {victim.given} wrote:\n> Please send my copy to my new address, "
                f"{victim.address.one_line}.\n> Call me on {victim.mobile}, not the old number.\n"
            )
        return c.mail(Mail(sender("leasing"), [ex.personal_email], "Re: lease paperwork", body))

    c.pair(
        "threads",
        "reply-quotes-protected-holder",
        incident(
            "eml",
            mail(False),
            [SUP],
            f"reply to {ex.client_id} quotes {victim.client_id}'s suppressed details",
            suppressed=True,
        ),
        legit("eml", mail(True), f"reply to joint holder {ex.client_id} with the quote trimmed"),
    )


# -- html-mail -------------------------------------------------------------------------------------------
def hm_table(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2, employer=world.EMPLOYERS[(i + 1) % 4].key)

    def mail(about: Employee) -> bytes:
        page = (
            f"<html><body style='font-family:Arial'><h2>{about.employer.name}</h2><p>Hi {a.given},</p>"
            f"<p>Your pay for {docs.PERIOD} (employee {about.empno}):</p>"
            + render.html_table(docs.payslip_rows(about, masked=False))
            + "<p>Ledgerline Payroll</p></body></html>"
        )
        text = f"Hi {a.given},\nYour pay advice is in the HTML part of this message.\n"
        return c.mail(Mail(sender("noreply"), [a.personal_email], "Your pay this fortnight", text, html=page))

    c.pair(
        "html-mail",
        "payslip-table",
        incident("eml", mail(b), [MM], f"HTML pay table of {b.client_id} sent to {a.client_id}"),
        legit("eml", mail(a), f"HTML pay table of {a.client_id} to {a.client_id}"),
    )


def hm_hidden(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a, b = w.pick(rng, 2)

    def mail(about: Employee) -> bytes:
        page = (
            f"<html><body><p>Dear {a.given},</p><p>Your salary packaging statement is ready in the portal.</p>"
            f"<div style='display:none'>preheader: {about.name} {about.packaging_ref or about.empno} "
            f"{about.personal_email}</div><p>Packwise</p></body></html>"
        )
        return c.mail(
            Mail(sender("statements"), [a.personal_email], "Your packaging statement", "See HTML.", html=page)
        )

    c.pair(
        "html-mail",
        "hidden-preheader",
        incident("eml", mail(b), [MM], f"hidden preheader carries {b.client_id}'s email and reference"),
        legit("eml", mail(a), f"hidden preheader with {a.client_id}'s own details"),
    )


# -- bulk ------------------------------------------------------------------------------------------------
def bk_personal(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[i % 4]
    staff = [e for e in w.employees if e.employer.key == emp.key][:40]
    data = render.csv_text(docs.report_rows(staff, "pay"))
    name = f"{emp.prefix}_PayRegister_PE20250309.csv"

    def mail(to: str) -> bytes:
        body = f"Pay register for {emp.name}, period ending 09/03/2025, attached.\n"
        return c.mail(
            Mail(
                sender("t.kowalczyk", "Tom Kowalczyk"), [to], "Pay register PE 09/03", body, attachments=[(name, data)]
            )
        )

    c.pair(
        "bulk",
        "pay-register",
        incident(
            "eml",
            mail(f"tom.kowalczyk@{world.PERSONAL_DOMAINS[(i + 3) % 5]}"),
            [BULK, MM],
            f"pay register of 40 {emp.key} employees sent to a personal mailbox",
        ),
        legit("eml", mail(world.officer_email(emp)), f"pay register of 40 {emp.key} employees to its payroll officer"),
    )


def bk_wrong_employer(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp, wrong = world.EMPLOYERS[(i + 1) % 4], world.EMPLOYERS[(i + 2) % 4]
    staff = [e for e in w.employees if e.employer.key == emp.key][5:30]
    data = render.csv_text(docs.report_rows(staff, "pay"))

    def mail(to: world.Employer) -> bytes:
        return c.mail(
            Mail(
                sender(),
                [world.officer_email(to)],
                f"{emp.name} - pay run summary",
                "Pay run summary attached.\n",
                attachments=[("pay_run_summary.csv", data)],
            )
        )

    c.pair(
        "bulk",
        "report-to-wrong-employer",
        incident("eml", mail(wrong), [MM, BULK], f"{emp.key} pay register sent to the payroll of {wrong.key}"),
        legit("eml", mail(emp), f"{emp.key} pay register to its own payroll officer"),
    )


def bk_remittance(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[(i + 2) % 4]
    staff = [e for e in w.employees if e.employer.key == emp.key][:30]
    data = docs.aba_remittance(staff, emp)

    def mail(to: str) -> bytes:
        return c.mail(
            Mail(
                sender("payments", "Ledgerline Payments"),
                [to],
                f"Direct entry file {emp.prefix} 130325",
                "Direct entry file attached for processing on 13/03/2025.\n",
                attachments=[(f"{emp.prefix}130325.txt", data)],
            )
        )

    c.pair(
        "bulk",
        "bank-direct-entry-file",
        incident(
            "eml",
            mail(f"payments.ledgerline@{world.PERSONAL_DOMAINS[i % 5]}"),
            [BULK, MM],
            "bank file of 30 pay accounts sent to an outside mailbox",
        ),
        legit("eml", mail(f"directentry@{world.BANK[1]}"), "bank file of 30 pay accounts to the paying bank"),
    )


def bk_contacts(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[i % 4]
    staff = w.pick(rng, 25, employer=emp.key)

    def mail(to: str, kind: str) -> bytes:
        data = render.csv_text(docs.report_rows(staff, kind))
        return c.mail(
            Mail(
                sender("hr.services", "Ledgerline HR Services"),
                [to],
                "Staff list as requested",
                "List attached.\n",
                attachments=[("staff_list.csv", data)],
            )
        )

    c.pair(
        "bulk",
        "staff-contact-list",
        incident(
            "eml",
            mail(f"organiser.central@{emp.union}", "contacts"),
            [BULK, MM],
            f"home addresses, DOBs and mobiles of 25 {emp.key} staff sent to the union",
        ),
        legit("eml", mail(world.officer_email(emp), "leave"), f"leave balances of 25 {emp.key} staff to the employer"),
    )


# -- unmerged --------------------------------------------------------------------------------------------
PLACEHOLDERS = ["«Employee_Name»", "{{first_name}}", "<<Title>>", "[Surname]", "{ MERGEFIELD Pay_Date }", "«EmpNo»"]


def um_letter(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    ext, style = FORMATS[(i + 1) % len(FORMATS)]
    ph = PLACEHOLDERS[i % len(PLACEHOLDERS)]
    good = docs.packaging(a)
    bad = docs.packaging(a)
    bad.salutation = f"Dear {ph},"
    c.pair(
        "unmerged",
        f"letter-{ext}",
        incident(
            ext, render.render(bad, ext, style), [UNM], f"unmerged {ph.strip('«»{}<>[] ')} in letter to {a.client_id}"
        ),
        legit(ext, render.render(good, ext, style), f"merged letter to {a.client_id}"),
    )


def um_email(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    ph = PLACEHOLDERS[(i + 3) % len(PLACEHOLDERS)]

    def mail(name: str) -> bytes:
        body = (
            f"Dear {name},\n\nYour payment summary for 2023-24 is now available in the payslip portal. "
            "Log in with your employee number.\n\nLedgerline Payroll\n"
        )
        return c.mail(Mail(sender("noreply"), [a.personal_email], "Your payment summary is ready", body))

    c.pair(
        "unmerged",
        "email-greeting",
        incident("eml", mail(ph), [UNM], f"unmerged greeting in mail to {a.client_id}"),
        legit("eml", mail(a.given), f"merged greeting to {a.client_id}"),
    )


# -- unscannable -----------------------------------------------------------------------------------------
def us_encrypted(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    body = f"Dear {a.given},\n\nYour pay advice is attached. " + (
        "The password is your date of birth as DDMMYYYY.\n" if i % 2 == 0 else "\n"
    )
    locked = render.pdf(docs.payslip(a), password=a.dob.strftime("%d%m%Y"))
    plain = render.pdf(docs.payslip(a))

    def mail(data: bytes) -> bytes:
        return c.mail(Mail(sender(), [a.personal_email], "Pay advice", body, attachments=[(_pdf_name(a), data)]))

    c.pair(
        "unscannable",
        "encrypted-pdf-payslip",
        incident("eml", mail(locked), [UNS], f"password-protected payslip for {a.client_id} cannot be checked"),
        legit("eml", mail(plain), f"readable payslip for {a.client_id}"),
    )


def us_corrupt(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    if i % 2 == 0:
        name, good = _pdf_name(a, "Termination"), render.pdf(docs.termination(a))
        bad = good[: len(good) // 3]
    else:
        name, good = f"Termination_{a.empno}.docx", render.docx(docs.termination(a))
        bad = good[:200] + bytes(range(256)) * 4

    def mail(data: bytes) -> bytes:
        return c.mail(
            Mail(
                sender(),
                [a.personal_email],
                "Your termination statement",
                f"Dear {a.given},\n\nYour termination statement is attached.\n",
                attachments=[(name, data)],
            )
        )

    c.pair(
        "unscannable",
        "corrupt-attachment",
        incident("eml", mail(bad), [UNS], f"damaged statement for {a.client_id} cannot be read"),
        legit("eml", mail(good), f"readable statement for {a.client_id}"),
    )


def us_letter_file(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    good = render.pdf(docs.payslip(a))
    bad = render.pdf(docs.payslip(a), password="payroll2025") if i % 2 == 0 else good[: len(good) // 2]
    c.pair(
        "unscannable",
        "letter-file-" + ("encrypted" if i % 2 == 0 else "truncated"),
        incident("pdf", bad, [UNS], f"payslip letter for {a.client_id} cannot be read"),
        legit("pdf", good, f"readable payslip letter for {a.client_id}"),
    )


CASES = [
    (ab_wrong_block, 6),
    (ab_same_name, 2),
    (ab_suppressed_delivery, 2),
    (own_payslip_mail, 5),
    (own_bank_change, 3),
    (own_work_email, 2),
    (rel_union, 3),
    (rel_ex_lawyer, 2),
    (rel_joint_phone, 2),
    (rel_couple, 2),
    (hl_cc, 3),
    (hl_bcc, 2),
    (hl_display_name, 2),
    (hl_link, 1),
    (sl_employer_hr, 4),
    (sl_internal, 3),
    (sl_garnishee, 3),
    (sl_child_support, 2),
    (id_tfn_broker, 3),
    (id_tfn_home, 2),
    (id_name_dob, 3),
    (id_medicare, 1),
    (mp_two_pdfs, 3),
    (mp_merged_pdf, 3),
    (mp_zip, 2),
    (mp_csv, 2),
    (mp_ics, 2),
    (mp_forwarded, 1),
    (mm_merged_scan, 2),
    (th_reply_all, 4),
    (th_garnishee_chain, 3),
    (th_suppressed, 3),
    (hm_table, 3),
    (hm_hidden, 2),
    (bk_personal, 3),
    (bk_wrong_employer, 2),
    (bk_remittance, 2),
    (bk_contacts, 1),
    (um_letter, 5),
    (um_email, 3),
    (us_encrypted, 3),
    (us_corrupt, 2),
    (us_letter_file, 2),
]


def make(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    for func, base in CASES:
        for i in range(max(1, round(base * scale))):
            func(c, w, rng, i)
