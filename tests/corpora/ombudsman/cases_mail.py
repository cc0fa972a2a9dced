"""Incidents in email, each written beside its legitimate twin."""

from __future__ import annotations

import copy
import csv
import html
import io

from tests.corpora.ombudsman.corpus import Corpus
from tests.corpora.ombudsman.formats import CSV_MIME, PDF_MIME, Mail, letters_pdf, pages_pdf
from tests.corpora.ombudsman.people import FV_STAFF, NON_MEMBERS, ORG_NAME, ORG_PHONE, Client, Member
from tests.corpora.ombudsman.texts import ack_letter, ack_mail, case_summary, issue, referral_mail, staff_sig

MISMATCH = ["mismatched_recipient", "mixed_client_documents"]


def _two(cx: Corpus) -> tuple[Client, Client]:
    a, b = cx.rng.sample(cx.reg.ordinary, 2)
    return a, b


def _pair(
    cx: Corpus,
    cat: str,
    bad: Mail,
    good: Mail,
    bad_note: str,
    good_note: str,
    rules: list[str],
    suppressed: bool = False,
) -> None:
    i = cx.mail(cat, bad, bad_note, rules, suppressed)
    t = cx.mail(cat, good, good_note)
    cx.twin(i, t)


def non_member_referral(cx: Corpus) -> None:
    """A referral addressed to a company that is not on the approved list (a look-alike or a non-member)."""
    c = cx.rng.choice(cx.reg.ordinary)
    _, detail = issue(cx)
    good = referral_mail(cx, c, c.member, detail)
    bad = copy.deepcopy(good)
    nm: Member = cx.rng.choice(NON_MEMBERS)
    bad.to = [nm.referrals]
    _pair(
        cx,
        "headers-links/non-member-domain",
        bad,
        good,
        f"referral of {c.cid} sent to a domain not approved",
        f"referral of {c.cid} to its member",
        ["mismatched_recipient"],
    )


def referral_wrong_account(cx: Corpus) -> None:
    """A referral to the right member for A, but the account number pasted from B's referral."""
    a = cx.rng.choice(cx.reg.ordinary)
    b = cx.rng.choice([x for x in cx.reg.ordinary if x.member == a.member and x is not a] or cx.reg.ordinary)
    _, detail = issue(cx)
    good = referral_mail(cx, a, a.member, detail)
    bad = copy.deepcopy(good)
    bad.text = good.text.replace(f"Account: {a.account_spaced()}", f"Account: {b.account_spaced()}")
    assert bad.text != good.text
    _pair(
        cx,
        "identifiers-dates/referral-pasted-account",
        bad,
        good,
        f"referral of {a.cid} carries account of {b.cid}",
        f"referral of {a.cid} with its own account",
        ["mixed_client_documents"],
    )


def autocomplete(cx: Corpus) -> None:
    """The acknowledgement to A goes to B's address (autocomplete; namesakes are the usual victims)."""
    if cx.rng.random() < 0.5:
        a, b = cx.rng.choice(cx.reg.namesakes)
    else:
        a, b = _two(cx)
    topic, _ = issue(cx)
    good = ack_mail(cx, a, topic)
    bad = copy.deepcopy(good)
    bad.to = [f"{b.name} <{b.email}>"]
    good.to = [f"{a.name} <{a.email}>"]
    _pair(
        cx,
        "headers-links/autocomplete",
        bad,
        good,
        f"email about {a.cid} sent to address of {b.cid}",
        f"email about {a.cid} to its own address",
        ["mismatched_recipient"],
    )


