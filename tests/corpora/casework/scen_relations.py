"""Representatives, co-claimants and employers: who may receive whose information (area relationships)."""

from __future__ import annotations

import random
from dataclasses import replace

from . import ids, render_pdf
from .common import attach_letter, cm_of, other_than, render_letter
from .corpus import Corpus
from .letters import Letter, certificate_page, compose, letter_date, signoff
from .mail import Att, Mail, render, staff_signature, who
from .org import Party, Person
from .people import Client

REP_KINDS = ("law", "advocate", "interpreter", "family", "employer", "gp")


def _rep_body(kind: str, w: Client, rep: Person, firm: Party | None, rng: random.Random) -> tuple[str, str]:
    first = rep.name.split(" ")[0]
    appt = ids.fmt_date(letter_date(rng), "weekday")
    if kind == "law":
        return (
            f"Your client {w.short} - claim {w.claim}",
            f"Dear {first},\n\nThank you for your letter about your client {w.full} (date of birth "
            f"{ids.fmt_date(w.dob, rng.choice(ids.DATE_STYLES))}).\n\nAs requested, I attach copies of the "
            f"certificates of capacity and the liability decision on claim {w.claim}. We will respond to the "
            "remaining points in your letter within 10 business days.\n",
        )
    if kind == "advocate":
        return (
            f"RE: {w.short} {w.claim} - conciliation",
            f"Hi {first},\n\nFollowing our call, we are happy to list {w.first}'s dispute about the step-down of "
            f"weekly payments for conciliation. Claim {w.claim}, injury date "
            f"{ids.fmt_date(w.injury_date, 'dmy')}.\n\nCould you confirm {w.first}'s availability on {appt}?\n",
        )
    if kind == "interpreter":
        return (
            f"Interpreter booking - {w.short}",
            f"Hello {first},\n\nPlease book an interpreter for {w.formal} for an independent medical examination "
            f"on {appt} at 10.30 am at MedAssess, North Sydney (claim {w.claim}).\n\nThe worker's mobile is "
            f"{ids.fmt_phone(w.phone, 'canon')} if you need to confirm the meeting point.\n",
        )
    if kind == "family":
        return (
            f"Update on {w.first}'s claim",
            f"Hi {first},\n\nAs {w.first} has authorised us to speak with you, here is the update you asked for. "
            f"The next weekly payment on claim {w.claim} will be made on {appt}. The physiotherapy invoices have "
            "been paid directly to the clinic.\n",
        )
    if kind == "employer":
        return (
            f"{w.short} - claim {w.claim} - RTW update",
            f"Hi {first},\n\nQuick update on {w.short}'s claim ({w.claim}). The current certificate allows "
            f"suitable duties, 4 hours a day, 3 days a week until {appt}. Could you confirm the duties you can "
            "offer so we can update the return to work plan?\n",
        )
    return (
        f"Request for report - {w.short}, DOB {ids.fmt_date(w.dob, 'dmy')}",
        f"Dear {rep.name},\n\nWe would be grateful for a brief report on the treatment of your patient {w.full}, "
        f"born {ids.fmt_date(w.dob, 'long')}, claim {w.claim}. Our usual fee for a report applies.\n",
    )


def _find_rep(c: Corpus, rng: random.Random, kind: str) -> tuple[Client, Person, Party | None]:
    pool = [(w, p, f) for w in c.reg.ordinary for p, f, k in w.reps if k == kind]
    return rng.choice(pool)


def _rep_mail(
    w: Client,
    rep: Person,
    firm: Party | None,
    kind: str,
    rng: random.Random,
    extra: str = "",
    atts: list[Att] | None = None,
    cc_client: bool = False,
) -> bytes:
    cm = cm_of(rng)
    subject, body = _rep_body(kind, w, rep, firm, rng)
    text = body + (("\n" + extra + "\n") if extra else "") + staff_signature(cm)
    cc = [(w.short, w.email)] if cc_client and w.email else []
    return render(Mail(frm=who(cm), to=[who(rep)], cc=cc, subject=subject, text=text, atts=atts or []), rng)


