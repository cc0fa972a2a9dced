"""Wrong member: window envelopes, namesakes, continuation pages, wrong attachments, typed account numbers,
joint holders' own accounts, guarantors, brokers, threads, HTML links, Cc slips, AFCA responses."""

from __future__ import annotations

from tests.corpora.bank import content as C
from tests.corpora.bank import render as R
from tests.corpora.bank import world as W
from tests.corpora.bank.kit import Kit
from tests.corpora.bank.render import Letter

MR = ["mismatched_recipient"]
MIX = ["mixed_client_documents", "mismatched_recipient"]


def people(k: Kit, kinds=("single", "guarantor", "elder", "borrower")):
    pool = [m for m in k.reg.members if m.kind in kinds]
    k.rng.shuffle(pool)
    i = 0
    while True:
        yield pool[i % len(pool)]
        i += 1


def two(ppl):
    """Two members with nothing to do with each other (not joint, not each other's guarantor or attorney)."""
    a = next(ppl)
    while True:
        b = next(ppl)
        if b is not a and a.cid not in b.authorised + b.joint and b.cid not in a.authorised and a.family != b.family:
            return a, b


def _statement_mail(key: str, m, pdf_bytes: list[bytes], minutes=0) -> bytes:
    body = f"Dear {m.given},\n\nYour quarterly statement is attached. Please store it safely.{R.signature(4)}"
    atts = [(f"statement-{j + 1}.pdf", "application/pdf", b) for j, b in enumerate(pdf_bytes)]
    return R.eml(key, W.MEMBERS_MAILBOX, [m.email], "Your statement", body, attachments=atts, minutes=minutes)


