"""Replies and forwards: quoted earlier mail of the same client (fine) and of someone else (not)."""

from __future__ import annotations

import random

from . import ids
from .common import cm_of, other_than, pick, rep_of
from .corpus import Corpus
from .letters import letter_date
from .mail import Mail, earlier, forward_block, quote_outlook, quote_reply, render, staff_signature, who
from .org import CLAIMS_TEAM_LIST, Person
from .people import Client

CAT = "threads/"


def client_wrote(x: Client, rng: random.Random, with_sig: bool = True) -> str:
    """A message from a worker, signed the way people sign (phone, sometimes address)."""
    opener = rng.choice(
        [
            f"Hi, just checking when my next payment will be made. I haven't received anything since "
            f"{ids.fmt_date(letter_date(rng).replace(month=2), 'short-mon')}.",
            f"Hello, I have a new certificate from my GP, attached. Can you confirm you got it? Claim {x.claim}.",
            "Hi there, the physio says they haven't been paid for the last three sessions. Can you look into it?",
            f"Good morning, I need to change my appointment on {ids.fmt_date(letter_date(rng), 'dmy')}, I have a "
            "specialist appointment the same day.",
        ]
    )
    sig = f"\n\nThanks,\n{x.short}"
    if with_sig:
        sig += f"\n{ids.fmt_phone(x.phone, rng.choice(['canon', 'plain', 'intl']))}"
        if rng.random() < 0.5:
            sig += f"\n{x.addr.one_line()}"
        if rng.random() < 0.5:
            sig += f"\nClaim {x.claim}  DOB {ids.fmt_date(x.dob, rng.choice(ids.DATE_STYLES[:6]))}"
    return opener + sig


def _reply_text(cm: Person, x: Client, quoted: str, rng: random.Random) -> str:
    answer = rng.choice(
        [
            "Thanks for your email. I can confirm the payment was processed today and should reach your account in "
            "1-2 business days.",
            "Thanks, I have received it and updated your file.",
            "I've spoken with the clinic and the invoices will be paid this week.",
            "No problem, I've asked MedAssess to rebook and they will contact you with a new time.",
        ]
    )
    return f"Hi {x.first},\n\n{answer}\n{staff_signature(cm)}\n{quoted}"


def _quote(
    text: str, sender: tuple[str, str], to: list[tuple[str, str]], subject: str, rng: random.Random, style: int
) -> str:
    dt = earlier(rng)
    if style % 3 == 0:
        return quote_reply(text, sender, dt)
    return quote_outlook(text, sender, to, subject, dt, "original" if style % 3 == 1 else "line")


