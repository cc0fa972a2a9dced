"""Every rule in positive and negative form, on generated messages and letters (the issue's scenarios)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dlp.model import Decision, Verdict
from tests.conftest import STAFF_ALLOWED, rules
from tests.synthetic import (
    OMBUDSMAN_DOMAIN,
    ORG_DOMAIN,
    SyntheticRegistry,
    account_body,
    email,
    extract_csv,
    letter,
)

ScanEmail = Callable[[bytes], Verdict]
ScanLetter = Callable[[str], Verdict]


# --- own matter to the client -------------------------------------------------------------------------------
def test_own_account_email_to_client_is_allowed(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    a = synthetic.ordinary()[0]
    body = f"{account_body(a)}\nWe have your phone as {a.phone} and your address as {a.postal_address}."
    verdict = scan_email(email([a.email], "Your account", body))
    assert verdict.decision is Decision.ALLOW, verdict.violations
    assert verdict.incident is None


def test_own_account_letter_to_client_is_allowed(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    for client in synthetic.ordinary()[:20]:
        verdict = scan_letter(letter(client, account_body(client)))
        assert verdict.decision is Decision.ALLOW, (client.client_id, verdict.violations)


def test_letter_with_unit_written_in_words_and_full_street_type_is_allowed(
    synthetic: SyntheticRegistry, scan_letter: ScanLetter
) -> None:
    client = next(c for c in synthetic.ordinary() if "/" in c.number)
    unit, number = client.number.split("/")
    lines = [
        f"Unit {unit}",
        f"{number} {client.street} {client.street_type[0]}",
        f"{client.suburb} Victoria {client.postcode}",
    ]
    verdict = scan_letter(letter(client, account_body(client), address_lines=lines))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_letter_with_small_typo_in_street_still_resolves(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    client = next(c for c in synthetic.ordinary() if len(c.street) > 6)
    lines = client.address_lines()
    lines[0] = lines[0].replace(client.street, client.street[:-2] + client.street[-1] + client.street[-2])
    verdict = scan_letter(letter(client, account_body(client), address_lines=lines))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_organisation_contact_details_only_is_allowed(scan_email: ScanEmail) -> None:
    body = (
        f"Our offices are closed on Monday. Call 1300 555 010 or write to help@{ORG_DOMAIN}, "
        "1 River Road, Bendigo VIC 3550. ABN 51 824 753 556."
    )
    verdict = scan_email(email(["someone@freemail.example"], "Office hours", body))
    assert verdict.decision is Decision.ALLOW, verdict.violations


# --- mismatched recipient ---------------------------------------------------------------------------------------
def test_other_clients_account_number_in_body_is_blocked(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    a, b = synthetic.ordinary()[:2]
    # Written with spaces, as staff type it.
    spaced = " ".join([b.reference[:3], b.reference[3:6], b.reference[6:]])
    verdict = scan_email(email([a.email], "Your account", f"Your account {spaced} is now paid."))
    assert verdict.blocked
    assert "mismatched_recipient" in rules(verdict)
    violation = next(v for v in verdict.violations if v.rule == "mismatched_recipient")
    assert b.client_id in violation.clients and a.client_id in violation.clients
    assert b.reference not in violation.explanation and b.name not in violation.explanation
    assert verdict.incident and verdict.incident.startswith("INC-")


def test_other_clients_letter_attached_is_blocked(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    a, b = synthetic.ordinary()[2:4]
    attachment = letter(b, account_body(b)).encode()
    verdict = scan_email(
        email(
            [a.email],
            "Your letter",
            "Please find your letter attached.",
            attachments=[("letter.txt", attachment, "text/plain")],
        )
    )
    assert "mismatched_recipient" in rules(verdict)
    assert any(v.part == "attachment 1 (text)" for v in verdict.violations)


def test_letter_printed_for_wrong_person_is_blocked(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    a, b = synthetic.ordinary()[4:6]
    verdict = scan_letter(letter(a, account_body(b)))
    assert "mismatched_recipient" in rules(verdict)
    assert verdict.decision is Decision.QUARANTINE


def test_letter_with_name_of_one_client_at_address_of_another_is_blocked(
    synthetic: SyntheticRegistry, scan_letter: ScanLetter
) -> None:
    a, b = synthetic.ordinary()[6:8]
    verdict = scan_letter(letter(a, account_body(a), address_lines=b.address_lines()))
    assert "mismatched_recipient" in rules(verdict)


def test_unknown_private_address_receiving_client_data_is_blocked(
    synthetic: SyntheticRegistry, scan_email: ScanEmail
) -> None:
    a = synthetic.ordinary()[8]
    verdict = scan_email(email(["friend@freemail.example"], "fwd", f"Her phone is {a.phone}."))
    assert "mismatched_recipient" in rules(verdict)


def test_same_name_other_persons_date_of_birth_is_blocked(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    twin_a, twin_b = synthetic.twin_a, synthetic.twin_b
    dob = twin_b.date_of_birth
    body = f"Re: {twin_b.name}, date of birth {dob.day} {dob.strftime('%B %Y')}. Your claim is approved."
    verdict = scan_email(email([twin_a.email], "Your claim", body))
    assert "mismatched_recipient" in rules(verdict)
    assert twin_b.client_id in next(v for v in verdict.violations if v.rule == "mismatched_recipient").clients


def test_same_name_own_date_of_birth_is_allowed(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    twin_a = synthetic.twin_a
    dob = twin_a.date_of_birth
    body = f"Re: {twin_a.name}, date of birth {dob.strftime('%d/%m/%Y')}. Your claim is approved."
    assert scan_email(email([twin_a.email], "Your claim", body)).decision is Decision.ALLOW


def test_same_name_other_persons_claim_is_blocked(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    twin_a, twin_b = synthetic.twin_a, synthetic.twin_b
    verdict = scan_letter(letter(twin_a, f"We have paid the invoice on claim {twin_b.reference}."))
    assert "mismatched_recipient" in rules(verdict)


def test_name_alone_of_another_client_is_not_evidence(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    a, b = synthetic.ordinary()[9:11]
    verdict = scan_email(email([a.email], "Thanks", f"Thanks, {b.name} from our team will call you."))
    assert verdict.decision is Decision.ALLOW, verdict.violations


# --- suppressed details -----------------------------------------------------------------------------------------
def test_suppressed_address_to_joint_holder_is_rejected(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    body = f"The account is shared with the holder now living at {synthetic.victim.postal_address}."
    verdict = scan_letter(letter(synthetic.ex_partner, body))
    assert verdict.decision is Decision.REJECT
    violation = next(v for v in verdict.violations if v.rule == "suppressed_detail_exposed")
    assert violation.severity.value == "critical"
    assert synthetic.victim.client_id in violation.clients


def test_suppressed_phone_emailed_to_joint_holder_is_rejected(
    synthetic: SyntheticRegistry, scan_email: ScanEmail
) -> None:
    verdict = scan_email(
        email(
            [synthetic.ex_partner.email],
            "Joint account",
            f"The other holder can be reached on {synthetic.victim.phone}.",
        )
    )
    assert "suppressed_detail_exposed" in rules(verdict)
    assert verdict.decision is Decision.REJECT


def test_joint_account_reference_to_joint_holder_is_allowed(
    synthetic: SyntheticRegistry, scan_letter: ScanLetter
) -> None:
    joint = synthetic.victim.references[0]
    verdict = scan_letter(letter(synthetic.ex_partner, f"Your joint account {joint} is in credit."))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_suppressed_details_to_the_victim_herself_are_allowed(
    synthetic: SyntheticRegistry, scan_letter: ScanLetter
) -> None:
    victim = synthetic.victim
    verdict = scan_letter(letter(victim, f"We have recorded your phone {victim.phone} as private."))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_letter_to_ex_partner_at_victims_suppressed_address_is_rejected(
    synthetic: SyntheticRegistry, scan_letter: ScanLetter
) -> None:
    verdict = scan_letter(
        letter(synthetic.ex_partner, "Your account is in credit.", address_lines=synthetic.victim.address_lines())
    )
    assert verdict.decision is Decision.REJECT
    assert any("delivery address" in v.explanation for v in verdict.violations)


def test_suppressed_detail_to_internal_staff_follows_policy(
    synthetic: SyntheticRegistry, scan_email: ScanEmail
) -> None:
    body = f"Please update the file: new address {synthetic.victim.postal_address}."
    general = scan_email(email([f"accounts@{ORG_DOMAIN}"], "update", body))
    assert general.decision is Decision.QUARANTINE
    assert rules(general) == {"suppressed_detail_exposed"}
    support = scan_email(email([STAFF_ALLOWED], "update", body))
    assert support.decision is Decision.ALLOW, support.violations


def test_suppressed_detail_to_ombudsman_is_still_blocked(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    verdict = scan_email(
        email(
            [f"case@{OMBUDSMAN_DOMAIN}"],
            "Complaint",
            f"The customer now lives at {synthetic.victim.postal_address}.",
        )
    )
    assert "suppressed_detail_exposed" in rules(verdict)


# --- who may receive a client's information ---------------------------------------------------------------------
def test_authorised_representative_is_allowed(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    client = synthetic.represented
    verdict = scan_email(email([synthetic.rep_email], "Your client's account", account_body(client)))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_authorised_representative_of_another_client_is_blocked(
    synthetic: SyntheticRegistry, scan_email: ScanEmail
) -> None:
    other = synthetic.ordinary()[12]
    verdict = scan_email(email([synthetic.rep_email], "Account", account_body(other)))
    assert "mismatched_recipient" in rules(verdict)


def test_internal_mail_about_several_clients_is_allowed(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    clients = synthetic.ordinary()[13:18]
    body = "Accounts to review:\n" + "\n".join(f"{c.reference} {c.name} {c.phone}" for c in clients)
    verdict = scan_email(email([f"team@{ORG_DOMAIN}"], "Review list", body))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_approved_third_party_is_allowed(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    client = synthetic.ordinary()[18]
    body = f"Our response to the complaint about account {client.reference} ({client.name}, {client.postal_address})."
    verdict = scan_email(email([f"complaints@{OMBUDSMAN_DOMAIN}"], "Complaint response", body))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_several_clients_to_approved_third_party_are_allowed(
    synthetic: SyntheticRegistry, scan_email: ScanEmail
) -> None:
    """DESIGN §3: an approved third party may receive clients' information; only the suppressed-detail and bulk
    rules still apply to it (both tested beside this one)."""
    a, b = synthetic.ordinary()[19:21]
    body = f"Complaint file for account {a.reference}.\n\nAlso enclosed: statement for account {b.reference}."
    verdict = scan_email(email([f"complaints@{OMBUDSMAN_DOMAIN}"], "Complaint", body))
    assert not verdict.blocked, verdict.violations


def test_two_clients_pages_printed_together_is_blocked(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    a, b = synthetic.ordinary()[21:23]
    text = letter(a, account_body(a)) + "\f" + f"Page 2\nStatement for account {b.reference}, {b.postal_address}\n"
    verdict = scan_letter(text)
    assert {"mixed_client_documents", "mismatched_recipient"} <= rules(verdict)


# --- bulk, identifiers, merge fields, unreadable parts ----------------------------------------------------------
def test_forty_row_client_extract_to_private_address_is_blocked(
    synthetic: SyntheticRegistry, scan_email: ScanEmail
) -> None:
    extract = extract_csv(synthetic.ordinary()[:40])
    verdict = scan_email(
        email(["me@freemail.example"], "extract", "for home", attachments=[("clients.csv", extract, "text/csv")])
    )
    assert "bulk_client_data" in rules(verdict)
    bulk = next(v for v in verdict.violations if v.rule == "bulk_client_data")
    assert "40 registry clients" in bulk.explanation


def test_small_list_to_approved_third_party_is_not_bulk(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    extract = extract_csv(synthetic.ordinary()[:3])
    verdict = scan_email(
        email([f"a@{OMBUDSMAN_DOMAIN}"], "x", "see attached", attachments=[("c.csv", extract, "text/csv")])
    )
    assert "bulk_client_data" not in rules(verdict)


def test_extract_to_internal_staff_is_allowed(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    extract = extract_csv(synthetic.ordinary()[:40])
    verdict = scan_email(
        email(
            [f"analyst@{ORG_DOMAIN}"],
            "extract",
            "as asked",
            attachments=[("clients.csv", extract, "text/csv")],
        )
    )
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_tax_file_number_to_outside_is_blocked(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    a = synthetic.ordinary()[23]
    verdict = scan_email(email([a.email], "Your details", "We recorded your tax file number 123 456 782."))
    assert rules(verdict) == {"sensitive_identifier"}


@pytest.mark.parametrize(
    ("number", "to_approved"),
    [("Medicare number 2428 77813 2/1", False), ("tax file number 123 456 782", True)],
)
def test_an_approved_third_party_is_an_approved_channel_for_medicare_only(
    synthetic: SyntheticRegistry, scan_email: ScanEmail, number: str, to_approved: bool
) -> None:
    """A patient's Medicare number goes to the GP on every referral; a tax file number goes to no third party."""
    a = synthetic.ordinary()[23]
    to_gp = scan_email(email([f"dr.lee@{OMBUDSMAN_DOMAIN}"], "Referral", f"Re {a.name}: {number}."))
    to_stranger = scan_email(email(["someone@mail.example"], "Referral", f"Re {a.name}: {number}."))
    assert ("sensitive_identifier" in rules(to_gp)) is to_approved
    assert "sensitive_identifier" in rules(to_stranger)


