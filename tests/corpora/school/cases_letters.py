"""Letter incidents and their twins: address blocks, relationships, identifiers and dates, unmerged fields,
the recipient's own details."""

from __future__ import annotations

from .corpus import Corpus
from .letters import KINDS, block, dear, dob_text, letter
from .render import Letter, render
from .world import Client, Family, World

FORMATS = ["pdf", "docx", "pdf", "rtf", "txt", "html", "pdf"]
PLAIN = ("intact", "single", "separated")
MISMATCH = ["mismatched_recipient", "mixed_client_documents"]


def _fmt(i: int) -> str:
    return FORMATS[i % len(FORMATS)]


def _kind_letter(w: World, i: int, fam: Family, to: list[str], sal: str, **kw: object) -> Letter:
    kind = KINDS[i % len(KINDS)]
    st = fam.students[i % len(fam.students)]
    return letter(kind, st, to, sal, w.rng, fee=fam.fee_account, **kw)  # type: ignore[arg-type]


def _same(w: World, make: object) -> tuple[Letter, Letter]:
    """Builds twin letters from the same random draws (same date, same amounts)."""
    state = w.rng.getstate()
    good = make(True)  # type: ignore[operator]
    w.rng.setstate(state)
    bad = make(False)  # type: ignore[operator]
    return good, bad


def wrong_family(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    good, bad = _same(
        w, lambda ok: _kind_letter(w, i, fa, block(ok and fa.main or fb.main), dear(fa.main if ok else fb.main))
    )
    ext = _fmt(i)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "address-block/wrong-family",
        MISMATCH,
        f"letter about {fa.main.client_id}'s student to {fa.main.client_id}",
        f"letter about {fa.main.client_id}'s student addressed to {fb.main.client_id}",
    )


def parent_of(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    st = fa.students[0]

    def make(ok: bool) -> Letter:
        addr = (fa if ok else fb).main.address.block()
        return _kind_letter(
            w, i + 3, fa, [f"The Parent/Guardian of {st.given} {st.family}", *addr], "Dear Parent/Guardian,"
        )

    good, bad = _same(w, make)
    ext = _fmt(i + 1)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "address-block/parent-of",
        MISMATCH,
        f"'parent of' letter to {fa.main.client_id}'s address",
        f"'parent of' letter about {fa.main.client_id}'s student at {fb.main.client_id}'s address",
    )


def namesake(c: Corpus, w: World, i: int) -> None:
    pairs = _namesakes(w)
    a, b = pairs[i % len(pairs)]
    fa = next(f for f in w.families if a in f.parents)

    def make(ok: bool) -> Letter:
        who = a if ok else b
        return _kind_letter(w, i + 1, fa, [f"{a.title} {a.given} {a.family}", *who.address.block()], dear(a))

    good, bad = _same(w, make)
    ext = _fmt(i + 2)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "address-block/namesake",
        MISMATCH,
        f"letter to {a.client_id}",
        f"letter for {a.client_id} printed with namesake {b.client_id}'s address",
    )


def suppressed_delivery(c: Corpus, w: World, i: int) -> None:
    fam = w.pick("protected")
    mum, dad = fam.parents

    def make(ok: bool) -> Letter:
        where = dad.address if ok else mum.address
        return _kind_letter(w, i, fam, [f"{dad.title} {dad.given} {dad.family}", *where.block()], dear(dad))

    good, bad = _same(w, make)
    ext = _fmt(i)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "address-block/suppressed-delivery",
        ["suppressed_detail_exposed", "mismatched_recipient"],
        f"letter to {dad.client_id} at his own address",
        f"letter to {dad.client_id} delivered to {mum.client_id}'s suppressed address",
        suppressed=True,
    )


def protected_report(c: Corpus, w: World, i: int) -> None:
    fam = w.pick("protected")
    mum, dad = fam.parents
    refs = [
        ("Residential address", mum.address.one_line()),
        ("Primary contact", f"{mum.given} {mum.family}, {mum.phone}"),
    ]

    def make(ok: bool) -> Letter:
        who = mum if ok else dad
        return _kind_letter(w, i, fam, block(who), dear(who), extra_refs=refs)

    good, bad = _same(w, make)
    ext = _fmt(i + 3)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "relationships/protected-parent",
        ["suppressed_detail_exposed"],
        f"student record with {mum.client_id}'s details to {mum.client_id}",
        f"student record with {mum.client_id}'s suppressed address and phone to {dad.client_id}",
        suppressed=True,
    )


def excluded_parent(c: Corpus, w: World, i: int) -> None:
    fam = w.pick("noinfo", "kinship", "foster")
    assert fam.excluded is not None
    carer, other = fam.main, fam.excluded

    def make(ok: bool) -> Letter:
        who = carer if ok else other
        return _kind_letter(w, i + 2, fam, block(who), dear(who))

    good, bad = _same(w, make)
    ext = _fmt(i + 4)
    variation = "order-no-information" if fam.kind == "noinfo" else "carer-not-birth-parent"
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        f"relationships/{variation}",
        ["mismatched_recipient"],
        f"letter to {carer.client_id} ({fam.kind})",
        f"student of {carer.client_id} ({fam.kind}) written to {other.client_id}, who may not be told",
    )


