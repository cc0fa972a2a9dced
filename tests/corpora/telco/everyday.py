"""Ordinary legitimate mail: what the retailer sends all day and must keep sending."""

from __future__ import annotations

import datetime as dt

from . import renderers as r
from . import world as w
from .cases import BILLS_FROM, _mail, _quote_on, _quote_outlook
from .content import Ctx, bill, calls, day, notice, sig
from .items import FORMATS, Item, allow, render
from .renderers import attach

ORDINARY = ("individual", "family", "hardship", "joint", "samename", "ex")


def _a(variation: str, out: tuple[str, bytes], note: str) -> Item:
    return allow("everyday", variation, out, note)


def bills(ctx: Ctx) -> list[Item]:
    out = []
    for i in range(ctx.n(10)):
        c = ctx.pick(ORDINARY + ("business",))
        to = c.authorised[0] if c.kind == "business" and i % 2 else c.email
        text = f"Hi {c.given},\n\nYour bill for account {c.account} is attached.\n\n{sig('Billing')}"
        out.append(
            _a(
                "bill-email-with-pdf",
                _mail(
                    ctx,
                    [to],
                    "Your Tallowood bill",
                    text,
                    frm=BILLS_FROM,
                    attachments=[attach("bill.pdf", r.pdf(bill(ctx, c), "window"))],
                ),
                f"bill of {c.cid} to its holder or authorised contact",
            )
        )
    for i in range(ctx.n(9)):
        c = ctx.pick(ORDINARY)
        out.append(
            _a(
                f"bill-letter-{FORMATS[i % 7]}",
                render(bill(ctx, c, style=i % 5), FORMATS[i % 7]),
                f"bill of {c.cid} to its own address",
            )
        )
    return out


def notices(ctx: Ctx) -> list[Item]:
    out = []
    kinds = ["sim", "porting", "plan", "overdue", "welcome", "device", "hardship", "nbn"]
    for i in range(ctx.n(12)):
        c = ctx.pick(ORDINARY)
        kind = kinds[i % len(kinds)]
        detail = c.address.line() if kind in ("device", "nbn") else ""
        letter = notice(ctx, c, kind, style=i % 5, detail=detail)
        if i % 3 == 2:
            text = f"Dear {c.given},\n\nPlease see the attached letter about your account.\n\n{sig(ctx.staff()[0])}"
            conv, ext = (r.docx, "docx") if i % 2 else (r.pdf, "pdf")
            res = _mail(ctx, [c.email], letter.title, text, attachments=[attach(f"letter.{ext}", conv(letter))])
        else:
            res = render(letter, FORMATS[i % 7])
        out.append(_a(f"notice-{kind}", res, f"{kind} notice to {c.cid}"))
    return out


def replies(ctx: Ctx) -> list[Item]:
    out = []
    topics = [
        ("Roaming pack", "Your 7-day roaming pack for Fiji is active on {svc}. Daily charges stop on {d}."),
        ("Data top-up", "We added 5GB to {svc} at no charge because of last week's outage."),
        ("Your complaint", "We have credited $25.00 to account {acct} for the missed appointment."),
        ("PUK code", "The PUK code for {svc} is in the app under Services > SIM. We cannot send it by email."),
        ("Contract end", "Your device repayments on account {acct} finish on {d}; your plan will continue."),
        ("Address change", "We have updated the postal address on account {acct} to {addr}."),
    ]
    for i in range(ctx.n(10)):
        c = ctx.pick(ORDINARY)
        subj, line = topics[i % len(topics)]
        body = line.format(svc=c.phone, d=day(ctx.date(10, 50)), acct=c.account, addr=c.address.line())
        text = f"Hi {c.given},\n\n{body}\n\n{sig(ctx.staff()[0])}"
        if i % 3 == 1:  # the customer's own message quoted
            q = f"Hi, can you help with {subj.lower()} on {c.phone}?\nThanks\n{c.given}"
            text += "\n\n" + _quote_on(f"{c.given} {c.family} <{c.email}>", "Sun, 1 Mar 2026 at 21:14", q)
        elif i % 3 == 2:
            q = f"Account {c.account}. Please call me back about {subj.lower()}.\n{c.given} {c.family}\n{c.phone}"
            text += "\n\n" + _quote_outlook(
                f"{c.given} {c.family} <{c.email}>", f"help@{w.DOMAIN}", "Sunday, 1 March 2026 9:14 PM", subj, q
            )
        out.append(_a("customer-reply", _mail(ctx, [c.email], f"RE: {subj}", text), f"reply to {c.cid}"))
    return out


