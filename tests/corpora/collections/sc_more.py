"""More mail scenarios: suppressed-loose, identifiers-dates, threads, html-mail, bulk."""
# ruff: noqa: E731, B023  -- small per-iteration templates, always called within the iteration

from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote_plus

from .common import DOM, Book, eml, staff
from .letters import date_str, dob_str
from .registry import PRINCIPALS, Client, Registry
from .sc_mail import sig


def loose_address(c: Client, style: int) -> str:
    k = c.kind
    u = c.unit
    s = style % 8
    if c.po:
        return f"{c.po.lower() if s % 2 else c.po}, {c.suburb}" + (f" {c.postcode}" if s % 3 else "")
    if s == 0:
        return f"{c.suburb}, {c.number} {c.street} {k[1]}" + (f" unit {u}" if u else "")
    if s == 1:
        return (f"{u}/" if u else "") + f"{c.number} {c.street.lower()} {k[1].lower()} {c.suburb.lower()}"
    if s == 2:
        return f"{c.number} {c.street} {k[0]}" + (f" (unit {u})" if u else "") + f" in {c.suburb}"
    if s == 3:
        return (f"U{u} " if u else "") + f"{c.number} {c.street} {k[1]}, {c.suburb.upper()} {c.state}"
    if s == 4:
        return f"{c.number} {c.street} {k[1]}., {c.suburb} {c.postcode}" + (f", apt {u}" if u else "")
    if s == 5:
        return (f"Unit {u} " if u else "") + f"{c.number} {c.street} {k[0]} {c.suburb} {c.state} {c.postcode}"
    if s == 6:
        return f"{c.street_line}, {c.suburb}"
    return (f"{u}/" if u else "") + f"{c.number} {c.street} {k[1]}, {c.suburb}"


