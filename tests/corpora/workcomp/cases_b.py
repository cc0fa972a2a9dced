"""headers-links, suppressed-loose and identifiers-dates."""

from __future__ import annotations

from tests.corpora.workcomp import content as C
from tests.corpora.workcomp import render as R
from tests.corpora.workcomp import world as W
from tests.corpora.workcomp.kit import Kit

MIS = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed"]


# -- headers-links ------------------------------------------------------------------------------------------------
def headers_links(k: Kit, i: int) -> None:
    v = i % 5
    a, b = k.two()
    s = k.staff()
    cat = "headers-links/"
    body = (
        f"Dear {a.given},\n\nThank you for sending your certificate of capacity. It has been added to your "
        "claim and your weekly payments continue." + R.signature(s, a.office)
    )
    if v == 0:

        def mail(c: W.Worker) -> bytes:
            return R.eml(
                s.email,
                [a.email],
                f"Certificate received - claim {c.claim}",
                body,
                key=f"subj{i}{c.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "subject-line",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"email to {a.cid} whose subject carries the claim of {b.cid}",
            f"{a.cid}'s own claim in the subject",
        )
    elif v == 1:

        def mail(c: W.Worker) -> bytes:
            link = f"https://portal.{W.INTERNAL}/claims/{c.claim}/documents"
            return R.eml(
                s.email,
                [a.email],
                "Documents ready in the portal",
                f"Dear {a.given},\n\nYour updated documents are in the worker portal: {link}\n"
                + R.signature(s, a.office),
                key=f"link{i}{c.cid}",
                minute=k.minute(),
                html=f"<p>Dear {a.given},</p><p>Your updated documents are <a href='{link}'>in the "
                "worker portal</a>.</p>",
            )

        k.pair(
            cat + "portal-link",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"portal link to the claim of {b.cid} in an email to {a.cid}",
            f"portal link to {a.cid}'s own claim",
        )
    elif v == 2:

        def mail(addr: str) -> bytes:
            text = (
                f"Dear {a.given},\n\nYour PIAWE has been recalculated at ${a.piawe} for claim {a.claim}."
                + R.signature(s, a.office)
            )
            return R.eml(
                s.email, [f'"{a.name}" <{addr}>'], "PIAWE recalculated", text, key=f"disp{i}{addr}", minute=k.minute()
            )

        k.pair(
            cat + "autocomplete-display-name",
            "eml",
            mail(b.email),
            mail(a.email),
            MIS,
            f"display name of {a.cid} over the mailbox of {b.cid}, carrying {a.cid}'s claim",
            f"display name and mailbox of {a.cid}",
        )
    elif v == 3:

        def mail(c: W.Worker) -> bytes:
            name = f"IME_report_{c.family.replace(' ', '')}_{c.claim}.pdf"
            return R.eml(
                s.email,
                [a.email],
                "Your IME report",
                f"Dear {a.given},\n\nAs requested, a copy of the IME report is attached." + R.signature(s, a.office),
                key=f"fn{i}{c.cid}",
                minute=k.minute(),
                attachments=[(name, "application/pdf", C.ime_report(a))],
            )

        k.pair(
            cat + "attachment-file-name",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"attachment file name carries the name and claim of {b.cid} in an email to {a.cid}",
            f"attachment named with {a.cid}'s own claim",
        )
    else:
        w = k.fv()
        emp = w.employer

        def mail(addr: str, tag: str) -> bytes:
            html = (
                f"<p>Hi {emp.rtw_contact.split()[0]},</p><p>{w.given} starts suitable duties on Monday. "
                f"Questions about her roster: <a href='mailto:{addr}'>email here</a>.</p>"
            )
            return R.eml(
                s.email,
                [emp.rtw],
                f"Suitable duties start - claim {w.claim}",
                f"Hi,\n\n{w.given} starts suitable duties on Monday." + R.signature(s, w.office),
                html=html,
                key=f"mt{tag}{i}",
                minute=k.minute(),
            )

        if "email" in w.suppressed:
            k.pair(
                cat + "mailto-link",
                "eml",
                mail(w.email, "b"),
                mail(s.email, "g"),
                SUP,
                f"mailto link holds the suppressed email of {w.cid}, sent to {w.cid}'s employer",
                f"mailto link to the case manager in mail about {w.cid}",
                suppressed=True,
            )
        else:
            k.pair(
                cat + "mailto-link",
                "eml",
                mail(w.phone.replace(" ", "") + "@sms.example", "b"),
                mail(s.email, "g"),
                SUP,
                f"mailto link holds the suppressed mobile of {w.cid}, sent to {w.cid}'s employer",
                f"mailto link to the case manager in mail about {w.cid}",
                suppressed=True,
            )


