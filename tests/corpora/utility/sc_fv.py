"""Family-violence victims' suppressed details (issue 9 point 5) written loosely in letters to the ex-partner
or delivered to her address, and the look-alikes that must pass (the neighbour two doors down, the victim's
own mail, the occupier notice, the ex-partner's own letters)."""

from __future__ import annotations

from dataclasses import replace

from .compose import address_lines, block_for
from .corpus import Corpus
from .kit import letter, render_letter, spec_for, style
from .letters import Block
from .people import PHONE_STYLES, Client, fold, phone_as
from .places import STATE_NAMES, Address, typo

SUP = ["suppressed_detail_exposed"]


def _pairs(
    cx: Corpus, need_email: bool = False, street: bool = False, detail: str = "postal_address", with_ex: bool = True
) -> tuple[Client, Client | None]:
    pool = [
        (v, e)
        for v, e in cx.reg.fv
        if detail in v.suppressed
        and (e is not None or not with_ex)
        and (not need_email or (e is not None and e.emails))
        and (not street or v.address.kind == "street")
    ]
    if not pool:  # a small registry may lack the combination; fall back to any victim with that detail
        pool = [(v, e) for v, e in cx.reg.fv if detail in v.suppressed and (e is not None or not with_ex)]
    return cx.take(f"fv-{need_email}-{street}-{detail}-{with_ex}", pool)


def joint_ref(v: Client, ex: Client) -> str:
    shared = [r for r in ex.refs if r in v.refs]
    return shared[0] if shared else ex.refs[0]


# -- the ways a suppressed address gets written ---------------------------------------------------------
def address_forms(a: Address, form: str, cx: Corpus) -> tuple[list[Block], str]:
    """Blocks that show the address, and a short description for the note."""
    if form == "abbrev":
        return [
            ("p", f"Correspondence for the other account holder now goes to {a.one_line(abbrev=True)}.")
        ], "abbreviated"
    if form == "full":
        return [("p", f"The other account holder's new address is {a.one_line(abbrev=False)}.")], "street type in full"
    if form == "caps":
        return [("p", "NEW POSTAL ADDRESS FOR JOINT HOLDER: " + fold(a.one_line(abbrev=True)).upper())], "all caps"
    if form == "split":
        return [
            ("p", "Please note the new postal address of the other account holder:"),
            ("small", "\n".join(a.block_lines(abbrev=True))),
        ], "split across lines"
    if form == "table":
        street = a.street_line(abbrev=True)
        return [
            ("table", ["Street", "Suburb", "State", "Postcode"], [[street, a.suburb, a.state, a.postcode]])
        ], "table cells"
    if form == "form":
        street = a.street_line(abbrev=False)
        return [
            (
                "form",
                [
                    ("Street:", street),
                    ("Suburb:", a.suburb),
                    ("State:", STATE_NAMES[a.state]),
                    ("Postcode:", a.postcode),
                ],
            )
        ], "labelled form fields"
    if form == "typo-street":
        b = replace(a, street=typo(a.street, cx.rng))
        return [
            ("p", f"Mail for the second account holder is now sent to {b.one_line(abbrev=True)}.")
        ], f"street name typo {b.street!r}"
    if form == "typo-suburb":
        b = replace(a, suburb=typo(a.suburb, cx.rng))
        return [
            ("p", f"The second holder moved to {b.street_line(abbrev=False)}, {b.suburb} {b.state} {b.postcode}.")
        ], f"suburb typo {b.suburb!r}"
    raise ValueError(form)


ADDRESS_FORMS = ["abbrev", "full", "caps", "split", "table", "form", "typo-street", "typo-suburb"]


