"""Further cases: legacy account numbers, TFNs in approved channels, deep threads, print-room PDFs."""

from __future__ import annotations

from tests.corpora.superfund import content as ct
from tests.corpora.superfund.corpus import Corpus
from tests.corpora.superfund.formats import Letter, letter_bytes, message, pdf_bytes, reply_id
from tests.corpora.superfund.people import FUNDS, Member, date_fmt, member_no_fmt, phone_fmt


def _legacy(cx: Corpus, *exclude: Member) -> Member:
    while True:
        m = cx.reg.others(*exclude)
        if m.legacy_acc:
            return m


def legacy_accounts(cx: Corpus) -> None:
    """Members who joined through a merged fund still quote the old account ('Acc 1004827')."""
    for i in range(cx.count(4)):
        a = _legacy(cx)
        b = _legacy(cx, a)
        staff_name, staff_addr = cx.staff()
        when = cx.when()
        style = ["Acc {}", "old account no. {}", "Account {} (Seaway Super)", "acct #{}"][i % 4]
        text = (
            f"Dear {a.given},\n\nYour former Seaway Super account, {style}, was transferred into your Coastline "
            f"account in the successor fund transfer. Your insurance cover carried over unchanged.\n\n"
            f"{ct.signature(cx.rng, staff_name)}"
        )
        x = cx.add(
            "identifiers-dates/legacy-account-other-member",
            "eml",
            message(
                f"lg{i}b{cx.seed}",
                staff_addr,
                [cx.rcpt(a)],
                "Your transferred account",
                text.format(b.legacy_acc),
                when,
            ),
            "block",
            f"email to {a.client_id} quotes the legacy account of {b.client_id}",
            rules=["mismatched_recipient"],
        )
        y = cx.add(
            "identifiers-dates/legacy-account-other-member-twin",
            "eml",
            message(
                f"lg{i}g{cx.seed}",
                staff_addr,
                [cx.rcpt(a)],
                "Your transferred account",
                text.format(a.legacy_acc),
                when,
            ),
            "allow",
            f"email to {a.client_id} quotes their own legacy account",
        )
        cx.twin(x, y)


def tfn_approved(cx: Corpus) -> None:
    """A TFN may travel to another regulated fund on a rollover and to the ATO: approved recipients."""
    for i in range(cx.count(3)):
        m = cx.reg.others()
        staff_name, staff_addr = cx.staff()
        if i % 2 == 0:
            to = f"rollovers@{FUNDS[i % len(FUNDS)]}"
            text = (
                f"Hello,\n\nManual rollover (the SuperStream message was rejected): {m.given} {m.family}, DOB "
                f"{m.dob:%d/%m/%Y}, TFN {m.tfn[:3]} {m.tfn[3:6]} {m.tfn[6:]}, {member_no_fmt(m.member_no, 2)}, "
                f"amount {ct.money(m.balance)}.\n\n{ct.signature(cx.rng, staff_name, 'Benefit Payments')}"
            )
        else:
            to = "super.lodgments@ato.example"
            text = (
                f"Hello,\n\nPlease find the member details for the lost-member statement correction: {m.given} "
                f"{m.family}, TFN {m.tfn}, account {m.member_no}.\n\n{ct.signature(cx.rng, staff_name, 'Compliance')}"
            )
        cx.add(
            "identifiers-dates/tfn-approved-recipient",
            "eml",
            message(f"ta{i}{cx.seed}", staff_addr, [to], "Member details", text, cx.when()),
            "allow",
            f"TFN of {m.client_id} to an approved recipient (receiving fund or tax office)",
        )


