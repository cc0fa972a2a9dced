"""Email: threads, HTML mail, invitations, cards, signed mail, identifiers typed into messages."""

from __future__ import annotations

import copy
import html

from . import idents, mail, org
from . import lettertools as lt
from .corpus import Corpus
from .mail import Attachment, Mail
from .mailtools import eml, first, html_wrap, sig, staff_contact, who
from .population import Client

MISMATCH = ["mismatched_recipient"]


def _with_email(cx: Corpus) -> Client:
    for _ in range(50):
        c = cx.single()
        if c.emails:
            return c
    raise RuntimeError("no client with an email")


def _client_message(c: Client, cx: Corpus) -> str:
    rng = cx.rng
    return (
        f"Hi,\n\nMy hot water has been out since Friday and I have two kids at home. Can someone please come "
        f"out this week? I'm at {c.address.street_line(abbrev=True, unit_style='slash')}, {c.address.suburb}. "
        f"Best number is {idents.phone_variants(c.phones[0])[rng.randint(0, 3)]}.\n\nMy CRN is "
        f"{idents.crn_written(c.crn, rng)}.\n\nThanks,\n{c.full()}"
    )


def threads(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(10)):
        a = _with_email(cx)
        s = cx.staff()
        sent = mail.when(cx.tick())
        original = _client_message(a, cx)
        if i < cx.n(6):
            reply = (
                f"Hi {first(a)},\n\nThanks for letting us know. A plumber from our maintenance contractor will "
                "call you today to book a time." + sig(s) + "\n\n" + mail.quote_reply(who(a), sent, original)
            )
            cx.put(
                eml(Mail(staff_contact(s), [who(a, rng)], "RE: Hot water not working", reply, minutes=cx.tick()), rng),
                "threads/reply",
                "allow",
                note=f"reply to {a.cid} quoting its own message",
            )
            continue
        b = _with_email(cx)
        colleague = rng.choice([x for x in org.STAFF if x != s])
        fwd = (
            "Can you look at this one please? Urgent - family with kids."
            + sig(s)
            + "\n\n"
            + mail.quote_forward(
                who(a),
                [staff_contact(s)],
                sent,
                "Hot water not working",
                original,
                style=rng.choice(["outlook", "gmail"]),
            )
        )
        good = Mail(staff_contact(s), [staff_contact(colleague)], "FW: Hot water not working", fwd, minutes=cx.tick())
        bad = copy.deepcopy(good)
        bad.to = [who(b, rng)]
        cx.pair(
            "threads/forward-wrong-client",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH,
            note=f"message of {a.cid} forwarded to client {b.cid} instead of a colleague",
            twin_note=f"message of {a.cid} forwarded to a colleague",
        )
    for _ in range(cx.n(3)):
        a, adv = cx.take("advocated-thread", cx.pop.advocated)
        if not a.emails:
            continue
        b = _with_email(cx)
        s = cx.staff()
        sent = mail.when(cx.tick())
        text = (
            f"Hi {first(a)} and {adv.name.split()[0]},\n\nConfirming the repayment plan we agreed today: "
            f"{idents.money(rng, 20, 60)} a fortnight from your CRN {idents.crn_written(a.crn, rng)} by "
            "Centrepay."
            + sig(s)
            + "\n\n"
            + mail.quote_reply((adv.name, adv.email), sent, "Could you confirm the plan in writing?")
        )
        good = Mail(
            staff_contact(s), [who(a, rng)], "RE: Repayment plan", text, cc=[(adv.name, adv.email)], minutes=cx.tick()
        )
        bad = copy.deepcopy(good)
        bad.cc = [(adv.name, adv.email), who(b, rng)]
        cx.pair(
            "threads/reply-all-extra",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH,
            note=f"reply-all about {a.cid} copied to unrelated client {b.cid}",
            twin_note=f"reply about {a.cid} to the client and its authorised advocate",
        )
    for _ in range(cx.n(3)):
        v = cx.take("thread-victims", [x for x in cx.pop.victims if "email" in x.victim.suppressed])
        vic, x = v.victim, v.ex
        s = cx.staff()
        sent = mail.when(cx.tick())
        original = (
            f"Hi,\n\nI'm happy for the bond to be split 50/50. Please don't give him any of my details.\n\n{vic.full()}"
        )
        text = (
            "Hi,\n\nThe other former tenant has agreed to a 50/50 split of the bond (see below)."
            + sig(s)
            + "\n\n"
            + mail.quote_forward((vic.full(), vic.emails[0]), [staff_contact(s)], sent, "Bond", original)
        )
        safety = org.SAFETY_STAFF[1]
        good = Mail(staff_contact(s), [staff_contact(safety)], "FW: Bond", text, minutes=cx.tick())
        bad = copy.deepcopy(good)
        bad.to = [who(x, rng)]
        cx.pair(
            "threads/forwarded-suppressed-header",
            eml(bad, rng),
            eml(good, rng),
            ["suppressed_detail_exposed"],
            suppressed=True,
            note=f"forward to ex-partner {x.cid} keeps the quoted From line with the suppressed email of {vic.cid}",
            twin_note=f"the same forward to the safety practitioner cleared for suppressed details of {vic.cid}",
        )
    for _ in range(cx.n(2)):
        a, b = _with_email(cx), _with_email(cx)
        s = cx.staff()
        inner = mail.build(
            Mail(who(a), [staff_contact(s)], "Change of circumstances", _client_message(a, cx), minutes=cx.tick()), rng
        )
        good = Mail(
            staff_contact(s),
            [("Intake", org.TEAM_LISTS["intake"])],
            "FW: Change of circumstances",
            "Forwarding as an attachment for the file." + sig(s),
            attachments=[Attachment("Change of circumstances.eml", "message/rfc822", inner)],
            minutes=cx.tick(),
        )
        bad = copy.deepcopy(good)
        bad.to = [who(b, rng)]
        cx.pair(
            "threads/attached-message",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH,
            note=f"message of {a.cid} forwarded as an attachment to client {b.cid}",
            twin_note=f"message of {a.cid} forwarded as an attachment to the intake team",
        )


