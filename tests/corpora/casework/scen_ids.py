"""Name twins, dates of birth in every style, claim numbers as typed, TFN/Medicare/ABN/ACN (identifiers-dates)."""

from __future__ import annotations

import random
from dataclasses import replace

from . import ids
from .common import cm_of, mail_to_client, other_than, pick, render_letter, rep_of
from .corpus import Corpus
from .letters import Letter, compose
from .mail import Mail, render, staff_signature, who
from .org import ANALYST, ORG_ABN, PARTIES, PAYMENTS_OFFICER, Person
from .people import Client

CAT = "identifiers-dates/"


def _payment(to: Client, rng: random.Random, dob_of: Client, claim_of: Client, dob_style: str) -> Letter:
    """A payment approval letter; the worker details come from the record the officer opened."""
    letter = compose("medical", to, rng, claim=claim_of.claim, dob_style=dob_style, worker_line=False)
    details = (
        f"Worker: {to.full}    Date of birth: {ids.fmt_date(dob_of.dob, dob_style)}    "
        f"Date of injury: {ids.fmt_date(to.injury_date, 'dmy')}    Claim: {claim_of.claim}"
    )
    return replace(letter, paras=[details] + letter.paras, table_after=letter.table_after + 1)


def _twins(c: Corpus) -> None:
    rng = c.rng("twins")
    formats = ("pdf-window", "docx-table", "pdf-classic", "txt-columns", "rtf", "pdf-right", "html", "docx-right")
    styles = list(ids.DATE_STYLES)
    for k, (a, b) in enumerate(c.reg.twins[: c.n(8)]):
        fmt = formats[k % len(formats)]
        style = styles[k % len(styles)]
        seed = rng.random()
        good = _payment(a, random.Random(seed), a, a, style)
        if k % 3 == 2:  # e-mailed payment advice
            cm = PAYMENTS_OFFICER

            def advice(dob_of: Client, claim_of: Client, a: Client = a, style: str = style, seed: float = seed) -> str:
                return (
                    f"We have approved payment of {ids.money(random.Random(seed), 150, 900)} for the travel "
                    f"expenses you claimed.\n\nWorker: {a.full}\nDate of birth: {ids.fmt_date(dob_of.dob, style)}\n"
                    f"Date of injury: {ids.fmt_date(a.injury_date, 'long')}\nClaim: {claim_of.claim}\n"
                )

            g = mail_to_client(a, cm, "Payment advice", advice(a, a), random.Random(seed))
            bd = mail_to_client(a, cm, "Payment advice", advice(b, b), random.Random(seed))
            twin = c.add("eml", g, CAT + "name-twin-payment", note=f"payment advice to {a.cid}, own claim and DOB")
            inc = c.add(
                "eml",
                bd,
                CAT + "name-twin-payment",
                rules=["mismatched_recipient", "mixed_client_documents"],
                note=f"payment advice to {a.cid} built from the record of name twin {b.cid} (same name and "
                "injury date, other date of birth and claim)",
            )
            c.pair(inc, twin)
            continue
        if k % 3 == 0:
            bad = _payment(a, random.Random(seed), b, b, style)
            note = (
                f"payment letter to {a.cid} carries the claim and date of birth of name twin {b.cid} (same name and "
                "injury date)"
            )
        else:
            bad = _payment(a, random.Random(seed), b, a, style)
            note = (
                f"payment letter to {a.cid} shows the date of birth of name twin {b.cid}: name + DOB identify {b.cid}"
            )
        ext, g = render_letter(good, fmt)
        twin = c.add(ext, g, CAT + "name-twin-payment", note=f"payment letter to {a.cid}, DOB written {style}")
        ext, bd = render_letter(bad, fmt)
        inc = c.add(
            ext, bd, CAT + "name-twin-payment", rules=["mismatched_recipient", "mixed_client_documents"], note=note
        )
        c.pair(inc, twin)
    for k, (a, b) in enumerate(c.reg.twins[: c.n(4)]):  # the other twin gets their own letter: both fine
        letter = _payment(b, rng, b, b, styles[(k + 3) % len(styles)])
        ext, data = render_letter(letter, formats[(k + 1) % len(formats)])
        c.add(ext, data, CAT + "name-twin-own", note=f"payment letter to {b.cid}, who shares a name with {a.cid}")


