"""Letter areas: address-block, recipient-own-details, identifiers-dates (letters), unmerged (letters)."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable

from . import render
from .common import LAWYERS, Corpus
from .registry import Client, Registry
from .text import addr_block, date_words, matter_text, salutation

FORMATS = ["pdf", "docx", "txt", "rtf", "html"]


def emit(L: render.Letter, fmt: str) -> tuple[str, bytes | str]:
    if fmt == "pdf":
        return "pdf", render.pdf_letter(L)
    if fmt == "docx":
        return "docx", render.docx_letter(L)
    if fmt == "rtf":
        return "rtf", render.rtf_letter(L)
    if fmt == "html":
        return "html", render.html_letter(L)
    return "txt", render.txt_letter(L)


def pick(rng: random.Random, reg: Registry, pred: Callable[[Client], bool], avoid: set[str]) -> Client:
    pool = [c for c in reg.clients if pred(c) and c.client_id not in avoid]
    c = rng.choice(pool)
    avoid.add(c.client_id)
    return c


def unrelated(a: Client, b: Client) -> bool:
    return (
        b.client_id not in a.joint
        and b.client_id not in a.contacts
        and a.client_id not in b.contacts
        and a.other != b.client_id
        and a.client_id != b.client_id
    )


def client_letter(
    c: Client,
    rng: random.Random,
    style: int,
    content: Client | None = None,
    addr_of: Client | None = None,
    care_of: str | None = None,
) -> render.Letter:
    """A letter addressed to c (or to c's name at addr_of's address) about content's matter."""
    cc = content or c
    subj, paras = matter_text(cc, rng)
    block = addr_block(c, style, care_of)
    if addr_of is not None:
        block = [block[0]] + addr_block(addr_of, style)[1:]
    lawyer = LAWYERS[style % len(LAWYERS)]
    return render.Letter(
        addr=block,
        subject=f"{subj} - {cc.given} {cc.family}" if content else subj,
        paras=paras,
        salutation=salutation(c),
        refs=[f"Our ref: {cc.ref}", f"Contact: {lawyer[0]}"],
        signer=lawyer,
    )


def address_block(cp: Corpus, reg: Registry, avoid: set[str]) -> None:
    rng = cp.rng
    plain = lambda c: not c.suppressed and not c.street.startswith("PO")  # noqa: E731
    variants = [
        ("window-envelope", plain),
        ("unit-address", lambda c: "/" in c.street or "Unit" in c.street),
        ("po-box", lambda c: c.street.startswith("PO")),
        ("care-of", plain),
        ("hyphen-apostrophe", lambda c: any(ch in c.family for ch in "-'") and not c.suppressed),
        ("diacritics", lambda c: any(ord(ch) > 127 for ch in c.name) and not c.suppressed),
    ]
    k = 0
    for _rep in range(cp.n(1)):
        for var, pred in variants:
            a = pick(rng, reg, pred, avoid)
            b = pick(rng, reg, lambda c, a=a: not c.suppressed and unrelated(a, c), avoid)
            fmt = FORMATS[k % len(FORMATS)]
            care = "Mrs D. Haddad" if var == "care-of" else None
            seed = rng.random()
            bad = client_letter(a, random.Random(seed), k, content=b, care_of=care)
            bad = dataclasses.replace(bad, subject=bad.subject.rsplit(" - ", 1)[0])
            good = client_letter(a, random.Random(seed), k, care_of=care)
            ext, bb = emit(bad, fmt)
            _, gb = emit(good, fmt)
            cp.pair(
                f"address-block/{var}",
                ext,
                bb,
                gb,
                ["mismatched_recipient", "mixed_client_documents"],
                f"letter addressed to {a.client_id} carries file number and matter of {b.client_id}",
                f"letter to {a.client_id} about their own matter",
            )
            k += 1
    # same street and number in another suburb; units in one building; name twins
    for _rep in range(cp.n(2)):
        pairs = _street_twins(reg, avoid)
        for a, b, var in pairs[:3]:
            fmt = FORMATS[k % len(FORMATS)]
            seed = rng.random()
            bad = client_letter(b, random.Random(seed), k, addr_of=a)
            good = client_letter(b, random.Random(seed), k)
            ext, bb = emit(bad, fmt)
            _, gb = emit(good, fmt)
            cp.pair(
                f"address-block/{var}",
                ext,
                bb,
                gb,
                ["mismatched_recipient", "mixed_client_documents"],
                f"letter about {b.client_id} addressed to the address of {a.client_id}",
                f"letter about {b.client_id} to their own address",
            )
            k += 1


