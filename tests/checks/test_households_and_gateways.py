"""Mail that a plan manager, a disability service or a support provider sends every day, each incident beside its
legitimate twin: a parent who is a child's nominee, residents of one shared house, SMS sent through an email
gateway, placeholders named after the person."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dlp.config import Config
from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Verdict
from dlp.policy import Policy
from dlp.registry import load_registry
from dlp.scanner import Scanner
from tests.conftest import rules
from tests.synthetic import ORG_DOMAIN

HEADER = (
    "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,"
    "joint_with,authorised_contacts\n"
)
# A mother and her son share a suppressed address (she is his nominee); his father lives elsewhere. Two residents
# of one shared house, each in a room of their own. A participant reached by SMS. Joint tenants whose initial is
# the same. Joint holders both registered at her suppressed address, sharing a mobile. Joint holders whose
# initial is the same, her phone suppressed. A victim who moved out and her ex-partner. Joint holders of one post
# office box, hers suppressed. A client at a legal service's post office box, and one written to care of it. A
# housemate of the ex-partner.
ROWS = (
    'C1,Aleesha,Selson,1983-02-04,a.selson@mail.example,0460 363 295,"RMB 2140, Marong VIC 3515",,'
    "postal_address;phone;email,,\n"
    'C2,Alistair,Selson,2015-08-19,,,"RMB 2140, Marong VIC 3515",430095170;WPP-135046,postal_address,,C1\n'
    'C3,Nate,Selson,1974-07-04,nselson@mail.example,0458 905 843,"10 Tarrengower Street, Strathfieldsaye VIC 3551",'
    ",,,\n"
    'C4,Verity,Marmont,1993-11-04,,0476 301 520,"Room 2, 14 Kurrajong Street, Epsom VIC 3551",433807971,,,\n'
    'C5,Odette,Halton,1981-02-20,,,"Room 3, 14 Kurrajong Street, Epsom VIC 3551",439529928,,,\n'
    'C6,Orson,Pell,1990-05-05,,0429 535 553,"5 Hill Road, Sale VIC 3850",438001122,,,\n'
    'C7,Ananya,Saunders,1977-07-17,,,"28 Banksia Street, Caboolture QLD 4510",205464053F;TN1216214,,C8,\n'
    'C8,Archie,Saunders,2000-12-13,archie@mail.example,,"28 Banksia Street, Caboolture QLD 4510",369210788G;TN1216214,,'
    "C7,\n"
    'C9,Vera,Dunmore,1985-01-01,,0400 111 222,"22 Acacia Avenue, Sale VIC 3850",AC901;JT900,postal_address,C10,\n'
    'C10,Colm,Dunmore,1984-01-01,,0400 111 222,"22 Acacia Avenue, Sale VIC 3850",AC902;JT900,,C9,\n'
    'C11,Jane,Ash,1980-01-01,,0411 999 888,"1 Main Street, Sale VIC 3850",JA5000001;JA1001,phone,C12,\n'
    'C12,John,Ash,1979-01-01,,,"1 Main Street, Sale VIC 3850",JA5000001;JA1002,,C11,\n'
    'C13,Vicky,Cole,1980-01-01,,,"7 Hidden Lane, Sale VIC 3850",VC1001;JC900,postal_address,C14,\n'
    'C14,Paul,Cole,1978-01-01,,,"3 Old Road, Sale VIC 3850",PC1002;JC900,,C13,\n'
    'C15,Amy,Lee,1982-01-01,,0433 555 666,"PO Box 55, Sale VIC 3850",LJ700,postal_address;phone,C16,\n'
    'C16,Brian,Lee,1981-01-01,,,"PO Box 55, Sale VIC 3850",LJ700,,C15,\n'
    'C17,Tom,Brown,1970-01-01,,,"PO Box 123, Sydney NSW 2001",TB100,,,\n'
    'C18,Ann,Lee,1975-01-01,,,"5 Park Street, Sale VIC 3850",AL100200,,,\n'
    'C19,Harry,Stone,1990-09-09,,,"3 Old Road, Sale VIC 3850",HS1007,,,\n'
)


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Callable[[bytes | str], Verdict]:
    registry: Path = tmp_path_factory.mktemp("households") / "clients.csv"
    registry.write_text(HEADER + ROWS)
    scanner = Scanner(config, load_registry(str(registry)), Policy.load())

    def run(item: bytes | str) -> Verdict:
        if isinstance(item, str):
            return scanner.scan(communication_from_letter(item.encode(), "letter.txt"), record=False)
        return scanner.scan(communication_from_message(item, "m.eml"), record=False)

    return run


LETTERHEAD = "Wattlebrook Plan Partners\nPO Box 1180, Bendigo VIC 3552\nPh 1300 927 285\n\n"


def _letter(block: str, body: str, greeting: str = "Sir or Madam") -> str:
    """A letter under the letterhead: its address block (lines joined by newlines), greeting and body."""
    return f"{LETTERHEAD}{block}\n\nDear {greeting},\n\n{body}\n"


STATEMENT = (
    "\n\nDear {greeting},\n\nParticipant: Alistair Selson\nNDIS number: 430 095 170\nOur reference: WPP-135046\n"
)


def test_a_childs_statement_to_his_nominee_mother_at_their_home(scan) -> None:
    """Her address is his too: the delivery address exposes nothing, and the line naming him is no reader."""
    text = LETTERHEAD + "Aleesha Selson\nParent/nominee of Alistair Selson\nRMB 2140\nMARONG VIC 3515"
    verdict = scan(text + STATEMENT.format(greeting="Aleesha"))
    assert not verdict.blocked, verdict.violations


def test_the_same_statement_to_his_father_is_blocked(scan) -> None:
    text = LETTERHEAD + "Nate Selson\n10 Tarrengower Street\nSTRATHFIELDSAYE VIC 3551"
    assert "mismatched_recipient" in rules(scan(text + STATEMENT.format(greeting="Nate")))


def test_the_father_at_the_childs_suppressed_address_is_blocked(scan) -> None:
    """Naming himself the child's parent does not make him a reader at the hidden address."""
    text = LETTERHEAD + "Nate Selson\nParent of Alistair Selson\nRMB 2140\nMARONG VIC 3515"
    assert "suppressed_detail_exposed" in rules(scan(text + STATEMENT.format(greeting="Nate")))


