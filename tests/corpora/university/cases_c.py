"""mime-parts, threads, html-mail."""

from __future__ import annotations

from tests.corpora.university import content as k
from tests.corpora.university import render as r
from tests.corpora.university import world as w
from tests.corpora.university.kit import Corpus
from tests.corpora.university.registry import Client

MR = ["mismatched_recipient"]
MRX = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed"]


def grad_ics(iid: str, s: Client, about: Client) -> bytes:
    return r.ics(
        f"grad-{iid}",
        "Graduation ceremony - Goulburn",
        "20261211T140000",
        "20261211T163000",
        "Goulburn Performing Arts Centre, 2 Bourke Street, Goulburn NSW 2580",
        f"Graduand: {about.given} {about.family}\nStudent number: {about.student_no}\n"
        f"Award: {about.course[0] if about.course else 'Bachelor of Business'}\nArrive 12.45 pm for gowning.",
        s.email,
        w.OFFICES["grad"][1],
    )


def mime_parts(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    # another student's transcript attached
    for _ in range(c.count(3)):
        a, b = c.pick(reg.plain(), 2)
        body = f"Dear {a.given},\n\nAs requested, your academic transcript is attached." + k.sig("exams")
        c.pair(
            "mime-parts/wrong-attachment",
            "eml",
            lambda iid, a=a, b=b, body=body: r.eml(
                iid,
                k.office("exams"),
                [k.to(a)],
                "Your transcript",
                body,
                attachments=[k.transcript(b, rng)],
                day=c.next_day(),
            ),
            lambda iid, a=a, body=body: r.eml(
                iid,
                k.office("exams"),
                [k.to(a)],
                "Your transcript",
                body,
                attachments=[k.transcript(a, rng)],
                day=c.next_day(),
            ),
            MR,
            f"transcript of {b.cid} attached to an email to {a.cid}",
            f"the student's own transcript to {a.cid}",
        )
    # a Word statement of another student
    for _ in range(c.count(1)):
        a, b = c.pick(reg.plain(), 2)
        body = f"Dear {a.given},\n\nYour statement of account is attached." + k.sig("fees")

        def att(s: Client) -> list:
            return [("statement.docx", r.CT["docx"], r.docx_letter(k.letter("fee_invoice", s, s.block(), rng)))]

        c.pair(
            "mime-parts/docx-attachment",
            "eml",
            lambda iid, a=a, b=b, body=body: r.eml(
                iid, k.office("fees"), [k.to(a)], "Statement of account", body, attachments=att(b), day=c.next_day()
            ),
            lambda iid, a=a, body=body: r.eml(
                iid, k.office("fees"), [k.to(a)], "Statement of account", body, attachments=att(a), day=c.next_day()
            ),
            MR,
            f"statement of {b.cid} attached for {a.cid}",
            f"own statement attached for {a.cid}",
        )
    # a graduation invitation whose event names another graduand
    for _ in range(c.count(1)):
        a, b = c.pick(reg.plain(), 2)
        text = (
            f"Dear {a.given},\n\nYour graduation invitation is attached. Please accept it to reserve your seat."
            + k.sig("grad")
        )
        c.pair(
            "mime-parts/calendar",
            "eml",
            lambda iid, a=a, b=b, t=text: r.eml(
                iid,
                k.office("grad"),
                [k.to(a)],
                "Graduation - 11 December 2026",
                t,
                calendar=grad_ics(iid, a, b),
                day=c.next_day(),
            ),
            lambda iid, a=a, t=text: r.eml(
                iid,
                k.office("grad"),
                [k.to(a)],
                "Graduation - 11 December 2026",
                t,
                calendar=grad_ics(iid, a, a),
                day=c.next_day(),
            ),
            MR,
            f"graduation invitation to {a.cid} carries the graduand details of {b.cid}",
            f"graduation invitation to {a.cid} with the own details",
        )
    # the residence statement attached for the guarantor shows the student's forwarding address
    hidden = reg.students("suppressed", "supp-guarantor")
    for s in c.pick(hidden, min(len(hidden), c.count(2))):
        g = reg.joint_holders(s)[0]

        def mk1(iid, s=s, g=g, leak=True):
            lines = [f"Residence contract {s.contract}", f"Resident: {s.given} {s.family}", "Vacated: 28 February 2026"]
            if leak:
                lines.append(f"Forwarding address: {s.address}")
            pdf = r.pdf_report(
                "Final residence statement",
                lines,
                [["Item", "Amount"], ["Bond", "$600.00"], ["Cleaning", "-$85.00"], ["Refund", "$515.00"]],
            )
            body = f"Dear {g.given},\n\nThe final statement for contract {s.contract} is attached." + k.sig("res")
            return r.eml(
                iid,
                k.office("res"),
                [k.to(g)],
                f"Final statement {s.contract}",
                body,
                attachments=[("final-statement.pdf", "application/pdf", pdf)],
                day=c.next_day(),
            )

        c.pair(
            "mime-parts/statement-forwarding",
            "eml",
            mk1,
            lambda iid, s=s, g=g: mk1(iid, s, g, False),
            SUP,
            f"statement to guarantor {g.cid} shows the suppressed address of {s.cid}",
            f"statement to guarantor {g.cid} without a forwarding address",
            suppressed=True,
        )
    # a results workbook of another student
    for _ in range(c.count(1)):
        a, b = c.pick(reg.plain(), 2)

        def wb(s: Client) -> list:
            rows = [["Student number", "Name", "Unit", "Grade"]] + [
                [s.student_no, s.name, u, rng.choice(w.GRADES[:4])] for u in k.units(s)
            ]
            return [("results.xlsx", r.CT["xlsx"], r.xlsx_bytes(rows))]

        body = "Hi,\n\nYour unit results export is attached as requested." + k.sig("exams")
        c.pair(
            "mime-parts/workbook",
            "eml",
            lambda iid, a=a, b=b, body=body: r.eml(
                iid, k.office("exams"), [k.to(a)], "Results export", body, attachments=wb(b), day=c.next_day()
            ),
            lambda iid, a=a, body=body: r.eml(
                iid, k.office("exams"), [k.to(a)], "Results export", body, attachments=wb(a), day=c.next_day()
            ),
            MR,
            f"results workbook of {b.cid} sent to {a.cid}",
            f"results workbook of {a.cid} sent to the student",
        )


def _quote(s: Client, text: str, when: str) -> str:
    who = f"{s.given} {s.family}" + ("" if "email" in s.suppressed else f" <{s.email}>")
    return f"\n\nOn {when}, {who} wrote:\n" + "\n".join("> " + x for x in text.splitlines())


def threads(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    # a reply to A quoting B's earlier request (the adviser replied in the wrong thread)
    for _ in range(c.count(3)):
        a, b = c.pick(reg.plain(), 2)

        def mk2(iid, a=a, q=None):
            q = q or a
            earlier = (
                "Hi, I need an enrolment variation for my course. My student number is "
                f"{q.student_no}.\nThanks, {q.given}"
            )
            text = (
                f"Hi {a.given},\n\nThe variation has been approved and your enrolment updated."
                + k.sig("central")
                + _quote(q, earlier, "Mon, 2 Mar 2026 at 10:14")
            )
            return r.eml(iid, k.office("central"), [k.to(a)], "Re: enrolment variation", text, day=c.next_day())

        c.pair(
            "threads/wrong-thread",
            "eml",
            lambda iid, a=a, b=b: mk2(iid, a, b),
            lambda iid, a=a: mk2(iid, a),
            MRX,
            f"reply to {a.cid} quotes the request of {b.cid}",
            f"reply to {a.cid} quoting the student's own request",
        )
    # a forward of a student's thread to a parent, or to the course coordinator
    for a in c.pick(reg.plain(), c.count(1)):
        parent = f"{a.family.lower()}.home@{rng.choice(w.PROVIDERS)}"
        earlier = (
            f"Dear Student Central, I failed {k.units(a)[0]} and want to apply for a "
            f"review of grade. Student no {a.student_no}. {a.given}"
        )
        fwd = (
            "Please see the student's request below.\n\n---------- Forwarded message ---------\n"
            + f"From: {a.name} <{a.email}>\nSubject: Review of grade\n\n{earlier}\n"
        )
        c.pair(
            "threads/forward",
            "eml",
            lambda iid, p=parent, f=fwd: r.eml(
                iid, k.office("central"), [p], "Fwd: Review of grade", f, day=c.next_day()
            ),
            lambda iid, f=fwd: r.eml(
                iid, k.office("central"), [w.staff_email(w.STAFF[1])], "Fwd: Review of grade", f, day=c.next_day()
            ),
            MR,
            f"request of adult student {a.cid} forwarded to a parent mailbox",
            f"request of {a.cid} forwarded to the course coordinator",
        )
    # the suppressed student's signature survives in the quoted history sent to the joint holder
    hidden = reg.students("suppressed", "supp-guarantor") + reg.students("suppressed", "supp-partner")
    for s in c.pick(hidden, min(len(hidden), c.count(2))):
        h = reg.joint_holders(s)[0]

        def mk3(iid, s=s, h=h, leak=True):
            earlier = f"Hi Residential Life, please end contract {s.contract} from 28 Feb. Thanks, {s.given}"
            if leak:
                earlier += f"\n--\n{s.given} {s.family}\nM {s.phone}\n{s.street}, {s.town}"
            text = (
                f"Dear {h.given},\n\nAs the other holder of contract {s.contract}, please note "
                "the request below has been processed." + k.sig("res")
            )
            return r.eml(
                iid,
                k.office("res"),
                [k.to(h)],
                f"Fwd: contract {s.contract}",
                text + _quote(s, earlier, "Fri, 27 Feb 2026 at 16:02"),
                day=c.next_day(),
            )

        c.pair(
            "threads/quoted-signature",
            "eml",
            mk3,
            lambda iid, s=s, h=h: mk3(iid, s, h, False),
            SUP,
            f"quoted signature of {s.cid} with new phone and address forwarded to joint holder {h.cid}",
            f"quoted request of {s.cid} without signature to joint holder {h.cid}",
            suppressed=True,
        )


def html_mail(c: Corpus) -> None:
    reg = c.reg
    for i in range(c.count(2)):
        a, b = c.pick(reg.plain(), 2)

        def mk4(iid, a=a, hidden=""):
            html = (
                f"<html><body><p>Dear {a.given},</p><p>Your {w.SEMESTER} timetable is now available in MyUSR.</p>"
                f"<table><tr><td>Student number</td><td>{a.student_no}</td></tr></table>{hidden}"
                f"<p>Student Central<br>{w.NAME}<br>{w.campus_address(w.CAMPUSES[0])}</p></body></html>"
            )
            return r.eml(
                iid,
                k.office("central"),
                [k.to(a)],
                "Your timetable",
                f"Dear {a.given}, your timetable is in MyUSR.",
                html=html,
                day=c.next_day(),
            )

        leak = (
            f"<div style='display:none'>{b.name} {b.student_no} {b.phone}</div>"
            if i % 2 == 0
            else f"<img src='cid:banner' alt='Timetable for {b.name}, {b.student_no}'>"
        )
        c.pair(
            "html-mail/hidden-text",
            "eml",
            lambda iid, a=a, lk=leak: mk4(iid, a, lk),
            lambda iid, a=a: mk4(iid, a),
            MRX,
            f"timetable email to {a.cid} hides the details of {b.cid}",
            f"timetable email to {a.cid} with own details",
        )
    for a in c.pick(reg.plain(), c.count(1)):
        b = c.pick(reg.plain(), 1, exclude={a.cid})[0]

        def mk5(iid, a=a, rows=(a,)):
            trs = "".join(
                f"<tr><td>{s.student_no}</td><td>{s.name}</td><td>{k.units(s)[0]}</td><td>D</td></tr>" for s in rows
            )
            html = f"<p>Hi {a.given},</p><p>Your result:</p><table>{trs}</table><p>Examinations and Results</p>"
            return r.eml(iid, k.office("exams"), [k.to(a)], "Result released", html=html, day=c.next_day())

        c.pair(
            "html-mail/results-table",
            "eml",
            lambda iid, a=a, b=b: mk5(iid, a, (a, b)),
            lambda iid, a=a: mk5(iid, a),
            MRX,
            f"results table to {a.cid} has a row of {b.cid}",
            f"results table to {a.cid} with the own row",
        )
    hidden = reg.students("suppressed", "supp-guarantor")
    for s in c.pick(hidden, min(len(hidden), c.count(1))):
        g = reg.joint_holders(s)[0]

        def mk6(iid, s=s, g=g, leak=True):
            comment = f"<!-- resident forwarding: {s.address}, {s.phone} -->" if leak else "<!-- template v3 -->"
            html = (
                f"<p>Dear {g.given},</p><p>Contract {s.contract} has closed and the bond "
                f"refund is on its way.</p>{comment}<p>Residential Life</p>"
            )
            return r.eml(iid, k.office("res"), [k.to(g)], f"Contract {s.contract} closed", html=html, day=c.next_day())

        c.pair(
            "html-mail/comment",
            "eml",
            mk6,
            lambda iid, s=s, g=g: mk6(iid, s, g, False),
            SUP,
            f"HTML comment holds the suppressed address of {s.cid}, sent to guarantor {g.cid}",
            f"contract closure to guarantor {g.cid} with a plain comment",
            suppressed=True,
        )