def _street_twins(reg: Registry, avoid: set[str]) -> list[tuple[Client, Client, str]]:
    out = []
    by_street: dict[str, list[Client]] = {}
    for c in reg.clients:
        if c.suppressed or c.client_id in avoid or c.joint:
            continue
        key = c.street.split("/")[-1]
        by_street.setdefault(key, []).append(c)
    for key, cs in sorted(by_street.items()):
        if len(cs) >= 2 and not key.startswith("PO") and not key.startswith("Unit"):
            a, b = cs[0], cs[1]
            var = "units-one-building" if "/" in a.street else "same-street-other-suburb"
            if var == "same-street-other-suburb" and a.suburb == b.suburb:
                continue
            out.append((a, b, var))
            avoid.update({a.client_id, b.client_id})
    names: dict[str, list[Client]] = {}
    for c in reg.clients:
        if not c.suppressed and c.client_id not in avoid:
            names.setdefault(c.name, []).append(c)
    for cs in names.values():
        if len(cs) >= 2:
            out.insert(len(out) // 2, (cs[0], cs[1], "name-twin"))
            avoid.update({cs[0].client_id, cs[1].client_id})
            break
    return out


def recipient_own(cp: Corpus, reg: Registry, avoid: set[str]) -> None:
    rng = cp.rng
    k = 3
    # incident: the victim's letter sent to her old address (where the respondent lives), body shows new address
    for _rep in range(cp.n(4)):
        v = pick(rng, reg, lambda c: "postal_address" in c.suppressed and c.other is not None, avoid)
        r = reg.get(v.other)
        fmt = FORMATS[k % len(FORMATS)]
        L = client_letter(v, random.Random(k), k)
        body_new = (
            f"As requested, our records now show your new residential address as {v.address}. This address "
            "is confidential and will not be given to the other party or included in court documents."
        )
        good = dataclasses.replace(L, paras=L.paras + [body_new])
        bad = dataclasses.replace(good, addr=[good.addr[0]] + addr_block(r, k)[1:])
        ext, bb = emit(bad, fmt)
        _, gb = emit(good, fmt)
        cp.pair(
            "recipient-own-details/old-address",
            ext,
            bb,
            gb,
            ["suppressed_detail_exposed", "mismatched_recipient"],
            f"letter to {v.client_id} posted to the address of {r.client_id} (other party) shows the "
            f"suppressed address of {v.client_id}",
            f"letter to {v.client_id} at their own suppressed address",
            suppressed=True,
        )
        k += 1
    # legit: own details, including own suppressed phone and DOB, next to look-alikes
    for _rep in range(cp.n(8)):
        c = pick(rng, reg, lambda c: bool(c.suppressed) or rng.random() < 0.3, avoid)
        fmt = FORMATS[k % len(FORMATS)]
        L = client_letter(c, random.Random(k), k)
        own = [f"Our records show your date of birth as {date_words(c.dob)} and your mobile as {c.phones[0]}."]
        if c.emails:
            own.append(f"We will send copies of documents to {c.emails[0]} unless you tell us otherwise.")
        if c.suppressed:
            own.append("Your contact details are marked confidential in our records.")
        L = dataclasses.replace(L, paras=L.paras + own)
        ext, data = emit(L, fmt)
        cp.allow(
            "recipient-own-details/own-contact-details",
            ext,
            data,
            f"letter to {c.client_id} shows only their own details (suppressed: {bool(c.suppressed)})",
        )
        k += 1


def identifiers_letters(cp: Corpus, reg: Registry, avoid: set[str]) -> None:
    rng = cp.rng
    fmts = ["%d/%m/%Y", "%d.%m.%y", "words", "%Y-%m-%d"]
    for rep in range(cp.n(5)):
        a = pick(rng, reg, lambda c: not c.suppressed, avoid)
        b = pick(rng, reg, lambda c, a=a: not c.suppressed and unrelated(a, c), avoid)
        f = fmts[rep % len(fmts)]

        def dob(c: Client, f: str = f) -> str:
            return date_words(c.dob) if f == "words" else c.dob.strftime(f)

        fmt = FORMATS[(rep + 2) % len(FORMATS)]
        lawyer = LAWYERS[rep % len(LAWYERS)]
        base = render.Letter(
            addr=addr_block(a, rep),
            subject="Request for your birth certificate",
            salutation=salutation(a),
            refs=[f"Contact: {lawyer[0]}"],
            signer=lawyer,
            paras=[],
        )

        def paras(c: Client, a: Client = a) -> list[str]:
            return [
                f"To complete the application for {c.given} {c.family} (born {dob(c)}), the registry needs a "
                "certified copy of a birth certificate or passport.",
                "Please bring the original document to our office; we will certify a copy while you wait.",
                "Our office is open Monday to Friday, 8.45 am to 4.45 pm, except public holidays.",
            ]

        bad = dataclasses.replace(base, paras=paras(b))
        good = dataclasses.replace(base, paras=paras(a))
        ext, bb = emit(bad, fmt)
        _, gb = emit(good, fmt)
        cp.pair(
            "identifiers-dates/name-dob",
            ext,
            bb,
            gb,
            ["mismatched_recipient", "mixed_client_documents"],
            f"letter addressed to {a.client_id} gives name and date of birth of {b.client_id}",
            f"letter to {a.client_id} gives their own name and date of birth",
        )
    # name twins: same name, different date of birth (seed 003)
    names: dict[str, list[Client]] = {}
    for c in reg.clients:
        if not c.suppressed:
            names.setdefault(c.name, []).append(c)
    twins = [cs for cs in names.values() if len(cs) >= 2 and not (set(x.client_id for x in cs[:2]) & avoid)]
    for rep, cs in enumerate(twins[: cp.n(3)]):
        a, b = cs[0], cs[1]
        avoid.update({a.client_id, b.client_id})
        fmt = FORMATS[rep % len(FORMATS)]
        lawyer = LAWYERS[(rep + 3) % len(LAWYERS)]

        def L(c: Client, a: Client = a, lawyer: tuple = lawyer, rep: int = rep) -> render.Letter:
            return render.Letter(
                addr=addr_block(a, rep),
                subject="Confirmation of identity for grant of aid",
                salutation=salutation(a),
                signer=lawyer,
                refs=[f"Contact: {lawyer[0]}"],
                paras=[
                    f"Client: {c.given} {c.family}   Date of birth: {c.dob.strftime('%d/%m/%Y')}",
                    "We have confirmed your identity and your application for legal assistance "
                    "can now be assessed. Assessment usually takes ten working days.",
                    "If any of the details above are wrong, please call us straight away.",
                ],
            )

        ext, bb = emit(L(b), fmt)
        _, gb = emit(L(a), fmt)
        cp.pair(
            "identifiers-dates/name-twin-dob",
            ext,
            bb,
            gb,
            ["mismatched_recipient", "mixed_client_documents"],
            f"{a.client_id} and {b.client_id} share a name; letter to {a.client_id} gives the date of birth "
            f"of {b.client_id}",
            f"letter to {a.client_id} with their own date of birth",
        )
