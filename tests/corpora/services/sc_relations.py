"""Relationships: advocates, guardians, nominees, households, ex-partners, internal staff, approved parties."""

from __future__ import annotations

import copy

from . import idents, org
from . import lettertools as lt
from .corpus import Corpus
from .letters import LetterDoc
from .mail import Mail
from .mailtools import adv_contact, eml, first, pdf_att, sig, staff_contact, who
from .population import Client

MISMATCH = ["mismatched_recipient", "mixed_client_documents"]


def advocates(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(10)):
        client, adv = cx.take("advocated", cx.pop.advocated)
        s = cx.staff()
        letter = lt.standard_letter(client, rng, topic_name=rng.choice(["arrears", "transfer", "rent_review"]))
        adv_first = adv.name.split()[0]
        body = (
            f"Hi {adv_first},\n\nAs requested, please find attached a copy of our letter to your client "
            f"{client.full()} (CRN {idents.crn_written(client.crn, rng)}). We hold {client.formal(4).split()[0]}"
            f" {client.family}'s signed authority for you to act for them.\n\nThe current balance and the "
            "repayment options are set out in the letter. Happy to talk through them before the conference." + sig(s)
        )
        att = pdf_att("Letter copy", lt.render(letter, "pdf", "window"))
        m = Mail(
            staff_contact(s),
            [adv_contact(adv)],
            f"Your client {client.formal(2)} - letter copy",
            body,
            attachments=[att],
            minutes=cx.tick(),
        )
        if i >= cx.n(6):
            cx.put(
                eml(m, rng),
                "relationships/advocate",
                "allow",
                note=f"copy of a letter to {client.cid} sent to its authorised advocate",
            )
            continue
        other = cx.single()
        bad = copy.deepcopy(m)
        bad.text = body.replace(
            "Happy to talk",
            f"I have also included the ledger for {other.full()} (CRN "
            f"{idents.crn_written(other.crn, rng)}), who mentioned your service. "
            "Happy to talk",
        )
        bad.attachments = [att, pdf_att("Ledger", lt.render(_ledger(other, cx), "pdf", "plain"))]
        good = copy.deepcopy(m)
        good.text = body.replace("Happy to talk", "I have also included the ledger you asked for. Happy to talk")
        good.attachments = [att, pdf_att("Ledger", lt.render(_ledger(client, cx), "pdf", "plain"))]
        cx.pair(
            "relationships/advocate",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH,
            note=f"advocate of {client.cid} also sent the ledger and CRN of {other.cid}, whom it does not act for",
            twin_note=f"advocate of {client.cid} sent that client's letter and ledger",
        )


def _ledger(c: Client, cx: Corpus) -> LetterDoc:
    rng = cx.rng
    return LetterDoc(
        block=[],
        heading="Rent account statement",
        date=lt.letter_date(rng),
        paras=[f"Tenant: {c.full()}", f"Address: {c.address.one_line()}"],
        table=[["Period", "Charged", "Paid"], ["Feb 2026", idents.money(rng, 300, 600), idents.money(rng, 0, 300)]],
    )


def guardians(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(10)):
        ward, g = cx.take("guardians", cx.pop.guardianships)
        style = i % 3
        if style == 0:
            block = [g.formal(0), f"On behalf of {ward.formal(4)}"] + lt.addr_lines(g.address, rng)
        elif style == 1:
            block = [ward.formal(4), f"c/- {g.formal(0)}"] + lt.addr_lines(g.address, rng)
        else:
            block = [g.formal(1)] + lt.addr_lines(g.address, rng)
        doc = lt.standard_letter(
            ward, rng, block=block, topic_name=rng.choice(["carer", "concession", "renewal"]), salutation=g.salutation()
        )
        doc.pre = [f"RE: {ward.full()} - CRN {idents.crn_written(ward.crn, rng)}"]
        doc.paras = [
            f"We are writing to you as the person authorised to receive correspondence for {ward.full()}.",
            *doc.paras,
        ]
        fmt, layout = [("pdf", "govt"), ("docx", "table"), ("rtf", ""), ("pdf", "window")][i % 4]
        if i >= cx.n(6):
            cx.put(
                lt.render(doc, fmt, layout),
                "relationships/guardian",
                "allow",
                note=f"letter about {ward.cid} addressed to {g.cid}, its authorised contact by client id",
            )
            continue
        other = cx.single()
        good, bad = copy.deepcopy(doc), copy.deepcopy(doc)
        good.table = [["Resident", "CRN", "Room"], [ward.full(), idents.crn_written(ward.crn, rng), "4"]]
        bad.table = [
            ["Resident", "CRN", "Room"],
            [ward.full(), idents.crn_written(ward.crn, rng), "4"],
            [other.full(), idents.crn_written(other.crn, rng), "5"],
        ]
        cx.pair(
            "relationships/guardian",
            lt.render(bad, fmt, layout),
            lt.render(good, fmt, layout),
            MISMATCH,
            note=f"guardian letter to {g.cid} about {ward.cid} also lists unrelated client {other.cid}",
            twin_note=f"guardian letter to {g.cid} about {ward.cid} only",
        )


