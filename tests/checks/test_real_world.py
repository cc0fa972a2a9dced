"""Issue 9's capabilities as a privacy officer would check them, each incident beside its legitimate twin."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from dlp.config import Config
from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Verdict
from dlp.policy import Policy
from dlp.registry import RegistryIndex
from dlp.scanner import Scanner
from tests.conftest import rules
from tests.synthetic import SyntheticClient, SyntheticRegistry, account_body, email, letter


@pytest.fixture(scope="module")
def world(synthetic: SyntheticRegistry) -> SyntheticRegistry:
    """The shared synthetic registry with what this module needs: the victim's email suppressed too, and a
    joint holder who has an account of her own."""
    reg = copy.deepcopy(synthetic)
    reg.victim.suppressed = ["postal_address", "phone", "email"]
    reg.victim.references.append("77" + reg.victim.references[-1][2:] + "9")  # her own new account
    return reg


@pytest.fixture(scope="module")
def scanner(world: SyntheticRegistry, config: Config) -> Scanner:
    return Scanner(config, RegistryIndex(world.to_clients()), Policy.load())


@pytest.fixture
def scan(scanner: Scanner) -> Callable[[bytes | str], Verdict]:
    def run(item: bytes | str) -> Verdict:
        if isinstance(item, str):
            return scanner.scan(communication_from_letter(item.encode(), "letter.txt"), record=False)
        return scanner.scan(communication_from_message(item, "m.eml"), record=False)

    return run


def _joint_notice(reg: SyntheticRegistry) -> str:
    shared = reg.victim.references[0]
    return f"Your joint account {shared} is in credit. No payment is needed."


# --- 2. the recipient's own details are not content -------------------------------------------------------------
def test_letter_to_new_occupant_at_former_clients_address(world: SyntheticRegistry, scan) -> None:
    """The delivery address belongs to a client; the letter to the occupier names nobody else's data."""
    c = world.ordinary()[30]
    text = "To the Occupier\n" + "\n".join(c.address_lines()) + "\n\nWe will read the water meter on Monday.\n"
    assert not scan(text).blocked


def test_occupier_notice_with_another_clients_account_is_blocked(world: SyntheticRegistry, scan) -> None:
    c, other = world.ordinary()[30:32]
    text = "The Resident\n" + "\n".join(c.address_lines()) + f"\n\nAccount {other.reference} is overdue.\n"
    assert "mismatched_recipient" in rules(scan(text))


def test_occupier_notice_never_says_whose_it_is(world: SyntheticRegistry, scan) -> None:
    """The resident's own account to "the occupier": whoever opens it is not identified (seed 002)."""
    c = world.ordinary()[30]
    text = "To the Occupier\n" + "\n".join(c.address_lines()) + f"\n\nAccount {c.reference} is overdue.\n"
    assert "mismatched_recipient" in rules(scan(text))


def test_occupier_of_the_victims_own_address_is_allowed(world: SyntheticRegistry, scan) -> None:
    text = "The Occupier\n" + "\n".join(world.victim.address_lines()) + "\n\nWater off on Monday.\n"
    assert not scan(text).blocked


def test_address_block_is_not_a_second_client(world: SyntheticRegistry, scan) -> None:
    """A letter to the right client carrying only their data is one client, not 'mixed documents'."""
    c = world.ordinary()[33]
    verdict = scan(letter(c, account_body(c) + f"\n\nSupply address: {c.postal_address}"))
    assert not verdict.blocked, verdict.violations


# --- 3. relationships ---------------------------------------------------------------------------------------------
def test_joint_holder_may_receive_the_joint_account(world: SyntheticRegistry, scan) -> None:
    verdict = scan(email([world.ex_partner.email], "Joint account", _joint_notice(world)))
    assert not verdict.blocked, verdict.violations


def test_joint_holder_may_not_receive_the_other_holders_own_account(world: SyntheticRegistry, scan) -> None:
    own = world.victim.references[-1]
    verdict = scan(email([world.ex_partner.email], "Accounts", _joint_notice(world) + f" New account {own} opened."))
    assert "mismatched_recipient" in rules(verdict)


