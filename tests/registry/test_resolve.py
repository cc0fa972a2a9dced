from __future__ import annotations

from dlp.config import OrganisationConfig
from dlp.model import AddressBlock, RecipientKind
from dlp.registry.resolve import RecipientResolver
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, SyntheticRegistry


def resolver(index) -> RecipientResolver:
    return RecipientResolver(
        index,
        OrganisationConfig(internal_domains=(ORG_DOMAIN,), approved_recipient_domains=(OMBUDSMAN_DOMAIN,)),
    )


def test_email_kinds(synthetic: SyntheticRegistry, index) -> None:
    r = resolver(index)
    c = synthetic.ordinary()[0]
    assert r.email(c.email.upper(), "x").clients == {c.client_id}
    assert r.email(f"a@{ORG_DOMAIN}", "x").kind is RecipientKind.INTERNAL
    assert r.email(f"a@mail.{ORG_DOMAIN}", "x").kind is RecipientKind.INTERNAL
    assert r.email(f"a@{OMBUDSMAN_DOMAIN}", "x").kind is RecipientKind.APPROVED
    assert r.email(f"a@not{ORG_DOMAIN}", "x").kind is RecipientKind.UNKNOWN
    rep = r.email(synthetic.rep_email, "x")
    assert rep.kind is RecipientKind.AUTHORISED and synthetic.represented.client_id in rep.authorised_for


def test_client_named_as_authorised_contact_represents(synthetic: SyntheticRegistry, index) -> None:
    helper = synthetic.by_id(next(x for x in synthetic.represented.authorised_contacts if "@" not in x))
    recipient = resolver(index).email(helper.email, "x")
    assert synthetic.represented.client_id in recipient.authorised_for


def test_letter_block_tolerates_initials_case_and_abbreviations(synthetic: SyntheticRegistry, index) -> None:
    c = synthetic.ordinary()[5]
    r = resolver(index)
    for name in (
        c.name,
        f"{c.given_name[0]} {c.family_name.upper()}",
        f"Dr {c.given_name[0]}. {c.family_name}",
    ):
        (recipient,) = r.letter(AddressBlock(name, tuple(c.address_lines())))
        assert recipient.kind is RecipientKind.CLIENT and recipient.clients == {c.client_id}, name


def test_letter_to_other_house_number_is_unknown(synthetic: SyntheticRegistry, index) -> None:
    c = next(x for x in synthetic.ordinary() if "/" not in x.number)
    lines = c.address_lines()
    lines[0] = lines[0].replace(c.number, str(int(c.number) + 1), 1)
    (recipient,) = resolver(index).letter(AddressBlock(c.name, tuple(lines)))
    assert recipient.kind is RecipientKind.UNKNOWN
    assert recipient.note == "the addressee is a client but this is not their registered postal address"


def test_letter_without_address_block() -> None:
    from dlp.registry import RegistryIndex

    (recipient,) = resolver(RegistryIndex([])).letter(None)
    assert recipient.kind is RecipientKind.UNKNOWN and recipient.postal


def test_a_letter_addressed_without_the_state_reaches_the_client(synthetic: SyntheticRegistry, index) -> None:
    """ "12 Wattle St" over "Bendigo 3550": the postcode says where, as the state would."""
    from dlp.extract.letter import find_address_block

    c = synthetic.ordinary()[5]
    street, _, locality = c.postal_address.partition(", ")
    suburb, postcode = locality.rsplit(" ", 2)[0], locality.rsplit(" ", 1)[1]
    block = find_address_block(
        f"{c.given_name} {c.family_name}\n{street}\n{suburb} {postcode}\n\nDear {c.given_name},\n"
    )
    (recipient,) = RecipientResolver(index, OrganisationConfig()).letter(block)
    assert recipient.clients == frozenset({c.client_id}), recipient.note


