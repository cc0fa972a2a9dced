"""Everyday mail and letters of a claims agent, and the day's print files (area everyday)."""

from __future__ import annotations

import random
from dataclasses import replace

from . import ids, render_docs
from .common import attach_letter, cm_of, mail_to_client, other_than, pick, render_letter, rep_of
from .corpus import Corpus
from .letters import KINDS, NOTICE_KINDS, Letter, certificate_page, compose, letter_date, notice, signoff
from .mail import Att, Mail, render, staff_signature, who
from .org import CASE_MANAGERS, DOMAIN, PARTIES, PRIVACY_OFFICER
from .render_pdf import pdf_letters

APPROVED = {p.kind: p for p in PARTIES["approved"]}
FORMATS = (
    "pdf-window",
    "docx-table",
    "pdf-right",
    "rtf",
    "txt-columns",
    "html",
    "pdf-classic",
    "docx-right",
    "txt",
    "pdf-plain",
    "docx-plain",
    "rtf-right",
)

TASKS = ("cert due", "IME booked", "surgery request", "RTW plan")


def _approved_mail(c: Corpus, rng: random.Random, k: int) -> None:
    w = pick(c.reg, rng)
    cm = cm_of(rng)
    kind = ("ime", "regulator", "conciliation", "rehab")[k % 4]
    party = APPROVED[kind]
    to = party.contacts[0]
    if kind == "ime":
        subj = f"IME referral - {w.short} - {w.claim}"
        text = (
            f"Hello,\n\nPlease book an independent medical examination with an orthopaedic surgeon for:\n\n"
            f"Worker: {w.full}\nDate of birth: {ids.fmt_date(w.dob, 'dmy')}\nClaim: {w.claim}\nInjury: {w.injury} "
            f"({ids.fmt_date(w.injury_date, 'long')})\nAddress: {w.addr.one_line()}\nPhone: {w.phone}\n\n"
            "Questions for the examiner are in the attached letter.\n"
        )
        atts = [attach_letter(compose("ime", w, rng), "docx-table", "Referral letter")]
    elif kind == "regulator":
        subj = f"Ministerial enquiry - claim {w.claim}"
        text = (
            f"Hi,\n\nIn response to the enquiry about claim {w.claim} ({w.short}, injured "
            f"{ids.fmt_date(w.injury_date, 'dmy')}), liability was accepted and weekly payments are current. A "
            "chronology is attached.\n"
        )
        atts = [
            Att(
                "Chronology.docx",
                render_docs.docx_table(
                    f"Chronology - {w.claim}",
                    [w.full],
                    [
                        ["Date", "Event"],
                        [ids.fmt_date(w.injury_date, "dmy"), "Injury"],
                        [ids.fmt_date(letter_date(rng), "dmy"), "Liability accepted"],
                    ],
                ),
            )
        ]
    elif kind == "conciliation":
        subj = f"Documents for conference - {w.claim}"
        text = (
            f"Dear Registry,\n\nPlease find attached the agent's documents for the conference on claim {w.claim} "
            f"({w.full}).\n"
        )
        atts = [attach_letter(compose("liability", w, rng), "pdf-window", "Liability decision")]
    else:
        subj = f"Rehabilitation referral - {w.short}"
        text = (
            f"Hi,\n\nNew referral for {w.full} (DOB {ids.fmt_date(w.dob, 'long')}), claim {w.claim}, employer "
            f"{w.employer.name}. Worker's mobile: {w.phone}. Goal: return to pre-injury duties.\n"
        )
        atts = []
    data = render(Mail(who(cm), [who(to)], subj, text + staff_signature(cm), atts=atts), rng)
    c.add("eml", data, f"everyday/approved-{kind}", note=f"email about {w.cid} to the approved {kind} body")