def suppressed_loose(b: Book, r: Registry) -> None:
    used: set[str] = set()
    for i in range(12):
        v = r.fv[i % len(r.fv)] if i < 9 else next(f for f in r.fv if "phone" in f.suppressed and f.cid not in used)
        used.add(v.cid)
        g = r.pick(avoid=used)
        g.principal = v.principal
        pr = PRINCIPALS[v.principal]
        to_principal = f"skiptrace@{pr[1]}"
        v_p = r.by_id[v.joint[0]]
        cat = [
            "suppressed-loose/suburb-first",
            "suppressed-loose/lowercase-no-postcode",
            "suppressed-loose/in-sentence",
            "suppressed-loose/table-cell",
            "suppressed-loose/html-attribute",
            "suppressed-loose/maps-link",
            "suppressed-loose/to-co-debtor",
            "suppressed-loose/abbreviated",
            "suppressed-loose/internal-general",
            "suppressed-loose/phone-formats",
            "suppressed-loose/phone-in-sentence",
            "suppressed-loose/phone-table",
        ][i]

        def mk(c: Client, to: str) -> bytes:
            loose = loose_address(c, i)
            k = 200 + i
            subj = f"Skip trace result - acct {c.acct}"
            if i in (0, 1, 7):
                t = (
                    f"Hi team,\n\nTrace complete for {c.given[0]}. {c.family} (your acct {c.acct}).\n"
                    f"Current address: {loose}\nSource: electoral roll + utility connection.\n"
                )
                return eml(f"skiptrace@{DOM}", to, subj, t + sig(k), k=k)
            if i == 2:
                t = (
                    f"Hi,\n\nGood news on {c.acct}: the debtor has moved, she's renting at {loose} now according "
                    "to the tenancy database, so letters should go there from now on.\n"
                )
                return eml(f"skiptrace@{DOM}", to, subj, t + sig(k), k=k)
            if i == 3:
                rows = (
                    f"<tr><td>{c.acct}</td><td>{escape(c.family.upper())}</td>"
                    f"<td>{escape(loose.split(',')[0])}</td><td>{escape(c.suburb)}</td><td>Located</td></tr>"
                )
                h = (
                    "<html><head><style>td,th{border:1px solid #999;padding:3px}</style></head><body>"
                    "<p>Trace results attached below.</p><table><tr><th>Acct</th><th>Surname</th><th>Street</th>"
                    f"<th>Suburb</th><th>Status</th></tr>{rows}</table></body></html>"
                )
                return eml(f"skiptrace@{DOM}", to, subj, None, html=h, k=k)
            if i == 4:
                h = (
                    f"<html><body><p>Debtor on acct {c.acct} located, see map.</p>"
                    f"<p><img src='https://maps.{DOM}/static.png' alt='{escape(loose)}' title='{escape(loose)}'>"
                    "</p></body></html>"
                )
                return eml(f"skiptrace@{DOM}", to, subj, f"Debtor on acct {c.acct} located, see map.\n", html=h, k=k)
            if i == 5:
                q = quote_plus(loose)
                t = f"Located. https://www.google.example/maps/search/?api=1&query={q}\n"
                return eml(f"skiptrace@{DOM}", to, subj, t + sig(k), k=k)
            if i == 6:
                t = (
                    f"Dear account holder,\n\nThe joint account {c.acct} is now under a payment arrangement. The other "
                    f"account holder lives at {loose} and will also receive statements.\n"
                )
                return eml(staff(0), to, f"Joint account {c.acct}", t + sig(k), k=k)
            if i == 8:
                t = f"FYI all - {c.given} {c.family} ({c.kr}) moved to {loose}. Update the file please.\n"
                return eml(staff(3), to, f"Address change {c.kr}", t + sig(k), k=k)
            ph = c.phones[0].replace(" ", "")
            fmt = ["+61 " + ph[1:4] + " " + ph[4:7] + " " + ph[7:], ph[:4] + "-" + ph[4:7] + "-" + ph[7:]]
            if i == 9:
                t = f"Trace on {c.acct}: mob {fmt[0]} (connected, answered by debtor).\n"
            elif i == 10:
                t = f"Rang the number we found ({fmt[1]}) for acct {c.acct} and a woman confirmed it's hers.\n"
            else:
                t = f"Acct\tResult\tNumber\n{c.acct}\tLocated\t{ph}\n"
            return eml(f"skiptrace@{DOM}", to, subj, t + sig(k), k=k)

        if i == 6:
            to_g = to_b = v_p.emails[0]
            gc = r.joints[0][1]
            good = mk(gc, r.joints[0][0].emails[0])
            bad = mk(v, to_b)
            note_g = f"joint holder {r.joints[0][0].cid} told address of co-holder {gc.cid} (not suppressed)"
            note_b = f"co-debtor {v_p.cid} told suppressed new address of {v.cid}"
            _ = to_g
        elif i == 8:
            good = mk(v, f"fv-support@{DOM}")
            bad = mk(v, f"collections@{DOM}")
            note_g = f"suppressed address of {v.cid} to the allowed support team"
            note_b = f"suppressed address of {v.cid} to internal staff not on the allowed list (quarantine)"
        else:
            good = mk(g, f"skiptrace@{PRINCIPALS[g.principal][1]}")
            bad = mk(v, to_principal)
            note_g = f"trace result for {g.cid} (not suppressed) to principal"
            note_b = f"trace result leaks suppressed {'phone' if i >= 9 else 'address'} of {v.cid} to principal"
        b.pair(("eml", good, cat, note_g), ("eml", bad, cat, ["suppressed_detail_exposed"], True, note_b))


