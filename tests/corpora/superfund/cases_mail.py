"""Email incidents (threads, forwards, attachments, identifiers), each beside its legitimate twin."""

from __future__ import annotations

from tests.corpora.superfund import content as ct
from tests.corpora.superfund.corpus import Corpus
from tests.corpora.superfund.formats import docx_bytes, message, pdf_bytes, reply_id
from tests.corpora.superfund.people import (
    ADVISERS,
    DOCTORS,
    DOMAIN,
    EMPLOYERS,
    FUNDS,
    INSURER,
    SUPPRESSED_STAFF,
    Member,
    member_no_fmt,
    phone_fmt,
)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _pair(cx: Corpus, cat: str, bad: bytes, good: bytes, rules: list[str], nb: str, ng: str, sup: bool = False) -> None:
    a = cx.add(cat, "eml", bad, "block", nb, rules=rules, suppressed=sup)
    b = cx.add(cat + "-twin", "eml", good, "allow", ng)
    cx.twin(a, b)


def _two(cx: Corpus) -> tuple[Member, Member]:
    a = cx.reg.others()
    return a, cx.reg.others(a)


def member_query(m: Member, cx: Corpus) -> str:
    """A member's own question, as it arrives and is later quoted."""
    s = cx.rng.choice([0, 1, 2, 4, 5])  # never "Your member number": the member is writing
    return cx.rng.choice(
        [
            f"Hi, I changed jobs last month. Can you check my new employer is paying into my account? "
            f"{member_no_fmt(m.member_no, s)}\n\nThanks\n{m.given} {m.family}\n{phone_fmt(m.phones[0], s)}",
            f"Hello,\nI'd like to consolidate my old super into Coastline. My member number is {m.member_no}.\n"
            f"Regards,\n{m.given} {m.family}\nMob: {m.phones[0]}",
            f"Good morning, please update my address to {m.address.one_line()}.\n"
            f"{m.given} {m.family} (DOB {m.dob:%d/%m/%Y})",
        ]
    )


def thread_reply(cx: Corpus, m: Member, history_of: Member, key: str) -> bytes:
    staff_name, staff_addr = cx.staff()
    when = cx.when()
    body = (
        f"Hi {m.given},\n\nThanks for your email. I've checked your account and your employer's contributions "
        f"for March have been received. Nothing further is needed.\n\n{ct.signature(cx.rng, staff_name)}\n"
    )
    body += ct.quote(
        member_query(history_of, cx),
        cx.rng.randrange(2),
        f"{history_of.given} {history_of.family}",
        f"{when - ct_days(2):%a, %d %b %Y at %H:%M}",
        history_of.email,
        "Contributions",
        to=f"members@{DOMAIN}",
    )
    return message(key, staff_addr, [cx.rcpt(m)], "RE: Contributions", body, when, reply_to_id=reply_id(key))


def ct_days(n: int):
    from datetime import timedelta

    return timedelta(days=n)


def quoted_other_member(cx: Corpus) -> None:
    for i in range(cx.count(7)):
        a, b = _two(cx)
        _pair(
            cx,
            "threads/quoted-history-other-member",
            thread_reply(cx, a, b, f"q{i}bad{cx.seed}"),
            thread_reply(cx, a, a, f"q{i}good{cx.seed}"),
            ["mismatched_recipient", "mixed_client_documents"],
            f"reply to {a.client_id} quotes a query of {b.client_id}",
            f"reply to {a.client_id} quotes their own query",
        )