def build(k: Kit) -> None:
    rng, ppl = k.rng, people(k)

    for i in k.times(5):  # window envelope shows A, the statement inside is B's
        a, b = two(ppl)
        bad = C.statement(rng, C.block(a, i), [b], b.savings, branch=i % 8)
        good = C.statement(rng, C.block(a, i), [a], a.savings, branch=i % 8)
        k.pair(
            "pdf",
            R.pdf([bad]),
            R.pdf([good]),
            "address-block/window-envelope",
            MR,
            f"envelope window shows {a.cid}, statement inside is {b.cid}'s",
            f"statement of {a.cid} to {a.cid}",
        )

    for i, (a, b) in zip(k.times(3), k.reg.namesakes(), strict=False):  # two members, one name

        def ident(x, to, i=i):
            return Letter(
                to=C.block(to, i),
                subject="Confirming your identity details",
                salutation=f"Dear {to.given}",
                paras=[
                    f"Following your call, we confirm the details we hold: member number {x.member_no}, "
                    f"date of birth {x.dob_au}, mobile {x.phone}.",
                    "If any of these is wrong, please visit a branch with photo identification.",
                ],
            )

        k.pair(
            "docx",
            R.docx(ident(b, a)),
            R.docx(ident(a, a)),
            "address-block/namesake",
            MR,
            f"letter to {a.cid} carries the date of birth and member number of namesake {b.cid}",
            f"letter to {a.cid} with {a.cid}'s own details",
        )

    for i in k.times(4):  # page 2 of another member's statement printed behind the letter
        a, b = two(ppl)

        def cont(x):
            return Letter(
                to=[],
                subject=f"Statement continued - account {C.spaced(x.savings)} - {x.name}",
                salutation="Page 2 of 2",
                paras=[],
                table=(C.COLS, C.transactions(rng, 7)),
                closing=[],
                window=False,
            )

        first = C.statement(rng, C.block(a, i), [a], a.savings)
        k.pair(
            "pdf",
            R.pdf([first, cont(b)]),
            R.pdf([first, cont(a)]),
            "address-block/pages-of-two-members",
            MIX,
            f"statement to {a.cid} has {b.cid}'s continuation page",
            f"statement of {a.cid}, both pages his own",
        )

    for i in k.times(5):  # wrong statement attached
        a, b = two(ppl)
        sa = R.pdf([C.statement(rng, C.block(a, i), [a], a.savings)])
        sb = R.pdf([C.statement(rng, C.block(b, i), [b], b.savings)])
        k.pair(
            "eml",
            _statement_mail(f"m4b{i}", a, [sb]),
            _statement_mail(f"m4g{i}", a, [sa]),
            "mime-parts/wrong-attachment",
            MR,
            f"email to {a.cid} attaches {b.cid}'s statement",
            f"email to {a.cid} attaches own statement",
        )

    for i in k.times(3):  # two statements attached, one of them another member's
        a, b = two(ppl)
        sa = R.pdf([C.statement(rng, C.block(a, i), [a], a.savings)])
        sa2 = R.pdf([C.maturity(a, C.block(a, i))]) if a.term_deposit else sa
        sb = R.pdf([C.statement(rng, C.block(b, i), [b], b.savings)])
        k.pair(
            "eml",
            _statement_mail(f"m5b{i}", a, [sa, sb]),
            _statement_mail(f"m5g{i}", a, [sa, sa2]),
            "mime-parts/second-member-attached",
            MIX,
            f"email to {a.cid} attaches {b.cid}'s statement too",
            f"email to {a.cid} with two of its own documents",
        )

    for i in k.times(4):  # a colleague typed the wrong account number
        a, b = two(ppl)
        body = (
            "Hi {g},\n\nThe transfer of $2,500.00 you asked for has been processed from account {acct} and "
            "should reach the other bank by tomorrow." + R.signature(4, i % 8)
        )
        acct_b = C.spaced(b.savings) if i % 2 else b.savings
        bad = R.eml(f"m6b{i}", W.STAFF[4][1], [a.email], "Your transfer", body.format(g=a.given, acct=acct_b))
        good = R.eml(f"m6g{i}", W.STAFF[4][1], [a.email], "Your transfer", body.format(g=a.given, acct=a.savings))
        k.pair(
            "eml",
            bad,
            good,
            "identifiers-dates/wrong-account-typed",
            MR,
            f"email to {a.cid} quotes {b.cid}'s account",
            f"email to {a.cid} quotes own account",
        )

    acc = [m for m in k.reg.members if m.accountant >= 0]
    for i in k.times(3):  # TFN emailed to the member's accountant
        m = acc[i % len(acc)]
        firm, mail = W.ACCOUNTANTS[m.accountant]
        tfn = tfn_for(rng)
        tfn_s = f"{tfn[:3]} {tfn[3:6]} {tfn[6:]}"
        body = (
            f"Dear {firm},\n\nAs authorised by our member {m.name} (member {m.member_no}), interest earned "
            "in 2024-25 was $1,284.16 and no withholding tax was deducted.{extra}" + R.signature(4)
        )
        bad = R.eml(
            f"m7b{i}",
            W.STAFF[4][1],
            [mail],
            f"Interest summary - {m.name}",
            body.format(extra=f"\nTax file number held: {tfn_s}."),
        )
        good = R.eml(
            f"m7g{i}",
            W.STAFF[4][1],
            [mail],
            f"Interest summary - {m.name}",
            body.format(extra="\nA tax file number is held on the account."),
        )
        k.pair(
            "eml",
            bad,
            good,
            "identifiers-dates/tfn-to-accountant",
            ["sensitive_identifier"],
            f"TFN of {m.cid} emailed to the accountant",
            f"interest summary of {m.cid} without TFN",
        )

    brok = [m for m in k.reg.members if m.broker >= 0 and m.kind == "couple"]
    for i in k.times(2):  # identity documents to the broker
        m = brok[(i * 2) % len(brok)]
        _, person, mail = W.BROKERS[m.broker]
        med = medicare_for(rng)
        bad_id = (
            f"Medicare card {med[:4]} {med[4:9]} {med[9]}, driver licence QLD 0{rng.randrange(10**7, 10**8)}, "
            "both sighted in branch."
        )
        body = (
            f"Hi {person.split()[0]},\n\nVerification of identity for {m.name} is complete: {{v}}\n"
            f"Loan {C.spaced(m.home_loan)} can proceed to formal approval." + R.signature(3)
        )
        bad = R.eml(f"m8b{i}", W.STAFF[3][1], [mail], f"VOI complete - {m.family}", body.format(v=bad_id))
        good = R.eml(
            f"m8g{i}",
            W.STAFF[3][1],
            [mail],
            f"VOI complete - {m.family}",
            body.format(v="100 points sighted in branch on 12 March."),
        )
        k.pair(
            "eml",
            bad,
            good,
            "identifiers-dates/id-documents-to-broker",
            ["sensitive_identifier"],
            f"Medicare and licence numbers of {m.cid} emailed to the broker",
            f"VOI of {m.cid} confirmed to broker",
        )

    for i in k.times(2):  # full card number in an email
        m = next(ppl)
        card = " ".join(m.card[j : j + 4] for j in range(0, 16, 4))
        body = "Dear {g},\n\nYour replacement Visa debit card {c} was posted today." + R.signature(4)
        bad = R.eml(f"m9b{i}", W.MEMBERS_MAILBOX, [m.email], "Card posted", body.format(g=m.given, c=card))
        good = R.eml(
            f"m9g{i}", W.MEMBERS_MAILBOX, [m.email], "Card posted", body.format(g=m.given, c=f"ending {m.card[-4:]}")
        )
        k.pair(
            "eml",
            bad,
            good,
            "identifiers-dates/full-card-number",
            ["sensitive_identifier"],
            f"full card number of {m.cid} in an email",
            f"card of {m.cid} shown by last four digits",
        )

    guar = [m for m in k.reg.members if m.kind == "borrower"]
    for i in k.times(3):  # guarantor gets the default notice for a loan he did not guarantee
        b = guar[i % len(guar)]
        g = k.reg.by_id[b.guaranteed_by]
        other = k.reg.by_id[guar[(i + 5) % len(guar)].guaranteed_by]
        bad = C.default_notice(b, C.block(other, i), b.personal_loan, guarantor=other)
        good = C.default_notice(b, C.block(g, i), b.personal_loan, guarantor=g)
        k.pair(
            "pdf",
            R.pdf([bad]),
            R.pdf([good]),
            "relationships/guarantor-wrong-loan",
            MR,
            f"copy default notice on {b.cid}'s loan to {other.cid}, guarantor of another loan",
            f"copy default notice on {b.cid}'s loan to its guarantor {g.cid}",
        )

    cpl = [m for m in k.reg.members if m.kind == "couple"]
    for i in k.times(3):  # joint statement that lists one holder's own accounts too
        a = cpl[(i * 2) % len(cpl)]
        b = k.reg.by_id[a.joint[0]]
        rows = [["Joint Everyday Access", C.spaced(a.joint_acct), "$4,120.55"]]
        own = [["Everyday Access", C.spaced(a.savings), "$812.10"]]
        good_rows = rows + [["Everyday Access", C.spaced(b.savings), "$2,301.77"]]

        def summ(rs, b=b, i=i):
            return Letter(
                to=C.block(b, i),
                subject="Your accounts at a glance",
                salutation=f"Dear {b.given}",
                paras=["Here is a summary of the accounts you can see in Internet Banking."],
                table=(["Account", "Number", "Balance"], rs),
                refs=[("Member number", b.member_no)],
            )

        k.pair(
            "pdf",
            R.pdf([summ(rows + own)]),
            R.pdf([summ(good_rows)]),
            "relationships/joint-holder-own-account",
            MR,
            f"summary to {b.cid} lists joint holder {a.cid}'s own account",
            f"summary to {b.cid}: joint account and own account",
        )

    for i in k.times(3):  # loan documents to the wrong broker
        m = brok[(i * 2 + 1) % len(brok)]
        wrong = W.BROKERS[(m.broker + 1) % len(W.BROKERS)]
        right = W.BROKERS[m.broker]
        body = (
            f"Hi,\n\nConditional approval for {m.name}, loan {C.spaced(m.home_loan)}, security {m.address}. "
            "Valuation ordered." + R.signature(3)
        )
        bad = R.eml(f"m12b{i}", W.STAFF[3][1], [wrong[2]], f"Conditional approval - {m.family}", body)
        good = R.eml(f"m12g{i}", W.STAFF[3][1], [right[2]], f"Conditional approval - {m.family}", body)
        k.pair(
            "eml",
            bad,
            good,
            "relationships/broker-other-client",
            MR,
            f"approval for {m.cid} sent to a broker {m.cid} never authorised",
            f"approval for {m.cid} to the broker on file",
        )

    for i in k.times(3):  # forwarded thread carrying another member's details
        a, b = two(ppl)
        hist = (
            "\n\n---------- Forwarded message ----------\nFrom: {fn} <{fe}>\nSubject: Fees question\n\n"
            "Hi, I was charged a $9 dishonour fee on account {acc}. Can it be refunded?\n"
        )
        body = "Dear {g},\n\nAs discussed, the fee has been refunded.{sig}" + hist
        sig = R.signature(4)
        bad = R.eml(
            f"m13b{i}",
            W.STAFF[4][1],
            [a.email],
            "Fwd: Fees question",
            body.format(g=a.given, sig=sig, fn=b.name, fe=b.email, acc=b.savings),
        )
        good = R.eml(
            f"m13g{i}",
            W.STAFF[4][1],
            [a.email],
            "Fwd: Fees question",
            body.format(g=a.given, sig=sig, fn=a.name, fe=a.email, acc=a.savings),
        )
        k.pair(
            "eml",
            bad,
            good,
            "threads/forwarded-to-wrong-member",
            MR,
            f"{b.cid}'s message forwarded to {a.cid}",
            f"{a.cid}'s own message forwarded back to {a.cid}",
        )

    for i in k.times(2):  # HTML notice whose link carries another member's account
        a, b = two(ppl)
        page = (
            "<html><body><p>Hi {g},</p><p>Your statement is ready.</p>"
            "<p><a href='https://ib.{d}/statements?acct={acct}'>Open it</a></p></body></html>"
        )
        bad = R.eml(
            f"m14b{i}",
            W.NOREPLY,
            [a.email],
            "Statement ready",
            "Your statement is ready.",
            html=page.format(g=a.given, d=W.DOMAIN, acct=b.savings),
        )
        good = R.eml(
            f"m14g{i}",
            W.NOREPLY,
            [a.email],
            "Statement ready",
            "Your statement is ready.",
            html=page.format(g=a.given, d=W.DOMAIN, acct=a.savings),
        )
        k.pair(
            "eml",
            bad,
            good,
            "html-mail/link-with-other-account",
            MR,
            f"link in {a.cid}'s notice carries {b.cid}'s account",
            f"link carries {a.cid}'s own account",
        )

    for i in k.times(3):  # autocomplete copies another member
        a, b = two(ppl)
        body = (
            f"Dear {a.given},\n\nWe have approved a three-month pause on repayments for your personal loan "
            f"attached to member {a.member_no}." + R.signature(5)
        )
        bad = R.eml(f"m15b{i}", W.HARDSHIP, [a.email], "Hardship approved", body, cc=[b.email])
        good = R.eml(f"m15g{i}", W.HARDSHIP, [a.email], "Hardship approved", body)
        k.pair(
            "eml",
            bad,
            good,
            "headers-links/cc-wrong-member",
            MR,
            f"hardship decision of {a.cid} copied to {b.cid}",
            f"hardship decision to {a.cid} only",
        )

    for i in k.times(3):  # own-details email quoting another member's mobile
        a, b = two(ppl)
        body = "Hi {g},\n\nWe've updated your mobile number to {p} as you asked." + R.signature(4)
        bad = R.eml(f"m16b{i}", W.MEMBERS_MAILBOX, [a.email], "Details updated", body.format(g=a.given, p=b.phone))
        good = R.eml(f"m16g{i}", W.MEMBERS_MAILBOX, [a.email], "Details updated", body.format(g=a.given, p=a.phone))
        k.pair(
            "eml",
            bad,
            good,
            "recipient-own-details/other-member-phone",
            MR,
            f"email to {a.cid} shows {b.cid}'s mobile",
            f"email to {a.cid} shows own mobile",
        )

    for i in k.times(2):  # AFCA response carrying another member's account it never names
        a, b = two(ppl)
        lines = [
            f"AFCA case 12-26-{51230 + i}",
            f"Complainant: {a.name}, member {a.member_no}",
            "The complainant disputes a dishonour fee of $9.00.",
        ]
        refund = "Refund of $9.00 credited to account {acct} on 10 March 2026."

        def mk(key, acct, i=i, lines=lines, refund=refund):
            return R.eml(
                key,
                W.COMPLAINTS,
                [f"disputes@{W.AFCA_DOMAIN}"],
                f"AFCA 12-26-{51230 + i}",
                "Dear Case Manager,\n\nOur response is attached." + R.signature(6),
                attachments=[
                    (
                        "response.pdf",
                        "application/pdf",
                        R.report_pdf("Response to AFCA", lines + [refund.format(acct=acct)]),
                    )
                ],
            )

        k.pair(
            "eml",
            mk(f"m17b{i}", b.savings),
            mk(f"m17g{i}", a.savings),
            "relationships/afca-other-member",
            ["mixed_client_documents", "mismatched_recipient"],
            f"response on {a.cid}'s complaint carries {b.cid}'s account",
            f"response on {a.cid}'s complaint",
        )


def tfn_for(rng) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(7)]
        s = sum(x * y for x, y in zip(d, w, strict=False))
        for last in range(10):
            if (s + last * 10) % 11 == 0:
                return "".join(map(str, d + [last]))


def medicare_for(rng) -> str:
    d = [rng.randrange(2, 7)] + [rng.randrange(10) for _ in range(7)]
    check = sum(x * y for x, y in zip(d, [1, 3, 7, 9, 1, 3, 7, 9], strict=False)) % 10
    return "".join(map(str, d + [check, rng.randrange(1, 10)]))
