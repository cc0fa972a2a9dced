"""Address blocks in the layouts real letters use (issue 9, point 1)."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from dlp.extract import communication_from_letter
from dlp.extract.letter import locate_address_block

LETTERHEAD = "Riverbend Water\n1 River Road\nBendigo VIC 3550\nPhone 1300 555 010\nABN 51 824 753 556\n"


@pytest.mark.parametrize(
    ("text", "people", "lines"),
    [
        # columns: the account box printed beside the address, set apart by spaces
        (
            LETTERHEAD + "MS ZOË O'BRIEN-SMITH          Account number  3138 9721 228\n"
            "UNIT 4, 12 WATTLE STREET       Issue date  20 November 2026\n"
            "KANGAROO FLAT VIC              Enquiries   1300 555 010\n3555\n\n"
            "Property: 14 Wattle St, Kangaroo Flat VIC 3555\nOur ref: AB/1234\n\nHi Zoë,\n",
            ("MS ZOË O'BRIEN-SMITH",),
            ("UNIT 4, 12 WATTLE STREET", "KANGAROO FLAT VIC 3555"),
        ),
        (
            "ACME PTY LTD\nAttention: Ms Jane Citizen\nLevel 3, 100 Collins Street\nMELBOURNE VIC 3000\n\nDear Jane,\n",
            ("Ms Jane Citizen",),
            ("Level 3, 100 Collins Street", "MELBOURNE VIC 3000"),
        ),
        (
            "Mr Sam Ortiz\nc/- Legal Aid NSW\nPO Box 123\nSydney New South Wales 2001\n\nTo whom it may concern\n",
            ("Mr Sam Ortiz",),
            ("PO Box 123", "Sydney New South Wales 2001"),
        ),
        ("Tom and Mia Fraser\nLocked Bag 7\nDARWIN NT 0800\n\nHello\n", ("Tom Fraser", "Mia Fraser"), None),
        (
            "Mr A Nguyen & Ms B Walker\n5 Ocean Pde\nCottesloe WA 6011\n\nDear both,\n",
            ("Mr A Nguyen", "Ms B Walker"),
            None,
        ),
        ("Sam Ortiz and Lee Park\n2 Hill Rd\nHobart Tasmania 7000\n", ("Sam Ortiz", "Lee Park"), None),
        # no salutation at all; the letterhead's own address comes first and is passed over
        (
            "Riverbend Water, 1 River Road, Bendigo VIC 3550, ph 1300 555 010\n\nMs Ann Lee\n12 Wattle St\n"
            "Bendigo VIC 3550\n\nYour account is in credit.\n",
            ("Ms Ann Lee",),
            ("12 Wattle St", "Bendigo VIC 3550"),
        ),
        # the state left out, under a street line or a post office box
        (
            LETTERHEAD + "M. Muñoz\n2/8 Banksia Ct\nTindal Creek 3696\nAssessment No: 3592 3110\n\nDear Ms Muñoz,\n",
            ("M. Muñoz",),
            ("2/8 Banksia Ct", "Tindal Creek 3696"),
        ),
        (
            "Mr K Kaur\nPO Box 828\nMallee Flat 3694\n\nRates notice\n",
            ("Mr K Kaur",),
            ("PO Box 828", "Mallee Flat 3694"),
        ),
        # a room of a shared house, on its own line
        (
            LETTERHEAD + "Ms V Marmont\nRoom 2\n14 Kurrajong Street\nEPSOM  VIC  3551\n\nDear Ms Marmont,\n",
            ("Ms V Marmont",),
            ("Room 2", "14 Kurrajong Street", "EPSOM  VIC  3551"),
        ),
        # whom the addressee acts for is no reader: the parent is the addressee
        (
            LETTERHEAD + "Ms L. Carraworth\nParent/nominee of Finn Carraworth\n90 Banksia Dr\nBallarat VIC 3350\n\n"
            "Dear Ms Carraworth,\n",
            ("Ms L. Carraworth",),
            ("90 Banksia Dr", "Ballarat VIC 3350"),
        ),
        (
            "Mr Tom Hale\nGuardian for: A Wu\n3 Hill Rd\nHobart TAS 7000\n\nDear Mr Hale,\n",
            ("Mr Tom Hale",),
            None,
        ),
        # a field left unmerged in the name line: the rest of the name is still the addressee's
        (
            LETTERHEAD + "<<Given>> Marmont\n14 Kurrajong Street\nEPSOM VIC 3551\n\nDear <<Given>>,\n",
            ("Marmont",),
            ("14 Kurrajong Street", "EPSOM VIC 3551"),
        ),
    ],
)
def test_layouts(text: str, people: tuple[str, ...], lines: tuple[str, ...] | None) -> None:
    block, problem = locate_address_block(text)
    assert block is not None, problem
    assert block.people == people
    if lines:
        assert block.address_lines == lines


def test_a_word_and_a_year_under_no_street_line_are_no_address() -> None:
    block, problem = locate_address_block("Ms Ann Lee\nAnnual Report 2026\n\nDear Ann,\n")
    assert block is None, block
    # A line opening with a digit is not a street line ("2nd Reminder" over "Invoice 1002").
    block, problem = locate_address_block(
        "Mr Dan Wu\n40 Boundary Road\nBendigo VIC 3550\n\nFINAL NOTICE\n2nd Reminder\nInvoice 1002\n\nDear Mr Wu,\n"
    )
    assert block is not None and block.people == ("Mr Dan Wu",), block


def test_a_block_with_its_state_wins_over_one_without() -> None:
    """A letterhead with no phone line ("5 Hill Street" over "Bendigo 3550") is not taken for the addressee."""
    block, problem = locate_address_block(
        "Jane Park\nBarrister & Solicitor\n5 Hill Street\nBendigo 3550\n\nMr Dan Wu\n40 Boundary Road\n"
        "Bendigo VIC 3550\n\nNOTICE OF DEMAND\nAmount owing: $412.00\n"
    )
    assert block is not None and block.people == ("Mr Dan Wu",), block


def test_occupier_notice() -> None:
    block, _ = locate_address_block("To the Occupier\n12 Wattle St\nBendigo VIC 3550\n\nPlanned works on Monday.\n")
    assert block is not None and block.occupier and block.people == ()


def test_labelled_line_is_content_not_the_addressee() -> None:
    block, problem = locate_address_block("Property: 14 Wattle St, Bendigo VIC 3550\n\nDear customer,\n")
    assert block is None and problem is not None and "labelled" in problem


def test_window_envelope_pdf_read_by_position() -> None:
    """The template draws the account box first and the address last: reading order would interleave them."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)

    def at(x: float, y: float, rows: list[str]) -> None:
        for i, row in enumerate(rows):
            pdf.text(x, y + i * 4.5, row)

    at(140, 15, ["Riverbend Water", "1 River Road", "Bendigo VIC 3550", "Phone 1300 555 010"])
    at(120, 48, ["Account number", "Issue date", "Enquiries"])
    at(150, 48, ["3138 9721 228", "20 November 2026", "1300 555 010"])
    at(22, 85, ["Property: 14 Wattle St, Kangaroo Flat VIC 3555", "", "Hi Zoe,", "Your bill is enclosed."])
    at(22, 48, ["MS ZOE OBRIEN", "UNIT 4, 12 WATTLE STREET", "KANGAROO FLAT VIC", "3555"])
    item = communication_from_letter(bytes(pdf.output()), "bill.pdf")
    block = item.address_block
    assert block is not None, item.address_problem
    assert block.people == ("MS ZOE OBRIEN",)
    assert block.address_lines == ("UNIT 4, 12 WATTLE STREET", "KANGAROO FLAT VIC 3555")


