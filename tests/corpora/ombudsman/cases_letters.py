"""Incidents in letters, each written beside its legitimate twin (same layout, the right person or content)."""

from __future__ import annotations

import copy

from tests.corpora.ombudsman.corpus import Corpus
from tests.corpora.ombudsman.formats import Letter, dob_written, letter_bytes, letters_pdf
from tests.corpora.ombudsman.people import Client
from tests.corpora.ombudsman.texts import ack_letter, case_summary, issue, outcome_letter

MISMATCH = ["mismatched_recipient", "mixed_client_documents"]
MIXED = ["mixed_client_documents", "mismatched_recipient"]


def _two(cx: Corpus) -> tuple[Client, Client]:
    a, b = cx.rng.sample(cx.reg.ordinary, 2)
    return a, b


def wrong_reference(cx: Corpus) -> None:
    """A letter to A quoting B's complaint number or account (copied from the previous letter)."""
    a, b = _two(cx)
    topic, _ = issue(cx)
    make = cx.rng.choice([ack_letter, outcome_letter])
    good = make(cx, a, topic)
    bad = copy.deepcopy(good)
    style = cx.rng.randint(0, 4)
    bad.refs = cx.ref_lines(b, style)
    good.refs = cx.ref_lines(a, style)
    ext = cx.ext()
    i = cx.letter(
        "address-block/window-envelope",
        bad,
        f"letter addressed to {a.cid} carries reference of {b.cid}",
        MISMATCH,
        ext=ext,
    )
    t = cx.letter("address-block/window-envelope", good, f"letter to {a.cid} with its own reference", ext=ext)
    cx.twin(i, t)


def namesake(cx: Corpus) -> None:
    """Two complainants share a name: the letter to one carries the other's date of birth and account."""
    a, b = cx.rng.choice(cx.reg.namesakes)
    if cx.rng.random() < 0.5:
        a, b = b, a
    topic, _ = issue(cx)
    style = cx.rng.randint(0, 5)

    def make(who: Client) -> Letter:
        letter = ack_letter(cx, a, topic, refs=[f"Account: {who.account_spaced()}"])
        letter.body.insert(
            0, f"We have verified your identity: {who.formal}, date of birth {dob_written(who.dob, style)}."
        )
        return letter

    good = make(a)
    bad = copy.deepcopy(good)
    bad.refs = [f"Account: {b.account_spaced()}"]
    bad.body[0] = f"We have verified your identity: {b.formal}, date of birth {dob_written(b.dob, style)}."
    ext = cx.ext()
    i = cx.letter(
        "identifiers-dates/same-name-other-dob",
        bad,
        f"letter to {a.cid} carries account and date of birth of namesake {b.cid}",
        MISMATCH,
        ext=ext,
    )
    t = cx.letter("identifiers-dates/same-name-other-dob", good, f"letter to {a.cid}, own details", ext=ext)
    cx.twin(i, t)


def second_client_page(cx: Corpus) -> None:
    """Two complainants' documents in one envelope: page 2 is another complainant's case summary."""
    a, b = _two(cx)
    topic, detail = issue(cx)
    good = outcome_letter(cx, a, topic)
    bad = copy.deepcopy(good)
    good.extra_pages = [("Complaint summary (enclosure)", case_summary(a, detail))]
    bad.extra_pages = [("Complaint summary (enclosure)", case_summary(b, detail))]
    ext = cx.rng.choice(["pdf", "pdf", "docx", "rtf"])
    i = cx.letter(
        "mime-parts/second-client-enclosure", bad, f"letter to {a.cid} encloses case summary of {b.cid}", MIXED, ext=ext
    )
    t = cx.letter("mime-parts/second-client-enclosure", good, f"letter to {a.cid} encloses own summary", ext=ext)
    cx.twin(i, t)


def merged_pdf_swap(cx: Corpus) -> None:
    """A PDF of several letters where one letter's reference belongs to the next complainant."""
    cs = cx.rng.sample(cx.reg.ordinary, 5)
    topic, _ = issue(cx)
    good = [ack_letter(cx, c, topic, refs=cx.ref_lines(c, 3)) for c in cs]
    bad = copy.deepcopy(good)
    k = cx.rng.randint(1, 3)
    bad[k].refs = cx.ref_lines(cs[k + 1], 3)
    verdicts = [{"expect": "allow"} for _ in cs]
    verdicts[k] = {"expect": "block", "rules": MISMATCH}
    i = cx.multi(
        "address-block/merged-pdf",
        "pdf",
        letters_pdf(bad),
        f"letter {k + 1} to {cs[k].cid} carries reference of {cs[k + 1].cid}",
        verdicts,
    )
    t = cx.multi(
        "address-block/merged-pdf",
        "pdf",
        letters_pdf(good),
        "each letter carries its own reference",
        [{"expect": "allow"} for _ in cs],
    )
    cx.twin(i, t)