def adult_student(c: Corpus, w: World, i: int) -> None:
    fams = [f for f in w.families if f.kind == "adult" and len(f.parents) > 1 and not f.main.authorised]
    fam = fams[i % len(fams)]
    me, mum = fam.parents

    def make(ok: bool) -> Letter:
        who = me if ok else mum
        return letter(["attendance", "report", "suspension"][i % 3], fam.students[0], block(who), dear(who), w.rng)

    good, bad = _same(w, make)
    ext = _fmt(i + 5)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "relationships/adult-student",
        ["mismatched_recipient"],
        f"adult student {me.client_id}'s letter to {me.client_id}",
        f"adult student {me.client_id}'s letter to parent {mum.client_id} without consent",
    )


def namesake_dob(c: Corpus, w: World, i: int) -> None:
    a, b = _namesakes(w)[i % 3]
    good, bad = _same(w, lambda ok: _contact_letter(w, a, a if ok else b, i))
    ext = _fmt(i + 1)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "identifiers-dates/namesake-dob",
        ["mismatched_recipient", "mixed_client_documents"],
        f"contact confirmation to {a.client_id}",
        f"contact confirmation to {a.client_id} showing namesake {b.client_id}'s date of birth and phone",
    )


def spaced_reference(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    sa, sb = fa.students[0], fb.students[0]

    def spaced(sid: str, vsn: str) -> str:
        d = sid[4:]
        return [f"STU {d[:3]} {d[3:]}", f"{vsn[:3]} {vsn[3:6]} {vsn[6:]}", f"stu{d}"][i % 3]

    def make(ok: bool) -> Letter:
        s = sb if ok else sa
        return letter(
            "attendance",
            sb,
            block(fb.main),
            dear(fb.main),
            w.rng,
            extra_paras=[f"Please quote {spaced(s.sid, s.vsn)} when you reply."],
        )

    good, bad = _same(w, make)
    ext = _fmt(i + 2)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "identifiers-dates/spaced-reference",
        MISMATCH,
        f"letter to {fb.main.client_id} quoting its own student number",
        f"letter to {fb.main.client_id} quoting {fa.main.client_id}'s student number with spaces",
    )


PLACEHOLDERS = ["«ParentFirstName»", "{{student_name}}", "<<Title>>", "[Surname]", "{ MERGEFIELD FamilyAccount }"]


def unmerged(c: Corpus, w: World, i: int) -> None:
    fam = w.pick(*PLAIN)
    p = fam.main
    ph = PLACEHOLDERS[i % len(PLACEHOLDERS)]

    def make(ok: bool) -> Letter:
        lt = _kind_letter(w, i, fam, block(p), dear(p))
        if not ok:
            if i % 2:
                lt.salutation = f"Dear {ph},"
            else:
                lt.to = [f"{ph} {p.family}", *lt.to[1:]]
        return lt

    good, bad = _same(w, make)
    ext = _fmt(i + 3)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "unmerged/placeholder",
        ["unmerged_field"],
        f"merged letter to {p.client_id}",
        f"letter to {p.client_id} with a surviving merge field",
    )


def own_details(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    a, b = fa.main, fb.main
    good, bad = _same(w, lambda ok: _contact_letter(w, a, a, i, wrong=None if ok else b))
    ext = _fmt(i + 4)
    c.pair(
        ext,
        render(good, ext),
        render(bad, ext),
        "recipient-own-details/contact-confirmation",
        ["mismatched_recipient", "mixed_client_documents"],
        f"{a.client_id}'s own contact details to {a.client_id}",
        f"contact confirmation to {a.client_id} listing {b.client_id}'s email or phone",
    )


def _contact_letter(w: World, to: Client, shown: Client, i: int, wrong: Client | None = None) -> Letter:
    fam = next(f for f in w.families if to in f.parents)
    st = fam.students[0]
    phone = wrong.phone if wrong and i % 2 else shown.phone
    mail = wrong.email if wrong and not i % 2 else shown.email
    refs = [
        ("Parent/carer", f"{to.given} {to.family}"),
        ("Date of birth", dob_text(shown.dob, i)),
        ("Mobile", phone),
        ("Email", mail),
        ("Postal address", to.address.one_line()),
    ]
    lt = letter("enrolment", st, block(to), dear(to), w.rng, extra_refs=refs)
    lt.subject = "Please check the contact details we hold for you"
    lt.paras = [
        "As part of our annual update, please check the details below. If anything is wrong, contact the "
        f"office on {st.school.phone} or update them in the parent portal."
    ]
    return lt


def _namesakes(w: World) -> list[tuple[Client, Client]]:
    seen: dict[str, Client] = {}
    out = []
    for f in w.families:
        if f.kind not in PLAIN:
            continue
        key = f.main.name
        if key in seen:
            out.append((seen[key], f.main))
        else:
            seen[key] = f.main
    return out
