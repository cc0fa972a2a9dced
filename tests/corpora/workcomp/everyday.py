"""Ordinary legitimate mail: the worker's own details to the worker, the employer's to the employer, the file to
the worker's lawyer, referrals to contracted providers, submissions to the dispute bodies, internal reports."""

from __future__ import annotations

from tests.corpora.workcomp import content as C
from tests.corpora.workcomp import render as R
from tests.corpora.workcomp import world as W
from tests.corpora.workcomp.kit import Kit


def _mail(k: Kit, to: list[str], subject: str, text: str, tag: str, **kw) -> bytes:
    s = kw.pop("staff", None) or k.staff()
    office = kw.pop("office", W.OFFICES["VIC"])
    return R.eml(s.email, to, subject, text + R.signature(s, office), key=f"ev{tag}{k._n}", minute=k.minute(), **kw)


def everyday(k: Kit, i: int) -> None:
    v = i % 26
    cat = "everyday/"
    w = k.worker()
    if v == 0:
        k.add("pdf", R.pdf(C.liability(w)), cat + "liability-decision", f"decision letter to {w.cid}")
    elif v == 1:
        k.add("docx", R.docx(C.piawe(w)), cat + "piawe-notice", f"PIAWE notice to {w.cid}")
    elif v == 2:
        k.add(
            "eml",
            _mail(
                k, [w.email], "Certificate of capacity due", "\n\n".join(C.coc_reminder(w).body), "coc", office=w.office
            ),
            cat + "coc-reminder-email",
            f"reminder to {w.cid}",
        )
    elif v == 3:
        s = k.fv()
        k.add(
            "pdf",
            R.pdf(C.travel(s)),
            cat + "travel-own-suburb",
            f"travel letter to {s.cid} at {s.cid}'s own suppressed address, naming {s.cid}'s suburb",
        )
    elif v == 4:
        s = k.staff()
        k.add(
            "eml",
            R.eml(
                s.email,
                [w.employer.rtw],
                f"RTW plan - {w.name}",
                "Updated plan attached." + R.signature(s, w.office),
                key=f"evrtw{i}",
                minute=k.minute(),
                attachments=[("RTW_plan.pdf", "application/pdf", C.rtw_plan_pdf(w))],
            ),
            cat + "rtw-plan-to-employer",
            f"RTW plan of {w.cid} to {w.cid}'s employer",
        )
    elif v == 5:
        k.add(
            "eml",
            _mail(
                k,
                [W.IME.email],
                f"IME referral - {w.name}",
                "Referral letter attached.",
                "ime",
                attachments=[("referral.pdf", "application/pdf", R.pdf(C.ime_referral(w)))],
            ),
            cat + "ime-referral",
            f"IME referral of {w.cid} (Medicare) to the contracted IME panel",
        )
    elif v == 6:
        party = W.REHAB if w.state == "VIC" else W.REHAB_NSW
        k.add(
            "eml",
            _mail(
                k,
                [party.email],
                f"Referral - {w.name} - {w.claim}",
                f"Please accept the referral of {w.name} (DOB {C.short_date(w.dob)}), {w.injury}. Worker's "
                f"mobile {w.phone}; address {w.address}.",
                "reh",
                office=w.office,
            ),
            cat + "rehab-referral",
            f"rehab referral of {w.cid} with contact details",
        )
    elif v == 7:
        a = k.with_party("gp")
        k.add(
            "eml",
            _mail(
                k,
                [a.contact_parties["gp"].email],
                f"Treatment approved - {a.name}",
                f"Physiotherapy approved for {a.name}, DOB {C.short_date(a.dob)}, claim {a.claim}.",
                "gp",
            ),
            cat + "gp-approval",
            f"treatment approval of {a.cid} to {a.cid}'s GP clinic",
        )
    elif v == 8:
        a = k.with_party("lawyer")
        law = a.contact_parties["lawyer"]
        k.add(
            "eml",
            _mail(
                k,
                [law.email],
                f"Your client {a.name} - claim file",
                f"The file of {a.name} (DOB {C.long_date(a.dob)}, {a.address}) is attached.",
                "law",
                attachments=[("decision.pdf", "application/pdf", R.pdf(C.liability(a)))],
            ),
            cat + "lawyer-file",
            f"claim file of {a.cid} to {a.cid}'s lawyer",
        )
    elif v == 9:
        party = W.CONCILIATION if w.state == "VIC" else W.PIC
        k.add(
            "eml",
            _mail(
                k,
                [party.email],
                f"Submission - claim {w.claim}",
                "Our submission is attached.",
                "con",
                attachments=[("submission.pdf", "application/pdf", R.pdf(C.conciliation(w)))],
            ),
            cat + "dispute-submission",
            f"dispute submission about {w.cid} to the dispute body",
        )
    elif v == 10:
        emp = W.EMPLOYERS[i % len(W.EMPLOYERS)]
        ws = [x for x in k.reg.workers if x.employer == emp and x.kind == "worker"][:28]
        k.add(
            "eml",
            _mail(
                k,
                [W.CLAIMS_MI],
                f"Premium impact - {emp.name}",
                "Claims driving next year's premium for this employer attached.",
                "prem",
                attachments=[("claims.csv", "text/csv", C.csv_text(C.claims_rows(ws)))],
            ),
            cat + "employer-report-internal",
            f"claims of {len(ws)} workers of one employer, internal",
        )
    elif v == 11:
        ws = [k.worker("VIC") for _ in range(5)]
        rows = [["Claim", "Worker", "Invoice", "Amount"]] + [
            [x.claim, x.name, f"INV-{40210 + j}", "$385.00"] for j, x in enumerate(ws)
        ]
        k.add(
            "eml",
            _mail(
                k,
                [W.REHAB.email],
                "Remittance advice 2026-11",
                "Payment of $1,925.00 made today.",
                "rem",
                attachments=[
                    ("remittance.pdf", "application/pdf", R.report_pdf("Remittance advice", ["EFT 16/03/2026"], rows))
                ],
            ),
            cat + "provider-remittance",
            "remittance to the rehab provider naming five workers",
        )
    elif v == 12:
        s = k.staff()
        party = W.REHAB if w.state == "VIC" else W.REHAB_NSW
        inv = R.ics(
            f"ev-{i}",
            f"Case conference - claim {w.claim}",
            f"Case conference for {w.name}.",
            f"{w.employer.name}, {w.employer.street}, {w.employer.locality}",
            s.email,
            [w.email, w.employer.rtw, party.email],
        )
        k.add(
            "eml",
            R.eml(
                s.email,
                [w.email, w.employer.rtw, party.email],
                "Case conference 24 March",
                "Invitation attached." + R.signature(s, w.office),
                key=f"evics{i}",
                minute=k.minute(),
                attachments=[("invite.ics", "text/calendar", inv)],
            ),
            cat + "case-conference-invite",
            f"invitation to {w.cid}, employer and rehab provider",
        )
    elif v in (13, 14):
        key = "interpreter" if v == 13 else "union"
        a = k.with_party(key)
        k.add(
            "eml",
            _mail(
                k,
                [a.contact_parties[key].email],
                f"Claim {a.claim} - {a.name}",
                f"Update on {a.name}'s claim {a.claim}: weekly payments continue; case conference on "
                "24 March at 10 am.",
                key,
            ),
            cat + f"{key}-update",
            f"update on {a.cid} to {a.cid}'s {key}",
        )
    elif v == 15:
        y = k.reg.young[i % len(k.reg.young)]
        k.add(
            "eml",
            _mail(
                k,
                [y.parent_email],
                f"Claim update for {y.given}",
                f"{y.given}'s claim {y.claim} (DOB {C.short_date(y.dob)}) is accepted.",
                "par",
            ),
            cat + "parent-update",
            f"update on young worker {y.cid} to {y.cid}'s parent",
        )
    elif v == 16:
        s = k.fv()
        to = W.SAFETY_TEAM if i % 2 else W.SENIOR.email
        k.add(
            "eml",
            _mail(k, [to], f"Safety flag - claim {s.claim}", C.file_note(s), "fv"),
            cat + "safety-team-note",
            f"file note with the suppressed details of {s.cid} to listed staff",
        )
    elif v == 17:
        a, b = k.reg.death[i % 2]
        let = C.liability(
            a,
            to=[
                f"{a.title} {a.given} {a.family} and {b.title} {b.given} {b.family}",
                a.street,
                f"{a.suburb.upper()} {a.state} {a.pc}",
            ],
        )
        let.salutation = f"Dear {a.given} and {b.given}"
        let.body = [
            f"Dependants' benefits on claim {a.claim} are payable to you both from 1 April 2026.",
            "A lump sum and weekly pensions are explained in the enclosed fact sheet.",
        ]
        k.add(
            "pdf",
            R.pdf(let),
            cat + "joint-dependants-letter",
            f"death claim letter to {a.cid} and {b.cid} at their shared address",
        )
    elif v == 18:
        k.add(
            "eml",
            _mail(
                k,
                [W.INVESTIGATOR.email],
                f"Instruction - claim {w.claim}",
                f"Worker {w.name}, DOB {C.short_date(w.dob)}, residence {w.address}. Activity checks on three days.",
                "inv",
                office=w.office,
            ),
            cat + "investigation-instruction",
            f"instruction about {w.cid} (not protected) to the contracted investigator",
        )
    elif v == 19:
        emp = W.EMPLOYERS[i % len(W.EMPLOYERS)]
        k.add(
            "eml",
            _mail(
                k,
                [f"accounts@{emp.domain}"],
                "Your workers' compensation policy",
                f"Policy {emp.policy}: your premium notice for 2026-27 is now in the employer portal. "
                f"Registered address: {emp.street}, {emp.locality}.",
                "emp",
            ),
            cat + "employer-own-details",
            "employer's own policy details to the employer",
        )
    elif v == 20:
        s = k.fv()
        k.add(
            "pdf",
            R.pdf(C.piawe(s)),
            cat + "letter-to-protected-worker",
            f"PIAWE letter to {s.cid} at {s.cid}'s own suppressed address",
        )
    elif v == 21:
        s = k.fv_any()
        k.add(
            "eml",
            _mail(
                k,
                [s.email],
                "Your contact details",
                f"Dear {s.given},\n\nWe have updated your "
                f"mobile to {s.phone} and your address to {s.address}. Both are kept confidential.",
                "own",
            ),
            cat + "protected-own-details",
            f"{s.cid}'s own new details to {s.cid}",
        )
    elif v == 22:
        reg = W.REGULATOR_VIC if w.state == "VIC" else W.REGULATOR_NSW
        k.add(
            "eml",
            _mail(
                k,
                [reg.email],
                f"Compliance query - claim {w.claim}",
                f"The liability decision on claim {w.claim} ({w.name}) was issued within 28 days; file attached.",
                "reg",
                attachments=[("decision.pdf", "application/pdf", R.pdf(C.liability(w)))],
            ),
            cat + "regulator-query",
            f"compliance response about {w.cid} to the regulator",
        )
    elif v == 23:
        ext = ["rtf", "html", "txt"][i // 26 % 3]
        k.add(ext, R.letter_as(C.coc_reminder(w), ext), cat + f"{ext}-letter", f"reminder letter to {w.cid}")
    elif v == 24:
        s = k.staff()
        earlier = f"Hi, can you check my PIAWE? I think overtime was left out. {w.name}, claim {w.claim}"
        text = (
            f"Hi {w.given},\n\nYou're right: overtime has been added and your PIAWE is now ${w.piawe}."
            + R.signature(s, w.office)
            + "\n\nOn Fri, 13 Mar 2026, "
            + w.name
            + " wrote:\n> "
            + earlier
        )
        k.add(
            "eml",
            R.eml(s.email, [w.email], f"RE: PIAWE - claim {w.claim}", text, key=f"evthr{i}", minute=k.minute()),
            cat + "reply-own-thread",
            f"reply to {w.cid} quoting {w.cid}",
        )
    else:
        k.add(
            "eml",
            _mail(
                k,
                [f"newsletter-list@{W.INTERNAL}", f"hr@{W.EMPLOYERS[i % 10].domain}"],
                "Employer bulletin - March",
                "Changes to certificate of capacity forms from 1 April; "
                f"webinar on 2 April. Call {W.PHONE_MAIN} or visit our office at {W.MELB_OFFICE}.",
                "nl",
                html="<p>Changes to certificate of capacity forms from 1 April.</p>",
            ),
            cat + "employer-bulletin",
            "bulletin with no client data",
        )