def _typed_claims(c: Corpus) -> None:
    rng = c.rng("typed-claims")
    for style in ["space", "plain", "lower", "slash", "canon", "space"][: max(3, c.n(6))]:
        x = pick(c.reg, rng, lambda o: bool(o.emails) and o.claim.startswith("WC"))
        y = other_than(c.reg, rng, x)
        y_claim = y.claim if y.claim.startswith("WC") else y.refs[0]
        cm = cm_of(rng)
        seed = rng.random()

        def body(ref: str, style: str = style) -> str:
            return (
                f"Thanks for sending through the receipts. I have lodged them against claim "
                f"{ids.fmt_ref(ref, style)} and you should see the payment in 3-5 business days."
            )

        g = mail_to_client(x, cm, "Your receipts", body(x.claim), random.Random(seed))
        bd = mail_to_client(x, cm, "Your receipts", body(y_claim), random.Random(seed))
        twin = c.add("eml", g, CAT + "typed-claim-number", note=f"email to {x.cid} with their claim written {style}")
        inc = c.add(
            "eml",
            bd,
            CAT + "typed-claim-number",
            rules=["mismatched_recipient"],
            note=f"claim number of {y.cid} typed (written {style}) into an email to {x.cid}",
        )
        c.pair(inc, twin)


def _gov_ids(c: Corpus) -> None:
    rng = c.rng("gov-ids")
    for style in ["space", "dash", "dot", "plain"][: max(2, c.n(4))]:
        w, rep = rep_of(c.reg, rng, "law", "employer")
        tfn = ids.tfn(rng)
        cm = PAYMENTS_OFFICER
        seed = rng.random()

        def text(tfn_text: str, w: Client = w, rep: Person = rep, seed: float = seed, cm: Person = cm) -> str:
            return (
                f"Dear {rep.name.split(' ')[0]},\n\nAs requested, the PAYG withholding details for weekly payments to "
                f"{w.full} (claim {w.claim}) for 2025-26 are below.\n\nGross payments: "
                f"{ids.money(random.Random(seed), 18000, 52000)}\nTax withheld: "
                f"{ids.money(random.Random(seed + 1), 3000, 11000)}\nTax file number: {tfn_text}\n"
                f"{staff_signature(cm)}"
            )

        g = render(
            Mail(who(cm), [who(rep)], f"PAYG details - {w.short}", text("held by us, not shown")), random.Random(seed)
        )
        bd = render(
            Mail(who(cm), [who(rep)], f"PAYG details - {w.short}", text(ids.fmt_tfn(tfn, style))), random.Random(seed)
        )
        twin = c.add("eml", g, CAT + "tfn", note=f"PAYG details of {w.cid} to their authorised contact, TFN not shown")
        inc = c.add(
            "eml",
            bd,
            CAT + "tfn",
            rules=["sensitive_identifier"],
            note=f"TFN of {w.cid} ({style}) emailed to an outside representative",
        )
        c.pair(inc, twin)
    for style in ["space", "plain", "dash"][: max(2, c.n(3))]:
        w, rep = rep_of(c.reg, rng, "family")
        med = ids.medicare(rng)
        cm = cm_of(rng)
        seed = rng.random()

        def mtext(m: str, w: Client = w, rep: Person = rep, cm: Person = cm) -> str:
            return (
                f"Hi {rep.name.split(' ')[0]},\n\nServices Australia has asked for a notice of charge for "
                f"{w.first}'s Medicare claims. I've lodged it with {w.first}'s details below.\n\n"
                f"Claim: {w.claim}\nMedicare card: {m}\n{staff_signature(cm)}"
            )

        g = render(Mail(who(cm), [who(rep)], "Medicare notice of charge", mtext("on file")), random.Random(seed))
        bd = render(
            Mail(who(cm), [who(rep)], "Medicare notice of charge", mtext(ids.fmt_medicare(med, style))),
            random.Random(seed),
        )
        twin = c.add("eml", g, CAT + "medicare", note=f"Medicare notice of charge for {w.cid} to the family contact")
        inc = c.add(
            "eml",
            bd,
            CAT + "medicare",
            rules=["sensitive_identifier"],
            note=f"Medicare number of {w.cid} written {style} emailed outside the agent",
        )
        c.pair(inc, twin)
    # legitimate: a TFN between staff, business numbers everywhere, numbers that are not TFNs
    tfn = ids.tfn(rng)
    w = pick(c.reg, rng)
    note_text = (
        f"Fergus,\n\nThe ATO mismatch for {w.short} ({w.claim}) is fixed: TFN {ids.fmt_tfn(tfn, 'space')} now "
        f"matches the payroll record.\n{staff_signature(PAYMENTS_OFFICER, True)}"
    )
    c.add(
        "eml",
        render(Mail(who(PAYMENTS_OFFICER), [who(ANALYST)], "TFN mismatch fixed", note_text), rng),
        CAT + "tfn-internal",
        note="TFN between two staff members: never leaves the agent",
    )
    for k in range(c.n(4)):
        emp = rng.choice(PARTIES["employers"])
        cm = cm_of(rng)
        inv = ids.not_a_tfn(rng)
        receipt = (
            f"Hello,\n\nThank you for payment of invoice {inv[:3]} {inv[3:6]} {inv[6:]} for claims handling fees "
            f"(your ABN {ids.fmt_abn(emp.abn, ('space', 'plain', 'dot')[k % 3])}, ACN {ids.fmt_acn(emp.acn)}). "
            f"Our ABN is {ids.fmt_abn(ORG_ABN)}.\n\nReceipt number: {ids.not_a_tfn(rng)}\n{staff_signature(cm)}"
        )
        c.add(
            "eml",
            render(Mail(who(PAYMENTS_OFFICER), [who(emp.contacts[1])], f"Receipt - invoice {inv}", receipt), rng),
            CAT + "business-numbers",
            note="employer's own ABN/ACN (public) and invoice numbers that fail the TFN check",
        )
    for k in range(c.n(3)):
        x = pick(c.reg, rng)
        style = ids.DATE_STYLES[(k * 2 + 1) % len(ids.DATE_STYLES)]
        letter = compose(
            "liability", x, rng, dob_style=style, ref_style=("space", "plain", "lower")[k % 3], worker_line=True
        )
        ext, data = render_letter(letter, ("pdf-window", "docx-plain", "rtf")[k % 3])
        c.add(ext, data, CAT + "own-claim-formats", note=f"letter to {x.cid}: own claim written oddly, own DOB {style}")


