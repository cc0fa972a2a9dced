"""Suppressed (family-violence) details in headers and links, and written loosely in bodies and attachments."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import replace

from . import ids, render_docs, render_pdf
from .common import cm_of, render_letter
from .corpus import Corpus
from .letters import compose, letter_date
from .mail import Att, Mail, render, staff_signature, tiny_png, who
from .org import CLAIMS_TEAM_LIST, PARTIES, SAFE_CONTACT, SAFE_TEAM, Person
from .people import Client
from .places import STATE_NAMES, typo

REHAB = PARTIES["approved"][3]
IME = PARTIES["approved"][2]
WITHHELD = "withheld (Safe Contact Team holds current details)"


def victims(c: Corpus, field: str, *, not_field: str = "") -> list[tuple[Client, Client]]:
    return [(v, e) for v, e in c.reg.fv if field in v.suppressed and (not not_field or not_field not in v.suppressed)]


def _html_wrap(body: str) -> str:
    return ("<html><head><meta charset='utf-8'></head><body style='font-family:Calibri,Arial;font-size:11pt'>"
            f"{body}<p><img src='cid:logo' alt='Corella Claims Services' width='90'></p></body></html>")


LOGO = Att("corella.png", tiny_png(), cid="logo")


# --- headers and links ----------------------------------------------------------------------------

def build_headers(c: Corpus) -> None:
    rng = c.rng("headers")
    cat = "headers-links/"

    def pair(good: bytes, bad: bytes, var: str, v: Client, note: str, gnote: str) -> None:
        twin = c.add("eml", good, cat + var, note=gnote)
        inc = c.add("eml", bad, cat + var, rules=["suppressed_detail_exposed"], suppressed=True, note=note)
        c.pair(inc, twin)

    def joint_text(v: Client, e: Client, cm: Person) -> str:
        return (f"Dear {e.first},\n\nThis is to confirm that the conciliation conference on claim {e.shared_ref} is "
                f"listed for {ids.fmt_date(letter_date(rng), 'weekday')}. Each co-claimant will be called separately.\n"
                f"{staff_signature(cm)}")

    for v, e in victims(c, "email")[: c.n(2)]:  # victim's suppressed email in Cc of a joint notice
        cm = cm_of(rng)
        subj = f"Conciliation conference - claim {e.shared_ref}"
        seed = rng.random()
        good = render(Mail(who(cm), [(e.short, e.email)], subj, joint_text(v, e, cm)), random.Random(seed))
        bad = render(Mail(who(cm), [(e.short, e.email)], subj, joint_text(v, e, cm), cc=[(v.short, v.email)]),
                     random.Random(seed))
        pair(good, bad, "cc-joint-notice", v, f"suppressed email of {v.cid} in Cc of a notice to ex-partner {e.cid}",
             f"notice to {e.cid} alone on the shared claim")
    for v, e in victims(c, "email")[2: 2 + c.n(1)]:  # both co-claimants in To
        cm = cm_of(rng)
        subj = f"Claim {v.shared_ref} - documents received"
        text = (f"Dear {v.first},\n\nWe have received the documents for claim {v.shared_ref}. No action is needed.\n"
                f"{staff_signature(cm)}")
        seed = rng.random()
        good = render(Mail(who(cm), [(v.short, v.email)], subj, text), random.Random(seed))
        bad = render(Mail(who(cm), [(v.short, v.email), (e.short, e.email)], subj, text), random.Random(seed))
        pair(good, bad, "to-both-co-claimants", v, f"suppressed email of {v.cid} in To beside ex-partner {e.cid}",
             f"email to {v.cid} at their own suppressed address")
    for v, e in victims(c, "email")[3: 3 + c.n(1)]:  # Reply-To set to the victim
        cm = cm_of(rng)
        subj = f"Your query about claim {e.shared_ref}"
        text = joint_text(v, e, cm)
        seed = rng.random()
        good = render(Mail(who(cm), [(e.short, e.email)], subj, text, reply_to=("Corella Claims", "claims@corellaclaims.example")),
                      random.Random(seed))
        bad = render(Mail(who(cm), [(e.short, e.email)], subj, text, reply_to=(v.short, v.email)), random.Random(seed))
        pair(good, bad, "reply-to", v, f"Reply-To of a message to {e.cid} is the suppressed email of {v.cid}",
             f"message to {e.cid} with the agent's Reply-To")
    for v, e in victims(c, "phone", not_field="email")[: c.n(2)]:  # phone in the display name, rehab in Cc
        cm = cm_of(rng)
        cons = REHAB.contacts[0]
        subj = f"Home-based rehabilitation - claim {v.claim}"
        text = (f"Hi {v.first},\n\n{cons.name} from ReturnPath will contact you this week to arrange the first "
                f"session. I have copied {cons.name.split(' ')[0]} in.\n{staff_signature(cm)}")
        seed = rng.random()
        good = render(Mail(who(cm), [(v.short, v.email)], subj, text, cc=[who(cons)]), random.Random(seed))
        bad_name = f"{v.short} (mob {ids.fmt_phone(v.phone, 'canon')})"
        bad = render(Mail(who(cm), [(bad_name, v.email)], subj, text, cc=[who(cons)]), random.Random(seed))
        pair(good, bad, "display-name", v, f"suppressed phone of {v.cid} in the To display name, visible to the "
             "rehabilitation provider in Cc", f"email to {v.cid} with the approved rehab provider in Cc")
    for k, (v, e) in enumerate(victims(c, "phone")[2: 2 + c.n(2)]):  # phone in the subject
        cm = cm_of(rng)
        phone = ids.fmt_phone(v.phone, ("canon", "plain")[k % 2])
        to = [who(REHAB.contacts[2])] if k % 2 == 0 else [who(CLAIMS_TEAM_LIST)]
        good_to = to if k % 2 == 0 else [("Safe Contact Team", SAFE_CONTACT)]
        text = (f"Please call {v.first} to book the initial assessment (claim {v.claim}).\n{staff_signature(cm, True)}")
        seed = rng.random()
        good = render(Mail(who(cm), good_to, f"Call {v.first} via Safe Contact Team re {v.claim}", text),
                      random.Random(seed))
        bad = render(Mail(who(cm), to if k % 2 == 0 else to, f"Call {v.first} on {phone} re {v.claim}", text),
                     random.Random(seed))
        where = "the rehabilitation provider" if k % 2 == 0 else "the general claims team list (not on the suppressed-detail staff list; default policy holds it)"
        pair(good, bad, "subject", v, f"suppressed phone of {v.cid} in the Subject sent to {where}",
             f"same request about {v.cid} without the phone")
    for v, e in victims(c, "postal_address")[4: 4 + c.n(1)]:  # address in the subject to the ex-partner
        cm = cm_of(rng)
        text = joint_text(v, e, cm)
        seed = rng.random()
        good = render(Mail(who(cm), [(e.short, e.email)], f"Change of address - claim {e.shared_ref}", text),
                      random.Random(seed))
        bad = render(Mail(who(cm), [(e.short, e.email)], f"Change of address to {v.addr.street_line(True)} "
                          f"{v.addr.suburb} - claim {e.shared_ref}", text), random.Random(seed))
        pair(good, bad, "subject", v, f"suppressed street address of {v.cid} in a Subject to ex-partner {e.cid}",
             f"notice to {e.cid} with a neutral subject")
    html_cases: list[tuple[str, Callable[[Client], tuple[str, str]]]] = [
        ("mailto-link", lambda v: (f"<a href='mailto:{v.email}'>your co-claimant's preferred email</a>",
                                   "<a href='mailto:claims@corellaclaims.example'>our claims team</a>")),
        ("link-title", lambda v: (f"<a href='https://maps.example/search' title='{html.escape(v.addr.one_line())}'>"
                                  "home visit location</a>",
                                  "<a href='https://maps.example/search' title='ReturnPath, Dandenong'>clinic location</a>")),
        ("link-text", lambda v: (f"<a href='tel:{''.join(ch for ch in v.phone if ch.isdigit())}'>"
                                 f"{ids.fmt_phone(v.phone, 'canon')}</a>",
                                 "<a href='tel:1300267355'>1300 267 355</a>")),
        ("alt-text", lambda v: (f"<img src='cid:photo' alt='Front entrance, {html.escape(v.addr.one_line())}'>",
                                "<img src='cid:photo' alt='Front entrance of the clinic'>")),
    ]
    field_of = {"mailto-link": "email", "link-title": "postal_address", "link-text": "phone", "alt-text": "postal_address"}
    for k, (var, make) in enumerate(html_cases[: max(2, c.n(4))]):
        pool = victims(c, field_of[var])
        v, e = pool[(k + 5) % len(pool)]
        cm = cm_of(rng)
        to = [(e.short, e.email)] if var in ("mailto-link", "link-text") else [who(v.employer.contacts[0])]
        bad_link, good_link = make(v)

        def body(link: str, v: Client = v, e: Client = e, var: str = var) -> tuple[str, str]:
            intro = (f"Dear {e.first}," if var in ("mailto-link", "link-text")
                     else f"Dear {v.employer.contacts[0].name.split(' ')[0]},")
            html_body = (f"<p>{intro}</p><p>Regarding claim {v.shared_ref if var != 'alt-text' else v.claim}: "
                         f"please see {link}.</p><p>Regards,<br>{cm.name}<br>{cm.title}</p>")
            return html_body, f"{intro}\n\nRegarding the claim: please see the link in this email.\n\n{cm.name}"
        seed = rng.random()
        atts = [Att("photo.png", tiny_png((90, 120, 90)), cid="photo")] if var == "alt-text" else []
        gh, gt = body(good_link)
        bh, bt = body(bad_link)
        good = render(Mail(who(cm), to, "Claim update", gt, html=_html_wrap(gh), inline=[LOGO, *atts]), random.Random(seed))
        bad = render(Mail(who(cm), to, "Claim update", bt, html=_html_wrap(bh), inline=[LOGO, *atts]), random.Random(seed))
        pair(good, bad, var, v, f"suppressed {field_of[var]} of {v.cid} in an HTML {var} (text part is clean)",
             "same HTML message with a neutral link")
    # legitimate: the victim's own details to the victim, and to the Safe Contact Team
    for v, e in c.reg.fv[: c.n(3)]:
        cm = cm_of(rng)
        text = (f"Hi {v.first},\n\nAs agreed, letters now go to {v.addr.one_line()} and we will only call "
                f"{ids.fmt_phone(v.phone, 'canon')}. Your details are locked and only our Safe Contact Team can see "
                f"them.\n{staff_signature(cm)}")
        c.add("eml", render(Mail(who(cm), [(v.short, v.email)], f"Your contact details - {v.claim}", text), rng),
              cat + "own-suppressed-details", note=f"{v.cid}'s suppressed details sent to {v.cid}")
        team = rng.choice(SAFE_TEAM)
        text = (f"Hi {team.name.split(' ')[0]},\n\nPlease lock the file for {v.short} ({v.claim}). New address "
                f"{v.addr.one_line()}, mobile {ids.fmt_phone(v.phone, 'canon')}, email {v.email}. Ex-partner is "
                f"co-claimant {e.short}.\n{staff_signature(cm, True)}")
        c.add("eml", render(Mail(who(cm), [who(team)], f"FV suppression request - {v.phone}", text,
                                 cc=[("Safe Contact Team", SAFE_CONTACT)]), rng),
              cat + "safe-contact-team", note=f"suppressed details of {v.cid} to the authorised Safe Contact Team")


# --- loose writing ----------------------------------------------------------------------------------

def loose_address(v: Client, style: str, rng: random.Random) -> list[str]:
    """The victim's address as someone might type it, as lines."""
    a = v.addr
    if style == "abbrev-type":
        return [a.street_line(abbrev=a.reg_style != "abbrev") + ", " + a.locality(caps=False)]
    if style == "split-lines":
        return a.block("split-unit") if a.kind == "unit" else [a.street_line(), a.suburb, f"{a.state} {a.postcode}"]
    if style == "all-caps":
        return [" ".join(a.block("caps")).upper()]
    if style == "typo-street":
        return [a.street_line().replace(a.street, typo(a.street, rng)) + ", " + a.locality(caps=False)]
    if style == "typo-suburb":
        return [a.street_line(abbrev=True) + ", " + f"{typo(a.suburb, rng)} {a.state} {a.postcode}"]
    if style == "unit-forms":
        us = "slash" if a.reg_style != "slash" else "word"
        return [a.street_line(True, unit_style=us) + " " + a.locality(caps=True)]
    if style == "full-state":
        return [a.street_line() + ", " + f"{a.suburb}, {STATE_NAMES[a.state]} {a.postcode}"]
    return [a.one_line()]