def _reps(c: Corpus) -> None:
    rng = c.rng("reps")
    for i, kind in enumerate(REP_KINDS * c.n(2)):
        w, rep, firm = _find_rep(c, rng, kind)
        atts = (
            [attach_letter(compose("liability", w, rng), "pdf-window", f"Liability decision {w.claim}")]
            if kind == "law"
            else []
        )
        data = _rep_mail(w, rep, firm, kind, rng, atts=atts, cc_client=kind in ("law", "advocate") and i % 3 == 0)
        c.add("eml", data, f"relationships/rep-{kind}", note=f"email about {w.cid} to their authorised {kind} contact")
    for i, kind in enumerate(("law", "advocate", "interpreter", "family", "employer", "law")[: max(2, c.n(6))]):
        w, rep, firm = _find_rep(c, rng, kind)
        y = other_than(c.reg, rng, w)
        seed = rng.random()
        good = _rep_mail(w, rep, firm, kind, random.Random(seed))
        if i % 2 == 0:
            extra = (
                f"I have also included the payment history for {y.full} ({y.claim}) that you asked about on the phone."
            )
            bad = _rep_mail(w, rep, firm, kind, random.Random(seed), extra=extra)
            note = f"email to the {kind} contact of {w.cid} also names {y.cid} and their claim; not authorised for them"
        else:
            cert = Att(
                f"Certificate of capacity {y.family}.pdf",
                render_pdf.pdf_pages("Certificate of capacity", [certificate_page(y, rng)]),
            )
            bad = _rep_mail(w, rep, firm, kind, random.Random(seed), atts=[cert])
            good = _rep_mail(
                w,
                rep,
                firm,
                kind,
                random.Random(seed),
                atts=[
                    Att(
                        f"Certificate of capacity {w.family}.pdf",
                        render_pdf.pdf_pages("Certificate of capacity", [certificate_page(w, random.Random(seed))]),
                    )
                ],
            )
            note = f"certificate of capacity of {y.cid} attached to an email to the {kind} contact of {w.cid}"
        twin = c.add("eml", good, "relationships/rep-third-client", note=f"email to the {kind} contact of {w.cid}")
        inc = c.add(
            "eml",
            bad,
            "relationships/rep-third-client",
            rules=["mismatched_recipient", "mixed_client_documents"],
            note=note,
        )
        c.pair(inc, twin)
    # a firm acting for two workers may hear about both
    lawyers: dict[str, list[Client]] = {}
    for w in c.reg.ordinary:
        for p, _f, k in w.reps:
            if k == "law":
                lawyers.setdefault(p.email, []).append(w)
    multi = sorted((e, ws) for e, ws in lawyers.items() if len(ws) >= 2)
    for e, ws in multi[: c.n(2)]:
        a, b = ws[:2]
        rep = next(p for p, _f, k in a.reps if p.email == e)
        cm = cm_of(rng)
        text = (
            f"Dear {rep.name.split(' ')[0]},\n\nTwo matters for your clients:\n\n1. {a.full}, claim {a.claim}: the "
            f"IME report is now available and attached.\n2. {b.full}, claim {b.claim}: we have approved the surgery "
            f"requested by the treating surgeon.\n{staff_signature(cm)}"
        )
        data = render(Mail(frm=who(cm), to=[who(rep)], subject="Your clients - updates", text=text), rng)
        c.add("eml", data, "relationships/firm-two-clients", note=f"solicitor authorised for both {a.cid} and {b.cid}")