def forward_to_ex(cx: Corpus) -> None:
    r = cx.reg
    v, ex = r.victim, r.ex
    for i in range(3):
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        top = (
            f"Hi {ex.given},\n\nAs discussed, see below the confirmation of the split lodged on your account "
            f"({member_no_fmt(ex.member_no, i)}).\n\n{ct.signature(cx.rng, staff_name, 'Family Law Team')}\n"
        )
        detail = [
            f"Address for service: {v.address.one_line()}",
            f"Contact phone: {phone_fmt(v.phones[0], i)}",
            f"Preferred email: {v.email}",
        ][i]
        bad_hist = (
            f"---------- Forwarded message ---------\nFrom: Family Law Team <familylaw@{DOMAIN}>\n"
            f"Date: {when - ct_days(5):%d %B %Y}\nSubject: Split lodged\n\nSplit lodged for both parties. "
            f"Non-member spouse {v.given} {v.family}: {detail}.\nMember spouse {ex.given} {ex.family}: "
            f"{ex.address.one_line()}.\n"
        )
        good_hist = (
            f"---------- Forwarded message ---------\nFrom: Family Law Team <familylaw@{DOMAIN}>\n"
            f"Date: {when - ct_days(5):%d %B %Y}\nSubject: Split lodged\n\nSplit lodged for both parties. "
            f"Non-member spouse: contact details withheld.\nMember spouse {ex.given} {ex.family}: "
            f"{ex.address.one_line()}.\n"
        )
        _pair(
            cx,
            "suppressed-loose/forward-to-former-spouse",
            message(f"fx{i}b{cx.seed}", staff_addr, [cx.rcpt(ex)], "FW: Split lodged", top + bad_hist, when),
            message(f"fx{i}g{cx.seed}", staff_addr, [cx.rcpt(ex)], "FW: Split lodged", top + good_hist, when),
            ["suppressed_detail_exposed", "mismatched_recipient"],
            f"forward to {ex.client_id} quotes a suppressed detail of {v.client_id}",
            f"forward to {ex.client_id} with the other party's details withheld",
            sup=True,
        )
    # internal forward of the victim's new address: only the family-violence support staff may see it
    for i in range(2):
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        text = (
            f"Please update the member record for {v.given} {v.family} ({v.member_no}): new postal address "
            f"{v.address.one_line()}, mobile {v.phones[0]}. Suppression requested.\n\n"
            f"{ct.signature(cx.rng, staff_name)}"
        )
        plain_staff = f"{cx.rng.choice(['r.mehta', 't.ngata', 'd.papadakis'])}@{DOMAIN}"
        _pair(
            cx,
            "suppressed-loose/internal-forward",
            message(f"if{i}b{cx.seed}", staff_addr, [plain_staff], "Address change - urgent", text, when),
            message(f"if{i}g{cx.seed}", staff_addr, [SUPPRESSED_STAFF[i % 2]], "Address change - urgent", text, when),
            ["suppressed_detail_exposed"],
            f"suppressed details of {v.client_id} to internal staff not on the suppressed-detail list",
            f"suppressed details of {v.client_id} to the family-violence support staff",
            sup=True,
        )


def adviser_and_doctor(cx: Corpus) -> None:
    r = cx.reg
    for m, i in r.advised:
        name, addr = ADVISERS[i]
        oname, oaddr = ADVISERS[1 - i]
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        stmt = pdf_bytes([ct.statement_letter(m, cx.addressee(m), cx.rng, cx.today())])

        def mail(to: str, who: str, key: str, m=m, stmt=stmt, staff_name=staff_name, staff_addr=staff_addr, when=when):
            text = (
                f"Dear {who.split()[0]},\n\nAs requested under your client's authority, attached is the annual "
                f"statement for {m.given} {m.family}, {member_no_fmt(m.member_no, 1)}.\n\n"
                f"{ct.signature(cx.rng, staff_name, 'Adviser Services')}"
            )
            return message(
                key, staff_addr, [to], "Statement request", text, when, attachments=[("statement.pdf", PDF, stmt)]
            )

        _pair(
            cx,
            "relationships/adviser-not-authorised",
            mail(oaddr, oname, f"adv{m.client_id}b"),
            mail(addr, name, f"adv{m.client_id}g"),
            ["mismatched_recipient"],
            f"statement of {m.client_id} to an adviser not authorised on the account",
            f"statement of {m.client_id} to the adviser authorised on the account",
        )
    for m, i in r.claimants:
        doc, daddr, clinic = DOCTORS[i]
        _odoc, oaddr, _oclinic = DOCTORS[(i + 1) % len(DOCTORS)]
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        lt = ct.claim_letter(m, [doc, clinic], cx.rng, cx.today(), m.claims[-1], to_doctor=True)
        att = pdf_bytes([lt])
        text = (
            f"Dear Doctor,\n\nPlease find attached our request for an attending medical practitioner's statement "
            f"for your patient {m.given} {m.family} (claim {m.claims[-1]}). The signed authority is enclosed.\n\n"
            f"{ct.signature(cx.rng, staff_name, 'Insurance & Claims')}"
        )
        _pair(
            cx,
            "relationships/doctor-wrong-clinic",
            message(
                f"doc{m.client_id}b",
                staff_addr,
                [oaddr],
                "Medical report request",
                text,
                when,
                attachments=[("AMPS.pdf", PDF, att)],
            ),
            message(
                f"doc{m.client_id}g",
                staff_addr,
                [daddr],
                "Medical report request",
                text,
                when,
                attachments=[("AMPS.pdf", PDF, att)],
            ),
            ["mismatched_recipient"],
            f"claim of {m.client_id} sent to a clinic not authorised on the claim",
            f"claim of {m.client_id} sent to the treating doctor authorised on the claim",
        )