def field_rows(v: Client) -> list[tuple[str, str]]:
    a = v.addr
    street = a.street_line(abbrev=True)
    return [("Street", street), ("Suburb", a.suburb.upper()), ("State", a.state), ("Postcode", a.postcode)]


def build_loose(c: Corpus) -> None:
    rng = c.rng("loose")
    cat = "suppressed-loose/"
    styles = ["abbrev-type", "split-lines", "all-caps", "typo-street", "typo-suburb", "unit-forms", "full-state"]
    recipients = ["ex-partner", "employer", "ime", "claims-team", "letter-ex"]
    fv_addr = [p for p in c.reg.fv]
    for k, style in enumerate(styles * c.n(1)):
        v, e = fv_addr[k % len(fv_addr)]
        if style == "unit-forms" and v.addr.kind != "unit":
            v, e = next(p for p in fv_addr if p[0].addr.kind == "unit")
        kind = recipients[k % len(recipients)]
        lines = loose_address(v, style, rng)
        _loose_pair(c, rng, cat + f"address-{style}", v, e, kind, lines, f"suppressed address of {v.cid} ({style})")
    phone_styles = ["intl", "dot", "brackets", "plain", "dash", "local", "intl-plain", "pairs"]
    for k, style in enumerate(phone_styles[: max(3, c.n(len(phone_styles)))]):
        pool = victims(c, "phone")
        v, e = pool[k % len(pool)]
        if style == "local":
            land = [p for p in pool if not p[0].phone.startswith("04")]
            v, e = land[0] if land else (v, e)
        kind = recipients[(k + 2) % len(recipients)]
        phone = ids.fmt_phone(v.phone, style)
        _loose_pair(c, rng, cat + f"phone-{style}", v, e, kind, [f"mobile/phone {phone}"],
                    f"suppressed phone of {v.cid} written {style}")
    for k, (v, e) in enumerate(victims(c, "email")[: c.n(2)]):
        _loose_pair(c, rng, cat + "email-caps", v, e, recipients[k % 3], [f"email {v.email.upper()}"],
                    f"suppressed email of {v.cid} in capitals")
    _attachments(c, rng)
    _lookalikes(c, rng)