def _rep_letter(r: Client, w: Client, rel: str, rng: random.Random, extra: list[str] | None = None) -> Letter:
    cm = cm_of(rng)
    when = letter_date(rng)
    paras = [
        f"As the authorised representative of your {rel} {w.full} on claim {w.claim}, we are writing to let you "
        f"know that weekly payments will continue to be paid into {w.first}'s nominated account.",
        f"We have also approved the physiotherapy and psychology sessions requested by {w.first}'s treating doctor "
        f"through to {ids.fmt_date(when.replace(day=28), 'long')}.",
        *(extra or []),
        f"Please call {cm.name} on {cm.phone} if you have any questions.",
    ]
    return Letter(
        [r.name_line("formal")],
        r.addr.block("plain"),
        ids.fmt_date(when, "long"),
        f"Claim {w.claim} - {w.short}",
        paras,
        salutation=r.salutation(rng),
        refs=[("Claim number", w.claim), ("Date", ids.fmt_date(when, "long")), ("Case manager", cm.name)],
        signoff=signoff(cm, rng),
        confidential=True,
    )


def _rep_by_id(c: Corpus) -> None:
    rng = c.rng("rep-by-id")
    formats = ("pdf-window", "docx-table", "pdf-classic", "rtf", "txt-columns")
    pairs = c.reg.rep_by_id
    for i, (w, r, rel) in enumerate(pairs[: c.n(5)]):
        ext, data = render_letter(_rep_letter(r, w, rel, rng), formats[i % len(formats)])
        c.add(
            ext,
            data,
            "relationships/rep-by-client-id",
            note=f"letter to {r.cid}, authorised (by client id) for {w.cid}",
        )
    for i, (w, r, rel) in enumerate(pairs[5 : 5 + c.n(3)]):
        y = other_than(c.reg, rng, w, r)
        seed = rng.random()
        good = _rep_letter(r, w, rel, random.Random(seed))
        bad = _rep_letter(
            r,
            w,
            rel,
            random.Random(seed),
            extra=[
                f"The enclosed statement also shows the payment of {ids.money(rng, 200, 900)} to {y.full} on claim "
                f"{y.claim}."
            ],
        )
        fmt = formats[(i + 2) % len(formats)]
        ext, g = render_letter(good, fmt)
        twin = c.add(ext, g, "relationships/rep-by-client-id", note=f"letter to {r.cid} about {w.cid} (authorised)")
        ext, b = render_letter(bad, fmt)
        inc = c.add(
            ext,
            b,
            "relationships/rep-by-client-id",
            rules=["mismatched_recipient", "mixed_client_documents"],
            note=f"letter to {r.cid} (authorised for {w.cid}) also carries the claim of {y.cid}",
        )
        c.pair(inc, twin)


def two_names(a: Client, b: Client, style: int) -> list[str]:
    if a.family == b.family:
        return [
            [f"{a.first} and {b.first} {a.family}"],
            [f"{a.title} {a.first} {a.family}", f"{b.title} {b.first} {b.family}"],
            [f"{a.title} & {b.title} {a.family}"],
        ][style % 3]
    return [
        [f"{a.title} {a.first[0]} {a.family} & {b.title} {b.first[0]} {b.family}"],
        [f"{a.short} and {b.short}"],
        [f"{a.title} {a.short}", f"{b.title} {b.short}"],
    ][style % 3]


def _joint_letter(a: Client, b: Client, rng: random.Random, style: int, extra: list[str] | None = None) -> Letter:
    letter = compose("conciliation" if style % 2 else "weekly", a, rng, claim=a.shared_ref, worker_line=False)
    paras = letter.paras[:-1] + (extra or []) + letter.paras[-1:]
    paras[0] = "As co-claimants on this claim, you both receive this letter. " + paras[0]
    return replace(letter, name_lines=two_names(a, b, style), paras=paras, salutation=f"Dear {a.first} and {b.first}")