def build_everyday(c: Corpus) -> None:
    rng = c.rng("everyday")
    cat = "everyday/"
    for k in range(c.n(16)):
        x = pick(c.reg, rng)
        letter = compose(
            KINDS[k % len(KINDS)],
            x,
            rng,
            name_style=("formal", "full", "initials")[k % 3],
            addr_style=("plain", "abbrev", "mixed")[k % 3],
        )
        ext, data = render_letter(letter, FORMATS[k % len(FORMATS)])
        c.add(ext, data, cat + "letter-to-worker", note=f"{KINDS[k % len(KINDS)]} letter to {x.cid}")
    for k in range(c.n(12)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        subject, paras = notice(rng, NOTICE_KINDS[k % len(NOTICE_KINDS)])
        if k % 2:
            cm = cm_of(rng)
            letter = Letter(
                [x.name_line("formal")],
                x.addr.block("plain"),
                ids.fmt_date(letter_date(rng), "long"),
                subject,
                paras,
                salutation=x.salutation(rng),
                signoff=signoff(cm, rng),
            )
            ext, data = render_letter(letter, FORMATS[(k + 3) % len(FORMATS)])
            c.add(ext, data, cat + "notice-letter", note=f"general notice to {x.cid}, no claim details")
        else:
            data = render(
                Mail(
                    ("Corella Claims Services", f"news@{DOMAIN}"),
                    [(x.short, x.email)],
                    subject,
                    f"Dear {x.first},\n\n" + "\n\n".join(paras) + "\n\nCorella Claims Services\n",
                ),
                rng,
            )
            c.add("eml", data, cat + "notice-email", note=f"general notice to {x.cid}")
    for _ in range(c.n(10)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        cm = cm_of(rng)
        body = rng.choice(
            [
                f"Thanks for your call today. As discussed, I've approved the extra physiotherapy sessions on claim "
                f"{x.claim}.",
                "Your new certificate has been received and your payments will continue.",
                f"Just a reminder that your IME appointment is on {ids.fmt_date(letter_date(rng), 'weekday')}. Let me "
                "know if you need transport.",
                "I've tried to call you a couple of times. When is a good time to talk about your return to work plan?",
            ]
        )
        c.add(
            "eml",
            mail_to_client(x, cm, rng.choice(["Your claim", "Following up", f"Claim {x.claim}"]), body, rng),
            cat + "email-to-worker",
            note=f"email to {x.cid} about their claim",
        )
    for k in range(c.n(10)):
        _approved_mail(c, rng, k)
    for k in range(c.n(6)):
        a, b = cm_of(rng), cm_of(rng)
        ws = [pick(c.reg, rng) for _ in range(rng.randrange(2, 6))]
        lines = "\n".join(f"{w.short} ({w.claim}, DOB {ids.fmt_date(w.dob, 'dmy')}) - {rng.choice(TASKS)}" for w in ws)
        atts = (
            [
                Att(
                    "handover.xlsx",
                    render_docs.xlsx(
                        {"Handover": [["Worker", "Claim", "Phone"]] + [[w.full, w.claim, w.phone] for w in ws]}
                    ),
                )
            ]
            if k % 2
            else []
        )
        c.add(
            "eml",
            render(
                Mail(
                    who(a),
                    [who(b)],
                    "Handover",
                    f"Hi {b.name.split(' ')[0]},\n\nHandover while I'm away:\n\n{lines}\n\n{a.name}",
                    cc=[who(PRIVACY_OFFICER)] if k == 3 else [],
                    atts=atts,
                ),
                rng,
            ),
            cat + "internal",
            note=f"internal handover about {len(ws)} clients",
        )
    for _ in range(c.n(4)):
        w, rep = rep_of(c.reg, rng, "employer")
        cm = cm_of(rng)
        letter = compose("rtw", w, rng)
        c.add(
            "eml",
            render(
                Mail(
                    who(cm),
                    [who(rep)],
                    f"RTW plan - {w.short}",
                    (
                        f"Hi {rep.name.split(' ')[0]},\n\nAttached is the agreed return to work plan for {w.short} "
                        f"({w.claim}).\n{staff_signature(cm)}"
                    ),
                    atts=[attach_letter(letter, "pdf-classic", "RTW plan")],
                ),
                rng,
            ),
            cat + "employer",
            note=f"RTW plan of {w.cid} to their employer's authorised coordinator",
        )
    vendors = [
        ("IT Service Desk", "servicedesk@brightstack.example"),
        ("Officeworks Orders", "orders@stationery.example"),
        ("Facilities", "bookings@towerfacilities.example"),
    ]
    for k in range(c.n(3)):
        cm = cm_of(rng)
        text = rng.choice(
            [
                "Please replace the toner in the level 4 printer (PRN-L4-02).",
                "Can we book the large meeting room for Thursday 10am-12pm, 14 people?",
                "Please order 20 reams of A4 and 500 DL window envelopes.",
            ]
        )
        c.add(
            "eml",
            render(Mail(who(cm), [vendors[k % 3]], "Request", text + "\n" + staff_signature(cm, True)), rng),
            cat + "vendor",
            note="no client data",
        )
    x = pick(c.reg, rng, lambda o: bool(o.emails))
    cm = CASE_MANAGERS[0]
    c.add(
        "eml",
        render(
            Mail(
                who(cm),
                [(x.short, x.email)],
                "Automatic reply: Payment",
                (
                    f"I am on leave until Monday 16 March 2026. For urgent matters please call 1300 267 355 or email "
                    f"claims@{DOMAIN}."
                ),
                headers={"Auto-Submitted": "auto-replied"},
            ),
            rng,
        ),
        cat + "auto-reply",
        note="out-of-office reply, no client data",
    )
    _print_files(c, rng)


def _print_files(c: Corpus, rng: random.Random) -> None:
    """The day's print file: several letters in one PDF."""
    for k in range(c.n(2)):
        ws = [pick(c.reg, rng) for _ in range(3 + k)]
        y = other_than(c.reg, rng, *ws)
        layout = ("window", "classic")[k % 2]
        seed = rng.random()
        letters = [compose(KINDS[(k + i) % len(KINDS)], w, random.Random(seed + i)) for i, w in enumerate(ws)]
        twin = c.add(
            "pdf",
            pdf_letters(letters, layout),
            "address-block/merged-print-file",
            letters=[{"expect": "allow"} for _ in ws],
            note=f"print file of {len(ws)} letters, each to its client",
        )
        bad = list(letters)
        bad[1] = replace(bad[1], enclosures=[certificate_page(y, random.Random(seed))])
        per: list[dict[str, object]] = [{"expect": "allow"} for _ in ws]
        per[1] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"], "suppressed": False}
        inc = c.add(
            "pdf",
            pdf_letters(bad, layout),
            "address-block/merged-print-file",
            letters=per,
            note=f"print file: certificate of {y.cid} printed behind letter 2 (to {ws[1].cid})",
        )
        c.pair(inc, twin)
