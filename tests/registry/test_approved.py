"""An approved third party named in a letter's address block, by the shortenings organisations give their domains."""

from __future__ import annotations

import pytest

from dlp.registry.approved import ApprovedNames

DOMAINS = [
    "castlemainemedical.example",
    "maldonbnp.example",
    "starnauddrs.example",
    "bridgewaych.org.au",
    "publicadvocate.vic.gov.au",
    "northernmaint.example",
    "castlemaine.example",
    "rtt.example",
    "harbourside-lc.example",
    "ncat.nsw.example",
    "afca.example",
    "workcoverconciliation.example",
    "art.gov.example",
    "ato.example",
]


@pytest.mark.parametrize(
    "line",
    [
        "Castlemaine Medical Centre",
        "Maldon Bush Nursing Practice",
        "St Arnaud Doctors",
        "Bridgeway Community Housing Ltd",
        "Office of the Public Advocate",
        "Northern Maintenance Services Pty Ltd",
        "Harbourside Legal Centre",
        "NSW Civil and Administrative Tribunal",  # ncat: the initials of an organisation's every word
        "Australian Financial Complaints Authority Limited",
        "The Registrar, WorkCover Conciliation Service",  # a role, then the organisation
        "The Registrar, Administrative Review Tribunal",  # art: three letters, a public body's
        "Australian Taxation Office",  # ato: a government's office, named for its government (the tax corpus)
    ],
)
def test_an_organisation_is_named_as_its_domain_shortens_it(line: str) -> None:
    assert ApprovedNames(DOMAINS).names(line)


@pytest.mark.parametrize(
    "line",
    [
        "Castlemaine Plumbing",
        "Castlemaine",
        "Dr Sarah O'Loughlin",
        "Rural Tenancy Team",
        "Mr John Smith",
        "",
        "Nora Clare Anne Tully",  # a person's initials: no organisation's line
        "NSW Civil Tribunal",  # not every word's initial
        "Australian Financial Counselling Services Association",  # its initials are "afcsa"
        "Albury Family Care Associates",  # a business of the same initials (review L-3)
        "Newcastle Community Accounting Team",
        "Ms Dana Reyes, Albury Family Care Associates",
        "Albury Finance Collection Agency",  # review M-6
        "Australian Family Court Advocates",
        "Albury Taxation Office",  # a business's office: not the ATO
        "Australian Tenancy Office",  # the ATO's initials, another name (review N-6)
        "The Australian Trustee Office",
    ],
)
def test_a_town_alone_a_person_or_initials_approve_nothing(line: str) -> None:
    assert not ApprovedNames(DOMAINS).names(line)


def test_no_approved_domains_approve_nothing() -> None:
    assert not ApprovedNames([]).names("Castlemaine Medical Centre")