def _joint(c: Corpus) -> None:
    rng = c.rng("joint")
    households = [(a, b) for a, b in c.reg.joint if a.addr == b.addr]
    formats = ("pdf-window", "docx-table", "pdf-right", "rtf", "pdf-classic", "txt-columns")
    for i, (a, b) in enumerate(households[: c.n(4)]):
        ext, data = render_letter(_joint_letter(a, b, rng, i), formats[i % len(formats)])
        c.add(
            ext,
            data,
            "relationships/two-person-block",
            note=f"letter to co-claimants {a.cid} and {b.cid} about their shared claim",
        )
    for i, (a, b) in enumerate(households[4 : 4 + c.n(4)]):
        seed = rng.random()
        good = _joint_letter(a, b, random.Random(seed), i)
        ext, g = render_letter(good, formats[(i + 1) % len(formats)])
        twin = c.add(
            ext, g, "relationships/co-claimant-own-ref", note=f"co-claimants {a.cid}, {b.cid}: shared claim only"
        )
        if b.own_refs and i % 2 == 0:
            # one co-claimant's own claim printed in a letter to the other only
            bad = compose("weekly", b, random.Random(seed), claim=b.shared_ref, worker_line=False)
            bad = replace(
                bad,
                paras=bad.paras[:1]
                + [f"Your co-claimant's separate claim {a.claim} is managed by another case manager."]
                + bad.paras[1:],
            )
            good2 = compose("weekly", b, random.Random(seed), claim=b.shared_ref, worker_line=False)
            ext, g2 = render_letter(good2, formats[(i + 1) % len(formats)])
            twin = c.add(ext, g2, "relationships/co-claimant-own-ref", note=f"letter to {b.cid} on the shared claim")
            note = f"letter to {b.cid} shows the separate claim of co-claimant {a.cid}"
        else:
            bad = _joint_letter(
                a,
                b,
                random.Random(seed),
                i,
                extra=[
                    f"Separately, {a.first}'s own claim {a.claim} has been accepted; {a.first} will receive a "
                    "letter about it."
                ],
            )
            note = f"joint letter to {a.cid} and {b.cid} also shows {a.cid}'s own separate claim"
        ext, bd = render_letter(bad, formats[(i + 1) % len(formats)])
        inc = c.add(
            ext,
            bd,
            "relationships/co-claimant-own-ref",
            rules=["mismatched_recipient", "mixed_client_documents"],
            note=note,
        )
        c.pair(inc, twin)
    for a, b in c.reg.joint[: c.n(3)]:
        cm = cm_of(rng)
        text = (
            f"Dear {a.first} and {b.first},\n\nThe conciliation conference on your shared claim {a.shared_ref} "
            f"has been confirmed for {ids.fmt_date(letter_date(rng), 'weekday')} at 10.00 am by phone.\n"
            f"{staff_signature(cm)}"
        )
        to = [(a.short, a.email)] if a.email else []
        cc = [(b.short, b.email)] if b.email else []
        if not to or not cc:
            continue
        data = render(Mail(frm=who(cm), to=to, cc=cc, subject=f"Conciliation - claim {a.shared_ref}", text=text), rng)
        c.add(
            "eml", data, "relationships/co-claimants-email", note=f"co-claimants {a.cid}, {b.cid} on their shared claim"
        )


def _wrong_rep(c: Corpus) -> None:
    """An employer or a solicitor told about a worker they do not act for."""
    rng = c.rng("wrong-rep")
    for i in range(c.n(4)):
        kind = ("employer", "law")[i % 2]
        w, rep, firm = _find_rep(c, rng, kind)
        q = rng.choice([o for o in c.reg.ordinary if rep.email not in o.authorised and o.employer is not w.employer])
        seed = rng.random()
        good = _rep_mail(w, rep, firm, kind, random.Random(seed))
        bad = _rep_mail(q, rep, firm, kind, random.Random(seed))
        twin = c.add("eml", good, "relationships/not-their-client", note=f"{kind} contact of {w.cid} about {w.cid}")
        inc = c.add(
            "eml",
            bad,
            "relationships/not-their-client",
            rules=["mismatched_recipient"],
            note=f"email about {q.cid} sent to the {kind} contact of {w.cid}, who does not act for {q.cid}",
        )
        c.pair(inc, twin)


def build(c: Corpus) -> None:
    _reps(c)
    _rep_by_id(c)
    _joint(c)
    _wrong_rep(c)