def _room_letter(room: str, reference: str) -> str:
    block = f"Ms Verity Marmont\n{room}\n14 Kurrajong Street\nEPSOM  VIC  3551"
    return _letter(block, f"NDIS number: {reference}\nHere is your statement.", "Verity")


def test_a_resident_of_a_shared_house_receives_her_own_statement(scan) -> None:
    assert not scan(_room_letter("Room 2", "433 807 971")).blocked


def test_a_housemates_statement_in_her_envelope_is_blocked(scan) -> None:
    assert "mismatched_recipient" in rules(scan(_room_letter("Room 2", "439 529 928")))


def _sms(mailbox: str, body: str) -> bytes:
    return f"From: sms@{ORG_DOMAIN}\nTo: {mailbox}@sms.gateway.example\nSubject: SMS\n\n{body}\n".encode()


@pytest.mark.parametrize("mailbox", ["61429535553", "0429535553", "+61429535553"])
def test_an_sms_to_the_participants_own_phone_is_allowed(scan, mailbox: str) -> None:
    verdict = scan(_sms(mailbox, "Hi Orson, your NDIS number 438 001 122 is linked. Reply C to confirm."))
    assert not verdict.blocked, verdict.violations
    assert verdict.recipients[0].clients == {"C6"}


def test_an_sms_to_one_participant_about_another_is_blocked(scan) -> None:
    verdict = scan(_sms("61429535553", "Hi Orson, Verity's NDIS number 433 807 971 is linked."))
    assert "mismatched_recipient" in rules(verdict)