def test_table_row_joined_by_bars_and_a_date_line_are_not_the_address() -> None:
    """An RTF table row becomes "BLOCK|BOX" in text; a date under the name is no street line."""
    text = (
        "Tallowwood Water & Energy\n151 Lonsdale Quay, Docklands VIC 3008\nT 13 24 86 | www.tallowwood.example\n\n"
        "Tom Kelly\n171 Jarrah Boulevard\nMURRAY BRIDGE SA 5253|Customer account: 513 498 805 09\n\n"
        "Name  Tom Kelly\nDate of birth\n13 April 1997\n\nHi Tom,\n"
    )
    block, problem = locate_address_block(text)
    assert block is not None, problem
    assert block.people == ("Tom Kelly",)
    assert block.address_lines == ("171 Jarrah Boulevard", "MURRAY BRIDGE SA 5253")


def test_only_the_letterhead_is_never_the_addressee() -> None:
    text = "Riverbend Water\n1 River Road\nBendigo VIC 3550\nPhone 1300 555 010\n\nDear customer,\nNews.\n"
    block, problem = locate_address_block(text)
    assert block is None and problem == "the only address found is the letterhead's own"


def test_titles_sharing_a_family_name() -> None:
    from dlp.extract.letter import split_names

    assert split_names("Ms & Mr Hughes") == ["Ms Hughes", "Mr Hughes"]
    assert split_names("Mrs & Mr D'Souza") == ["Mrs D'Souza", "Mr D'Souza"]
    assert split_names("Tom and Mia Fraser") == ["Tom Fraser", "Mia Fraser"]