def _tfn(rng) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        if d[0] and sum(a * b for a, b in zip(d, w, strict=True)) % 11 == 0:
            s = "".join(map(str, d))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def _medicare(rng) -> str:
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    chk = sum(a * b for a, b in zip(d, w, strict=True)) % 10
    s = "".join(map(str, d)) + str(chk) + str(rng.randint(1, 9))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def identifiers_dates(b: Book, r: Registry) -> None:
    used: set[str] = set()
    rng = r.rng
    d = dt.date(2026, 3, 3)
    for i in range(8):
        a, o = r.pick(avoid=used), r.pick(avoid=used)
        k = 220 + i
        rules, sup = ["mismatched_recipient"], False
        cat = [
            "identifiers-dates/ref-spacing",
            "identifiers-dates/ref-no-spaces",
            "identifiers-dates/dob-formats",
            "identifiers-dates/dob-ordinal",
            "identifiers-dates/tfn",
            "identifiers-dates/medicare",
            "identifiers-dates/schedule-dates",
            "identifiers-dates/claim-number",
        ][i]
        hi = f"Dear {a.given},\n\n"
        bp = f"BPAY Biller Code 218846  Ref {a.crn}\nABN 41 608 552 193 | 1300 537 835 | 13 75 37\n"
        if i in (0, 1):
            ref = lambda c: f"{c.acct[:4]} {c.acct[4:7]} {c.acct[7:]}" if i == 0 else c.acct
            t = lambda c: hi + f"Your payment of $85.00 on account {ref(c)} is due {date_str(d, i)}.\n" + bp
            g, x = t(a), t(o)
            note = f"email to {a.cid} quotes principal account of {o.cid}"
        elif i in (2, 3):
            t = lambda c: (
                hi + f"For security, please confirm the date of birth we hold for {c.given} {c.family}: "
                f"{dob_str(c.dob, 1 if i == 2 else 3)}.\n" + bp
            )
            g, x = t(a), t(o)
            note = f"email to {a.cid} gives name and date of birth of {o.cid}"
        elif i in (4, 5):
            cat_c = r.counselled[i + 2]
            a = cat_c
            ident = _tfn(rng) if i == 4 else _medicare(rng)
            label = "TFN" if i == 4 else "Medicare no."
            masked = "*** *** " + ident[-3:] if i == 4 else "**** ***** " + ident[-1]
            t = lambda v: (
                f"Hi,\n\nRe {a.given} {a.family} ({a.kr}): from the Centrelink income statement you "
                f"sent, income $612.40/fn. {label} {v}.\n"
            )
            g, x = t(masked), t(ident)
            rules = ["sensitive_identifier"]
            note = f"{label} of {a.cid} sent in clear to the counsellor"
            to = a.contacts[0]
            gb = eml(staff(1), to, f"Income details {a.kr}", g + sig(1), k=k)
            xb = eml(staff(1), to, f"Income details {a.kr}", x + sig(1), k=k)
            b.pair(("eml", gb, cat, f"masked identifier of {a.cid} to counsellor"), ("eml", xb, cat, rules, sup, note))
            continue
        elif i == 6:
            sched = "\n".join(f"  {date_str(d + dt.timedelta(days=14 * n), n)}   $60.00" for n in range(8))
            g = hi + f"Your schedule for {a.kr}:\n{sched}\n" + bp
            x = (
                hi + f"Your schedule for {a.kr}:\n{sched}\nNote for {o.given} {o.family} born "
                f"{dob_str(o.dob, 6)}: same plan.\n" + bp
            )
            note = f"schedule to {a.cid} adds name and date of birth of {o.cid}"
        else:
            a, o = [c for c in r.clients if len(c.refs) > 2 and not c.joint and not c.contacts][i : i + 2]
            hi = f"Dear {a.given},\n\n"
            t = lambda c: hi + f"Harbourline claim {c.refs[2].replace('-', ' ')}: recovery of ${c.balance} excess.\n"
            g, x = t(a), t(o)
            note = f"email to {a.cid} quotes claim number of {o.cid}"
        gb = eml(staff(i), a.emails[0], "Your account", g + sig(i), k=k)
        xb = eml(staff(i), a.emails[0], "Your account", x + sig(i), k=k)
        b.pair(
            ("eml", gb, cat, f"{a.cid}'s own identifiers; BPAY/ABN/phone numbers"), ("eml", xb, cat, rules, sup, note)
        )