def test_representative_who_is_a_client_may_receive_the_clients_letter(world: SyntheticRegistry, scan) -> None:
    rep = world.by_id(next(x for x in world.represented.authorised_contacts if "@" not in x))
    body = f"About {world.represented.name}'s account {world.represented.reference}: it is paid in full."
    assert not scan(letter(rep, body)).blocked


def test_representative_letter_with_a_third_clients_data_is_blocked(world: SyntheticRegistry, scan) -> None:
    rep = world.by_id(next(x for x in world.represented.authorised_contacts if "@" not in x))
    third = world.ordinary()[40]
    body = f"Account {world.represented.reference} is paid. Also account {third.reference}."
    assert "mismatched_recipient" in rules(scan(letter(rep, body)))


def test_letter_to_two_people_is_addressed_to_both(world: SyntheticRegistry, scan) -> None:
    a, b = world.victim, world.ex_partner
    name = f"{a.given_name} and {b.given_name} {b.family_name}"
    text = letter(b, _joint_notice(world), name=name)
    assert not scan(text).blocked


def test_letter_to_both_holders_with_one_holders_own_account_is_blocked(world: SyntheticRegistry, scan) -> None:
    """Each person the address block names reads it: each must be allowed what it says."""
    a, b = world.victim, world.ex_partner
    name = f"{a.given_name} and {b.given_name} {b.family_name}"
    body = _joint_notice(world) + f" Your other account {b.references[-1]} is closed."
    assert "mismatched_recipient" in rules(scan(letter(b, body, name=name)))


# --- 4. headers and links -----------------------------------------------------------------------------------------
def test_suppressed_email_in_cc_of_joint_notice_is_rejected(world: SyntheticRegistry, scan) -> None:
    message = email([world.ex_partner.email], "Joint account", _joint_notice(world), cc=[world.victim.email])
    verdict = scan(message)
    assert "suppressed_detail_exposed" in rules(verdict) and verdict.decision.value == "reject"


def test_joint_notice_to_each_holder_separately_is_allowed(world: SyntheticRegistry, scan) -> None:
    for holder in (world.victim, world.ex_partner):
        assert not scan(email([holder.email], "Joint account", _joint_notice(world))).blocked


def test_suppressed_email_in_display_name_or_reply_to_is_rejected(world: SyntheticRegistry, scan) -> None:
    message = email([world.ex_partner.email], "Joint account", _joint_notice(world))
    forged = message.replace(b"Subject:", b"Reply-To: " + world.victim.email.encode() + b"\r\nSubject:", 1)
    assert "suppressed_detail_exposed" in rules(scan(forged))


def test_suppressed_email_in_html_mailto_is_rejected(world: SyntheticRegistry, scan) -> None:
    html = f'<p>Contact <a href="mailto:{world.victim.email}">the other holder</a>.</p>'
    message = email([world.ex_partner.email], "Joint account", _joint_notice(world), html=html)
    assert "suppressed_detail_exposed" in rules(scan(message))


# --- 5. suppressed details written loosely ------------------------------------------------------------------------
def _hidden(c: SyntheticClient) -> tuple[str, str]:
    street = f"{c.number} {c.street} {c.street_type[0]}"
    return street, f"{c.suburb} VIC {c.postcode}"


@pytest.mark.parametrize(
    "write",
    [
        lambda s, loc, c: f"{s.upper()}\n{loc.upper()}",
        lambda s, loc, c: f"Street: {s}\nSuburb: {c.suburb}\nState: Victoria\nPostcode: {c.postcode}",
        lambda s, loc, c: f"{s.replace(c.street, c.street[:2] + c.street[3] + c.street[2] + c.street[4:])}, {loc}",
        lambda s, loc, c: f"{s} | {c.suburb} | VIC | {c.postcode}",
    ],
    ids=["capitals", "form", "typo", "table"],
)
def test_suppressed_address_written_loosely_is_rejected(world: SyntheticRegistry, scan, write) -> None:
    street, locality = _hidden(world.victim)
    body = _joint_notice(world) + "\n\nThe other holder's address:\n" + write(street, locality, world.victim)
    assert "suppressed_detail_exposed" in rules(scan(letter(world.ex_partner, body)))