def test_an_estate_is_addressed_by_the_deceased_name_care_of_the_executor() -> None:
    block, problem = locate_address_block(
        "PRIVATE AND CONFIDENTIAL\nEstate of the late Mohammed Smith\nc/- N. Smith\nUnit 17, 29 Bottlebrush Court\n"
        "TAMWORTH NSW 2340\n\nDear Sir/Madam,\n"
    )
    assert block is not None, problem
    assert block.people == ("Mohammed Smith",) and block.care_of == "N. Smith"


def test_a_page_whose_name_line_is_unmerged_still_opens_a_letter() -> None:
    """A merged print file is cut where a page opens a letter: a page whose addressee's name was left unmerged
    must open one too, or it is read as the previous letter's second page."""
    from dlp.extract.letter import starts_letter

    for name in ("<<Given>> Marmont", "«FirstName» «LastName»", "{{participant_name}}"):
        assert starts_letter(f"{LETTERHEAD}{name}\n14 Kurrajong Street\nEPSOM VIC 3551\n\nDear <<Given>>,\n"), name


def test_a_greeting_with_a_titles_or_initials_full_stop_opens_a_letter() -> None:
    from dlp.extract.letter import starts_letter

    block = f"{LETTERHEAD}Mx Lucia Fitzgerald\n139 Grevillea Crescent,\nWagga Wagga, NSW, 2650\n\n"
    for greeting in ("Dear Miss L. Fitzgerald,", "Dear Mr. Fitzgerald", "Dear Dr. L. M. Fitzgerald:"):
        assert starts_letter(block + greeting + "\nYour account is overdue.\n"), greeting
    # a sentence that ends the line is no greeting
    assert not starts_letter(block + "Dear customer.\nYour account is overdue.\n")


@pytest.mark.parametrize("name", ["Mr Luis Campus", "Ms Sina College", "Dr Ana Region"])
def test_a_titled_line_is_a_person_whatever_word_it_ends_in(name: str) -> None:
    block, _ = locate_address_block(f"{name}\n12 Wattle Street\nBENDIGO VIC 3550\n\nDear {name},\n")
    assert block is not None and block.people == (name,) and block.organisation is None
    firm, _ = locate_address_block(
        "Ms A O'Brien\nMurray Realty\nRMB 6275 Grevillea Court\nCorowa NSW 2646\n\nDear Ms O'Brien,\n"
    )
    assert firm is not None and firm.people == ("Ms A O'Brien",) and firm.organisation == "Murray Realty"


def test_a_tribunal_and_its_registry_are_the_organisation_not_two_people() -> None:
    """The second line up is no team name above a person: "NSW Civil and Administrative Tribunal" over "Registry"."""
    block, _ = locate_address_block(
        f"{LETTERHEAD}NSW Civil and Administrative Tribunal\nRegistry\nPO Box K1026\nHAYMARKET NSW 1240\n\n1 March\n"
    )
    assert block is not None and block.people == () and block.organisation == "NSW Civil and Administrative Tribunal"
    court, _ = locate_address_block(
        "The Registrar\nMagistrates Court of Victoria\n233 William Street\nMelbourne VIC 3000\n"
    )
    assert court is not None and court.people == () and "Magistrates Court of Victoria" in court.text


SIDE_PANEL = "Payroll enquiries\n1300 553 417\npayroll@ledgerline.example\n\nEmployer: Kurrajong Shire Council\n"


