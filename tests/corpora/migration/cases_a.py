"""Incidents and twins: address-block, recipient-own-details, relationships, headers-links."""

from __future__ import annotations

from tests.corpora.migration import content as T
from tests.corpora.migration import render as R
from tests.corpora.migration import world as W
from tests.corpora.migration.kit import Kit

MR, MX = "mismatched_recipient", "mixed_client_documents"
KINDS = [
    ("checklist", "Document checklist"),
    ("rfi", "Request for further information"),
    ("grant", "Your visa has been granted"),
    ("police", "Police certificate reminder"),
]


def _paras(kind: str, c, other=None):
    fn = getattr(T, kind)
    return fn(c, other) if kind in ("checklist", "rfi", "grant") else fn(other or c)


def _frm(k: Kit, i: int) -> str:
    s = k.staff(i)
    return f"{s.name} <{s.email}>"


# -- address-block ---------------------------------------------------------------------------------------------
def window_wrong_letter(k: Kit, i: int) -> None:
    """The letter for B folded into A's envelope: the window shows A, the pages are B's."""
    a, b = k.take("any"), None
    b = k.other("any", a)
    kind, subj = KINDS[i % 4]

    def make(bad: bool):
        about = b if bad else a
        letter = T.letter(a, _paras(kind, about), subj, about=about, written=i % 3 == 1)
        if bad:
            letter.dear = about.dear
        note = (
            f"window letter addressed to {a.cid} carries the {kind} letter of {b.cid}"
            if bad
            else f"{kind} letter to {a.cid}, own matter"
        )
        return R.pdf_letter(letter), note

    k.pair("address-block/window-envelope", "pdf", make, [MR, MX])


def docx_wrong_address(k: Kit, i: int) -> None:
    """A's letter, but the address block was pulled from B's record."""
    a = k.take("applicant" if i % 2 else "worker")
    b = k.other("any", a)

    def make(bad: bool):
        letter = T.letter(a, T.engagement(a) if i % 2 else T.rfi(a), "Your matter " + a.matter)
        if bad:
            letter.to = T.block(b)
        note = f"letter for {a.cid} with the address block of {b.cid}" if bad else f"letter to {a.cid}"
        return R.docx_letter(letter), note

    k.pair("address-block/docx-address-from-other-record", "docx", make, [MR, MX])


def rtf_namesake(k: Kit, i: int) -> None:
    """Two clients of one name: the letter goes to one with the other's date of birth and passport."""
    x, y = (k.c(c) for c in k.w.namesakes[i % len(k.w.namesakes)])

    def make(bad: bool):
        src = y if bad else x
        paras = [
            f"We have prepared the application for {x.name}, date of birth {T.dmy(src.dob)}, passport "
            f"{src.passport}. Please check these details carefully before you sign the declaration.",
            *T.police(x),
        ]
        letter = T.letter(x, paras, "Please check your personal details", written=True)
        note = (
            f"letter to {x.cid} carries the date of birth and passport of namesake {y.cid}"
            if bad
            else f"letter to {x.cid} with own date of birth (namesake {y.cid} exists)"
        )
        return R.rtf_letter(letter), note

    k.pair("address-block/namesake", "rtf", make, [MR, MX])


def txt_sponsor_swap(k: Kit, i: int) -> None:
    """A sponsor's undertaking letter printed for the wrong couple's sponsor."""
    a1, s1 = k.c(k.w.couples[i][0]), k.c(k.w.couples[i][1])
    a2 = k.c(k.w.couples[i + 5][0])

    def make(bad: bool):
        app = a2 if bad else a1
        paras = [
            f"As sponsor of {app.name} (passport {app.passport}) for the {T.visa(app)} application, you will be "
            "asked by the Department to confirm your relationship and provide evidence of your own identity.",
            "Please bring your Australian passport or citizenship certificate to our appointment on "
            "12 November 2025 at 10.30 am.",
        ]
        letter = T.letter(s1, paras, "Sponsorship - what you need to provide", about=app)
        note = (
            f"letter to sponsor {s1.cid} about applicant {a2.cid} of another matter"
            if bad
            else f"letter to sponsor {s1.cid} about his own partner {a1.cid}"
        )
        return R.txt_letter(letter), note

    k.pair("address-block/txt-sponsor-letter", "txt", make, [MR, MX])


