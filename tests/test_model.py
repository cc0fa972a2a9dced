"""Households: client groups merged where they overlap or are joint holders, in order of first appearance."""

from __future__ import annotations

import random

from dlp.model import households


def merged_by_hand(groups: list[frozenset[str]], joint: dict[str, frozenset[str]]) -> tuple[frozenset[str], ...]:
    """The same, the slow way: merge until nothing overlaps, then order by first appearance."""
    clusters = [set(g) for g in groups]
    seen = {c for g in groups for c in g}
    for a in seen:
        for b in joint.get(a, ()):
            if b in seen:
                clusters.append({a, b})
    merged = True
    while merged:
        merged = False
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                if clusters[i] & clusters[j]:
                    clusters[i] |= clusters.pop(j)
                    merged = True
                    break
            if merged:
                break
    first = {}
    for g in groups:
        for c in sorted(g):
            first.setdefault(c, len(first))
    return tuple(frozenset(c) for c in sorted(clusters, key=lambda c: min(first[x] for x in c)))


def test_matches_merging_by_hand_with_repeats_singletons_and_joint_holders() -> None:
    rng = random.Random(11)
    for _ in range(300):
        ids = [f"C{i}" for i in range(rng.randint(1, 12))]
        sizes = [min(len(ids), rng.choice([1, 1, 1, 2, 3])) for _ in range(rng.randint(0, 30))]
        groups = [frozenset(rng.sample(ids, size)) for size in sizes]
        joint: dict[str, frozenset[str]] = {}
        for _ in range(rng.randint(0, 3)):
            a, b = rng.choice(ids), rng.choice(ids)
            joint[a] = joint.get(a, frozenset()) | {b}
            joint[b] = joint.get(b, frozenset()) | {a}
        assert households(groups, joint) == merged_by_hand(groups, joint), (groups, joint)


def test_a_scans_households_are_those_of_its_strong_findings_with_none_or_one_client_too() -> None:
    from dlp.model import Communication, Finding, ScanContext

    rng = random.Random(12)
    for _ in range(300):
        ids = [f"C{i}" for i in range(rng.randint(1, 4))]
        findings = tuple(
            Finding(
                "CLIENT_REFERENCE",
                "body",
                0,
                1,
                1.0,
                frozenset(rng.sample(ids, min(len(ids), rng.choice([1, 1, 2])))),
                strong,
            )
            for strong in rng.choices([True, False], k=rng.randint(0, 4))
        )
        joint = {"C0": frozenset({"C1"}), "C1": frozenset({"C0"})}
        ctx = ScanContext(Communication("email", "test"), findings, (), joint)
        assert ctx.households == households((f.clients for f in findings if f.strong), joint), findings


def test_findings_built_fast_are_the_findings_the_dataclass_builds() -> None:
    from dataclasses import fields, replace

    from dlp.model import Finding

    assert not hasattr(Finding, "__post_init__")  # Finding.of and as_addressee would skip it
    args = ("CLIENT_NAME", "body", 3, 9, 0.5, frozenset({"C1"}), True, frozenset({"C2"}), "annlee")
    names = [f.name for f in fields(Finding) if f.name != "addressee"]
    built, plain = Finding.of(*args), Finding(**dict(zip(names, args, strict=True)))
    assert built == plain and hash(built) == hash(plain) and vars(built) == vars(plain)
    marked = built.as_addressee()
    assert marked == replace(plain, addressee=True) and vars(marked) == vars(replace(plain, addressee=True))
    assert built.addressee is False and marked.addressee is True
    try:
        marked.start = 4  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a finding built fast is still frozen")
