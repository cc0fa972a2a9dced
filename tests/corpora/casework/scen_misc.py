"""Everyday mail, bulk extracts, unmerged fields and unreadable parts."""

from __future__ import annotations

import html
import random
from dataclasses import replace

from . import hostile, ids, render_docs, render_pdf
from .common import rep_of, attach_letter, cm_of, mail_to_client, other_than, pick, render_letter
from .corpus import Corpus
from .letters import KINDS, NOTICE_KINDS, Letter, certificate_page, compose, letter_date, notice, signoff
from .mail import Att, Mail, render, staff_signature, who
from .org import ANALYST, CASE_MANAGERS, CLAIMS_TEAM_LIST, DOMAIN, PARTIES, PRINT_ROOM, PRIVACY_OFFICER, Person
from .people import Client
from .render_pdf import pdf_letters

APPROVED = {p.kind: p for p in PARTIES["approved"]}
FORMATS = ("pdf-window", "docx-table", "pdf-right", "rtf", "txt-columns", "html", "pdf-classic", "docx-right",
           "txt", "pdf-plain", "docx-plain", "rtf-right")


def _approved_mail(c: Corpus, rng: random.Random, k: int) -> None:
    w = pick(c.reg, rng)
    cm = cm_of(rng)
    kind = ("ime", "regulator", "conciliation", "rehab")[k % 4]
    party = APPROVED[kind]
    to = party.contacts[0]
    if kind == "ime":
        subj = f"IME referral - {w.short} - {w.claim}"
        text = (f"Hello,\n\nPlease book an independent medical examination with an orthopaedic surgeon for:\n\n"
                f"Worker: {w.full}\nDate of birth: {ids.fmt_date(w.dob, 'dmy')}\nClaim: {w.claim}\nInjury: {w.injury} "
                f"({ids.fmt_date(w.injury_date, 'long')})\nAddress: {w.addr.one_line()}\nPhone: {w.phone}\n\n"
                "Questions for the examiner are in the attached letter.\n")
        atts = [attach_letter(compose("ime", w, rng), "docx-table", "Referral letter")]
    elif kind == "regulator":
        subj = f"Ministerial enquiry - claim {w.claim}"
        text = (f"Hi,\n\nIn response to the enquiry about claim {w.claim} ({w.short}, injured "
                f"{ids.fmt_date(w.injury_date, 'dmy')}), liability was accepted and weekly payments are current. A "
                "chronology is attached.\n")
        atts = [Att("Chronology.docx", render_docs.docx_table(f"Chronology - {w.claim}", [w.full], [
            ["Date", "Event"], [ids.fmt_date(w.injury_date, "dmy"), "Injury"],
            [ids.fmt_date(letter_date(rng), "dmy"), "Liability accepted"]]))]
    elif kind == "conciliation":
        subj = f"Documents for conference - {w.claim}"
        text = (f"Dear Registry,\n\nPlease find attached the agent's documents for the conference on claim {w.claim} "
                f"({w.full}).\n")
        atts = [attach_letter(compose("liability", w, rng), "pdf-window", "Liability decision")]
    else:
        subj = f"Rehabilitation referral - {w.short}"
        text = (f"Hi,\n\nNew referral for {w.full} (DOB {ids.fmt_date(w.dob, 'long')}), claim {w.claim}, employer "
                f"{w.employer.name}. Worker's mobile: {w.phone}. Goal: return to pre-injury duties.\n")
        atts = []
    data = render(Mail(who(cm), [who(to)], subj, text + staff_signature(cm), atts=atts), rng)
    c.add("eml", data, f"everyday/approved-{kind}", note=f"email about {w.cid} to the approved {kind} body")