def test_neighbours_address_is_not_the_victims(world: SyntheticRegistry, scan) -> None:
    v = world.victim
    number = v.number.split("/")[-1]
    neighbour = f"{int(number) + 2} {v.street} {v.street_type[0]}, {v.suburb} VIC {v.postcode}"
    verdict = scan(letter(world.ex_partner, _joint_notice(world) + f"\n\nWorks are planned outside {neighbour}."))
    assert "suppressed_detail_exposed" not in rules(verdict)


@pytest.mark.parametrize("form", ["+61 {n}", "({a}) {b}", "{a}.{b}", "+61 (0){n}"])
def test_suppressed_phone_written_any_way_is_rejected(world: SyntheticRegistry, scan, form: str) -> None:
    digits = "".join(ch for ch in world.victim.phone if ch.isdigit())
    number = form.format(n=digits[1:], a=digits[:4], b=digits[4:])
    body = _joint_notice(world) + f"\nCall the other holder on {number}."
    assert "suppressed_detail_exposed" in rules(scan(email([world.ex_partner.email], "Joint", body)))


# --- 6. identifiers and dates as people write them ------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["{d} {B} {Y}", "{d}th of {B} {Y}", "{dd}-{b}-{Y}", "{dd}/{mm}/{y}", "{d}.{m}.{Y}"])
def test_twin_identified_by_birth_date_in_any_form(world: SyntheticRegistry, scan, fmt: str) -> None:
    a, b = world.twin_a, world.twin_b
    dob = b.date_of_birth
    written = fmt.format(
        d=dob.day,
        dd=f"{dob.day:02d}",
        B=dob.strftime("%B"),
        b=dob.strftime("%b"),
        Y=dob.year,
        mm=f"{dob.month:02d}",
        m=dob.month,
        y=f"{dob.year % 100:02d}",
    )
    body = f"Claim approved for {b.given_name} Marie {b.family_name.upper()} (born {written})."
    assert "mismatched_recipient" in rules(scan(email([a.email], "Claim", body)))


def test_twin_with_own_birth_date_is_allowed(world: SyntheticRegistry, scan) -> None:
    a = world.twin_a
    body = f"Claim approved for {a.family_name.upper()}, {a.given_name} (born {a.date_of_birth:%d/%m/%Y})."
    assert not scan(email([a.email], "Claim", body)).blocked


@pytest.mark.parametrize("glued", ["Acct{r}", "{r}A", "ref:{r}."])
def test_reference_glued_to_letters_is_found(world: SyntheticRegistry, scan, glued: str) -> None:
    a, b = world.ordinary()[50:52]
    verdict = scan(email([a.email], "Account", "Balance for " + glued.format(r=b.reference)))
    assert "mismatched_recipient" in rules(verdict)


