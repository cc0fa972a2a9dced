"""address-block, recipient-own-details and relationships: each case an incident beside its legitimate twin."""

from __future__ import annotations

from tests.corpora.workcomp import content as C
from tests.corpora.workcomp import render as R
from tests.corpora.workcomp import world as W
from tests.corpora.workcomp.kit import Kit

MIS = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed", "mismatched_recipient"]


def _abbrev(w: W.Worker) -> list[str]:
    street = w.street
    for full, short in W.STREET_TYPES:
        if street.endswith(" " + full):
            street = street[: -len(full)] + short
    return [f"{w.title} {w.given[0]} {w.family}", street, f"{w.suburb.upper()} {w.state} {w.pc}"]


# -- address-block -------------------------------------------------------------------------------------------------
def address_block(k: Kit, i: int) -> None:
    v = i % 8
    if v == 5:
        return _suppressed_delivery(k, i)
    a, b = k.two()
    if v == 0:
        bad, good, ext, var = C.liability(a, to=b.block()), C.liability(a), "pdf", "window-envelope"
    elif v == 1:
        a, b = k.reg.namesakes[i // 8 % len(k.reg.namesakes)]
        bad, good = C.piawe(a, to=b.block()), C.piawe(b)
        bad.refs.append(f"Date of birth: {C.long_date(a.dob)}")
        good.refs.append(f"Date of birth: {C.long_date(b.dob)}")
        ext, var = "pdf", "namesake"
        k.pair(
            f"address-block/{var}",
            ext,
            R.pdf(bad),
            R.pdf(good),
            MIS,
            f"letter of {a.cid} (claim, DOB) printed for namesake {b.cid} at {b.cid}'s address",
            f"{b.cid}'s own PIAWE letter; namesake {a.cid} exists",
        )
        return
    elif v == 2:
        bad, good, ext, var = C.piawe(a, to=b.block()), C.piawe(a), "docx", "docx-letter"
    elif v == 3:
        bad, good, ext, var = C.coc_reminder(a, to=b.block()), C.coc_reminder(a), "rtf", "rtf-letter"
    elif v == 4:
        bad, good, ext, var = C.travel(a, to=b.block()), C.travel(a), "txt", "txt-letter"
    elif v == 6:
        bad, good, ext, var = C.liability(a, to=b.block(False)), C.liability(a, to=a.block(False)), "html", "html"
    else:
        bad, good, ext, var = C.piawe(a, to=_abbrev(b)), C.piawe(a, to=_abbrev(a)), "pdf", "abbreviated"
    k.pair(
        f"address-block/{var}",
        ext,
        R.letter_as(bad, ext),
        R.letter_as(good, ext),
        MIS,
        f"claim of {a.cid} in a letter addressed to {b.cid}",
        f"{a.cid}'s own letter to {a.cid}",
    )


def _suppressed_delivery(k: Kit, i: int) -> None:
    """A letter for her former partner printed with her new, suppressed address (joint death claim or co-worker)."""
    s = k.reg.death[2 + i // 8 % 2][0] if i % 16 == 5 else k.fv()
    ex = k.reg.by_id[s.ex] if s.ex else None
    if ex is None:
        ex = k.worker(s.state)
    bad = C.coc_reminder(
        ex, to=[f"{ex.title} {ex.given} {ex.family}", s.street, f"{s.suburb.upper()} {s.state} {s.pc}"]
    )
    good = C.coc_reminder(ex)
    k.pair(
        "address-block/suppressed-delivery",
        "pdf",
        R.pdf(bad),
        R.pdf(good),
        SUP,
        f"letter for {ex.cid} addressed to the suppressed new address of {s.cid}",
        f"letter for {ex.cid} at {ex.cid}'s own address",
        suppressed=True,
    )


# -- recipient-own-details -------------------------------------------------------------------------------------------
def _payment_text(w: W.Worker) -> str:
    return (
        f"Dear {w.given},\n\nYour weekly payment for the fortnight ending 13 March 2026 on claim {w.claim} has "
        f"been processed: ${float(w.piawe) * 1.9:.2f} gross, paid through {w.employer.name}'s payroll on "
        "19 March.\n\nPlease send your next certificate of capacity before 30 March."
    )


def recipient_own(k: Kit, i: int) -> None:
    v = i % 5
    a, b = k.two()
    s = k.staff()
    cat = "recipient-own-details/"
    if v == 0:

        def mk(to: W.Worker) -> bytes:
            text = _payment_text(a) + R.signature(s, a.office)
            return R.eml(s.email, [to.email], "Weekly payment processed", text, key=f"ro{i}{to.cid}", minute=k.minute())

        k.pair(
            cat + "email-wrong-worker",
            "eml",
            mk(b),
            mk(a),
            MIS,
            f"payment advice of {a.cid} emailed to {b.cid}",
            f"payment advice of {a.cid} to {a.cid}",
        )
    elif v == 1:

        def sms(to: W.Worker) -> bytes:
            num = "61" + to.phone.replace(" ", "")[1:]
            return R.eml(
                f"notify@{W.INTERNAL}",
                [f"{num}@sms.example"],
                "Reminder",
                f"{a.given}, your certificate of capacity for claim {a.claim} is due 30/03. "
                f"Upload at portal.{W.INTERNAL} or call {W.PHONE_MAIN}. Southgate Claims",
                key=f"sms{i}{to.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "sms-gateway",
            "eml",
            sms(b),
            sms(a),
            MIS,
            f"SMS reminder of {a.cid}'s claim to the mobile of {b.cid}",
            f"SMS reminder to {a.cid}'s own mobile",
        )
    elif v == 2:
        att = [("Notice_of_decision.pdf", "application/pdf", R.pdf(C.liability(a)))]

        def mail(to: W.Worker) -> bytes:
            return R.eml(
                s.email,
                [to.email],
                "Your claim - notice of decision",
                f"Dear {to.given},\n\nPlease find attached our decision on your claim." + R.signature(s, a.office),
                attachments=att,
                key=f"att{i}{to.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "attached-letter",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"decision letter of {a.cid} attached to an email to {b.cid}",
            f"{a.cid}'s decision to {a.cid}",
        )
    elif v == 3:

        def mail(to: W.Worker) -> bytes:
            return R.eml(
                s.email,
                [to.email],
                "We tried to call you",
                f"Hi {a.given},\n\nI tried to call you on {a.phone} this morning about your upcoming "
                f"appointment with the independent medical examiner (claim {a.claim}). Please call me "
                "back when you can." + R.signature(s, a.office),
                key=f"ph{i}{to.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "phone-read-back",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"mobile and claim of {a.cid} in an email to {b.cid}",
            f"{a.cid}'s own mobile read back to {a.cid}",
        )
    else:

        def mail(to: W.Worker) -> bytes:
            return R.eml(
                s.email,
                [to.email],
                "Please confirm your details",
                f"Dear {a.given},\n\nBefore we issue your payment summary, please confirm the details we "
                f"hold:\n\nName: {a.name}\nDate of birth: {C.short_date(a.dob)}\nPostal address: "
                f"{a.address}\n\nReply to this email if anything is wrong." + R.signature(s, a.office),
                key=f"ad{i}{to.cid}",
                minute=k.minute(),
            )

        k.pair(
            cat + "details-confirmation",
            "eml",
            mail(b),
            mail(a),
            MIS,
            f"name, DOB and address of {a.cid} sent for confirmation to {b.cid}",
            f"{a.cid} asked to confirm {a.cid}'s own details",
        )


# -- relationships -------------------------------------------------------------------------------------------------
def _rtw_mail(k: Kit, w: W.Worker, to: str, i: int, home=False, phone=False, tag="") -> bytes:
    s = k.staff()
    return R.eml(
        s.email,
        [to],
        f"RTW plan - {w.name} - claim {w.claim}",
        f"Hi {w.employer.rtw_contact.split()[0]},\n\nAttached is the updated return to work plan for "
        f"{w.given}, agreed with the treating doctor. Please confirm the suitable duties are available "
        "from Monday." + R.signature(s, w.office),
        attachments=[("RTW_plan.pdf", "application/pdf", C.rtw_plan_pdf(w, home, phone))],
        key=f"rtw{tag}{i}{to}",
        minute=k.minute(),
    )


def _file_mail(
    k: Kit, w: W.Worker, to: str, i: int, subject: str, extra: str = "", tag: str = "", attach: bool = True
) -> bytes:
    s = k.staff()
    text = (
        f"Dear colleagues,\n\nAs requested, we enclose the claim file of {w.name} (date of birth "
        f"{C.long_date(w.dob)}), claim {w.claim}: claim form, certificates of capacity, the liability decision "
        f"and the PIAWE calculation (${w.piawe}).{extra}" + R.signature(s, w.office)
    )
    return R.eml(
        s.email,
        [to],
        subject,
        text,
        key=f"file{tag}{i}{to}",
        minute=k.minute(),
        attachments=[("Claim_file_index.pdf", "application/pdf", R.pdf(C.piawe(w)))] if attach else None,
    )


def relationships(k: Kit, i: int) -> None:
    v = i % 9
    cat = "relationships/"
    if v == 0:
        a = k.worker()
        _, emp = k.other_employer(a)
        k.pair(
            cat + "employer-rtw-plan",
            "eml",
            _rtw_mail(k, a, emp.rtw, i),
            _rtw_mail(k, a, a.employer.rtw, i),
            MIS,
            f"RTW plan of {a.cid} sent to another employer's RTW mailbox",
            f"RTW plan of {a.cid} to {a.cid}'s employer (authorised contact)",
        )
    elif v in (1, 2, 3):
        key = {1: "lawyer", 2: "union", 3: "interpreter"}[v]
        pool = {1: W.LAW_FIRMS, 2: W.UNIONS, 3: W.INTERPRETERS}[v]
        a = k.with_party(key)
        other = next(p for p in pool if p.email not in a.contacts)
        subj = {
            1: "Request for documents - your client",
            2: "Update on member's claim",
            3: "Interpreter booking - case conference 24 March",
        }[v]
        k.pair(
            cat + f"{key}-file",
            "eml",
            _file_mail(k, a, other.email, i, subj),
            _file_mail(k, a, a.contact_parties[key].email, i, subj),
            MIS,
            f"file of {a.cid} sent to a {key} not authorised by {a.cid}",
            f"file of {a.cid} to {a.cid}'s authorised {key}",
        )
    elif v == 4:
        y, z = k.reg.young[(i // 9) % 3 * 2], k.reg.young[(i // 9) % 3 * 2 + 1]
        s = k.staff()

        def mail(to: str) -> bytes:
            return R.eml(
                s.email,
                [to],
                f"Claim update for {z.given}",
                f"Dear parent or guardian,\n\nAs {z.given}'s nominated contact, here is an update on claim "
                f"{z.claim}: {z.given} ({C.short_date(z.dob)}) is cleared for school-hours suitable duties "
                f"at {z.employer.name} from 23 March." + R.signature(s, z.office),
                key=f"par{i}{to}",
                minute=k.minute(),
            )

        k.pair(
            cat + "parent-of-young-worker",
            "eml",
            mail(y.parent_email),
            mail(z.parent_email),
            MIS,
            f"update on young worker {z.cid} sent to the parent of {y.cid}",
            f"update on young worker {z.cid} to {z.cid}'s parent (authorised contact)",
        )
    elif v == 5:
        s = k.fv()
        k.pair(
            cat + "employer-suppressed",
            "eml",
            _rtw_mail(k, s, s.employer.rtw, i, home=True),
            _rtw_mail(k, s, s.employer.rtw, i, tag="x"),
            SUP[:1],
            f"RTW plan with the suppressed new address of {s.cid} to {s.cid}'s employer",
            f"RTW plan of {s.cid} to the employer, contact through the case manager",
            suppressed=True,
        )
    elif v == 6:
        s = k.fv()
        law = s.contact_parties["lawyer"].email
        extra = f"\n\nShe has asked us to record her new address, {s.address}, and mobile {s.phone}."
        k.pair(
            cat + "lawyer-suppressed",
            "eml",
            # No PIAWE notice attached (maintainers' change): it is addressed to her at her suppressed address.
            _file_mail(k, s, law, i, "Your client's file", extra, attach=False),
            _file_mail(k, s, law, i, "Your client's file", tag="x", attach=False),
            SUP[:1],
            f"file of {s.cid} to {s.cid}'s lawyer with the suppressed new address and mobile",
            f"file of {s.cid} to {s.cid}'s lawyer, no contact details",
            suppressed=True,
        )
    elif v == 7:
        a, b = k.reg.death[2 + (i // 9) % 2]  # a protected, b her former partner and joint holder
        s = k.staff()

        def mail(extra: str, tag: str) -> bytes:
            return R.eml(
                s.email,
                [b.email],
                f"Dependants' benefits - claim {b.claim}",
                f"Dear {b.given},\n\nThe lump sum dependency benefit on claim {b.claim} will be divided "
                f"equally between you and {a.given} {a.family}; your share is paid on 27 March.{extra}"
                + R.signature(s, b.office),
                key=f"dep{tag}{i}",
                minute=k.minute(),
            )

        k.pair(
            cat + "joint-dependants",
            "eml",
            mail(f"\n\n{a.given}'s payment advice will go to her at {a.street}, {a.suburb}.", "b"),
            mail("", "g"),
            SUP[:1],
            f"suppressed address of {a.cid} in an email to joint holder {b.cid}",
            f"joint death claim update to {b.cid} naming co-dependant {a.cid}",
            suppressed=True,
        )
    else:
        a = k.with_party("gp")
        other = next(p for p in W.GP_CLINICS if p.email not in a.contacts)
        s = k.staff()

        def mail(to: str) -> bytes:
            return R.eml(
                s.email,
                [to],
                f"Treatment approval - {a.name}",
                f"Dear Doctor,\n\nWe approve 8 further physiotherapy sessions for {a.name} (DOB "
                f"{C.short_date(a.dob)}, claim {a.claim}). Please note the current certificate of capacity "
                "expires on 30 March." + R.signature(s, a.office),
                key=f"gp{i}{to}",
                minute=k.minute(),
            )

        k.pair(
            cat + "treating-gp",
            "eml",
            mail(other.email),
            mail(a.contact_parties["gp"].email),
            MIS,
            f"treatment approval of {a.cid} sent to a clinic not treating {a.cid}",
            f"treatment approval of {a.cid} to {a.cid}'s treating clinic",
        )