def test_a_mailbox_that_only_contains_a_phone_number_is_no_gateway(scan) -> None:
    """Only a mailbox that is the number, nothing else, stands for that phone."""
    verdict = scan(_sms("orson.0429535553", "Hi Orson, your NDIS number 438 001 122 is linked."))
    assert verdict.blocked and verdict.recipients[0].clients == frozenset()


@pytest.mark.parametrize(
    "field",
    ["[Participant Name]", "[Nominee's Name]", "[Participant No.]", "[PARTICIPANT DOB]", "Dear [Guardian Name]"],
)
def test_placeholders_named_after_the_person_are_unmerged_fields(scan, field: str) -> None:
    text = _room_letter("Room 2", "433 807 971").replace("Here is your statement.", f"Statement for {field}.")
    assert rules(scan(text)) == {"unmerged_field"}, field


def _joint_tenancy_letter(crns: str) -> str:
    block = "Ms A. Saunders\n28 BANKSIA ST\nCABOOLTURE QLD\n4510"
    return _letter(block, f"Joint tenancy TN1216214. We used the income statements for CRN {crns}.", "Ms Saunders")


def test_a_letter_to_one_of_two_joint_tenants_with_her_own_number_is_allowed(scan) -> None:
    """'Ms A. Saunders' may be Ananya or Archie: the shared tenancy and one tenant's own number reach one of them."""
    verdict = scan(_joint_tenancy_letter("205 464 053F"))
    assert not verdict.blocked, verdict.violations
    assert verdict.recipients[0].one_of and verdict.recipients[0].clients == {"C7", "C8"}


def test_each_tenants_own_number_to_one_of_them_is_blocked(scan) -> None:
    """Whichever of the two opens it, the other's own number reaches them."""
    verdict = scan(_joint_tenancy_letter("205 464 053F and 369 210 788 G"))
    assert rules(verdict) == {"mismatched_recipient"}
    assert "only one of whom the addressee can be" in verdict.violations[0].explanation


def test_the_parent_or_guardian_of_a_child_at_his_home(scan) -> None:
    text = LETTERHEAD + "To the Parent/Guardian of Alistair Selson\nRMB 2140\nMARONG VIC 3515"
    verdict = scan(text + STATEMENT.format(greeting="Parent or Guardian"))
    assert not verdict.blocked, verdict.violations


def test_a_joint_holder_registered_at_her_suppressed_address_is_still_no_reader_of_it(scan) -> None:
    """Staff moved both holders of the joint account: her suppressed address is still not his to be sent to."""
    text = _letter("Mr Colm Dunmore\n22 Acacia Avenue\nSALE VIC 3850", "Your account AC902.", "Colm")
    assert "suppressed_detail_exposed" in rules(scan(text))


def test_a_mobile_two_clients_share_reaches_one_of_them(scan) -> None:
    verdict = scan(_sms("61400111222", "Hi, your joint account JT900 payment is due."))
    assert not verdict.blocked, verdict.violations
    assert verdict.recipients[0].one_of and verdict.recipients[0].clients == {"C9", "C10"}
    assert scan(_sms("61400111222", "Hi, accounts AC901 and AC902 are overdue.")).blocked


def _to_ash(body: str, name: str = "J. Ash") -> str:
    return _letter(f"{name}\n1 Main Street\nSALE VIC 3850", body, name)


def test_her_suppressed_phone_to_a_name_that_may_be_her_ex_partner_is_rejected(scan) -> None:
    assert not scan(_to_ash("Joint account JA5000001 is in credit.")).blocked
    verdict = scan(_to_ash("Joint account JA5000001. We will text Jane on 0411 999 888."))
    assert "suppressed_detail_exposed" in rules(verdict)
    assert not scan(_to_ash("We will text you on 0411 999 888.", "Ms Jane Ash")).blocked


def test_a_name_that_may_be_the_unprotected_holder_at_her_suppressed_address_is_rejected(scan) -> None:
    text = _letter("Mr Dunmore\n22 Acacia Avenue\nSALE VIC 3850", "Joint account JT900.", "Mr Dunmore")
    assert "suppressed_detail_exposed" in rules(scan(text))


