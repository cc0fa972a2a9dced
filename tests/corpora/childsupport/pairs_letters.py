"""Incident/twin pairs on paper: address blocks, the recipient's own details, the other parent, identifiers."""

from __future__ import annotations

import random

from . import letters as L
from .corpus import Corpus
from .render_docs import render
from .render_mail import Mail, signature, to_eml
from .world import DOMAIN, FRC, NZ, World, fmt_dob, fmt_ref

FMTS = ["pdf", "pdf", "pdf", "docx", "rtf", "txt", "html"]
MR = ["mismatched_recipient"]
SUP = ["suppressed_detail_exposed"]


def _n(base: int, scale: float) -> int:
    return max(1, round(base * scale))


def address_block(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    plain = w.plain()
    for i in range(_n(4, scale)):
        a, b = rng.sample(plain, 2)
        fmt, key = FMTS[i % len(FMTS)], rng.random()

        def make(ident: str, inc: bool, a=a, b=b, fmt=fmt, key=key):
            r = random.Random(key)
            who = a.payer if r.random() < 0.6 else a.payee
            letter = L.any_letter(a, who, r)
            if inc:
                letter.to_lines = L.block(b.payee, random.Random(key))
            return render(letter, fmt), fmt

        c.pair(
            "address-block/wrong-client",
            make,
            MR + ["mixed_client_documents"],
            note=f"letter about {a.payer.cid}/{a.payee.cid} case addressed to {b.payee.cid}",
        )
    for i, (x, y) in enumerate(w.same_name_pairs()[: _n(4, scale)]):
        case_x = next(k for k in w.cases if k.payer is x)
        fmt, key = ["pdf", "docx", "pdf", "rtf"][i % 4], rng.random()

        def make(ident: str, inc: bool, x=x, y=y, case_x=case_x, fmt=fmt, key=key):
            r = random.Random(key)
            letter = L.any_letter(case_x, x, r, kind=r.choice(["collection", "statement", "assessment"]))
            if inc:
                letter.to_lines = [letter.to_lines[0], *y.address.lines()]
            return render(letter, fmt), fmt

        c.pair("address-block/same-name", make, MR, note=f"letter for {x.cid} sent to same-named {y.cid}'s address")
    for i in range(_n(3, scale)):
        case = rng.choice(plain)
        fmt, key = FMTS[(i + 2) % len(FMTS)], rng.random()

        def make(ident: str, inc: bool, case=case, fmt=fmt, key=key):
            r = random.Random(key)
            letter = L.assessment(case, case.payer, r)
            if inc:
                letter.to_lines = L.block(case.payee, random.Random(key))
            return render(letter, fmt), fmt

        c.pair(
            "address-block/other-parents-copy",
            make,
            MR,
            note=f"payer {case.payer.cid}'s own copy addressed to payee {case.payee.cid}",
        )
    for i, case in enumerate(w.victims()[: _n(4, scale)]):
        v = case.victim
        o = case.other(v)
        fmt, key = ["pdf", "docx", "pdf", "txt"][i % 4], rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, fmt=fmt, key=key):
            r = random.Random(key)
            letter = L.any_letter(case, o, r)
            if inc:
                letter.to_lines = L.block(o, random.Random(key), addr_of=v)
            return render(letter, fmt), fmt

        c.pair(
            "address-block/suppressed-delivery",
            make,
            SUP + MR,
            suppressed=True,
            note=f"letter for {o.cid} posted to the suppressed address of {v.cid}",
        )