def html_letter_other(k: Kit, i: int) -> None:
    a = k.take("single")
    b = k.other("single", a)

    def make(bad: bool):
        about = b if bad else a
        letter = T.letter(a, T.grant(a, about), "Visa grant", about=about)
        note = (
            f"HTML letter to {a.cid} carries grant number and matter of {b.cid}"
            if bad
            else f"HTML grant letter to {a.cid}"
        )
        return R.html_letter(letter), note

    k.pair("address-block/html-letter", "html", make, [MR, MX])


# -- recipient-own-details ---------------------------------------------------------------------------------------
def own_details_wrong(k: Kit, i: int) -> None:
    a = k.take("any")
    b = k.other("any", a)
    v = i % 4

    def make(bad: bool):
        p = b if bad else a
        body = [f"Dear {a.given or a.family},", ""]
        if v == 0:
            body.append(f"Please confirm the passport we hold for you is {p.passport}, expiring in 2031.")
        elif v == 1:
            body.append(
                f"Our records show your mobile as {p.phone} and your email as {p.email}. Please tell us "
                "if either has changed."
            )
        elif v == 2:
            body.append(f"We will post the original police certificate to {p.addr.one_line()} by registered post.")
        else:
            body.append(
                f"Your ImmiAccount shows the application under TRN {p.trn}. Please do not lodge anything "
                "further without speaking to us."
            )
        body.append(f"Our reference: {a.matter}")
        text = "\n".join(body) + R.signature(k.staff(i), T.office_of(a))
        data = R.eml(k.mid(), _frm(k, i), [f"{a.name} <{a.email}>"], f"Checking your details - {a.matter}", text)
        note = f"email to {a.cid} confirming details that are {b.cid}'s" if bad else f"email to {a.cid}, own details"
        return data, note

    k.pair("recipient-own-details/confirm-details", "eml", make, [MR, MX])


# -- relationships -----------------------------------------------------------------------------------------------
def employer_hr(k: Kit, i: int) -> None:
    w = k.take("worker")
    other_emp = (w.employer + 1 + i % 3) % len(W.EMPLOYERS)

    def make(bad: bool):
        name, hr = W.EMPLOYERS[other_emp if bad else w.employer]
        text = (
            f"Hello {name} team,\n\nThe nomination for {w.name} ({T.visa(w)}) has been approved. The visa "
            f"application (TRN {w.trn}) is now with the Department. Please keep the position open and tell us "
            f"of any change to the salary or duties.\n\nMatter: {w.matter}" + R.signature(k.staff(i), 0)
        )
        data = R.eml(k.mid(), _frm(k, i), [hr], f"Nomination approved - {w.name}", text)
        note = (
            f"nomination update for {w.cid} sent to an employer that is not theirs"
            if bad
            else f"nomination update for {w.cid} to own sponsoring employer (authorised)"
        )
        return data, note

    k.pair("relationships/employer-hr", "eml", make, [MR])


def spouse_to_hr(k: Kit, i: int) -> None:
    """The worker's employer may see the worker's matter, not the secondary applicant's passport."""
    ws = [k.c(c) for c in k.w.workers if k.c(c).joint]
    w = ws[i % len(ws)]
    sp = k.c(w.joint[0])
    hr = W.EMPLOYERS[w.employer][1]

    def make(bad: bool):
        extra = (
            (
                f"\n\nFor completeness, the secondary applicant is {sp.name}, passport {sp.passport}, born "
                f"{T.dmy(sp.dob)}."
            )
            if bad
            else "\n\nThe family members included in the application do not need anything from you."
        )
        text = (
            f"Hi,\n\nPlease find below the update for {w.name}'s {T.visa(w)} application (matter {w.matter}). "
            "We need a signed employment contract and the latest payslips." + extra + R.signature(k.staff(i), 2)
        )
        data = R.eml(k.mid(), _frm(k, i), [hr], f"Visa application update - {w.name}", text)
        note = (
            f"employer of {w.cid} receives spouse {sp.cid}'s passport and date of birth"
            if bad
            else f"employer of {w.cid} receives the worker's own update"
        )
        return data, note

    k.pair("relationships/secondary-applicant-to-employer", "eml", make, [MR])


