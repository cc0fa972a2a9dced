"""Email incidents and their twins: headers and links, threads, HTML mail, MIME parts, loose suppressed details,
sensitive identifiers."""

from __future__ import annotations

import datetime as dt

from .cases_letters import MISMATCH, PLAIN
from .corpus import Corpus
from .letters import block, dear, letter
from .mail import Mail, ics_text, outlook_quote, quote
from .people import staff_email
from .registry import VENDORS
from .render import pdf_bytes, render
from .world import Client, Family, School, World


def who(c: Client) -> str:
    return f"{c.given} {c.family} <{c.email}>"


def staff(s: School, role: str = "wellbeing") -> str:
    name = s.wellbeing if role == "wellbeing" else s.principal
    return f"{name} <{staff_email(name)}>"


def signature(s: School, name: str) -> str:
    return (
        f"\n\nKind regards,\n{name}\n{s.name}\n{s.address.one_line()}\nPh {s.phone} | {s.email}\n"
        "This email and any attachments are confidential and intended only for the addressee. If you received "
        "it in error please tell the sender and delete it. Department of Education privacy notice applies."
    )


def wrong_to(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    st, s = fa.students[0], fa.students[0].school
    body = (
        f"{dear(fa.main)}\n\n{st.given} ({st.sid}) was marked absent on Monday and Tuesday without an explanation. "
        "Could you let us know the reason so we can update the roll?" + signature(s, s.wellbeing)
    )
    subj = f"Absence follow-up - {st.given} {st.family}"

    def m(to: Client) -> Mail:
        return Mail(staff(s), [who(to)], subj, body)

    c.pair(
        "eml",
        m(fa.main),
        m(fb.main),
        "headers-links/autocomplete",
        ["mismatched_recipient"],
        f"absence email about {fa.main.client_id}'s student to {fa.main.client_id}",
        f"absence email about {fa.main.client_id}'s student to {fb.main.client_id} (autocomplete)",
    )


def cc_other(c: Corpus, w: World, i: int) -> None:
    fa = w.pick("separated")
    fb = w.pick("intact", "single")
    mum, dad = fa.parents
    st, s = fa.students[0], fa.students[0].school
    start = dt.datetime(2025, 3, 18, 15, 30) + dt.timedelta(minutes=10 * i)
    desc = f"Parent-teacher interview for {st.given} {st.family} ({st.sid}), {s.name}. Room 14."

    def m(cc: Client) -> Mail:
        ics = ics_text(
            f"pti-{st.sid}-{i}@lmschools.example",
            start,
            10,
            f"Interview: {st.given} {st.family}",
            staff_email(s.wellbeing),
            [mum.email, cc.email],
            desc,
            f"{s.name}, Room 14",
        )
        return Mail(
            staff(s),
            [who(mum)],
            f"Interview booking: {st.given}",
            desc + signature(s, s.wellbeing),
            cc=[who(cc)],
            ics=ics,
        )

    c.pair(
        "eml",
        m(dad),
        m(fb.main),
        "headers-links/cc-other-family",
        ["mismatched_recipient"],
        f"interview invitation to separated parents {mum.client_id} and {dad.client_id}",
        f"interview invitation about {mum.client_id}'s student copied to {fb.main.client_id}",
    )


def portal_link(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    s = fa.students[0].school

    def m(sid: str) -> Mail:
        url = f"https://portal.lmschools.example/reports/2025/S1/{sid}.pdf"
        return Mail(
            staff(s),
            [who(fa.main)],
            "Semester 1 report available",
            f"{dear(fa.main)}\n\nThe semester report is ready to download:\n{url}\n"
            "The link expires in 14 days." + signature(s, "Student Reports"),
            html=f'<p>{dear(fa.main)}</p><p>The semester report is <a href="{url}">ready to download</a>.</p>',
        )

    c.pair(
        "eml",
        m(fa.students[0].sid),
        m(fb.students[0].sid),
        "headers-links/portal-link",
        MISMATCH,
        f"report link for {fa.main.client_id}'s student to {fa.main.client_id}",
        f"report link naming {fb.main.client_id}'s student number sent to {fa.main.client_id}",
    )


def to_not_bcc(c: Corpus, w: World, i: int) -> None:
    s = w.schools[i % len(w.schools)]
    fams = [f for f in w.families if f.students[0].school is s and f.kind != "protected"][:30]
    if len(fams) < 12:
        fams = [f for f in w.families if f.kind != "protected"][:30]
    parents = [who(f.main) for f in fams]

    def m(ok: bool) -> Mail:
        return Mail(
            staff(s, "principal"),
            [s.email] if ok else parents,
            "Term 1 newsletter",
            "Dear families,\n\nAttached is our Term 1 newsletter. Working bee this Saturday from 9 am."
            + signature(s, s.principal),
            bcc=parents if ok else [],
        )

    c.pair(
        "eml",
        m(True),
        m(False),
        "headers-links/to-instead-of-bcc",
        ["bulk_client_data", "mismatched_recipient"],
        f"newsletter to {len(fams)} families by Bcc",
        f"newsletter with {len(fams)} families' emails in To",
    )


def reused_thread(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    s = fa.students[0].school

    def parent_msg(f: Family) -> str:
        st = f.students[0]
        return (
            f"Hi, {st.given} ({st.sid}) has a dentist appointment on Thursday and will be picked up at 1 pm.\n"
            f"Thanks,\n{f.main.given}\n{f.main.phone}"
        )

    def m(q: Family) -> Mail:
        old = parent_msg(q)
        when = "Mon, 3 Mar 2025 at 7:42 pm"
        quoted = quote(old, who(q.main), when) if i % 2 else outlook_quote(old, who(q.main), s.email, when, "Absence")
        return Mail(
            staff(s),
            [who(fa.main)],
            "RE: Absence",
            f"{dear(fa.main)}\n\nThanks for letting us know, the roll has been updated.\n\n" + quoted,
        )

    c.pair(
        "eml",
        m(fa),
        m(fb),
        "threads/reused-thread",
        MISMATCH,
        f"reply to {fa.main.client_id} quoting its own message",
        f"reply to {fa.main.client_id} quoting {fb.main.client_id}'s earlier message",
    )


def internal_note(c: Corpus, w: World, i: int) -> None:
    fam = w.pick("protected")
    mum, dad = fam.parents
    st, s = fam.students[0], fam.students[0].school
    note = (
        f"FYI {st.given} {st.family} ({st.sid}): Mum has moved to {mum.address.one_line()}, new mobile {mum.phone}. "
        "There is an intervention order - do NOT give these to Dad."
    )
    thread = outlook_quote(note, staff(s), "Year level team", "Tuesday, 4 March 2025 9:12 AM", "Confidential")

    def m(ok: bool) -> Mail:
        to = staff(s) if ok else who(dad)
        return Mail(
            f"Office <{s.email}>",
            [to],
            f"FW: {st.given} - camp forms",
            f"Please see below regarding the camp forms.\n\n{thread}",
        )

    c.pair(
        "eml",
        m(True),
        m(False),
        "threads/internal-note-forwarded",
        ["suppressed_detail_exposed"],
        f"internal note with {mum.client_id}'s suppressed details to the wellbeing leader",
        f"internal note with {mum.client_id}'s suppressed details forwarded to {dad.client_id}",
        suppressed=True,
    )


def portal_notification(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    st, s = fa.students[0], fa.students[0].school
    text = (
        f"Attendance notification\n{st.given} {st.family} ({st.sid}) was marked ABSENT for Period 1 today.\n"
        f"Reply to this notification or call {s.phone}."
    )
    html = (
        f"<html><body style='font-family:Arial'><table width='600'><tr><td style='background:#004b87;color:#fff'>"
        f"<b>{s.name}</b> - Parent Portal</td></tr><tr><td><h3>Attendance notification</h3>"
        f"<p><b>{st.given} {st.family}</b> ({st.sid}) was marked <b>ABSENT</b> for Period 1 today.</p>"
        f"<p>Call {s.phone} or reply in the portal.</p></td></tr><tr><td style='font-size:10px'>"
        "You receive this because you are a contact for this student. Manage notifications in the app.</td></tr>"
        "</table></body></html>"
    )

    def m(to: Client) -> Mail:
        return Mail(
            f"{s.name} Portal <noreply@notify.lmschools.example>",
            [to.email],
            f"Attendance: {st.given} {st.family}",
            text,
            html=html,
        )

    c.pair(
        "eml",
        m(fa.main),
        m(fb.main),
        "html-mail/portal-notification",
        ["mismatched_recipient"],
        f"notification to {fa.main.client_id}",
        f"notification about {fa.main.client_id}'s student to {fb.main.client_id}",
    )


def arrears_table(c: Corpus, w: World, i: int) -> None:
    s = w.schools[(i + 2) % len(w.schools)]
    fams = [f for f in w.families if f.kind in PLAIN][i * 5 % 40 :][:20]
    bcc = [f.main.email for f in fams]
    owing = fams[:3]

    def m(ok: bool) -> Mail:
        rows = "".join(
            f"<tr><td>{f.students[0].given}</td><td>{'Paid' if ok else f.fee_account}</td>"
            f"<td>{'' if ok else '$' + str(100 + 37 * n) + '.00 overdue'}</td></tr>"
            for n, f in enumerate(owing)
        )
        html = (
            f"<h2>Year level camp</h2><p>Thank you to all families. Camp payments:</p><table>{rows}</table>"
            f"<p>Questions: {s.phone}</p>"
        )
        return Mail(staff(s), [s.email], "Camp update", "Camp update - see the HTML version.", bcc=bcc, html=html)

    c.pair(
        "eml",
        m(True),
        m(False),
        "html-mail/payment-table",
        ["mismatched_recipient", "mixed_client_documents", "bulk_client_data"],
        "camp update to class families without accounts",
        "camp update to class families showing " + ", ".join(f.main.client_id for f in owing) + "'s arrears",
    )


def wrong_attachment(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    ext = ["pdf", "docx"][i % 2]
    s = fa.students[0].school

    def m(f: Family) -> Mail:
        lt = letter(
            ["report", "naplan", "invoice"][i % 3], f.students[0], block(f.main), dear(f.main), w.rng, fee=f.fee_account
        )
        st = fa.students[0]
        return Mail(
            staff(s),
            [who(fa.main)],
            f"{st.given}'s report",
            f"{dear(fa.main)}\n\nPlease find {st.given}'s document attached." + signature(s, s.wellbeing),
            attachments=[(f"{st.family}_{st.given}.{ext}", render(lt, ext))],
        )

    state = w.rng.getstate()
    good = m(fa)
    w.rng.setstate(state)
    c.pair(
        "eml",
        good,
        m(fb),
        "mime-parts/wrong-attachment",
        MISMATCH,
        f"{fa.main.client_id}'s document attached for {fa.main.client_id}",
        f"{fb.main.client_id}'s document attached in an email to {fa.main.client_id}",
    )


def extra_attachment(c: Corpus, w: World, i: int) -> None:
    fa, fb = w.two(*PLAIN)
    s = fa.students[0].school
    mine = pdf_bytes([letter("report", fa.students[0], block(fa.main), dear(fa.main), w.rng)])

    def m(f: Family) -> Mail:
        second = pdf_bytes([letter("invoice", f.students[0], block(f.main), dear(f.main), w.rng, fee=f.fee_account)])
        return Mail(
            staff(s),
            [who(fa.main)],
            "Report and invoice",
            f"{dear(fa.main)}\n\nAttached are the report and this term's invoice." + signature(s, "Office"),
            attachments=[("report.pdf", mine), ("invoice.pdf", second)],
        )

    state = w.rng.getstate()
    good = m(fa)
    w.rng.setstate(state)
    c.pair(
        "eml",
        good,
        m(fb),
        "mime-parts/extra-attachment",
        MISMATCH,
        f"report and invoice of {fa.main.client_id}",
        f"{fb.main.client_id}'s invoice attached for {fa.main.client_id}",
    )


def _phone_variant(p: str, i: int) -> str:
    d = p.replace(" ", "").replace("(", "").replace(")", "")
    return [p, d, "+61 " + d[1:4] + " " + d[4:7] + " " + d[7:], f"{d[:4]}-{d[4:7]}-{d[7:]}"][i % 4]


def _addr_variant(c: Client, i: int) -> str:
    a = c.address
    line = " ".join(a.lines)
    line = line.replace("Street", "St").replace("Avenue", "Ave").replace("Drive", "Dr") if i % 2 else line
    if "/" in line and i % 3 == 0:
        u, rest = line.split("/", 1)
        line = f"Unit {u}, {rest}"
    return [f"{line}, {a.suburb.title()} {a.postcode}", f"{line} {a.suburb} VIC {a.postcode}"][i % 2]


def loose_suppressed(c: Corpus, w: World, i: int) -> None:
    fam = w.pick("protected")
    mum, dad = fam.parents
    st, s = fam.students[0], fam.students[0].school
    kind = ["phone-format", "address-variant", "attachment-form"][i % 3]
    if kind == "phone-format":
        bad, good = f"Mum's new number is {_phone_variant(mum.phone, i)}", f"the school office is on {s.phone}"
    else:
        bad, good = (
            f"{st.given} will be dropped at {_addr_variant(mum, i)}",
            f"{st.given} will be dropped at {_addr_variant(dad, i)}",
        )

    def m(detail: str) -> Mail:
        body = f"{dear(dad)}\n\nRe the camp pick-up arrangements: {detail}. Let us know of any questions." + signature(
            s, s.wellbeing
        )
        att = []
        if kind == "attachment-form":
            att = [
                (
                    "emergency_contacts.pdf",
                    pdf_bytes(
                        [
                            letter(
                                "excursion",
                                st,
                                block(dad),
                                dear(dad),
                                w.rng,
                                extra_refs=[("Emergency contact", detail)],
                            )
                        ]
                    ),
                )
            ]
            body = f"{dear(dad)}\n\nThe camp emergency contact form is attached." + signature(s, s.wellbeing)
        return Mail(staff(s), [who(dad)], f"Camp - {st.given}", body, attachments=att)

    state = w.rng.getstate()
    g = m(good)
    w.rng.setstate(state)
    c.pair(
        "eml",
        g,
        m(bad),
        f"suppressed-loose/{kind}",
        ["suppressed_detail_exposed"],
        f"camp email to {dad.client_id} without {mum.client_id}'s details",
        f"camp email to {dad.client_id} with {mum.client_id}'s suppressed detail",
        suppressed=True,
    )


def internal_not_listed(c: Corpus, w: World, i: int) -> None:
    fam = w.pick("protected")
    mum = fam.parents[0]
    st, s = fam.students[0], fam.students[0].school
    teacher = f"Homeroom Teacher <{staff_email(s.principal).replace('@', '.teacher@')}>"

    def m(ok: bool) -> Mail:
        return Mail(
            "Enrolments <enrolments@lmsr.example>",
            [staff(s) if ok else teacher],
            f"Transfer enrolment: {st.given} {st.family}",
            f"Transfer paperwork for {st.given} ({st.sid}). Residential address {mum.address.one_line()}, "
            f"parent mobile {mum.phone}. Suppression applies (intervention order).",
        )

    c.pair(
        "eml",
        m(True),
        m(False),
        "suppressed-loose/internal-not-listed",
        ["suppressed_detail_exposed"],
        f"{mum.client_id}'s suppressed details to the listed wellbeing leader",
        f"{mum.client_id}'s suppressed details to internal staff not on the list",
        suppressed=True,
    )


def _luhn(body: str) -> str:
    total = 0
    for n, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if n % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def _medicare(w: World) -> str:
    d = [w.rng.randint(2, 6)] + [w.rng.randint(0, 9) for _ in range(7)]
    check = sum(x * k for x, k in zip(d, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    s = "".join(map(str, d)) + str(check) + str(w.rng.randint(1, 5))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def sensitive(c: Corpus, w: World, i: int) -> None:
    fam = w.pick(*PLAIN)
    st, s = fam.students[0], fam.students[0].school
    if i % 2 == 0:
        num = _medicare(w)
        vendor, masked = VENDORS["camp"], "held by the school nurse"
        text = f"Camp medical details: {st.given} {st.family[0]}. - asthma (Ventolin). Medicare card: {{}}."
        var = "medicare-to-vendor"
    else:
        num = _luhn("4" + "".join(str(w.rng.randint(0, 9)) for _ in range(14)))
        num = " ".join(num[k : k + 4] for k in range(0, 16, 4))
        vendor, masked = VENDORS["fundraise"], "card ending " + num[-4:]
        text = "Please refund the duplicate chocolate drive payment of $30 made with {}."
        var = "card-to-vendor"

    def m(detail: str) -> Mail:
        return Mail(
            f"Office <{s.email}>",
            [f"bookings@{vendor}"],
            "Booking details",
            text.format(detail) + signature(s, "Business Manager"),
        )

    c.pair(
        "eml",
        m(masked),
        m(num),
        f"identifiers-dates/{var}",
        ["sensitive_identifier"],
        "vendor email with the identifier masked",
        "vendor email with a full government or card number",
    )
