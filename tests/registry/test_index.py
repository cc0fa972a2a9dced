from __future__ import annotations

from dlp.registry import RegistryIndex
from dlp.registry.index import CLIENT_ADDRESS, CLIENT_EMAIL, CLIENT_PHONE, CLIENT_REFERENCE
from tests.synthetic import SyntheticRegistry


def found(index: RegistryIndex, text: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(m.entity, m.clients) for m in index.find(text)}


def test_reference_matches_with_or_without_spaces_and_hyphens(synthetic: SyntheticRegistry, index) -> None:
    c = synthetic.ordinary()[0]
    ref = c.reference
    for written in (ref, f"{ref[:3]} {ref[3:]}", f"{ref[:4]}-{ref[4:]}", ref.lower()):
        assert (CLIENT_REFERENCE, (c.client_id,)) in found(index, f"account {written}."), written


def test_reference_inside_a_longer_number_does_not_match(synthetic: SyntheticRegistry, index) -> None:
    c = synthetic.ordinary()[0]
    assert not any(m.entity == CLIENT_REFERENCE for m in index.find(f"invoice 9{c.reference}9"))


def test_phone_in_national_and_international_form(synthetic: SyntheticRegistry, index) -> None:
    c = synthetic.ordinary()[1]
    digits = c.phone.replace(" ", "")
    rest = f"{digits[1:4]} {digits[4:7]} {digits[7:]}"
    for written in (c.phone, digits, f"+61 {rest}", f"+61 (0) {rest}", f"0061 {rest}", f"0011 61 {rest}"):
        assert (CLIENT_PHONE, (c.client_id,)) in found(index, f"call {written} today"), written


def test_email_is_case_insensitive(synthetic: SyntheticRegistry, index) -> None:
    c = synthetic.ordinary()[2]
    assert (CLIENT_EMAIL, (c.client_id,)) in found(index, c.email.upper())


def test_address_on_two_lines_with_abbreviations(synthetic: SyntheticRegistry, index) -> None:
    c = synthetic.ordinary()[3]
    text = "\n".join(c.address_lines(abbreviate=True))
    assert (CLIENT_ADDRESS, (c.client_id,)) in found(index, text)
    assert (CLIENT_ADDRESS, (c.client_id,)) in found(index, c.postal_address.upper())


def test_joint_holders_share_the_joint_reference(synthetic: SyntheticRegistry, index) -> None:
    ids = {m.clients for m in index.find(synthetic.victim.references[0])}
    assert ids == {tuple(sorted((synthetic.victim.client_id, synthetic.ex_partner.client_id)))}
    assert index.related(synthetic.victim.client_id, synthetic.ex_partner.client_id)


def test_suppressed_details_are_marked(synthetic: SyntheticRegistry, index) -> None:
    marks = {m.entity: m.suppressed_for for m in index.find(synthetic.victim.postal_address)}
    assert marks[CLIENT_ADDRESS] == (synthetic.victim.client_id,)


def test_a_larger_registry_finds_the_same_client() -> None:
    from tests.synthetic import make_registry

    small, large = make_registry(50, seed=3), make_registry(3000, seed=3)
    text = f"account {small.clients[10].reference}"
    assert [m.clients for m in RegistryIndex(small.to_clients()).find(text)] == [
        m.clients for m in RegistryIndex(large.to_clients()).find(text)
    ]


def test_a_mark_that_folds_to_nothing_is_not_a_token(synthetic: SyntheticRegistry, index) -> None:
    c = synthetic.ordinary()[0]  # half-width katakana sound marks fold to nothing: they once broke matching
    for mark in ("\uff9e", "\uff9f"):
        assert (CLIENT_REFERENCE, (c.client_id,)) in found(index, f"account {c.reference} {mark} ok"), mark


def test_a_long_list_finds_what_its_rows_find_alone(synthetic: SyntheticRegistry, index) -> None:
    """A text with many keys has their postings looked up together (`BATCH`): the same matches, joint and
    suppressed holders included, as each row finds by itself, key by key."""
    from dlp.registry.index import BATCH

    rows = [
        f"{c.reference}, {c.given_name} {c.family_name}, {c.email}, {c.phone}, {c.postal_address}"
        for c in synthetic.clients
    ]
    rows.append(synthetic.victim.references[0])
    text = "\n".join(rows)
    together = [(m.entity, m.clients, m.suppressed_for, m.key) for m in index.find(text)]
    alone = [(m.entity, m.clients, m.suppressed_for, m.key) for row in rows for m in index.find(row)]
    assert len({key for *_, key in together}) >= BATCH
    assert sorted(together) == sorted(alone)
    assert any(len(clients) > 1 for _, clients, _, _ in together)  # a joint reference, a shared name
    assert any(suppressed for _, _, suppressed, _ in together)