def test_cli_scan_of_window_envelope_and_joint_notice(tmp_path: Path, world: SyntheticRegistry, config) -> None:
    """Through the public command: the dangerous Cc is refused, its twin passes."""
    import json
    import subprocess
    import sys

    registry = world.write(tmp_path / "clients.csv")
    (tmp_path / "dlp.toml").write_text(
        '[organisation]\ninternal_domains = ["riverbendwater.example"]\n[store]\nurl = "sqlite:///dlp.db"\n'
    )
    bad = email([world.ex_partner.email], "Joint account", _joint_notice(world), cc=[world.victim.email])
    good = email([world.ex_partner.email], "Joint account", _joint_notice(world))
    (tmp_path / "bad.eml").write_bytes(bad)
    (tmp_path / "good.eml").write_bytes(good)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "dlp.cli.main",
            "scan",
            "--registry",
            str(registry),
            "--config",
            str(tmp_path / "dlp.toml"),
            "--json",
            str(tmp_path / "good.eml"),
            str(tmp_path / "bad.eml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["decision"] for line in lines] == ["allow", "reject"]
    assert lines[1]["findings"][0]["rule"] == "suppressed_detail_exposed"
    assert world.victim.email not in out.stdout


def test_letter_to_a_business_name_at_a_clients_post_office_box(tmp_path: Path, config: Config) -> None:
    """A box is its holder's alone; but the victim's box addressed to her ex-partner by name is an exposure."""
    registry = tmp_path / "clients.csv"
    registry.write_text(
        "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,"
        "joint_with,authorised_contacts\n"
        'C1,Mehmet,Yilmaz,1957-12-16,accounts@sunrise.example,,"PO Box 9859, Dandenong VIC 3175",40325857298,,,\n'
        'C2,Tom,Wallace,1973-03-05,,,"PO Box 3697, Midland WA 6056",57984492667,postal_address,C3,\n'
        'C3,Quang Joseph,Wallace,1999-09-02,,,"34 Murray Gr, Katherine NT 0850",57984492667,,C2,\n'
    )
    from dlp.registry import load_registry

    scanner = Scanner(config, load_registry(str(registry)), Policy.load())

    def scan_text(text: str) -> Verdict:
        return scanner.scan(communication_from_letter(text.encode(), "l.txt"), record=False)

    business = "Sunrise Bakery\nPO Box 9859\nDANDENONG VIC 3175\n\nDear Customer,\nAccount 4032 5857 298 prices.\n"
    assert not scan_text(business).blocked
    ex_partner = "Mr Q Wallace\nPO Box 3697\nMIDLAND WA 6056\n\nDear Mr Wallace,\nJoint account 57984492667.\n"
    assert "suppressed_detail_exposed" in rules(scan_text(ex_partner))


def test_names_without_their_diacritics_still_match(world: SyntheticRegistry, config: Config) -> None:
    from dlp.registry.names import name_matches

    assert name_matches("Mr Duc Le", "Đức", "Lê")
    assert name_matches("Dr D Nguyen", "Đức Marie", "Nguyễn")
    assert name_matches("Miss C D'Arcy", "Charlotte", "D'Arcy")
    assert name_matches("TAYLOR-NG, Linh", "Linh", "Taylor-Ng")
    assert not name_matches("Mr Q Wallace", "Tom", "Wallace")
    # an initial is a given name's first letter, not any letter of it
    assert name_matches("Ms M Fraser", "Mia", "Fraser") and not name_matches("Ms M Fraser", "Sam", "Fraser")
    assert not name_matches("Mr A Kowalczyk", "Leah", "Kowalczyk")
    # a family name spaced otherwise than the registry's
    assert name_matches("Ms J Vanderberg", "Jan", "van der Berg") and name_matches("Mr J DeSouza", "John", "De Souza")


def test_a_long_family_name_does_not_make_another_given_name_a_typo() -> None:
    """ "Jasper Rodriguez" (a child the registry does not hold) is not his mother Ayse, though the two names are
    87 apart by letters; typos in the given name still match."""
    from dlp.registry.names import name_matches

    assert not name_matches("Jasper Rodriguez", "Ayse", "Rodriguez")
    assert name_matches("Zak Nguyen", "Zac", "Nguyen") and name_matches("Mai Fraser", "Mia", "Fraser")
    assert name_matches("Jonh Smith", "John", "Smith") and name_matches("Micheal O'Brien", "Michael", "O'Brien")
    assert name_matches("Maryanne Smith", "Mary-Anne", "Smith") and name_matches("Stephen Lee", "Steven", "Lee")


def test_single_names_and_repeated_names() -> None:
    from dlp.registry.names import name_matches

    assert name_matches("Suharti", "", "Suharti") and name_matches("SUHARTI", "Suharti", "Suharti")
    assert name_matches("Mr Abdi Abdi", "Abdi", "Abdi")
    assert not name_matches("Mr Ali Abdi", "Abdi", "Abdi")
    assert name_matches("Mr D Deng", "Deng", "Deng") and not name_matches("Mr A Deng", "Deng", "Deng")


def test_letter_to_a_couple_at_their_address_with_one_persons_own_number_is_blocked(
    world: SyntheticRegistry,
) -> None:
    """Both registered at the address, both named: still each reads only what is theirs or both hold (issue 9,
    point 3), so his own customer number on their joint letter is held; their shared reference is not."""
    a, b = (copy.deepcopy(c) for c in world.ordinary()[40:42])
    b.family_name = a.family_name
    b.number, b.street, b.street_type, b.suburb, b.postcode = a.number, a.street, a.street_type, a.suburb, a.postcode
    shared = "JH" + a.reference[2:]
    a.references, b.references = [shared, *a.references], [shared, *b.references]
    a.joint_with, b.joint_with = [b.client_id], [a.client_id]
    reg = copy.deepcopy(world)
    reg.clients = [c for c in reg.clients if c.client_id not in {a.client_id, b.client_id}] + [a, b]
    scanner = Scanner(Config(), RegistryIndex(reg.to_clients()), Policy.load())
    name = f"Ms {a.given_name[0]} {a.family_name} & Mr {b.given_name[0]} {b.family_name}"
    ok = letter(a, f"Your joint policy {shared} renews next month.", name=name)
    assert not scanner.scan(communication_from_letter(ok.encode(), "l.txt"), record=False).blocked
    own = letter(a, f"Your joint policy {shared} renews. Customer number {b.references[-1]}.", name=name)
    bad = scanner.scan(communication_from_letter(own.encode(), "l.txt"), record=False)
    assert "mismatched_recipient" in rules(bad)


@pytest.mark.parametrize("role", ["The Policyholder", "The Account Holder", "To the Customer"])
def test_letter_to_a_role_at_a_clients_address_is_for_that_client(world: SyntheticRegistry, scan, role: str) -> None:
    c, other = world.ordinary()[44:46]
    body = f"Your premium is changing. Policy {c.reference}."
    assert not scan(letter(c, body, name=role)).blocked
    assert "mismatched_recipient" in rules(scan(letter(c, body + f" See also policy {other.reference}.", name=role)))
    nobody = role + "\n1 Nowhere Street\nNOWHERE VIC 3999\n\n" + body
    assert "mismatched_recipient" in rules(scan(nobody))  # a role at an address no client has: nobody known


def _scanner_of(tmp_path: Path, config: Config, rows: str) -> Callable[[str], Verdict]:
    from dlp.registry import load_registry
    from tests.rules.registry import HEADER

    (tmp_path / "clients.csv").write_text(HEADER + rows)
    scanner = Scanner(config, load_registry(str(tmp_path / "clients.csv")), Policy.load())
    return lambda text: scanner.scan(communication_from_letter(text.encode(), "l.txt"), record=False)


def test_initials_run_together_name_the_client_unless_someone_has_that_name(tmp_path: Path, config: Config) -> None:
    """Old systems print "MS AJ OKAFOR": two initials, not a name, at her own address. "MR ED OKAFOR", a client
    of that name registered elsewhere (her former partner), is still Ed."""
    scan_text = _scanner_of(
        tmp_path,
        config,
        'C1,Amara,Okafor,1969-08-25,,,"69 Boronia Road, Griffith NSW 2680",CM166907,postal_address,C2,\n'
        'C2,Ed,Okafor,1965-01-02,,,"4 Banna Avenue, Griffith NSW 2680",CM166907,,C1,\n'
        'C4,Emily,Dawes,1980-02-03,,,"30 Merri Street, Northcote VIC 3070",RT-4001,postal_address,C5,\n'
        'C5,Edward,Dawes,1978-04-05,,,"8 Arthurton Road, Reservoir VIC 3073",RT-4001,,C4,\n',
    )
    body = "\n\nDEAR MS OKAFOR\n\nYOUR STATEMENT FOR ACCOUNT CM166907 IS ENCLOSED.\n"
    assert not scan_text("MS AJ OKAFOR\n69 BORONIA RD\nGRIFFITH NSW 2680" + body).blocked
    assert not scan_text("Ms AJ Okafor\n69 Boronia Rd\nGRIFFITH NSW 2680" + body).blocked
    assert "suppressed_detail_exposed" in rules(scan_text("MR ED OKAFOR\n69 BORONIA RD\nGRIFFITH NSW 2680" + body))
    assert "mismatched_recipient" in rules(scan_text("MS BJ OKAFOR\n69 BORONIA RD\nGRIFFITH NSW 2680" + body))
    # Three capitals with a vowel are a name ("TOM"), not initials: another person at her address.
    assert "mismatched_recipient" in rules(scan_text("MR TOM OKAFOR\n69 BORONIA RD\nGRIFFITH NSW 2680" + body))
    # "ED" may be the initials of Edward, her former partner registered elsewhere: no one's known (review N-1); and a
    # business name at her suppressed address is anyone's, not hers (N-2).
    dawes = "\n\nDear Mr Dawes,\n\nYour joint account RT-4001 is in credit.\n"
    assert "suppressed_detail_exposed" in rules(scan_text("MR ED DAWES\n30 MERRI ST\nNORTHCOTE VIC 3070" + dawes))
    assert "suppressed_detail_exposed" in rules(scan_text("Dawes Electrical\n30 Merri St\nNORTHCOTE VIC 3070" + dawes))


def test_a_business_name_at_a_clients_street_address_is_the_client(tmp_path: Path, config: Config) -> None:
    """A sole trader's business at the address the client is registered at reads the client's own letters; another
    client's details in them are still held, and the business at an address no client has is no one known."""
    scan_text = _scanner_of(
        tmp_path,
        config,
        'C1,Dylan,Marsh,1980-01-02,,,"37 Meurant Road, Forest Hill NSW 2651",BAS-4471,,,\n'
        'C2,Rhea,Coates,1981-03-04,,,"9 Lake Street, Wagga Wagga NSW 2650",BAS-5582,,,\n',
    )
    block = "Coolabah Plumbing Pty Ltd\n37 Meurant Road\nFOREST HILL NSW 2651\n\nDear Sir or Madam,\n\n"
    assert not scan_text(block + "Your activity statement BAS-4471 is due on 28 October.\n").blocked
    assert "mismatched_recipient" in rules(scan_text(block + "Your activity statement BAS-5582 is due.\n"))
    # Greeting someone who is not the client there: "Dear Ms Coates" under the business's name (review N-2).
    greeted = block.replace("Dear Sir or Madam", "Dear Ms Coates")
    assert "mismatched_recipient" in rules(scan_text(greeted + "Your activity statement BAS-4471 is due.\n"))
    elsewhere = block.replace("37 Meurant Road", "12 Hammond Avenue")
    assert "mismatched_recipient" in rules(scan_text(elsewhere + "Your activity statement BAS-4471 is due.\n"))


def test_reply_paid_is_a_postal_address_and_an_approved_body_reads_it(tmp_path: Path, config: Config) -> None:
    """ "Reply Paid 7800, CANBERRA BC ACT 2610" is a delivery service's address: a letter to Services Australia there
    is to that approved body, not to the letterhead's own address."""
    from dataclasses import replace

    approved = replace(
        config, organisation=replace(config.organisation, approved_recipient_domains=("servicesaustralia.example",))
    )
    scan_text = _scanner_of(
        tmp_path, approved, 'C1,Gwen,Quinlan,1940-01-02,,,"2 Mitchell Close, Bankstown NSW 2200",431457913B,,,\n'
    )
    letter_text = (
        "Nominee Services\nServices Australia - Centrelink\nReply Paid 7800\nCANBERRA BC ACT 2610\n\n"
        "Dear Sir or Madam,\n\nCustomer: Mrs Gwen Quinlan  CRN: 431 457 913B\nPlease update her assets.\n"
    )
    assert not scan_text(letter_text).blocked
    stranger = letter_text.replace("Services Australia - Centrelink", "Bankstown Traders")
    assert "mismatched_recipient" in rules(scan_text(stranger))
