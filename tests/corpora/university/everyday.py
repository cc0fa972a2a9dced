"""Ordinary legitimate mail: what Student Administration sends all day. Every item is allowed."""

from __future__ import annotations

from tests.corpora.university import cases_c
from tests.corpora.university import content as k
from tests.corpora.university import render as r
from tests.corpora.university import world as w
from tests.corpora.university.cases_d import class_rows
from tests.corpora.university.kit import Corpus

CAT = "everyday"


def everyday(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    n = c.count(112)
    makers = [
        own_letter,
        own_email,
        own_letter,
        own_email,
        class_list,
        u18_parent,
        sponsor_own,
        agent_own,
        provider_own,
        guarantor_invoice,
        tac_single,
        ombudsman,
        graduation,
        suppressed_own_letter,
        safer_team,
        internal_note,
        sponsor_post,
        campus_news,
        couple_statement,
        own_letter,
        own_email,
        resident_room,
    ]
    for i in range(n):
        makers[i % len(makers)](c, reg, rng, i)


def own_letter(c, reg, rng, i):
    s = c.pick(reg.students(without=("suppressed",)), 1)[0]
    kind = k.KINDS[i % len(k.KINDS)]
    ext = k.EXTS[(i // 3) % len(k.EXTS)]
    formal = i % 2 == 0
    c.allow(
        f"{CAT}/letter-{kind}",
        ext,
        lambda _: r.render_letter(
            k.letter(
                kind,
                s,
                s.block(title=formal, upper_town=i % 4 != 1),
                rng,
                dear=f"Dear {s.title} {s.family}," if formal else None,
            ),
            ext,
        ),
        f"{kind} letter to {s.cid} at the registered address",
    )


def own_email(c, reg, rng, i):
    s = c.pick(reg.students(without=("suppressed",)), 1)[0]
    kind = list(k.EMAIL_SUBJECTS)[i % len(k.EMAIL_SUBJECTS)]
    off = {"results": "exams", "fee_invoice": "fees", "special_consideration": "exams", "misconduct": "integrity"}.get(
        kind, "central"
    )
    body = k.email_body(kind, s, f"Dear {s.given},") + k.sig(off, k.campus_of(s))
    att = [k.letter_pdf_attachment(kind, s, rng)] if i % 3 else []
    personal = len(s.emails) > 1 and i % 2 == 1
    c.allow(
        f"{CAT}/email-{kind}",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office(off),
            [k.to(s, personal)],
            k.EMAIL_SUBJECTS[kind].format(sem=w.SEMESTER),
            body,
            attachments=att,
            day=c.next_day(),
        ),
        f"{kind} email to {s.cid} with the student's own details",
    )


def class_list(c, reg, rng, i):
    students = c.pick(reg.students(without=("suppressed",)), 28)
    lect = w.STAFF[i % len(w.STAFF)]
    data = r.csv_bytes(class_rows(students, rng)) if i % 2 else r.xlsx_bytes(class_rows(students, rng), "Class list")
    name, ctype = ("class-list.csv", "text/csv") if i % 2 else ("class-list.xlsx", r.CT["xlsx"])
    body = (
        f"Dear {lect[0]},\n\nYour class list for {w.SEMESTER} is attached. Please do not forward "
        "it outside the University." + k.sig("central")
    )
    c.allow(
        f"{CAT}/class-list",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("central"),
            [f"{lect[0]} <{w.staff_email(lect)}>"],
            "Class list",
            body,
            attachments=[(name, ctype, data)],
            day=c.next_day(),
        ),
        "class list of 28 students to internal teaching staff",
    )


def u18_parent(c, reg, rng, i):
    s = c.pick(reg.students("u18"), 1)[0]
    body = (
        f"Dear Parent/Guardian,\n\nAs {s.given} is under 18, we enclose a copy of the enrolment "
        f"confirmation for {s.given} {s.family} ({s.student_no})." + k.sig("central")
    )
    c.allow(
        f"{CAT}/parent-under-18",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("central"),
            [s.parent_email],
            f"Enrolment confirmation - {s.given}",
            body,
            cc=[k.to(s)],
            attachments=[k.letter_pdf_attachment("enrolment", s, rng)],
            day=c.next_day(),
        ),
        f"enrolment of under-18 student {s.cid} to the authorised parent, copied to the student",
    )