def threads(b: Book, r: Registry) -> None:
    used: set[str] = set()
    for i in range(6):
        a, o = r.pick(avoid=used), r.pick(avoid=used)
        k = 240 + i
        cat = [
            "threads/reply-quoting",
            "threads/internal-escalation-forwarded",
            "threads/outlook-quote",
            "threads/reply-all",
            "threads/internal-escalation",
            "threads/nested-quote",
        ][i]
        rules, sup = ["mismatched_recipient"], False
        q1 = (
            f"On {date_str(dt.date(2026, 3, 4), 5)} at 9:14 am, {a.given} {a.family} <{a.emails[0]}> wrote:\n"
            f"> Can you tell me what I owe on {a.kr}? I can pay $50 a fortnight.\n"
        )
        inner = f"From: Priya Lachlan\nSent: Wednesday, 4 March 2026 11:02 AM\nTo: Collections\nSubject: RE: {a.kr}\n\n"
        if i == 4:
            v = r.fv[9]
            text = (
                f"Escalating {v.kr}. Debtor is FV-flagged. New address {v.address}, mobile {v.phones[0]}.\n"
                "Please do not send anything to the old address.\n"
            )
            g = eml(staff(3), f"fv-support@{DOM}", f"ESCALATION {v.kr}", text + sig(3), k=k)
            x = eml(
                staff(3),
                f"fv-support@{DOM}",
                f"ESCALATION {v.kr}",
                text + sig(3),
                k=k,
                cc=[f"accounts@{PRINCIPALS[v.principal][1]}"],
            )
            rules, sup = ["suppressed_detail_exposed"], True
            b.pair(
                ("eml", g, cat, f"FV escalation for {v.cid} to allowed support team"),
                ("eml", x, cat, rules, sup, f"FV escalation for {v.cid} cc'd to principal"),
            )
            continue
        other = (
            f"-----Original Message-----\n{inner}Team - {o.given} {o.family} ({o.kr}) called too, mobile "
            f"{o.phones[0]}, wants the same deal. DOB {dob_str(o.dob, 2)}.\n"
        )
        mine = f"-----Original Message-----\n{inner}Team - {a.given} asked about a $50 plan, ok with me.\n"
        top = f"Hi {a.given},\n\nYes, $50 a fortnight is fine. Confirmation letter to follow.\n" + sig(i)
        if i == 5:
            mine = "> " + mine.replace("\n", "\n> ")
            other = "> " + other.replace("\n", "\n> ")
        g = eml(staff(i), a.emails[0], f"RE: {a.kr}", top + "\n" + mine + "\n" + q1, k=k)
        x = eml(
            staff(i),
            a.emails[0],
            f"RE: {a.kr}",
            top + "\n" + mine + other + "\n" + q1,
            k=k,
            cc=[staff(i + 1)] if i == 3 else None,
        )
        b.pair(
            ("eml", g, cat, f"reply to {a.cid} quoting own thread"),
            ("eml", x, cat, rules, sup, f"reply to {a.cid} quotes internal note about {o.cid}"),
        )


CSS = (
    "<style>body{font-family:Segoe UI,Arial}table.st{border-collapse:collapse}"
    "table.st td{border-bottom:1px solid #ddd;padding:4px 8px}.hide{display:none}</style>"
)


def html_mail(b: Book, r: Registry) -> None:
    used: set[str] = set()
    for i in range(6):
        a, o = r.pick(avoid=used), r.pick(avoid=used)
        k = 260 + i
        cat = [
            "html-mail/statement-table",
            "html-mail/two-statements",
            "html-mail/hidden-div",
            "html-mail/img-alt",
            "html-mail/styled-address",
            "html-mail/text-differs",
        ][i]
        rows = lambda c: (
            f"<tr><td>{c.kr}</td><td>{PRINCIPALS[c.principal][0]}</td><td>{c.acct}</td>"
            f"<td style='text-align:right'>${c.balance}</td></tr>"
        )
        head = (
            f"<html><head>{CSS}</head><body><p>Dear {escape(a.given)},</p>"
            f"<p>Here is your statement.</p><table class='st'>"
        )
        foot = (
            f"</table><p style='color:#555;font-size:9pt'>{'Kestrel Recoveries Pty Ltd'} ABN 41 608 552 193 "
            f"&middot; 1300&nbsp;537&nbsp;835 &middot; BPAY 218846 / {a.crn}</p></body></html>"
        )
        good = head + rows(a) + foot
        if i in (0, 1):
            bad = head + rows(a) + (rows(o) if i == 1 else "") + foot
            if i == 0:
                bad = head + rows(o) + foot
        elif i == 2:
            bad = (
                head + rows(a) + f"</table><div class='hide'>{escape(o.given)} {escape(o.family)} {o.kr} "
                f"{o.phones[0]}</div><table>" + foot
            )
        elif i == 3:
            bad = head + rows(a) + foot.replace("</body>", f"<img src='cid:sig' alt='{escape(o.emails[0])}'></body>")
            good = head + rows(a) + foot.replace("</body>", "<img src='cid:sig' alt='Kestrel Recoveries'></body>")
        elif i == 4:
            blk = lambda c: (
                f"<div style='float:right;text-align:right'>{escape(c.given)} {escape(c.family)}<br>"
                f"{escape(c.street_line)}<br>{escape(c.suburb.upper())} {c.state} {c.postcode}</div>"
            )
            good = head.replace("<p>Dear", blk(a) + "<p>Dear") + rows(a) + foot
            bad = head.replace("<p>Dear", blk(o) + "<p>Dear") + rows(a) + foot
        else:
            bad = head + rows(o) + foot
        text = f"Dear {a.given},\n\nYour statement: account {a.kr}, balance ${a.balance}.\n"
        rules = ["mismatched_recipient", "mixed_client_documents"] if i in (1, 2, 4) else ["mismatched_recipient"]
        gb = eml(staff(i), a.emails[0], "Your statement", text if i == 5 else None, html=good, k=k)
        xb = eml(staff(i), a.emails[0], "Your statement", text if i == 5 else None, html=bad, k=k)
        b.pair(
            ("eml", gb, cat, f"HTML statement to {a.cid}"),
            ("eml", xb, cat, rules, False, f"HTML mail to {a.cid} shows details of {o.cid}"),
        )


