"""Ordinary legitimate mail and letters: what a school region sends every day, all to be allowed."""

from __future__ import annotations

import datetime as dt

from .cases_letters import FORMATS, PLAIN
from .cases_mail import signature, staff, who
from .corpus import Corpus
from .letters import KINDS, block, dear, letter
from .mail import Mail, ics_text, quote
from .people import staff_email
from .registry import VENDORS
from .render import Letter, pdf_bytes, render, text_pdf
from .world import Client, Family, World


def _note(c: Client, what: str) -> str:
    return f"{what} to {c.client_id}"


def own_letter(c: Corpus, w: World, i: int) -> None:
    """A letter of any kind to the family's own parent or carer (both separated parents in turn)."""
    fam = w.pick(*PLAIN, "kinship", "foster", "protected")
    to = fam.parents[i % len(fam.parents)]
    kind = KINDS[i % len(KINDS)]
    lt = letter(
        kind, fam.students[i % len(fam.students)], block(to, caps=bool(i % 2)), dear(to), w.rng, fee=fam.fee_account
    )
    ext = FORMATS[(i * 3) % len(FORMATS)]
    c.item(ext, render(lt, ext), f"everyday/{kind}-letter", _note(to, f"{kind} letter ({fam.kind})"))


def both_parents(c: Corpus, w: World, i: int) -> None:
    """The same report to each separated parent when no order restricts either."""
    fam = w.pick("separated")
    st = fam.students[0]
    state = w.rng.getstate()
    for p in fam.parents:
        w.rng.setstate(state)
        lt = letter("report", st, block(p), dear(p), w.rng, style="window")
        c.item("pdf", render(lt, "pdf"), "relationships/separated-no-order", _note(p, "report copy (no order)"))


def adult_consented(c: Corpus, w: World, i: int) -> None:
    fams = [f for f in w.families if f.kind == "adult" and f.main.authorised]
    if not fams:
        return
    fam = fams[i % len(fams)]
    me, mum = fam.parents
    st, s = fam.students[0], fam.students[0].school
    m = Mail(
        staff(s),
        [who(mum)],
        f"VCE progress - {st.given}",
        f"Dear {mum.given},\n\nAs {st.given} has asked us to keep you informed, here is the mid-semester "
        f"progress summary ({st.sid})." + signature(s, s.wellbeing),
    )
    c.item(
        "eml",
        m,
        "relationships/adult-student-consented",
        f"adult student {me.client_id}'s progress to authorised parent",
    )


def caseworker(c: Corpus, w: World, i: int) -> None:
    fam = w.pick("foster")
    st, s = fam.students[0], fam.students[0].school
    m = Mail(
        staff(s),
        [fam.caseworker],
        f"Student support group meeting - {st.given}",
        f"Hi,\n\nConfirming the student support group meeting for {st.given} {st.family} ({st.sid}) on "
        f"Thursday at 2 pm. The foster carer {fam.main.given} will attend." + signature(s, s.wellbeing),
        cc=[who(fam.main)],
    )
    c.item("eml", m, "relationships/care-agency", f"foster student of {fam.main.client_id} to authorised caseworker")


def referral(c: Corpus, w: World, i: int) -> None:
    fam = w.pick(*PLAIN, "kinship")
    st, s = fam.students[0], fam.students[0].school
    provider = ["intake@kindredallied.example", "referrals@familypathways.example"][i % 2]
    form = text_pdf(
        [
            "STUDENT SUPPORT REFERRAL",
            f"School: {s.name}",
            f"Student: {st.given} {st.family}  ID {st.sid}",
            f"Parent/carer: {fam.main.name}  Mobile {fam.main.phone}",
            f"Address: {fam.main.address.one_line()}",
            "Reason: speech pathology assessment requested by the student support group; parental consent attached.",
            f"Referrer: {s.wellbeing}, Student Wellbeing Leader, {s.phone}",
        ],
        "Referral",
    )
    m = Mail(
        staff(s),
        [provider],
        f"Referral - {st.given} {st.family[0]}.",
        "Please find attached a referral with signed consent." + signature(s, s.wellbeing),
        attachments=[("referral.pdf", form)],
    )
    c.item("eml", m, "everyday/approved-provider-referral", f"referral for {fam.main.client_id} to approved provider")


def newsletter(c: Corpus, w: World, i: int) -> None:
    s = w.schools[i % len(w.schools)]
    fams = [f for f in w.families if f.students[0].school is s and f.kind != "protected"]
    names = ", ".join(f"{f.students[0].given} {f.students[0].family[0]}." for f in fams[:8])
    html = (
        f"<html><body><h1>{s.name} Newsletter</h1><h2>Term 1, Week {4 + i % 6}</h2>"
        f"<p>Students of the week: {names}.</p><p>Our athletics carnival is on Friday; volunteers please "
        f"contact the office on {s.phone}.</p><p>School uniform shop open Tuesdays 8.30-9.30.</p>"
        f"<footer>{s.address.one_line()} | {s.email}</footer></body></html>"
    )
    m = Mail(
        staff(s, "principal"),
        [s.email],
        f"Newsletter Week {4 + i % 6}",
        "See the HTML newsletter.",
        bcc=[f.main.email for f in fams[:25]],
        html=html,
    )
    c.item("eml", m, "html-mail/newsletter", f"newsletter naming students, {len(fams[:25])} families by Bcc")


