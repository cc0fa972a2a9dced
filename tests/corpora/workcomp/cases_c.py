"""threads, html-mail, bulk, unmerged, unscannable, and merged print files given to `dlp scan` (mail-merge)."""

from __future__ import annotations

import copy

from tests.corpora.workcomp import content as C
from tests.corpora.workcomp import render as R
from tests.corpora.workcomp import world as W
from tests.corpora.workcomp.kit import Kit

MIS = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed"]


def _quote(text: str, who: str, when: str) -> str:
    return f"\n\nOn {when}, {who} wrote:\n" + "\n".join("> " + line for line in text.splitlines())


# -- threads ----------------------------------------------------------------------------------------------------------
def threads(k: Kit, i: int) -> None:
    v = i % 3
    s = k.staff()
    cat = "threads/"
    if v == 0:
        a = k.with_party("lawyer")
        b = k.worker()
        law = a.contact_parties["lawyer"]

        def mail(c: W.Worker) -> bytes:
            earlier = (
                f"Hi {s.name.split()[0]},\n\nCould you send the PIAWE calculation for {c.name}, claim {c.claim}, "
                f"injured {C.long_date(c.injury_date)}? We also need the wage schedule from {c.employer.name}."
            )
            text = (
                f"Dear {law.name},\n\nThe PIAWE calculation for your client is attached and the wage schedule "
                "will follow." + R.signature(s, a.office) + _quote(earlier, law.email, "Thu, 12 Mar 2026 at 4:02 pm")
            )
            return R.eml(
                s.email,
                [law.email],
                f"RE: {a.name} - PIAWE",
                text,
                key=f"thr{i}{c.cid}",
                headers={"In-Reply-To": f"<q{i}@{law.domain}>"},
                minute=k.minute(),
            )

        k.pair(
            cat + "quoted-other-client",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"reply to {a.cid}'s lawyer quotes a request about {b.cid}",
            f"reply to {a.cid}'s lawyer quoting {a.cid}",
        )
    elif v == 1:
        a, b = k.two()

        def mail(c: W.Worker) -> bytes:
            earlier = (
                f"Hi, it's {c.given}. I can't make the physio on Tuesday, my new number is {c.phone}. Claim {c.claim}."
            )
            text = (
                f"Hi {a.given},\n\nNo problem, I've moved the appointment to Thursday 10 am."
                + R.signature(s, a.office)
                + _quote(earlier, c.name, "Mon, 9 Mar 2026 at 8:15 am")
            )
            return R.eml(
                s.email,
                [a.email],
                f"RE: Physio appointment - claim {c.claim}",
                text,
                key=f"wt{i}{c.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "wrong-thread",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"reply to {a.cid} sent in the thread of {b.cid} (claim and mobile quoted)",
            f"reply to {a.cid} in {a.cid}'s own thread",
        )
    else:
        w = k.fv()
        emp = w.employer

        def mail(note: str, tag: str) -> bytes:
            q1 = f"Hi, can you tell us where {w.given} is living now so we can send her roster? - {emp.rtw_contact}"
            text = (
                f"Hi {emp.rtw_contact.split()[0]},\n\nWe'll pass the roster on to {w.given} ourselves. "
                "Please send it to me."
                + R.signature(s, w.office)
                + _quote(note, s.email, "Fri, 13 Mar 2026")
                + _quote(q1, emp.rtw, "Fri, 13 Mar 2026 at 9:40 am")
            )
            return R.eml(
                s.email,
                [emp.rtw],
                f"RE: Roster - {w.given} - claim {w.claim}",
                text,
                key=f"qs{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "quoted-internal-note",
            "eml",
            mail(C.file_note(w), "b"),
            mail(C.file_note(w, False), "g"),
            SUP,
            f"reply to the employer quotes the internal note with the suppressed address of {w.cid}",
            f"reply to the employer quoting the note about {w.cid} without contact details",
            suppressed=True,
        )


