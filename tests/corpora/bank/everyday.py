"""Legitimate mail only: what a credit union sends all day, much of it close to an incident but fine."""

from __future__ import annotations

from tests.corpora.bank import content as C
from tests.corpora.bank import render as R
from tests.corpora.bank import world as W
from tests.corpora.bank.kit import Kit
from tests.corpora.bank.render import Letter


def build(k: Kit) -> None:
    reg, rng = k.reg, k.rng
    members = reg.members
    couples = [m for m in members if m.kind == "couple"]
    singles = [m for m in members if m.kind == "single"]
    add = k.add

    for i in k.times(10):  # joint statement to both holders at their shared address
        a = couples[(i * 2) % len(couples)]
        b = reg.by_id[a.joint[0]]
        lt = C.statement(rng, C.joint_block(a, b, i), [a, b], a.joint_acct, branch=i % 8)
        add("pdf", R.pdf([lt]), "everyday/joint-statement", f"joint statement to {a.cid} and {b.cid}")

    for i in k.times(6):
        m = [x for x in members if x.term_deposit and x.kind != "victim"][i]
        add(
            "docx",
            R.docx(C.maturity(m, C.block(m, i), branch=i % 8)),
            "everyday/term-deposit-maturity",
            f"maturity notice to {m.cid}",
        )

    loans = [m for m in members if (m.home_loan or m.personal_loan) and m.kind in ("couple", "single", "borrower")]
    for i in k.times(5):
        m = loans[i * 3 % len(loans)]
        add(
            "rtf",
            R.rtf(C.hardship(m, C.block(m, i), m.home_loan or m.personal_loan)),
            "everyday/hardship-letter",
            f"hardship arrangement letter to {m.cid}",
        )

    counsel = [m for m in members if m.counselling and m.kind != "victim"]
    for i in k.times(5):  # to the member's financial counsellor, on her authority
        m = counsel[i % len(counsel)]
        loan = m.home_loan or m.personal_loan or m.savings
        body = (
            f"Dear Financial Counsellor,\n\nThank you for your letter of authority for {m.name} (member "
            f"{m.member_no}, date of birth {m.dob_au}). The balance of account {loan} is $3,418.20 and the "
            f"arrears are $612.00. We have placed a 30-day hold on collection activity.{R.signature(5)}"
        )
        add(
            "eml",
            R.eml(f"e4{i}", W.HARDSHIP, [W.COUNSELLING[1]], f"{m.family} - account information", body),
            "everyday/financial-counsellor",
            f"account information of {m.cid} to the counselling service on file",
        )

    for i in k.times(6):
        m = singles[(i * 5 + 1) % len(singles)]
        add(
            "txt",
            R.txt(C.dishonour(m, C.block(m, i), branch=i % 8)),
            "everyday/dishonour-notice",
            f"direct debit dishonour notice to {m.cid}",
        )

    for i in k.times(5):
        m = singles[(i * 7 + 2) % len(singles)]
        body = (
            f"Hi {m.given},\n\nYour replacement Visa debit card ending {m.card[-4:]} was posted to "
            f"{m.line1}, {m.suburb} today. Member {m.member_no}.{R.signature(4, i % 8)}"
        )
        add(
            "eml",
            R.eml(f"e6{i}", W.MEMBERS_MAILBOX, [m.email], "Your replacement card", body),
            "everyday/card-replacement",
            f"card replacement email to {m.cid}",
        )

    for i in k.times(5):
        m = singles[(i * 3 + 4) % len(singles)]
        add(
            "pdf",
            R.pdf([C.address_change(m, C.block(m, i))]),
            "everyday/change-of-address",
            f"change-of-address confirmation to {m.cid} at the new address",
        )

    for i, v in zip(k.times(4), reg.victims, strict=False):  # her own new details, to her, at her suppressed address
        lt = C.address_change(v, C.block(v, i), branch=[4, 5, 6, 7][i % 4])
        add("pdf", R.pdf([lt]), "recipient-own-details/own-new-address", f"{v.cid} receives her own new address")
    for i, v in zip(k.times(4), reg.victims[4:], strict=False):
        body = (
            f"Hi {v.given},\n\nYour new account {v.savings} is open, and your statements will go to "
            f"{v.address}. We will call you on {v.phone} if we need you. Nothing is sent to the former joint "
            f"address.{R.signature(0, 4)}"
        )
        add(
            "eml",
            R.eml(f"e8{i}", W.SAFE_TEAM, [v.email], "Your new account", body),
            "recipient-own-details/safe-banking-to-member",
            f"safe banking team writes to {v.cid} with her own details",
        )
    for i, v in zip(k.times(3), reg.victims[8:], strict=False):
        lt = C.statement(rng, C.block(v, i), [v], v.savings, branch=4)
        add("pdf", R.pdf([lt]), "recipient-own-details/own-statement", f"{v.cid}'s own statement at her address")

    conv = [m for m in members if m.conveyancer >= 0]
    for i in k.times(6):
        m = conv[i % len(conv)]
        firm, mail = W.CONVEYANCERS[m.conveyancer]
        att = R.pdf([C.discharge(m, firm)])
        body = f"Dear {firm},\n\nPlease find attached our discharge letter.{R.signature(3)}"
        add(
            "eml",
            R.eml(
                f"e9{i}",
                "discharges@" + W.DOMAIN,
                [mail],
                f"Discharge - {m.family}",
                body,
                attachments=[("discharge.pdf", "application/pdf", att)],
            ),
            "everyday/discharge-to-conveyancer",
            f"discharge of {m.cid}'s mortgage to the conveyancer on file",
        )

    for i in k.times(5):
        m = singles[(i * 11 + 3) % len(singles)]
        lines = [
            f"AFCA case 12-26-{30880 + i}",
            f"Complainant: {m.name}, member {m.member_no}, born {m.dob_au}",
            f"Account {C.spaced(m.savings)}",
            "We have offered to refund fees of $45.00 as a goodwill gesture.",
        ]
        att = R.report_pdf("Response to AFCA", lines, (C.COLS, C.transactions(rng, 5)))
        add(
            "eml",
            R.eml(
                f"e10{i}",
                W.COMPLAINTS,
                [f"case.manager@{W.AFCA_DOMAIN}"],
                f"AFCA 12-26-{30880 + i}",
                "Dear Case Manager,\n\nPlease find our response attached." + R.signature(6),
                attachments=[("response.pdf", "application/pdf", att)],
            ),
            "everyday/afca-response",
            f"response to AFCA on {m.cid}'s complaint",
        )

    for i in k.times(5):
        m = members[(i * 13 + 5) % len(members)]
        html = (
            f"<html><body><h2>Scam alert</h2><p>Hi {m.given},</p><p>Scammers are calling members pretending to "
            f"be from {W.SHORT}. We will never ask for your password or a one-time code. If in doubt, hang up "
            f"and call {W.PHONE}.</p><p>{W.ORG}, {W.HEAD_OFFICE}</p></body></html>"
        )
        add(
            "eml",
            R.eml(
                f"e11{i}",
                "news@" + W.DOMAIN,
                [m.email],
                "Scam alert: fake bank calls",
                f"Hi {m.given}, scammers are calling members. Never share a one-time code.",
                html=html,
            ),
            "everyday/scam-newsletter",
            f"scam warning to {m.cid}",
        )

    for i in k.times(5):
        m = members[(i * 17 + 7) % len(members)]
        if m.kind == "victim":
            m = singles[i]
        cal = R.ics(
            f"agm2026-{i}",
            "Coral Coast Mutual AGM 2026",
            W.HEAD_OFFICE,
            "20261028T173000",
            "Annual General Meeting of members. Bring your member card.",
            m.email,
        )
        add(
            "eml",
            R.eml(
                f"e12{i}",
                "events@" + W.DOMAIN,
                [m.email],
                "Invitation: Annual General Meeting",
                f"Dear {m.given},\n\nYou are invited to our AGM on 28 October." + R.signature(7),
                attachments=[("invite.ics", "text/calendar", cal)],
            ),
            "everyday/agm-invitation",
            f"AGM invitation to {m.cid}",
        )

    for i in k.times(6):  # the member's own suburb in the closure letter; the branch addresses are ours
        m = singles[(i * 19 + 6) % len(singles)]
        add("docx", R.docx(C.closure(m, C.block(m, i))), "everyday/branch-closure", f"branch closure letter to {m.cid}")
    for i, v in zip(k.times(2), reg.victims[:4], strict=False):
        # to the former partner of a member now living in a branch town
        ex = reg.by_id[v.joint[0]]
        add(
            "docx",
            R.docx(C.closure(ex, C.block(ex, i))),
            "everyday/branch-closure",
            f"branch closure letter to {ex.cid}; branch towns appear only as our branch addresses",
        )

    brok = [m for m in members if m.broker >= 0 and m.kind == "couple"]
    for i in k.times(5):
        m = brok[i % len(brok)]
        firm, person, mail = W.BROKERS[m.broker]
        att = R.report_pdf(
            "Loan offer",
            [
                f"Borrowers: {m.name}",
                f"Loan {C.spaced(m.home_loan)}",
                f"Security: {m.address}",
                f"Date of birth: {m.dob_au}",
            ],
        )
        add(
            "eml",
            R.eml(
                f"e14{i}",
                W.STAFF[3][1],
                [mail],
                f"Loan offer - {m.family}",
                f"Hi {person.split()[0]},\n\nLoan offer attached for your client." + R.signature(3),
                attachments=[("offer.pdf", "application/pdf", att)],
            ),
            "everyday/broker-loan-documents",
            f"loan offer for {m.cid} to the broker on file",
        )

    elders = [m for m in members if m.kind == "elder"]
    for i in k.times(4):  # statement sent to the attorney, a member herself
        e = elders[i % 7]
        att = reg.by_id[e.attorney]
        lt = C.statement(rng, C.block(att, i), [e], e.savings)
        lt.refs.append(("Attorney", att.name))
        add("pdf", R.pdf([lt]), "everyday/attorney-statement", f"{e.cid}'s statement to attorney {att.cid}")
    for i in k.times(2):
        e = elders[7 + i % 3]
        body = (
            f"Dear Hallorans,\n\nAs attorney for {e.name} (born {e.dob_au}), please find the balance of "
            f"account {e.savings}: $48,220.15.{R.signature(4)}"
        )
        add(
            "eml",
            R.eml(f"e16{i}", W.MEMBERS_MAILBOX, [W.POA_SOLICITOR[1]], f"{e.family} - balances", body),
            "everyday/attorney-solicitor",
            f"balance of {e.cid} to the solicitor attorney on file",
        )

    guar = [m for m in members if m.kind == "borrower"]
    for i in k.times(2):
        b = guar[(i + 7) % len(guar)]
        g = reg.by_id[b.guaranteed_by]
        add(
            "pdf",
            R.pdf([C.default_notice(b, C.block(g, i), b.personal_loan, guarantor=g)]),
            "everyday/guarantor-copy",
            f"guarantor {g.cid} receives the default notice copy on {b.cid}'s loan",
        )

    for i in k.times(4):
        m = singles[(i * 23 + 8) % len(singles)]
        body = (
            f"Callum,\n\n{m.name} ({m.member_no}, DOB {m.dob_au}) came in about a top-up. Mobile {m.phone}. "
            f"Can you call them?" + R.signature(7, 3)
        )
        add(
            "eml",
            R.eml(f"e17{i}", W.STAFF[7][1], [W.STAFF[3][1]], "Lead - top-up", body),
            "everyday/internal-referral",
            f"internal referral about {m.cid}",
        )

    for i in k.times(5):  # the bank's reply quoting the member's own message
        m = singles[(i * 29 + 9) % len(singles)]
        body = (
            f"Hi {m.given},\n\nYes, the fee on account {m.savings} has been reversed.{R.signature(4, i % 8)}\n"
            f"On 13 March 2026, {m.name} <{m.email}> wrote:\n> Hi, I was charged twice on {m.savings}. I live at "
            f"{m.line1}, {m.suburb}, my mobile is {m.phone}.\n"
        )
        add(
            "eml",
            R.eml(
                f"e18{i}",
                W.MEMBERS_MAILBOX,
                [m.email],
                "Re: double charge",
                body,
                in_reply_to=f"<m{i}@{W.MAIL_PROVIDERS[0]}>",
            ),
            "threads/member-reply",
            f"reply to {m.cid} quoting own message",
        )

    for i in k.times(5):
        m = loans[(i * 5 + 2) % len(loans)]
        loan = m.home_loan or m.personal_loan
        add(
            "pdf",
            R.pdf([C.arrears(m, C.block(m, i), loan, branch=i % 8)]),
            "everyday/arrears-letter",
            f"arrears letter to {m.cid}",
        )

    for i in k.times(5):
        a = couples[(i * 2 + 1) % len(couples)]
        b = reg.by_id[a.joint[0]]
        lt = C.statement(rng, C.joint_block(a, b), [a, b], a.joint_acct)
        body = f"Dear {a.given},\n\nYour joint account statement is attached." + R.signature(4)
        add(
            "eml",
            R.eml(
                f"e20{i}",
                W.NOREPLY,
                [a.email],
                "Your statement",
                body,
                attachments=[("statement.pdf", "application/pdf", R.pdf([lt]))],
            ),
            "everyday/joint-statement-email",
            f"joint statement of {a.cid} and {b.cid} emailed to {a.cid}",
        )

    acc = [m for m in members if m.accountant >= 0]
    for i in k.times(3):
        m = acc[(i + 5) % len(acc)]
        firm, mail = W.ACCOUNTANTS[m.accountant]
        table = ["Account,Interest 2024-25", f"{m.savings},412.08"] + (
            [f"{m.term_deposit},872.08"] if m.term_deposit else []
        )
        add(
            "eml",
            R.eml(
                f"e21{i}",
                W.MEMBERS_MAILBOX,
                [mail],
                f"Interest summary - {m.name}",
                f"Dear {firm},\n\nAs authorised by {m.name}, the interest summary is attached." + R.signature(4),
                attachments=[("interest.csv", "text/csv", "\n".join(table).encode())],
            ),
            "everyday/accountant-interest",
            f"interest summary of {m.cid} to the accountant on file",
        )

    for i in k.times(3):
        m = singles[(i * 31 + 10) % len(singles)]
        lt = Letter(
            to=C.block(m, i),
            subject="Welcome to Coral Coast Mutual",
            salutation=f"Dear {m.given}",
            paras=[
                f"Welcome! Your member number is {m.member_no} and your Everyday Access account is "
                f"{C.spaced(m.savings)}. Your nearest branch is {W.BRANCHES[i % 8][0]}, "
                f"{W.BRANCHES[i % 8][1]}."
            ],
            branch=i % 8,
        )
        add("html", R.html_letter(lt), "everyday/welcome-letter", f"welcome letter to {m.cid}")