def child_to_father(k: Kit, i: int) -> None:
    """A child's documents go to the parent the practice acts for, never to the former sponsor."""
    kids = [k.c(c) for c in k.w.children if k.c(k.c(c).parents[0]).fv]
    ch = kids[i % len(kids)]
    mum = k.c(ch.parents[0])
    dad = k.c(mum.joint[0])

    def make(bad: bool):
        paras = [
            f"We enclose the certified copy of {ch.given}'s passport (number {ch.passport}) and the "
            f"Form 1229 consent for {ch.given}, who is included in the application under matter {ch.matter}.",
            "Please keep these documents safely.",
        ]
        to = dad if bad else mum
        letter = T.letter(to, paras, f"{ch.given}'s documents", about=ch)
        note = (
            f"child {ch.cid}'s passport sent to {dad.cid}, who is not an authorised contact"
            if bad
            else f"child {ch.cid}'s documents to parent {mum.cid} (authorised)"
        )
        return R.pdf_letter(letter), note

    k.pair("relationships/parent-of-minor", "pdf", make, [MR])


def partner_documents(k: Kit, i: int) -> None:
    """A couple still together share the application; after separation the sponsor gets none of hers."""
    a, s = k.c(k.w.couples[i + 2][0]), k.c(k.w.couples[i + 2][1])
    fa, fs = k.fv_case(i + 1)

    def make(bad: bool):
        app, spon = (fa, fs) if bad else (a, s)
        text = (
            f"Hi {spon.given},\n\nBelow is the Form 47SP checklist summary for {app.given}'s application. For your "
            f"reference her passport number is {app.passport} and the TRN is {app.trn}.\n\nMatter: {app.matter}"
            + R.signature(k.staff(i), T.office_of(app))
        )
        data = R.eml(k.mid(), _frm(k, i), [f"{spon.name} <{spon.email}>"], f"Partner application - {app.matter}", text)
        note = (
            f"former sponsor {fs.cid} receives separated applicant {fa.cid}'s passport and TRN"
            if bad
            else f"sponsor {s.cid} receives partner {a.cid}'s details (authorised)"
        )
        return data, note

    k.pair("relationships/partner-sponsor", "eml", make, [MR])


# -- headers-links ------------------------------------------------------------------------------------------------
def headers(k: Kit, i: int) -> None:
    a = k.take("applicant") if i % 2 else k.take("single")
    b = k.other("any", a)
    v = i % 5

    def make(bad: bool):
        to, cc, subj = [f"{a.name} <{a.email}>"], [], f"Your application - {a.matter}"
        body = f"Dear {a.given or a.family},\n\nWe have lodged your documents today.\n"
        if v == 0:
            cc = [b.email] if bad else ([k.c(a.joint[0]).email] if a.joint else [])
        elif v == 1:
            to = [f"{a.name} <{b.email if bad else a.email}>"]
        elif v == 2:
            m = b.matter if bad else a.matter
            body += f"\nTrack progress here: https://portal.{W.INTERNAL}/matters/{m}?view=timeline\n"
        elif v == 3:
            subj = f"RE: {b.matter if bad else a.matter} - further information"
        else:
            body += f"\nWe have also spoken to {b.name} today about the lodgement on {b.matter}.\n" if bad else ""
        text = body + R.signature(k.staff(i), T.office_of(a))
        data = R.eml(k.mid(), _frm(k, i), to, subj, text, cc=cc)
        what = [
            "copied to",
            "addressed by autocomplete to",
            "links to the matter of",
            "subject names the matter of",
            "mentions the lodgement of",
        ][v]
        note = f"email to {a.cid} {what} {b.cid}" if bad else f"email to {a.cid}, own matter"
        return data, note

    k.pair(
        "headers-links/" + ["cc-other-client", "autocomplete", "portal-link", "subject-ref", "body-aside"][v],
        "eml",
        make,
        [MR, MX],
    )


CASES = [
    (window_wrong_letter, 5),
    (docx_wrong_address, 3),
    (rtf_namesake, 3),
    (txt_sponsor_swap, 2),
    (html_letter_other, 1),
    (own_details_wrong, 8),
    (employer_hr, 4),
    (spouse_to_hr, 2),
    (child_to_father, 3),
    (partner_documents, 3),
    (headers, 7),
]
