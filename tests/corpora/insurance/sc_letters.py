"""Letters handed to the pre-send folder: every address-block layout, and letters whose only client data is
the addressee's own (neighbours, households, the same street elsewhere, notices to the occupier)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from . import content, fmt, names, org
from .content import Ctx
from .corpus import Corpus
from .letters import Letter
from .people import Client, ascii_fold
from .render import FORMATS, letter_bytes

MISMATCH = ["mismatched_recipient", "mixed_client_documents"]
MIXED = ["mixed_client_documents", "mismatched_recipient"]
SPECIAL = {"victim", "ex", "twin", "represented", "representative"}

Block = tuple[list[str], str | None, list[str]]


def eligible(ctx: Ctx, test: Callable[[Client], bool]) -> list[Client]:
    return [c for c in ctx.pop.clients if not (c.tags & SPECIAL) and test(c)]


def _std(ctx: Ctx, c: Client, **kw: object) -> Block:
    style = str(kw.pop("name_style", "title"))
    return content.to_block(c, ctx.rng, style, **kw), fmt.dear(c), []


# variation name -> (client filter, block builder, formats)
Variation = tuple[Callable[[Client], bool], Callable[[Client], Block], list[tuple[str, str]]]


def _variations(ctx: Ctx) -> dict[str, Variation]:
    r = ctx.rng
    anyone: Callable[[Client], bool] = lambda c: not c.address.is_box  # noqa: E731
    pdf_docx = [f for f in FORMATS if f[0] in ("pdf", "docx")]
    return {
        "window-envelope": (anyone, lambda c: _std(ctx, c, loc="caps"), [("pdf", "window"), ("pdf", "columns")]),
        "right-aligned": (anyone, lambda c: _std(ctx, c), [("pdf", "right"), ("docx", "right"), ("rtf", "right")]),
        "reference-below": (anyone, lambda c: _std(ctx, c), [("pdf", "topleft"), ("docx", "stacked")]),
        "side-by-side-columns": (
            anyone,
            lambda c: _std(ctx, c),
            [("txt", "columns"), ("html", "table"), ("docx", "table"), ("pdf", "columns")],
        ),
        "split-locality": (anyone, lambda c: _std(ctx, c, loc="split"), FORMATS),
        "postcode-own-line": (anyone, lambda c: _std(ctx, c, loc="postcode-alone"), FORMATS),
        "full-state-name": (anyone, lambda c: _std(ctx, c, loc=r.choice(["full", "split2"])), FORMATS),
        "all-caps": (anyone, lambda c: _std(ctx, c, caps=True, name_style="caps"), FORMATS),
        "the-policyholder": (
            anyone,
            lambda c: (["The Policyholder"] + fmt.address_lines(c.address, r), "Dear Policyholder", []),
            FORMATS,
        ),
        "po-box": (lambda c: c.address.is_box, lambda c: _std(ctx, c), FORMATS),
        "salutations": (
            anyone,
            lambda c: (
                content.to_block(c, r),
                r.choice(
                    [
                        fmt.dear(c, "hi"),
                        fmt.dear(c, "hello"),
                        "To whom it may concern",
                        None,
                        "Dear Sir/Madam",
                        f"G'day {c.first}",
                        fmt.dear(c, "first"),
                    ]
                ),
                [],
            ),
            FORMATS,
        ),
        "property-line": (
            anyone,
            lambda c: (
                content.to_block(c, r),
                fmt.dear(c),
                [f"Property: {fmt.inline_address(c.address, True)}", f"Our ref: {c.ref('customer')}"],
            ),
            FORMATS,
        ),
        "initials-middle": (
            lambda c: bool(c.given) and not c.address.is_box,
            lambda c: _std(ctx, c, name_style=r.choice(["initials", "middle", "initial"])),
            FORMATS,
        ),
        "family-name-first": (lambda c: c.family_first, lambda c: _std(ctx, c, name_style="family-first"), FORMATS),
        "diacritics-folded": (
            lambda c: not c.full.isascii(),
            lambda c: ([ascii_fold(fmt.formal(c))] + fmt.address_lines(c.address, r), ascii_fold(fmt.dear(c)), []),
            FORMATS,
        ),
        "diacritics": (lambda c: not c.full.isascii(), lambda c: _std(ctx, c), pdf_docx),
        "apostrophe-hyphen": (lambda c: "'" in c.full or "-" in c.full, lambda c: _std(ctx, c), FORMATS),
        "one-name": (lambda c: not c.given, lambda c: _std(ctx, c), FORMATS),
        "unit-forms": (
            lambda c: c.address.kind == "unit",
            lambda c: (content.to_block(c, r, slash=r.random() < 0.5), fmt.dear(c), []),
            FORMATS,
        ),
        "care-of-solicitor": (lambda c: "lawyer-client" in c.tags, lambda c: _care_of(ctx, c), FORMATS),
        "care-of-person": (anyone, lambda c: _care_of(ctx, c), FORMATS),
        "lot-rural-shop": (
            lambda c: c.address.kind in ("lot", "rural", "shop", "level"),
            lambda c: _std(ctx, c),
            FORMATS,
        ),
    }


def _care_of(ctx: Ctx, c: Client) -> Block:
    """'c/-' lines: a client's mail sent care of the firm acting for them, or care of a person at home."""
    r = ctx.rng
    lw = next((lw for lw in org.LAWYERS if c in ctx.pop.lawyer_clients.get(lw.domain, [])), None)
    co = r.choice(["c/-", "C/-", "c/o", "Care of"])
    if lw is not None:
        lines = [fmt.formal(c), f"{co} {lw.firm}", lw.street, lw.locality.upper()]
    else:
        lines = [fmt.formal(c), f"{co} {r.choice(names.OUTSIDERS)}"] + fmt.address_lines(c.address, r)
    return lines, fmt.dear(c), []