def _appt_table(c: Client, cx: Corpus) -> str:
    rng = cx.rng
    rows = "".join(
        f"<tr><td>{lt.letter_date(rng)}</td><td>{t}</td><td>{html.escape(c.full())}</td>"
        f"<td>{idents.crn_written(c.crn, rng)}</td></tr>"
        for t in ("10:30 am", "2:00 pm")
    )
    return (
        "<table border='1' cellpadding='4' style='border-collapse:collapse'><tr><th>Date</th><th>Time</th>"
        f"<th>Client</th><th>CRN</th></tr>{rows}</table>"
    )


def html_mail(cx: Corpus) -> None:
    rng = cx.rng
    for _ in range(cx.n(4)):
        a, b = _with_email(cx), _with_email(cx)
        s = cx.staff()
        intro = f"<p>Hi {html.escape(first(a))},</p><p>Here are your upcoming appointments:</p>"
        good = Mail(
            staff_contact(s),
            [who(a, rng)],
            "Your upcoming appointments",
            html=html_wrap(intro + _appt_table(a, cx), s),
            minutes=cx.tick(),
        )
        bad = copy.deepcopy(good)
        bad.html = html_wrap(intro + _appt_table(b, cx), s)
        cx.pair(
            "html-mail/table-wrong-client",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH,
            note=f"HTML email to {a.cid} lists the appointments and CRN of {b.cid}",
            twin_note=f"HTML email to {a.cid} with its own appointments",
        )
    for i in range(cx.n(12)):
        c = _with_email(cx)
        s = cx.staff()
        if i % 2 == 0:
            body = (
                f"<p>Hello {html.escape(first(c))},</p><h2>Winter energy concession</h2><p>The winter concession "
                "is now open. <a href='https://www.ohcs.example/concessions?utm_source=email'>Check if you are "
                "eligible</a>.</p><p><img src='https://www.ohcs.example/img/heater.png' alt='Heater safety tips' "
                f"title='Heater safety'></p><p>Call us on <a href='tel:1300367240'>{org.PHONE}</a>.</p>"
            )
            subject = "News from OHCS: winter concession now open"
        else:
            body = (
                f"<p>Hi {html.escape(first(c))},</p><p>You have a new secure message in your online account. "
                "<a href='https://portal.ohcs.example/messages'>Log in to read it</a>.</p><p>For your security "
                "we never include personal details in this email.</p>"
            )
            subject = "You have a new message"
        m = Mail(
            ("OHCS", org.TEAM_LISTS["noreply"]),
            [who(c, rng)],
            subject,
            html=html_wrap(body, s),
            text=f"Hello {first(c)}, please view this message in HTML.",
            minutes=cx.tick(),
        )
        cx.put(eml(m, rng), "html-mail/notification", "allow", note=f"HTML notification to {c.cid}")
    for _ in range(cx.n(3)):
        a, b = _with_email(cx), _with_email(cx)
        s = cx.staff()
        plain = f"Hi {first(a)}, your statement is below. If you cannot see it, call us on {org.PHONE}."
        good = Mail(
            staff_contact(s),
            [who(a, rng)],
            "Your statement",
            plain,
            html=html_wrap(f"<p>Hi {html.escape(first(a))},</p>{_appt_table(a, cx)}", s),
            minutes=cx.tick(),
        )
        bad = copy.deepcopy(good)
        bad.html = html_wrap(f"<p>Hi {html.escape(first(a))},</p>{_appt_table(b, cx)}", s)
        cx.pair(
            "mime-parts/html-alternative-only",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH,
            note=f"only the HTML alternative of the email to {a.cid} carries the CRN of {b.cid}",
            twin_note=f"both alternatives of the email to {a.cid} carry only its own details",
        )


