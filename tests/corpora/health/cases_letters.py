"""Posted letters: incidents and the legitimate twin beside each (same layout, the right person or content)."""

from __future__ import annotations

import copy

from tests.corpora.health.corpus import Corpus
from tests.corpora.health.formats import Letter, pdf_letters, render
from tests.corpora.health.letters import (
    LETTERHEADS,
    addressee,
    appointment_letter,
    gp_letter,
    results_page,
    ur_written,
    written_date,
)
from tests.corpora.health.people import Patient, invalid_medicare, medicare_written

FMTS = ["pdf", "docx", "rtf", "txt", "html"]
MISMATCH = ["mismatched_recipient", "mixed_client_documents"]


def _results_letter(cx: Corpus, to: Patient, about: Patient, style: int) -> Letter:
    letter = appointment_letter(cx.rng, to, style)
    letter.refs = [
        f"Patient: {about.given} {about.family}",
        f"Date of birth: {written_date(about.dob, style + 2)}",
        ur_written(about.ur, style),
    ]
    letter.body = [
        "Your recent test results have been reviewed by the clinic doctor. "
        + "; ".join(
            cx.rng.sample(["HbA1c 7.1%", "eGFR 61", "Haemoglobin 131 g/L", "Vitamin D 48 nmol/L", "LDL 2.4 mmol/L"], 3)
        )
        + ".",
        "No change to your treatment is needed. Your next review is booked as shown on the enclosed card.",
    ]
    return letter


def _results_pair(cx: Corpus, to: Patient, about: Patient, style: int, fmt: str) -> tuple[bytes, bytes]:
    """The legitimate results letter to `to`, and the same letter carrying `about`'s identifiers instead."""
    good = _results_letter(cx, to, to, style)
    bad = copy.deepcopy(good)
    bad.refs = [
        f"Patient: {about.given} {about.family}",
        f"Date of birth: {written_date(about.dob, style + 2)}",
        ur_written(about.ur, style),
    ]
    return render(good, fmt), render(bad, fmt)


def wrong_patient_letters(cx: Corpus) -> None:
    """A letter addressed to one patient carrying another patient's UR number and results."""
    for i in range(cx.reps(7)):
        a, b = cx.reg.general(2)
        style, fmt = i, FMTS[i % 5]
        good, bad = _results_pair(cx, a, b, style, fmt)
        cx.pair(
            "address-block/window-envelope",
            (fmt, good, f"results letter to {a.cid} about {a.cid}"),
            (fmt, bad, f"letter addressed to {a.cid} carries UR, DOB and results of {b.cid}"),
            MISMATCH,
        )