def _loose_pair(c: Corpus, rng: random.Random, category: str, v: Client, e: Client, kind: str, detail: list[str],
                note: str) -> None:
    cm = cm_of(rng)
    seed = rng.random()
    d = "\n".join(detail) if len(detail) > 1 else detail[0]
    if kind == "letter-ex":
        base = compose("conciliation", e, random.Random(seed), claim=e.shared_ref, worker_line=False)
        good = replace(base, paras=base.paras[:1] + [f"Your co-claimant's contact details are {WITHHELD}."] + base.paras[1:])
        bad = replace(base, paras=base.paras[:1] + ["Your co-claimant has asked that documents be sent to:"] + detail
                      + base.paras[1:])
        fmt = rng.choice(["pdf-window", "docx-table", "rtf", "txt"])
        ext, g = render_letter(good, fmt)
        twin = c.add(ext, g, category, note=f"letter to ex-partner {e.cid}; co-claimant's details withheld")
        ext, b = render_letter(bad, fmt)
        inc = c.add(ext, b, category, rules=["suppressed_detail_exposed"], suppressed=True,
                    note=note + f", in a letter to ex-partner {e.cid}")
        c.pair(inc, twin)
        return
    if kind == "ex-partner":
        to = [(e.short, e.email)]
        text = (f"Hi {e.first},\n\nI've sent the co-claimant copies of the claim documents directly, so you don't need "
                f"to pass them on. For your information, {v.first}'s details for claim {e.shared_ref} are:\n\n{{D}}\n"
                f"{staff_signature(cm)}")
        where = f"ex-partner {e.cid}"
    elif kind == "employer":
        rtw = v.employer.contacts[0]
        to = [who(rtw)]
        text = (f"Hi {rtw.name.split(' ')[0]},\n\nFor your records on {v.short}'s claim {v.claim} - updated worker "
                f"details:\n\n{{D}}\n\nPlease keep sending anything for {v.first} through me.\n{staff_signature(cm)}")
        where = "the employer"
    elif kind == "ime":
        to = [who(IME.contacts[0])]
        text = (f"Hello,\n\nPlease book an IME (orthopaedic) for {v.formal}, DOB {ids.fmt_date(v.dob, 'dmy')}, claim "
                f"{v.claim}. Worker contact details:\n\n{{D}}\n{staff_signature(cm)}")
        where = "the IME panel (approved, but not for suppressed details)"
    else:
        to = [who(CLAIMS_TEAM_LIST)]
        text = (f"Team,\n\nFYI {v.short} ({v.claim}) has new details - please update the payment file:\n\n{{D}}\n"
                f"{staff_signature(cm, True)}")
        where = "the general claims team list (not authorised for suppressed details; default policy holds it)"
    good = render(Mail(who(cm), to, f"Claim {v.claim if kind != 'ex-partner' else e.shared_ref}",
                       text.replace("{D}", WITHHELD)), random.Random(seed))
    bad = render(Mail(who(cm), to, f"Claim {v.claim if kind != 'ex-partner' else e.shared_ref}",
                      text.replace("{D}", d)), random.Random(seed))
    twin = c.add("eml", good, category, note=f"same message to {where}, details withheld")
    inc = c.add("eml", bad, category, rules=["suppressed_detail_exposed"], suppressed=True, note=f"{note}, sent to {where}")
    c.pair(inc, twin)