def test_her_representative_is_no_reader_of_her_suppressed_address(scan) -> None:
    text = _letter("Mr Paul Cole\nOn behalf of Vicky Cole\n7 Hidden Lane\nSALE VIC 3850", "Joint account JC900.")
    assert "suppressed_detail_exposed" in rules(scan(text))


@pytest.mark.parametrize("line", ["To the Next of Kin of Vicky Cole", "On behalf of Vicky Cole"])
def test_acting_for_a_client_at_an_address_she_is_not_registered_at_is_held(scan, line: str) -> None:
    text = _letter(f"{line}\n3 Old Road\nSALE VIC 3850", "Vicky Cole's account VC1001.")
    assert scan(text).blocked


def test_a_joint_holder_who_moved_out_is_no_household_member(scan) -> None:
    body = "Joint account JC900. Vicky Cole (born 1 January 1980) has applied for a transfer."
    text = _letter("Mr Paul Cole\n3 Old Road\nSALE VIC 3850", body, "Mr Cole")
    assert "mismatched_recipient" in rules(scan(text))


def test_a_household_review_to_a_name_either_tenant_answers_to(scan) -> None:
    text = _joint_tenancy_letter("205 464 053F").replace(
        "We used", "On the lease: Ananya Saunders, born 17 July 1977; Archie Saunders, born 13 December 2000. We used"
    )
    assert not scan(text).blocked


def test_a_landline_is_no_sms_gateway_mailbox(scan) -> None:
    assert scan(_sms("0354412233", "Hi Orson, your NDIS number 438 001 122 is linked.")).blocked


@pytest.mark.parametrize(
    "text",
    ["support worker ([Worker Name]) was counselled", "the box marked [Medicare Number]", "[Employee Name] redacted"],
)
def test_redaction_marks_and_form_labels_are_no_unmerged_fields(scan, text: str) -> None:
    letter = _room_letter("Room 2", "433 807 971").replace("Here is your statement.", text)
    assert not scan(letter).blocked


def _household_review(member: str) -> str:
    body = f"Tenancy TN1216214. The people on your lease are: Archie Saunders (tenant); {member} (household member)."
    return _letter("Mr Archie Saunders\n28 Banksia Street\nCABOOLTURE QLD 4510", body, "Mr Saunders")


def test_a_household_review_lists_the_joint_tenants_name_and_birth_date(scan) -> None:
    verdict = scan(_household_review("Ananya Saunders, born 17 July 1977"))
    assert not verdict.blocked, verdict.violations


def test_a_household_review_listing_someone_of_another_tenancy_is_blocked(scan) -> None:
    assert "mismatched_recipient" in rules(scan(_household_review("Verity Marmont, born 4 November 1993")))


def test_the_joint_tenants_own_number_is_still_hers_alone(scan) -> None:
    assert "mismatched_recipient" in rules(scan(_household_review("Ananya Saunders, CRN 205 464 053F")))


def _to_cole(block: str, body: str) -> str:
    return _letter(f"{block}\nSALE VIC 3850", body)


def test_care_of_a_stranger_at_her_ex_partners_address_reaches_him(scan) -> None:
    text = _to_cole("Ms Vicky Cole\nc/- Mr John Smith\n3 Old Road", "Your new address is 7 Hidden Lane, Sale VIC 3850.")
    assert "suppressed_detail_exposed" in rules(scan(text))


def test_a_title_and_family_name_at_her_address_may_be_her_ex_partner(scan) -> None:
    """'Mr Cole' answers to Vicky, registered there, and to Paul, her joint holder who lives elsewhere."""
    verdict = scan(_to_cole("Mr Cole\n7 Hidden Lane", "Joint account JC900."))
    assert verdict.recipients[0].one_of and verdict.recipients[0].clients == {"C13", "C14"}
    assert "suppressed_detail_exposed" in rules(verdict)