def _coworker(c: Corpus) -> None:
    """An employer hears about two workers hurt in the same incident: fine if it employs both."""
    rng = c.rng("coworker")
    emp_pool: dict[str, list[Client]] = {}
    for w in c.reg.ordinary:
        if w.employer.contacts[0].email in w.authorised:
            emp_pool.setdefault(w.employer.contacts[0].email, []).append(w)
    candidates = sorted(e for e, ws in emp_pool.items() if len(ws) >= 2)
    for k in range(c.n(3)):
        email = candidates[k % len(candidates)]
        ws = emp_pool[email]
        w, mate = ws[(2 * k) % len(ws)], ws[(2 * k + 1) % len(ws)]
        stranger = rng.choice([o for o in c.reg.ordinary if email not in o.authorised])
        rtw = w.employer.contacts[0]
        cm = cm_of(rng)
        seed = rng.random()

        def text(o: Client, w: Client = w, rtw: Person = rtw, cm: Person = cm) -> str:
            return (
                f"Hi {rtw.name.split(' ')[0]},\n\nFollowing the forklift incident, we have opened claim {w.claim} "
                f"for {w.short}. The second worker involved, {o.full} (date of birth "
                f"{ids.fmt_date(o.dob, 'dmy-mon')}), has not lodged a claim yet; please send us the incident "
                f"report for both.\n{staff_signature(cm)}"
            )

        g = render(Mail(who(cm), [who(rtw)], f"Incident - {w.short}", text(mate)), random.Random(seed))
        bd = render(Mail(who(cm), [who(rtw)], f"Incident - {w.short}", text(stranger)), random.Random(seed))
        twin = c.add(
            "eml", g, CAT + "name-and-dob", note=f"employer contact authorised for both {w.cid} and {mate.cid}"
        )
        inc = c.add(
            "eml",
            bd,
            CAT + "name-and-dob",
            rules=["mismatched_recipient"],
            note=f"name and date of birth of {stranger.cid} sent to the employer of {w.cid}, not authorised "
            f"for {stranger.cid}",
        )
        c.pair(inc, twin)


def build(c: Corpus) -> None:
    _twins(c)
    _typed_claims(c)
    _gov_ids(c)
    _coworker(c)