def _deep_thread(cx: Corpus, to: Member, first: Member, key: str, i: int) -> bytes:
    staff_name, staff_addr = cx.staff()
    prev_name, prev_addr = cx.staff()
    prev_addr = prev_addr.split("<")[-1].rstrip(">")
    when = cx.when()
    oldest = (
        f"Hi,\nI'm about to turn 60 and have stopped working. Can I access my super?\n"
        f"{first.given} {first.family}\n{member_no_fmt(first.member_no, [0, 1, 2, 4][i % 4])}\n"
        f"{phone_fmt(first.phones[0], i)}"
    )
    middle = (
        f"Hi {first.given},\nYes, you have met a condition of release. Please complete the attached form.\n"
        f"{prev_name}\n\n"
        + ct.quote(oldest, 0, f"{first.given} {first.family}", f"{when:%d/%m/%Y}", first.email, "Access")
    )
    top = (
        f"Hi {to.given},\n\nThe form you asked about is attached to the message below; the same steps apply "
        f"to you.\n\n{ct.signature(cx.rng, staff_name)}\n"
    )
    body = top + ct.quote(middle, 1, prev_name, f"{when:%A, %d %B %Y %I:%M %p}", prev_addr, "RE: Access", first.email)
    return message(key, staff_addr, [cx.rcpt(to)], "RE: RE: Access", body, when, reply_to_id=reply_id(key))


def deep_threads(cx: Corpus) -> None:
    """Three-deep threads: a staff member reuses an old thread and the oldest message is another member's."""
    for i in range(cx.count(4)):
        a = cx.reg.others()
        b = cx.reg.others(a)
        x = cx.add(
            "threads/deep-history-other-member",
            "eml",
            _deep_thread(cx, a, b, f"dt{i}b{cx.seed}", i),
            "block",
            f"old thread of {b.client_id} reused to write to {a.client_id}",
            rules=["mismatched_recipient", "mixed_client_documents"],
        )
        y = cx.add(
            "threads/deep-history-other-member-twin",
            "eml",
            _deep_thread(cx, a, a, f"dt{i}g{cx.seed}", i),
            "allow",
            f"thread of {a.client_id} continued with {a.client_id}",
        )
        cx.twin(x, y)
    for i in range(cx.count(5)):
        m = cx.reg.others()
        cx.add(
            "threads/deep-own-history",
            "eml",
            _deep_thread(cx, m, m, f"do{i}{cx.seed}", i),
            "allow",
            f"three-deep thread of {m.client_id}",
        )


def own_details(cx: Corpus) -> None:
    """A member's own full details sent back to them: nothing wrong with it."""
    for i in range(cx.count(6)):
        m = cx.reg.others()
        lt = Letter(
            addressee=cx.addressee(m),
            date=cx.today(),
            ref=member_no_fmt(m.member_no, i),
            subject="Confirmation of your personal details",
            salutation=f"Dear {m.given},",
            paras=[
                f"Name: {m.given} {m.family}. Date of birth: {date_fmt(m.dob, i)}.",
                f"Postal address: {m.address.one_line()}. Mobile: {phone_fmt(m.phones[0], i)}. Email: {m.email}.",
                "If any of these details are wrong, please call us on 1300 555 014.",
            ],
            head=i,
        )
        ext = ["pdf", "docx", "txt", "html"][i % 4]
        cx.add(
            "recipient-own-details/details-confirmation",
            ext,
            letter_bytes(lt, ext),
            "allow",
            f"own details to {m.client_id}",
        )


def print_batches(cx: Corpus) -> None:
    """A print-room PDF of several letters given to the pre-send folder: one verdict per letter."""
    for i in range(cx.count(3)):
        people = [cx.reg.others()]
        while len(people) < 3 + i % 2:
            people.append(cx.reg.others(*people))
        today = cx.today()
        good = [ct.contribution_letter(m, cx.addressee(m), cx.rng, today) for m in people]
        wrong = 1 + i % (len(people) - 1)
        bad = list(good)
        other = people[(wrong + 1) % len(people)]
        bad[wrong] = ct.contribution_letter(other, cx.addressee(people[wrong]), cx.rng, today)
        x = cx.add(
            "address-block/print-batch-pdf",
            "pdf",
            pdf_bytes(bad),
            "",
            f"{len(people)} letters; letter {wrong + 1} is addressed to {people[wrong].client_id} "
            f"but carries the account of {other.client_id}",
            letters=[
                {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}
                if k == wrong
                else {"expect": "allow"}
                for k in range(len(people))
            ],
        )
        y = cx.add(
            "address-block/print-batch-pdf-twin",
            "pdf",
            pdf_bytes(good),
            "",
            f"{len(people)} letters, each to its own member",
            letters=[{"expect": "allow"} for _ in people],
        )
        cx.twin(x, y)