def suppressed_letters(cx: Corpus) -> None:
    """A letter to the ex-partner about the joint account, correct vs showing her address or phone."""
    rng = cx.rng
    for i in range(cx.n(24)):
        form = ADDRESS_FORMS[i % len(ADDRESS_FORMS)]
        v, ex = _pairs(cx, street=form.startswith("typo-street"))
        assert ex is not None
        fmt = {
            "table": ["docx-table", "html", "pdf-plain"][i % 3],
            "form": ["pdf-window", "docx", "html"][i % 3],
            "split": ["pdf-window", "txt", "rtf"][i % 3],
        }.get(form)
        st = style(cx, **({"fmt": fmt} if fmt else {}))
        ref = joint_ref(v, ex)
        spec = spec_for(cx, ex, st, ref=ref)
        tpl = ["joint_notice", "bill", "reminder", "final_bill"][i % 4]
        ext, data = render_letter(letter(tpl, spec, rng), st)
        legit = cx.allow(
            "suppressed-loose/letter-to-ex-partner",
            ext,
            data,
            f"{tpl} letter to {ex.cid} about the former joint account with {v.cid}; nothing of hers",
        )
        blocks, how = address_forms(v.address, form, cx)
        bad = replace(spec, extra=blocks)
        ext, data = render_letter(letter(tpl, bad, rng), st)
        cx.pair(
            legit,
            cx.block(
                f"suppressed-loose/address-{form}",
                ext,
                data,
                SUP,
                f"letter to ex-partner {ex.cid} shows the suppressed address of {v.cid} ({how})",
                True,
            ),
        )
    for i in range(cx.n(14)):
        v, ex = _pairs(cx, detail="phone")
        assert ex is not None
        phone = v.phones[i % len(v.phones)]
        pstyle = PHONE_STYLES[i % len(PHONE_STYLES)]
        if pstyle == "local" and not phone.startswith("("):
            pstyle = "intl-brackets"
        written = phone_as(phone, pstyle)
        st = style(cx)
        spec = spec_for(cx, ex, st, ref=joint_ref(v, ex))
        ext, data = render_letter(letter("joint_notice", spec, rng), st)
        legit = cx.allow(
            "suppressed-loose/letter-to-ex-partner",
            ext,
            data,
            f"joint notice to {ex.cid}; the other holder {v.cid} is not named with any detail",
        )
        bad = replace(
            spec,
            extra=[
                (
                    "p",
                    f"The other account holder can be contacted on {written} if you need to "
                    "agree on the final meter read.",
                )
            ],
        )
        ext, data = render_letter(letter("joint_notice", bad, rng), st)
        cx.pair(
            legit,
            cx.block(
                f"suppressed-loose/phone-{pstyle}",
                ext,
                data,
                SUP,
                f"letter to ex-partner {ex.cid} shows the suppressed phone of {v.cid} written {pstyle}",
                True,
            ),
        )


def delivery_address(cx: Corpus) -> None:
    """A letter delivered to the victim's suppressed address but addressed to someone else."""
    rng = cx.rng
    for i in range(cx.n(8)):
        v, ex = _pairs(cx, with_ex=i % 2 == 0)
        st = style(cx)
        own = [r for r in v.refs if r not in v.shared_refs][-1]
        spec = spec_for(cx, v, st, ref=own)
        tpl = ["welcome", "bill", "concession", "direct_debit"][i % 4]
        ext, data = render_letter(letter(tpl, spec, rng), st)
        legit = cx.allow(
            "suppressed-loose/delivery-address", ext, data, f"{tpl} letter to {v.cid} at her own suppressed address"
        )
        if ex is not None:
            who = block_for(ex, st, v.address)
            bad = spec_for(cx, ex, st, ref=joint_ref(v, ex), block=who)
            note = f"letter to ex-partner {ex.cid} addressed to the suppressed address of {v.cid}"
        else:
            other = cx.others(v)
            bad = spec_for(cx, other, st, block=block_for(other, st, v.address))
            note = f"letter for {other.cid} delivered to the suppressed address of {v.cid} (record updated in error)"
        ext, data = render_letter(letter(tpl, bad, rng), st)
        cx.pair(legit, cx.block("suppressed-loose/delivery-address", ext, data, SUP, note, True))
    for i in range(cx.n(3)):
        v, _ex = _pairs(cx, street=True, with_ex=False)
        st = style(cx)
        spec = spec_for(
            cx, v, st, ref=None, block=[["The Occupier", "The Resident"][i % 2]] + address_lines(v.address, st)
        )
        spec.salutation = "Dear Resident,"
        ext, data = render_letter(letter("outage", spec, rng), st)
        cx.allow(
            "suppressed-loose/delivery-address",
            ext,
            data,
            f"street-wide outage notice to the occupier at the suppressed address of {v.cid}: it reaches only "
            "her letterbox and discloses nothing of her",
        )


