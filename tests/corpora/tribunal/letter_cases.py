"""Letter incidents and their twins: wrong envelope, namesakes, representatives, identifiers, suppressed details."""

from __future__ import annotations

import random
from dataclasses import replace

from . import content as t
from .corpus import Corpus
from .docs import Letter, render
from .world import World

FORMATS = ["pdf", "docx", "rtf", "txt", "html"]


def count(scale: float, n: int) -> int:
    return max(1, round(n * scale))


def medicare(rng: random.Random) -> str:
    """A Medicare card number with a valid check digit, written 4-5-1."""
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(a * b for a, b in zip(d, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    s = "".join(map(str, d)) + str(check) + str(rng.randint(1, 5))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def tfn(rng: random.Random) -> str:
    """A tax file number that passes the weighted checksum, written 3-3-3."""
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        if d[0] and sum(a * b for a, b in zip(d, [1, 4, 3, 7, 5, 8, 6, 9, 10], strict=True)) % 11 == 0:
            s = "".join(map(str, d))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def wrong_envelope(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    """A matter's letter in the envelope of a party of another matter."""
    kinds = [t.notice_of_hearing, t.order, t.adjournment]
    for i in range(count(scale, 12)):
        m, other = w.tenancy[i], w.tenancy[-1 - i]
        to, stranger = m.parties["Landlord" if i % 3 == 0 else "Tenant"], other.parties["Tenant"]
        make, fmt, style = kinds[i % 3], FORMATS[i % 5], i % 4
        ok = make(m, to, style)
        bad = replace(ok, to=stranger.block(style), salutation=f"Dear {stranger.formal}")
        ids = "/".join(p.cid for p in m.parties.values())
        c.pair(
            f"address-block/{'window-envelope' if fmt == 'pdf' else fmt + '-letter'}",
            fmt,
            render(ok, fmt),
            render(bad, fmt),
            ["mismatched_recipient", "mixed_client_documents"],
            f"{make.__name__} of {ids} addressed to {to.cid}",
            f"{make.__name__} of {ids} addressed to {stranger.cid}",
        )


def namesakes(c: Corpus, w: World, scale: float) -> None:
    """Two tenants with one name: the right one's details, or the other's, in a letter to one of them."""
    for i, (a, b) in enumerate(w.namesakes[: count(scale, 5)]):
        ta, tb = a.parties["Tenant"], b.parties["Tenant"]
        for area, fmt in (("identifiers-dates/namesake-dob", "pdf"), ("recipient-own-details/namesake", "docx")):

            def letter(src=ta, m=a) -> Letter:  # type: ignore[no-untyped-def]
                return Letter(
                    ta.block(i),
                    "Confirmation of your details",
                    [
                        f"We have recorded the following details for you as a party to matter {m.number}:",
                        t.Table(
                            ["Item", "Recorded"],
                            [
                                ["Name", src.name],
                                ["Date of birth", src.dob.strftime("%d/%m/%Y")],
                                ["Phone", src.phones[0]],
                                ["Email", src.emails[0]],
                                ["Postal address", src.address.one_line()],
                            ],
                        ),
                        "Tell the registry within 7 days if anything is wrong.",
                    ],
                    refs=[("Matter", m.number)],
                    salutation=f"Dear {ta.formal}",
                    head=i,
                )

            if area.startswith("identifiers"):
                ok_l, bad_l = (
                    t.notice_of_hearing(
                        a, ta, i, extra=[f"Our records show your date of birth as {ta.dob.strftime('%-d %B %Y')}."]
                    ),
                    t.notice_of_hearing(
                        b, ta, i, extra=[f"Our records show your date of birth as {tb.dob.strftime('%-d %B %Y')}."]
                    ),
                )
            else:
                ok_l, bad_l = letter(), letter(tb, b)
            c.pair(
                area,
                fmt,
                render(ok_l, fmt),
                render(bad_l, fmt),
                ["mismatched_recipient", "mixed_client_documents"],
                f"{ta.cid} gets own matter and date of birth",
                f"{ta.cid} (same name as {tb.cid}) gets details of {tb.cid}",
            )


def representatives(c: Corpus, w: World, scale: float) -> None:
    """Agents and lawyers may receive their own principal's matter, not another principal's."""
    with_agent = [m for m in w.tenancy if "Landlord" in m.reps]
    with_lawyer = [m for m in w.tenancy if "Tenant" in m.reps]
    for i in range(count(scale, 4)):
        m = with_agent[i]
        agent = m.reps["Landlord"]
        other = next(x.reps["Landlord"] for x in with_agent[i + 1 :] if x.reps["Landlord"].org != agent.org)
        ok = t.order(m, agent, i)
        bad = replace(ok, to=other.block(i), salutation=f"Dear {other.formal}")
        fmt = ["pdf", "docx"][i % 2]
        c.pair(
            "relationships/landlords-agent",
            fmt,
            render(ok, fmt),
            render(bad, fmt),
            ["mismatched_recipient"],
            f"order of {m.parties['Landlord'].cid} to their agent {agent.cid}",
            f"order of {m.parties['Landlord'].cid} to {other.cid}, agent of another landlord",
        )
    for i in range(count(scale, 3)):
        m, other = with_lawyer[i], with_lawyer[i + 3]
        ok = t.notice_of_hearing(m, m.reps["Tenant"], i)
        stranger = other.parties["Landlord"]
        bad = replace(ok, to=stranger.block(i), salutation=f"Dear {stranger.formal}")
        c.pair(
            "relationships/tenants-lawyer",
            "pdf",
            render(ok, "pdf"),
            render(bad, "pdf"),
            ["mismatched_recipient"],
            f"notice of {m.number} to tenant's lawyer {m.reps['Tenant'].cid}",
            f"notice for lawyer's client sent to {stranger.cid}",
        )
    for i in range(count(scale, 4)):
        g, tm = w.guardianship[i], w.tenancy[20 + i]
        rp, tenant = g.parties["Represented person"], tm.parties["Tenant"]
        ok = t.guardianship_order(g, g.reps["Guardian"], i, extra=t.medical_lines(g))
        bad = replace(ok, to=tenant.block(i), salutation=f"Dear {tenant.formal}")
        fmt = ["pdf", "docx", "rtf", "pdf"][i]
        c.pair(
            "relationships/guardianship-to-tenancy-party",
            fmt,
            render(ok, fmt),
            render(bad, fmt),
            ["mismatched_recipient"],
            f"medical evidence of {rp.cid} to guardian",
            f"medical evidence of {rp.cid} to tenancy party {tenant.cid}",
        )


def identifiers(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    """Government identifiers copied from an administration application into an order."""
    for i in range(count(scale, 4)):
        g = w.guardianship[6 + i]
        rp, officer = g.parties["Represented person"], g.reps["Guardian"]
        base = ["Centrelink and Medicare: the administrator may deal with these agencies for the represented person."]
        ok = t.guardianship_order(g, officer, i, extra=base)
        bad_line = f"Medicare card {medicare(rng)}; tax file number {tfn(rng)}."
        bad = t.guardianship_order(g, officer, i, extra=base + [bad_line])
        fmt = ["pdf", "docx", "txt", "pdf"][i]
        c.pair(
            "identifiers-dates/government-identifier",
            fmt,
            render(ok, fmt),
            render(bad, fmt),
            ["sensitive_identifier"],
            f"administration order of {rp.cid} to guardian",
            f"administration order of {rp.cid} with Medicare and TFN",
        )


LEAKS = {
    "address": (
        "The applicant has moved to {v} and asks that correspondence go there.",
        "The applicant has moved and asks that correspondence go c/- the Tribunal, PO Box 4410, Albury NSW 2640.",
    ),
    "phone": (
        "If the hearing runs late the applicant can be reached on {v}.",
        "If the hearing runs late the applicant can be reached through the registry on 1300 018 226.",
    ),
    "email": (
        "Documents for the applicant may also be emailed to {v}.",
        "Documents for the applicant may also be emailed to registry@mcat.example.",
    ),
}


def suppressed_letters(c: Corpus, w: World, scale: float) -> None:
    """A protected applicant's new details in notices to the respondent or the landlord."""
    for i in range(count(scale, 10)):
        m = w.fv[i % len(w.fv)]
        p = m.protected
        assert p is not None
        kinds = [
            k for k in ("address", "phone", "email") if (k if k != "address" else "postal_address") in p.suppressed
        ]
        leak = kinds[i % len(kinds)]
        to = m.parties["Respondent (co-tenant)" if i % 3 else "Landlord"]
        fmt = FORMATS[i % 5]
        if i % 2:
            ok, bad = t.notice_of_hearing(m, to, i), t.notice_of_hearing(m, to, i, leak=leak)
            area = "relationships/protected-party-table" if i % 4 == 1 else "suppressed-loose/parties-table"
        else:
            template, safe = LEAKS[leak]
            value = {"address": p.address.one_line(), "phone": p.phones[0], "email": p.emails[0]}[leak]
            if leak == "phone" and i % 4 == 0:
                value = "+61 " + value[1:] if value.startswith("04") else value.replace(" ", "")
            ok = t.adjournment(m, to, i, extra=[safe])
            bad = t.adjournment(m, to, i, extra=[template.format(v=value)])
            area = "suppressed-loose/in-sentence"
        c.pair(
            area,
            fmt,
            render(ok, fmt),
            render(bad, fmt),
            ["suppressed_detail_exposed", "mismatched_recipient"],
            f"notice to {to.cid} names {p.cid} with Tribunal address for service",
            f"notice to {to.cid} shows suppressed {leak} of {p.cid}",
            suppressed=True,
        )


def own_suppressed(c: Corpus, w: World, scale: float) -> None:
    """The protected party may see her own details; the same letter to her joint co-tenant may not."""
    for i in range(count(scale, 6)):
        m = w.fv[(i + 5) % len(w.fv)]
        p, r = m.protected, m.parties["Respondent (co-tenant)"]
        assert p is not None
        body = [
            f"We have updated your contact details for matter {m.number}. They are suppressed: the other parties "
            "will not see them.",
            t.Table(
                ["Detail", "Recorded"],
                [["Postal address", p.address.one_line()], ["Phone", p.phones[0]], ["Email", p.emails[0]]],
            ),
        ]
        ok = Letter(
            p.block(i), "Your contact details", body, refs=[("Matter", m.number)], salutation=f"Dear {p.formal}", head=i
        )
        bad = replace(ok, to=r.block(i), salutation=f"Dear {r.formal}")
        fmt = ["pdf", "docx", "pdf", "rtf", "txt", "pdf"][i % 6]
        c.pair(
            "recipient-own-details/suppressed-own",
            fmt,
            render(ok, fmt),
            render(bad, fmt),
            ["suppressed_detail_exposed", "mismatched_recipient"],
            f"{p.cid} gets own suppressed details",
            f"{p.cid}'s suppressed details to joint co-tenant {r.cid}",
            suppressed=True,
        )


def build(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    wrong_envelope(c, w, rng, scale)
    namesakes(c, w, scale)
    representatives(c, w, scale)
    identifiers(c, w, rng, scale)
    suppressed_letters(c, w, scale)
    own_suppressed(c, w, scale)
