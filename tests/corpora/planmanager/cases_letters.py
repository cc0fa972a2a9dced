"""Letters: address-block, recipient-own-details (letters), relationships (letters), identifiers-dates
(letters), unmerged and unscannable letters, and a multi-letter print file."""

from __future__ import annotations

from datetime import date

from .content import (
    address_block,
    fdate,
    name_line,
    ndis_form,
    parent_block,
    review_reminder,
    statement,
    welcome,
)
from .corpus import Corpus, render
from .formats import Letter, docx_letter, pdf_letter, pdf_letters

MR = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed", "mismatched_recipient"]
D = date(2025, 3, 4)


def build(c: Corpus) -> None:
    reg, cast = c.reg, c.reg.cast

    # ---- address-block: the letter of one participant addressed to another -------------------------------------
    kinds = [
        ("address-block/window-envelope", "pdf-window", "statement", 0),
        ("address-block/right-aligned", "pdf-right", "review", 3),
        ("address-block/docx-table-cell", "docx-table", "welcome", 1),
        ("address-block/docx-paragraphs", "docx-para", "statement", 2),
        ("address-block/rtf", "rtf", "review", 4),
        ("address-block/plain-text", "txt", "statement", 1),
        ("address-block/html-letter", "html", "welcome", 0),
    ]
    for cat, fmt, kind, style in kinds:
        a, b = reg.next_fill(), reg.next_fill()

        def make(bad, r, a=a, b=b, kind=kind, style=style):
            block = address_block(b if bad else a, style)
            if kind == "statement":
                return statement(reg, a, block, r, D, ndis_style=style, dob_style=style)
            if kind == "review":
                return review_reminder(a, block, D)
            return welcome(a, block, D)

        c.letter_pair(cat, fmt, make, MR, f"{kind} of {a.cid} addressed to {b.cid}", f"{kind} of {a.cid} to them")

    special = [
        ("address-block/po-box", "rtf", cast["pobox"], None),
        ("address-block/rmb", "docx-table", cast["rmb"], None),
        ("address-block/lot", "pdf-window", cast["lot"], None),
        ("address-block/care-of", "txt", cast["careof"], None),
    ]
    for cat, fmt, a, _ in special:
        b = reg.next_fill()

        def make(bad, r, a=a, b=b):
            return statement(reg, b if bad else a, address_block(a, 1), r, D, ndis_style=2)

        c.letter_pair(cat, fmt, make, MR, f"addressed to {a.cid}, statement of {b.cid}", f"statement of {a.cid}")

    t1a, t1b = cast["t1a"], cast["t1b"]

    def twin1(bad, r):
        return statement(reg, t1a, address_block(t1b if bad else t1a, 0), r, D, dob_style=2)

    c.letter_pair(
        "address-block/name-twin",
        "pdf-window",
        twin1,
        ["mismatched_recipient"],
        f"statement of {t1a.cid} (NDIS no., DOB) addressed to name twin {t1b.cid} at his address",
        f"statement of {t1a.cid} to him; name twin {t1b.cid} exists",
    )

    t2a, t2b = cast["t2a"], cast["t2b"]

    def twin2(bad, r):
        who = t2a if bad else t2b
        return Letter(
            address_block(t2b, 3),
            fdate(D),
            "Please confirm your details",
            [("Name", t2b.name), ("Date of birth", fdate(who.dob, 2))],
            f"Dear {t2b.given},",
            [
                "We are updating our records before your plan reassessment. Please check the details above and "
                "call us if anything is wrong. We do not need you to send any documents."
            ],
        )

    c.letter_pair(
        "address-block/name-twin-dob",
        "docx-para",
        twin2,
        ["mismatched_recipient"],
        f"letter to {t2b.cid} confirms name twin {t2a.cid}'s date of birth (only name+DOB)",
        f"letter to {t2b.cid} with her own date of birth",
    )

    s2, s3 = cast["s2"], cast["s3"]

    def sil(bad, r):
        return statement(reg, s2, address_block(s2, 0), r, D, about=s3 if bad else s2)

    c.letter_pair(
        "address-block/sil-room",
        "pdf-window",
        sil,
        MR,
        f"letter to {s2.cid} (Room 2) carries the statement of housemate {s3.cid} (Room 3)",
        f"letter to {s2.cid} (Room 2) with her own statement; four residents share the address",
    )

    g1, g3 = cast["g1"], cast["g3"]

    def group(bad, r):
        return statement(reg, g1, address_block(g1, 1), r, D, about=g3 if bad else g1, ndis_style=3)

    c.letter_pair(
        "address-block/group-home",
        "pdf-right",
        group,
        MR,
        f"letter c/- the group home to {g1.cid} carries resident {g3.cid}'s statement",
        f"letter c/- the group home to {g1.cid} with his own statement",
    )

    v1, v1_ex = cast["v1"], cast["v1_ex"]

    def revoke(bad, r):
        block = [name_line(v1_ex, 0)] + (v1.addr.lines(1) if bad else v1_ex.addr.lines(1))
        return Letter(
            block,
            fdate(D),
            "Your appointment as plan nominee has ended",
            [("Participant", v1.name), ("Our reference", v1.wpp)],
            f"Dear {v1_ex.given},",
            [
                "The NDIA has told us that your appointment as plan nominee for the participant named above was "
                "cancelled. From today we cannot discuss the participant's plan with you or send you statements.",
                "If you have questions about this decision please contact the NDIA on 1800 800 110.",
            ],
        )

    c.letter_pair(
        "address-block/suppressed-delivery-address",
        "pdf-window",
        revoke,
        ["suppressed_detail_exposed"],
        f"letter to former nominee {v1_ex.cid} sent to {v1.cid}'s suppressed new address",
        f"letter to former nominee {v1_ex.cid} at his own address",
        suppressed=True,
    )

    v3, v3_ex, child = cast["v3"], cast["v3_ex"], cast["v3_child"]

    def kid(bad, r):
        block = [name_line(v3_ex, 1)] + v3_ex.addr.lines(0) if bad else parent_block(child, v3, 1)
        return statement(
            reg,
            child,
            block,
            r,
            D,
            extra_refs=[("Residential address", child.addr.one_line())],
            nominee=v3_ex if bad else v3,
        )

    c.letter_pair(
        "relationships/child-other-parent",
        "pdf-window",
        kid,
        SUP,
        f"child {child.cid}'s statement with his suppressed address addressed to father {v3_ex.cid} (not a nominee)",
        f"child {child.cid}'s statement to his mother and nominee {v3.cid}, who lives at that address",
        suppressed=True,
    )

    k2, k2p, k2o = cast["k2"], cast["k2_parent"], cast["k2_other"]

    def kid2(bad, r):
        block = [name_line(k2o, 0)] + k2o.addr.lines(3) if bad else parent_block(k2, k2p, 3)
        return review_reminder(k2, block, D)

    c.letter_pair(
        "relationships/child-parent",
        "docx-para",
        kid2,
        ["mismatched_recipient"],
        f"child {k2.cid}'s plan review letter addressed to other parent {k2o.cid} (not a nominee)",
        f"child {k2.cid}'s plan review letter to nominee parent {k2p.cid}",
    )

    # ---- recipient-own-details: a letter showing the client's own (suppressed) details ------------------------
    def own1(bad, r):
        block = address_block(v1_ex, 0) if bad else address_block(v1, 0)
        return statement(reg, v1, block, r, D, show_contact=True)

    c.letter_pair(
        "recipient-own-details/suppressed-own-letter",
        "pdf-window",
        own1,
        SUP,
        f"{v1.cid}'s statement listing her suppressed address, phone, email addressed to former nominee {v1_ex.cid}",
        f"{v1.cid}'s statement listing her own suppressed details, sent to her",
        suppressed=True,
    )

    v5, v5_ex = cast["v5"], cast["v5_ex"]

    def own2(bad, r):
        block = address_block(v5_ex, 1) if bad else address_block(v5, 1)
        return Letter(
            block,
            fdate(D, 2),
            "We have updated your postal address",
            [("Participant", v5.name), ("NDIS number", ndis_form(v5.ndis, 1))],
            f"Dear {v5.given},",
            [
                f"As you asked on 24 February, your postal address is now {v5.addr.one_line()}. We have "
                "marked it as confidential: it will not be given to anyone, including former nominees, and "
                "providers will only see our PO Box."
            ],
        )

    c.letter_pair(
        "recipient-own-details/change-of-address",
        "docx-table",
        own2,
        SUP,
        f"confirmation of {v5.cid}'s suppressed new address addressed to former nominee {v5_ex.cid}",
        f"confirmation of {v5.cid}'s suppressed new address sent to her there",
        suppressed=True,
    )

    s1, s4 = cast["s1"], cast["s4"]

    def own3(bad, r):
        return statement(reg, s1, address_block(s4 if bad else s1, 1), r, D, show_contact=True)

    c.letter_pair(
        "recipient-own-details/sil-housemate",
        "txt",
        own3,
        MR,
        f"{s1.cid}'s statement with her contact details addressed to housemate {s4.cid} (Room 4)",
        f"{s1.cid}'s statement with her own contact details addressed to her (Room 1)",
    )

    # ---- identifiers-dates in letters -------------------------------------------------------------------------
    a, b = reg.next_fill(), reg.next_fill()

    def refnospace(bad, r):
        who = b if bad else a
        return Letter(
            address_block(a, 2),
            fdate(D, 4),
            "Invoice query",
            [("Our ref", who.wpp.replace("-", " ")), ("NDIS", ndis_form(who.ndis, 2))],
            f"Dear {a.given},",
            [
                "We received an invoice from Kestrel Community Supports that is more than your plan allows "
                "for that support. We have asked the provider for a corrected invoice; you do not need to "
                "do anything."
            ],
        )

    c.letter_pair(
        "identifiers-dates/reference-without-hyphen",
        "docx-para",
        refnospace,
        MR,
        f"letter to {a.cid} carries {b.cid}'s reference and NDIS number written with spaces",
        f"letter to {a.cid} with his own reference written with spaces",
    )

    def twin_dob(bad, r):
        who = t1a if bad else t1b
        return Letter(
            address_block(t1b, 2),
            fdate(D, 1),
            "Travel reimbursement",
            [("Participant", f"{who.name} (DOB {fdate(who.dob, 5)})")],
            f"Dear {t1b.given},",
            [
                "We have reimbursed $84.60 for your taxi receipts of 11 and 18 February. The money should "
                "reach your account within three business days."
            ],
        )

    c.letter_pair(
        "identifiers-dates/dob-short-form",
        "txt",
        twin_dob,
        ["mismatched_recipient"],
        f"letter to {t1b.cid} carries name twin {t1a.cid}'s date of birth as dd/mm/yy",
        f"letter to {t1b.cid} with his own date of birth as dd/mm/yy",
    )

    # ---- unmerged placeholders in letters ---------------------------------------------------------------------
    p = reg.next_fill()

    def unm1(bad, r):
        lt = welcome(p, address_block(p, 0), D)
        lt.salutation = "Dear \u00abFirstName\u00bb," if bad else f"Dear {p.given},"
        return lt

    c.letter_pair(
        "unmerged/guillemets-docx",
        "docx-para",
        unm1,
        ["unmerged_field"],
        f"welcome letter to {p.cid} with \u00abFirstName\u00bb left in",
        f"welcome letter to {p.cid}",
    )

    p2 = reg.next_fill()

    def unm2(bad, r):
        lt = statement(reg, p2, address_block(p2, 1), r, D)
        if bad:
            lt.refs[1] = ("NDIS number", "<<NDIS_Number>>")
        return lt

    c.letter_pair(
        "unmerged/angle-brackets-pdf",
        "pdf-window",
        unm2,
        ["unmerged_field"],
        f"statement of {p2.cid} with <<NDIS_Number>> unmerged",
        f"statement of {p2.cid}",
    )

    p3 = reg.next_fill()

    def unm3(bad, r):
        lt = review_reminder(p3, address_block(p3, 0), D)
        end = '{ MERGEFIELD "Plan_End_Date" \\@ "d MMMM yyyy" }' if bad else fdate(p3.plan["end"])
        lt.paras[0] = f"Your current plan ends on {end}. The NDIA will contact you before then."
        return lt

    c.letter_pair(
        "unmerged/mergefield-code",
        "docx-table",
        unm3,
        ["unmerged_field"],
        f"review letter to {p3.cid} showing a MERGEFIELD field code",
        f"review letter to {p3.cid}",
    )

    # ---- unscannable letters -----------------------------------------------------------------------------------
    p4 = reg.next_fill()

    def corrupt(bad, r):
        data = pdf_letter(statement(reg, p4, address_block(p4, 0), r, D), "window", "corrupt")
        return "pdf", (data[: len(data) // 3] if bad else data)

    c.pair(
        "unscannable/truncated-pdf",
        corrupt,
        ["unscannable_content"],
        f"statement of {p4.cid} truncated in the print spool (unreadable)",
        f"statement of {p4.cid}",
    )

    p5 = reg.next_fill()

    def enc_docx(bad, r):
        if bad:  # an Office file protected with a password is an OLE compound file, whatever its extension
            body = bytes(r.randrange(256) for _ in range(6000))
            return "docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff" + body
        return "docx", docx_letter(welcome(p5, address_block(p5, 0), D))

    c.pair(
        "unscannable/password-docx",
        enc_docx,
        ["unscannable_content"],
        f"welcome letter of {p5.cid} saved with a password (encrypted OLE container)",
        f"welcome letter of {p5.cid}",
    )

    # ---- a print file of five letters given to scan, one letter carrying a second client's page ---------------
    people = [reg.next_fill() for _ in range(5)]

    def printfile(bad, r):
        letters = []
        for i, who in enumerate(people):
            about = people[(i + 1) % 5] if (bad and i == 2) else who
            letters.append(statement(reg, who, address_block(who, i), r, D, about=about))
        return "pdf", pdf_letters(letters, "window", "printfile")

    ok = {"expect": "allow"}
    c.pair(
        "address-block/print-file",
        printfile,
        MR,
        f"print file of 5 statements; letter 3 to {people[2].cid} carries {people[3].cid}'s statement",
        "print file of 5 statements, each to its own participant",
        letters=([ok, ok, {"expect": "block", "rules": MR}, ok, ok], [ok] * 5),
    )
    _ = render