def test_an_estate_letter_is_read_by_the_executor_alone(synthetic: SyntheticRegistry, index) -> None:
    """ "Estate of the late A", c/- her executor at his registered address: he reads it, for her (she is the
    client the letter is about, and he her authorised contact); she reads nothing."""
    from dlp.extract.letter import find_address_block

    deceased = synthetic.represented
    executor = next(c for c in synthetic.clients if c.client_id in deceased.authorised_contacts)
    street, _, locality = executor.postal_address.partition(", ")
    block = find_address_block(
        f"Estate of the late {deceased.given_name} {deceased.family_name}\nc/- {executor.given_name} "
        f"{executor.family_name} (Executor)\n{street}\n{locality}\n\nDear Sir/Madam,\n"
    )
    assert block is not None and block.estate
    (reader,) = RecipientResolver(index, OrganisationConfig()).letter(block)
    assert reader.clients == frozenset({executor.client_id})
    assert deceased.client_id in reader.authorised_for


def test_a_wings_name_over_the_street_line_is_read_past_but_never_a_lettered_unit(tmp_path) -> None:
    """ "Room 4 / Wattle Court / 118 Mair Street East": the home's wing, which the registry leaves out, read past
    only where the address as written is no one's. "Unit B" is a dwelling, never read past: a letter to Unit B is
    not the house's, nor the house's letter Unit B's."""
    rows = (
        'R1,Leilani,Tuilagi,1947-12-18,,,"Room 4, 118 Mair Street East, Ballarat East VIC 3350",,,,\n'
        'U1,Nina,Abbot,1980-01-01,,,"Unit B, 40 Kurrajong Avenue, Epsom VIC 3551",,,,\n'
        'H1,Omar,Brook,1980-01-02,,,"40 Kurrajong Avenue, Epsom VIC 3551",,,,\n'
        'S1,Kerensa,Moss,1940-03-03,,,"Room 12, Banksia Wing, 7 Barwon Terrace, Belmont VIC 3216",,postal_address,,\n'
        'Z1,Zebedee,Lowe,1941-04-04,,,"Room 12, 7 Barwon Terrace, Belmont VIC 3216",,,,\n'
    )
    reader = _reader(_resolver_of(tmp_path, rows))

    assert reader(
        "Mrs Leilani Tuilagi", "Room 4", "Wattle Court", "118 Mair Street East", "BALLARAT EAST VIC 3350"
    ) == {"R1"}
    assert reader("Ms Nina Abbot", "Unit B", "40 Kurrajong Avenue", "EPSOM VIC 3551") == {"U1"}
    assert reader("Mr Omar Brook", "Unit B", "40 Kurrajong Avenue", "EPSOM VIC 3551") == frozenset()
    assert reader("Ms Nina Abbot", "40 Kurrajong Avenue", "EPSOM VIC 3551") == frozenset()
    # The registry spells a wing at this home ("Banksia Wing"): "Banksia Court" is that wing, not read past to
    # Zebedee's room 12; nor a dwelling named by words ("Granny Flat", "Studio B").
    assert reader("Mr Zebedee Lowe", "Room 12", "Banksia Court", "7 Barwon Terrace", "BELMONT VIC 3216") == frozenset()
    assert reader("Mr Omar Brook", "Granny Flat", "40 Kurrajong Avenue", "EPSOM VIC 3551") == frozenset()
    assert reader("Mr Omar Brook", "Studio B", "40 Kurrajong Avenue", "EPSOM VIC 3551") == frozenset()


