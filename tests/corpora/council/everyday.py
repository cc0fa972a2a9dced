# ruff: noqa: B007
"""Area everyday: ordinary legitimate council mail of all kinds (all expect allow)."""

from __future__ import annotations

from . import content as ct
from .corpus import AGENCY, SRO, STAFF, VG, WORKS, Corpus, addr_to, has_email, plain
from .formats import pdf_bytes

CAT = "everyday/"


def everyday(k: Corpus, scale: float = 1.0) -> None:
    r = k.r
    reps = max(2, int(4 * scale))
    # letters of each kind, in every format and layout
    makers = [
        ("rates-notice", ct.rates_notice, "rates"),
        ("rates-reminder", ct.rates_reminder, "rates"),
        ("parking-infringement", ct.parking_notice, "parking"),
        ("animal-renewal", ct.animal_renewal, "animal"),
        ("homecare-schedule", ct.homecare_letter, "homecare"),
    ]
    for var, fn, need in makers:
        for i in range(reps):
            c = k.pick(lambda c, need=need: need in c.refs and not c.suppressed)
            layout = ("window", "right", "table", "window")[i % 4]
            fmt = ("pdf", "rtf", "docx", "txt", "html")[(i + len(var)) % 5]
            if layout == "table":
                fmt = "docx"
            k.letter(fn(c, r, k.style(), layout=layout), fmt, CAT + var, note=f"{need} letter to {c.cid}")
    # joint owners on one notice, estates
    for c in [c for c in k.reg.clients if c.joint and not c.suppressed][:3]:
        j = k.reg.by_id[c.joint[0]]
        if j.suppressed:
            continue
        k.letter(
            ct.rates_notice(c, r, k.style(), joint=j),
            k.fmt(),
            CAT + "joint-owners",
            note=f"joint notice to {c.cid} and {j.cid}",
        )
    c = k.pick(lambda c: plain(c) and "rates" in c.refs)
    L = ct.rates_notice(c, r, 0)
    L.address = [
        f"Estate of the late {c.given} {c.family}",
        "C/- Halloran & Wirth Lawyers",
        "PO Box 310",
        "WIRRABARA VIC 3691",
    ]
    k.letter(L, "pdf", CAT + "estate", note=f"estate of {c.cid} care of solicitors")
    # planning notices to neighbours naming only the application site
    done = 0
    for site_owner in k.reg.clients:
        if done >= max(6, int(12 * scale)) or site_owner.addr.kind != "street" or site_owner.suppressed:
            continue
        nbrs = k.reg.neighbours(site_owner)
        if len(nbrs) < 2:
            continue
        for nb in nbrs[:2]:
            rec = ct.owner_occupier(nb.addr, done) if done % 3 == 0 else ct.block(nb, done)
            L = ct.planning_notice(rec, site_owner.addr, r, layout=("window", "right", "table")[done % 3])
            fmt = ("pdf", "docx", "rtf", "txt")[done % 4]
            if done % 3 == 2:
                fmt = "docx"
            k.letter(
                L,
                fmt,
                CAT + "planning-neighbour-notice",
                note=f"notice to neighbour {nb.cid} about an application at {site_owner.cid}'s property",
            )
            done += 1
    # emails: replies to ratepayers, approved third parties, internal mail
    for i in range(reps + 2):
        c = k.pick(lambda c: has_email(c) and "rates" in c.refs and not c.suppressed)
        t = (
            f"Dear {c.given},\n\nThank you for your payment of $418.00 towards assessment {c.ref('rates')}, "
            f"received 27 February 2026. Your balance is now $0.00.\n\nKind regards\nRevenue Services\n"
        )
        k.mail(
            STAFF["rates"],
            addr_to(c),
            "Payment received",
            t,
            CAT + "payment-receipt",
            cte=("", "quoted-printable", "base64")[i % 3],
            note=f"receipt to {c.cid}",
        )
    for i in range(reps):
        c = k.pick(lambda c: "homecare" in c.refs and c.contacts and not c.suppressed)
        t = (
            f"Hi,\n\nJust confirming {c.given}'s meals on wheels will pause over Easter (3-6 April) and resume "
            f"Tuesday 7 April. Client no. {c.ref('homecare')}.\n\nAged and Disability Services\n"
        )
        k.mail(
            STAFF["homecare"],
            c.contacts[0],
            "Meals on wheels over Easter",
            t,
            CAT + "homecare-representative",
            note=f"to authorised contact of {c.cid}",
        )
    for i in range(reps):
        c = k.pick(lambda c: plain(c) and "rates" in c.refs)
        t = (
            f"Referral WSC-DR-{500 + i}\nDebtor: {c.title} {c.given} {c.family}\nAssessment: {c.ref('rates')}\n"
            f"Postal address: {c.addr.one_line()}\nArrears: $1,96{i}.20\nFinal notice issued 2 Feb 2026.\n"
        )
        k.mail(
            STAFF["rob"],
            AGENCY,
            f"Debt referral WSC-DR-{500 + i}",
            t,
            CAT + "debt-referral",
            note=f"referral of {c.cid} to approved agency",
        )
    for i in range(2):
        c = k.pick(lambda c: plain(c) and "rates" in c.refs)
        t = (
            f"Hello,\n\nPlease find the land tax query for assessment {c.ref('rates')} ({ct.prop(c.addr)}). "
            "The owner has asked whether the principal place of residence exemption applies.\n\nRevenue Services\n"
        )
        k.mail(STAFF["rates"], (SRO, VG)[i], "Assessment query", t, CAT + "state-agency", note=f"about {c.cid}")
    for i in range(reps):
        c = k.pick(lambda c: plain(c) and "rates" in c.refs)
        t = (
            f"Hi Ana,\n\nCan you check the waste charge on {c.ref('rates')}? {c.given} {c.family} says they have "
            f"only one bin at {c.addr.street_line(abbr=True)}.\n\nThanks\nKim\n"
        )
        k.mail(STAFF["kim"], STAFF["ana"], "Waste charge query", t, CAT + "internal", note=f"internal about {c.cid}")
    c = k.pick(plain)
    k.mail(
        STAFF["kim"],
        WORKS,
        "Pothole",
        f"Pothole outside {c.addr.one_line()} reported by a passer-by.\n",
        CAT + "internal",
        note="works request naming a property",
    )
    # newsletters, invitations, vCards of council staff, meeting notices
    news = (
        "<html><head><style>td{padding:6px}</style></head><body><table width='600'><tr><td><h1>Shire News</h1>"
        "<p>Budget 2026/27 consultation closes 30 April. Kooranga pool reopens 1 December.</p></td></tr>"
        "<tr><td><a href='https://wirrabara.vic.gov.example/news'>Read more</a></td></tr></table></body></html>"
    )
    for i in range(reps):
        c = k.pick(lambda c: has_email(c) and not c.suppressed)
        k.mail(
            STAFF["comms"],
            addr_to(c),
            "Shire News - Autumn 2026",
            "Shire News (HTML)\n",
            CAT + "newsletter",
            html_body=news,
            cte=("quoted-printable", "base64")[i % 2],
            note=f"newsletter to {c.cid}",
        )
    ics = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Wirrabara Shire//EN\r\nBEGIN:VEVENT\r\nUID:citizenship-2026"
        b"@wirrabara.vic.gov.example\r\nDTSTAMP:20260302T000000Z\r\nDTSTART:20260126T100000\r\nSUMMARY:Australia "
        b"Day citizenship ceremony\r\nLOCATION:Wirrabara Town Hall, 48 High Street, Wirrabara VIC 3691\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for i in range(reps):
        c = k.pick(lambda c: has_email(c) and not c.suppressed)
        k.mail(
            STAFF["comms"],
            addr_to(c),
            "Invitation: citizenship ceremony",
            f"Dear {c.given},\n\nYou are invited to the ceremony. The calendar entry is attached.\n",
            CAT + "event-invitation",
            attachments=[("ceremony.ics", ics)],
            note=f"invitation to {c.cid}",
        )
    vcf = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Tran\r\nORG:Wirrabara Shire Council\r\nTEL:(03) 5460 1200\r\n"
        b"EMAIL:k.tran@wirrabara.vic.gov.example\r\nADR;TYPE=work:;;48 High Street;Wirrabara;VIC;3691;Australia\r\n"
        b"END:VCARD\r\n"
    )
    for i in range(2):
        c = k.pick(lambda c: has_email(c) and not c.suppressed)
        k.mail(
            STAFF["kim"],
            addr_to(c),
            "My contact details",
            f"Hi {c.given}, my card is attached.\nKim\n",
            CAT + "staff-vcard",
            attachments=[("kim-tran.vcf", vcf)],
            note=f"staff vCard to {c.cid}",
        )
    for i in range(2):
        c = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs)
        k.mail(
            STAFF["rates"],
            addr_to(c),
            "Your rates notice",
            f"Dear {c.given},\n\nYour notice is attached.\n",
            CAT + "notice-attached",
            attachments=[("notice.pdf", pdf_bytes([ct.rates_notice(c, r, i)]))],
            note=f"own notice to {c.cid}",
        )
    # a parking fine to a driver from outside the shire, by email, and a hardship reply in RTF
    c = k.pick(lambda c: "parking" in c.refs and has_email(c) and not c.suppressed)
    k.mail(
        STAFF["locallaws"],
        addr_to(c),
        "Infringement review outcome",
        f"Dear {c.given},\n\nYour request for review of infringement {c.ref('parking')} has been accepted and the "
        "infringement withdrawn with an official warning.\n\nLocal Laws\n",
        CAT + "parking-review",
        note=f"review outcome to {c.cid}",
    )