def nominees(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(6)):
        c, nom_name, nom_email = cx.take("nominees", cx.pop.nominees)
        s = cx.staff()
        text = (
            f"Dear {nom_name.split()[0]},\n\nThank you for calling on behalf of {c.full()}. As {c.formal(4)}'s "
            f"nominee you asked for the concession details on file.\n\nCRN: {idents.crn_written(c.crn, rng)}\n"
            f"Concession: Energy and water, renewed to 30 June 2026\nPostal address: {c.address.one_line()}\n"
            f"Date of birth: {idents.dob_variants(c.dob)[i % 8]}" + sig(s)
        )
        m = Mail(staff_contact(s), [(nom_name, nom_email)], "Concession details you asked for", text, minutes=cx.tick())
        if i >= cx.n(2):
            cx.put(
                eml(m, rng),
                "relationships/nominee",
                "allow",
                note=f"details of {c.cid} sent to its nominee's registered email",
            )
            continue
        c2, nom2, email2 = cx.take("nominees", cx.pop.nominees)
        bad = copy.deepcopy(m)
        bad.to = [(nom2, email2)]
        cx.pair(
            "relationships/nominee",
            eml(bad, rng),
            eml(m, rng),
            ["mismatched_recipient"],
            note=f"details of {c.cid} sent to the nominee of {c2.cid} (address autocompleted)",
            twin_note=f"details of {c.cid} sent to its own nominee",
        )


def households(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(8)):
        h = cx.take("households", cx.pop.households)
        a, b = h[0], h[1]
        doc = lt.standard_letter(a, rng, topic_name="rent_review", team="Rent Assessment")
        doc.pre = [f"Joint tenancy {idents.tenancy_written(a.tenancy, rng)}"]
        fmt, layout = lt.any_format(rng)
        if i >= cx.n(5):
            doc.after = [f"This assessment covers everyone in the household, including {b.full()}."]
            cx.put(
                lt.render(doc, fmt, layout),
                "relationships/household",
                "allow",
                note=f"joint tenancy letter to {a.cid} naming the other joint tenant {b.cid}",
            )
            continue
        good, bad = copy.deepcopy(doc), copy.deepcopy(doc)
        good.after = [f"We used the income statement for your CRN {idents.crn_written(a.crn, rng)}."]
        bad.after = [f"We used the income statement for CRN {idents.crn_written(b.crn, rng)} ({b.full()})."]
        cx.pair(
            "relationships/household",
            lt.render(bad, fmt, layout),
            lt.render(good, fmt, layout),
            ["mismatched_recipient", "mixed_client_documents"],
            note=f"joint tenant {a.cid} receives the personal CRN of the other joint tenant {b.cid}",
            twin_note=f"joint tenant {a.cid} receives its own CRN and the shared tenancy number",
        )
    for v in cx.pop.victims[: cx.n(3)]:
        x, vic = v.ex, v.victim
        if not vic.own_refs:
            continue
        doc = lt.standard_letter(x, rng, topic_name="arrears", team="Tenancy Services", tenancy=x.tenancy)
        doc.pre = [f"Former joint tenancy {idents.tenancy_written(x.tenancy, rng)}"]
        bad = copy.deepcopy(doc)
        bad.after = [
            f"Note: the other former tenant's new tenancy {idents.tenancy_written(vic.own_refs[0], rng)} "
            "is not affected."
        ]
        good = copy.deepcopy(doc)
        good.after = ["Note: the other former tenant's new tenancy is not affected."]
        fmt, layout = lt.any_format(rng)
        cx.pair(
            "relationships/former-joint-tenant",
            lt.render(bad, fmt, layout),
            lt.render(good, fmt, layout),
            ["mismatched_recipient", "mixed_client_documents"],
            note=f"former joint tenant {x.cid} is given the new tenancy number of {vic.cid} (her own reference)",
            twin_note=f"former joint tenant {x.cid} gets only the shared former tenancy",
        )


