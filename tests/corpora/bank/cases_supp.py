"""Suppressed details of members who left a violent joint account holder: her new address, phone and email
leaking to him (or to his broker, AFCA, staff not cleared), each beside its legitimate twin."""

from __future__ import annotations

from tests.corpora.bank import content as C
from tests.corpora.bank import render as R
from tests.corpora.bank import world as W
from tests.corpora.bank.kit import Kit

S = ["suppressed_detail_exposed"]
SM = ["suppressed_detail_exposed", "mismatched_recipient"]


def _couples(k: Kit):
    """Victim and former partner, cycling so each family is used evenly."""
    vs = k.reg.victims
    i = 0
    while True:
        v = vs[i % len(vs)]
        yield v, k.reg.by_id[v.joint[0]]
        i += 1


def build(k: Kit) -> None:
    pairs = _couples(k)
    rng = k.rng

    for i in k.times(5):  # joint statement printed with her new address, to him at the old home
        v, ex = next(pairs)
        holders = [ex, v]
        bad = C.statement(
            rng,
            C.block(ex, i),
            holders,
            v.joint_acct,
            holder_lines=[f"{ex.name}, {ex.address}", f"{v.name}, {v.address}"],
        )
        good = C.statement(
            rng,
            C.block(ex, i),
            holders,
            v.joint_acct,
            holder_lines=[f"{ex.name}, {ex.address}", f"{v.name} (statement sent separately)"],
        )
        k.pair(
            "pdf",
            R.pdf([bad]),
            R.pdf([good]),
            "relationships/joint-statement-ex-partner",
            S,
            f"joint statement to {ex.cid} prints the suppressed address of joint holder {v.cid}",
            f"joint statement to {ex.cid}, holders named only; {v.cid} gets hers separately",
            True,
        )

    for i in k.times(4):  # the joint loan's arrears letter addressed to him at her new home
        v, ex = next(pairs)
        bad = C.arrears(ex, [ex.formal, v.line1_abbr, v.locality], v.home_loan, joint=v)
        good = C.arrears(v, C.block(v, i), v.home_loan, joint=ex)
        k.pair(
            "docx",
            R.docx(bad),
            R.docx(good),
            "address-block/ex-at-suppressed-address",
            SM,
            f"arrears letter names {ex.cid} at the suppressed address of {v.cid}",
            f"arrears letter to {v.cid} at her own (suppressed) address",
            True,
        )

    for i in k.times(3):  # both holders named at her new address
        v, ex = next(pairs)
        bad = C.statement(rng, [f"{ex.formal} & {v.formal}", v.line1_abbr, v.locality], [ex, v], v.joint_acct)
        good = C.statement(rng, C.block(v, i + 1), [ex, v], v.joint_acct)
        k.pair(
            "pdf",
            R.pdf([bad]),
            R.pdf([good]),
            "address-block/joint-names-at-new-address",
            S,
            f"joint statement addresses {ex.cid} with {v.cid} at her suppressed address",
            f"joint statement addressed to {v.cid} alone at her address",
            True,
        )

    for i in k.times(3):  # change-of-address confirmation emailed to the wrong holder
        v, ex = next(pairs)
        body = (
            f"Hi {{n}},\n\nThanks for calling today. As requested, we have updated the postal address on "
            f"joint loan {C.spaced(v.home_loan)} and account {v.joint_acct} for {v.given} to:\n\n"
            f"    {v.line1}\n    {v.suburb} QLD {v.postcode}\n\nCards and statements will go there from the "
            f"next cycle." + R.signature(4, 1)
        )
        bad = R.eml(f"s3b{i}", W.STAFF[4][1], [ex.email], "Your change of address", body.format(n=ex.given))
        good = R.eml(f"s3g{i}", W.STAFF[4][1], [v.email], "Your change of address", body.format(n=v.given))
        k.pair(
            "eml",
            bad,
            good,
            "relationships/change-of-address-to-ex",
            SM,
            f"confirmation of {v.cid}'s new address emailed to former joint holder {ex.cid}",
            f"confirmation of {v.cid}'s new address to her own email",
            True,
        )

    for i in k.times(3):  # her suburb (or street without the number) told to him
        v, ex = next(pairs)
        where = f"in {v.suburb}" if i % 2 == 0 else f"in {v.street}, {v.suburb}"
        bad_line = f"{v.given} has moved and is now living {where}, so her card will be posted to her there."
        good_line = f"{v.given} has asked that her card and statements be sent to her separately."
        body = (
            "Dear {n},\n\nYou asked why only one replacement card was sent for the joint account ending "
            f"{v.joint_acct[-4:]}. {{line}} Your own card was posted to you on 12 March.{R.signature(4, 2)}"
        )
        bad = R.eml(
            f"s4b{i}",
            W.STAFF[4][1],
            [ex.email],
            "Replacement cards - joint account",
            body.format(n=ex.given, line=bad_line),
        )
        good = R.eml(
            f"s4g{i}",
            W.STAFF[4][1],
            [ex.email],
            "Replacement cards - joint account",
            body.format(n=ex.given, line=good_line),
        )
        k.pair(
            "eml",
            bad,
            good,
            "suppressed-loose/suburb-to-joint-holder",
            S,
            f"{v.cid}'s new suburb told to joint holder {ex.cid}",
            f"{ex.cid} told only that {v.cid}'s mail goes separately",
            True,
        )

    for i in k.times(3):  # her new mobile in a hardship letter to both borrowers, posted to him
        v, ex = next(pairs)
        lt = C.hardship(ex, C.block(ex, i), v.home_loan, joint=v)
        good_para = f"We will call {ex.given} on {ex.phone} in the week of 13 April to review the arrangement."
        bad_para = good_para[:-1] + f", and {v.given} on {v.phone}."
        lt.after = [bad_para]
        bad = R.txt(lt)
        lt.after = [good_para]
        k.pair(
            "txt",
            bad,
            R.txt(lt),
            "suppressed-loose/new-phone-to-ex",
            S,
            f"hardship letter to {ex.cid} gives the suppressed mobile of {v.cid}",
            f"hardship letter to {ex.cid} gives only his own number",
            True,
        )

    for i in k.times(3):  # his broker's buy-out pack carries her new address
        v, ex = next(k_ex_with_broker(k))
        firm, person, mail = W.BROKERS[ex.broker]
        co = [f"Co-borrower: {v.name}", f"Current residential address: {v.address}", f"Mobile: {v.phone}"]
        co_good = [f"Co-borrower: {v.name}", "Contact: through the Safe Banking team only (details withheld)"]
        head = [
            f"Loan: {C.spaced(ex.home_loan)}",
            f"Borrower seeking release of co-borrower: {ex.name}",
            f"Security: {ex.address}",
        ]
        bad_pdf = R.report_pdf("Release of co-borrower - application pack", head + co)
        good_pdf = R.report_pdf("Release of co-borrower - application pack", head + co_good)
        body = (
            f"Hi {person.split()[0]},\n\nAttached is the release of co-borrower pack for your client "
            f"{ex.name}. Please have him sign pages 2 and 4.{R.signature(3, 3)}"
        )

        def mk(key, pdf_, mail=mail, ex=ex, body=body):
            return R.eml(
                key,
                W.STAFF[3][1],
                [mail],
                f"Release pack - {ex.family}",
                body,
                attachments=[("release-pack.pdf", "application/pdf", pdf_)],
            )

        k.pair(
            "eml",
            mk(f"s6b{i}", bad_pdf),
            mk(f"s6g{i}", good_pdf),
            "mime-parts/broker-pack-new-address",
            S,
            f"broker of {ex.cid} receives the suppressed address and mobile of {v.cid}",
            f"broker of {ex.cid} receives the pack with {v.cid}'s details withheld",
            True,
        )

    for i in k.times(3):  # a reply to him quoting the internal note that had her address
        v, ex = next(pairs)
        note_bad = (
            f"> Loan {ex.home_loan}: {v.given} now at {v.line1}, {v.suburb}. Do not disclose.\n"
            f"> Mail for her to go to the new address only."
        )
        note_good = f"> Loan {ex.home_loan}: separate mailing set up for the co-borrower. Do not disclose.\n"
        body = (
            "Dear {n},\n\nThank you for your email. We cannot discuss the other borrower's circumstances with "
            "you. Your repayments remain $1,140 a fortnight.{sig}\n\n"
            "-----Original Message-----\nFrom: Safe Banking Team <" + W.SAFE_TEAM + ">\n"
            "Sent: Friday, 13 March 2026 4:12 PM\nSubject: RE: Loan enquiry\n\n{note}\n\n"
            f"> -----Original Message-----\n> From: {ex.name} <{ex.email}>\n> Where is {v.given} getting "
            "her mail now? I need to send her papers.\n"
        )
        sig = R.signature(2)
        bad = R.eml(
            f"s7b{i}",
            W.STAFF[2][1],
            [ex.email],
            "RE: RE: Loan enquiry",
            body.format(n=ex.given, sig=sig, note=note_bad),
            in_reply_to=f"<q{i}@{W.DOMAIN}>",
        )
        good = R.eml(
            f"s7g{i}",
            W.STAFF[2][1],
            [ex.email],
            "RE: RE: Loan enquiry",
            body.format(n=ex.given, sig=sig, note=note_good),
            in_reply_to=f"<q{i}@{W.DOMAIN}>",
        )
        k.pair(
            "eml",
            bad,
            good,
            "threads/quoted-history-new-address",
            S,
            f"reply to {ex.cid} quotes internal note with {v.cid}'s suppressed address",
            f"reply to {ex.cid} quotes internal note without it",
            True,
        )

    for i in k.times(2):  # HTML eStatement notice to him with her address in a hidden block
        v, ex = next(pairs)
        hidden = f'<div style="display:none">mail_to: {v.line1}, {v.suburb} QLD {v.postcode}</div>'
        hidden = hidden if i % 2 == 0 else f"<!-- co-holder postal: {v.address} -->"
        page = (
            "<html><body><p>Dear {n},</p><p>Your statement for joint account ending {a} is ready in "
            "Internet Banking.</p>{h}<p><a href='https://ib.{d}/statements'>View statement</a></p>"
            "<p>Coral Coast Mutual, {b}</p></body></html>"
        )
        fill = dict(n=ex.given, a=v.joint_acct[-4:], d=W.DOMAIN, b=W.BRANCHES[0][1])
        text = f"Dear {ex.given}, your statement is ready in Internet Banking."
        bad = R.eml(
            f"s8b{i}", W.NOREPLY, [ex.email], "Your eStatement is ready", text, html=page.format(h=hidden, **fill)
        )
        good = R.eml(f"s8g{i}", W.NOREPLY, [ex.email], "Your eStatement is ready", text, html=page.format(h="", **fill))
        k.pair(
            "eml",
            bad,
            good,
            "html-mail/hidden-new-address",
            S,
            f"eStatement notice to {ex.cid} hides {v.cid}'s suppressed address in markup",
            f"eStatement notice to {ex.cid}, nothing hidden",
            True,
        )

    for i in k.times(3):  # one email to both borrowers: her suppressed email in Cc
        v, ex = next(pairs)
        while "email" not in v.suppressed:
            v, ex = next(pairs)
        body = (
            f"Dear borrowers,\n\nWe have received your request for hardship assistance on loan "
            f"{C.spaced(v.home_loan)}. We need both borrowers to complete the attached statement of "
            "financial position." + R.signature(5)
        )
        bad = R.eml(f"s9b{i}", W.HARDSHIP, [ex.email], "Hardship request - joint loan", body, cc=[v.email])
        good = R.eml(f"s9g{i}", W.HARDSHIP, [ex.email], "Hardship request - joint loan", body)
        k.pair(
            "eml",
            bad,
            good,
            "headers-links/cc-suppressed-email",
            S,
            f"{v.cid}'s suppressed email copied beside joint holder {ex.cid}",
            f"the same request to {ex.cid} alone; {v.cid} written to separately",
            True,
        )

    for i in k.times(2):  # AFCA complaint lodged by him: the bank's response would be shared with him
        v, ex = next(pairs)
        lines = [
            f"AFCA case 12-26-{40117 + i}",
            f"Complainant: {ex.name}, member {ex.member_no}",
            f"Joint loan {C.spaced(ex.home_loan)}; co-borrower {v.name}.",
            "The complainant disputes the hold placed on redraw from the joint loan.",
        ]
        bad_pdf = R.report_pdf("Response to AFCA", lines + [f"The co-borrower now resides at {v.address}."])
        good_pdf = R.report_pdf(
            "Response to AFCA",
            lines + ["The co-borrower's contact details are held under our safe banking process and are not included."],
        )
        body = "Dear Case Manager,\n\nPlease find attached our response." + R.signature(6)

        def mk(key, pdf_, i=i, body=body):
            return R.eml(
                key,
                W.COMPLAINTS,
                [f"case.manager@{W.AFCA_DOMAIN}"],
                f"AFCA 12-26-{40117 + i} - response",
                body,
                attachments=[("response.pdf", "application/pdf", pdf_)],
            )

        k.pair(
            "eml",
            mk(f"s10b{i}", bad_pdf),
            mk(f"s10g{i}", good_pdf),
            "relationships/afca-suppressed",
            S,
            f"response to AFCA on {ex.cid}'s complaint gives {v.cid}'s suppressed address",
            f"response to AFCA on {ex.cid}'s complaint withholds {v.cid}'s details",
            True,
        )

    for i in k.times(2):  # staff not cleared for suppressed details
        v, ex = next(pairs)
        body = (
            f"Hi,\n\nFor the file on loan {v.home_loan}: {v.name}'s mailing address is now {v.address}, "
            f"mobile {v.phone}.{R.signature(0)}"
        )
        bad = R.eml(f"s11b{i}", W.STAFF[0][1], [W.STAFF[3][1]], "Loan file update", body)
        good = R.eml(f"s11g{i}", W.STAFF[0][1], [W.SAFE_TEAM], "Loan file update", body)
        k.pair(
            "eml",
            bad,
            good,
            "suppressed-loose/internal-not-cleared",
            S,
            f"{v.cid}'s suppressed address to a lending specialist not cleared for it",
            f"{v.cid}'s suppressed address to the safe banking team",
            True,
        )


def k_ex_with_broker(k: Kit):
    exes = [k.reg.by_id[v.joint[0]] for v in k.reg.victims]
    exes = [e for e in exes if e.broker >= 0]
    i = getattr(k, "_ex_i", 0)
    k._ex_i = i + 1
    ex = exes[i % len(exes)]
    yield k.reg.by_id[ex.joint[0]], ex
