"""Posted letters (window envelope): incidents, each beside its legitimate twin, and everyday letters."""

from __future__ import annotations

from tests.corpora.superfund import content as ct
from tests.corpora.superfund.corpus import Corpus
from tests.corpora.superfund.formats import Letter, letter_bytes, pdf_bytes
from tests.corpora.superfund.people import Member, date_fmt, phone_fmt

EXTS = ["pdf", "pdf", "docx", "rtf", "html", "txt"]
MM = ["mismatched_recipient", "mixed_client_documents"]


def _ext(cx: Corpus) -> str:
    return cx.rng.choice(EXTS)


def _pair(cx: Corpus, area: str, ext: str, bad: bytes, good: bytes, rules: list[str], nb: str, ng: str, sup=False):
    a = cx.add(f"{area}", ext, bad, "block", nb, rules=rules, suppressed=sup)
    b = cx.add(f"{area.split('/')[0]}/{area.split('/')[1]}-twin", ext, good, "allow", ng)
    cx.twin(a, b)


def wrong_envelope(cx: Corpus) -> None:
    """A statement for member A in an envelope addressed to member B."""
    for _ in range(cx.count(7)):
        a, b = cx.reg.others(), cx.reg.others()
        while b.client_id == a.client_id:
            b = cx.reg.others()
        ext, today = _ext(cx), cx.today()
        bad = ct.statement_letter(a, cx.addressee(b), cx.rng, today)
        good = ct.statement_letter(b, cx.addressee(b), cx.rng, today)
        _pair(
            cx,
            "address-block/statement-wrong-envelope",
            ext,
            letter_bytes(bad, ext),
            letter_bytes(good, ext),
            MM,
            f"statement of {a.client_id} addressed to {b.client_id}",
            f"statement of {b.client_id} addressed to {b.client_id}",
        )


def same_name(cx: Corpus) -> None:
    """Two members share a name: the letter reaches the right name at the wrong address."""
    r = cx.reg
    for a, b in ((r.same_a, r.same_b), (r.same_b, r.same_a)):
        ext = _ext(cx)
        today = cx.today()
        bad = ct.contribution_letter(b, cx.addressee(a), cx.rng, today)
        bad.paras.append(f"Date of birth: {date_fmt(b.dob, cx.rng.randrange(7))}.")
        good = ct.contribution_letter(a, cx.addressee(a), cx.rng, today)
        good.paras.append(f"Date of birth: {date_fmt(a.dob, cx.rng.randrange(7))}.")
        _pair(
            cx,
            "identifiers-dates/same-name-other-member",
            ext,
            letter_bytes(bad, ext),
            letter_bytes(good, ext),
            ["mismatched_recipient", "mixed_client_documents"],
            f"same name: member number and date of birth of {b.client_id} in a letter to {a.client_id}",
            f"same name: own details of {a.client_id}",
        )


def mixed_pages(cx: Corpus) -> None:
    """Pages of two members printed together: A's statement with B's transaction page."""
    for _ in range(cx.count(5)):
        a, b = cx.reg.others(), cx.reg.others()
        while b.client_id == a.client_id:
            b = cx.reg.others()
        today = cx.today()
        good = ct.statement_letter(a, cx.addressee(a), cx.rng, today)
        other = ct.statement_letter(b, cx.addressee(b), cx.rng, today)
        bad = ct.statement_letter(a, cx.addressee(a), cx.rng, today)
        bad.paras, bad.ref = good.paras, good.ref
        bad.extra_pages = other.extra_pages
        _pair(
            cx,
            "address-block/mixed-statement-pages",
            "pdf",
            pdf_bytes([bad]),
            pdf_bytes([good]),
            ["mixed_client_documents", "mismatched_recipient"],
            f"statement of {a.client_id} with page 2 of {b.client_id}",
            f"statement of {a.client_id}, both pages",
        )


