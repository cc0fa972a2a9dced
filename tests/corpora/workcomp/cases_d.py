"""mime-parts: attachments, zip members and invitations carrying another worker's documents."""

from __future__ import annotations

from tests.corpora.workcomp import content as C
from tests.corpora.workcomp import render as R
from tests.corpora.workcomp import world as W
from tests.corpora.workcomp.kit import Kit

MIS = ["mismatched_recipient", "mixed_client_documents"]


# -- mime-parts -----------------------------------------------------------------------------------------------------
def mime_parts(k: Kit, i: int) -> None:
    v = i % 4
    a, b = k.two()
    s = k.staff()
    cat = "mime-parts/"
    sig = R.signature(s, a.office)
    if v == 0:

        def mail(c: W.Worker) -> bytes:
            return R.eml(
                s.email,
                [a.email],
                "IME report",
                f"Dear {a.given},\n\nThe IME report is attached." + sig,
                attachments=[("IME_report.pdf", "application/pdf", C.ime_report(c))],
                key=f"ime{i}{c.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "ime-report-attached",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"IME report of {b.cid} attached to an email to {a.cid}",
            f"{a.cid}'s own IME report",
        )
    elif v == 1:
        law = a.contact_parties.get("lawyer") or W.LAW_FIRMS[0]
        to = law.email if law.email in a.contacts else a.email

        def mail(c: W.Worker) -> bytes:
            return R.eml(
                s.email,
                [to],
                f"Certificate of capacity - {a.name}",
                f"Hello,\n\nThe latest certificate of capacity for {a.name} is attached." + sig,
                attachments=[
                    (
                        "Certificate.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        R.docx(C.piawe(c)),
                    )
                ],
                key=f"doc{i}{c.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "docx-attachment",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"PIAWE letter of {b.cid} attached to mail about {a.cid}",
            f"{a.cid}'s own PIAWE letter attached",
        )
    elif v == 2:

        def mail(c: W.Worker) -> bytes:
            z = R.zip_of([("01_certificate.pdf", C.coc_pdf(a)), ("02_decision.txt", R.txt(C.liability(c)))])
            return R.eml(
                s.email,
                [a.email],
                "Your documents",
                f"Dear {a.given},\n\nYour documents are attached." + sig,
                attachments=[("Documents.zip", "application/zip", z)],
                key=f"zip{i}{c.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "zip-member",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"zip to {a.cid} holds the decision letter of {b.cid}",
            f"zip of {a.cid}'s own documents",
        )
    else:

        def mail(c: W.Worker) -> bytes:
            inv = R.ics(
                f"cc-{i}-{c.cid}",
                f"Case conference - {c.name} - claim {c.claim}",
                f"RTW case conference for {c.name}. Agenda: suitable duties, hours.",
                f"{a.employer.name}, {a.employer.street}, {a.employer.locality}",
                s.email,
                [a.employer.rtw, s.email],
            )
            return R.eml(
                s.email,
                [a.employer.rtw],
                f"Case conference - {a.given}",
                f"Hi,\n\nInvitation for the case conference about {a.name} attached." + sig,
                attachments=[("invite.ics", "text/calendar", inv)],
                key=f"ics{i}{c.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "calendar-invitation",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"invitation to {a.cid}'s employer names {b.cid} and {b.cid}'s claim",
            f"invitation to {a.cid}'s employer about {a.cid}",
        )
