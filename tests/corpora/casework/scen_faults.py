"""Bulk extracts, unmerged fields and unreadable parts."""

from __future__ import annotations

import html
import random
from dataclasses import replace

from . import hostile, ids, render_docs, render_pdf
from .common import cm_of, mail_to_client, pick, render_letter, rep_of
from .corpus import Corpus
from .letters import KINDS, Page, compose
from .mail import Att, Mail, render, staff_signature, who
from .org import ANALYST, CASE_MANAGERS, CLAIMS_TEAM_LIST, PRINT_ROOM
from .people import Client
from .scen_everyday import APPROVED

# --- bulk ------------------------------------------------------------------------------------------


def build_bulk(c: Corpus) -> None:
    rng = c.rng("bulk")
    cat = "bulk/"
    cm = cm_of(rng)
    for k in range(c.n(6)):
        ws = [pick(c.reg, rng) for _ in range(36 + 4 * k)]
        seed = rng.random()
        if k % 6 == 0:
            rows: list[list[object]] = [["Name", "DOB", "Claim", "Phone", "Email"]]
            rows += [[w.full, w.dob.isoformat(), w.claim, w.phone, w.email] for w in ws]
            att = Att("open_claims.xlsx", render_docs.xlsx({"Open": rows}))
            out_to, in_to = ("Rhiannon", "rhiannon.foley.home@gmail.example"), who(CASE_MANAGERS[0])
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "open-claims spreadsheet to a staff member's personal webmail"
        elif k % 6 == 1:
            att = Att(
                "claims_return.csv",
                render_docs.csv_bytes(
                    [["claim", "name", "dob", "postcode", "injury"]]
                    + [[w.claim, w.full, w.dob.isoformat(), w.addr.postcode, w.injury] for w in ws]
                ),
            )
            out_to, in_to = who(APPROVED["regulator"].contacts[1]), who(ANALYST)
            rules = ["bulk_client_data"]
            what = "identified claims return emailed to the regulator (approved, but bulk rule still applies)"
        elif k % 6 == 2:
            att = Att("Claims cost report.pdf", render_pdf.pdf_pages("Claims cost report", [certificate_like(ws)]))
            out_to, in_to = ("Actuarial review", "team@hollisactuarial.example"), who(ANALYST)
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "named claims cost report to an outside actuary"
        elif k % 6 == 3:
            att = Att(
                "claims.zip",
                render_docs.zip_files(
                    [
                        (
                            "claims.csv",
                            render_docs.csv_bytes(
                                [["Worker", "Claim", "Address"]] + [[w.full, w.claim, w.addr.one_line()] for w in ws]
                            ),
                        )
                    ]
                ),
            )
            out_to, in_to = ("Temp contractor", "dev.contractor@fastmail.example"), who(ANALYST)
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "zipped claims extract to a contractor's personal address"
        elif k % 6 == 4:
            att = Att(
                "Mailout list.docx",
                render_docs.docx_table(
                    "Mailout list",
                    ["Indexation letters"],
                    [["Name", "Address"]] + [[w.formal, w.addr.one_line()] for w in ws],
                ),
            )
            out_to, in_to = ("Print vendor", "jobs@printhausmail.example"), who(PRINT_ROOM)
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "names and addresses for a mail-out to an unapproved print vendor"
        else:
            att = None
            out_to, in_to = who(APPROVED["rehab"].contacts[2]), who(CLAIMS_TEAM_LIST)
            rules = ["bulk_client_data"]
            what = "HTML table of every open referral sent to the rehab provider (approved; bulk rule applies)"

        def send(
            to: tuple[str, str], att: Att | None = att, ws: list[Client] = ws, seed: float = seed, k: int = k
        ) -> bytes:
            r = random.Random(seed)
            text = f"Hi,\n\nAs requested, the list of {len(ws)} claims is attached.\n{staff_signature(cm)}"
            if att is None:
                body = f"<p>Open referrals:</p><table border='1'>{table_of(ws)}</table>"
                return render(Mail(who(cm), [to], "Open referrals", "See the HTML version.", html=body), r)
            return render(Mail(who(cm), [to], "Claims list", text, atts=[att]), r)

        twin = c.add(
            "eml",
            send(in_to),
            cat + ("extract" if k % 6 != 5 else "html-table"),
            note=f"the same list of {len(ws)} clients kept inside the agent",
        )
        inc = c.add(
            "eml",
            send(out_to),
            cat + ("extract" if k % 6 != 5 else "html-table"),
            rules=rules,
            note=f"{what}: {len(ws)} clients",
        )
        c.pair(inc, twin)
    for _ in range(c.n(2)):
        counts = [["State", "Open claims", "Psychological", "Musculoskeletal"]] + [
            [s, rng.randrange(20, 400), rng.randrange(2, 60), rng.randrange(10, 300)]
            for s in ("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT")
        ]
        c.add(
            "eml",
            render(
                Mail(
                    who(ANALYST),
                    [who(APPROVED["regulator"].contacts[1])],
                    "Quarterly return (aggregate)",
                    (
                        "Hi,\n\nThe aggregate quarterly return is attached. No personal information is included.\n"
                        f"{staff_signature(ANALYST)}"
                    ),
                    atts=[Att("aggregate.csv", render_docs.csv_bytes(counts))],
                ),
                rng,
            ),
            cat + "aggregate",
            note="de-identified counts to the regulator",
        )


