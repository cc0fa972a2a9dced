"""HTML mail, calendar invitations, seminar invitations, bulk lists and unmerged email templates."""

from __future__ import annotations

from datetime import timedelta

from tests.corpora.superfund import content as ct
from tests.corpora.superfund.corpus import Corpus
from tests.corpora.superfund.formats import esc, message
from tests.corpora.superfund.people import ADVISERS, DOMAIN, PORTAL, Member, member_no_fmt

CSV = "text/csv"


def html_mail(m: Member, cx: Corpus, link_no: str, pre: str, kind: int = 0) -> tuple[str, str]:
    """A styled notification: letterhead, hidden preheader, a table and a button linking to the portal."""
    title = ["Your annual statement is ready", "Contribution received", "Update your beneficiaries"][kind % 3]
    colour = ["#0a6d8c", "#1f4e79", "#2e7d32"][kind % 3]
    rows = (
        f"<tr><td>Member</td><td>{esc(m.given)} {esc(m.family)}</td></tr>"
        f"<tr><td>Member number</td><td>{m.member_no[:3]} {m.member_no[3:6]} {m.member_no[6:]}</td></tr>"
        f"<tr><td>Balance at 30 June</td><td>{ct.money(m.balance)}</td></tr>"
    )
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body style="margin:0;background:#f4f7f9">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">{esc(pre)}</div>
<table width="600" align="center" style="background:#fff;font-family:Arial">
<tr><td style="background:{colour};color:#fff;padding:16px"><b>Coastline Industry Super</b></td></tr>
<tr><td style="padding:16px"><h2>{esc(title)}</h2><p>Hi {esc(m.given)},</p>
<table border="1" cellpadding="6" style="border-collapse:collapse">{rows}</table>
<p><a href="{PORTAL}/statement?member={link_no}&amp;utm_source=email&amp;utm_campaign=eofy"
 style="background:{colour};color:#fff;padding:10px 18px;text-decoration:none;border-radius:4px">View online</a></p>