# -- html-mail ----------------------------------------------------------------------------------------------------
def html_mail(k: Kit, i: int) -> None:
    v = i % 3
    s = k.staff()
    cat = "html-mail/"
    if v in (0, 1):
        a, b = k.two()

        def mail(c: W.Worker) -> bytes:
            if v == 0:
                hidden = (
                    f"<div style='display:none;max-height:0'>Preview: {c.name}, claim {c.claim}, weekly "
                    f"${c.piawe}</div>"
                )
            else:
                hidden = f"<!-- merge source row: {c.claim} | {c.name} | {C.short_date(c.dob)} -->"
            html = (
                f"<html><body>{hidden}<p>Dear {a.given},</p><p>Your weekly payments continue at the "
                f"current rate. Your next certificate of capacity is due on 30 March.</p>"
                f"<p>{s.name}<br>{W.ORG}<br>{W.PHONE_MAIN}</p></body></html>"
            )
            return R.eml(
                s.email,
                [a.email],
                "Your weekly payments",
                f"Dear {a.given},\n\nYour weekly payments continue at the current rate.",
                html=html,
                key=f"html{i}{c.cid}",
                minute=k.minute(),
            )

        var = "hidden-preview" if v == 0 else "html-comment"
        k.pair(
            cat + var,
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"hidden HTML text to {a.cid} carries the claim of {b.cid}",
            f"hidden HTML text to {a.cid} about {a.cid}",
        )
    else:
        w = k.fv()

        def mail(cell: str, tag: str) -> bytes:
            html = (
                f"<html><body><p>Hi {w.employer.rtw_contact.split()[0]},</p><p>Hours agreed for the next fortnight:"
                f"</p><table><tr><th>Worker</th><th>Claim</th><th>Hours</th><th>Contact</th></tr><tr><td>{w.name}"
                f"</td><td>{w.claim}</td><td>20</td><td>{cell}</td></tr></table></body></html>"
            )
            return R.eml(
                s.email,
                [w.employer.rtw],
                "Suitable duties - hours",
                "Hours agreed for the next fortnight are in the table.",
                html=html,
                key=f"ht{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "table-contact",
            "eml",
            mail(f"{w.phone}, {w.suburb}", "b"),
            mail("via case manager", "g"),
            SUP,
            f"HTML table to the employer gives the suppressed mobile and suburb of {w.cid}",
            f"HTML table about {w.cid} with contact via the case manager",
            suppressed=True,
        )