# -- suppressed-loose -----------------------------------------------------------------------------------------------
def suppressed_loose(k: Kit, i: int) -> None:
    v = i % 7
    w = k.fv_any() if v == 6 else k.fv()
    s = k.staff()
    cat = "suppressed-loose/"
    sig = R.signature(s, w.office)
    if v == 0:

        def mail(extra: str, tag: str) -> bytes:
            text = (
                f"Instruction - claim {w.claim}\n\nWorker: {w.name}, DOB {C.short_date(w.dob)}\nEmployer: "
                f"{w.employer.name}, {w.employer.street}, {w.employer.locality}\n\nPlease conduct activity checks "
                f"on three days next week.{extra}" + sig
            )
            return R.eml(
                s.email,
                [W.INVESTIGATOR.email],
                f"Surveillance instruction - {w.claim}",
                text,
                key=f"inv{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "surveillance-instruction",
            "eml",
            mail(f"\nResidential address for observation: {w.address}.", "b"),
            mail(
                "\nDo NOT attend the worker's residence (safety flag); observations at the workplace and at "
                "treatment providers only.",
                "g",
            ),
            SUP,
            f"surveillance instruction gives the suppressed residence of {w.cid} to the investigator",
            f"surveillance instruction for {w.cid} without a residence",
            suppressed=True,
        )
    elif v == 1:

        def mail(line: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [w.employer.rtw],
                f"Roster for {w.given}",
                f"Hi {w.employer.rtw_contact.split()[0]},\n\n{line} Could her suitable duties start at "
                "10 am so she can travel by train?" + sig,
                key=f"sub{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "suburb-to-employer",
            "eml",
            mail(f"{w.given} {w.family} has moved to {w.suburb} and the trip in now takes over an hour.", "b"),
            mail(f"{w.given} {w.family} has moved and the trip in now takes over an hour.", "g"),
            SUP,
            f"the suburb of {w.cid}'s suppressed address, beside her name, to the employer",
            f"same roster request for {w.cid} without the suburb",
            suppressed=True,
        )
    elif v == 2:
        party = W.REHAB if w.state == "VIC" else W.REHAB_NSW

        def mail(contact: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [party.email],
                f"Referral - {w.name} - {w.claim}",
                f"Hello,\n\nPlease accept this referral for workplace rehabilitation for {w.name} (claim "
                f"{w.claim}), {w.injury}. {contact}" + sig,
                key=f"reh{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "rehab-referral-mobile",
            "eml",
            mail(f"Her mobile is +61 {w.phone[1:]}; she prefers texts.", "b"),
            mail(f"Please arrange contact through me on {w.office.phone}; do not contact the worker directly.", "g"),
            SUP,
            f"suppressed mobile of {w.cid} (international format) in a referral to the rehab provider",
            f"referral of {w.cid} with contact through the case manager",
            suppressed=True,
        )
    elif v == 3:

        def mail(to: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [to],
                f"Safety flag - claim {w.claim}",
                C.file_note(w) + sig,
                key=f"fn{tag}{i}",
                minute=k.minute(),
            )

        other = next(x for x in W.UNLISTED if x.email != s.email)
        k.pair(
            cat + "internal-file-note",
            "eml",
            mail(other.email, "b"),
            mail(W.SAFETY_TEAM, "g"),
            SUP,
            f"file note with the suppressed address and mobile of {w.cid} to a case manager not on the list",
            f"file note of {w.cid} to the safety team (suppressed_detail_staff)",
            suppressed=True,
        )
    elif v == 4:
        k.pair(
            cat + "ime-referral-letter",
            "pdf",
            R.pdf(C.ime_referral(w, with_address=True)),
            R.pdf(C.ime_referral(w)),
            SUP,
            f"IME referral letter asks the panel to write to {w.cid} at the suppressed address",
            f"IME referral of {w.cid} with appointment letters through the agent",
            suppressed=True,
        )
    elif v == 5:
        k.pair(
            cat + "conciliation-submission",
            "docx",
            R.docx(C.conciliation(w, with_address=True)),
            R.docx(C.conciliation(w)),
            SUP,
            f"dispute submission states the suppressed residence of {w.cid}",
            f"dispute submission for {w.cid} without her residence",
            suppressed=True,
        )
    else:

        def mail(to: str, tag: str) -> bytes:
            let = C.travel(w, to=w.block())
            return R.eml(
                s.email,
                [to],
                "Travel reimbursement",
                f"Dear {w.given},\n\n" + "\n\n".join(let.body) + f"\n\nClaim {w.claim}." + sig,
                key=f"tr{tag}{i}",
                minute=k.minute(),
            )

        if "postal_address" in w.suppressed:
            k.pair(
                cat + "travel-reimbursement",
                "eml",
                mail(w.employer.rtw, "b"),
                mail(w.email, "g"),
                SUP,
                f"travel letter naming the suburb of {w.cid}'s suppressed address forwarded to the employer",
                f"travel letter naming {w.cid}'s own suburb, to {w.cid}",
                suppressed=True,
            )
        else:

            def sms(to: str, tag: str) -> bytes:
                return R.eml(
                    s.email,
                    [to],
                    f"Contact details - claim {w.claim}",
                    f"Hi,\n\nFor the case conference, {w.given} {w.family} can be reached on {w.phone}." + sig,
                    key=f"ph{tag}{i}",
                    minute=k.minute(),
                )

            k.pair(
                cat + "new-mobile",
                "eml",
                sms(w.employer.rtw, "b"),
                sms(w.email, "g"),
                SUP,
                f"the suppressed new mobile of {w.cid} sent to the employer",
                f"{w.cid}'s own mobile in an email to {w.cid}",
                suppressed=True,
            )