def internal(cx: Corpus) -> None:
    rng = cx.rng
    for _ in range(cx.n(8)):
        s, s2, s3 = rng.sample(org.STAFF, 3)
        people = [cx.single() for _ in range(rng.randint(3, 5))]
        rows = "\n".join(
            f"  {p.formal(3):<34} CRN {idents.crn_written(p.crn, rng):<14} {p.address.suburb}" for p in people
        )
        text = (
            f"Hi all,\n\nAgenda for Thursday's complex needs case conference:\n\n{rows}\n\nPlease bring your "
            "latest notes. Declan will chair." + sig(s)
        )
        m = Mail(
            staff_contact(s),
            [staff_contact(s2), staff_contact(s3)],
            "Case conference agenda - Thursday",
            text,
            cc=[("Complex Needs", org.TEAM_LISTS["complex"])],
            minutes=cx.tick(),
        )
        cx.put(
            eml(m, rng),
            "relationships/internal-case-conference",
            "allow",
            note="internal case conference about " + ", ".join(p.cid for p in people),
        )
    for v in cx.pop.victims[cx.n(3) : cx.n(3) + cx.n(3)]:
        vic = v.victim
        s = cx.staff()
        safety = org.SAFETY_STAFF[0]
        text = (
            f"Hi,\n\nFor the safety plan review: {vic.full()} has moved. New address "
            f"{vic.address.one_line()}, mobile {idents.phone_variants(vic.phones[0])[0]}.\n\nThis address is "
            "suppressed on the file. Please update the safety plan." + sig(s)
        )
        good = Mail(
            staff_contact(s), [staff_contact(safety)], "Safety plan review - address change", text, minutes=cx.tick()
        )
        bad = copy.deepcopy(good)
        bad.to = [("Tenancy Services", org.TEAM_LISTS["tenancy"])]
        cx.pair(
            "relationships/internal-suppressed",
            eml(bad, rng),
            eml(good, rng),
            ["suppressed_detail_exposed"],
            suppressed=True,
            note=f"suppressed address and phone of {vic.cid} sent to a general team list not "
            "cleared for suppressed details (policy default: quarantine)",
            twin_note=f"the same to a member of the safety team cleared for suppressed details of {vic.cid}",
        )


def approved(cx: Corpus) -> None:
    rng = cx.rng
    tribunal, ombudsman, *_rest, maint = org.APPROVED
    tenants = [c for c in cx.pop.singles if c.tenancy]
    for i in range(cx.n(6)):
        c = cx.take("tenants", tenants)
        s = cx.staff()
        if i % 2 == 0:
            app = LetterDoc(
                block=[tribunal.name, *tribunal.postal],
                heading="Application for possession order",
                refs=[("Our ref", f"TS/{rng.randint(1000, 9999)}")],
                date=lt.letter_date(rng),
                paras=[
                    f"Tenant: {c.full()}",
                    f"Premises: {c.address.one_line()}",
                    f"Tenancy no. {idents.tenancy_written(c.tenancy, rng)}",
                    f"Arrears at the date of application: {idents.money(rng, 900, 4800)}",
                ],
                sign=lt.sign_off(rng, s),
            )
            m = Mail(
                staff_contact(s),
                [(tribunal.contact, tribunal.email)],
                "Application - listing request",
                f"Good morning,\n\nPlease find attached our application for listing.{sig(s)}",
                attachments=[pdf_att("Application", lt.render(app, "pdf", "plain"))],
                minutes=cx.tick(),
            )
        else:
            m = Mail(
                staff_contact(s),
                [(ombudsman.contact, ombudsman.email)],
                f"Complaint response - {c.formal(2)}",
                f"Dear Early Resolution Team,\n\nIn response to the complaint of {c.full()} (our CRN "
                f"{idents.crn_written(c.crn, rng)}), the repair was completed on {lt.letter_date(rng)} and the "
                "rent rebate has been applied." + sig(s),
                minutes=cx.tick(),
            )
        cx.put(
            eml(m, rng),
            "relationships/approved-third-party",
            "allow",
            note=f"information of {c.cid} to an approved third party",
        )
    for v in cx.pop.victims[cx.n(6) : cx.n(6) + cx.n(3)]:
        vic, nb = v.victim, v.neighbour
        s = rng.choice(org.STAFF)

        def order(s: org.Staff, phone: str, addr: str) -> Mail:
            text = (
                f"Work order WO-{rng.randint(100000, 999999)}\n\nJob: leaking tap, kitchen\nSite: {addr}\n"
                f"Tenant contact: {phone}\nPriority: routine (10 working days)\n\nPlease call ahead to book." + sig(s)
            )
            return Mail(
                staff_contact(s), [(maint.contact, maint.email)], "Work order - leaking tap", text, minutes=cx.tick()
            )

        vp = idents.phone_variants(vic.phones[0])[rng.randint(0, 5)]
        bad = order(s, vp, vic.address.one_line())
        good = order(s, idents.phone_variants(nb.phones[0])[0], nb.address.one_line())
        cx.pair(
            "relationships/approved-third-party",
            eml(bad, rng),
            eml(good, rng),
            ["suppressed_detail_exposed"],
            suppressed=True,
            note=f"work order to the contractor gives the suppressed address and phone of {vic.cid}",
            twin_note=f"the same work order for the neighbour {nb.cid} in the next unit",
        )