# -- bulk -----------------------------------------------------------------------------------------------------------
def bulk(k: Kit, i: int) -> None:
    s = k.staff()
    cat = "bulk/"
    if i % 2 == 0:
        ws = [w for w in k.reg.ordinary() if w.state == "VIC"][i * 3 : i * 3 + 32]
        data = C.csv_text(C.claims_rows(ws))
        personal = f"{s.mailbox.split('.')[0]}.{s.mailbox.split('.')[1][:3]}{i}@webmail.example"

        def mail(to: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [to],
                "Open claims - my portfolio",
                "Portfolio list attached, to work on at home." + R.signature(s, W.OFFICES["VIC"]),
                attachments=[("portfolio.csv", "text/csv", data)],
                key=f"bk{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "portfolio-schedule",
            "eml",
            mail(personal, "b"),
            mail(W.CLAIMS_MI, "g"),
            ["bulk_client_data"],
            f"schedule of {len(ws)} workers' claims sent to a personal webmail box",
            f"schedule of {len(ws)} workers' claims to the internal reporting mailbox",
        )
    else:
        emp = W.EMPLOYERS[(i // 2) % len(W.EMPLOYERS)]
        own = [w for w in k.reg.workers if w.employer == emp and w.kind == "worker"][:30]
        others = [w for w in k.reg.ordinary() if w.employer != emp][i : i + 25]

        def mail(ws: list[W.Worker], tag: str) -> bytes:
            pdf = R.report_pdf(
                f"Open claims report - {emp.name} - March 2026",
                [f"Policy {emp.policy}. Claims open at 13 March 2026."],
                C.claims_rows(ws),
            )
            return R.eml(
                s.email,
                [emp.rtw],
                f"Monthly claims report - {emp.name}",
                "Hi,\n\nThis month's open claims report is attached." + R.signature(s, W.OFFICES[emp.state]),
                attachments=[("claims_report.pdf", "application/pdf", pdf)],
                key=f"er{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "employer-claims-report",
            "eml",
            mail(own + others, "b"),
            mail(own, "g"),
            ["bulk_client_data", "mismatched_recipient"],
            f"claims report to one employer lists {len(others)} workers of other employers",
            f"claims report listing only the employer's own {len(own)} workers (all authorised)",
        )


# -- unmerged -------------------------------------------------------------------------------------------------------
def unmerged(k: Kit, i: int) -> None:
    v = i % 5
    a = k.worker()
    cat = "unmerged/"
    rule = ["unmerged_field"]
    if v == 0:
        good = C.coc_reminder(a)
        bad = copy.deepcopy(good)
        bad.salutation = "Dear «Title» «Surname»"
        k.pair(
            cat + "pdf-salutation",
            "pdf",
            R.pdf(bad),
            R.pdf(good),
            rule,
            f"«Surname» left in {a.cid}'s letter",
            f"{a.cid}'s merged letter",
        )
    elif v == 1:
        s = k.staff()

        def mail(c: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [a.email],
                "Certificate reminder",
                f"Dear {a.given},\n\nYour certificate for claim {c} expires soon." + R.signature(s, a.office),
                key=f"um{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "email-template",
            "eml",
            mail("{{claim_number}}", "b"),
            mail(a.claim, "g"),
            rule,
            f"{{{{claim_number}}}} left in an email to {a.cid}",
            f"email to {a.cid} merged",
        )
    elif v == 2:
        good = C.piawe(a)
        bad = copy.deepcopy(good)
        bad.table = [["Item", "Amount"], ["PIAWE", "<<PIAWE>>"], ["Weekly payment (95%)", "<<WeeklyRate>>"]]
        k.pair(
            cat + "docx-table",
            "docx",
            R.docx(bad),
            R.docx(good),
            rule,
            f"<<PIAWE>> left in {a.cid}'s letter",
            f"{a.cid}'s PIAWE letter merged",
        )
    elif v == 3:
        good = C.travel(a)
        bad = copy.deepcopy(good)
        bad.to = [f"{a.title} [FirstName] [Surname]", a.street, a.locality]
        k.pair(
            cat + "txt-address",
            "txt",
            R.txt(bad),
            R.txt(good),
            rule,
            f"[Surname] in {a.cid}'s address block",
            f"{a.cid}'s travel letter merged",
        )
    else:
        good = C.liability(a)
        field = r"\pard Your case manager is {\field{\*\fldinst MERGEFIELD CaseManager}{\fldrslt CaseManager}}.\par"
        k.pair(
            cat + "rtf-mergefield",
            "rtf",
            R.rtf(good, field),
            R.rtf(good),
            rule,
            f"MERGEFIELD left in {a.cid}'s letter",
            f"{a.cid}'s decision letter merged",
        )


# -- unscannable ----------------------------------------------------------------------------------------------------
def unscannable(k: Kit, i: int) -> None:
    v = i % 4
    a = k.worker()
    cat = "unscannable/"
    rule = ["unscannable_content"]
    if v == 0:
        s = k.staff()

        def mail(data: bytes, tag: str) -> bytes:
            return R.eml(
                s.email,
                [a.email],
                "Your payment statement",
                f"Dear {a.given},\n\nYour statement is attached." + R.signature(s, a.office),
                attachments=[("statement.pdf", "application/pdf", data)],
                key=f"enc{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "encrypted-pdf",
            "eml",
            mail(R.pdf(C.piawe(a), password=a.dob.replace("-", "")), "b"),
            mail(R.pdf(C.piawe(a)), "g"),
            rule,
            f"password-protected statement of {a.cid}",
            f"plain statement of {a.cid}",
        )
    elif v == 1:
        whole = R.pdf(C.liability(a))
        k.pair(
            cat + "truncated-pdf",
            "pdf",
            whole[: len(whole) // 3],
            whole,
            rule,
            f"letter of {a.cid} truncated by a failed export",
            f"complete letter of {a.cid}",
        )
    elif v == 2:
        good = R.txt(C.coc_reminder(a))
        pgp = (
            b"-----BEGIN PGP MESSAGE-----\nVersion: GnuPG v2\n\nhQEMA3x9Qm1P0b0JAQf/Y2xhaW0gZmlsZQ==\n"
            b"=Vt2a\n-----END PGP MESSAGE-----\n"
        )
        k.pair(
            cat + "pgp-block",
            "txt",
            good + b"\nEnclosure:\n" + pgp,
            good,
            rule,
            f"letter of {a.cid} with a PGP-encrypted enclosure",
            f"letter of {a.cid} without enclosure",
        )
    else:
        cfb = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff" + b"\x00" * 40
        cfb += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 200 + b"EncryptedPackage" + bytes(range(256)) * 8
        k.pair(
            cat + "encrypted-docx",
            "docx",
            cfb,
            R.docx(C.piawe(a)),
            rule,
            f"password-protected Word letter for {a.cid}",
            f"Word letter for {a.cid}",
        )


# -- merged print files scanned with `dlp scan` -----------------------------------------------------------------------
def merged(k: Kit, i: int) -> None:
    ws = [k.worker("VIC") for _ in range(6)]
    good = [C.piawe(w) for w in ws]
    bad = copy.deepcopy(good)
    if i % 2 == 0:
        bad[3].body.append(f"Your claim number is {ws[4].claim}; your employer has been told.")
        rules = ["mixed_client_documents", "mismatched_recipient"]
        note = f"letter 4 of 6 (to {ws[3].cid}) also carries the claim of {ws[4].cid}"
    else:
        bad[2].to = ws[5].block()
        rules = ["mismatched_recipient", "mixed_client_documents"]
        note = f"letter 3 of 6 (claim of {ws[2].cid}) printed with the address block of {ws[5].cid}"
    pos = 3 if i % 2 == 0 else 2
    letters = [{"expect": "allow"} for _ in ws]
    letters[pos] = {"expect": "block", "rules": rules}
    k.pair_letters(
        "mail-merge/merged-print-file",
        R.pdf(bad),
        R.pdf(good),
        letters,
        len(ws),
        note,
        "six PIAWE notices, each to its own worker",
    )