def test_a_suppressed_address_under_another_suburb_name_with_her_postcode_is_still_hers(tmp_path) -> None:
    """ "30 Merri Street, FAIRFIELD VIC 3070" reaches Northcote 3070's 30 Merri Street: her former partner addressed
    there is at her suppressed address (review M p07). An address no one has suppressed is matched as before."""
    rows = (
        'V1,Jenna,Marlow,1985-06-11,,,"30 Merri Street, Northcote VIC 3070",,postal_address,V2,\n'
        'V2,Dane,Marlow,1982-01-09,,,"8 Arthurton Road, Reservoir VIC 3073",,,V1,\n'
        'P1,Omar,Brook,1980-01-02,,,"40 Kurrajong Avenue, Epsom VIC 3551",,,,\n'
    )
    resolver = _resolver_of(tmp_path, rows)

    def delivered(name: str, *lines: str) -> tuple[frozenset[str], frozenset[str]]:
        (found,) = resolver.letter(AddressBlock(name, lines, names=(name,)))
        return found.address_clients, found.address_suppressed_for

    assert delivered("Mr Dane Marlow", "30 Merri Street", "FAIRFIELD VIC 3070") == ({"V1"}, {"V1"})
    assert delivered("Ms Jenna Marlow", "30 Merri Street", "FAIRFIELD VIC 3070") == ({"V1"}, {"V1"})
    assert delivered("Mr Dane Marlow", "30 Merri Street", "FAIRFIELD VIC 3078") == (frozenset(), frozenset())
    assert delivered("Mr Dane Marlow", "32 Merri Street", "FAIRFIELD VIC 3070") == (frozenset(), frozenset())
    # Not suppressed: another suburb's name is another place, as it was.
    assert delivered("Mr Omar Brook", "40 Kurrajong Avenue", "BENDIGO VIC 3551") == (frozenset(), frozenset())


def test_a_care_homes_room_over_its_street_line_is_read_past_where_residents_are_registered_without_it(
    tmp_path,
) -> None:
    """A public trustee registers care-home residents at the home's street address; its letters add the room
    ("Room 51, Jacaranda Gardens Aged Care"). The room is read past; a unit never is (another household)."""
    rows = (
        'R1,Valerie,McPherson,1950-05-17,,,"14 Fig Tree Lane, Kellyville NSW 2155",,,,\n'
        'R2,Colin,Farrugia,1939-04-22,,,"14 Fig Tree Lane, Kellyville NSW 2155",,,,\n'
        'R3,Nola,Brandt,1941-01-01,,,"Room 5, 14 Fig Tree Lane, Kellyville NSW 2155",,postal_address,,\n'
    )
    resolver = _resolver_of(tmp_path, rows)
    reader = _reader(resolver)

    home = ("14 Fig Tree La", "KELLYVILLE NSW 2155")
    assert reader("Mrs V L McPherson", "Room 51, Jacaranda Gardens Aged Care", *home) == {"R1"}
    assert reader("MR C FARRUGIA", "ROOM 29", *home) == {"R2"}
    assert reader("Mrs V L McPherson", "Unit 51", *home) == frozenset()
    assert reader("Mr Omar Brook", "Room 51, Jacaranda Gardens Aged Care", *home) == frozenset()
    # A room a resident is registered in is hers, read before the bare home (review N-5).
    assert reader("Ms Nola Brandt", "Room 5, Jacaranda Gardens Aged Care", *home) == {"R3"}
    (alf,) = resolver.letter(AddressBlock("Mr C Farrugia", ("Room 5, Jacaranda Gardens Aged Care", *home)))
    assert alf.address_suppressed_for == {"R3"}


def _resolver_of(tmp_path, rows: str) -> RecipientResolver:
    """A resolver over a registry of these CSV rows (tests.rules.registry's columns), with no organisation set."""
    from dlp.registry import load_registry
    from tests.rules.registry import HEADER

    (tmp_path / "clients.csv").write_text(HEADER + rows)
    return RecipientResolver(load_registry(str(tmp_path / "clients.csv")), OrganisationConfig())


def _reader(resolver: RecipientResolver):  # type: ignore[no-untyped-def]
    """Who reads a letter to `name` at these address lines: the clients, or none if no client."""

    def reader(name: str, *lines: str) -> frozenset[str]:
        (found,) = resolver.letter(AddressBlock(name, lines, names=(name,)))
        return found.clients if found.kind is RecipientKind.CLIENT else frozenset()

    return reader