def couple(cx: Corpus) -> None:
    r = cx.reg
    for ext in ("pdf", "docx"):
        today = cx.today()
        bad = ct.statement_letter(r.wife, cx.addressee(r.husband), cx.rng, today)
        good = ct.statement_letter(r.husband, cx.addressee(r.wife), cx.rng, today)
        _pair(
            cx,
            "relationships/spouse-statement",
            ext,
            letter_bytes(bad, ext),
            letter_bytes(good, ext),
            MM,
            f"statement of {r.wife.client_id} to spouse {r.husband.client_id}, who holds no authority for it",
            f"statement of {r.husband.client_id} to spouse {r.wife.client_id}, authorised on that account",
        )


def death_benefit(cx: Corpus) -> None:
    r = cx.reg
    d = r.deceased
    for i, ext in enumerate(("pdf", "docx", "rtf")):
        today = cx.today()
        bad = ct.death_letter(d, cx.addressee(r.estranged), f"Dear {r.estranged.given},", cx.rng, today, "a relative")
        who = r.beneficiary if i != 1 else r.executor
        role = "a nominated beneficiary" if i != 1 else "executor of the estate"
        good = ct.death_letter(d, cx.addressee(who), f"Dear {who.given},", cx.rng, today, role)
        _pair(
            cx,
            "relationships/death-benefit-non-nominee",
            ext,
            letter_bytes(bad, ext),
            letter_bytes(good, ext),
            ["mismatched_recipient"],
            f"death benefit of {d.client_id} to {r.estranged.client_id}, not nominated and not executor",
            f"death benefit of {d.client_id} to {who.client_id}, authorised on the deceased's account",
        )


def family_law(cx: Corpus) -> None:
    r = cx.reg
    v, ex = r.victim, r.ex
    court = f"BRC{cx.rng.randint(1000, 9999)}/{cx.rng.randint(2024, 2026)}"
    for i, ext in enumerate(("pdf", "docx", "txt")):
        today = cx.today()
        good = ct.family_law_letter(ex, cx.addressee(ex), cx.rng, today, court)
        bad = ct.family_law_letter(ex, cx.addressee(ex), cx.rng, today, court)
        bad.paras = list(good.paras)
        if i == 0:
            bad.signoff = good.signoff + ["", f"cc: {v.given} {v.family}, {v.address.one_line()}"]
            note = f"split letter to {ex.client_id} copies {v.client_id} at her suppressed address"
        elif i == 1:
            bad.paras.append(f"The other party can be contacted on {phone_fmt(v.phones[0], 0)} if you have questions.")
            note = f"split letter to {ex.client_id} gives the suppressed phone of {v.client_id}"
        else:
            bad.paras.append(f"Correspondence for the other party now goes to {', '.join(v.address.block(1))}.")
            note = f"split letter to {ex.client_id} gives the suppressed new address of {v.client_id}"
        _pair(
            cx,
            "suppressed-loose/family-law-split",
            ext,
            letter_bytes(bad, ext),
            letter_bytes(good, ext),
            ["suppressed_detail_exposed", "mismatched_recipient"],
            note,
            f"split letter to {ex.client_id} with no detail of the other party",
            sup=True,
        )
    # a letter for the former spouse sent to the victim's suppressed address
    today = cx.today()
    bad = ct.family_law_letter(
        ex, [f"{ex.title} {ex.given} {ex.family}".strip(), *v.address.block(0)], cx.rng, today, court
    )
    good = ct.family_law_letter(v, cx.addressee(v), cx.rng, today, court)
    _pair(
        cx,
        "suppressed-loose/delivery-address",
        "pdf",
        letter_bytes(bad, "pdf"),
        letter_bytes(good, "pdf"),
        ["suppressed_detail_exposed", "mismatched_recipient"],
        f"letter for {ex.client_id} addressed to the suppressed address of {v.client_id}",
        f"letter for {v.client_id} at her own (suppressed) address",
        sup=True,
    )


PLACEHOLDERS = ["«FirstName»", "<<Title>> <<Surname>>", "[Surname]", "{{member_number}}", "{ MERGEFIELD Given_Name }"]