def test_tfn_shaped_number_without_context_is_not_reported(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    a = synthetic.ordinary()[23]
    verdict = scan_email(email([a.email], "Your order", "Your parcel 123 456 782 has shipped."))
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_unmerged_field_is_blocked(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    a = synthetic.ordinary()[24]
    fields = ("«FirstName»", "{{name}}", "<<Title>>", "[Surname]", "MERGEFIELD AccountNo", "[CLIENT NAME]", "[File No]")
    fields += ("[Debtor's Name]", "[Policy No.]", "[Insert client name]", "%%Given_Name%%", "*|FNAME|*")
    fields += ("${first_name}",)
    for field in fields:
        verdict = scan_letter(letter(a, f"Dear {field}, your account is in credit."))
        assert rules(verdict) == {"unmerged_field"}, field
        assert verdict.decision is Decision.REJECT


def test_square_brackets_in_ordinary_text_are_not_merge_fields(
    synthetic: SyntheticRegistry, scan_letter: ScanLetter
) -> None:
    a = synthetic.ordinary()[24]
    verdict = scan_letter(
        letter(a, "The meter [see note 1] was read [sic] on time; [client's name withheld]. Fees rose 5% to 10%.")
    )
    assert verdict.decision is Decision.ALLOW, verdict.violations


def test_unreadable_attachment_fails_closed(synthetic: SyntheticRegistry, scan_email: ScanEmail) -> None:
    a = synthetic.ordinary()[25]
    verdict = scan_email(
        email(
            [a.email],
            "Your bill",
            "attached",
            attachments=[("bill.bin", b"\x00\x01\x02garbage", "application/octet-stream")],
        )
    )
    assert rules(verdict) == {"unscannable_content"}
    assert verdict.decision is Decision.QUARANTINE


# --- an approved third party by post, and a number pasted from another client's file -----------------------------
def _to_organisation(organisation: str, body: str) -> str:
    return (
        f"Riverbend Water\nPO Box 1, Sale VIC 3850\nPhone 1300 000 000\n\nThe Complaints Officer\n{organisation}\n"
        f"Level 3, 570 Bourke Street\nMELBOURNE VIC 3000\n\nDear Complaints Officer,\n\n{body}\n\nYours sincerely\n"
    )


def test_a_letter_to_an_approved_third_party_by_its_name(synthetic: SyntheticRegistry, scan_letter: ScanLetter) -> None:
    """The ombudsman's domain is approved: by post it is the organisation the address block names."""
    a = synthetic.ordinary()[40]
    body = f"Re {a.name}, born {a.date_of_birth:%d/%m/%Y}, account {a.reference}, of {a.postal_address}."
    assert scan_letter(_to_organisation("Energy Ombudsman", body)).decision is Decision.ALLOW
    assert "mismatched_recipient" in rules(scan_letter(_to_organisation("Energy Plumbing Supplies", body)))


def test_another_clients_number_pasted_into_a_referral_to_an_approved_party(
    synthetic: SyntheticRegistry, scan_email: ScanEmail, scan_letter: ScanLetter
) -> None:
    """A referral about one client carrying the account of another it never names is a mix-up; a list naming each
    client it lists is not."""
    a, b = synthetic.ordinary()[41], synthetic.ordinary()[42]
    pasted = f"Complaint of {a.name}, {a.postal_address}. Account: {b.reference}."
    listed = f"Complaint of {a.name}, account {a.reference}.\nComplaint of {b.name}, account {b.reference}."
    to_ombudsman = [f"referrals@{OMBUDSMAN_DOMAIN}"]
    assert "mixed_client_documents" in rules(scan_email(email(to_ombudsman, "Referral", pasted)))
    assert "mixed_client_documents" in rules(scan_letter(_to_organisation("Energy Ombudsman", pasted)))
    assert scan_email(email(to_ombudsman, "Referrals", listed)).decision is Decision.ALLOW
