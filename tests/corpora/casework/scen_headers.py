"""Suppressed (family-violence) details in headers, display names, subjects and HTML links."""

from __future__ import annotations

import html
import random
from collections.abc import Callable

from . import ids
from .common import cm_of
from .corpus import Corpus
from .letters import letter_date
from .mail import Att, Mail, render, staff_signature, tiny_png, who
from .org import CLAIMS_TEAM_LIST, PARTIES, SAFE_CONTACT, SAFE_TEAM, Person
from .people import Client

REHAB = PARTIES["approved"][3]
IME = PARTIES["approved"][2]
WITHHELD = "withheld (Safe Contact Team holds current details)"


def victims(c: Corpus, field: str, *, not_field: str = "") -> list[tuple[Client, Client]]:
    return [(v, e) for v, e in c.reg.fv if field in v.suppressed and (not not_field or not_field not in v.suppressed)]


def _html_wrap(body: str) -> str:
    return (
        "<html><head><meta charset='utf-8'></head><body style='font-family:Calibri,Arial;font-size:11pt'>"
        f"{body}<p><img src='cid:logo' alt='Corella Claims Services' width='90'></p></body></html>"
    )


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
        return (
            f"Dear {e.first},\n\nThis is to confirm that the conciliation conference on claim {e.shared_ref} is "
            f"listed for {ids.fmt_date(letter_date(rng), 'weekday')}. Each co-claimant will be called separately.\n"
            f"{staff_signature(cm)}"
        )

    for v, e in victims(c, "email")[: c.n(2)]:  # victim's suppressed email in Cc of a joint notice
        cm = cm_of(rng)
        subj = f"Conciliation conference - claim {e.shared_ref}"
        seed = rng.random()
        good = render(Mail(who(cm), [(e.short, e.email)], subj, joint_text(v, e, cm)), random.Random(seed))
        bad = render(
            Mail(who(cm), [(e.short, e.email)], subj, joint_text(v, e, cm), cc=[(v.short, v.email)]),
            random.Random(seed),
        )
        pair(
            good,
            bad,
            "cc-joint-notice",
            v,
            f"suppressed email of {v.cid} in Cc of a notice to ex-partner {e.cid}",
            f"notice to {e.cid} alone on the shared claim",
        )
    for v, e in victims(c, "email")[2 : 2 + c.n(1)]:  # both co-claimants in To
        cm = cm_of(rng)
        subj = f"Claim {v.shared_ref} - documents received"
        text = (
            f"Dear {v.first},\n\nWe have received the documents for claim {v.shared_ref}. No action is needed.\n"
            f"{staff_signature(cm)}"
        )
        seed = rng.random()
        good = render(Mail(who(cm), [(v.short, v.email)], subj, text), random.Random(seed))
        bad = render(Mail(who(cm), [(v.short, v.email), (e.short, e.email)], subj, text), random.Random(seed))
        pair(
            good,
            bad,
            "to-both-co-claimants",
            v,
            f"suppressed email of {v.cid} in To beside ex-partner {e.cid}",
            f"email to {v.cid} at their own suppressed address",
        )
    for v, e in victims(c, "email")[3 : 3 + c.n(1)]:  # Reply-To set to the victim
        cm = cm_of(rng)
        subj = f"Your query about claim {e.shared_ref}"
        text = joint_text(v, e, cm)
        seed = rng.random()
        good = render(
            Mail(
                who(cm), [(e.short, e.email)], subj, text, reply_to=("Corella Claims", "claims@corellaclaims.example")
            ),
            random.Random(seed),
        )
        bad = render(Mail(who(cm), [(e.short, e.email)], subj, text, reply_to=(v.short, v.email)), random.Random(seed))
        pair(
            good,
            bad,
            "reply-to",
            v,
            f"Reply-To of a message to {e.cid} is the suppressed email of {v.cid}",
            f"message to {e.cid} with the agent's Reply-To",
        )
    for v, _e in victims(c, "phone", not_field="email")[: c.n(2)]:  # phone in the display name, rehab in Cc
        cm = cm_of(rng)
        cons = REHAB.contacts[0]
        subj = f"Home-based rehabilitation - claim {v.claim}"
        text = (
            f"Hi {v.first},\n\n{cons.name} from ReturnPath will contact you this week to arrange the first "
            f"session. I have copied {cons.name.split(' ')[0]} in.\n{staff_signature(cm)}"
        )
        seed = rng.random()
        good = render(Mail(who(cm), [(v.short, v.email)], subj, text, cc=[who(cons)]), random.Random(seed))
        bad_name = f"{v.short} (mob {ids.fmt_phone(v.phone, 'canon')})"
        bad = render(Mail(who(cm), [(bad_name, v.email)], subj, text, cc=[who(cons)]), random.Random(seed))
        pair(
            good,
            bad,
            "display-name",
            v,
            f"suppressed phone of {v.cid} in the To display name, visible to the rehabilitation provider in Cc",
            f"email to {v.cid} with the approved rehab provider in Cc",
        )
    for k, (v, _e) in enumerate(victims(c, "phone")[2 : 2 + c.n(2)]):  # phone in the subject
        cm = cm_of(rng)
        phone = ids.fmt_phone(v.phone, ("canon", "plain")[k % 2])
        to = [who(REHAB.contacts[2])] if k % 2 == 0 else [who(CLAIMS_TEAM_LIST)]
        good_to = to if k % 2 == 0 else [("Safe Contact Team", SAFE_CONTACT)]
        text = f"Please call {v.first} to book the initial assessment (claim {v.claim}).\n{staff_signature(cm, True)}"
        seed = rng.random()
        good = render(
            Mail(who(cm), good_to, f"Call {v.first} via Safe Contact Team re {v.claim}", text), random.Random(seed)
        )
        bad = render(
            Mail(who(cm), to if k % 2 == 0 else to, f"Call {v.first} on {phone} re {v.claim}", text),
            random.Random(seed),
        )
        where = (
            "the rehabilitation provider"
            if k % 2 == 0
            else "the general claims team list (not on the suppressed-detail staff list; default policy holds it)"
        )
        pair(
            good,
            bad,
            "subject",
            v,
            f"suppressed phone of {v.cid} in the Subject sent to {where}",
            f"same request about {v.cid} without the phone",
        )
    for v, e in victims(c, "postal_address")[4 : 4 + c.n(1)]:  # address in the subject to the ex-partner
        cm = cm_of(rng)
        text = joint_text(v, e, cm)
        seed = rng.random()
        good = render(
            Mail(who(cm), [(e.short, e.email)], f"Change of address - claim {e.shared_ref}", text), random.Random(seed)
        )
        bad = render(
            Mail(
                who(cm),
                [(e.short, e.email)],
                f"Change of address to {v.addr.street_line(True)} {v.addr.suburb} - claim {e.shared_ref}",
                text,
            ),
            random.Random(seed),
        )
        pair(
            good,
            bad,
            "subject",
            v,
            f"suppressed street address of {v.cid} in a Subject to ex-partner {e.cid}",
            f"notice to {e.cid} with a neutral subject",
        )
    html_cases: list[tuple[str, Callable[[Client], tuple[str, str]]]] = [
        (
            "mailto-link",
            lambda v: (
                f"<a href='mailto:{v.email}'>your co-claimant's preferred email</a>",
                "<a href='mailto:claims@corellaclaims.example'>our claims team</a>",
            ),
        ),
        (
            "link-title",
            lambda v: (
                f"<a href='https://maps.example/search' title='{html.escape(v.addr.one_line())}'>"
                "home visit location</a>",
                "<a href='https://maps.example/search' title='ReturnPath, Dandenong'>clinic location</a>",
            ),
        ),
        (
            "link-text",
            lambda v: (
                f"<a href='tel:{''.join(ch for ch in v.phone if ch.isdigit())}'>{ids.fmt_phone(v.phone, 'canon')}</a>",
                "<a href='tel:1300267355'>1300 267 355</a>",
            ),
        ),
        (
            "alt-text",
            lambda v: (
                f"<img src='cid:photo' alt='Front entrance, {html.escape(v.addr.one_line())}'>",
                "<img src='cid:photo' alt='Front entrance of the clinic'>",
            ),
        ),
    ]
    field_of = {
        "mailto-link": "email",
        "link-title": "postal_address",
        "link-text": "phone",
        "alt-text": "postal_address",
    }
    for k, (var, make) in enumerate(html_cases[: max(2, c.n(4))]):
        pool = victims(c, field_of[var])
        v, e = pool[(k + 5) % len(pool)]
        cm = cm_of(rng)
        to = [(e.short, e.email)] if var in ("mailto-link", "link-text") else [who(v.employer.contacts[0])]
        bad_link, good_link = make(v)

        def body(link: str, v: Client = v, e: Client = e, var: str = var, cm: Person = cm) -> tuple[str, str]:
            intro = (
                f"Dear {e.first},"
                if var in ("mailto-link", "link-text")
                else f"Dear {v.employer.contacts[0].name.split(' ')[0]},"
            )
            html_body = (
                f"<p>{intro}</p><p>Regarding claim {v.shared_ref if var != 'alt-text' else v.claim}: "
                f"please see {link}.</p><p>Regards,<br>{cm.name}<br>{cm.title}</p>"
            )
            return html_body, f"{intro}\n\nRegarding the claim: please see the link in this email.\n\n{cm.name}"

        seed = rng.random()
        atts = [Att("photo.png", tiny_png((90, 120, 90)), cid="photo")] if var == "alt-text" else []
        gh, gt = body(good_link)
        bh, bt = body(bad_link)
        good = render(
            Mail(who(cm), to, "Claim update", gt, html=_html_wrap(gh), inline=[LOGO, *atts]), random.Random(seed)
        )
        bad = render(
            Mail(who(cm), to, "Claim update", bt, html=_html_wrap(bh), inline=[LOGO, *atts]), random.Random(seed)
        )
        pair(
            good,
            bad,
            var,
            v,
            f"suppressed {field_of[var]} of {v.cid} in an HTML {var} (text part is clean)",
            "same HTML message with a neutral link",
        )
    # legitimate: the victim's own details to the victim, and to the Safe Contact Team
    for v, e in c.reg.fv[: c.n(3)]:
        cm = cm_of(rng)
        text = (
            f"Hi {v.first},\n\nAs agreed, letters now go to {v.addr.one_line()} and we will only call "
            f"{ids.fmt_phone(v.phone, 'canon')}. Your details are locked and only our Safe Contact Team can see "
            f"them.\n{staff_signature(cm)}"
        )
        c.add(
            "eml",
            render(Mail(who(cm), [(v.short, v.email)], f"Your contact details - {v.claim}", text), rng),
            cat + "own-suppressed-details",
            note=f"{v.cid}'s suppressed details sent to {v.cid}",
        )
        team = rng.choice(SAFE_TEAM)
        text = (
            f"Hi {team.name.split(' ')[0]},\n\nPlease lock the file for {v.short} ({v.claim}). New address "
            f"{v.addr.one_line()}, mobile {ids.fmt_phone(v.phone, 'canon')}, email {v.email}. Ex-partner is "
            f"co-claimant {e.short}.\n{staff_signature(cm, True)}"
        )
        c.add(
            "eml",
            render(
                Mail(
                    who(cm),
                    [who(team)],
                    f"FV suppression request - {v.phone}",
                    text,
                    cc=[("Safe Contact Team", SAFE_CONTACT)],
                ),
                rng,
            ),
            cat + "safe-contact-team",
            note=f"suppressed details of {v.cid} to the authorised Safe Contact Team",
        )