def html_notifications(ctx: Ctx) -> list[Item]:
    out = []
    for _i in range(ctx.n(7)):
        c = ctx.pick(ORDINARY)
        amount = ctx.money()
        html = r.html_mail(
            f"Your bill for account {c.account} is {amount}",
            f"Hi {c.given}, your bill is ready",
            ["Your latest bill is ready to view."],
            button=("View bill", f"https://my.{w.DOMAIN}/bills"),
            summary=[("Account", c.account), ("Amount", amount)],
        )
        out.append(
            _a(
                "html-bill-notification",
                _mail(ctx, [c.email], "Your bill is ready", f"Bill {amount}", html=html, frm=BILLS_FROM),
                f"notification to {c.cid}",
            )
        )
    for _i in range(ctx.n(4)):
        html = r.html_mail(
            "Faster NBN plans from $75",
            "Upgrade to NBN 100 for $10 more",
            ["Our fastest plans now come with a free modem when you sign up before 31 March."],
            button=("See plans", f"https://www.{w.DOMAIN}/nbn"),
        )
        to = ctx.pick(ORDINARY).email
        out.append(
            _a(
                "marketing",
                _mail(
                    ctx, [to], "Faster NBN plans", "See our plans.", html=html, frm=f"{w.ORG} <offers@{w.BILLS_DOMAIN}>"
                ),
                "marketing without account data",
            )
        )
    return out


def calendar(ctx: Ctx) -> list[Item]:
    out = []
    for _ in range(ctx.n(5)):
        c = ctx.pick(("individual", "family", "hardship"))
        start = dt.datetime(2026, 3, ctx.rng.randint(9, 27), ctx.rng.choice([8, 12]), 0)
        cal = r.ics(
            ctx.next_id(),
            start,
            240,
            "NBN technician appointment",
            c.address.line(),
            f"NBN connection for account {c.account}.\nThe technician will call {c.phone} on arrival.",
            c.email,
        )
        text = f"Hi {c.given},\n\nYour NBN appointment is booked. Add it to your calendar.\n\n{sig('NBN Team')}"
        out.append(
            _a(
                "nbn-appointment-ics",
                _mail(ctx, [c.email], "NBN appointment", text, attachments=[attach("appointment.ics", cal)]),
                f"appointment of {c.cid} to {c.cid}",
            )
        )
    for _ in range(ctx.n(3)):
        c = ctx.pick(("individual", "family"))
        ticket = f"FLT-{ctx.rng.randint(100000, 999999)}"
        text = (
            f"Fault {ticket}: no sync on the NBN service for account {c.account}.\nPremises: {c.address.line()}\n"
            f"Site contact: {c.given} {c.family}, {c.phone}\nAccess: dog in yard, call ahead.\n\n"
            f"{sig(ctx.staff()[0], 'NBN Faults')}"
        )
        out.append(
            _a(
                "fault-ticket-to-wholesaler",
                _mail(ctx, [f"faults@{w.WHOLESALE_DOMAIN}"], f"New fault {ticket}", text),
                f"fault of {c.cid} to the approved wholesaler",
            )
        )
    return out