def attachments_wrong_client(cx: Corpus) -> None:
    """A case note for one client emailed to another client (seed 003's first incident)."""
    rng = cx.rng
    for i in range(cx.n(6)):
        a, b = cx.single(), cx.single()
        if not a.emails or not b.emails:
            continue
        s = cx.staff()
        note_doc = LetterDoc(
            block=[],
            heading=f"Case note - {a.full()}",
            unit_name="Complex Needs",
            date=lt.letter_date(rng),
            form=[
                ("Client", a.full()),
                ("CRN", idents.crn_written(a.crn, rng)),
                ("Date of birth", idents.dob_variants(a.dob)[i % 8]),
                ("Contact", f"Phone call with client, {s.name}"),
            ],
            paras=[
                "Client called about the hot water service; contractor booked. Discussed the "
                "repayment plan and referral to financial counselling. Client agreed to a follow "
                "up call in two weeks."
            ],
        )
        fmt = ["docx", "pdf", "rtf"][i % 3]
        rendered = lt.render(note_doc, fmt, "plain")
        text = f"Hi {first(a)},\n\nAs promised, here is a copy of today's file note for your records." + sig(s)
        good = Mail(
            staff_contact(s),
            [who(a, rng)],
            "Your file note",
            text,
            minutes=cx.tick(),
            attachments=[pdf_att("File note", rendered)],
        )
        bad = copy.deepcopy(good)
        bad.to = [who(b, rng)]
        bad.text = text.replace(first(a), first(b), 1)
        cx.pair(
            "mime-parts/attachment-wrong-client",
            eml(bad, rng),
            eml(good, rng),
            ["mismatched_recipient"],
            note=f"case note of {a.cid} emailed to client {b.cid}",
            twin_note=f"case note of {a.cid} emailed to {a.cid}",
        )
    for _ in range(cx.n(2)):
        a, b = cx.single(), cx.single()
        if not a.emails:
            continue
        s = cx.staff()
        la = lt.render(lt.standard_letter(a, rng), "pdf", "window")
        lb = lt.render(lt.standard_letter(b, rng), "pdf", "window")
        la2 = lt.render(lt.standard_letter(a, rng, topic_name="bond"), "pdf", "window")
        good = Mail(
            staff_contact(s),
            [who(a, rng)],
            "Copies of your letters",
            f"Hello {first(a)},\n\nCopies of both letters are attached." + sig(s),
            minutes=cx.tick(),
            attachments=[pdf_att("Letter 1", la), pdf_att("Letter 2", la2)],
        )
        bad = copy.deepcopy(good)
        bad.attachments = [pdf_att("Letter 1", la), pdf_att("Letter 2", lb)]
        cx.pair(
            "mime-parts/attachment-wrong-client",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH,
            note=f"email to {a.cid} attaches a letter of {b.cid}",
            twin_note=f"email to {a.cid} with two of its own letters",
        )
