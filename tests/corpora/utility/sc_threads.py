"""Reply threads and forwards as staff write them (Outlook "From:/Sent:" blocks, "On ... wrote:" quotes):
the wrong thread quoted, a mistyped account number that is another client's, a victim's message forwarded
to her ex-partner or to staff without access, and internal discussion of several clients."""

from __future__ import annotations

from . import mail, org
from .compose import supply_of
from .corpus import MISMATCH, Corpus
from .kit import addr, emailable, first
from .people import Client, phone_as, ref_as
from .sc_mail import ANSWERS, QUESTIONS, SUP, _client_mail


def _reply(
    cx: Corpus, c: Client, ref: str, quoted_from: Client, quoted_ref: str, staff: org.Person, outlook: bool
) -> str:
    rng = cx.rng
    q = QUESTIONS[rng.randrange(len(QUESTIONS))]
    answer = (
        f"Hi {first(c)},\n\nThanks for your email. I have checked the account and " + rng.choice(ANSWERS) + "."
        f"\n\nKind regards\n\n{org.signature(staff)}"
    )
    earlier = _client_mail(quoted_from, quoted_ref, q)
    sender = f"{quoted_from.name('full')} <{quoted_from.emails[0]}>"
    if outlook:
        return answer + mail.outlook_quote(
            sender=sender,
            sent="Monday, 24 February 2025 9:14 AM",
            to=f"{org.NAME} <{org.HELP_EMAIL}>",
            subject="Account enquiry",
            body=earlier,
        )
    return answer + mail.gmail_quote(sender=sender, sent="Mon, 24 Feb 2025 at 9:14 am", body=earlier)


def threads(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(16)):
        c = emailable(cx, cx.reg.plain, "thread")
        ref = rng.choice(c.refs)
        staff = rng.choice(org.STAFF)
        outlook = i % 2 == 0
        legit = cx.allow(
            "threads/reply",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[addr(c)],
                subject="RE: Account enquiry",
                text=_reply(cx, c, ref, c, ref, staff, outlook),
            ),
            f"reply to {c.cid} quoting its own earlier message ({'Outlook' if outlook else 'On ... wrote'})",
        )
        if i % 2:
            continue
        b = cx.others(c)
        while not b.emails:
            b = cx.others(c)
        cx.pair(
            legit,
            cx.block(
                "threads/wrong-thread",
                ".eml",
                mail.email(
                    rng,
                    sender=staff.header,
                    to=[addr(c)],
                    subject="RE: Account enquiry",
                    text=_reply(cx, c, ref, b, b.refs[0], staff, outlook),
                ),
                MISMATCH,
                f"reply to {c.cid} quotes the earlier message of {b.cid} (wrong thread)",
            ),
        )
    for i in range(cx.n(8)):
        a, b = cx.take("near", cx.reg.near)
        if not a.emails:
            a, b = b, a
        if not a.emails:
            continue
        good_ref, bad_ref = (a.refs[0], b.refs[0])
        staff = rng.choice(org.STAFF)
        st = ["spaces", "plain", "dashes"][i % 3]
        text = (
            f"Hi {first(a)},\n\nI have set up the payment extension on account {ref_as(good_ref, st)} until "
            f"{rng.randint(1, 28)} August. No late fee will apply.\n\nRegards\n\n{org.signature(staff)}"
        )
        legit = cx.allow(
            "threads/typed-account-number",
            ".eml",
            mail.email(rng, sender=staff.header, to=[addr(a)], subject="Payment extension", text=text),
            f"email to {a.cid} with its own account number",
        )
        cx.pair(
            legit,
            cx.block(
                "threads/typed-account-number",
                ".eml",
                mail.email(
                    rng,
                    sender=staff.header,
                    to=[addr(a)],
                    subject="Payment extension",
                    text=text.replace(ref_as(good_ref, st), ref_as(bad_ref, st)),
                ),
                MISMATCH,
                f"email to {a.cid} with a mistyped account number that is the account of {b.cid}",
            ),
        )
    _forwards(cx)
    for i in range(cx.n(8)):
        cs = [cx.plain() for _ in range(rng.randint(2, 5))]
        lines = "\n".join(
            f"- {c.name('full')}, acct {ref_as(c.refs[0], 'plain')}, {supply_of(c, c.refs[0]).one_line(abbrev=True)}"
            f": {rng.choice(['estimated read x3', 'payment plan missed', 'concession expired', 'meter fault'])}"
            for c in cs
        )
        staff, other = org.STAFF[i % 4], org.STAFF[4 + i % 4]
        text = (
            f"Hi {other.name.split()[0]},\n\nCan you look at these before Friday's review?\n\n{lines}\n\nThanks\n"
            f"{staff.name}"
        )
        quoted = mail.outlook_quote(
            sender=other.header,
            sent="Friday, 28 February 2025 4:02 PM",
            to=staff.header,
            subject="Accounts for review",
            body="Send me the list when you have it.",
        )
        cx.allow(
            "threads/internal-discussion",
            ".eml",
            mail.email(
                rng, sender=staff.header, to=[other.header], subject="RE: Accounts for review", text=text + quoted
            ),
            "internal email discussing several clients: " + ", ".join(c.cid for c in cs),
        )


def _forwards(cx: Corpus) -> None:
    """The victim writes to the Safe Accounts team; a forward to her ex-partner or to ordinary staff leaks."""
    rng = cx.rng
    pool = [(v, e) for v, e in cx.reg.fv if "phone" in v.suppressed and v.emails]
    for i in range(cx.n(8)):
        v, ex = cx.take("fv-forward", pool)
        if ex is None or not ex.emails:
            if i < 4:
                continue
        fv = org.FV_STAFF[i % 2]
        own = [r for r in v.refs if r not in v.shared_refs][-1]
        original = (
            f"Hi {fv.name.split()[0]},\n\nI've moved and need the account {ref_as(own, 'spaces')} to stay "
            f"private. Please only call me on {phone_as(v.phones[0], 'spaces')}.\n\n{first(v)}"
        )
        quoted = mail.outlook_quote(
            sender=f"{v.name('full')} <{v.emails[0]}>",
            sent="Sunday, 2 March 2025 7:41 PM",
            to=org.FV_TEAM.header,
            subject="private please",
            body=original,
        )
        fwd = "Forwarding for your records.\n\n" + fv.name + quoted
        legit = cx.allow(
            "threads/forward",
            ".eml",
            mail.email(rng, sender=fv.header, to=[org.FV_TEAM.header], subject="FW: private please", text=fwd),
            f"victim {v.cid}'s message forwarded within the Safe Accounts team (allowed staff)",
        )
        if i < 4 and ex is not None:
            bad_to, note = (
                [addr(ex)],
                f"victim {v.cid}'s message with suppressed phone and email forwarded to ex-partner {ex.cid}",
            )
        else:
            staff = org.STAFF[i % 4]
            bad_to, note = (
                [staff.header],
                (
                    f"victim {v.cid}'s message with suppressed details forwarded to internal "
                    "staff not on the suppressed-detail list (policy default: quarantine)"
                ),
            )
        cx.pair(
            legit,
            cx.block(
                "threads/forward",
                ".eml",
                mail.email(rng, sender=fv.header, to=bad_to, subject="FW: private please", text=fwd),
                SUP,
                note,
                True,
            ),
        )


def run_all(cx: Corpus) -> None:
    threads(cx)