def wrong_attachment(cx: Corpus) -> None:
    a, b = _two(cx)
    topic, _ = issue(cx)
    name, sender = cx.sender()
    text = f"Dear {a.given.split()[0]},\n\nPlease find attached our letter about your complaint.\n\n{staff_sig(name)}\n"
    good = Mail(
        sender,
        [a.email],
        f"Your complaint {a.complaint_no}",
        text,
        when=cx.when(),
        attachments=[(f"letter-{a.case_ref.replace('/', '-')}.pdf", PDF_MIME, letters_pdf([ack_letter(cx, a, topic)]))],
    )
    bad = copy.deepcopy(good)
    bad.attachments = [
        (f"letter-{b.case_ref.replace('/', '-')}.pdf", PDF_MIME, letters_pdf([ack_letter(cx, b, topic)]))
    ]
    _pair(
        cx,
        "mime-parts/wrong-attachment",
        bad,
        good,
        f"email to {a.cid} attaches letter to {b.cid}",
        f"email to {a.cid} attaches own letter",
        ["mismatched_recipient", "mixed_client_documents"],
    )


def fv_referral(cx: Corpus) -> None:
    """The member company receives the victim's new address or phone in a referral."""
    her, _ = cx.rng.choice(cx.reg.fv)
    _, detail = issue(cx)
    good = referral_mail(cx, her, her.member, detail, show_contact=False)
    bad = referral_mail(cx, her, her.member, detail, show_contact=True)
    bad.when = good.when
    _pair(
        cx,
        "suppressed-loose/referral-to-member",
        bad,
        good,
        f"referral shows suppressed address and phone of {her.cid} to member company",
        f"referral of {her.cid} with contact details withheld",
        ["suppressed_detail_exposed"],
        True,
    )


def fv_callback(cx: Corpus) -> None:
    """Asking the member to call the victim on her suppressed number."""
    her, _ = cx.rng.choice(cx.reg.fv)
    name, sender = cx.sender()
    base = (
        f"Hi,\n\nRe complaint {her.complaint_no} (account {her.account_spaced()}): the customer has agreed to "
        "a conciliation call. {how}\n\n" + staff_sig(name) + "\n"
    )
    good = Mail(
        sender,
        [f"complaints@{her.member.domain}"],
        f"Conciliation call {her.complaint_no}",
        base.format(how=f"Please call our office on {ORG_PHONE} and we will join her to the call."),
        when=cx.when(),
    )
    bad = copy.deepcopy(good)
    bad.text = base.format(how=f"Please call her directly on {her.phone} after 2pm.")
    _pair(
        cx,
        "suppressed-loose/phone-to-member",
        bad,
        good,
        f"member asked to call suppressed phone of {her.cid}",
        f"member asked to call via the office for {her.cid}",
        ["suppressed_detail_exposed"],
        True,
    )


def fv_internal(cx: Corpus) -> None:
    """An internal note with the suppressed address, to staff who are not on the FV list (default quarantine)."""
    her, _ = cx.rng.choice(cx.reg.fv)
    name, sender = cx.sender(fv=True)
    text = (
        f"Hi,\n\nFor the file {her.case_ref}: {her.formal} has moved to {her.address.one_line()}. "
        f"Do not disclose.\n\n{name}\n"
    )
    fv_to = cx.rng.choice([x for x in FV_STAFF if not sender.endswith(f"<{x}>")])
    _, other_to, _ = cx.non_fv_staff()
    good = Mail(sender, [fv_to], f"Address update {her.case_ref}", text, when=cx.when())
    bad = copy.deepcopy(good)
    bad.to = [other_to]
    _pair(
        cx,
        "suppressed-loose/internal-non-listed",
        bad,
        good,
        f"suppressed address of {her.cid} to internal staff not on the list",
        f"suppressed address of {her.cid} to listed FV staff",
        ["suppressed_detail_exposed"],
        True,
    )