def unmerged(cx: Corpus) -> None:
    for i in range(cx.count(5)):
        m = cx.reg.others()
        ext, today = _ext(cx), cx.today()
        good = ct.contribution_letter(m, cx.addressee(m), cx.rng, today)
        bad = ct.contribution_letter(m, cx.addressee(m), cx.rng, today)
        bad.paras = good.paras
        ph = PLACEHOLDERS[i % len(PLACEHOLDERS)]
        if ph.startswith("{{"):
            bad.ref = "Member number: " + ph
        else:
            bad.salutation = f"Dear {ph},"
        _pair(
            cx,
            "unmerged/letter-field",
            ext,
            letter_bytes(bad, ext),
            letter_bytes(good, ext),
            ["unmerged_field"],
            f"letter to {m.client_id} with an unmerged field",
            f"letter to {m.client_id}, fields merged",
        )


def encrypted(cx: Corpus) -> None:
    for _ in range(cx.count(2)):
        m = cx.reg.others()
        lt = ct.statement_letter(m, cx.addressee(m), cx.rng, cx.today())
        _pair(
            cx,
            "unscannable/encrypted-letter",
            "pdf",
            pdf_bytes([lt], password=m.dob.strftime("%d%m%Y")),
            pdf_bytes([lt]),
            ["unscannable_content"],
            f"password-protected statement for {m.client_id}",
            f"the same statement for {m.client_id}, not protected",
        )


def everyday(cx: Corpus) -> None:
    """Ordinary letters to the right people."""
    r = cx.reg
    kinds = ["statement", "contribution", "tfn", "claim", "compassionate", "split"]
    for i in range(cx.count(20)):
        kind = kinds[i % len(kinds)]
        ext, today = _ext(cx), cx.today()
        m = cx.reg.others()
        lt: Letter
        if kind == "statement":
            lt = ct.statement_letter(m, cx.addressee(m), cx.rng, today)
        elif kind == "contribution":
            lt = ct.contribution_letter(m, cx.addressee(m), cx.rng, today)
        elif kind == "tfn":
            lt = ct.tfn_not_quoted_letter(m, cx.addressee(m), cx.rng, today)
        elif kind == "claim":
            m, _doc = r.claimants[i % len(r.claimants)]
            lt = ct.claim_letter(m, cx.addressee(m), cx.rng, today, m.claims[-1], to_doctor=False)
        elif kind == "compassionate":
            lt = ct.compassionate_letter(m, cx.addressee(m), cx.rng, today, approved=i % 2 == 0)
        else:
            m = [r.victim, r.ex, r.same_a, r.same_b, r.wife, r.husband][i % 6]
            lt = ct.family_law_letter(m, cx.addressee(m), cx.rng, today, "BRC0001/2026")
            if m not in (r.victim, r.ex):
                lt = ct.statement_letter(m, cx.addressee(m), cx.rng, today)
        cx.add(f"everyday/{kind}-letter", ext, letter_bytes(lt, ext), "allow", f"{kind} letter to {m.client_id}")
    # death benefit letters to executor and nominated beneficiary
    for who, role in ((r.executor, "executor of the estate"), (r.beneficiary, "a nominated beneficiary")):
        lt = ct.death_letter(r.deceased, cx.addressee(who), f"Dear {who.given},", cx.rng, cx.today(), role)
        cx.add(
            "everyday/death-benefit-letter",
            "pdf",
            letter_bytes(lt, "pdf"),
            "allow",
            f"death benefit of {r.deceased.client_id} to {who.client_id}, authorised",
        )


def member_pair(cx: Corpus) -> tuple[Member, Member]:
    a = cx.reg.others()
    return a, cx.reg.others(a)


def build(cx: Corpus) -> None:
    wrong_envelope(cx)
    same_name(cx)
    mixed_pages(cx)
    couple(cx)
    death_benefit(cx)
    family_law(cx)
    unmerged(cx)
    encrypted(cx)
    everyday(cx)