<p style="font-size:11px;color:#777">You are receiving this because you are a member of Coastline Industry Super.
<a href="{PORTAL}/preferences">Manage preferences</a></p></td></tr></table></body></html>"""
    text = (
        f"{title}\n\nHi {m.given},\nMember number {m.member_no}\nBalance at 30 June {ct.money(m.balance)}\n"
        f"View online: {PORTAL}/statement?member={link_no}\n"
    )
    return text, html


def html_incidents(cx: Corpus) -> None:
    for i in range(cx.count(6)):
        a = cx.reg.others()
        b = cx.reg.others(a)
        when = cx.when()
        own_pre = f"{a.given}, your statement for 2025-26 is ready to view."
        if i % 2 == 0:
            bad_t, bad_h = html_mail(a, cx, b.member_no, own_pre, i)
            note = f"portal link in email to {a.client_id} carries member number of {b.client_id}"
        else:
            pre = f"{b.given} {b.family} ({member_no_fmt(b.member_no, 1)}), your statement is ready."
            bad_t, bad_h = html_mail(a, cx, a.member_no, pre, i)
            note = f"hidden preheader in email to {a.client_id} names {b.client_id} with member number"
        good_t, good_h = html_mail(a, cx, a.member_no, own_pre, i)
        sender = f"noreply@{DOMAIN}"
        x = cx.add(
            "html-mail/link-or-preheader-other-member",
            "eml",
            message(f"h{i}b{cx.seed}", sender, [cx.rcpt(a)], "Your statement is ready", bad_t, when, html=bad_h),
            "block",
            note,
            rules=["mismatched_recipient", "mixed_client_documents"],
        )
        y = cx.add(
            "html-mail/link-or-preheader-other-member-twin",
            "eml",
            message(f"h{i}g{cx.seed}", sender, [cx.rcpt(a)], "Your statement is ready", good_t, when, html=good_h),
            "allow",
            f"email to {a.client_id} with own link and preheader",
        )
        cx.twin(x, y)


def ics(m: Member, adviser: str, desc: str, start, key: str) -> str:
    end = start + timedelta(hours=1)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Coastline Industry Super//Advice Bookings//EN\r\n"
        "METHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
        f"UID:{key}@{DOMAIN}\r\nDTSTAMP:20260301T000000Z\r\n"
        f"DTSTART;TZID=Australia/Sydney:{start:%Y%m%dT%H%M%S}\r\nDTEND;TZID=Australia/Sydney:{end:%Y%m%dT%H%M%S}\r\n"
        f"SUMMARY:Super advice appointment with {adviser}\r\n"
        f"DESCRIPTION:{desc}\r\nLOCATION:Phone call\r\n"
        f"ORGANIZER;CN=Advice Bookings:mailto:advice@{DOMAIN}\r\n"
        f"ATTENDEE;CN={m.given} {m.family};RSVP=TRUE:mailto:{m.email}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def calendar(cx: Corpus) -> None:
    for i in range(cx.count(6)):
        a = cx.reg.others()
        b = cx.reg.others(a)
        start = cx.when().replace(tzinfo=None, minute=0, second=0)
        adviser = cx.rng.choice(["Lachlan Pyke", "Amira Saleh", "Grace Whitehorse"])
        text = (
            f"Hi {a.given},\n\nYour phone appointment with our adviser {adviser} is booked for "
            f"{start:%A %d %B at %I:%M %p}. Accept the invitation to add it to your calendar.\n\n"
            f"{ct.signature(cx.rng, 'Advice Bookings', 'Advice')}"
        )
        own = f"Member {a.member_no} - call {a.phones[0]} - topic: retirement income"
        other = f"Member {b.member_no} - call {b.phones[0]} - topic: retirement income"
        sender = f"advice@{DOMAIN}"
        if i < cx.count(3):
            x = cx.add(
                "mime-parts/calendar-other-member",
                "eml",
                message(
                    f"ics{i}b{cx.seed}",
                    sender,
                    [cx.rcpt(a)],
                    "Invitation: advice appointment",
                    text,
                    cx.when(),
                    calendar=ics(a, adviser, other, start, f"b{i}"),
                ),
                "block",
                f"invitation to {a.client_id} carries member number and phone of {b.client_id}",
                rules=["mismatched_recipient", "mixed_client_documents"],
            )
            y = cx.add(
                "mime-parts/calendar-other-member-twin",
                "eml",
                message(
                    f"ics{i}g{cx.seed}",
                    sender,
                    [cx.rcpt(a)],
                    "Invitation: advice appointment",
                    text,
                    cx.when(),
                    calendar=ics(a, adviser, own, start, f"g{i}"),
                ),
                "allow",
                f"invitation to {a.client_id} with own details",
            )
            cx.twin(x, y)
        else:
            cx.add(
                "everyday/advice-invitation",
                "eml",
                message(
                    f"icsok{i}{cx.seed}",
                    sender,
                    [cx.rcpt(a)],
                    "Invitation: advice appointment",
                    text,
                    cx.when(),
                    calendar=ics(a, adviser, own, start, f"ok{i}"),
                ),
                "allow",
                f"advice invitation to {a.client_id}",
            )


def seminar(cx: Corpus) -> None:
    for i in range(cx.count(3)):
        people = [cx.reg.others() for _ in range(12 + i * 3)]
        seen: dict[str, Member] = {m.client_id: m for m in people}
        people = list(seen.values())
        addrs = [m.email for m in people]
        town = cx.rng.choice(["Coffs Harbour", "Geelong", "Cairns", "Bunbury"])
        text = (
            f"Dear members,\n\nYou're invited to our free 'Getting ready to retire' seminar in {town} on "
            f"Thursday 14 May 2026, 6pm. Light refreshments provided. RSVP by replying to this email.\n\n"
            f"{ct.signature(cx.rng, 'Events Team', 'Member Education')}"
        )
        sender = f"events@{DOMAIN}"
        when = cx.when()
        if i % 2 == 0:
            bad = message(f"sem{i}b{cx.seed}", sender, addrs, "Seminar invitation", text, when)
        else:
            bad = message(f"sem{i}b{cx.seed}", sender, [sender], "Seminar invitation", text, when, cc=addrs)
        good = message(f"sem{i}g{cx.seed}", sender, [sender], "Seminar invitation", text, when, bcc=addrs)
        ids = ",".join(m.client_id for m in people[:3])
        x = cx.add(
            "bulk/seminar-open-recipients",
            "eml",
            bad,
            "block",
            f"{len(people)} member addresses visible in To/Cc (e.g. {ids})",
            rules=["bulk_client_data", "mismatched_recipient"],
        )
        y = cx.add("bulk/seminar-open-recipients-twin", "eml", good, "allow", f"{len(people)} members in Bcc only")
        cx.twin(x, y)


def bulk_export(cx: Corpus) -> None:
    for i in range(cx.count(2)):
        picked: dict[str, Member] = {}
        while len(picked) < min(40, len(cx.reg.plain) - 1):
            m = cx.reg.others()
            picked[m.client_id] = m
        rows = list(picked.values())
        csv = "MBR_NO,SURNAME,GIVEN_NAMES,DOB,EMAIL,MOBILE,BALANCE\n" + "".join(
            f"{m.member_no},{m.family},{m.given},{m.dob:%d/%m/%Y},{m.email},{m.phones[0]},{m.balance}\n" for m in rows
        )
        staff_name, staff_addr = cx.staff()
        text = f"Hi,\n\nAttached is the member extract for the campaign.\n\n{ct.signature(cx.rng, staff_name)}"
        att = [("member_extract.csv", CSV, csv.encode())]
        when = cx.when()
        x = cx.add(
            "bulk/member-extract",
            "eml",
            message(
                f"bx{i}b{cx.seed}",
                staff_addr,
                ["campaigns@brightsparkmarketing.example"],
                "Extract",
                text,
                when,
                attachments=att,
            ),
            "block",
            f"extract of {len(rows)} members (e.g. {rows[0].client_id}) to an outside agency",
            rules=["bulk_client_data", "mismatched_recipient"],
        )
        y = cx.add(
            "bulk/member-extract-twin",
            "eml",
            message(f"bx{i}g{cx.seed}", staff_addr, [f"marketing@{DOMAIN}"], "Extract", text, when, attachments=att),
            "allow",
            "the same extract to the fund's own marketing team",
        )
        cx.twin(x, y)


def unmerged_email(cx: Corpus) -> None:
    fields = ["{{first_name}}", "{{member_number}}", "«FirstName»", "%%Given_Name%%", "<<MemberNo>>"]
    for i in range(cx.count(4)):
        m = cx.reg.others()
        f = fields[i % len(fields)]
        tpl = (
            "Hi {name},\n\nA contribution of {amt} was received for member {no}. Log in to see your balance.\n\n"
            + ct.signature(cx.rng, "Member Services", "Member Services")
        )
        amt = ct.money(cx.rng.randint(300, 3000))
        if "member" in f.lower():
            bad = tpl.format(name=m.given, amt=amt, no=f)
        else:
            bad = tpl.format(name=f, amt=amt, no=m.member_no)
        good = tpl.format(name=m.given, amt=amt, no=m.member_no)
        sender = f"noreply@{DOMAIN}"
        when = cx.when()
        x = cx.add(
            "unmerged/email-template",
            "eml",
            message(f"um{i}b{cx.seed}", sender, [cx.rcpt(m)], "Contribution received", bad, when),
            "block",
            f"template email to {m.client_id} with an unmerged field",
            rules=["unmerged_field"],
        )
        y = cx.add(
            "unmerged/email-template-twin",
            "eml",
            message(f"um{i}g{cx.seed}", sender, [cx.rcpt(m)], "Contribution received", good, when),
            "allow",
            f"template email to {m.client_id}, merged",
        )
        cx.twin(x, y)


def newsletters(cx: Corpus) -> None:
    for i in range(cx.count(7)):
        m = cx.reg.others()
        topic = [
            "EOFY: contribution caps for 2025-26",
            "Your insurance explained",
            "Market update - autumn",
            "Scam alert: protect your super",
        ][i % 4]
        pre = "News for members of Coastline Industry Super"
        html = f"""<!DOCTYPE html><html><body>
