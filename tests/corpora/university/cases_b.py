"""headers-links, suppressed-loose, identifiers-dates."""

from __future__ import annotations

import datetime as dt

from tests.corpora.university import content as k
from tests.corpora.university import render as r
from tests.corpora.university import world as w
from tests.corpora.university.kit import Corpus
from tests.corpora.university.registry import Client

MR = ["mismatched_recipient"]
MRX = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed"]
SI = ["sensitive_identifier"]


def headers_links(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    # another student's number in the subject line
    for _ in range(c.count(2)):
        a, b = c.pick(reg.plain(), 2)

        def mk1(iid, a=a, subj_no=None):
            body = k.email_body("fee_invoice", a, f"Hi {a.given},", detail=False) + k.sig("fees")
            return r.eml(
                iid,
                k.office("fees"),
                [k.to(a)],
                f"Fee invoice {subj_no or a.student_no} - {w.SEMESTER}",
                body,
                day=c.next_day(),
            )

        c.pair(
            "headers-links/subject",
            "eml",
            lambda iid, a=a, b=b: mk1(iid, a, b.student_no),
            lambda iid, a=a: mk1(iid, a),
            MRX,
            f"fee email to {a.cid} with the student number of {b.cid} in its subject",
            f"fee email to {a.cid} with the own number in the subject",
        )
    # a payment link carrying another student's number
    for _ in range(c.count(1)):
        a, b = c.pick(reg.plain(), 2)

        def mk2(iid, a=a, link=None):
            html = (
                f"<p>Hi {a.given},</p><p>Your {w.SEMESTER} invoice is ready. "
                f"<a href='https://pay.{w.INTERNAL}/fees?student={link or a.student_no}'>Pay "
                "your invoice online</a></p>"
                f"<p>Student Fees<br>{w.NAME}</p>"
            )
            return r.eml(iid, k.office("fees"), [k.to(a)], "Your invoice is ready", html=html, day=c.next_day())

        c.pair(
            "headers-links/link-target",
            "eml",
            lambda iid, a=a, b=b: mk2(iid, a, b.student_no),
            lambda iid, a=a: mk2(iid, a),
            MRX,
            f"invoice email to {a.cid} links to the account of {b.cid}",
            f"invoice email to {a.cid} links to the own account",
        )
    # autocomplete: the right name shown, another student's mailbox
    for _ in range(c.count(2)):
        a, b = c.pick(reg.plain(), 2)
        body = k.email_body("special_consideration", a, f"Dear {a.given},") + k.sig("exams")
        c.pair(
            "headers-links/display-name",
            "eml",
            lambda iid, a=a, b=b, body=body: r.eml(
                iid,
                k.office("exams"),
                [f"{a.name} <{b.email}>"],
                "Special consideration outcome",
                body,
                day=c.next_day(),
            ),
            lambda iid, a=a, body=body: r.eml(
                iid, k.office("exams"), [k.to(a)], "Special consideration outcome", body, day=c.next_day()
            ),
            MR,
            f"outcome for {a.cid} addressed by display name to the mailbox of {b.cid}",
            f"outcome for {a.cid} to the student's own mailbox",
        )
    # a misconduct letter copied to another student (the one the work was copied from) instead of the lecturer
    for _ in range(c.count(1)):
        a, b = c.pick(reg.plain(), 2)
        lect = w.STAFF[c.rng.randrange(len(w.STAFF))]
        body = k.email_body("misconduct", a, f"Dear {a.given},") + k.sig("integrity")
        att = [k.letter_pdf_attachment("misconduct", a, rng)]
        c.pair(
            "headers-links/cc",
            "eml",
            lambda iid, a=a, b=b, body=body, att=att: r.eml(
                iid,
                k.office("integrity"),
                [k.to(a)],
                "Academic integrity matter",
                body,
                cc=[k.to(b)],
                attachments=att,
                day=c.next_day(),
            ),
            lambda iid, a=a, body=body, att=att, lect=lect: r.eml(
                iid,
                k.office("integrity"),
                [k.to(a)],
                "Academic integrity matter",
                body,
                cc=[w.staff_email(lect)],
                attachments=att,
                day=c.next_day(),
            ),
            MR,
            f"misconduct letter of {a.cid} copied to student {b.cid}",
            f"misconduct letter of {a.cid} copied to the unit coordinator",
        )


def _hidden(reg) -> list[Client]:
    return reg.students("suppressed", "supp-guarantor") + reg.students("suppressed", "supp-partner")


def suppressed_loose(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    hidden = _hidden(reg)

    def to_holder(iid, s: Client, h: Client, extra: str, office_key: str = "res") -> bytes:
        text = (
            f"Dear {h.given},\n\nThank you for your call about contract {s.contract}. {s.given} "
            "has finished her residence "
            f"agreement and her room has been cleared. {extra}The bond refund will be paid to "
            "the account on the contract."
        )
        return r.eml(
            iid,
            k.office(office_key),
            [k.to(h)],
            f"Re: contract {s.contract}",
            text + k.sig(office_key),
            day=c.next_day(),
        )

    loose = [
        lambda s: f"She has moved to {s.town} and asked that we write to her there. ",
        lambda s: f"She's now in {s.street.split(' ', 1)[1]}, {s.town}. ",
        lambda s: f"Her mobile is now +61 {s.phone[1:4]} {s.phone[5:8]} {s.phone[9:]}. ",
        lambda s: f"Any mail can go to {s.street.lower()} {s.town.lower()}. ",
        lambda s: f"For anything urgent her new number is {s.phone.replace(' ', '')}. ",
    ]
    for i, s in enumerate(c.pick(hidden, min(len(hidden), c.count(5)))):
        h = reg.joint_holders(s)[0]
        extra = loose[i % len(loose)](s)
        c.pair(
            "suppressed-loose/to-joint-holder",
            "eml",
            lambda iid, s=s, h=h, e=extra: to_holder(iid, s, h, e),
            lambda iid, s=s, h=h: to_holder(
                iid, s, h, "She will collect her post from the Goulburn campus Student Central desk. "
            ),
            SUP,
            f"reply to joint holder {h.cid} gives part of the suppressed address or phone of {s.cid}",
            f"reply to joint holder {h.cid} pointing to the campus desk",
            suppressed=True,
        )
    # suppressed email given to the joint holder
    with_mail = [s for s in hidden if "email" in s.suppressed]
    for s in with_mail[: c.count(1)]:
        h = reg.joint_holders(s)[0]
        c.pair(
            "suppressed-loose/email-address",
            "eml",
            lambda iid, s=s, h=h: to_holder(iid, s, h, f"You can write to her at {s.emails[1]}. "),
            lambda iid, s=s, h=h: to_holder(iid, s, h, "You can leave a message for her with Student Central. "),
            SUP,
            f"suppressed private email of {s.cid} given to joint holder {h.cid}",
            f"message to joint holder {h.cid} without any contact detail of {s.cid}",
            suppressed=True,
        )
    # internal: exams office (not on the list) vs the Safer Community team (on it)
    everyone_hidden = reg.students("suppressed")
    for s in c.pick(everyone_hidden, c.count(2)):
        text = (
            f"Hi,\n\nFor the deferred exam of {s.given} {s.family} ({s.student_no}): please post the paper to "
            f"{s.street}, {s.town} NSW {s.postcode}, or call her on {s.phone}." + k.sig("access")
        )
        c.pair(
            "suppressed-loose/internal",
            "eml",
            lambda iid, t=text: r.eml(
                iid, k.office("access"), [w.OFFICES["exams"][1]], "Deferred exam arrangements", t, day=c.next_day()
            ),
            lambda iid, t=text: r.eml(
                iid, k.office("access"), [w.SAFER], "Deferred exam arrangements", t, day=c.next_day()
            ),
            SUP,
            f"suppressed address and phone of {s.cid} to an internal office not cleared to see them",
            "the same arrangements to the Safer Community team, cleared to see them",
            suppressed=True,
        )
    # the student ombudsman (approved) may hear the complaint, never the address
    for s in c.pick(everyone_hidden, c.count(1)):

        def mk3(_, s=s, leak=True):
            L = k.letter(
                "special_consideration",
                s,
                [
                    w.OMBUDSMAN[0],
                    "Attention: Higher Education Complaints",
                    "Level 24, 580 George Street",
                    "SYDNEY NSW 2000",
                ],
                rng,
                dear="Dear Investigator,",
            )
            L.heading = f"Complaint by {s.given} {s.family} - university response"
            L.paras = [
                f"We refer to the complaint by our student {s.given} {s.family} (student number "
                f"{s.student_no}) about her deferred examination."
            ]
            if leak:
                L.paras.append(f"Ms {s.family} now lives at {s.address} and the deferred paper was posted there.")
            L.paras.append("The University has since refunded the late fee and apologised.")
            return r.pdf_letter(L)

        c.pair(
            "suppressed-loose/approved-party",
            "pdf",
            mk3,
            lambda _, s=s: mk3(_, s, False),
            SUP,
            f"response to the ombudsman gives the suppressed address of {s.cid}",
            f"response to the ombudsman about {s.cid} without it",
            suppressed=True,
        )
    # a person the university does not know asks where she is
    alone = reg.students("suppressed", "supp-alone")
    for s in c.pick(alone, min(len(alone), c.count(2))):
        asker = f"friend.of.{s.given.lower()}@{rng.choice(w.PROVIDERS)}"

        def mk4(iid, s=s, asker=asker, leak=True):
            line = (
                f"{s.given}'s address on our system is {s.street}, {s.town}."
                if leak
                else "We cannot give out any student's contact details."
            )
            text = (
                f"Hello,\n\nThank you for your enquiry about {s.given}. {line} We will pass your message on."
                + k.sig("central")
            )
            return r.eml(iid, k.office("central"), [asker], "Re: trying to contact a student", text, day=c.next_day())

        c.pair(
            "suppressed-loose/enquirer",
            "eml",
            mk4,
            lambda iid, s=s: mk4(iid, s, leak=False),
            ["suppressed_detail_exposed", "mismatched_recipient"],
            f"enquirer told the suppressed address of {s.cid}",
            f"enquirer told nothing about {s.cid}",
            suppressed=True,
        )


def identifiers_dates(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    # a TFN in a stipend email to the sponsor
    sponsored = reg.students("sponsored")
    for s in c.pick(sponsored, c.count(2)):
        t = w.tfn(rng)

        def mk5(iid, s=s, tfn=""):
            extra = (
                f" Tax file number on her declaration: {tfn}."
                if tfn
                else " Her tax file number declaration is held by our payroll team."
            )
            text = (
                f"Dear {s.sponsor[0]},\n\nStipend payments for {s.given} {s.family} ({s.schol}) start on 16 March 2026 "
                f"at $1,250 a fortnight.{extra}" + k.sig("schol")
            )
            return r.eml(iid, k.office("schol"), [s.sponsor[1]], f"Stipend {s.schol}", text, day=c.next_day())

        c.pair(
            "identifiers-dates/tfn",
            "eml",
            lambda iid, s=s, t=t: mk5(iid, s, t),
            lambda iid, s=s: mk5(iid, s),
            SI,
            f"sponsor of {s.cid} sent the student's tax file number",
            f"sponsor of {s.cid} told the stipend without the TFN",
        )
    # a TFN on a letter posted to the employer sponsor
    for s in c.pick([x for x in sponsored if x.sponsor == w.SPONSORS[1]], c.count(1)):
        t = w.tfn(rng)
        block = ["The Apprentice Coordinator", w.SPONSORS[1][0], "14 Sharp Street", "COOMA NSW 2630"]

        def mk6(_, s=s, t=t, show=True, block=block):
            L = k.letter("enrolment", s, block, rng, dear="Dear Apprentice Coordinator,")
            L.paras.append(
                f"Employee TFN for the fee-help offset: {t}."
                if show
                else "The student's TFN has been given to the ATO directly."
            )
            return r.pdf_letter(L)

        c.pair(
            "identifiers-dates/tfn-letter",
            "pdf",
            mk6,
            lambda _, s=s, t=t, b=block: mk6(_, s, t, False, b),
            SI,
            f"letter to the employer of {s.cid} carries the student's TFN",
            "the same letter without the TFN",
        )
    # a passport number to another student's agent
    intl = reg.students("intl")
    for _ in range(c.count(1)):
        a = c.pick(intl, 1)[0]
        other = next(x for x in w.AGENTS if x != a.agent)
        pp = w.passport(rng)

        def mk7(iid, agent, pp_line, a=a):
            text = (
                f"Dear {agent[0]},\n\nThe CoE for {a.given} {a.family} ({a.student_no}) has been issued.{pp_line}"
                + k.sig("intl")
            )
            return r.eml(iid, k.office("intl"), [agent[1]], f"CoE issued - {a.family}", text, day=c.next_day())

        c.pair(
            "identifiers-dates/passport",
            "eml",
            lambda iid, o=other, pp=pp: mk7(iid, o, f" Passport number on file: {pp}."),
            lambda iid, a=a: mk7(iid, a.agent, ""),
            ["mismatched_recipient", "sensitive_identifier"],
            f"CoE and passport number of {a.cid} to another student's agent",
            f"CoE of {a.cid} to the student's own agent",
        )
    # namesakes: name and date of birth of the other one
    seen: set[str] = set()
    for a in reg.students("namesake"):
        if len(seen) >= 2 * c.count(2):
            break
        other = reg.by_id[next(t.split(":")[1] for t in a.tags if t.startswith("twin:"))]
        if a.cid in seen or other.cid in seen:
            continue
        seen |= {a.cid, other.cid}

        def mk8(_, a=a, dob=None):
            d = dt.date.fromisoformat(dob or a.dob)
            L = k.letter("special_consideration", a, a.block(), rng)
            L.refs = [f"Student: {a.given} {a.family}", f"Date of birth: {d.day} {d.strftime('%B %Y')}"]
            return r.txt_letter(L)

        c.pair(
            "identifiers-dates/namesake-dob",
            "txt",
            lambda _, a=a, o=other: mk8(_, a, o.dob),
            lambda _, a=a: mk8(_, a),
            MR,
            f"letter to {a.cid} identifies namesake {other.cid} by date of birth",
            f"letter to {a.cid} with the own date of birth",
        )
    # a case note about another student, by name and date of birth
    for _ in range(c.count(2)):
        a, b = c.pick(reg.plain(), 2)

        def mk9(iid, a=a, who=None):
            who = who or a
            d = dt.date.fromisoformat(who.dob)
            text = (
                f"Dear {a.given},\n\nYour supporting documents were received. Medical "
                f"certificate for {who.given} {who.family}, "
                f"D.O.B. {d.strftime('%d/%m/%Y')}, covering 3-10 June." + k.sig("exams")
            )
            return r.eml(iid, k.office("exams"), [k.to(a)], "Documents received", text, day=c.next_day())

        c.pair(
            "identifiers-dates/name-dob",
            "eml",
            lambda iid, a=a, b=b: mk9(iid, a, b),
            lambda iid, a=a: mk9(iid, a),
            MR,
            f"email to {a.cid} names {b.cid} with date of birth",
            f"email to {a.cid} with the own name and date of birth",
        )
