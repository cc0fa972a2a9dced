"""Incidents, each beside a same-layout legitimate twin, per area of FORMAT.md."""

from __future__ import annotations

import datetime as dt

from . import renderers as r
from . import world as w
from .content import Ctx, addressee, bill, block, calls, day, notice, services_page, sig
from .items import FORMATS, Item, allow, pair, render
from .registry import Client
from .renderers import Letter, Page, attach

MR, SD, MX, BK, SI, UF, UC = (
    "mismatched_recipient",
    "suppressed_detail_exposed",
    "mixed_client_documents",
    "bulk_client_data",
    "sensitive_identifier",
    "unmerged_field",
    "unscannable_content",
)
BILLS_FROM = f"{w.ORG} <billing@{w.BILLS_DOMAIN}>"


def _mail(ctx: Ctx, to: list[str], subject: str, text: str, **kw) -> tuple[str, bytes]:
    frm = kw.pop("frm", None)
    if frm is None:
        name, addr = ctx.staff()
        frm = f"{name} <{addr}>"
    return "eml", r.eml(ctx.next_id(), frm, to, subject, text, **kw)


def _ex_and_protected(ctx: Ctx, joint: bool | None = None) -> tuple[Client, Client]:
    p = ctx.pick("protected")
    while joint is not None and bool(p.joint_with) != joint:
        p = ctx.pick("protected")
    return ctx.reg.by_id[p.partner], p