<div style="display:none">{pre}</div>
<table width="600" style="font-family:Georgia">
<tr><td style="background:#0a6d8c;color:#fff"><h1>Coastline News</h1></td></tr>
<tr><td><p>Hi {esc(m.given)},</p><h2>{esc(topic)}</h2><p>The concessional contributions cap is $30,000.
We will never ask for your password by email.</p>
<a href="{PORTAL}/login?utm_campaign=news{i}">Log in</a> |
<a href="{PORTAL}/unsubscribe?list=news&amp;mbr={m.member_no}">Unsubscribe</a>
</td></tr></table></body></html>"""
        text = f"Coastline News - {topic}\n\nHi {m.given},\nThe concessional contributions cap is $30,000.\n"
        cx.add(
            "everyday/newsletter",
            "eml",
            message(f"nl{i}{cx.seed}", f"news@{DOMAIN}", [cx.rcpt(m)], topic, text, cx.when(), html=html),
            "allow",
            f"newsletter to {m.client_id}",
        )
    for i in range(cx.count(5)):
        m = cx.reg.others()
        t, h = html_mail(m, cx, m.member_no, f"{m.given}, your statement is ready to view.", i)
        cx.add(
            "everyday/html-notification",
            "eml",
            message(
                f"hn{i}{cx.seed}", f"noreply@{DOMAIN}", [cx.rcpt(m)], "Your statement is ready", t, cx.when(), html=h
            ),
            "allow",
            f"HTML notification to {m.client_id} with own member number",
        )
    for m, i in cx.reg.advised:
        name, addr = ADVISERS[i]
        t, h = html_mail(m, cx, m.member_no, f"Statement ready for your client {m.given} {m.family}", i)
        cx.add(
            "everyday/adviser-html",
            "eml",
            message(
                f"ah{m.client_id}{cx.seed}",
                f"adviser.services@{DOMAIN}",
                [addr],
                "Client statement",
                t,
                cx.when(),
                html=h,
            ),
            "allow",
            f"statement notice of {m.client_id} to the authorised adviser",
        )


def _html_reply(cx: Corpus, to: Member, quoted: Member, key: str, staff: tuple[str, str], when) -> bytes:
    """An Outlook HTML reply: the answer on top, the earlier message under a divRplyFwdMsg header block."""
    staff_name, staff_from = staff
    q = (
        f"Hi,<br>Could you send me a copy of my beneficiary nomination? {esc(member_no_fmt(quoted.member_no, 1))}<br>"
        f"{esc(quoted.given)} {esc(quoted.family)}<br>{esc(quoted.phones[0])}"
    )
    html = f"""<html><head><meta charset="utf-8"></head><body>
