"""A labelled corpus of outgoing items (synthetic people), shared by the benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass

from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Communication
from tests.synthetic import (
    OMBUDSMAN_DOMAIN,
    ORG_DOMAIN,
    SyntheticRegistry,
    account_body,
    email,
    extract_csv,
    letter,
)

FILLER = (
    "We are writing to let you know about planned maintenance on the water main in your area. Supply may be "
    "interrupted for up to four hours. Please store some water beforehand and keep taps closed during the work. "
    "Our crews will restore supply as quickly as possible and flush the pipes before they leave. "
)


@dataclass
class Item:
    label: str  # "legit" or the rule an incident should trip
    communication: Communication
    kind: str = ""  # "letter", "email", "client list", "extract", ...: what sort of item it is

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.communication.parts)


def build(reg: SyntheticRegistry, n: int, seed: int = 1, kind: str | None = None) -> list[Item]:
    """`n` items, mostly legitimate mail as in real outgoing traffic; only items of `kind` if given (the same
    makers, in the same proportions among themselves)."""
    rng = random.Random(seed)
    people = reg.ordinary()
    items: list[Item] = []

    def pick() -> tuple:
        return tuple(rng.sample(people, 2))

    makers = [
        ("legit", "letter", lambda a, b: letter(a, account_body(a) + "\n\n" + FILLER * rng.randint(1, 6))),
        (
            "legit",
            "email",
            lambda a, b: email([a.email], "Your account", account_body(a) + "\n" + FILLER * rng.randint(1, 4)),
        ),
        (
            "legit",
            "client list",
            lambda a, b: email(
                [f"team@{ORG_DOMAIN}"],
                "Review",
                "\n".join(f"{c.reference} {c.name} {c.phone}" for c in rng.sample(people, 8)),
            ),
        ),
        (
            "legit",
            "email",
            lambda a, b: email(
                [f"case@{OMBUDSMAN_DOMAIN}"],
                "Complaint",
                f"Response regarding account {a.reference}, {a.postal_address}.\n" + FILLER,
            ),
        ),
        ("legit", "email", lambda a, b: email(["someone@freemail.example"], "Outage", FILLER * 3)),
        ("legit", "letter", lambda a, b: letter(a, f"Thank you, {a.given_name}. " + FILLER * 2)),
        ("mismatched_recipient", "letter", lambda a, b: letter(a, account_body(b) + "\n\n" + FILLER)),
        (
            "mismatched_recipient",
            "email",
            lambda a, b: email(
                [a.email],
                "Your statement",
                "Attached.",
                attachments=[("s.txt", letter(b, account_body(b)).encode(), "text/plain")],
            ),
        ),
        (
            "suppressed_detail_exposed",
            "letter",
            lambda a, b: letter(
                reg.ex_partner, f"The other holder now lives at {reg.victim.postal_address}. " + FILLER
            ),
        ),
        (
            "bulk_client_data",
            "extract",
            lambda a, b: email(
                ["me@freemail.example"],
                "extract",
                "x",
                attachments=[("c.csv", extract_csv(rng.sample(people, 40)), "text/csv")],
            ),
        ),
        ("unmerged_field", "letter", lambda a, b: letter(a, "Dear «FirstName», " + FILLER)),
        (
            "mismatched_recipient",
            "email",
            lambda a, b: email(
                [reg.twin_a.email],
                "Claim",
                f"{reg.twin_b.name}, born {reg.twin_b.date_of_birth:%d/%m/%Y}: your claim is approved.",
            ),
        ),
    ]
    weights = [30, 30, 8, 8, 8, 8, 2, 2, 1, 1, 1, 1]
    if kind is not None:
        weights = [w if made_kind == kind else 0 for w, (_, made_kind, _) in zip(weights, makers, strict=True)]
    for i in range(n):
        label, made_kind, make = rng.choices(makers, weights)[0]
        a, b = pick()
        data = make(a, b)
        if isinstance(data, bytes):
            comm = communication_from_message(data, f"item{i}.eml")
        else:
            comm = communication_from_letter(data.encode(), f"item{i}.txt")
        items.append(Item(label, comm, made_kind))
    return items