def calendar_and_cards(cx: Corpus) -> None:
    rng = cx.rng
    office = f"{org.ORG_SHORT} Geelong office, {org.STREET}, {org.TOWN}"
    for _ in range(cx.n(4)):
        c = _with_email(cx)
        s = cx.staff()
        start = mail.when(cx.tick() + mail.WORKDAY * 5).replace(minute=0, second=0, tzinfo=None)
        cal = mail.ics(
            f"{rng.getrandbits(64):x}@{org.DOMAIN}",
            "Appointment with your case manager",
            start,
            45,
            office,
            staff_contact(s),
            [who(c)],
            "Please bring recent income statements.",
        )
        m = Mail(
            staff_contact(s),
            [who(c, rng)],
            "Invitation: Appointment with your case manager",
            text="You have been invited to an appointment.",
            calendar=cal,
            minutes=cx.tick(),
        )
        cx.put(eml(m, rng), "mime-parts/calendar", "allow", note=f"invitation to {c.cid} at the office")
    for i in range(cx.n(4)):
        v = cx.take("cal-victims", cx.pop.victims)
        vic, x = v.victim, v.ex
        s = cx.staff()
        start = mail.when(cx.tick() + mail.WORKDAY * 7).replace(minute=0, second=0, tzinfo=None)
        attendees_good = [who(x)]
        by_email = i % 2 == 0 and "email" in vic.suppressed
        location_bad = (
            office if by_email else f"Home visit - {vic.address.street_line(abbrev=True)}, {vic.address.suburb}"
        )
        attendees_bad = [who(x), who(vic)] if by_email else [who(x)]
        uid = f"{rng.getrandbits(64):x}@{org.DOMAIN}"
        good_cal = mail.ics(
            uid,
            "Conciliation - former joint tenancy",
            start,
            60,
            office,
            staff_contact(s),
            attendees_good,
            "Conciliation about the bond.",
        )
        bad_cal = mail.ics(
            uid,
            "Conciliation - former joint tenancy",
            start,
            60,
            location_bad,
            staff_contact(s),
            attendees_bad,
            "Conciliation about the bond.",
        )
        good = Mail(
            staff_contact(s),
            [who(x, rng)],
            "Invitation: Conciliation - former joint tenancy",
            text="Please accept the invitation.",
            calendar=good_cal,
            minutes=cx.tick(),
        )
        bad = copy.deepcopy(good)
        bad.calendar = bad_cal
        what = "her suppressed email as an attendee" if by_email else "her suppressed address as the location"
        cx.pair(
            "mime-parts/calendar",
            eml(bad, rng),
            eml(good, rng),
            ["suppressed_detail_exposed"],
            suppressed=True,
            note=f"invitation to ex-partner {x.cid} carries {what} ({vic.cid})",
            twin_note=f"the same invitation to {x.cid} at the office, no one else's details",
        )
    for _ in range(cx.n(4)):
        v = cx.take("card-victims", [x for x in cx.pop.victims if "phone" in x.victim.suppressed])
        vic, x = v.victim, v.ex
        s = cx.staff()
        bad_card = mail.vcard(
            vic.full(),
            vic.family,
            vic.given,
            "",
            "",
            [("CELL", idents.phone_variants(vic.phones[0])[0])],
            vic.emails[:1],
            None,
            "New contact details",
        )
        good_card = mail.vcard(
            s.name,
            s.name.split()[-1],
            s.name.split()[0],
            org.ORG_NAME,
            s.title,
            [("WORK", s.phone), ("WORK", org.PHONE)],
            [s.email],
            (org.STREET, "Geelong", "VIC", "3220"),
        )
        base = Mail(
            staff_contact(s),
            [who(x, rng)],
            "Contact details",
            f"Hi {first(x)},\n\nContact card attached as requested." + sig(s),
            minutes=cx.tick(),
        )
        bad, good = copy.deepcopy(base), copy.deepcopy(base)
        bad.attachments = [Attachment(f"{vic.given or vic.family}.vcf", "text/vcard", bad_card.encode())]
        good.attachments = [Attachment(f"{s.name}.vcf", "text/vcard", good_card.encode())]
        cx.pair(
            "mime-parts/vcard",
            eml(bad, rng),
            eml(good, rng),
            ["suppressed_detail_exposed"],
            suppressed=True,
            note=f"vCard with the suppressed phone of {vic.cid} sent to ex-partner {x.cid}",
            twin_note=f"the case worker's own vCard sent to {x.cid}",
        )