@pytest.mark.parametrize(
    ("block", "body"),
    [
        ("The Account Holder\n22 Acacia Avenue", "Joint account JT900."),
        ("The Account Holder\nPO Box 55", "Joint account LJ700. We will call on 0433 555 666."),
        ("Mr John Smith\nPO Box 55", "Joint account LJ700. We will call on 0433 555 666."),
    ],
)
def test_a_role_or_stranger_at_joint_holders_address_may_be_the_unprotected_one(scan, block: str, body: str) -> None:
    assert "suppressed_detail_exposed" in rules(scan(_to_cole(block, body)))


def test_an_emailed_household_review_to_a_joint_tenant(scan) -> None:
    body = "Tenancy TN1216214. On the lease: Ananya Saunders, born 17 July 1977 (household member)."
    message = f"From: team@{ORG_DOMAIN}\nTo: archie@mail.example\nSubject: Household review\n\n{body}\n"
    verdict = scan(message.encode())
    assert not verdict.blocked, verdict.violations


@pytest.mark.parametrize("greeting", ["Dear [redacted],", "Hi [Name withheld],", "Dear [sic] Council,"])
def test_redactions_in_a_greeting_are_no_fields(scan, greeting: str) -> None:
    assert not scan(_room_letter("Room 2", "433 807 971").replace("Dear Verity,", greeting)).blocked


@pytest.mark.parametrize("greeting", ["Dear [First-Name],", "Hi [FIRST_NAME1],", "Dear [Name(s)],"])
def test_a_name_field_in_a_greeting_is_unmerged(scan, greeting: str) -> None:
    assert "unmerged_field" in rules(scan(_room_letter("Room 2", "433 807 971").replace("Dear Verity,", greeting)))


def test_her_account_to_her_ex_partner_by_title_and_family_name_is_held(scan) -> None:
    """At his own address 'Mr Cole' is Paul: her own account is not his to read."""
    assert "mismatched_recipient" in rules(scan(_to_cole("Mr Cole\n3 Old Road", "Account VC1001 is in arrears.")))


def test_care_of_an_organisation_at_a_clients_post_office_box(scan) -> None:
    block = "Ms Ann Lee\nc/- Legal Aid NSW\nPO Box 123\nSYDNEY NSW 2001"
    assert not scan(_letter(block, "Your account AL100200 is in credit.", "Ms Lee")).blocked


@pytest.mark.parametrize("greeting", ["Dear [Customer],", "Hi [Participant],"])
def test_a_role_field_in_a_greeting_is_unmerged(scan, greeting: str) -> None:
    assert "unmerged_field" in rules(scan(_room_letter("Room 2", "433 807 971").replace("Dear Verity,", greeting)))


def test_care_of_her_ex_partner_at_her_own_suppressed_address_is_rejected(scan) -> None:
    text = _to_cole("Ms Vicky Cole\nc/- Mr Paul Cole\n7 Hidden Lane", "Your account VC1001.")
    assert "suppressed_detail_exposed" in rules(scan(text))


def test_care_of_an_organisation_at_her_ex_partners_home_is_held(scan) -> None:
    text = _to_cole("Ms Vicky Cole\nc/- Legal Aid NSW\n3 Old Road", "Your account VC1001.")
    assert "mismatched_recipient" in rules(scan(text))


def test_the_account_holder_at_a_protected_mother_and_childs_home(scan) -> None:
    """Whoever of the two opens it is protected by that address; the child's data is his nominee mother's to read."""
    text = _letter("The Account Holder\nRMB 2140\nMARONG VIC 3515", "Reference WPP-135046. Thank you for your letter.")
    assert not scan(text).blocked


@pytest.mark.parametrize("body", ["Your account VC1001.", "We will write to you at 7 Hidden Lane, Sale VIC 3850."])
def test_care_of_a_stranger_at_a_post_office_box_reaches_the_stranger(scan, body: str) -> None:
    """The person it is care of opens it: someone the registry does not know, at an address that is not hers."""
    assert "mismatched_recipient" in rules(scan(_to_cole("Ms Vicky Cole\nc/- Mr John Smith\nPO Box 77", body)))