def own_details(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    plain = w.plain()
    for i in range(_n(4, scale)):
        a, b = rng.sample(plain, 2)
        fmt, key = FMTS[i % len(FMTS)], rng.random()

        def make(ident: str, inc: bool, a=a, b=b, fmt=fmt, key=key):
            src = b.payer if inc else a.payer
            extra = ["Your contact details on our records:", [["Phone", "Email"], [src.phone, src.email]]]
            letter = L.change_ack(a, a.payer, random.Random(key), extra=extra)
            return render(letter, fmt), fmt

        c.pair(
            "recipient-own-details/details-on-file",
            make,
            MR + ["mixed_client_documents"],
            note=f"{a.payer.cid}'s letter lists contact details of {b.payer.cid}",
        )
    victims = [k for k in w.victims() if "email" in k.victim.suppressed]
    for _i, case in enumerate(victims[: _n(4, scale)]):
        v, o = case.victim, case.other(case.victim)
        key = rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            r = random.Random(key)
            text = (
                f"Dear {v.given},\n\nWe have updated your postal address to:\n\n"
                f"{L.suppressed_line(v, r, 'postal_address')}\n\nAs you asked, this address is protected and will "
                f"not be shown on anything we send to the other parent in case {fmt_ref(case.number, 0)}."
                + signature(r.choice(["Dana", "Kiri", "Sam", "Jo"]), "Safety and Support Team")
            )
            mail = Mail(
                f"Safety and Support <safety.support@{DOMAIN}>",
                [o.email if inc else v.email],
                "Your address has been updated",
                text,
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "recipient-own-details/confirmation-to-ex",
            make,
            SUP + MR,
            suppressed=True,
            note=f"confirmation of {v.cid}'s suppressed address sent to other parent {o.cid}",
        )


def relationships(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    for i, case in enumerate(w.victims()[4 : 4 + _n(4, scale)]):
        v, o = case.victim, case.other(case.victim)
        fmt, key = FMTS[i % len(FMTS)], rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, fmt=fmt, key=key):
            r = random.Random(key)
            extra = [
                f"The other parent's address for service is {L.suppressed_line(v, r, 'postal_address')}."
                if inc
                else "The other parent's contact details are protected and are not shown."
            ]
            return render(L.assessment(case, o, r, extra=extra), fmt), fmt

        c.pair(
            "relationships/other-parent-address",
            make,
            SUP + MR,
            suppressed=True,
            note=f"notice to {o.cid} shows suppressed address of {v.cid}",
        )
    for i, case in enumerate(w.plain()[10 : 10 + _n(2, scale)]):
        fmt, key = ["pdf", "docx"][i % 2], rng.random()

        def make(ident: str, inc: bool, case=case, fmt=fmt, key=key):
            r = random.Random(key)
            p = case.payee
            extra = [
                f"The other parent lives at {p.address.one_line()}."
                if inc
                else "We do not give out the other parent's address. Write to us and we will forward your letter."
            ]
            return render(L.assessment(case, case.payer, r, extra=extra), fmt), fmt

        c.pair(
            "relationships/other-parent-address",
            make,
            MR + ["mixed_client_documents"],
            note=f"notice to {case.payer.cid} shows address of {case.payee.cid}",
        )
    lawyered = [k for k in w.cases if k.payer_lawyer and k.payee_lawyer and not k.payer.suppressed]
    for case in lawyered[: _n(3, scale)]:
        key = rng.random()

        def make(ident: str, inc: bool, case=case, key=key):
            r = random.Random(key)
            p = case.payer
            letter = L.lawyer_letter(
                case,
                p,
                case.payer_lawyer,
                r,
                extra=[
                    f"Your client's customer reference is {fmt_ref(p.crn, 0)} and the address on our record is "
                    f"{p.address.one_line()}."
                ],
            )
            to = case.payee.contacts[0] if inc else p.contacts[-1]
            mail = Mail(
                f"Objections and Reviews <objections@{DOMAIN}>",
                [to],
                f"Case {case.number} - your client",
                "Please find our letter attached." + signature("M. Rossi", "Objections and Reviews"),
                attachments=[("letter.pdf", render(letter, "pdf"), "application/pdf")],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "relationships/other-sides-lawyer",
            make,
            MR,
            note=f"letter about {case.payer.cid} emailed to the lawyer of {case.payee.cid}",
        )
    employed = [k for k in w.cases if k.employer]
    for _i, case in enumerate(employed[: _n(3, scale)]):
        wrong = next(e for e in w.employers if e is not case.employer and e.payroll not in case.payer.contacts)
        key = rng.random()

        def make(ident: str, inc: bool, case=case, wrong=wrong, key=key):
            r = random.Random(key)
            letter = L.employer_notice(case, case.employer, r)
            to = wrong.payroll if inc else case.employer.payroll
            mail = Mail(
                f"Employer Services <employer.services@{DOMAIN}>",
                [to],
                "Notice to deduct child support",
                "Dear Payroll Officer,\n\nA deduction notice is attached."
                + signature("Employer Services", "Employer Services", "1300 555 031"),
                attachments=[("deduction-notice.pdf", render(letter, "pdf"), "application/pdf")],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "relationships/wrong-employer", make, MR, note=f"deduction notice for {case.payer.cid} to another employer"
        )
    for case in [k for k in w.victims() if k.victim is k.payee and "phone" in k.victim.suppressed][: _n(3, scale)]:
        key = rng.random()
        v, o = case.victim, case.payer

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            r = random.Random(key)
            phone = L.suppressed_line(v, r, "phone")
            text = (
                f"Hello,\n\nWe refer {o.name} (customer {fmt_ref(o.crn, 1)}, ph {o.phone}) and {v.name}"
                f"{f' (ph {phone})' if inc else ''} in case {case.number} for family dispute resolution about "
                f"care arrangements for {', '.join(n for n, _ in case.children)}.\n\nPlease note there is a "
                "family violence flag on this case: arrange separate sessions and contact the payee through us."
                + signature("R. Haddad", "Case Support")
            )
            mail = Mail(f"Case Support <case.support@{DOMAIN}>", [f"referrals@{FRC}"], "FDR referral", text)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "relationships/frc-referral",
            make,
            SUP,
            suppressed=True,
            note=f"referral to approved centre carries suppressed phone of {v.cid}",
        )
    for case in [k for k in w.victims() if "email" in k.victim.suppressed][4 : 4 + _n(3, scale)]:
        key = rng.random()
        v, o = case.victim, case.other(case.victim)

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            from datetime import datetime, timedelta, timezone

            from .render_mail import ics

            start = datetime(2025, 4, 8 + int(key * 10), 10, 0, tzinfo=timezone(timedelta(hours=10)))
            att = [(o.name, o.email), ("Mediator", f"mediation@{DOMAIN}")] + ([(v.name, v.email)] if inc else [])
            cal = ics(
                f"med-{case.number}",
                "Child support mediation (shuttle)",
                start,
                90,
                "Level 3, 200 Collins Street, Melbourne VIC 3000",
                f"Case {case.number}. Separate rooms have been booked.",
                f"mediation@{DOMAIN}",
                att,
            )
            mail = Mail(
                f"SCCSA Mediation <mediation@{DOMAIN}>",
                [o.email] + ([v.email] if inc else []),
                "Invitation: Child support mediation",
                "You are invited to a mediation session.",
                calendar=cal,
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "relationships/joint-invitation",
            make,
            SUP + MR,
            suppressed=True,
            note=f"invitation to {o.cid} also addressed to {v.cid} whose email is suppressed",
        )
    for case in [k for k in w.victims() if k.victim is k.payee][: _n(2, scale)]:
        key = rng.random()
        v, o = case.victim, case.payer

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            r = random.Random(key)
            extra = [
                f"The payee resides at {L.suppressed_line(v, r, 'postal_address')}."
                if inc
                else "The payee resides in Australia; her address is protected."
            ]
            letter = L.lawyer_letter(case, o, ("Inland Revenue Child Support", NZ), r, extra=extra)
            mail = Mail(
                f"International Cases <international@{DOMAIN}>",
                [f"liaison@{NZ}"],
                f"Reciprocal case {case.number}",
                "Please see the attached case summary." + signature("T. Fonoti", "International Cases"),
                attachments=[("case-summary.pdf", render(letter, "pdf"), "application/pdf")],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "relationships/overseas-agency",
            make,
            SUP,
            suppressed=True,
            note=f"summary to reciprocating agency carries suppressed address of {v.cid}",
        )