def signed(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(6)):
        a = _with_email(cx)
        s = cx.staff()
        text = (
            f"Dear {first(a)},\n\nThis is confirmation that your rent for the period ending "
            f"{lt.letter_date(rng)} has been reassessed. CRN {idents.crn_written(a.crn, rng)}." + sig(s)
        )
        m = Mail(staff_contact(s), [who(a, rng)], "Rent reassessment confirmation", text, minutes=cx.tick())
        builder = mail.build_smime_signed if i % 2 == 0 else mail.build_pgp_signed
        kind = "smime-signed" if i % 2 == 0 else "pgp-signed"
        if i >= cx.n(4):
            cx.put(("eml", builder(m, rng)), f"mime-parts/{kind}", "allow", note=f"signed email to {a.cid}")
            continue
        b = _with_email(cx)
        bad = copy.deepcopy(m)
        bad.to = [who(b, rng)]
        cx.pair(
            f"mime-parts/{kind}",
            ("eml", builder(bad, rng)),
            ("eml", builder(m, rng)),
            MISMATCH,
            note=f"signed email about {a.cid} sent to {b.cid}",
            twin_note=f"signed email to {a.cid}",
        )


def identifiers_in_mail(cx: Corpus) -> None:
    rng = cx.rng
    for _ in range(cx.n(4)):
        a, b = _with_email(cx), cx.single()
        s = cx.staff()
        text = f"Hi {first(a)},\n\nI've updated your bank details. For future calls please quote CRN {{crn}}." + sig(s)
        good = Mail(
            staff_contact(s),
            [who(a, rng)],
            "Bank details updated",
            text.replace("{crn}", idents.crn_written(a.crn, rng)),
            minutes=cx.tick(),
        )
        bad = copy.deepcopy(good)
        bad.text = text.replace("{crn}", idents.crn_written(b.crn, rng))
        cx.pair(
            "identifiers-dates/reference-typed",
            eml(bad, rng),
            eml(good, rng),
            MISMATCH + ["mixed_client_documents"],
            note=f"email to {a.cid} quotes the CRN of {b.cid}",
            twin_note=f"email to {a.cid} with its own CRN",
        )
    for i in range(cx.n(5)):
        c, adv = cx.take("advocated-tfn", cx.pop.advocated)
        s = cx.staff()
        tfn = idents.tfn(rng)
        medicare = idents.medicare(rng)
        what = "TFN" if i % 2 == 0 else "Medicare number"
        value = idents.spaced_identifier(tfn if what == "TFN" else medicare, rng)
        masked = ("*** *** " + tfn[-3:]) if what == "TFN" else ("**** ***** " + medicare[-1])
        text = (
            f"Hi {adv.name.split()[0]},\n\nFor {c.full()}'s rent assistance form, the details we hold are:\n\n"
            f"CRN: {idents.crn_written(c.crn, rng)}\n{what}: {{v}}\n\nPlease have your client sign page 4." + sig(s)
        )
        good = Mail(
            staff_contact(s),
            [(adv.name, adv.email)],
            "Rent assistance form",
            text.replace("{v}", masked),
            minutes=cx.tick(),
        )
        bad = copy.deepcopy(good)
        bad.text = text.replace("{v}", value)
        cx.pair(
            "identifiers-dates/government-identifier",
            eml(bad, rng),
            eml(good, rng),
            ["sensitive_identifier"],
            note=f"full {what} of {c.cid} emailed to its advocate outside an approved "
            "channel (the advocate may see the client's information, not the "
            "full government identifier)",
            twin_note=f"the same email to the advocate of {c.cid} with the {what} masked",
        )