def same_name_letters(cx: Corpus) -> None:
    """Two patients share a name: the letter goes to the right name at the other one's address."""
    pats = cx.reg.role("samename")
    for i in range(0, len(pats), 2):
        a, b = pats[i], pats[i + 1]
        fmt = FMTS[(i // 2 + 1) % 5]
        good = _results_letter(cx, a, a, i)
        bad = copy.deepcopy(good)
        bad.address = [good.address[0], *b.address.block(i % 3)]
        cx.pair(
            "address-block/same-name",
            (fmt, render(good, fmt), f"{a.cid} letter to {a.cid} (namesake {b.cid})"),
            (
                fmt,
                render(bad, fmt),
                f"{a.cid} letter with UR and DOB of {a.cid} sent to the address of namesake {b.cid}",
            ),
            ["mismatched_recipient"],
        )


def twins_letters(cx: Corpus) -> None:
    a, b = cx.reg.role("adult_twin")
    good, bad = _results_pair(cx, a, b, 3, "pdf")
    cx.pair(
        "relationships/twins-same-dob",
        ("pdf", good, f"letter to twin {a.cid} about herself"),
        ("pdf", bad, f"letter to twin {a.cid} carries twin {b.cid}'s UR and results (same DOB)"),
        MISMATCH,
    )
    # child twins: each letter to the parent about one child is fine
    parent = cx.reg.role("twin_parent")[0]
    for k, kid in enumerate(cx.reg.role("child_twin")):
        cx.allow(
            "relationships/child-twins",
            FMTS[k],
            render(appointment_letter(cx.rng, kid, k + 1, parent), FMTS[k]),
            f"appointment for child twin {kid.cid} to parent {parent.cid}",
        )


def couples(cx: Corpus) -> None:
    """Couples at one address: a letter to one must not carry the other's results."""
    cps = cx.reg.role("couple")
    for i in range(0, len(cps), 2):
        wife, husband = cps[i], cps[i + 1]
        fmt = FMTS[(i // 2 + 2) % 5]
        good, bad = _results_pair(cx, husband, wife, i, fmt)
        cx.pair(
            "relationships/couple-same-address",
            (fmt, good, f"letter to {husband.cid} about himself"),
            (fmt, bad, f"letter to {husband.cid} carries results of {wife.cid} who lives at the same address"),
            MISMATCH,
        )
        cx.allow(
            "relationships/couple-same-address",
            "pdf",
            render(appointment_letter(cx.rng, wife, i + 5), "pdf"),
            f"appointment letter to {wife.cid} at the address she shares with {husband.cid}",
        )


def children(cx: Corpus) -> None:
    """A letter about a child goes to the child's own parent, not another family's."""
    kids = cx.reg.role("child")
    parents = cx.reg.role("parent")
    for i, kid in enumerate(kids):
        par, other = parents[i], parents[(i + 1) % len(parents)]
        fmt = FMTS[i % 5]
        good = appointment_letter(cx.rng, kid, i, par)
        bad = copy.deepcopy(good)
        bad.address = addressee(other, i)
        bad.salutation = f"Dear {other.title} {other.family},"
        if i < 2:
            cx.pair(
                "relationships/parent-guardian",
                (fmt, render(good, fmt), f"appointment for child {kid.cid} to parent {par.cid}"),
                (
                    fmt,
                    render(bad, fmt),
                    f"appointment for child {kid.cid} addressed to {other.cid}, parent of another child",
                ),
                ["mismatched_recipient"],
            )
        else:
            cx.allow(
                "relationships/parent-guardian",
                fmt,
                render(good, fmt),
                f"appointment for child {kid.cid} to parent {par.cid}",
            )


def aged_care(cx: Corpus) -> None:
    res = cx.reg.role("aged_care")
    for i in range(0, len(res), 3):
        a, b, c = res[i : i + 3]
        fmt = FMTS[i % 5]
        good, bad = _results_pair(cx, a, b, i, fmt)
        cx.pair(
            "address-block/care-of-facility",
            (fmt, good, f"letter c/- facility to resident {a.cid}"),
            (
                fmt,
                bad,
                f"letter c/- facility to resident {a.cid} carries results of co-resident {b.cid}",
            ),
            MISMATCH,
        )
        cx.allow(
            "address-block/care-of-facility",
            "pdf",
            render(appointment_letter(cx.rng, c, i + 2), "pdf"),
            f"appointment for resident {c.cid} care of the facility",
        )


def family_violence_letters(cx: Corpus) -> None:
    reg = cx.reg
    her, her2 = reg.role("fv")
    ex, ex2 = reg.role("fv_ex")
    # a letter for her sent to her old address, where her ex-partner lives
    good = appointment_letter(cx.rng, her, 2)
    bad = copy.deepcopy(good)
    bad.address = [her.formal, *reg.fv_old_address.block(1)]
    cx.pair(
        "suppressed-loose/old-address",
        ("pdf", render(good, "pdf"), f"letter to {her.cid} at her own (suppressed) postal address"),
        ("pdf", render(bad, "pdf"), f"letter about {her.cid} sent to her former address, now {ex.cid}'s"),
        ["mismatched_recipient", "suppressed_detail_exposed"],
    )
    good2 = appointment_letter(cx.rng, her2, 4)
    bad2 = copy.deepcopy(good2)
    bad2.address = [her2.formal, *reg.fv_old_address2.block(0)]
    cx.pair(
        "suppressed-loose/old-address",
        ("docx", render(good2, "docx"), f"letter to {her2.cid} at her own (suppressed) address"),
        ("docx", render(bad2, "docx"), f"letter about {her2.cid} sent to the address she fled, now {ex2.cid}'s"),
        ["mismatched_recipient", "suppressed_detail_exposed"],
    )
    # his own appointment letter naming her as next of kin with her new (suppressed) phone
    for k, (victim, abuser, fmt) in enumerate([(her, ex, "pdf"), (her2, ex2, "rtf")]):
        good = appointment_letter(cx.rng, abuser, k)
        bad = copy.deepcopy(good)
        good.body.append("Our records show your next of kin as: not recorded. Please update this at your visit.")
        bad.body.append(
            f"Our records show your next of kin as: {victim.given} {victim.family}, phone "
            f"{victim.phones[0][:4]} {victim.phones[0][4:7]} {victim.phones[0][7:]}. Please check this at "
            "your visit."
        )
        cx.pair(
            "suppressed-loose/phone-in-letter",
            (fmt, render(good, fmt), f"{abuser.cid}'s own appointment letter"),
            (fmt, render(bad, fmt), f"{abuser.cid}'s appointment letter shows suppressed phone of {victim.cid}"),
            ["suppressed_detail_exposed"],
            suppressed=True,
        )
    # her new address printed in a letter to him (a 'change of details' confirmation sent to the wrong file)
    good = appointment_letter(cx.rng, ex, 6)
    bad = copy.deepcopy(good)
    bad.body.insert(0, f"We have updated the household address on file to {her.address.one_line()}.")
    cx.pair(
        "suppressed-loose/address-in-letter",
        ("txt", render(good, "txt"), f"{ex.cid}'s appointment letter"),
        ("txt", render(bad, "txt"), f"letter to {ex.cid} quotes the suppressed address of {her.cid}"),
        ["suppressed_detail_exposed", "mismatched_recipient"],
        suppressed=True,
    )
    # his letter delivered to her new (suppressed) address: the clerk took the "household" address from her file
    good = appointment_letter(cx.rng, ex2, 5)
    bad = copy.deepcopy(good)
    bad.address = [ex2.formal, *her2.address.block(2)]
    cx.pair(
        "suppressed-loose/delivery-address",
        ("html", render(good, "html"), f"{ex2.cid}'s appointment letter to his own address"),
        (
            "html",
            render(bad, "html"),
            f"{ex2.cid}'s appointment letter addressed to the suppressed address of {her2.cid}",
        ),
        ["suppressed_detail_exposed", "mismatched_recipient"],
        suppressed=True,
    )
    # her own letters at her suppressed address, and his at the old house: both fine
    for k, p in enumerate([her, her2, ex, ex2]):
        fmt = FMTS[k]
        cx.allow(
            "recipient-own-details/suppressed-own",
            fmt,
            render(appointment_letter(cx.rng, p, k + 3), fmt),
            f"{p.cid}'s own appointment letter at her or his own address",
        )


def merged_envelope(cx: Corpus) -> None:
    """Two patients' pages in one envelope: page 2 of the letter is another patient's results."""
    for i in range(cx.reps(3)):
        a, b = cx.reg.general(2)
        good = appointment_letter(cx.rng, a, i)
        good.pages = [results_page(cx.rng, a, i)]
        bad = copy.deepcopy(good)
        bad.pages = [results_page(cx.rng, b, i)]
        fmt = ["pdf", "docx", "pdf"][i % 3]
        cx.pair(
            "mime-parts/two-patients-one-envelope",
            (fmt, render(good, fmt), f"{a.cid} letter with own results"),
            (fmt, render(bad, fmt), f"{a.cid} letter, page 2 is the results page of {b.cid}"),
            ["mixed_client_documents", "mismatched_recipient"],
        )
    # a merged PDF of several letters scanned as one file: the third letter carries another patient's page
    pats = cx.reg.general(5)
    letters = [appointment_letter(cx.rng, p, k) for k, p in enumerate(pats[:4])]
    bad_letters = copy.deepcopy(letters)
    bad_letters[2].pages = [results_page(cx.rng, pats[4], 2)]
    letters[2].pages = [results_page(cx.rng, pats[2], 2)]
    ok = [{"expect": "allow"}] * 4
    cx.letters_pair(
        "mail-merge/merged-pdf-scan",
        (pdf_letters(letters), ok, "four letters, each to its own patient"),
        (
            pdf_letters(bad_letters),
            [*ok[:2], {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}, ok[3]],
            f"third letter carries results of {pats[4].cid}",
        ),
    )


def identifiers(cx: Corpus) -> None:
    """GP letters (approved domain) legitimately carry Medicare numbers; another patient's is a mix-up."""
    for i in range(cx.reps(4)):
        a, b = cx.reg.general(2)
        while not (a.medicare and b.medicare):
            a, b = cx.reg.general(2)
        fmt = FMTS[i % 5]
        good = gp_letter(cx.rng, a, i)
        bad = copy.deepcopy(good)
        bad.refs = [
            r if not r.startswith("Medicare") else f"Medicare: {medicare_written(b.medicare, i % 3, b.irn)}"
            for r in bad.refs
        ]
        bad.refs[1] = ur_written(b.ur, i)
        cx.pair(
            "identifiers-dates/gp-letter-wrong-numbers",
            (fmt, render(good, fmt), f"GP letter about {a.cid}"),
            (fmt, render(bad, fmt), f"GP letter about {a.cid} quotes UR and Medicare number of {b.cid}"),
            ["mixed_client_documents", "mismatched_recipient"],
        )
    # a gap-fee statement to one patient quoting another patient's Medicare claim (own number masked in the twin)
    from tests.corpora.health.letters import billing_letter

    for i in range(cx.reps(2)):
        a, b = cx.reg.general(2)
        while not (a.medicare and b.medicare):
            a, b = cx.reg.general(2)
        fmt = ["pdf", "rtf"][i % 2]
        good = billing_letter(cx.rng, a, i)
        bad = copy.deepcopy(good)
        good.refs.append(f"Medicare claim: {a.given} {a.family}, card ending {a.medicare[-2]} / {a.irn}")
        bad.refs.append(f"Medicare claim: {b.given} {b.family}, card {medicare_written(b.medicare, i % 3, b.irn)}")
        cx.pair(
            "identifiers-dates/statement-other-medicare",
            (fmt, render(good, fmt), f"statement to {a.cid}, own Medicare card masked"),
            (fmt, render(bad, fmt), f"statement to {a.cid} quotes the name and Medicare number of {b.cid}"),
            ["mismatched_recipient", "sensitive_identifier", "mixed_client_documents"],
        )
    # invalid Medicare-like numbers in ordinary letters: booking references, not identifiers
    for i in range(cx.reps(4)):
        p = cx.reg.general(1)[0]
        letter = appointment_letter(cx.rng, p, i + 1)
        letter.refs.append(f"Booking no. {medicare_written(invalid_medicare(cx.rng), i % 3)}")
        cx.allow(
            "identifiers-dates/medicare-lookalike",
            FMTS[(i + 2) % 5],
            render(letter, FMTS[(i + 2) % 5]),
            f"{p.cid} appointment letter; booking number fails the Medicare check digit",
        )


def unmerged(cx: Corpus) -> None:
    styles = ["«FirstName»", "{{appointment_time}}", "<<Title>> <<Surname>>", "[Surname]", "{ MERGEFIELD Clinic_Name }"]
    for i in range(cx.reps(5)):
        p = cx.reg.general(1)[0]
        fmt = FMTS[(i + 1) % 5]
        good = appointment_letter(cx.rng, p, i)
        bad = copy.deepcopy(good)
        ph = styles[i % len(styles)]
        if i % 2:
            bad.salutation = f"Dear {ph},"
        else:
            bad.body[0] = bad.body[0].replace(" on ", f" ({ph}) on ", 1)
        cx.pair(
            "unmerged/single-letter",
            (fmt, render(good, fmt), f"{p.cid} merged appointment letter"),
            (fmt, render(bad, fmt), f"{p.cid} letter with an unmerged placeholder"),
            ["unmerged_field"],
        )


def unscannable_letters(cx: Corpus) -> None:
    for i in range(cx.reps(2)):
        p = cx.reg.general(1)[0]
        letter = gp_letter(cx.rng, p, i)
        cx.pair(
            "unscannable/encrypted-letter",
            ("pdf", pdf_letters([letter]), f"GP letter about {p.cid}"),
            ("pdf", pdf_letters([letter], password=f"grhs{i}"), f"same GP letter about {p.cid}, encrypted"),
            ["unscannable_content"],
        )
    p = cx.reg.general(1)[0]
    data = render(appointment_letter(cx.rng, p, 2), "docx")
    cx.pair(
        "unscannable/corrupt-docx",
        ("docx", data, f"{p.cid} appointment letter"),
        ("docx", data[: len(data) // 3], f"{p.cid} appointment letter, truncated file"),
        ["unscannable_content"],
    )


def everyday_letters(cx: Corpus) -> None:
    from tests.corpora.health.letters import billing_letter, discharge_summary, waiting_list_letter

    makers = [appointment_letter, billing_letter, waiting_list_letter, gp_letter, discharge_summary]
    kinds = ["appointment", "gap-fee-statement", "waiting-list", "gp-letter", "discharge-summary"]
    for i in range(cx.reps(50)):
        p = cx.reg.general(1)[0]
        k = i % 5
        fmt = FMTS[(i // 5 + i) % 5]
        letter = makers[k](cx.rng, p, i)
        cx.allow(f"everyday/{kinds[k]}", fmt, render(letter, fmt), f"{kinds[k]} for {p.cid}")
    # letters to a guardian at a street address, and a community newsletter with no patient data
    for i in range(cx.reps(4)):
        letter = Letter(
            LETTERHEADS[i % 3],
            written_date(cx.rng.choice([__import__("datetime").date(2026, 11, 9)]), i),
            [
                "The Householder",
                f"{cx.rng.randint(1, 90)} {cx.rng.choice(['Camp St', 'Forest Rd'])}",
                "MALDON VIC 3463",
            ],
            [],
            "Dear Resident,",
            [
                "Our free Healthy Hearts morning tea is on at the Maldon Community Hall on Thursday 3 December "
                "2026 from 10am. Blood pressure checks, a talk from our dietitian and a Q&A with Dr Helen "
                "Marchetti.",
                "RSVP to 5471 3555 or healthpromotion@goldfieldshealth.example.",
            ],
            ["Warm regards,", "", "Health Promotion Team"],
        )
        cx.allow("everyday/event-invitation", FMTS[i % 5], render(letter, FMTS[i % 5]), "health promotion invitation")