def third_parties(ctx: Ctx) -> list[Item]:
    out = []
    for _ in range(ctx.n(5)):
        c = ctx.pick(("individual", "family", "hardship", "samename"))
        case = f"2026/{ctx.rng.randint(10000, 99999)}"
        text = (
            f"Dear Case Officer,\n\nRe: complaint {case} - {c.given} {c.family}, account {c.account}\n\n"
            f"Our records show the customer contacted us on {day(ctx.date(-20, 0))} about billing at "
            f"{c.address.line()}. We have offered a credit of {ctx.money(20, 90)} and will write to the customer "
            f"at that address.\n\n{sig(ctx.staff()[0], 'Complaints Resolution')}"
        )
        officer = f"case.officer{ctx.rng.randint(10, 99)}@{w.OMBUDSMAN_DOMAIN}"
        out.append(
            _a(
                "ombudsman-response",
                _mail(ctx, [officer], f"Complaint {case}", text),
                f"response about {c.cid} to the ombudsman",
            )
        )
    for _ in range(ctx.n(4)):
        c = ctx.pick(("individual", "hardship"))
        text = (
            f"Hello,\n\nPlease accept the referral of account {c.account} ({c.given} {c.family}, born "
            f"{c.dob.strftime('%d/%m/%Y')}), balance {ctx.money(200, 900)}. Last known address: "
            f"{c.address.line()}. Mobile {c.phone}.\n\n{sig(ctx.staff()[0], 'Credit Management')}"
        )
        out.append(
            _a(
                "collection-referral",
                _mail(ctx, [f"referrals@{w.COLLECTIONS_DOMAIN}"], "New referral", text),
                f"referral of {c.cid} to the contracted agency",
            )
        )
    for _ in range(ctx.n(4)):
        c = ctx.pick("hardship")
        letter = notice(ctx, c, "hardship")
        text = f"Hello,\n\nThe payment arrangement for your client is attached.\n\n{sig(ctx.staff()[0], 'Hardship')}"
        out.append(
            _a(
                "counsellor-arrangement",
                _mail(
                    ctx,
                    [c.authorised[-1]],
                    "Payment arrangement",
                    text,
                    attachments=[attach("arrangement.pdf", r.pdf(letter))],
                ),
                f"arrangement of {c.cid} to the counsellor {c.cid} authorised",
            )
        )
    for _ in range(ctx.n(5)):
        c = ctx.pick("business")
        rows = "\n".join(f"  {s.number}  {s.user}" for s in c.services)
        text = (
            f"Hi,\n\nThe data bar on the following services on account {c.account} ({c.business}, ABN {c.abn}) "
            f"has been lifted as requested:\n\n{rows}\n\n{sig(ctx.staff()[0], 'Business Support')}"
        )
        out.append(
            _a(
                "business-it-contact",
                _mail(ctx, c.authorised[-1:], "Data bar lifted", text),
                f"services of {c.cid} to its authorised IT contact",
            )
        )
    return out


def internal(ctx: Ctx) -> list[Item]:
    out = []
    for _i in range(ctx.n(4)):
        c = ctx.pick(("individual", "family", "ex"))
        page = calls(ctx, [c.phone], n=12)
        csvdata = "\n".join([",".join(page.columns)] + [",".join(x) for x in page.rows]) + "\n"
        text = (
            f"Hi Legal,\n\nDraft response to notice {ctx.rng.randint(1000, 9999)}/2026 for service {c.phone} "
            f"(account {c.account}, {c.given} {c.family}): call records for the requested period are attached "
            f"for your review before release.\n\n{ctx.staff()[0]}"
        )
        out.append(
            _a(
                "lawful-disclosure-draft-internal",
                _mail(
                    ctx,
                    [w.LEGAL_TEAM],
                    "Lawful disclosure draft",
                    text,
                    attachments=[attach("records.csv", csvdata.encode())],
                ),
                f"records of {c.cid} to legal",
            )
        )
    for _ in range(ctx.n(4)):
        c = ctx.pick(ORDINARY)
        text = (
            f"Hi both,\n\nCan someone reverse the late fee on {c.account}? Customer {c.given} {c.family} "
            f"({c.phone}) paid on time, the payment was misallocated.\n\nThanks\n{ctx.staff()[0]}"
        )
        out.append(
            _a(
                "internal-billing",
                _mail(ctx, [f"billing.ops@{w.DOMAIN}", ctx.staff()[1]], "Late fee reversal", text),
                f"internal note about {c.cid}",
            )
        )
    for _ in range(ctx.n(4)):
        p = ctx.pick(("protected", "protected-alone"))
        text = (
            f"Hi team,\n\nSafety flag confirmed on {p.account}. New postal address {p.address.line()}, silent "
            f"number {p.phone}. Please make sure all mail is suppressed from the old account.\n\n{ctx.staff()[0]}"
        )
        out.append(
            _a(
                "customer-safety-team",
                _mail(ctx, [w.SAFETY_TEAM[0], w.SAFETY_TEAM[1]], "Safety flag", text),
                f"suppressed details of {p.cid} within the customer safety team",
            )
        )
    return out


def protected_own(ctx: Ctx) -> list[Item]:
    out = []
    for i in range(ctx.n(6)):
        p = ctx.pick(("protected", "protected-alone"))
        if i % 2:
            letter = notice(ctx, p, ["newservice", "welcome", "sim"][i % 3], detail=p.phone, style=i % 5)
            out.append(
                _a(
                    "protected-customer-own-letter",
                    render(letter, FORMATS[i % 4]),
                    f"letter to {p.cid} at her own suppressed address",
                )
            )
        else:
            text = (
                f"Hi {p.given},\n\nYour silent number {p.phone} is set up and your bills now go to "
                f"{p.address.line()} only. Your case manager is {ctx.staff()[0]}.\n\n"
                f"{sig(ctx.staff()[0], 'Customer Safety')}"
            )
            out.append(
                _a(
                    "protected-customer-own-mail",
                    _mail(ctx, [p.email], "Your account is secured", text),
                    f"mail to {p.cid} with her own suppressed details",
                )
            )
    return out