def fv_cc_joint_holder(cx: Corpus) -> None:
    """The outcome goes to both joint holders in one email: her suppressed email address shows to him."""
    her, ex = cx.rng.choice([p for p in cx.reg.fv if "email" in p[0].suppressed])
    name, sender = cx.sender()
    text = (
        f"Dear account holders,\n\nThe complaint about account {ex.account_spaced()} has been resolved: "
        f"{ex.member.name} will credit $220.00 to the account.\n\n{staff_sig(name)}\n"
    )
    good = Mail(sender, [ex.email], f"Outcome - account {ex.account_spaced()}", text, when=cx.when())
    bad = copy.deepcopy(good)
    bad.cc = [her.email]
    _pair(
        cx,
        "headers-links/cc-joint-holder",
        bad,
        good,
        f"suppressed email of {her.cid} copied next to joint holder {ex.cid}",
        f"outcome to joint holder {ex.cid} alone",
        ["suppressed_detail_exposed"],
        True,
    )


def rep_other_client(cx: Corpus) -> None:
    """The financial counsellor of A receives an update about B."""
    a = cx.rng.choice(cx.reg.represented)
    b = cx.rng.choice(cx.reg.ordinary)
    rname, _, rmail = a.rep or ("", "", "")
    name, sender = cx.sender()

    def text(c: Client) -> str:
        return (
            f"Dear {rname.split()[0]},\n\nUpdate on complaint {c.complaint_no} ({c.formal}): {c.member.name} "
            f"has agreed to a hold on account {c.account_spaced()} until the end of the month.\n\n"
            f"{staff_sig(name)}\n"
        )

    good = Mail(sender, [rmail], f"Update {a.complaint_no}", text(a), when=cx.when())
    bad = copy.deepcopy(good)
    bad.subject, bad.text = f"Update {b.complaint_no}", text(b)
    _pair(
        cx,
        "relationships/representative-other-client",
        bad,
        good,
        f"representative of {a.cid} receives update about {b.cid}",
        f"representative of {a.cid} gets own update",
        ["mismatched_recipient"],
    )


def child_of_other(cx: Corpus) -> None:
    """The adult child authorised for one parent receives another complainant's letter."""
    parent, child = cx.rng.choice(cx.reg.children)
    other = cx.rng.choice(cx.reg.ordinary)
    name, sender = cx.sender()

    def text(c: Client) -> str:
        return (
            f"Dear {child.given.split()[0]},\n\nAs requested, the status of complaint {c.complaint_no}: "
            f"{c.member.name} has credited account {c.account_spaced()}.\n\n{staff_sig(name)}\n"
        )

    good = Mail(sender, [child.email], f"Complaint {parent.complaint_no}", text(parent), when=cx.when())
    bad = copy.deepcopy(good)
    bad.subject, bad.text = f"Complaint {other.complaint_no}", text(other)
    _pair(
        cx,
        "relationships/authorised-child",
        bad,
        good,
        f"authorised contact of {parent.cid} gets {other.cid}",
        f"authorised contact {child.cid} gets update on {parent.cid}",
        ["mismatched_recipient"],
    )