def fv_delivery_address(cx: Corpus) -> None:
    """A letter to the ex-partner (joint holder) sent to her new, suppressed address (the CRM's latest)."""
    her, ex = cx.rng.choice(cx.reg.fv)
    topic, _ = issue(cx)
    good = outcome_letter(cx, ex, topic)
    bad = copy.deepcopy(good)
    bad.address = [good.address[0], *her.address.block(True)]
    ext = cx.ext()
    i = cx.letter(
        "suppressed-loose/delivery-address",
        bad,
        f"letter to joint holder {ex.cid} addressed to suppressed address of {her.cid}",
        ["suppressed_detail_exposed"],
        suppressed=True,
        ext=ext,
    )
    t = cx.letter(
        "suppressed-loose/delivery-address", good, f"letter to joint holder {ex.cid} at his own address", ext=ext
    )
    cx.twin(i, t)


def fv_to_joint_holder(cx: Corpus) -> None:
    """The joint-account letter to the ex-partner mentions her new phone or address."""
    her, ex = cx.rng.choice(cx.reg.fv)
    topic, _ = issue(cx)
    good = outcome_letter(cx, ex, topic)
    bad = copy.deepcopy(good)
    if cx.rng.random() < 0.5:
        leak = f"The other account holder can be contacted on {her.phone} to agree the split of the credit."
        what = "phone"
    else:
        leak = f"A copy of this letter has been sent to the other account holder at {her.address.one_line()}."
        what = "address"
    good.body.append("A copy of this letter has been sent to the other account holder.")
    bad.body.append(leak)
    ext = cx.ext()
    i = cx.letter(
        "relationships/joint-holder-fv",
        bad,
        f"letter to joint holder {ex.cid} shows suppressed {what} of {her.cid}",
        ["suppressed_detail_exposed"],
        suppressed=True,
        ext=ext,
    )
    t = cx.letter(
        "relationships/joint-holder-fv", good, f"letter to joint holder {ex.cid}, no suppressed detail", ext=ext
    )
    cx.twin(i, t)


MERGE_TOKENS = ["«FirstName»", "{{given_name}}", "<<Title>>", "[Surname]", "«Account_No»", "{{ComplaintNumber}}"]


def unmerged(cx: Corpus) -> None:
    c = cx.rng.choice(cx.reg.ordinary)
    topic, _ = issue(cx)
    good = ack_letter(cx, c, topic)
    bad = copy.deepcopy(good)
    tok = cx.rng.choice(MERGE_TOKENS)
    if cx.rng.random() < 0.5:
        bad.salutation = f"Dear {tok},"
    else:
        bad.body.append(f"Your reference for all enquiries is {tok}.")
        good.body.append(f"Your reference for all enquiries is {c.complaint_no}.")
    ext = cx.ext()
    i = cx.letter(
        "unmerged/letter-field", bad, f"letter to {c.cid} with an unmerged field", ["unmerged_field"], ext=ext
    )
    t = cx.letter("unmerged/letter-field", good, f"letter to {c.cid}, fully merged", ext=ext)
    cx.twin(i, t)


def corrupt_letter(cx: Corpus) -> None:
    """A letter file dropped in the pre-send folder that cannot be read (encrypted or truncated)."""
    c = cx.rng.choice(cx.reg.ordinary)
    topic, _ = issue(cx)
    letter = ack_letter(cx, c, topic)
    if cx.rng.random() < 0.5:
        bad, ext, how = letters_pdf([letter], password="ewo2026"), "pdf", "password-protected PDF"
    else:
        whole = letter_bytes(letter, "docx")
        bad, ext, how = whole[: len(whole) // 3], "docx", "truncated DOCX"
    i = cx.raw("unscannable/letter-file", ext, bad, f"{how} letter to {c.cid}", ["unscannable_content"])
    t = cx.raw("unscannable/letter-file", ext, letter_bytes(letter, ext), f"readable letter to {c.cid}")
    cx.twin(i, t)


def build(cx: Corpus) -> None:
    for fn, n in [
        (wrong_reference, 8),
        (namesake, 3),
        (second_client_page, 4),
        (merged_pdf_swap, 1),
        (fv_delivery_address, 3),
        (fv_to_joint_holder, 4),
        (unmerged, 4),
        (corrupt_letter, 3),
    ]:
        for _ in range(cx.times(n)):
            fn(cx)