# --------------------------------------------------------------------------------------------- address-block
def address_block(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for i in range(ctx.n(5)):
        a = ctx.pick(("individual", "family", "hardship"))
        b = ctx.other(a)
        fmt, style = FORMATS[i % 6], i % 5
        bad = render(bill(ctx, a, recipient=[addressee(a)] + b.address.lines(style)), fmt)
        good = render(bill(ctx, a, style=style), fmt)
        out += pair(
            "address-block",
            "wrong-address",
            bad,
            good,
            [MR],
            f"bill of {a.cid} addressed to the postal address of {b.cid}",
            f"bill of {a.cid} to its holder",
        )
    for i in range(ctx.n(5)):
        b = ctx.pick(("individual", "family", "hardship", "business"))
        a = ctx.other(b)
        fmt, kind = FORMATS[(i + 2) % 6], ["hardship", "overdue", "plan", "sim", "welcome"][i % 5]
        bad = render(notice(ctx, a, kind, recipient=block(b, i % 5)), fmt)
        good = render(notice(ctx, b, kind, style=i % 5), fmt)
        out += pair(
            "address-block",
            f"wrong-person-{kind}",
            bad,
            good,
            [MR, MX],
            f"{kind} letter about {a.cid} addressed to {b.cid}",
            f"{kind} letter to {b.cid}",
        )
    for i in range(ctx.n(4)):
        x, p = _ex_and_protected(ctx)
        fmt = ["pdf-window", "pdf-side", "docx", "pdf-plain"][i % 4]
        if i % 2:
            bad = render(
                notice(ctx, x, "device", detail=p.address.line(), recipient=block(x, 0, address=p.address)), fmt
            )
            good = render(notice(ctx, x, "device", detail=x.address.line()), fmt)
        else:
            bad = render(bill(ctx, x, recipient=block(x, 1, address=p.address), itemised=False), fmt)
            good = render(bill(ctx, x, style=1, itemised=False), fmt)
        out += pair(
            "address-block",
            "ex-partner-at-suppressed-address",
            bad,
            good,
            [SD, MR],
            f"letter for {x.cid} delivered to the suppressed address of {p.cid}",
            f"letter for {x.cid} at own address",
            suppressed=True,
        )
    return out


# ------------------------------------------------------------------------------------- recipient-own-details
def own_details(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for _ in range(ctx.n(4)):
        a = ctx.pick(("individual", "family"))
        b = ctx.other(a)

        def text(src: Client, a: Client = a) -> str:
            return (
                f"Hi {a.given},\n\nThanks for calling today. As requested we have updated the contact details on "
                f"account {a.account}. The details we now hold are:\n\n  Mobile: {src.phone}\n  Email: {src.email}\n"
                f"  Postal address: {src.address.line()}\n\nIf anything is wrong, reply to this email.\n\n"
                + sig(ctx.staff()[0])
            )

        subj = "Your contact details have been updated"
        out += pair(
            "recipient-own-details",
            "contact-details-confirmation",
            _mail(ctx, [a.email], subj, text(b)),
            _mail(ctx, [a.email], subj, text(a)),
            [MR, MX],
            f"confirmation to {a.cid} lists phone, email and address of {b.cid}",
            f"confirmation to {a.cid} of own details",
        )
    for i in range(ctx.n(4)):
        x, p = _ex_and_protected(ctx, joint=True)
        silent = p.phone
        letter = notice(ctx, p, "newservice", detail=silent, recipient=[addressee(p)] + p.address.lines(0))
        att = attach("New service confirmation.pdf", r.pdf(letter, "side"))
        text = (
            f"Hello,\n\nYour new mobile service is now active. Your confirmation letter is attached.\n\n"
            f"{sig('Customer Care')}"
        )
        subj = "Your new service is active"
        if i % 2:
            bad = _mail(ctx, [x.email], subj, text, attachments=[att], frm=BILLS_FROM)
            good = _mail(ctx, [p.email], subj, text, attachments=[att], frm=BILLS_FROM)
        else:
            t2 = f"Hello,\n\nYour silent number {silent} is now active on account {p.account}.\n\n{sig('Activations')}"
            bad = _mail(ctx, [x.email], subj, t2, frm=BILLS_FROM)
            good = _mail(ctx, [p.email], subj, t2, frm=BILLS_FROM)
        out += pair(
            "recipient-own-details",
            "silent-number-to-old-account-email",
            bad,
            good,
            [SD, MR],
            f"new silent number of {p.cid} sent to the e-mail of joint holder {x.cid}",
            f"new silent number sent to {p.cid} herself",
            suppressed=True,
        )
    for i in range(ctx.n(3)):
        x, p = _ex_and_protected(ctx)
        fmt = ["pdf-window", "docx", "txt"][i % 3]
        bad = render(
            notice(ctx, p, "porting", detail=p.phone, recipient=[addressee(p)] + x.address.lines(1), account=p.account),
            fmt,
        )
        good = render(
            notice(ctx, p, "porting", detail=p.phone, recipient=[addressee(p)] + p.address.lines(1), account=p.account),
            fmt,
        )
        out += pair(
            "recipient-own-details",
            "porting-letter-to-old-address",
            bad,
            good,
            [SD, MR],
            f"porting letter with the silent number of {p.cid} posted to the address of {x.cid}",
            f"porting letter to {p.cid} at her own (suppressed) address",
            suppressed=True,
        )
    return out


# --------------------------------------------------------------------------------------------- relationships
def relationships(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for i in range(ctx.n(4)):
        x, p = _ex_and_protected(ctx, joint=True)
        fmt = ["pdf-window", "docx", "pdf-side", "eml"][i % 4]
        acct = p.accounts[1]  # the old joint account
        bad_l = bill(ctx, x, account=acct, inserted=[(p.phone, 2), (p.phone, 5)])
        good_l = bill(ctx, x, account=acct)
        if fmt == "eml":
            subj, text = "Your itemised bill", f"Hi {x.given},\n\nYour itemised bill is attached.\n\n{sig('Billing')}"
            bad = _mail(ctx, [x.email], subj, text, attachments=[attach("bill.pdf", r.pdf(bad_l))], frm=BILLS_FROM)
            good = _mail(ctx, [x.email], subj, text, attachments=[attach("bill.pdf", r.pdf(good_l))], frm=BILLS_FROM)
        else:
            bad, good = render(bad_l, fmt), render(good_l, fmt)
        out += pair(
            "relationships",
            "joint-itemised-bill-lists-silent-number",
            bad,
            good,
            [SD],
            f"joint-account bill to {x.cid} lists calls to the silent number of {p.cid}",
            f"joint-account bill to joint holder {x.cid}",
            suppressed=True,
        )
    for _ in range(ctx.n(3)):
        b1 = ctx.pick("business")
        b2 = ctx.other(b1, "business")

        def it_mail(src: Client, b1: Client = b1) -> tuple[str, bytes]:
            rows = "\n".join(f"  {s.number}  {s.user:<12} {'active'}" for s in src.services)
            text = (
                f"Hi team,\n\nAs requested, here are the services on account {src.account} ({src.business}) and "
                f"their eSIM activation status:\n\n{rows}\n\nThe eSIM QR codes will follow separately.\n\n"
                + sig(ctx.staff()[0], "Business Support")
            )
            return _mail(ctx, [b1.authorised[0]], f"Services on {src.business}", text)

        out += pair(
            "relationships",
            "business-it-contact",
            it_mail(b2),
            it_mail(b1),
            [MR],
            f"IT contact of {b1.cid} sent service list of {b2.cid}",
            f"IT contact of {b1.cid} sent its own service list",
        )
    for i in range(ctx.n(3)):
        h1 = ctx.pick("hardship")
        h2 = ctx.other(h1, ("hardship", "individual"))
        counsellor = h1.authorised[-1]
        letter_bad = notice(ctx, h2, "hardship")
        letter_good = notice(ctx, h1, "hardship")
        text = (
            f"Hello,\n\nPlease find attached the payment arrangement letter for your client, as discussed.\n\n"
            f"{sig(ctx.staff()[0], 'Financial Hardship')}"
        )
        fmt = ["pdf", "docx", "pdf"][i % 3]
        conv = r.pdf if fmt == "pdf" else r.docx
        out += pair(
            "relationships",
            "financial-counsellor",
            _mail(
                ctx,
                [counsellor],
                "Payment arrangement",
                text,
                attachments=[attach(f"arrangement.{fmt}", conv(letter_bad))],
            ),
            _mail(
                ctx,
                [counsellor],
                "Payment arrangement",
                text,
                attachments=[attach(f"arrangement.{fmt}", conv(letter_good))],
            ),
            [MR],
            f"counsellor authorised for {h1.cid} sent the arrangement of {h2.cid}",
            f"counsellor authorised for {h1.cid} sent that client's arrangement",
        )
    for _ in range(ctx.n(2)):
        f = ctx.pick("family")
        kid = f.services[-1].user
        kid_mail = ctx.reg.numbers.email(kid, f.family)
        letter = bill(ctx, f)
        text = f"Hi,\n\nThe bill for account {f.account} is attached as requested.\n\n{sig(ctx.staff()[0])}"
        out += pair(
            "relationships",
            "family-plan-member",
            _mail(ctx, [kid_mail], "Your family plan bill", text, attachments=[attach("bill.pdf", r.pdf(letter))]),
            _mail(ctx, [f.email], "Your family plan bill", text, attachments=[attach("bill.pdf", r.pdf(letter))]),
            [MR],
            f"bill of family-plan holder {f.cid} sent to a service user who is not authorised",
            f"bill sent to family-plan holder {f.cid}",
        )
    for i in range(ctx.n(3)):
        p = ctx.pick("protected")
        while not p.authorised:
            p = ctx.pick("protected")
        x = ctx.reg.by_id[p.partner]
        extra = [
            f"Her mail now goes to {p.address.line()}.",
            f"She can be reached on {p.phone}.",
            f"We will post the final notice to {p.address.street_line(short=True)}, {p.address.suburb}.",
        ][i % 3]

        def rep_mail(extra: str, p: Client = p, x: Client = x) -> tuple[str, bytes]:
            text = (
                f"Dear {x.given},\n\nYou are listed as an authorised representative on account {p.account} "
                f"({p.given} {p.family}). The closing balance is {ctx.money()} and a final notice will follow. "
                f"{extra}\n\n{sig(ctx.staff()[0], 'Collections')}"
            )
            return _mail(ctx, [x.email], f"Account {p.account}", text)

        out += pair(
            "relationships",
            "former-partner-authorised-rep",
            rep_mail(extra),
            rep_mail(""),
            [SD],
            f"authorised rep {x.cid} told the suppressed detail of {p.cid}",
            f"authorised rep {x.cid} told the balance of {p.cid}",
            suppressed=True,
        )
    for _ in range(ctx.n(3)):
        a = ctx.pick("joint")
        b = ctx.reg.by_id[a.joint_with[0]]
        text = f"Hi {b.given},\n\nThe joint account {a.account} bill is attached.\n\n{sig('Billing')}"
        out.append(
            allow(
                "relationships",
                "joint-holder-bill",
                _mail(
                    ctx,
                    [b.email],
                    "Joint account bill",
                    text,
                    frm=BILLS_FROM,
                    attachments=[attach("bill.pdf", r.pdf(bill(ctx, a)))],
                ),
                f"bill of joint account of {a.cid} sent to joint holder {b.cid}",
            )
        )
    return out


# ---------------------------------------------------------------------------------------------- headers-links
def headers_links(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for i in range(ctx.n(5)):
        a = ctx.pick(("individual", "family", "hardship"))
        b = ctx.other(a)
        text = (
            f"Hi {a.given},\n\nYour payment of {ctx.money()} for account {a.account} has been received, thank "
            f"you. Your next bill is due on {day(ctx.date(20, 40))}.\n\n{sig(ctx.staff()[0])}"
        )
        colleague = ctx.staff()[1]
        hdr = "cc" if i < 3 else "bcc"
        bad = _mail(ctx, [a.email], "Payment received", text, **{hdr: [b.email]})
        good = _mail(ctx, [a.email], "Payment received", text, **{hdr: [colleague]})
        out += pair(
            "headers-links",
            f"{hdr}-wrong-customer",
            bad,
            good,
            [MR],
            f"payment note of {a.cid} copied to {b.cid}",
            f"payment note of {a.cid} copied to a colleague",
        )
    for _ in range(ctx.n(2)):
        a = ctx.pick(("individual", "family"))
        b = ctx.other(a)
        text = f"Dear {a.given},\n\nYour plan change on account {a.account} is confirmed.\n\n{sig(ctx.staff()[0])}"
        out += pair(
            "headers-links",
            "display-name-other-address",
            _mail(ctx, [f'"{a.given} {a.family}" <{b.email}>'], "Plan change confirmed", text),
            _mail(ctx, [f'"{a.given} {a.family}" <{a.email}>'], "Plan change confirmed", text),
            [MR],
            f"mail about {a.cid} addressed by display name but to the mailbox of {b.cid}",
            f"mail about {a.cid} to {a.cid}",
        )
    for i in range(ctx.n(3)):
        a = ctx.pick(("individual", "family", "hardship"))
        b = ctx.other(a)

        def link_mail(acct: str, a: Client = a, i: int = i) -> tuple[str, bytes]:
            digits = "".join(ch for ch in acct if ch.isdigit())
            url = [
                f"https://my.{w.DOMAIN}/bills/view?account={digits}&period=2026-02",
                f"https://my.{w.DOMAIN}/pay/{digits}?src=email",
                f"https://my.{w.DOMAIN}/usage?acct={digits}",
            ][i % 3]
            text = f"Hi {a.given},\n\nYour February bill is ready. View it here:\n{url}\n\n{sig('Billing')}"
            html = r.html_mail(
                "Your bill is ready",
                "Your bill is ready",
                [f"Hi {a.given}, your February bill is ready to view."],
                button=("View bill", url),
            )
            return _mail(ctx, [a.email], "Your bill is ready", text, html=html, frm=BILLS_FROM)

        out += pair(
            "headers-links",
            "link-carries-account",
            link_mail(b.account),
            link_mail(a.account),
            [MR],
            f"bill link to {a.cid} carries the account of {b.cid}",
            f"bill link to {a.cid} with own account",
        )
    return out


# -------------------------------------------------------------------------------------------- suppressed-loose
def suppressed_loose(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for i in range(ctx.n(4)):
        x, p = _ex_and_protected(ctx)
        ad = p.address
        loose = [
            f"she's moved to {ad.street_line(short=True).lower()}, {ad.suburb.lower()}",
            f"new address is {ad.number} {ad.street} {ad.stype[1]}. {ad.suburb} {ad.postcode}",
            f"she is now at {ad.street_line()} in {ad.suburb}",
            f"send anything for her to {ad.street_line(short=True).upper()} {ad.suburb.upper()} {ad.state}",
        ][i % 4]
        text = (
            f"Hi,\n\nCustomer came in to the store today about account {p.account} - {loose}. Her ex may call "
            f"pretending to be her. Can you make sure the notes are right?\n\nThanks,\n{ctx.staff()[0]}\n"
            f"Tallowood Store, {ctx.rng.choice(w.PLACES)[0]}"
        )
        colleague = f"store.support@{w.DOMAIN}"
        out += pair(
            "suppressed-loose",
            "internal-note-outside-safety-team",
            _mail(ctx, [colleague], "Account update", text),
            _mail(ctx, [w.SAFETY_TEAM[0]], "Account update", text),
            [SD],
            f"suppressed address of {p.cid} sent to internal staff not allowed to see it",
            f"suppressed address of {p.cid} sent to the customer safety team",
            suppressed=True,
        )
    for i in range(ctx.n(3)):
        x, p = _ex_and_protected(ctx, joint=True)
        d = "".join(ch for ch in p.phone if ch.isdigit())
        shown = [w.intl(p.phone), f"{d[:4]}-{d[4:7]}-{d[7:]}", d, f"+61{d[1:]}"][i % 4]
        mine = "".join(ch for ch in x.phone if ch.isdigit())
        mine = [w.intl(x.phone), f"{mine[:4]}-{mine[4:7]}-{mine[7:]}", mine, f"+61{mine[1:]}"][i % 4]

        def note(num: str, x: Client = x, p: Client = p) -> tuple[str, bytes]:
            text = (
                f"Hi {x.given},\n\nFollowing your call about the joint account {p.accounts[1]}: the SMS "
                f"verification code will go to {num} from now on.\n\n{sig(ctx.staff()[0])}"
            )
            return _mail(ctx, [x.email], "Verification number updated", text)

        out += pair(
            "suppressed-loose",
            "silent-number-reformatted",
            note(shown),
            note(mine),
            [SD],
            f"silent number of {p.cid} written in another format to joint holder {x.cid}",
            f"joint holder {x.cid} told own number",
            suppressed=True,
        )
    for _ in range(ctx.n(2)):
        p = ctx.pick("protected")
        while "email" not in p.suppressed:
            p = ctx.pick("protected")
        contact = p.email
        officer = f"case.officer{ctx.rng.randint(10, 99)}@{w.OMBUDSMAN_DOMAIN}"

        def omb(how: str, p: Client = p, officer: str = officer) -> tuple[str, bytes]:
            text = (
                f"Dear Case Officer,\n\nRe: complaint 2026/{ctx.rng.randint(10000, 99999)} - account {p.account}\n\n"
                f"We have credited the disputed late fees and closed the complaint. {how}\n\n"
                f"{sig(ctx.staff()[0], 'Complaints Resolution')}"
            )
            return _mail(ctx, [officer], "Complaint resolution", text)

        out += pair(
            "suppressed-loose",
            "suppressed-email-to-ombudsman",
            omb(f"The customer prefers to be contacted at {contact.upper()}."),
            omb("The customer prefers to be contacted through our Customer Safety team."),
            [SD],
            f"suppressed e-mail of {p.cid} given to the ombudsman",
            f"ombudsman told how to reach {p.cid} without the detail",
            suppressed=True,
        )
    return out


# ------------------------------------------------------------------------------------------ identifiers-dates
def identifiers_dates(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for i in range(ctx.n(3)):
        a = ctx.pick("samename")
        b = ctx.reg.by_id[a.partner]
        dob_fmt = ["%d/%m/%Y", "%d %B %Y", "%Y-%m-%d"][i % 3]

        def id_letter(src: Client, a: Client = a, dob_fmt: str = dob_fmt) -> Letter:
            ltr = notice(ctx, a, "plan", account=src.account)
            ltr.summary = [("Account number", src.account), ("Date of birth", src.dob.strftime(dob_fmt))]
            return ltr

        fmt = FORMATS[i % 3]
        out += pair(
            "identifiers-dates",
            "same-name-other-dob",
            render(id_letter(b), fmt),
            render(id_letter(a), fmt),
            [MR, MX],
            f"letter to {a.cid} carries the account and date of birth of same-named {b.cid}",
            f"letter to {a.cid} with own account and date of birth",
        )
    for i in range(ctx.n(3)):
        a = ctx.pick(("individual", "family", "hardship"))
        card = w.card_number(ctx.rng)
        shown = [card, card.replace(" ", ""), card.replace(" ", "-")][i % 3]

        def pay(num: str, a: Client = a) -> tuple[str, bytes]:
            text = (
                f"Hi {a.given},\n\nWe have set up automatic payments on account {a.account} using card {num} "
                f"(expiry 0{ctx.rng.randint(1, 9)}/2{ctx.rng.randint(7, 9)}).\n\n{sig(ctx.staff()[0])}"
            )
            return _mail(ctx, [a.email], "Direct debit set up", text)

        out += pair(
            "identifiers-dates",
            "card-number-in-mail",
            pay(shown),
            pay(f"ending {card[-4:]}"),
            [SI],
            f"full card number of {a.cid} in an e-mail",
            "card masked to last four digits",
        )
    for _ in range(ctx.n(2)):
        a = ctx.pick(("individual", "hardship"))
        med = w.medicare_number(ctx.rng)

        def refer(idline: str, a: Client = a) -> tuple[str, bytes]:
            text = (
                f"Hello,\n\nPlease accept the referral of account {a.account} ({a.given} {a.family}, born "
                f"{a.dob.strftime('%d/%m/%Y')}), balance {ctx.money(200, 900)}.\n{idline}\nLast known address: "
                f"{a.address.line()}.\n\n{sig(ctx.staff()[0], 'Credit Management')}"
            )
            return _mail(ctx, [f"referrals@{w.COLLECTIONS_DOMAIN}"], "New referral", text)

        out += pair(
            "identifiers-dates",
            "medicare-number-to-agency",
            refer(f"Identity was verified with Medicare card {med}."),
            refer("Identity was verified at sign-up (document details held by us)."),
            [SI],
            f"Medicare number of {a.cid} sent to the collection agency",
            f"referral of {a.cid} without it",
        )
    for i in range(ctx.n(2)):
        a = ctx.pick(("individual", "family"))
        b = ctx.other(a)

        def verify(src: Client, a: Client = a, i: int = i) -> tuple[str, bytes]:
            dob = [src.dob.strftime("%d.%m.%y"), src.dob.strftime("%-d %b %Y")][i % 2]
            text = (
                f"Hi {a.given},\n\nTo finish the change of ownership we checked the details you gave us: "
                f"{src.given} {src.family}, date of birth {dob}. They match our records.\n\n{sig(ctx.staff()[0])}"
            )
            return _mail(ctx, [a.email], "Identity check complete", text)

        out += pair(
            "identifiers-dates",
            "name-and-dob-of-other",
            verify(b),
            verify(a),
            [MR],
            f"mail to {a.cid} carries name and date of birth of {b.cid}",
            f"mail to {a.cid} with own",
        )
    return out


# ----------------------------------------------------------------------------------------------- mime-parts
def mime_parts(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    kinds = ["pdf", "pdf", "docx", "csv", "zip", "csv", "zip", "pdf"]
    for i in range(ctx.n(len(kinds))):
        kind = kinds[i % len(kinds)]
        a = ctx.pick(("individual", "family", "hardship"))
        b = ctx.other(a)

        def part(src: Client, kind: str = kind) -> r.Attachment:
            if kind == "pdf":
                return attach(f"Bill-{src.account.replace(' ', '')}.pdf", r.pdf(bill(ctx, src)))
            if kind == "docx":
                return attach("Statement.docx", r.docx(bill(ctx, src)))
            if kind == "csv":
                page = calls(ctx, [s.number for s in src.services if s.kind == "mobile"] or [src.phone], n=14)
                rows = [",".join(page.columns + ["Account"])] + [",".join(x + [src.account]) for x in page.rows]
                return attach("call-records.csv", ("\n".join(rows) + "\n").encode())
            inner = r.pdf(bill(ctx, src))
            return attach("bills.zip", r.zip_bytes([(f"bill-{src.account.replace(' ', '')}.pdf", inner)]))

        text = f"Hi {a.given},\n\nAs requested, the document is attached.\n\n{sig(ctx.staff()[0])}"
        out += pair(
            "mime-parts",
            f"wrong-attachment-{kind}",
            _mail(ctx, [a.email], "Your requested document", text, attachments=[part(b)]),
            _mail(ctx, [a.email], "Your requested document", text, attachments=[part(a)]),
            [MR],
            f"{kind} attachment of {b.cid} sent to {a.cid}",
            f"{kind} attachment of {a.cid} sent to {a.cid}",
        )
    for _ in range(ctx.n(2)):
        a = ctx.pick("individual")
        b = ctx.other(a, "individual")
        start = dt.datetime(2026, 3, ctx.rng.randint(9, 27), 8, 0)

        def inv(src: Client, a: Client = a, start: dt.datetime = start) -> tuple[str, bytes]:
            cal = r.ics(
                ctx.next_id(),
                start,
                240,
                "NBN technician appointment",
                src.address.line(),
                f"NBN connection for account {src.account}.\nTechnician will call {src.phone} on arrival.",
                a.email,
            )
            text = f"Hi {a.given},\n\nYour NBN appointment is booked - the invitation is attached.\n\n{sig('NBN Team')}"
            return _mail(ctx, [a.email], "NBN appointment booked", text, attachments=[attach("invite.ics", cal)])

        out += pair(
            "mime-parts",
            "ics-appointment",
            inv(b),
            inv(a),
            [MR],
            f"appointment at the address of {b.cid} sent to {a.cid}",
            f"appointment of {a.cid} to {a.cid}",
        )
    a = ctx.pick("individual")
    b = ctx.other(a)

    def fwd(src: Client, a: Client = a) -> tuple[str, bytes]:
        inner = r.eml(
            ctx.next_id(),
            f"{src.given} {src.family} <{src.email}>",
            [f"help@{w.DOMAIN}"],
            "Question about my bill",
            f"Hi, why is my bill for {src.account} so high this month?\n{src.given}",
        )
        text = f"Hi {a.given},\n\nI've attached your original message with our answer below.\n\n{sig(ctx.staff()[0])}"
        return _mail(ctx, [a.email], "RE: Question about my bill", text, attachments=[attach("original.eml", inner)])

    out += pair(
        "mime-parts",
        "attached-message",
        fwd(b),
        fwd(a),
        [MR],
        f"attached message of {b.cid} sent to {a.cid}",
        f"attached message of {a.cid} sent back to {a.cid}",
    )
    return out


# ---------------------------------------------------------------------------------------------------- threads
def _quote_on(who: str, when: str, body: str) -> str:
    return f"On {when}, {who} wrote:\n" + "\n".join("> " + line for line in body.splitlines())


def _quote_outlook(frm: str, to: str, when: str, subj: str, body: str) -> str:
    return f"-----Original Message-----\nFrom: {frm}\nSent: {when}\nTo: {to}\nSubject: {subj}\n\n{body}"


def threads(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for _ in range(ctx.n(3)):
        x, p = _ex_and_protected(ctx)
        officer = f"case.officer{ctx.rng.randint(10, 99)}@{w.OMBUDSMAN_DOMAIN}"
        case = f"2026/{ctx.rng.randint(10000, 99999)}"
        earlier_bad = (
            f"Hi Case Officer,\n\nWe confirm the customer's services were moved to a new account. Her "
            f"new address is {p.address.line()}, recorded with a safety flag.\n\nComplaints Resolution"
        )
        earlier_ok = (
            "Hi Case Officer,\n\nWe confirm the customer's services were moved to a new account. Her "
            "new address is recorded with a safety flag and is withheld here.\n\nComplaints Resolution"
        )

        def thread(earlier: str, p: Client = p, officer: str = officer, case: str = case) -> tuple[str, bytes]:
            text = (
                f"Thanks - the complaint {case} for account {p.account} can be closed.\n\n{sig(ctx.staff()[0])}\n\n"
                + _quote_on(
                    f"Case Officer <{officer}>",
                    "Tue, 3 Mar 2026 at 10:12",
                    f"Can you confirm the outcome for complaint {case}?\n\n"
                    + _quote_on(f"Complaints <complaints@{w.DOMAIN}>", "Mon, 2 Mar 2026 at 16:40", earlier),
                )
            )
            return _mail(
                ctx,
                [officer],
                f"RE: Complaint {case}",
                text,
                cc=[f"complaints@{w.DOMAIN}"],
                when=r.FIXED.replace(day=4),
            )

        out += pair(
            "threads",
            "ombudsman-thread-quotes-address",
            thread(earlier_bad),
            thread(earlier_ok),
            [SD],
            f"reply to the ombudsman quotes the suppressed address of {p.cid}",
            f"reply to the ombudsman about {p.cid} with the address withheld",
            suppressed=True,
        )
    for i in range(ctx.n(5)):
        a = ctx.pick(("individual", "family", "hardship"))
        b = ctx.other(a)

        def reply(src: Client, a: Client = a, i: int = i) -> tuple[str, bytes]:
            q = (
                f"Hi, I was charged twice for account {src.account} this month. My number is {src.phone}.\n"
                f"Thanks, {src.given} {src.family}"
            )
            top = f"Hi {a.given},\n\nWe have refunded the duplicate charge; it will show in 3-5 business days.\n\n"
            if i % 2 == 0:
                body = (
                    top
                    + sig(ctx.staff()[0])
                    + "\n\n"
                    + _quote_on(f"{src.given} {src.family} <{src.email}>", "Fri, 27 Feb 2026 at 19:03", q)
                )
            else:
                body = (
                    top
                    + sig(ctx.staff()[0])
                    + "\n\n"
                    + _quote_outlook(
                        f"{src.given} {src.family} <{src.email}>",
                        f"help@{w.DOMAIN}",
                        "Friday, 27 February 2026 7:03 PM",
                        "Charged twice",
                        q,
                    )
                )
            return _mail(ctx, [a.email], "RE: Charged twice", body)

        out += pair(
            "threads",
            "reply-quotes-other-customer",
            reply(b),
            reply(a),
            [MR, MX],
            f"reply to {a.cid} quotes the message of {b.cid}",
            f"reply to {a.cid} quotes own message",
        )
    return out


# ---------------------------------------------------------------------------------------------------- html-mail
def html_mail(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for _ in range(ctx.n(3)):
        a = ctx.pick(("individual", "family", "hardship"))
        b = ctx.other(a)
        amount, due = ctx.money(), day(ctx.date(15, 30))

        def note(pre_src: Client, a: Client = a, amount: str = amount, due: str = due) -> tuple[str, bytes]:
            pre = f"Your bill for account {pre_src.account} is {amount}, due {due}."
            html = r.html_mail(
                pre,
                f"Hi {a.given}, your bill is ready",
                ["Thanks for being with Tallowood. Your latest bill is ready to view."],
                button=("View my bill", f"https://my.{w.DOMAIN}/bills"),
                summary=[("Amount", amount), ("Due", due)],
            )
            return _mail(
                ctx,
                [a.email],
                "Your Tallowood bill is ready",
                f"Hi {a.given}, your bill of {amount} is ready at https://my.{w.DOMAIN}/bills",
                html=html,
                frm=BILLS_FROM,
            )

        out += pair(
            "html-mail",
            "hidden-preheader",
            note(b),
            note(a),
            [MR],
            f"hidden preheader of the notice to {a.cid} names the account of {b.cid}",
            f"hidden preheader with own account of {a.cid}",
        )
    for _ in range(ctx.n(2)):
        x, p = _ex_and_protected(ctx, joint=True)

        def promo(hidden: str, x: Client = x) -> tuple[str, bytes]:
            html = r.html_mail(
                "Add a line for less",
                f"Hi {x.given}, add another line for $15/month",
                ["Family Share lets everyone on your account share one data pool."],
                button=("Add a line", f"https://my.{w.DOMAIN}/add-line"),
                hidden=hidden,
            )
            return _mail(
                ctx,
                [x.email],
                "Add a line for less",
                "Add a line for $15/month.",
                html=html,
                frm=f"{w.ORG} <offers@{w.BILLS_DOMAIN}>",
            )

        out += pair(
            "html-mail",
            "hidden-block-lists-silent-number",
            promo(f"segment=family-share; linked services: {x.phone}, {p.phone}"),
            promo(f"segment=family-share; linked services: {x.phone}"),
            [SD],
            f"hidden block of a promotion to {x.cid} lists the silent number of {p.cid}",
            f"hidden block lists only the recipient's service ({x.cid})",
            suppressed=True,
        )
    a = ctx.pick("individual")

    def tmpl(name: str, a: Client = a) -> tuple[str, bytes]:
        html = r.html_mail(
            "Your plan is changing",
            f"Hi {name}, your plan is changing",
            [f"From 1 April your plan on account {a.account} includes 10GB more data."],
        )
        return _mail(
            ctx, [a.email], "Your plan is changing", f"Hi {name}, your plan is changing.", html=html, frm=BILLS_FROM
        )

    out += pair(
        "html-mail",
        "template-placeholder",
        tmpl("{{first_name}}"),
        tmpl(a.given),
        [UF],
        f"placeholder left in the notice to {a.cid}",
        f"notice to {a.cid} merged",
    )
    return out


# ---------------------------------------------------------------------------------------------------- bulk
def _referral_csv(ctx: Ctx, clients: list[Client]) -> bytes:
    lines = ["AccountNo,FirstName,Surname,DOB,Mobile,Address,Balance,LastPayment"]
    for c in clients:
        lines.append(
            f"{c.account.replace(' ', '')},{c.given},{c.family},{c.dob.isoformat()},{c.phone},"
            f'"{c.address.line()}",{ctx.money(150, 1200)[1:].replace(",", "")},{ctx.date(-60, 0).isoformat()}'
        )
    return ("\n".join(lines) + "\n").encode()


def bulk(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    plain = [c for c in ctx.reg.clients if c.kind in ("individual", "family", "hardship")]
    for i in range(ctx.n(2)):
        batch = ctx.rng.sample(plain, 28 + 4 * i)
        data = _referral_csv(ctx, batch)
        personal = ctx.reg.numbers.email(ctx.staff()[0].split()[0], "home")
        text = f"Referral file for this week attached ({len(batch)} accounts).\n\n{sig(ctx.staff()[0], 'Credit')}"
        out += pair(
            "bulk",
            "referral-file-to-personal-address",
            _mail(ctx, [personal], "Weekly referrals", text, attachments=[attach("referrals.csv", data)]),
            _mail(
                ctx, [f"collections@{w.DOMAIN}"], "Weekly referrals", text, attachments=[attach("referrals.csv", data)]
            ),
            [BK, MR],
            f"{len(batch)} customers' records sent to a personal mailbox",
            "the same file to the internal collections team",
        )
    for _ in range(ctx.n(2)):
        batch = ctx.rng.sample(plain, 5)
        data = _referral_csv(ctx, batch)
        text = "Hello,\n\nPlease find this week's referrals attached (5 accounts), per our agreement.\n\n" + sig(
            ctx.staff()[0], "Credit Management"
        )
        out += pair(
            "bulk",
            "referral-file-to-look-alike-agency",
            _mail(
                ctx,
                [f"referrals@{w.WRONG_AGENCY_DOMAIN}"],
                "Referrals",
                text,
                attachments=[attach("referrals.csv", data)],
            ),
            _mail(
                ctx,
                [f"referrals@{w.COLLECTIONS_DOMAIN}"],
                "Referrals",
                text,
                attachments=[attach("referrals.csv", data)],
            ),
            [MR, BK],
            "five referrals sent to a look-alike agency domain",
            "five referrals to the contracted agency",
        )
    batch = ctx.rng.sample(plain, 26)
    table = "\n".join(f"{c.given} {c.family}\t{c.phone}\t{c.address.suburb}" for c in batch)
    counts: dict[str, int] = {}
    for c in batch:
        counts[c.address.suburb] = counts.get(c.address.suburb, 0) + 1
    agg = "\n".join(f"{k}\t{v}" for k, v in sorted(counts.items()))
    vendor = "campaigns@reachout-marketing.example"
    out += pair(
        "bulk",
        "customer-list-to-marketing-vendor",
        _mail(ctx, [vendor], "Target list for April SMS campaign", f"Hi,\n\nHere's the list:\n\n{table}\n\nCheers"),
        _mail(ctx, [vendor], "Target list for April SMS campaign", f"Hi,\n\nCounts by suburb:\n\n{agg}\n\nCheers"),
        [BK, MR],
        "26 customers' names and numbers sent to an unapproved vendor",
        "suburb counts only (no customer data)",
    )
    return out


# ---------------------------------------------------------------------------------------------------- unmerged
def unmerged(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    variants = [
        ("pdf-window", "«FirstName»"),
        ("docx", "<<Title>> <<Surname>>"),
        ("txt", "[Surname]"),
        ("rtf", "MERGEFIELD"),
        ("pdf-side", "«AccountNumber»"),
        ("eml", "{{name}}"),
    ]
    for i in range(ctx.n(6)):
        fmt, field = variants[i % len(variants)]
        a = ctx.pick(("individual", "family", "hardship"))
        good_l = notice(ctx, a, ["overdue", "plan", "hardship"][i % 3])
        bad_l = notice(ctx, a, ["overdue", "plan", "hardship"][i % 3])
        bad_l.paras, bad_l.summary, bad_l.recipient = list(good_l.paras), list(good_l.summary), list(good_l.recipient)
        if field.startswith("«F"):
            bad_l.greeting = "Dear «FirstName»,"
        elif field.startswith("<<"):
            bad_l.greeting = "Dear <<Title>> <<Surname>>,"
        elif field == "[Surname]":
            bad_l.greeting = f"Dear {a.given} [Surname],"
        elif field == "MERGEFIELD":
            bad_l.greeting = "Dear { MERGEFIELD FirstName },"
        elif field.startswith("«A"):
            bad_l.summary = [("Account number", "«AccountNumber»")]
        good_l.greeting = bad_l.greeting and f"Dear {a.given},"
        if fmt == "eml":
            text = "Hi {{name}},\n\n" + "\n\n".join(good_l.paras) + "\n\n" + sig("Billing")
            bad = _mail(ctx, [a.email], good_l.title, text, frm=BILLS_FROM)
            good = _mail(ctx, [a.email], good_l.title, text.replace("{{name}}", a.given), frm=BILLS_FROM)
        else:
            bad, good = render(bad_l, fmt), render(good_l, fmt)
        out += pair(
            "unmerged",
            f"placeholder-{fmt}",
            bad,
            good,
            [UF],
            f"unmerged field in a letter to {a.cid}",
            f"merged letter to {a.cid}",
        )
    return out


# ------------------------------------------------------------------------------------------------ unscannable
def unscannable(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for i in range(ctx.n(6)):
        a = ctx.pick(("individual", "family", "hardship"))
        bill_pdf = r.pdf(bill(ctx, a))
        text = f"Hi {a.given},\n\nYour bill is attached.\n\n{sig('Billing')}"
        kind = [
            "encrypted-pdf-attachment",
            "corrupt-pdf-letter",
            "encrypted-zip",
            "archive-bomb",
            "encrypted-pdf-letter",
            "corrupt-docx-attachment",
        ][i % 6]
        if kind == "encrypted-pdf-attachment":
            bad = _mail(
                ctx,
                [a.email],
                "Your bill",
                text,
                frm=BILLS_FROM,
                attachments=[attach("bill.pdf", r.pdf_encrypted(bill_pdf, a.dob.strftime("%d%m%Y")))],
            )
            good = _mail(ctx, [a.email], "Your bill", text, frm=BILLS_FROM, attachments=[attach("bill.pdf", bill_pdf)])
        elif kind in ("corrupt-pdf-letter", "encrypted-pdf-letter"):
            bad = ("pdf", r.pdf_corrupt(bill_pdf) if kind.startswith("corrupt") else r.pdf_encrypted(bill_pdf, "x7Q!"))
            good = ("pdf", bill_pdf)
        elif kind == "encrypted-zip":
            bad = _mail(
                ctx,
                [a.email],
                "Your statements",
                text,
                attachments=[attach("statements.zip", r.zip_encrypted("bill.pdf", bill_pdf, b"Tallowood1"))],
            )
            good = _mail(
                ctx,
                [a.email],
                "Your statements",
                text,
                attachments=[attach("statements.zip", r.zip_bytes([("bill.pdf", bill_pdf)]))],
            )
        elif kind == "archive-bomb":
            bad = _mail(
                ctx,
                [a.email],
                "Your call records",
                text,
                attachments=[attach("records.zip", r.zip_bomb("records.csv", 300))],
            )
            good = _mail(
                ctx,
                [a.email],
                "Your call records",
                text,
                attachments=[attach("records.zip", r.zip_bytes([("records.csv", b"Date,Number\n")]))],
            )
        else:
            d = r.docx(bill(ctx, a))
            bad = _mail(
                ctx, [a.email], "Your statement", text, attachments=[attach("statement.docx", d[: len(d) // 2])]
            )
            good = _mail(ctx, [a.email], "Your statement", text, attachments=[attach("statement.docx", d)])
        out += pair("unscannable", kind, bad, good, [UC], f"{kind} for {a.cid}", f"readable copy for {a.cid}")
    return out


# ----------------------------------------------------------------------------------- mail-merge (scanned PDFs)
def merged_pdfs(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for i in range(ctx.n(3)):
        a = ctx.pick(("individual", "family", "hardship"))
        b = ctx.other(a)
        good_l = bill(ctx, a)
        bad_l = bill(ctx, a)
        bad_l.paras, bad_l.summary, bad_l.pages = good_l.paras, good_l.summary, list(good_l.pages)
        foreign = calls(ctx, [s.number for s in b.services if s.kind == "mobile"] or [b.phone])
        foreign.heading = f"Itemised calls - account {b.account} - {b.given} {b.family}"
        own = calls(ctx, [s.number for s in a.services if s.kind == "mobile"] or [a.phone])
        own.heading = f"Itemised calls (continued) - account {a.account} - {a.given} {a.family}"
        bad_l.pages.append(foreign)
        good_l.pages.append(own)
        layout = ["pdf-window", "pdf-side", "pdf-window"][i % 3]
        out += pair(
            "mail-merge",
            "statement-with-foreign-page",
            render(bad_l, layout),
            render(good_l, layout),
            [MX, MR],
            f"statement of {a.cid} carries an itemised page of {b.cid}",
            f"statement of {a.cid}, own pages",
        )
    for k in range(ctx.n(2)):
        people = [ctx.pick(("individual", "family", "hardship")) for _ in range(5)]
        letters_good = [notice(ctx, c, "overdue", style=k) for c in people]
        letters_bad = [notice(ctx, c, "overdue", style=k) for c in people]
        for lb, lg in zip(letters_bad, letters_good, strict=True):
            lb.paras, lb.date = lg.paras, lg.date
        intruder = ctx.other(people[2])
        letters_bad[2].paras = [p.replace(people[2].account, intruder.account) for p in letters_bad[2].paras]
        letters_bad[2].summary = [("Account number", intruder.account)]
        inc, ok = pair(
            "mail-merge",
            "merged-reminders-one-wrong",
            ("pdf", r.pdf(letters_bad, "window")),
            ("pdf", r.pdf(letters_good, "window")),
            [MX, MR],
            f"five reminders in one PDF; the third, to {people[2].cid}, carries the account of {intruder.cid}",
            "five reminders in one PDF, each its own",
        )
        inc.letters = [{"expect": "allow"}] * 2 + [{"expect": "block", "rules": [MX, MR]}] + [{"expect": "allow"}] * 2
        ok.letters = [{"expect": "allow"}] * 5
        out += [inc, ok]
    return out


ALL = [
    address_block,
    own_details,
    relationships,
    headers_links,
    suppressed_loose,
    identifiers_dates,
    mime_parts,
    threads,
    html_mail,
    bulk,
    unmerged,
    unscannable,
    merged_pdfs,
]


def everything(ctx: Ctx) -> list[Item]:
    out: list[Item] = []
    for fn in ALL:
        out += fn(ctx)
    return out


__all__ = ["ALL", "everything", "Item", "Page", "services_page"]