def _case_rows(cs: list[Client]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Case Number", "File Ref", "Contact Full Name", "Mailing Address", "Account Number", "Status"])
    for c in cs:
        w.writerow([c.complaint_no, c.case_ref, c.name, c.address.one_line(), c.account, "Open - referred"])
    return buf.getvalue().encode("utf-8")


def case_list_to_complainant(cx: Corpus) -> None:
    """A reply to one complainant with the whole open-case list attached."""
    c = cx.rng.choice(cx.reg.ordinary)
    many = [c, *cx.rng.sample([x for x in cx.reg.ordinary if x is not c], 24)]
    topic, detail = issue(cx)
    name, sender = cx.sender()
    text = (
        f"Dear {c.given.split()[0]},\n\nAs requested, attached is a summary of your complaint about {topic}.\n\n"
        f"{staff_sig(name)}\n"
    )
    good = Mail(
        sender,
        [c.email],
        f"RE: my complaint {c.complaint_no}",
        text,
        when=cx.when(),
        attachments=[("complaint-summary.pdf", PDF_MIME, pages_pdf([case_summary(c, detail)]))],
    )
    bad = copy.deepcopy(good)
    bad.attachments = [("open-cases-export.csv", CSV_MIME, _case_rows(many))]
    _pair(
        cx,
        "bulk/case-list-to-complainant",
        bad,
        good,
        f"reply to {c.cid} attaches 25-case export",
        f"reply to {c.cid} attaches own summary",
        ["bulk_client_data", "mismatched_recipient", "mixed_client_documents"],
    )


def member_case_list(cx: Corpus) -> None:
    """Monthly case list to a member: records of many complainants leave by email (DESIGN: bulk applies even to
    approved third parties); the twin tells the member the list is in the secure portal."""
    m = cx.rng.choice([x.member for x in cx.reg.ordinary])
    mine = [c for c in cx.reg.clients if c.member == m and not c.suppressed][:20]
    name, sender = cx.sender()
    good = Mail(
        sender,
        [f"complaints@{m.domain}"],
        "Monthly open-case list - April 2026",
        f"Hello,\n\nYour April case list ({len(mine)} open complaints) is ready in the Member Portal under "
        f"Reports > Monthly.\n\n{staff_sig(name)}\n",
        when=cx.when(),
    )
    bad = copy.deepcopy(good)
    bad.text = f"Hello,\n\nAttached is your April case list ({len(mine)} open complaints).\n\n{staff_sig(name)}\n"
    bad.attachments = [("April-case-list.csv", CSV_MIME, _case_rows(mine))]
    _pair(
        cx,
        "bulk/member-case-list",
        bad,
        good,
        f"{len(mine)} complainants' records of one member by email",
        "portal notice with counts only",
        ["bulk_client_data", "mixed_client_documents"],
    )


def luhn_ok(n: str) -> bool:
    s = 0
    for i, ch in enumerate(reversed(n)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        s += d
    return s % 10 == 0


def card(cx: Corpus) -> str:
    while True:
        n = "4" + "".join(str(cx.rng.randint(0, 9)) for _ in range(15))
        if luhn_ok(n):
            return " ".join(n[i : i + 4] for i in range(0, 16, 4))


def medicare(cx: Corpus) -> str:
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    d = [cx.rng.randint(2, 6)] + [cx.rng.randint(0, 9) for _ in range(7)]
    check = sum(a * b for a, b in zip(d, w, strict=True)) % 10
    s = "".join(map(str, d)) + str(check) + str(cx.rng.randint(1, 9))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def tfn(cx: Corpus) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [cx.rng.randint(0, 9) for _ in range(9)]
        if d[0] and sum(a * b for a, b in zip(d, w, strict=True)) % 11 == 0:
            s = "".join(map(str, d))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def sensitive(cx: Corpus) -> None:
    c = cx.rng.choice(cx.reg.ordinary)
    kind = cx.rng.choice(["Medicare", "TFN", "card"])
    if kind == "Medicare":
        full = medicare(cx)
        masked = "ending " + full[-6:].replace(" ", "")[-3:]
        line = "Concession check: Medicare card {v} sighted by our officer."
    elif kind == "TFN":
        full = tfn(cx)
        masked = "(not recorded)"
        line = "Centrelink income statement provided; tax file number {v}."
    else:
        full = card(cx)
        masked = "ending " + full[-4:]
        line = "The customer paid the reconnection fee by card {v}."
    _, detail = issue(cx)
    bad = referral_mail(cx, c, c.member, detail, extra=line.format(v=full) + "\n")
    good = copy.deepcopy(bad)
    good.text = bad.text.replace(full, masked)
    _pair(
        cx,
        "identifiers-dates/government-or-card-number",
        bad,
        good,
        f"referral of {c.cid} quotes full {kind}",
        f"referral of {c.cid} with {kind} masked",
        ["sensitive_identifier"],
    )


def thread_other_client(cx: Corpus) -> None:
    """An internal thread forwarded to the complainant still quotes a colleague's note about another case."""
    a, b = _two(cx)
    n1, s1 = cx.sender()
    n2, _ = cx.sender()
    head = (
        f"Dear {a.given.split()[0]},\n\nPlease see below the update from our case team on {a.complaint_no}.\n\n"
        f"{n1}\n\n-----Original Message-----\nFrom: {n2}\nSent: {cx.date_text()}\n"
        f"Subject: {a.complaint_no}\n\n{a.member.name} will credit account {a.account_spaced()} this week.\n"
    )
    extra = (
        f"\n-----Original Message-----\nFrom: {n1}\nSubject: similar case\n\nSame problem as "
        f"{b.complaint_no} ({b.formal}, account {b.account_spaced()}, {b.address.one_line()}).\n"
    )
    good = Mail(s1, [a.email], f"FW: {a.complaint_no}", head, when=cx.when())
    bad = copy.deepcopy(good)
    bad.text = head + extra
    _pair(
        cx,
        "threads/internal-forwarded",
        bad,
        good,
        f"thread to {a.cid} quotes case of {b.cid}",
        f"thread to {a.cid}, trimmed",
        MISMATCH,
    )


def html_hidden(cx: Corpus) -> None:
    """An HTML template whose hidden preheader still carries the previous send's reference."""
    a, b = _two(cx)
    topic, _ = issue(cx)

    def build(pre: Client) -> Mail:
        m = ack_mail(cx, a, topic)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in m.text.split("\n\n"))
        m.html = (
            f'<html><body><div style="display:none;max-height:0">Complaint {pre.complaint_no} - '
            f"account {pre.account_spaced()}</div><h2>{ORG_NAME}</h2>{body}</body></html>"
        )
        return m

    good = build(a)
    bad = copy.deepcopy(good)
    bad.html = build(b).html
    _pair(
        cx,
        "html-mail/hidden-preheader",
        bad,
        good,
        f"HTML to {a.cid} hides reference of {b.cid}",
        f"HTML to {a.cid} with own preheader",
        MISMATCH,
    )


def encrypted_attachment(cx: Corpus) -> None:
    c = cx.rng.choice(cx.reg.ordinary)
    topic, _ = issue(cx)
    name, sender = cx.sender()
    letter = ack_letter(cx, c, topic)
    good = Mail(
        sender,
        [f"complaints@{c.member.domain}"],
        f"Documents {c.complaint_no}",
        f"Attached as discussed.\n\n{staff_sig(name)}\n",
        when=cx.when(),
        attachments=[(f"{c.complaint_no}.pdf", PDF_MIME, letters_pdf([letter]))],
    )
    bad = copy.deepcopy(good)
    bad.text = f"Attached as discussed. Password sent separately.\n\n{staff_sig(name)}\n"
    bad.attachments = [(f"{c.complaint_no}.pdf", PDF_MIME, letters_pdf([letter], password="Ewo#" + c.case_ref[-4:]))]
    _pair(
        cx,
        "unscannable/encrypted-attachment",
        bad,
        good,
        f"encrypted PDF about {c.cid} to its member",
        f"readable PDF about {c.cid} to its member",
        ["unscannable_content"],
    )


def build(cx: Corpus) -> None:
    for fn, n in [
        (non_member_referral, 3),
        (autocomplete, 5),
        (referral_wrong_account, 3),
        (wrong_attachment, 4),
        (fv_referral, 4),
        (fv_callback, 3),
        (fv_internal, 3),
        (fv_cc_joint_holder, 2),
        (rep_other_client, 3),
        (child_of_other, 2),
        (case_list_to_complainant, 2),
        (member_case_list, 2),
        (sensitive, 6),
        (thread_other_client, 3),
        (html_hidden, 3),
        (encrypted_attachment, 3),
    ]:
        for _ in range(cx.times(n)):
            fn(cx)