def sponsor_own(c, reg, rng, i):
    sp = w.SPONSORS[i % len(w.SPONSORS)]
    own = [s for s in reg.students("sponsored") if s.sponsor == sp]
    rows = [["Scholarship", "StudentID", "Name", "Unit", "Grade"]] + [
        [s.schol, s.student_no, s.name, k.units(s)[0], rng.choice(w.GRADES[:4])] for s in own
    ]
    body = f"Dear {sp[0]},\n\nResults for your {len(own)} sponsored students are attached." + k.sig("schol")
    c.allow(
        f"{CAT}/sponsor-results",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("schol"),
            [sp[1]],
            "Sponsored student results",
            body,
            attachments=[("results.xlsx", r.CT["xlsx"], r.xlsx_bytes(rows))],
            day=c.next_day(),
        ),
        "a sponsor receives the results of its own scholars",
    )


def agent_own(c, reg, rng, i):
    s = c.pick(reg.students("intl"), 1)[0]
    body = (
        f"Dear {s.agent[0]},\n\nYour student {s.given} {s.family} ({s.student_no}) has accepted "
        "the offer. The CoE will follow." + k.sig("intl")
    )
    c.allow(
        f"{CAT}/agent",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("intl"),
            [s.agent[1]],
            f"Acceptance - {s.family}",
            body,
            cc=[k.to(s)],
            attachments=[k.letter_pdf_attachment("offer", s, rng)],
            day=c.next_day(),
        ),
        f"offer acceptance of {s.cid} to the student's own agent",
    )


def provider_own(c, reg, rng, i):
    s = c.pick(reg.students("disability"), 1)[0]
    body = (
        f"Hello,\n\nThe access plan for {s.given} {s.family} ({s.student_no}) has been renewed for {w.SEMESTER}."
        + k.sig("access")
    )
    c.allow(
        f"{CAT}/disability-provider",
        "eml",
        lambda iid: r.eml(iid, k.office("access"), [s.provider[1]], "Access plan renewed", body, day=c.next_day()),
        f"access plan of {s.cid} to the student's own provider",
    )


def guarantor_invoice(c, reg, rng, i):
    s = c.pick([x for x in reg.students("resident") if "suppressed" not in x.tags], 1)[0]
    g = reg.joint_holders(s)[0]
    ext = ["pdf", "docx", "rtf"][i % 3]
    c.allow(
        f"{CAT}/guarantor-invoice",
        ext,
        lambda _: r.render_letter(
            k.accommodation_letter(s, g.block(title=True), f"Dear {g.title} {g.family},", rng), ext
        ),
        f"residence invoice of the joint contract to guarantor {g.cid}",
    )


def tac_single(c, reg, rng, i):
    s = c.pick(reg.students(without=("suppressed",)), 1)[0]
    body = (
        f"Hello,\n\nPlease update the offer status for applicant {s.given} {s.family}, DOB "
        f"{s.dob}: offer accepted, student number {s.student_no}." + k.sig("admissions")
    )
    c.allow(
        f"{CAT}/admissions-centre",
        "eml",
        lambda iid: r.eml(
            iid, k.office("admissions"), [f"offers@{w.TAC[1]}"], "Offer status update", body, day=c.next_day()
        ),
        f"offer status of {s.cid} to the admissions centre (approved)",
    )


def ombudsman(c, reg, rng, i):
    s = c.pick(reg.students(without=("suppressed",)), 1)[0]
    body = (
        f"Dear Investigator,\n\nWe refer to the complaint by {s.given} {s.family} (our student {s.student_no}). "
        "Our response and the student's file are attached." + k.sig("complaints")
    )
    c.allow(
        f"{CAT}/ombudsman",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("complaints"),
            [f"complaints@{w.OMBUDSMAN[1]}"],
            "Complaint response",
            body,
            attachments=[k.transcript(s, rng)],
            day=c.next_day(),
        ),
        f"complaint file of {s.cid} to the ombudsman (approved)",
    )


def graduation(c, reg, rng, i):
    s = c.pick(reg.students(without=("suppressed",)), 1)[0]
    text = f"Dear {s.given},\n\nYou are invited to graduate in Goulburn on 11 December 2026." + k.sig("grad")
    c.allow(
        f"{CAT}/graduation-invitation",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("grad"),
            [k.to(s)],
            "Graduation invitation",
            text,
            calendar=cases_c.grad_ics(iid, s, s),
            day=c.next_day(),
        ),
        f"graduation invitation to {s.cid}",
    )