def look_alikes(cx: Corpus) -> None:
    rng = cx.rng
    neighbours = [(r, n) for r, n in cx.reg.neighbours if "victim" in r.tags]
    for i in range(cx.n(14)):
        victim, n = cx.take("fv-neighbours", neighbours)
        st = style(cx, abbrev=i % 2 == 0, caps=i % 5 == 0)
        spec = spec_for(cx, n, st)
        spec.property_line, spec.supply = True, n.address
        ext, data = render_letter(letter(["bill", "meter_access", "reminder", "welcome"][i % 4], spec, rng), st)
        cx.allow(
            "suppressed-loose/neighbour",
            ext,
            data,
            f"letter to {n.cid}, a neighbour in the same street as the suppressed address of {victim.cid}",
        )
    for _ in range(cx.n(6)):
        victim, n = cx.take("fv-neighbours-occ", neighbours)
        st = style(cx)
        spec = spec_for(cx, n, st, ref=None, block=["The Occupier"] + address_lines(n.address, st))
        spec.salutation = "Dear Resident,"
        ext, data = render_letter(letter("outage", spec, rng), st)
        cx.allow(
            "suppressed-loose/neighbour",
            ext,
            data,
            f"outage notice to the occupier next door to the suppressed address of {victim.cid}",
        )
    for i in range(cx.n(10)):
        v, ex = _pairs(cx, with_ex=False)
        st = style(cx)
        spec = spec_for(cx, v, st, ref=[r for r in v.refs if r not in v.shared_refs][-1])
        spec.extra = [
            (
                "p",
                f"As agreed, we will contact you only on {v.phones[0]} or by email to {v.emails[0]}, "
                "and we have placed a safety flag on your account. Your former address is no longer "
                "linked to this account.",
            )
        ]
        ext, data = render_letter(letter("welcome" if i % 2 else "bill", spec, rng), st)
        cx.allow(
            "suppressed-loose/victim-own-mail",
            ext,
            data,
            f"letter to {v.cid} at her own suppressed address, with her own suppressed phone and email",
        )
    for i in range(cx.n(8)):
        v, ex = _pairs(cx)
        assert ex is not None
        st = style(cx)
        spec = spec_for(cx, ex, st, ref=joint_ref(v, ex))
        spec.property_line = True
        ext, data = render_letter(letter(["bill", "reminder", "joint_notice", "final_bill"][i % 4], spec, rng), st)
        cx.allow(
            "relationships/ex-partner-joint",
            ext,
            data,
            f"letter to {ex.cid} at the former shared home (not suppressed), joint account with {v.cid}",
        )


def misdirected_property(cx: Corpus) -> None:
    """A letter to an unrelated client whose property line was mis-keyed as a victim's suppressed address."""
    rng = cx.rng
    for _ in range(cx.n(4)):
        v, _ex = _pairs(cx, street=True, with_ex=False)
        c = cx.others(v)
        st = style(cx)
        spec = spec_for(cx, c, st)
        spec.property_line = True
        ext, data = render_letter(letter("meter_access", spec, rng), st)
        legit = cx.allow(
            "suppressed-loose/property-line", ext, data, f"meter access letter to {c.cid} for its property"
        )
        bad = replace(spec, supply=v.address)
        ext, data = render_letter(letter("meter_access", bad, rng), st)
        cx.pair(
            legit,
            cx.block(
                "suppressed-loose/property-line",
                ext,
                data,
                SUP,
                f"letter to {c.cid} names the suppressed address of {v.cid} as the property",
                True,
            ),
        )


def run_all(cx: Corpus) -> None:
    suppressed_letters(cx)
    delivery_address(cx)
    look_alikes(cx)
    misdirected_property(cx)