# -- identifiers-dates ----------------------------------------------------------------------------------------------
def identifiers(k: Kit, i: int) -> None:
    v = i % 4
    a, b = k.two()
    s = k.staff()
    cat = "identifiers-dates/"
    sig = R.signature(s, a.office)
    if v == 0:

        def mail(to: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [to],
                f"PAYG withholding - claim {a.claim}",
                f"Hello,\n\nFor the weekly payments on claim {a.claim} ({a.name}), please apply the tax "
                f"declaration on file. TFN: {a.tfn}. Tax-free threshold claimed." + sig,
                key=f"tfn{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "tfn",
            "eml",
            mail(a.employer.payroll if a.employer.payroll in a.contacts else a.employer.rtw, "b"),
            mail(W.PAYMENTS, "g"),
            ["sensitive_identifier"],
            f"tax file number of {a.cid} sent to the employer",
            f"tax file number of {a.cid} to internal payments",
        )
    elif v == 1:

        def mail(to: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [to],
                f"Medical records request - {a.name}",
                f"Hello,\n\nFor {a.name} (DOB {C.short_date(a.dob)}, claim {a.claim}), Medicare number "
                f"{a.medicare}. Please see the attached authority." + sig,
                key=f"mc{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "medicare",
            "eml",
            mail(a.employer.rtw, "b"),
            mail(W.IME.email, "g"),
            ["sensitive_identifier"],
            f"Medicare number of {a.cid} sent to the employer",
            f"Medicare number of {a.cid} to the IME panel",
        )
    elif v == 2:
        x, y = k.reg.namesakes[(i // 4) % len(k.reg.namesakes)]

        def mail(who: W.Worker, dob: str) -> bytes:
            return R.eml(
                s.email,
                [who.email],
                "Your claim details",
                f"Dear {who.given},\n\nWe hold your date of birth as {C.long_date(dob)} and your injury "
                f"date as {C.long_date(who.injury_date)}. Please tell us if either is wrong." + sig,
                key=f"dob{i}{who.cid}{dob}",
                minute=k.minute(),
            )

        k.pair(
            cat + "namesake-dob",
            "eml",
            mail(y, x.dob),
            mail(y, y.dob),
            ["mismatched_recipient"],
            f"date of birth of namesake {x.cid} sent to {y.cid}",
            f"{y.cid}'s own date of birth to {y.cid}",
        )
    else:

        def mail(c: W.Worker) -> bytes:
            return R.eml(
                s.email,
                [a.email],
                "Payment reference",
                f"Dear {a.given},\n\nYour reimbursement of $96.40 was paid today with reference "
                f"{W.spaced_claim(c.claim)}." + sig,
                key=f"sp{i}{c.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "spaced-claim",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"claim of {b.cid}, written with a space, in an email to {a.cid}",
            f"{a.cid}'s own claim written with a space",
        )