def suppressed_own_letter(c, reg, rng, i):
    s = c.pick(reg.students("suppressed"), 1)[0]
    ext = ["pdf", "docx", "txt"][i % 3]
    kind = ["results", "fee_invoice", "enrolment"][i % 3]
    c.allow(
        f"{CAT}/suppressed-own",
        ext,
        lambda _: r.render_letter(k.letter(kind, s, s.block(), rng), ext),
        f"{kind} letter to suppressed student {s.cid} at her own (suppressed) address",
    )


def safer_team(c, reg, rng, i):
    s = c.pick(reg.students("suppressed"), 1)[0]
    body = (
        f"Hi team,\n\nSafety plan review for {s.given} {s.family} ({s.student_no}). Current "
        f"address {s.address}, mobile {s.phone}." + k.sig("central")
    )
    c.allow(
        f"{CAT}/safer-community",
        "eml",
        lambda iid: r.eml(
            iid, k.office("central"), [w.SAFER, w.SAFER_CASE], "Safety plan review", body, day=c.next_day()
        ),
        f"suppressed details of {s.cid} to the staff cleared to see them",
    )


def internal_note(c, reg, rng, i):
    s = c.pick(reg.students(without=("suppressed",)), 1)[0]
    body = (
        f"Hi {w.STAFF[1][0]},\n\n{s.given} {s.family} ({s.student_no}, mobile {s.phone}) has "
        "asked about credit for prior learning." + k.sig("central")
    )
    c.allow(
        f"{CAT}/internal",
        "eml",
        lambda iid: r.eml(
            iid, k.office("central"), [w.staff_email(w.STAFF[1])], "Credit enquiry", body, day=c.next_day()
        ),
        f"enquiry of {s.cid} passed to internal staff",
    )


def sponsor_post(c, reg, rng, i):
    sp = w.SPONSORS[i % len(w.SPONSORS)]
    s = c.pick([x for x in reg.students("sponsored") if x.sponsor == sp], 1)[0]
    street, rest = sp[2].split(", ")
    block = [
        "The Scholarships Officer",
        sp[0],
        street,
        rest.replace(rest.split(" NSW")[0], rest.split(" NSW")[0].upper()),
    ]
    L = k.letter("enrolment", s, block, rng, dear="Dear Scholarships Officer,")
    L.refs.append(f"Scholarship: {s.schol}")
    c.allow(
        f"{CAT}/sponsor-letter",
        "pdf",
        lambda _: r.pdf_letter(L),
        f"enrolment of scholar {s.cid} posted to the sponsor by name",
    )


def campus_news(c, reg, rng, i):
    s = c.pick(reg.students(without=("suppressed",)), 1)[0]
    camp = w.CAMPUSES[i % len(w.CAMPUSES)]
    html = (
        f"<p>Hi {s.given},</p><p>The {camp[0]} campus library moves to winter hours from 1 June. Bega, Cooma, Yass and "
        f"Goulburn students can book study rooms online. Visit us at {w.campus_address(camp)} or call {camp[4]}.</p>"
    )
    c.allow(
        f"{CAT}/campus-news",
        "eml",
        lambda iid: r.eml(
            iid, k.office("library"), [k.to(s)], f"{camp[0]} campus library hours", html=html, day=c.next_day()
        ),
        f"campus news to {s.cid} naming every campus town",
    )


def couple_statement(c, reg, rng, i):
    a = c.pick([x for x in reg.students("couple")], 1)[0]
    b = reg.joint_holders(a)[0]
    block = [f"{a.name} and {b.name}", a.street, f"{a.town.upper()} NSW {a.postcode}"]
    c.allow(
        f"{CAT}/family-housing",
        "docx",
        lambda _: r.docx_letter(k.accommodation_letter(a, block, f"Dear {a.given} and {b.given},", rng)),
        f"family-housing statement to joint holders {a.cid} and {b.cid} at their shared address",
    )


def resident_room(c, reg, rng, i):
    s = c.pick(reg.students("inhall"), 1)[0]
    c.allow(
        f"{CAT}/resident-in-hall",
        "pdf",
        lambda _: r.pdf_letter(k.letter("library_fine", s, s.block(), rng)),
        f"library letter to resident {s.cid} at the room in hall",
    )