def employer_lists(cx: Corpus) -> None:
    r = cx.reg
    for e, (ename, edomain) in enumerate(EMPLOYERS):
        own = r.employees[e][:4]
        other_e = (e + 1) % len(EMPLOYERS)
        stranger = r.employees[other_e][0] if r.employees[other_e] else None
        if len(own) < 2 or stranger is None:
            continue
        staff_name, staff_addr = cx.staff()
        when = cx.when()

        def body(rows: list[Member], staff_name: str = staff_name) -> str:
            lines = "\n".join(f"  {m.member_no}  {m.family.upper()}, {m.given}  missing March SG" for m in rows)
            return (
                f"Hello Payroll team,\n\nOur reconciliation of your March contributions found these employees "
                f"without a contribution:\n\n{lines}\n\nCould you check and resubmit through your "
                f"clearing house?\n\n{ct.signature(cx.rng, staff_name, 'Employer Services')}"
            )

        bad_rows = own[:-1] + [stranger]
        to = [f"payroll@{edomain}"]
        _pair(
            cx,
            "bulk/employer-list-other-employer",
            message(f"emp{e}b{cx.seed}", staff_addr, to, f"{ename} - missing contributions", body(bad_rows), when),
            message(f"emp{e}g{cx.seed}", staff_addr, to, f"{ename} - missing contributions", body(own), when),
            ["mismatched_recipient", "bulk_client_data"],
            f"list to employer {e} includes {stranger.client_id}, employed elsewhere",
            f"list to employer {e} of its own employees only",
        )


def rollover(cx: Corpus) -> None:
    for i in range(cx.count(3)):
        m = cx.reg.others()
        fund = FUNDS[i % len(FUNDS)]
        fake = fund.replace(".example", "-transfers.example")
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        text = (
            f"Hello,\n\nWe confirm the rollover for {m.given} {m.family}, born {m.dob:%d/%m/%Y}, "
            f"{member_no_fmt(m.member_no, 2)}, amount {ct.money(m.balance)}. The rollover benefit statement "
            f"follows via SuperStream.\n\n{ct.signature(cx.rng, staff_name, 'Benefit Payments')}"
        )
        _pair(
            cx,
            "headers-links/rollover-lookalike-domain",
            message(f"ro{i}b{cx.seed}", staff_addr, [f"rollovers@{fake}"], "Rollover confirmation", text, when),
            message(f"ro{i}g{cx.seed}", staff_addr, [f"rollovers@{fund}"], "Rollover confirmation", text, when),
            ["mismatched_recipient"],
            f"rollover of {m.client_id} to a look-alike domain that is not an approved fund",
            f"rollover of {m.client_id} to the approved receiving fund",
        )