def _extract(cs: list[Client], sep: str = ",") -> str:
    head = sep.join(["KR Ref", "Principal Acct", "Surname", "Given", "DOB", "Address", "Mobile", "Balance", "Status"])
    lines = [head]
    for c in cs:
        addr = f'"{c.address}"' if sep == "," else c.address
        lines.append(sep.join([c.kr, c.acct, c.family, c.given, c.dob, addr, c.phones[0], c.balance, "ACTIVE"]))
    return "\n".join(lines) + "\n"


def bulk(b: Book, r: Registry) -> None:
    for i in range(4):
        pkey = ["energy", "telco", "insurer", "water"][i]
        pool = [c for c in r.plain if c.principal == pkey and not c.suppressed]
        pname, pdom = PRINCIPALS[pkey]
        k = 280 + i
        cat = ["bulk/csv-to-principal", "bulk/tsv-to-principal", "bulk/html-table-body", "bulk/csv-to-internal"][i]
        many, few = pool[: min(45, len(pool) - 3)], pool[-3:]
        if i in (0, 1):
            sep = "," if i == 0 else "\t"
            fn = f"{pkey}_recall_{20260316}." + ("csv" if i == 0 else "xls.txt")
            mk = lambda cs: eml(
                staff(3),
                f"recoveries@{pdom}",
                f"{pname} account recall",
                "Accounts being returned, see attached.\n" + sig(3),
                k=k,
                attachments=[(fn, "text/csv", _extract(cs, sep))],
            )
            good, bad = mk(few), mk(many)
            note_b = f"{len(many)} client records to principal {pdom}"
        elif i == 2:
            mk = lambda cs: eml(
                staff(3),
                f"recoveries@{pdom}",
                "Weekly status",
                None,
                k=k,
                html="<html><body><table>"
                + "".join(
                    f"<tr><td>{c.kr}</td><td>{escape(c.family)}</td><td>{escape(c.address)}</td>"
                    f"<td>{c.phones[0]}</td><td>${c.balance}</td></tr>"
                    for c in cs
                )
                + "</table></body></html>",
            )
            good, bad = mk(few), mk(many)
            note_b = f"{len(many)} client records in an HTML table to principal"
        else:
            good = eml(
                staff(3),
                f"reporting@{DOM}",
                "Monthly extract",
                "Attached.\n",
                k=k,
                attachments=[("extract.csv", "text/csv", _extract(many))],
            )
            bad = eml(
                staff(3),
                "k.wu.home@inbox.example",
                "Monthly extract",
                "Attached.\n",
                k=k,
                attachments=[("extract.csv", "text/csv", _extract(many))],
            )
            note_b = f"{len(many)} client records to a personal mailbox"
            b.pair(
                ("eml", good, cat, "monthly extract stays internal"),
                ("eml", bad, cat, ["bulk_client_data", "mismatched_recipient"], False, note_b),
            )
            continue
        b.pair(
            ("eml", good, cat, f"{len(few)} records of the principal's own accounts"),
            ("eml", bad, cat, ["bulk_client_data"], False, note_b),
        )