def build_everyday(c: Corpus) -> None:
    rng = c.rng("everyday")
    cat = "everyday/"
    for k in range(c.n(16)):
        x = pick(c.reg, rng)
        letter = compose(KINDS[k % len(KINDS)], x, rng, name_style=("formal", "full", "initials")[k % 3],
                         addr_style=("plain", "abbrev", "mixed")[k % 3])
        ext, data = render_letter(letter, FORMATS[k % len(FORMATS)])
        c.add(ext, data, cat + "letter-to-worker", note=f"{KINDS[k % len(KINDS)]} letter to {x.cid}")
    for k in range(c.n(12)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        subject, paras = notice(rng, NOTICE_KINDS[k % len(NOTICE_KINDS)])
        if k % 2:
            cm = cm_of(rng)
            letter = Letter([x.name_line("formal")], x.addr.block("plain"), ids.fmt_date(letter_date(rng), "long"),
                            subject, paras, salutation=x.salutation(rng), signoff=signoff(cm, rng))
            ext, data = render_letter(letter, FORMATS[(k + 3) % len(FORMATS)])
            c.add(ext, data, cat + "notice-letter", note=f"general notice to {x.cid}, no claim details")
        else:
            data = render(Mail(("Corella Claims Services", f"news@{DOMAIN}"), [(x.short, x.email)], subject,
                               f"Dear {x.first},\n\n" + "\n\n".join(paras) + "\n\nCorella Claims Services\n"), rng)
            c.add("eml", data, cat + "notice-email", note=f"general notice to {x.cid}")
    for k in range(c.n(10)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        cm = cm_of(rng)
        body = rng.choice([
            f"Thanks for your call today. As discussed, I've approved the extra physiotherapy sessions on claim "
            f"{x.claim}.",
            "Your new certificate has been received and your payments will continue.",
            f"Just a reminder that your IME appointment is on {ids.fmt_date(letter_date(rng), 'weekday')}. Let me "
            "know if you need transport.",
            "I've tried to call you a couple of times. When is a good time to talk about your return to work plan?",
        ])
        c.add("eml", mail_to_client(x, cm, rng.choice(["Your claim", "Following up", f"Claim {x.claim}"]), body, rng),
              cat + "email-to-worker", note=f"email to {x.cid} about their claim")
    for k in range(c.n(10)):
        _approved_mail(c, rng, k)
    for k in range(c.n(6)):
        a, b = cm_of(rng), cm_of(rng)
        ws = [pick(c.reg, rng) for _ in range(rng.randrange(2, 6))]
        lines = "\n".join(f"{w.short} ({w.claim}, DOB {ids.fmt_date(w.dob, 'dmy')}) - {rng.choice(['cert due', 'IME booked', 'surgery request', 'RTW plan'])}"
                          for w in ws)
        atts = [Att("handover.xlsx", render_docs.xlsx({"Handover": [["Worker", "Claim", "Phone"]] + [
            [w.full, w.claim, w.phone] for w in ws]}))] if k % 2 else []
        c.add("eml", render(Mail(who(a), [who(b)], "Handover", f"Hi {b.name.split(' ')[0]},\n\nHandover while I'm "
                                 f"away:\n\n{lines}\n\n{a.name}", cc=[who(PRIVACY_OFFICER)] if k == 3 else [],
                                 atts=atts), rng), cat + "internal", note=f"internal handover about {len(ws)} clients")
    for k in range(c.n(4)):
        w, rep = rep_of(c.reg, rng, "employer")
        cm = cm_of(rng)
        letter = compose("rtw", w, rng)
        c.add("eml", render(Mail(who(cm), [who(rep)], f"RTW plan - {w.short}", (
            f"Hi {rep.name.split(' ')[0]},\n\nAttached is the agreed return to work plan for {w.short} "
            f"({w.claim}).\n{staff_signature(cm)}"), atts=[attach_letter(letter, "pdf-classic", "RTW plan")]), rng),
            cat + "employer", note=f"RTW plan of {w.cid} to their employer's authorised coordinator")
    vendors = [("IT Service Desk", "servicedesk@brightstack.example"), ("Officeworks Orders", "orders@stationery.example"),
               ("Facilities", "bookings@towerfacilities.example")]
    for k in range(c.n(3)):
        cm = cm_of(rng)
        text = rng.choice(["Please replace the toner in the level 4 printer (PRN-L4-02).",
                           "Can we book the large meeting room for Thursday 10am-12pm, 14 people?",
                           "Please order 20 reams of A4 and 500 DL window envelopes."])
        c.add("eml", render(Mail(who(cm), [vendors[k % 3]], "Request", text + "\n" + staff_signature(cm, True)), rng),
              cat + "vendor", note="no client data")
    x = pick(c.reg, rng, lambda o: bool(o.emails))
    cm = CASE_MANAGERS[0]
    c.add("eml", render(Mail(who(cm), [(x.short, x.email)], "Automatic reply: Payment", (
        f"I am on leave until Monday 16 March 2026. For urgent matters please call 1300 267 355 or email "
        f"claims@{DOMAIN}."), headers={"Auto-Submitted": "auto-replied"}), rng), cat + "auto-reply",
          note="out-of-office reply, no client data")
    _print_files(c, rng)


def _print_files(c: Corpus, rng: random.Random) -> None:
    """The day's print file: several letters in one PDF."""
    for k in range(c.n(2)):
        ws = [pick(c.reg, rng) for _ in range(3 + k)]
        y = other_than(c.reg, rng, *ws)
        layout = ("window", "classic")[k % 2]
        seed = rng.random()
        letters = [compose(KINDS[(k + i) % len(KINDS)], w, random.Random(seed + i)) for i, w in enumerate(ws)]
        twin = c.add("pdf", pdf_letters(letters, layout), "address-block/merged-print-file",
                     letters=[{"expect": "allow"} for _ in ws], note=f"print file of {len(ws)} letters, each to its client")
        bad = list(letters)
        bad[1] = replace(bad[1], enclosures=[certificate_page(y, random.Random(seed))])
        per = [{"expect": "allow"} for _ in ws]
        per[1] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"], "suppressed": False}
        inc = c.add("pdf", pdf_letters(bad, layout), "address-block/merged-print-file", letters=per,
                    note=f"print file: certificate of {y.cid} printed behind letter 2 (to {ws[1].cid})")
        c.pair(inc, twin)


# --- bulk ------------------------------------------------------------------------------------------

def build_bulk(c: Corpus) -> None:
    rng = c.rng("bulk")
    cat = "bulk/"
    cm = cm_of(rng)
    for k in range(c.n(6)):
        ws = [pick(c.reg, rng) for _ in range(36 + 4 * k)]
        seed = rng.random()
        if k % 6 == 0:
            rows: list[list[object]] = [["Name", "DOB", "Claim", "Phone", "Email"]] + [
                [w.full, w.dob.isoformat(), w.claim, w.phone, w.email] for w in ws]
            att = Att("open_claims.xlsx", render_docs.xlsx({"Open": rows}))
            out_to, in_to = ("Rhiannon", "rhiannon.foley.home@gmail.example"), who(CASE_MANAGERS[0])
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "open-claims spreadsheet to a staff member's personal webmail"
        elif k % 6 == 1:
            att = Att("claims_return.csv", render_docs.csv_bytes([["claim", "name", "dob", "postcode", "injury"]] + [
                [w.claim, w.full, w.dob.isoformat(), w.addr.postcode, w.injury] for w in ws]))
            out_to, in_to = who(APPROVED["regulator"].contacts[1]), who(ANALYST)
            rules = ["bulk_client_data"]
            what = "identified claims return emailed to the regulator (approved, but bulk rule still applies)"
        elif k % 6 == 2:
            att = Att("Claims cost report.pdf", render_pdf.pdf_pages("Claims cost report", [
                certificate_like(ws)]))
            out_to, in_to = ("Actuarial review", "team@hollisactuarial.example"), who(ANALYST)
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "named claims cost report to an outside actuary"
        elif k % 6 == 3:
            att = Att("claims.zip", render_docs.zip_files([("claims.csv", render_docs.csv_bytes(
                [["Worker", "Claim", "Address"]] + [[w.full, w.claim, w.addr.one_line()] for w in ws]))]))
            out_to, in_to = ("Temp contractor", "dev.contractor@fastmail.example"), who(ANALYST)
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "zipped claims extract to a contractor's personal address"
        elif k % 6 == 4:
            att = Att("Mailout list.docx", render_docs.docx_table("Mailout list", ["Indexation letters"], [
                ["Name", "Address"]] + [[w.formal, w.addr.one_line()] for w in ws]))
            out_to, in_to = ("Print vendor", "jobs@printhausmail.example"), who(PRINT_ROOM)
            rules = ["bulk_client_data", "mismatched_recipient"]
            what = "names and addresses for a mail-out to an unapproved print vendor"
        else:
            att = None
            out_to, in_to = who(APPROVED["rehab"].contacts[2]), who(CLAIMS_TEAM_LIST)
            rules = ["bulk_client_data"]
            what = "HTML table of every open referral sent to the rehab provider (approved; bulk rule applies)"

        def send(to: tuple[str, str], att: Att | None = att, ws: list[Client] = ws, seed: float = seed,
                 k: int = k) -> bytes:
            r = random.Random(seed)
            text = f"Hi,\n\nAs requested, the list of {len(ws)} claims is attached.\n{staff_signature(cm)}"
            if att is None:
                body = f"<p>Open referrals:</p><table border='1'>{table_of(ws)}</table>"
                return render(Mail(who(cm), [to], "Open referrals", "See the HTML version.", html=body), r)
            return render(Mail(who(cm), [to], "Claims list", text, atts=[att]), r)
        twin = c.add("eml", send(in_to), cat + ("extract" if k % 6 != 5 else "html-table"),
                     note=f"the same list of {len(ws)} clients kept inside the agent")
        inc = c.add("eml", send(out_to), cat + ("extract" if k % 6 != 5 else "html-table"), rules=rules,
                    note=f"{what}: {len(ws)} clients")
        c.pair(inc, twin)
    for k in range(c.n(2)):
        counts = [["State", "Open claims", "Psychological", "Musculoskeletal"]] + [
            [s, rng.randrange(20, 400), rng.randrange(2, 60), rng.randrange(10, 300)] for s in
            ("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT")]
        c.add("eml", render(Mail(who(ANALYST), [who(APPROVED["regulator"].contacts[1])], "Quarterly return (aggregate)", (
            "Hi,\n\nThe aggregate quarterly return is attached. No personal information is included.\n"
            f"{staff_signature(ANALYST)}"), atts=[Att("aggregate.csv", render_docs.csv_bytes(counts))]), rng),
            cat + "aggregate", note="de-identified counts to the regulator")


def table_of(ws: list[Client]) -> str:
    return "".join(f"<tr><td>{html.escape(w.full)}</td><td>{w.claim}</td><td>{w.phone}</td></tr>" for w in ws)


def certificate_like(ws: list[Client]):  # type: ignore[no-untyped-def]
    from .letters import Page

    return Page("CLAIMS COST REPORT - OPEN CLAIMS", ["Named list for reserving review."],
                [["Worker", "Claim", "DOB", "Paid to date"]] + [
                    [w.full, w.claim, ids.fmt_date(w.dob, "dmy"), f"${1200 + 733 * i:,.0f}"] for i, w in enumerate(ws)])


# --- unmerged fields ----------------------------------------------------------------------------------

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
            subj = "Claim {{claim_number}} - certificate received" if variant == 5 else \
                f"Claim {x.claim} - certificate received"
            b = mail_to_client(x, cm, subj, body, random.Random(seed),
                               greeting="" if variant == 5 else "Dear {{first_name}},")
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
            bad = replace(good, paras=good.paras[:-1] + [
                'The amount of { MERGEFIELD PaymentAmount \\# "$#,##0.00" } will be paid on Thursday.'] + good.paras[-1:])
            good = replace(good, paras=good.paras[:-1] + ["The amount of $612.40 will be paid on Thursday."]
                           + good.paras[-1:])
            ext, g = render_letter(good, "pdf-classic")
            ext, b = render_letter(bad, "pdf-classic")
            what = "field code MERGEFIELD PaymentAmount printed"
        else:
            bad = replace(good, refs=[(k2, "\u00abClaimNumber\u00bb" if k2 == "Claim number" else v) for k2, v in good.refs])
            ext, g = render_letter(good, "docx-table")
            ext, b = render_letter(bad, "docx-table", merge_fields=True)
            what = "\u00abClaimNumber\u00bb in the reference cell"
        twin = c.add(ext, g, cat + f"field-{variant}", note=f"merged letter to {x.cid}")
        inc = c.add(ext, b, cat + f"field-{variant}", rules=["unmerged_field"], note=f"{what}; to {x.cid}")
        c.pair(inc, twin)


# --- unreadable parts -----------------------------------------------------------------------------------

def build_unscannable(c: Corpus) -> None:
    rng = c.rng("unscannable")
    cat = "unscannable/"
    cases = ["encrypted-pdf", "encrypted-docx", "password-zip", "corrupt-pdf", "corrupt-docx", "smime-encrypted",
             "pgp-encrypted", "encrypted-pdf-letter", "zip-bomb"]
    for k, case in enumerate(cases[: max(5, c.n(len(cases)))]):
        w, rep = rep_of(c.reg, rng, "law", "advocate")
        cm = cm_of(rng)
        seed = rng.random()
        letter = compose("liability", w, random.Random(seed))
        pdf = render_pdf.pdf_letter(letter, "window")
        docx = render_docs.docx_letter(letter, "table")
        if case == "encrypted-pdf-letter":
            twin = c.add("pdf", pdf, cat + case, note=f"letter to {w.cid}")
            inc = c.add("pdf", render_pdf.pdf_letter(letter, "window", password=w.dob.strftime("%d%m%Y")), cat + case,
                        rules=["unscannable_content"], note=f"password-protected letter to {w.cid} in the pre-send folder")
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
            bad_att = [Att("documents.zip", hostile.encrypted_zip([("Decision.pdf", pdf)], "Corella2026",
                                                                  random.Random(seed)))]
        elif case == "corrupt-pdf":
            good_att = [Att("Decision.pdf", pdf)]
            bad_att = [Att("Decision.pdf", hostile.truncated(pdf))]
        elif case == "corrupt-docx":
            good_att = [Att("Decision.docx", docx)]
            bad_att = [Att("Decision.docx", hostile.truncated(docx, 0.6))]
        elif case == "zip-bomb":
            good_att = [Att("export.zip", render_docs.zip_files([("export.csv", b"claim,status\r\n" + w.claim.encode()
                                                                   + b",open\r\n")]))]
            bad_att = [Att("export.zip", hostile.bomb_zip())]
        else:
            good_att = [Att("Decision.pdf", pdf)]
            bad_att = good_att
            enc = "smime" if case == "smime-encrypted" else "pgp"
        text = (f"Dear {rep.name.split(' ')[0]},\n\nPlease find attached the decision on claim {w.claim} for your "
                f"client.{' The password will follow by SMS.' if bad_att is not good_att and 'zip' not in case else ''}"
                f"\n{staff_signature(cm)}")
        good = render(Mail(who(cm), [who(rep)], f"Decision - {w.short}", text, atts=good_att, sign=sign),
                      random.Random(seed))
        bad = render(Mail(who(cm), [who(rep)], f"Decision - {w.short}", text, atts=bad_att, encrypt=enc),
                     random.Random(seed))
        twin = c.add("eml", good, cat + case, note=f"decision for {w.cid} to their representative, readable")
        inc = c.add("eml", bad, cat + case, rules=["unscannable_content"],
                    note=f"{case.replace('-', ' ')} part in a message about {w.cid}: cannot be read, fails closed")
        c.pair(inc, twin)