def identifiers(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    from .ids import card, medicare, tfn

    for case in [k for k in w.cases if k.employer][3 : 3 + _n(3, scale)]:
        key = rng.random()

        def make(ident: str, inc: bool, case=case, key=key):
            r = random.Random(key)
            t = tfn(r)
            shown = f"{t[:3]} {t[3:6]} {t[6:]}" if inc else f"*** *** {t[6:]}"
            text = (
                f"Dear Payroll Officer,\n\nRe: {case.payer.name}, customer reference {fmt_ref(case.payer.crn, 0)}\n\n"
                f"To match our records to yours, the employee's tax file number on our file is {shown}.\n"
                "Please continue deductions at the current rate." + signature("P. Tanaka", "Employer Services")
            )
            mail = Mail(
                f"Employer Services <employer.services@{DOMAIN}>",
                [case.employer.payroll],
                "Employee identification",
                text,
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "identifiers-dates/tfn-to-employer",
            make,
            ["sensitive_identifier"],
            note=f"TFN of {case.payer.cid} sent to employer",
        )
    for case in [k for k in w.plain()][20 : 20 + _n(3, scale)]:
        key = rng.random()

        def make(ident: str, inc: bool, case=case, key=key):
            r = random.Random(key)
            n = card(r)
            shown = f"{n[:4]} {n[4:8]} {n[8:12]} {n[12:]}" if inc else f"XXXX XXXX XXXX {n[12:]}"
            text = (
                f"Dear {case.payer.given},\n\nThank you for your payment of ${r.randint(100, 900)}.00 today by "
                f"card {shown} (expiry 0{r.randint(1, 9)}/27). Receipt {r.randint(10**7, 10**8)}.\n"
                f"Customer reference {fmt_ref(case.payer.crn, 2)}." + signature("Payments", "Payments Team")
            )
            mail = Mail(f"Payments <payments@{DOMAIN}>", [case.payer.email], "Payment receipt", text)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "identifiers-dates/card-number",
            make,
            ["sensitive_identifier"],
            note=f"full card number in receipt to {case.payer.cid}",
        )
    for i, case in enumerate(w.plain()[25 : 25 + _n(2, scale)]):
        fmt, key = ["pdf", "docx"][i % 2], rng.random()

        def make(ident: str, inc: bool, case=case, fmt=fmt, key=key):
            r = random.Random(key)
            m = medicare(r)
            extra = [
                f"Medicare card of the other parent: {m[:4]} {m[4:9]} {m[9]}"
                if inc
                else "Both parents' Medicare enrolment of the children was confirmed."
            ]
            return render(L.assessment(case, case.payer, r, extra=extra), fmt), fmt

        c.pair(
            "identifiers-dates/medicare-of-other-parent",
            make,
            ["sensitive_identifier"],
            note=f"Medicare number of {case.payee.cid} in notice to {case.payer.cid}",
        )
    for i, (x, y) in enumerate(w.same_name_pairs()[: _n(3, scale)]):
        case_x = next(k for k in w.cases if k.payer is x)
        fmt, key = ["pdf", "txt", "docx"][i % 3], rng.random()

        def make(ident: str, inc: bool, x=x, y=y, case_x=case_x, fmt=fmt, key=key):
            r = random.Random(key)
            dob = fmt_dob((y if inc else x).dob, r.randrange(4))
            letter = L.estimate(case_x, x, r, extra=[f"Name: {x.name}   Date of birth: {dob}"])
            return render(letter, fmt), fmt

        c.pair(
            "identifiers-dates/same-name-dob",
            make,
            MR + ["mixed_client_documents"],
            note=f"letter to {x.cid} carries date of birth of same-named {y.cid}",
        )
    for case in w.plain()[30 : 30 + _n(2, scale)]:
        key = rng.random()

        def make(ident: str, inc: bool, case=case, key=key):
            r = random.Random(key)
            t = tfn(r)
            text = (
                f"Income data request\n\nCustomer: {case.payer.name}, born {fmt_dob(case.payer.dob, 0)}\n"
                f"TFN: {t[:3]} {t[3:6]} {t[6:]}\nPlease provide the 2023-24 taxable income."
                + signature("Data Exchange", "Income Data Exchange")
            )
            to = (
                f"familylaw@{case.payer_lawyer[1]}"
                if inc and case.payer_lawyer
                else ("records@unknown-tax-agent.example" if inc else f"dataexchange@{w_revenue()}")
            )
            mail = Mail(f"Income Data Exchange <dataexchange@{DOMAIN}>", [to], "Income data request", text)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "identifiers-dates/tfn-channel",
            make,
            ["sensitive_identifier"],
            note=f"TFN of {case.payer.cid} to a non-approved recipient; twin goes to the revenue office",
        )


def w_revenue() -> str:
    from .world import REVENUE

    return REVENUE


__all__ = ["address_block", "own_details", "relationships", "identifiers", "FRC"]