def no_client_data(ctx: Ctx) -> list[Item]:
    out = []
    texts = [
        ("Planned maintenance 14 March", "Mobile data in Bendigo and surrounds may drop out between 1am and 4am."),
        ("Outage update", "The NBN outage affecting Logan Central has been restored. No action is needed."),
        ("Invoice INV-88213", "Please find our February invoice for courier services attached. Terms 30 days."),
        ("Team meeting", "Retail leaders' meeting moved to Thursday 10am, Level 4 room B."),
        ("Price changes", "From 1 May some plan prices change. We will write to affected customers by 1 April."),
        ("[EXTERNAL] Quote for store fit-out", "Attached is our quote for the Footscray store fit-out."),
    ]
    for i in range(ctx.n(6)):
        subj, body = texts[i % len(texts)]
        to = ctx.rng.choice(["partners@shopfitters-vic.example", f"all.retail@{w.DOMAIN}", ctx.pick(ORDINARY).email])
        text = f"Hello,\n\n{body}\n\nCall {w.ORG_PHONE} or 1800 687 626 for help.\n\n{w.ORG_LEGAL} ABN {w.ORG_ABN}"
        out.append(_a("no-client-data", _mail(ctx, [to], subj, text), "no customer information"))
    return out


def tricky(ctx: Ctx) -> list[Item]:
    """Legitimate items that look risky: own call records listing calls to other customers' numbers, masked cards,
    joint holders, the same-named customer's own letters."""
    out = []
    for i in range(ctx.n(3)):
        c = ctx.pick(("individual", "family"))
        friends = [ctx.other(c) for _ in range(2)]
        letter = bill(ctx, c, inserted=[(friends[0].phone, 1), (friends[1].phone, 4)])
        out.append(
            _a(
                "itemised-calls-to-other-customers",
                render(letter, ["pdf-window", "docx", "pdf-side"][i % 3]),
                f"own itemised bill of {c.cid} listing calls to numbers of {friends[0].cid} and {friends[1].cid}",
            )
        )
    for _ in range(ctx.n(2)):
        c = ctx.pick(("individual", "family"))
        card = w.card_number(ctx.rng)
        text = (
            f"Hi {c.given},\n\nThe card ending {card[-4:]} was declined for account {c.account}. Please update "
            f"it in the app.\n\n{sig('Billing')}"
        )
        out.append(
            _a(
                "masked-card",
                _mail(ctx, [c.email], "Payment declined", text, frm=BILLS_FROM),
                f"masked card of {c.cid}",
            )
        )
    for _ in range(ctx.n(3)):
        a = ctx.pick("joint")
        letter = bill(
            ctx,
            a,
            recipient=[
                f"{a.given} {a.family} & {a.partner and ctx.reg.by_id[a.partner].given} "
                f"{ctx.reg.by_id[a.partner].family}"
            ]
            + a.address.lines(0),
        )
        out.append(
            _a(
                "joint-account-both-names",
                render(letter, "pdf-window"),
                f"bill of joint account of {a.cid} and {a.partner}",
            )
        )
    for _ in range(ctx.n(2)):
        a = ctx.pick("samename")
        letter = notice(ctx, a, "plan")
        letter.summary.append(("Date of birth", a.dob.strftime("%d/%m/%Y")))
        out.append(
            _a(
                "same-name-customer-own-letter",
                render(letter, "pdf-side"),
                f"letter to {a.cid} (same name as {a.partner}) with own account and date of birth",
            )
        )
    for _ in range(ctx.n(2)):
        x, p = ctx.pick("ex"), None
        p = ctx.reg.by_id[x.partner]
        letter = bill(ctx, x)
        out.append(
            _a(
                "ex-partner-own-bill",
                render(letter, "pdf-window"),
                f"own bill of {x.cid} (former partner of protected {p.cid}) without her details",
            )
        )
    return out


def everything(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for fn in (
        bills,
        notices,
        replies,
        html_notifications,
        calendar,
        third_parties,
        internal,
        protected_own,
        no_client_data,
        tricky,
    ):
        out += fn(ctx)
    return out