def table_of(ws: list[Client]) -> str:
    return "".join(f"<tr><td>{html.escape(w.full)}</td><td>{w.claim}</td><td>{w.phone}</td></tr>" for w in ws)


def certificate_like(ws: list[Client]) -> Page:
    return Page(
        "CLAIMS COST REPORT - OPEN CLAIMS",
        ["Named list for reserving review."],
        [["Worker", "Claim", "DOB", "Paid to date"]]
        + [[w.full, w.claim, ids.fmt_date(w.dob, "dmy"), f"${1200 + 733 * i:,.0f}"] for i, w in enumerate(ws)],
    )


# --- unmerged fields ----------------------------------------------------------------------------------


UNMERGED_KINDS = (
    "word-mergefield",
    "window-address",
    "double-brace-body",
    "angle-brackets",
    "square-brackets",
    "double-brace-subject",
    "field-code-shown",
    "reference-cell",
)


def build_unmerged(c: Corpus) -> None:
    rng = c.rng("unmerged")
    cat = "unmerged/"
    for k in range(c.n(8)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        seed = rng.random()
        good = compose(KINDS[k % len(KINDS)], x, random.Random(seed))
        variant = k % 8
        if variant == 0:
            bad = replace(good, salutation="Dear \u00abFirstName\u00bb")
            ext, g = render_letter(good, "docx-plain")
            ext, b = render_letter(bad, "docx-plain", merge_fields=True)
            what = "Word MERGEFIELD FirstName left in the salutation"
        elif variant == 1:
            bad = replace(good, addr_lines=["\u00abAddressLine1\u00bb"] + good.addr_lines[1:])
            ext, g = render_letter(good, "pdf-window")
            ext, b = render_letter(bad, "pdf-window")
            what = "\u00abAddressLine1\u00bb in the window address"
        elif variant in (2, 5):
            cm = cm_of(rng)
            body = "Your certificate of capacity has been received. Your next payment is due on Thursday."
            g = mail_to_client(x, cm, f"Claim {x.claim} - certificate received", body, random.Random(seed))
            subj = (
                "Claim {{claim_number}} - certificate received"
                if variant == 5
                else f"Claim {x.claim} - certificate received"
            )
            b = mail_to_client(
                x, cm, subj, body, random.Random(seed), greeting="" if variant == 5 else "Dear {{first_name}},"
            )
            ext, what = "eml", "{{claim_number}} in the subject" if variant == 5 else "{{first_name}} in the body"
        elif variant == 3:
            bad = replace(good, name_lines=["<<Title>> <<FirstName>> <<Surname>>"])
            ext, g = render_letter(good, "txt")
            ext, b = render_letter(bad, "txt")
            what = "<<Title>> <<FirstName>> <<Surname>> as the addressee"
        elif variant == 4:
            bad = replace(good, salutation=f"Dear {x.title} [Surname]")
            ext, g = render_letter(good, "rtf")
            ext, b = render_letter(bad, "rtf")
            what = "[Surname] in the salutation"
        elif variant == 6:
            bad = replace(
                good,
                paras=good.paras[:-1]
                + ['The amount of { MERGEFIELD PaymentAmount \\# "$#,##0.00" } will be paid on Thursday.']
                + good.paras[-1:],
            )
            good = replace(
                good, paras=good.paras[:-1] + ["The amount of $612.40 will be paid on Thursday."] + good.paras[-1:]
            )
            ext, g = render_letter(good, "pdf-classic")
            ext, b = render_letter(bad, "pdf-classic")
            what = "field code MERGEFIELD PaymentAmount printed"
        else:
            bad = replace(
                good, refs=[(k2, "\u00abClaimNumber\u00bb" if k2 == "Claim number" else v) for k2, v in good.refs]
            )
            ext, g = render_letter(good, "docx-table")
            ext, b = render_letter(bad, "docx-table", merge_fields=True)
            what = "\u00abClaimNumber\u00bb in the reference cell"
        twin = c.add(ext, g, cat + UNMERGED_KINDS[variant], note=f"merged letter to {x.cid}")
        inc = c.add(ext, b, cat + UNMERGED_KINDS[variant], rules=["unmerged_field"], note=f"{what}; to {x.cid}")
        c.pair(inc, twin)


# --- unreadable parts -----------------------------------------------------------------------------------


def build_unscannable(c: Corpus) -> None:
    rng = c.rng("unscannable")
    cat = "unscannable/"
    cases = [
        "encrypted-pdf",
        "encrypted-docx",
        "password-zip",
        "corrupt-pdf",
        "corrupt-docx",
        "smime-encrypted",
        "pgp-encrypted",
        "encrypted-pdf-letter",
        "zip-bomb",
    ]
    for case in cases[: max(5, c.n(len(cases)))]:
        w, rep = rep_of(c.reg, rng, "law", "advocate")
        cm = cm_of(rng)
        seed = rng.random()
        letter = compose("liability", w, random.Random(seed))
        pdf = render_pdf.pdf_letter(letter, "window")
        docx = render_docs.docx_letter(letter, "table")
        if case == "encrypted-pdf-letter":
            twin = c.add("pdf", pdf, cat + case, note=f"letter to {w.cid}")
            inc = c.add(
                "pdf",
                render_pdf.pdf_letter(letter, "window", password=w.dob.strftime("%d%m%Y")),
                cat + case,
                rules=["unscannable_content"],
                note=f"password-protected letter to {w.cid} in the pre-send folder",
            )
            c.pair(inc, twin)
            continue
        good_att: list[Att] = []
        bad_att: list[Att] = []
        sign = enc = ""
        if case == "encrypted-pdf":
            good_att = [Att("Decision.pdf", pdf)]
            bad_att = [Att("Decision.pdf", render_pdf.pdf_letter(letter, "window", password="Corella2026"))]
        elif case == "encrypted-docx":
            good_att = [Att("Decision.docx", docx)]
            bad_att = [Att("Decision.docx", hostile.encrypted_office(docx, "Corella2026", random.Random(seed)))]
        elif case == "password-zip":
            good_att = [Att("documents.zip", render_docs.zip_files([("Decision.pdf", pdf)]))]
            bad_att = [
                Att("documents.zip", hostile.encrypted_zip([("Decision.pdf", pdf)], "Corella2026", random.Random(seed)))
            ]
        elif case == "corrupt-pdf":
            good_att = [Att("Decision.pdf", pdf)]
            bad_att = [Att("Decision.pdf", hostile.truncated(pdf))]
        elif case == "corrupt-docx":
            good_att = [Att("Decision.docx", docx)]
            bad_att = [Att("Decision.docx", hostile.truncated(docx, 0.6))]
        elif case == "zip-bomb":
            good_att = [
                Att(
                    "export.zip",
                    render_docs.zip_files([("export.csv", b"claim,status\r\n" + w.claim.encode() + b",open\r\n")]),
                )
            ]
            bad_att = [Att("export.zip", hostile.bomb_zip())]
        else:
            good_att = [Att("Decision.pdf", pdf)]
            bad_att = good_att
            enc = "smime" if case == "smime-encrypted" else "pgp"
        text = (
            f"Dear {rep.name.split(' ')[0]},\n\nPlease find attached the decision on claim {w.claim} for your "
            f"client.{' The password will follow by SMS.' if bad_att is not good_att and 'zip' not in case else ''}"
            f"\n{staff_signature(cm)}"
        )
        good = render(
            Mail(who(cm), [who(rep)], f"Decision - {w.short}", text, atts=good_att, sign=sign), random.Random(seed)
        )
        bad = render(
            Mail(who(cm), [who(rep)], f"Decision - {w.short}", text, atts=bad_att, encrypt=enc), random.Random(seed)
        )
        twin = c.add("eml", good, cat + case, note=f"decision for {w.cid} to their representative, readable")
        inc = c.add(
            "eml",
            bad,
            cat + case,
            rules=["unscannable_content"],
            note=f"{case.replace('-', ' ')} part in a message about {w.cid}: cannot be read, fails closed",
        )
        c.pair(inc, twin)