def attachments(cx: Corpus) -> None:
    for i in range(cx.count(5)):
        a, b = _two(cx)
        staff_name, staff_addr = cx.staff()
        when, today = cx.when(), cx.today()
        sa = pdf_bytes([ct.statement_letter(a, cx.addressee(a), cx.rng, today)])
        sb = pdf_bytes([ct.statement_letter(b, cx.addressee(b), cx.rng, today)])
        both = pdf_bytes(
            [
                ct.statement_letter(a, cx.addressee(a), cx.rng, today),
                ct.statement_letter(b, cx.addressee(b), cx.rng, today),
            ]
        )
        text = f"Hi {a.given},\n\nAs requested, your statement is attached.\n\n{ct.signature(cx.rng, staff_name)}"
        if i % 2 == 0:
            bad, note = sb, f"email to {a.client_id} attaches the statement of {b.client_id}"
            rules = ["mismatched_recipient"]
        else:
            bad, note = (
                both,
                f"email to {a.client_id} attaches one PDF with statements of {a.client_id} and {b.client_id}",
            )
            rules = ["mixed_client_documents", "mismatched_recipient"]
        _pair(
            cx,
            "mime-parts/statement-attachment",
            message(
                f"at{i}b{cx.seed}",
                staff_addr,
                [cx.rcpt(a)],
                "Your statement",
                text,
                when,
                attachments=[("Statement.pdf", PDF, bad)],
            ),
            message(
                f"at{i}g{cx.seed}",
                staff_addr,
                [cx.rcpt(a)],
                "Your statement",
                text,
                when,
                attachments=[("Statement.pdf", PDF, sa)],
            ),
            rules,
            note,
            f"email to {a.client_id} attaches their own statement",
        )
    # unreadable attachments
    for i in range(cx.count(3)):
        m = cx.reg.others()
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        lt = ct.statement_letter(m, cx.addressee(m), cx.rng, cx.today())
        if i % 2 == 0:
            bad = ("Statement.pdf", PDF, pdf_bytes([lt], password=m.dob.strftime("%d%m%Y")))
            good = ("Statement.pdf", PDF, pdf_bytes([lt]))
            what = "password-protected PDF"
            text = f"Hi {m.given},\n\nYour statement is attached. The password is your date of birth (DDMMYYYY).\n\n"
        else:
            full = docx_bytes(lt)
            bad = ("Claim form.docx", DOCX, full[: len(full) // 2])
            good = ("Claim form.docx", DOCX, full)
            what = "truncated (corrupt) Word file"
            text = f"Hi {m.given},\n\nPlease find your pre-filled form attached.\n\n"
        text += ct.signature(cx.rng, staff_name)
        _pair(
            cx,
            "unscannable/attachment",
            message(f"un{i}b{cx.seed}", staff_addr, [cx.rcpt(m)], "Your documents", text, when, attachments=[bad]),
            message(f"un{i}g{cx.seed}", staff_addr, [cx.rcpt(m)], "Your documents", text, when, attachments=[good]),
            ["unscannable_content"],
            f"email to {m.client_id} with a {what}",
            f"email to {m.client_id} with the same document readable",
        )


def identifiers(cx: Corpus) -> None:
    for i in range(cx.count(4)):
        m = cx.reg.others()
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        t = m.tfn
        shown = [t, f"{t[:3]} {t[3:6]} {t[6:]}", f"{t[:3]}-{t[3:6]}-{t[6:]}"][i % 3]
        text = (
            f"Hi {m.given},\n\nThanks for calling. We have now recorded your tax file number {{}} against "
            f"{member_no_fmt(m.member_no, i)}, so your contributions will be taxed at the normal rate.\n\n"
            f"{ct.signature(cx.rng, staff_name)}"
        )
        _pair(
            cx,
            "identifiers-dates/tfn-by-email",
            message(f"tfn{i}b{cx.seed}", staff_addr, [cx.rcpt(m)], "Your TFN", text.format(shown), when),
            message(
                f"tfn{i}g{cx.seed}", staff_addr, [cx.rcpt(m)], "Your TFN", text.format("ending in " + t[-3:]), when
            ),
            ["sensitive_identifier"],
            f"full TFN of {m.client_id} in a plain email to the member",
            f"TFN of {m.client_id} masked to its last three digits",
        )
    for i in range(cx.count(3)):
        a, b = _two(cx)
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        text = f"Hi {a.given},\n\nYour request has been processed.\n\n{ct.signature(cx.rng, staff_name)}"
        _pair(
            cx,
            "headers-links/subject-other-member",
            message(
                f"sub{i}b{cx.seed}", staff_addr, [cx.rcpt(a)], f"Withdrawal request - member {b.member_no}", text, when
            ),
            message(
                f"sub{i}g{cx.seed}", staff_addr, [cx.rcpt(a)], f"Withdrawal request - member {a.member_no}", text, when
            ),
            ["mismatched_recipient"],
            f"subject to {a.client_id} carries the member number of {b.client_id}",
            f"subject to {a.client_id} carries their own member number",
        )


def insurer(cx: Corpus) -> None:
    """The group insurer is an approved third party: claims go there routinely."""
    r = cx.reg
    for m, _i in r.claimants:
        staff_name, staff_addr = cx.staff()
        text = (
            f"Hi team,\n\nPlease find the claim file for {m.given} {m.family}, DOB {m.dob:%d/%m/%Y}, "
            f"claim {m.claims[-1]}, {member_no_fmt(m.member_no, 0)}. Medical evidence to follow.\n\n"
            f"{ct.signature(cx.rng, staff_name, 'Insurance & Claims')}"
        )
        msg = message(f"ins{m.client_id}", staff_addr, [f"claims@{INSURER}"], "Claim referral", text, cx.when())
        cx.add("everyday/insurer-referral", "eml", msg, "allow", f"claim of {m.client_id} to the approved insurer")


def build(cx: Corpus) -> None:
    quoted_other_member(cx)
    forward_to_ex(cx)
    adviser_and_doctor(cx)
    employer_lists(cx)
    rollover(cx)
    attachments(cx)
    identifiers(cx)
    insurer(cx)