def _attachments(c: Corpus, rng: random.Random) -> None:
    """The address in table cells and labelled form fields, in attachments and HTML."""
    cases = ["html-cells", "docx-cells", "xlsx-cells", "pdf-form"]
    for k, case in enumerate(cases * c.n(1)):
        v, e = c.reg.fv[(k * 3 + 1) % len(c.reg.fv)]
        cm = cm_of(rng)
        rows = field_rows(v)
        withheld = [(lbl, "withheld" if i == 0 else "-") for i, (lbl, _) in enumerate(rows)]
        rtw = v.employer.contacts[0]
        to = [who(rtw)] if k % 2 == 0 else [(e.short, e.email)]
        where = "the employer" if k % 2 == 0 else f"ex-partner {e.cid}"
        seed = rng.random()

        def make(rs: list[tuple[str, str]], v: Client = v, case: str = case, cm: Person = cm) -> bytes:
            text = f"Please find the updated claim details attached for claim {v.shared_ref}.\n{staff_signature(cm)}"
            if case == "html-cells":
                cells = "".join(f"<tr><th align='left'>{lbl}</th><td>{html.escape(val)}</td></tr>" for lbl, val in rs)
                body = f"<p>Updated details, claim {v.shared_ref}:</p><table border='1'>{cells}</table>"
                return render(Mail(who(cm), to, "Updated claim details", text + "\n(see HTML version)",
                                   html=_html_wrap(body), inline=[LOGO]), random.Random(seed))
            if case == "docx-cells":
                att = Att("Claim details.docx", render_docs.docx_table(
                    "Co-claimant details", [f"Claim {v.shared_ref}", f"Co-claimant: {v.short}"],
                    [["Field", "Value"]] + [[a, b] for a, b in rs]))
            elif case == "xlsx-cells":
                att = Att("claim_details.xlsx", render_docs.xlsx({"Details": [
                    ["Claim", "Name", "Street", "Suburb", "State", "Postcode"],
                    [v.shared_ref, v.short] + [val for _, val in rs]]}))
            else:
                att = Att("Dependant details form.pdf", render_pdf.pdf_form(
                    "Dependant's claim - claimant details", [("Claim number", v.shared_ref), ("Claimant", v.full),
                                                             ("", "")] + rs))
            return render(Mail(who(cm), to, "Updated claim details", text, atts=[att]), random.Random(seed))
        twin = c.add("eml", make(withheld), f"suppressed-loose/{case}", note=f"form for claim of {v.cid}, address withheld")
        inc = c.add("eml", make(rows), f"suppressed-loose/{case}", rules=["suppressed_detail_exposed"], suppressed=True,
                    note=f"suppressed address of {v.cid} split over labelled fields/cells, sent to {where}")
        c.pair(inc, twin)


def _lookalikes(c: Corpus, rng: random.Random) -> None:
    """Neighbours and namesakes of a suppressed address: legitimate."""
    formats = ("pdf-window", "docx-table", "pdf-classic", "txt-columns", "rtf")
    for k, (v, other, kind) in enumerate(c.reg.victim_lookalikes[: c.n(12)]):
        letter = compose("weekly" if k % 2 else "certificate", other, rng)
        letter = replace(letter, pre_greeting=[f"Address for service: {other.addr.one_line()}"])
        ext, data = render_letter(letter, formats[k % len(formats)])
        c.add(ext, data, f"suppressed-loose/lookalike-{kind}",
              note=f"letter to {other.cid} at their own address, near/alike the suppressed address of {v.cid}")