def interview_invite(c: Corpus, w: World, i: int) -> None:
    fam = w.pick(*PLAIN)
    st, s = fam.students[0], fam.students[0].school
    start = dt.datetime(2025, 3, 19, 16, 0) + dt.timedelta(minutes=15 * i)
    ics = ics_text(
        f"pti-{st.sid}@lmschools.example",
        start,
        10,
        f"Interview: {st.given}",
        staff_email(s.wellbeing),
        [p.email for p in fam.parents],
        f"Interview for {st.given} {st.family}",
        s.name,
    )
    m = Mail(
        staff(s),
        [who(p) for p in fam.parents],
        f"Interview booking confirmed: {st.given}",
        f"Your interview for {st.given} is booked at {start:%-I.%M %p} on {start:%A %-d %B}."
        + signature(s, s.wellbeing),
        ics=ics,
    )
    c.item("eml", m, "everyday/interview-invitation", f"interview invitation to {fam.main.client_id}'s parents")


def thread_reply(c: Corpus, w: World, i: int) -> None:
    fam = w.pick(*PLAIN)
    st, s = fam.students[0], fam.students[0].school
    old = (
        f"Hello, could you please send me the camp forms for {st.given} again? I misplaced them.\n"
        f"{fam.main.given}\n{fam.main.phone}"
    )
    m = Mail(
        staff(s),
        [who(fam.main)],
        "RE: Camp forms",
        f"Hi {fam.main.given},\n\nNo problem, attached again."
        + signature(s, "Office")
        + "\n\n"
        + quote(old, who(fam.main), "Sun, 2 Mar 2025 at 9:03 pm"),
        attachments=[("camp_forms.pdf", pdf_bytes([letter("excursion", st, block(fam.main), dear(fam.main), w.rng)]))],
    )
    c.item("eml", m, "threads/parent-reply", f"reply to {fam.main.client_id} quoting its own message")


def internal_list(c: Corpus, w: World, i: int) -> None:
    s = w.schools[i % len(w.schools)]
    fams = [f for f in w.families if f.kind in PLAIN][:30]
    lines = [
        f"{f.students[0].given} {f.students[0].family} | {f.students[0].sid} | {f.main.name} | {f.main.phone}"
        for f in fams
    ]
    m = Mail(
        staff(s),
        ["Camp staff <camp.staff@lmschools.example>"],
        "Camp emergency list",
        "Attached for the camp folder only." + signature(s, s.wellbeing),
        attachments=[("camp_list.pdf", text_pdf(lines, "Camp list"))],
    )
    c.item("eml", m, "bulk/internal-list", f"camp list of {len(fams)} families to internal staff")


def vendor_numbers(c: Corpus, w: World, i: int) -> None:
    s = w.schools[i % len(w.schools)]
    m = Mail(
        f"Office <{s.email}>",
        [f"bookings@{VENDORS['bus']}"],
        "Bus booking",
        f"Hi,\n\nPlease confirm two 57-seat coaches for {50 + i} students and 5 staff on 9 April, departing "
        f"{s.address.one_line()} at 8.45 am." + signature(s, "Office"),
    )
    c.item("eml", m, "everyday/vendor-booking", "bus booking with numbers only")


def compass_ok(c: Corpus, w: World, i: int) -> None:
    fam = w.pick(*PLAIN, "kinship", "foster")
    st, s = fam.students[0], fam.students[0].school
    html = (
        f"<html><body><div style='background:#0a5;color:#fff'>{s.name} Portal</div>"
        f"<p>New event: <b>{st.given}</b> has a consent form waiting: Swimming program.</p>"
        "<p style='font-size:9px'>Manage notifications in the app.</p></body></html>"
    )
    m = Mail(
        f"{s.name} Portal <noreply@notify.lmschools.example>",
        [fam.main.email],
        "New consent form",
        f"New event: {st.given} has a consent form waiting: Swimming program.",
        html=html,
    )
    c.item("eml", m, "html-mail/portal-notification-ok", _note(fam.main, "portal notification"))


def merge_cover(c: Corpus, w: World, i: int) -> None:
    """A report cover letter printed singly, in the two-column layout, for a family."""
    fam: Family = w.pick(*PLAIN, "protected")
    p = fam.parents[0]
    lt: Letter = letter("naplan", fam.students[0], block(p), dear(p), w.rng, style="twocol")
    c.item("pdf", render(lt, "pdf"), "everyday/two-column-letter", _note(p, "NAPLAN cover"))