def build(c: Corpus) -> None:
    rng = c.rng("threads")
    # replies quoting the same client
    for k in range(c.n(6)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        cm = cm_of(rng)
        subj = rng.choice(["Payment", "Certificate", f"Claim {x.claim}", "Physio invoices", "Appointment"])
        q = _quote(client_wrote(x, rng), (x.short, x.email), [who(cm)], subj, rng, k)
        c.add(
            "eml",
            render(
                Mail(
                    who(cm),
                    [(x.short, x.email)],
                    f"RE: {subj}",
                    _reply_text(cm, x, q, rng),
                    in_reply_to=f"<{rng.getrandbits(48):x}@{x.email.split('@')[1]}>",
                ),
                rng,
            ),
            CAT + "reply-same-client",
            note=f"reply to {x.cid} quoting their own earlier email (phone, address, DOB)",
        )
    # replies to representatives quoting them
    for k in range(c.n(3)):
        w, rep = rep_of(c.reg, rng, "law")
        cm = cm_of(rng)
        theirs = (
            f"Dear {cm.name.split(' ')[0]},\n\nWe act for {w.full} (DOB {ids.fmt_date(w.dob, 'dmy')}), claim "
            f"{w.claim}. Please provide copies of all medical reports on file.\n\nRegards\n{rep.name}"
        )
        q = _quote(theirs, who(rep), [who(cm)], f"{w.short} - request for documents", rng, k + 1)
        text = f"Dear {rep.name.split(' ')[0]},\n\nThe reports will be sent by Friday.\n{staff_signature(cm)}\n{q}"
        c.add(
            "eml",
            render(Mail(who(cm), [who(rep)], f"RE: {w.short} - request for documents", text), rng),
            CAT + "reply-representative",
            note=f"reply to the solicitor of {w.cid}, quoting their request",
        )
    # internal chains about several clients
    for _ in range(c.n(2)):
        leaver, cover = cm_of(rng), cm_of(rng)
        ws = [pick(c.reg, rng) for _ in range(3)]
        first = "\n".join(f"- {w.short}, {w.claim}, DOB {ids.fmt_date(w.dob, 'dmy')}: {w.addr.one_line()}" for w in ws)
        q = quote_outlook(
            f"Can you take these three over while I'm on leave?\n\n{first}\n\n{leaver.name}",
            who(leaver),
            [who(cover)],
            "Files to cover",
            earlier(rng),
        )
        text = f"Forwarding to the team so everyone knows who is covering.\n\n{cover.name}\n\n{q}"
        c.add(
            "eml",
            render(Mail(who(cover), [who(CLAIMS_TEAM_LIST)], "FW: Files to cover", text), rng),
            CAT + "internal-chain",
            note="internal forward listing three clients",
        )
    # forward of one worker's thread: to that worker (fine) or to another worker picked by autocomplete
    for k in range(c.n(3)):
        a = pick(c.reg, rng, lambda o: bool(o.emails))
        b = other_than(c.reg, rng, a)
        while not b.email:
            b = other_than(c.reg, rng, a)
        cm = cm_of(rng)
        physio = ("Northside Physiotherapy", "kieran@northsidephysio.example")
        original = (
            f"Hi {cm.name.split(' ')[0]},\n\nRe {a.full}, claim {a.claim}: the worker has attended 8 of 10 "
            "sessions and has good range of movement. I recommend 4 more sessions.\n\nKieran Doyle"
        )
        seed = rng.random()

        def fwd(
            to: Client,
            a: Client = a,
            cm: Person = cm,
            original: str = original,
            k: int = k,
            seed: float = seed,
            physio: tuple[str, str] = physio,
        ) -> bytes:
            r = random.Random(seed)
            block = (
                forward_block(original, physio, [who(cm)], "Progress report", earlier(r))
                if k % 2
                else quote_outlook(original, physio, [who(cm)], "Progress report", earlier(r))
            )
            text = (
                f"Hi {to.first},\n\nFYI - the physio's report below. The extra sessions are approved.\n\n"
                f"{cm.name}\n\n{block}"
            )
            return render(Mail(who(cm), [(to.short, to.email)], "FW: Progress report", text), r)

        twin = c.add(
            "eml", fwd(a), CAT + "forward-wrong-worker", note=f"physio report about {a.cid} forwarded to {a.cid}"
        )
        inc = c.add(
            "eml",
            fwd(b),
            CAT + "forward-wrong-worker",
            rules=["mismatched_recipient"],
            note=f"physio report about {a.cid} forwarded to {b.cid} (address autocomplete)",
        )
        c.pair(inc, twin)
    # a reply reusing an old thread: the quoted message is about someone else
    for k in range(c.n(2)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        y = other_than(c.reg, rng, x)
        cm = cm_of(rng)
        seed = rng.random()

        def reuse(quoted_client: Client, x: Client = x, cm: Person = cm, k: int = k, seed: float = seed) -> bytes:
            r = random.Random(seed)
            q = _quote(
                client_wrote(quoted_client, r),
                (quoted_client.short, quoted_client.email or "unknown@mail.example"),
                [who(cm)],
                "Payment",
                r,
                k,
            )
            return render(Mail(who(cm), [(x.short, x.email)], "RE: Payment", _reply_text(cm, x, q, r)), r)

        twin = c.add("eml", reuse(x), CAT + "reused-thread", note=f"reply to {x.cid} quoting {x.cid}'s own message")
        inc = c.add(
            "eml",
            reuse(y),
            CAT + "reused-thread",
            rules=["mismatched_recipient"],
            note=f"reply to {x.cid} written over an old thread quoting {y.cid}'s message",
        )
        c.pair(inc, twin)
    # the victim's own message, with her new details in the signature
    fv = [p for p in c.reg.fv if "phone" in p[0].suppressed]
    for k, (v, e) in enumerate(fv[: c.n(2)]):
        cm = cm_of(rng)
        seed = rng.random()
        hers = (
            f"Hi {cm.name.split(' ')[0]}, I've moved. Please only contact me on the details below and don't give "
            f"them to anyone.\n\n{v.short}\n{ids.fmt_phone(v.phone, 'canon')}\n{v.addr.one_line()}"
        )

        def send(
            to: tuple[str, str], opener: str, v: Client = v, cm: Person = cm, hers: str = hers, seed: float = seed
        ) -> bytes:
            r = random.Random(seed)
            q = quote_outlook(hers, (v.short, v.email), [who(cm)], f"New details - {v.claim}", earlier(r))
            return render(
                Mail(
                    who(cm),
                    [to],
                    f"RE: New details - {v.claim}",
                    f"{opener}\n\nThanks - noted on the file.\n{staff_signature(cm)}\n{q}",
                ),
                r,
            )

        twin = c.add(
            "eml",
            send((v.short, v.email), f"Hi {v.first},"),
            CAT + "quoted-suppressed",
            note=f"reply to {v.cid} quoting their own message with their suppressed details",
        )
        if k % 2 == 0:
            bad = send((e.short, e.email), f"Hi {e.first},")
            where = f"ex-partner {e.cid}"
        else:
            rtw = v.employer.contacts[0]
            bad = send(who(rtw), f"Hi {rtw.name.split(' ')[0]},")
            where = "the employer"
        inc = c.add(
            "eml",
            bad,
            CAT + "quoted-suppressed",
            rules=["suppressed_detail_exposed"],
            suppressed=True,
            note=f"{v.cid}'s message with suppressed phone and address quoted in a reply sent to {where}",
        )
        c.pair(inc, twin)
    # an internal chain forwarded to a solicitor: fine about their client, not with another client's note
    for _k in range(c.n(2)):
        w, rep = rep_of(c.reg, rng, "law")
        q_client = other_than(c.reg, rng, w)
        cm, lead = cm_of(rng), cm_of(rng)
        seed = rng.random()

        def chain(
            extra: str, w: Client = w, rep: Person = rep, cm: Person = cm, lead: Person = lead, seed: float = seed
        ) -> bytes:
            r = random.Random(seed)
            note = (
                f"{cm.name.split(' ')[0]}, OK to release the IME report for {w.short} ({w.claim}) to the "
                f"solicitor.{extra}\n\n{lead.name}"
            )
            q = quote_outlook(note, who(lead), [who(cm)], f"{w.short} - IME report", earlier(r))
            return render(
                Mail(
                    who(cm),
                    [who(rep)],
                    f"FW: {w.short} - IME report",
                    f"Dear {rep.name.split(' ')[0]},\n\nPlease see the IME report for your client, "
                    f"released below.\n{staff_signature(cm)}\n{q}",
                ),
                r,
            )

        twin = c.add(
            "eml",
            chain(""),
            CAT + "forwarded-internal-note",
            note=f"internal note about {w.cid} forwarded to their solicitor",
        )
        inc = c.add(
            "eml",
            chain(
                f" Don't release anything on {q_client.full} ({q_client.claim}) until the surveillance review is done."
            ),
            CAT + "forwarded-internal-note",
            rules=["mismatched_recipient", "mixed_client_documents"],
            note=f"internal note forwarded to the solicitor of {w.cid} also discusses {q_client.cid}",
        )
        c.pair(inc, twin)