@pytest.mark.parametrize("body", ["Your account VC1001.", "We will write to you at 7 Hidden Lane, Sale VIC 3850."])
def test_care_of_a_legal_centre_at_its_post_office_box_reaches_her(scan, body: str) -> None:
    block = "Ms Vicky Cole\nc/- Sale Community Legal Centre\nPO Box 77"
    assert not scan(_to_cole(block, body)).blocked


def test_care_of_a_stranger_at_a_shared_house_is_read_by_each_resident(scan) -> None:
    """Her ex-partner and his housemate both live there: the housemate is no holder of their joint account."""
    verdict = scan(_to_cole("Ms Vicky Cole\nc/- Mr John Smith\n3 Old Road", "Joint account JC900."))
    assert "mismatched_recipient" in rules(verdict)
    assert any(r.clients == {"C19"} for r in verdict.recipients)


def test_care_of_her_joint_holder_at_his_home_with_their_joint_account(scan) -> None:
    assert not scan(_to_cole("Ms Vicky Cole\nc/- Mr Paul Cole\n3 Old Road", "Joint account JC900.")).blocked


@pytest.mark.parametrize(
    ("care_of", "held"),
    [
        ("c/- Banksia Aged Care", False),
        ("C/O Wirrabara Station", False),
        ("c/- Sale Women's Refuge", False),
        ("c/- Mr John Smith", True),
        ("c/- Ruby Li", True),
    ],
)
def test_care_of_a_place_is_no_stranger_reading(scan, care_of: str, held: bool) -> None:
    """Where he stays is not a person who opens his letter; a person not in the registry is."""
    text = _letter(f"Mr Tom Brown\n{care_of}\n12 Main Street\nSALE VIC 3850", "Your account TB100.", "Mr Brown")
    assert scan(text).blocked is held


def _to_the_ashes(block: str, heading: str, body: str) -> str:
    return (
        f"{LETTERHEAD}{block}\n1 Main Street\nSALE VIC 3850\n\n12 March 2026\n{heading}\n\n"
        f"Dear Jane and John,\n\n{body}\n\nYours sincerely\nClaims team\n"
    )


RENEWAL = "Your joint policy JA5000001 renews on 1 April 2026."


@pytest.mark.parametrize("block", ["Mrs J Ash & Mr J Ash", "Jane and John Ash"])
def test_a_joint_letter_filed_under_one_holders_number_goes_to_both(scan, block: str) -> None:
    """Addressed to both joint holders at their home: the customer number it is filed under is no news to either."""
    assert not scan(_to_the_ashes(block, "Customer number JA1001", RENEWAL)).blocked


def test_one_holders_own_matter_in_the_body_of_a_joint_letter_is_held(scan) -> None:
    text = _to_the_ashes(
        "Mrs J Ash & Mr J Ash", "Customer number JA1001", RENEWAL + " John's own claim JA1002 is closed."
    )
    assert "mismatched_recipient" in rules(scan(text))


def test_her_number_in_the_heading_of_a_letter_to_him_alone_is_held(scan) -> None:
    assert "mismatched_recipient" in rules(scan(_to_the_ashes("Mr John Ash", "Customer number JA1001", RENEWAL)))


def test_her_suppressed_phone_in_the_heading_of_a_joint_letter_is_held(scan) -> None:
    text = _to_the_ashes("Mrs J Ash & Mr J Ash", "Contact 0411 999 888", RENEWAL)
    assert "suppressed_detail_exposed" in rules(scan(text))


def test_two_given_names_with_the_family_name_written_once(scan) -> None:
    """'Mr Van Minh & Ms Leilani Abdi': the family name is written once, after two given names."""
    text = _to_the_ashes("Ms Jane Mary & Mr John Ash", "Customer number JA1001", RENEWAL)
    verdict = scan(text)
    assert {cid for r in verdict.recipients for cid in r.clients} == {"C11", "C12"}
    assert not verdict.blocked, verdict.violations