@pytest.mark.parametrize(
    "after",
    [
        "\n14 March 2025\n\nDear Ms Kostakis,\n\nYour pay day changes.\n",  # greeted by her family name
        "\n14 March 2025\n\nPay advice - period ending 09/03/2025\nNet pay $3,750.62\n",  # no salutation at all
    ],
)
def test_a_side_panel_of_contact_details_beside_the_addressee_is_not_a_letterhead(after: str) -> None:
    """A DOCX or PDF with the addressee's block and, beside it, the sender's contact panel reads block then
    panel: the addressee is followed by a phone and an email, as a letterhead's address is. Her block still names
    the reader, not the letterhead's address above it ("... | 1300 553 417" on its locality line)."""
    text = (
        "Ledgerline Payroll & HR Services for Kurrajong Shire Council\n\n"
        "Level 4, 210 Collins Street, MELBOURNE VIC 3000 | 1300 553 417\n\n"
        "Ms Eleni Kostakis\n16 Tallowwood St\nPRESTON VIC 3072\n\n" + SIDE_PANEL + after
    )
    block, _ = locate_address_block(text)
    assert block is not None and block.people == ("Ms Eleni Kostakis",)
    assert block.address_lines == ("16 Tallowwood St", "PRESTON VIC 3072")


def test_a_practitioners_own_letterhead_is_still_passed_over() -> None:
    """A titled person heading her own practice's letters, her phone at once under her address, is the
    letterhead, greeted or not the addressee is the block below."""
    for salutation in ("Dear Mr Fraser,", "Pay advice"):
        text = (
            "Dr Anna Lee\n5 Hill Street\nBendigo VIC 3550\nPhone 03 5442 1188\n\n"
            f"Mr Tom Fraser\n2 Ocean Pde\nCottesloe WA 6011\n\n{salutation}\nText.\n"
        )
        block, _ = locate_address_block(text)
        assert block is not None and block.people == ("Mr Tom Fraser",), salutation
    dated = "Dr Anna Lee\n5 Hill Street\nBendigo VIC 3550\n3 March 2026\nPhone 03 5442 1188\n\n"
    block, _ = locate_address_block(dated + "Mr Tom Fraser\n2 Ocean Pde\nCottesloe WA 6011\n\nStatement\n")
    assert block is not None and block.people == ("Mr Tom Fraser",)  # a date line between address and phone
    only = "Dr Anna Lee\n5 Hill Street\nBendigo VIC 3550\nPhone 03 5442 1188\n\nDear patient,\nNews.\n"
    assert locate_address_block(only) == (None, "the only address found is the letterhead's own")


def test_a_side_boxs_label_read_into_the_locality_line_is_not_the_suburb() -> None:
    """A bill's account box beside the window: its label lands on the locality's line in print order."""
    positional = (
        "Tallowood Telecom\n\n7 February 2026\n\nMrs Sarah Colombo\n16 Wattle Drive\n"
        "Account number LOGAN CENTRAL QLD 4114\n6210 294 773\n\nDear Sarah,\n"
    )
    block, _ = locate_address_block(positional.replace("\n\n", "\n"), positional)
    assert block is not None and block.address_lines == ("16 Wattle Drive", "LOGAN CENTRAL QLD 4114")
    # A suburb's own first word stays: "Mt ELIZA", "Port MELBOURNE".
    block, _ = locate_address_block("Mr Tom Fraser\n2 Ocean Pde\nMt ELIZA VIC 3930\n\nDear Mr Fraser,\n")
    assert block is not None and block.address_lines[-1] == "Mt ELIZA VIC 3930"


def test_an_html_letters_header_and_address_elements_are_lines_of_their_own() -> None:
    """<header> and <address> are block elements: the return address is not run into the addressee's name."""
    html = (
        b"<html><body><header><strong>Tallowood Telecom</strong><br>Locked Bag 4410, Docklands VIC 3008</header>"
        b"<address>Tuan Kelly-Roberts<br>132 Banksia Pl<br>GLENORCHY  TAS  7010</address><p>Dear Tuan,</p>"
        b"</body></html>"
    )
    block = communication_from_letter(html, "bill.html").address_block
    assert block is not None and block.people == ("Tuan Kelly-Roberts",)