<div style="font-family:Calibri,sans-serif;font-size:11pt">Hi {esc(to.given)},<br><br>
Your nomination is attached to your online account under Documents. It is valid until 2029.<br><br>
Kind regards,<br>{esc(staff_name)}<br><span style="color:#0a6d8c"><b>Coastline Industry Super</b></span><br>
<span style="font-size:8pt;color:#888">This email is confidential.
Coastline Trustees Pty Ltd ABN 00 111 222 333.</span></div>
<hr style="display:inline-block;width:98%">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri" style="font-size:11pt" color="#000000">
<b>From:</b> {esc(quoted.given)} {esc(quoted.family)} &lt;{esc(quoted.email)}&gt;<br>
<b>Sent:</b> {when:%A, %d %B %Y %I:%M %p}<br><b>To:</b> Member Services &lt;members@{DOMAIN}&gt;<br>
<b>Subject:</b> Beneficiary nomination</font><div>&nbsp;</div></div>
<blockquote style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">{q}</blockquote>
</body></html>"""
    text = (
        f"Hi {to.given},\n\nYour nomination is attached to your online account under Documents.\n\n"
        f"From: {quoted.given} {quoted.family} <{quoted.email}>\nSubject: Beneficiary nomination\n\n"
        + q.replace("<br>", "\n")
    )
    return message(key, staff_from, [cx.rcpt(to)], "RE: Beneficiary nomination", text, when, html=html)


def html_replies(cx: Corpus) -> None:
    for i in range(cx.count(3)):
        a = cx.reg.others()
        b = cx.reg.others(a)
        staff, when = cx.staff(), cx.when()
        x = cx.add(
            "html-mail/outlook-reply-other-member",
            "eml",
            _html_reply(cx, a, b, f"hr{i}b{cx.seed}", staff, when),
            "block",
            f"HTML reply to {a.client_id} quotes the message of {b.client_id}",
            rules=["mismatched_recipient", "mixed_client_documents"],
        )
        y = cx.add(
            "html-mail/outlook-reply-other-member-twin",
            "eml",
            _html_reply(cx, a, a, f"hr{i}g{cx.seed}", staff, when),
            "allow",
            f"HTML reply to {a.client_id} quotes their own message",
        )
        cx.twin(x, y)
    for i in range(cx.count(5)):
        m = cx.reg.others()
        cx.add(
            "everyday/outlook-html-reply",
            "eml",
            _html_reply(cx, m, m, f"hro{i}{cx.seed}", cx.staff(), cx.when()),
            "allow",
            f"HTML reply to {m.client_id}",
        )


def build(cx: Corpus) -> None:
    html_incidents(cx)
    calendar(cx)
    seminar(cx)
    bulk_export(cx)
    unmerged_email(cx)
    newsletters(cx)
    html_replies(cx)