def _swap_detail(lt: Letter, label: str, value: str) -> Letter:
    return dataclasses.replace(lt, details=[(k, value if k == label else v) for k, v in lt.details])


def _make(ctx: Ctx, kind: str, block: Block, a: Client, b: Client) -> tuple[Letter, Letter]:
    """The document for addressee a, and the same document carrying b's data (the incident)."""
    to_lines, dear, after = block
    if kind == "other-policy":
        pk = content.policy_kind(a)
        twin = content.renewal(ctx, to_lines, dear, a, pk)
        incident = _swap_detail(twin, "Policy number", b.ref(pk if b.has(pk) else content.policy_kind(b)))
    elif kind == "other-claim":  # the claim letter was produced from the wrong claim record
        twin = content.claim_ack(ctx, to_lines, dear, a)
        incident = content.claim_ack(ctx, to_lines, dear, b)
        incident = dataclasses.replace(twin, details=incident.details, body=incident.body[:1] + twin.body[1:])
    else:  # other-schedule: the letter is right, the page behind it is someone else's
        twin = content.premium_change(ctx, to_lines, dear, a)
        incident = dataclasses.replace(twin, extra_pages=[content.schedule_page(b, content.policy_kind(b))])
        twin.extra_pages = [content.schedule_page(a, content.policy_kind(a))]
    twin.after_block = list(after)
    incident.after_block = list(after)
    return incident, twin


def address_block(ctx: Ctx, corpus: Corpus) -> None:
    r = ctx.rng
    kinds = ["other-policy", "other-claim", "other-schedule"]
    for vi, (name, (test, builder, formats)) in enumerate(_variations(ctx).items()):
        pool = eligible(ctx, test)
        if len(pool) < 3:
            continue
        for i in range(ctx.n(2) if vi % 4 == 0 else ctx.n(1)):
            spec = formats[(vi + i) % len(formats)]
            a = r.choice(pool)
            kind = kinds[(vi + i) % 3]
            need = "home_claim" if kind == "other-claim" else content.policy_kind(a) if kind == "other-policy" else None
            if kind == "other-claim":
                content.ensure_claim(ctx, a)
            b = next(x for x in ctx.pop.pick(3, need=need) if not ctx.pop.related(a, x))
            block = builder(a)
            seed = r.getrandbits(32)
            inc_lt, twin_lt = _make(ctx, kind, block, a, b)
            ext, blob = letter_bytes(spec, inc_lt, seed)
            cat = f"address-block/{name}"
            note = {
                "other-policy": f"{spec[0]} renewal addressed to {a.cid} printed with the policy number of {b.cid}",
                "other-claim": f"{spec[0]} claim letter addressed to {a.cid} carries claim details of {b.cid}",
                "other-schedule": f"{spec[0]} letter to {a.cid} with the policy schedule of {b.cid} on page 2",
            }[kind]
            inc = corpus.add(ext, blob, cat, "block", MIXED if kind == "other-schedule" else MISMATCH, note=note)
            ext, blob = letter_bytes(spec, twin_lt, seed)
            tw = corpus.add(ext, blob, cat, note=f"{spec[0]} {spec[1]} letter to {a.cid} about {a.cid} only")
            corpus.pair(inc, tw)
        for i in range(ctx.n(1) if vi % 2 else 0):  # a further legitimate letter in every other variation
            spec = formats[(vi + i + 1) % len(formats)]
            a = r.choice(pool)
            block = builder(a)
            lt = r.choice([content.renewal, content.premium_change])(ctx, block[0], block[1], a)
            lt.after_block = block[2]
            ext, blob = letter_bytes(spec, lt, r.getrandbits(32))
            corpus.add(ext, blob, f"address-block/{name}", note=f"{spec[0]} {spec[1]} letter to {a.cid}, own policy")
    _joint_addressees(ctx, corpus)


def _joint_addressees(ctx: Ctx, corpus: Corpus) -> None:
    r = ctx.rng
    for i in range(ctx.n(4)):
        a, b, joint = r.choice(ctx.pop.joint_pairs)
        lines = [fmt.two_names(a, b, i % 3)] + fmt.address_lines(a.address, r)
        dear = f"Dear {a.first} and {b.first}"
        spec = FORMATS[(i * 3) % len(FORMATS)]
        lt = content.renewal(ctx, lines, dear, a, "home")
        lt = _swap_detail(lt, "Policy number", joint)
        lt = _swap_detail(lt, "Customer number", r.choice([a, b]).ref("customer"))
        other = ctx.pop.pick(1, need="home")[0]
        seed = r.getrandbits(32)
        ext, blob = letter_bytes(spec, _swap_detail(lt, "Policy number", other.ref("home")), seed)
        inc = corpus.add(
            ext,
            blob,
            "address-block/joint-addressees",
            "block",
            MISMATCH,
            note=f"joint renewal to {a.cid} and {b.cid} printed with the home policy of {other.cid}",
        )
        ext, blob = letter_bytes(spec, lt, seed)
        tw = corpus.add(
            ext,
            blob,
            "address-block/joint-addressees",
            note=f"joint renewal to both holders {a.cid} and {b.cid} of their joint policy",
        )
        corpus.pair(inc, tw)