def _pair(cx: Corpus, cat: str, bad: bytes, good: bytes, rules: list[str], nb: str, ng: str) -> None:
    x = cx.add(cat, "eml", bad, "block", nb, rules=rules)
    y = cx.add(cat + "-twin", "eml", good, "allow", ng)
    cx.twin(x, y)


def relationship_mail(cx: Corpus) -> None:
    """The same-name members, the couple and the deceased member's family, by email."""
    r = cx.reg
    staff_name, staff_addr = cx.staff()
    sig = ct.signature(cx.rng, staff_name)
    when = cx.when()

    def withdrawal(to: Member, about: Member, key: str) -> bytes:
        text = (
            f"Hi {to.given},\n\nWe have received your withdrawal request for {member_no_fmt(about.member_no, 2)} "
            f"(date of birth {date_fmt(about.dob, 0)}). It will be paid within 3 business days.\n\n{sig}"
        )
        return message(key, staff_addr, [cx.rcpt(to)], "Withdrawal request", text, when)

    for a, b in ((r.same_a, r.same_b), (r.same_b, r.same_a)):
        _pair(
            cx,
            "identifiers-dates/same-name-email",
            withdrawal(a, b, f"snb{a.client_id}"),
            withdrawal(a, a, f"sng{a.client_id}"),
            ["mismatched_recipient"],
            f"same name: withdrawal of {b.client_id} confirmed to {a.client_id}",
            f"same name: own withdrawal confirmed to {a.client_id}",
        )

    def balance(to: Member, about: Member, key: str) -> bytes:
        text = (
            f"Hi {to.given},\n\nAs requested, the balance of {about.given}'s account "
            f"({member_no_fmt(about.member_no, 0)}) is {ct.money(about.balance)}.\n\n{sig}"
        )
        return message(key, staff_addr, [cx.rcpt(to)], "Balance enquiry", text, when)

    _pair(
        cx,
        "relationships/spouse-email",
        balance(r.husband, r.wife, "cpb"),
        balance(r.wife, r.husband, "cpg"),
        ["mismatched_recipient"],
        f"balance of {r.wife.client_id} to spouse {r.husband.client_id}, not authorised",
        f"balance of {r.husband.client_id} to spouse {r.wife.client_id}, authorised",
    )
    d = r.deceased

    def death(to: Member, role: str, key: str) -> bytes:
        text = (
            f"Dear {to.given},\n\nFurther to your call about the late {d.given} {d.family} (claim {d.claims[-1]}, "
            f"{member_no_fmt(d.member_no, 1)}): as {role}, we can confirm the death benefit is "
            f"{ct.money(d.balance)} plus insured cover of $250,000.00.\n\n{sig}"
        )
        return message(key, staff_addr, [cx.rcpt(to)], "Death benefit enquiry", text, when)

    _pair(
        cx,
        "relationships/death-benefit-email",
        death(r.estranged, "a family member", "dbb"),
        death(r.beneficiary, "a nominated beneficiary", "dbg"),
        ["mismatched_recipient"],
        f"death benefit of {d.client_id} to {r.estranged.client_id}, not nominated",
        f"death benefit of {d.client_id} to nominated beneficiary {r.beneficiary.client_id}",
    )


def build(cx: Corpus) -> None:
    relationship_mail(cx)
    legacy_accounts(cx)
    tfn_approved(cx)
    deep_threads(cx)
    own_details(cx)
    print_batches(cx)
