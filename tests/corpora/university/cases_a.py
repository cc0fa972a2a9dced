"""address-block, recipient-own-details, relationships."""

from __future__ import annotations

from tests.corpora.university import content as k
from tests.corpora.university import render as r
from tests.corpora.university import world as w
from tests.corpora.university.kit import Corpus
from tests.corpora.university.registry import Client

MR = ["mismatched_recipient"]
MRX = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed"]


def _ext(i: int) -> str:
    return k.EXTS[i % len(k.EXTS)]


def address_block(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    kinds = ["results", "fee_invoice", "misconduct", "special_consideration", "enrolment", "library_fine"]
    # 1. window envelope: the letter is about A, the address block is B (printed for the wrong person)
    for i in range(c.count(4)):
        a, b = c.pick(reg.plain(), 2)
        kind = kinds[i % len(kinds)]
        ext = _ext(i)
        c.pair(
            "address-block/window-envelope",
            ext,
            lambda _, a=a, b=b, kind=kind, ext=ext: r.render_letter(k.letter(kind, a, b.block(), rng), ext),
            lambda _, a=a, kind=kind, ext=ext: r.render_letter(k.letter(kind, a, a.block(), rng), ext),
            MR,
            f"{kind} letter about {a.cid} in an envelope addressed to {b.cid}",
            f"{kind} letter to {a.cid} at the registered address",
        )
    # 2. the right addressee, another student's number typed in the reference line
    for i in range(c.count(3)):
        a, b = c.pick(reg.plain(), 2)
        kind = kinds[(i + 2) % len(kinds)]
        ext = _ext(i + 1)

        def bad(_, a=a, b=b, kind=kind, ext=ext):
            L = k.letter(kind, a, a.block(title=True), rng, dear=f"Dear {a.title} {a.family},")
            L.refs[0] = f"Student number: {b.student_no}"
            return r.render_letter(L, ext)

        c.pair(
            "address-block/wrong-reference",
            ext,
            bad,
            lambda _, a=a, kind=kind, ext=ext: r.render_letter(
                k.letter(kind, a, a.block(title=True), rng, dear=f"Dear {a.title} {a.family},"), ext
            ),
            MRX,
            f"letter to {a.cid} carries the student number of {b.cid}",
            f"letter to {a.cid} with the student's own number",
        )
    # 3. a joint holder of a residence contract named at the suppressed student's new address
    supp = reg.students("suppressed", "supp-guarantor") + reg.students("suppressed", "supp-partner")
    for i, s in enumerate(c.pick(supp, min(len(supp), c.count(3)))):
        h = reg.joint_holders(s)[0]
        ext = ["pdf", "docx", "txt"][i % 3]
        bad_block = [h.name, s.street, f"{s.town.upper()} NSW {s.postcode}"]
        c.pair(
            "address-block/suppressed-delivery",
            ext,
            lambda _, s=s, h=h, bb=bad_block, ext=ext: r.render_letter(
                k.accommodation_letter(s, bb, f"Dear {h.given},", rng), ext
            ),
            lambda _, s=s, h=h, ext=ext: r.render_letter(
                k.accommodation_letter(s, h.block(), f"Dear {h.given},", rng), ext
            ),
            SUP,
            f"residence invoice for joint holder {h.cid} posted to the suppressed address of {s.cid}",
            f"the same invoice posted to {h.cid} at the holder's own address",
            suppressed=True,
        )
    # 4. namesakes: the right name at the other namesake's address
    seen: set[str] = set()
    pairs: list[tuple[Client, Client]] = []
    for a in reg.students("namesake"):
        other = next(t.split(":")[1] for t in a.tags if t.startswith("twin:"))
        if a.cid not in seen and other not in seen:
            seen |= {a.cid, other}
            pairs.append((a, reg.by_id[other]))
    for i, (a, b) in enumerate(pairs[: c.count(2)]):
        ext = ["pdf", "rtf"][i % 2]
        c.pair(
            "address-block/namesake",
            ext,
            lambda _, a=a, b=b, ext=ext: r.render_letter(k.letter("results", a, b.block(), rng), ext),
            lambda _, a=a, ext=ext: r.render_letter(k.letter("results", a, a.block(), rng), ext),
            MR,
            f"results of {a.cid} sent to the address of namesake {b.cid}",
            f"results of {a.cid} to the student's own address",
        )
    # 5. residents in hall: the room line of another resident
    hall = reg.students("inhall")
    for i in range(min(c.count(2), len(hall) // 2)):
        a, b = hall[2 * i], hall[2 * i + 1]
        c.pair(
            "address-block/residence-room",
            "pdf",
            lambda _, a=a, b=b: r.pdf_letter(k.letter("fee_invoice", a, b.block(), rng)),
            lambda _, a=a: r.pdf_letter(k.letter("fee_invoice", a, a.block(), rng)),
            MR,
            f"fee invoice of resident {a.cid} addressed to resident {b.cid}",
            f"fee invoice of resident {a.cid} to the resident's room",
        )


def _details_mail(iid: str, c: Corpus, s: Client, shown: Client, cc: list[str] | None = None, day: int = 0) -> bytes:
    text = (
        f"Dear {s.given},\n\nThank you for updating your details in MyUSR. We now hold:\n\n"
        f"  Postal address: {shown.address}\n  Mobile: {shown.phone}\n  Student number: {s.student_no}\n\n"
        "If any of these are wrong, reply to this email or call Student Central." + k.sig("central")
    )
    return r.eml(iid, k.office("central"), [k.to(s)], "Your contact details have been updated", text, cc=cc, day=day)


def recipient_own_details(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    # details confirmation carrying another student's address and phone
    for _ in range(c.count(3)):
        a, b = c.pick(reg.plain(), 2)
        c.pair(
            "recipient-own-details/details-confirmation",
            "eml",
            lambda iid, a=a, b=b: _details_mail(iid, c, a, b, day=c.next_day()),
            lambda iid, a=a: _details_mail(iid, c, a, a, day=c.next_day()),
            MRX,
            f"confirmation to {a.cid} lists the address and mobile of {b.cid}",
            f"confirmation to {a.cid} of the student's own details",
        )
    # a suppressed student's new details: to her alone, or copied to the contract's other holder
    supp = reg.students("suppressed", "supp-guarantor") + reg.students("suppressed", "supp-partner")
    for s in c.pick(supp, min(len(supp), c.count(3))):
        h = reg.joint_holders(s)[0]
        c.pair(
            "recipient-own-details/suppressed-own",
            "eml",
            lambda iid, s=s, h=h: _details_mail(iid, c, s, s, cc=[k.to(h)], day=c.next_day()),
            lambda iid, s=s: _details_mail(iid, c, s, s, day=c.next_day()),
            SUP,
            f"new details of {s.cid} confirmed to her and copied to joint holder {h.cid}",
            f"new details of {s.cid} confirmed to her alone",
            suppressed=True,
        )
    # a letter to the student with her details on file: another student's mobile pasted in
    for i in range(c.count(2)):
        a, b = c.pick(reg.plain(), 2)
        ext = ["docx", "txt"][i % 2]

        def mk1(_, a=a, shown=b, ext=ext):
            L = k.letter("enrolment", a, a.block(), rng)
            L.paras.append(f"Our records show your date of birth as {a.dob} and your mobile as {shown.phone}.")
            return r.render_letter(L, ext)

        c.pair(
            "recipient-own-details/letter-on-file",
            ext,
            mk1,
            lambda _, a=a, ext=ext: mk1(_, a, a, ext),
            MRX,
            f"enrolment letter to {a.cid} gives the mobile of {b.cid}",
            f"enrolment letter to {a.cid} with the student's own date of birth and mobile",
        )
    # a near-miss personal address (autocomplete) instead of the registered one
    pers = [s for s in reg.plain() if len(s.emails) > 1]
    for a in c.pick(pers, c.count(2)):
        wrong = a.emails[1].replace("@", "x@", 1)
        body = k.email_body("results", a, f"Dear {a.given},") + k.sig("exams")
        att = [k.letter_pdf_attachment("results", a, rng)]
        c.pair(
            "recipient-own-details/near-miss-address",
            "eml",
            lambda iid, a=a, body=body, att=att, wrong=wrong: r.eml(
                iid, k.office("exams"), [f"{a.name} <{wrong}>"], "Your results", body, attachments=att, day=c.next_day()
            ),
            lambda iid, a=a, body=body, att=att: r.eml(
                iid,
                k.office("exams"),
                [k.to(a, personal=True)],
                "Your results",
                body,
                attachments=att,
                day=c.next_day(),
            ),
            MR,
            f"results of {a.cid} to an unregistered look-alike mailbox",
            f"results of {a.cid} to the student's registered private mailbox",
        )


def relationships(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    # a parent: authorised while the student is under 18; not for an adult student
    u18 = reg.students("u18")
    for a in c.pick(reg.plain(), c.count(2)):
        p = c.pick(u18, 1)[0]
        parent = f"{a.family.lower()}.family{rng.randint(1, 9)}@{rng.choice(w.PROVIDERS)}"

        def mk2(iid, s, to_addr):
            body = (
                f"Dear Parent/Guardian,\n\nPlease find attached the {w.SEMESTER} results for "
                f"{s.given} {s.family} (student number {s.student_no})." + k.sig("exams")
            )
            return r.eml(
                iid,
                k.office("exams"),
                [to_addr],
                f"Results for {s.given}",
                body,
                attachments=[k.letter_pdf_attachment("results", s, rng)],
                day=c.next_day(),
            )

        c.pair(
            "relationships/parent",
            "eml",
            lambda iid, a=a, parent=parent: mk2(iid, a, parent),
            lambda iid, p=p: mk2(iid, p, p.parent_email),
            MR,
            f"results of adult student {a.cid} to a parent mailbox the student never authorised",
            f"results of under-18 student {p.cid} to the authorised parent",
        )
    # a guarantor parent: the residence invoice (the joint contract) yes, the student's results no
    res = [s for s in reg.students("resident") if "suppressed" not in s.tags]
    for s in c.pick(res, c.count(2)):
        g = reg.joint_holders(s)[0]
        res_body = f"Dear {g.given},\n\nThe residence invoice for contract {s.contract} is attached." + k.sig("central")
        res_att = [
            (
                "residence-invoice.pdf",
                "application/pdf",
                r.pdf_letter(k.accommodation_letter(s, g.block(), f"Dear {g.given},", rng)),
            )
        ]
        bad_body = (
            f"Dear {g.given},\n\nAs requested, {s.given}'s results (student number {s.student_no}) are attached."
            + k.sig("exams")
        )
        c.pair(
            "relationships/guarantor",
            "eml",
            lambda iid, s=s, g=g, b=bad_body: r.eml(
                iid,
                k.office("exams"),
                [k.to(g)],
                "Results",
                b,
                attachments=[k.letter_pdf_attachment("results", s, rng)],
                day=c.next_day(),
            ),
            lambda iid, g=g, b=res_body, att=res_att: r.eml(
                iid, k.office("res"), [k.to(g)], "Residence invoice", b, attachments=att, day=c.next_day()
            ),
            MR,
            f"results of {s.cid} to guarantor {g.cid}, who holds only the residence contract",
            f"residence invoice of joint contract to guarantor {g.cid}",
        )
    # sponsors receive their own scholars' results only
    for i in range(c.count(2)):
        sp = w.SPONSORS[i % len(w.SPONSORS)]
        own = [s for s in reg.students("sponsored") if s.sponsor == sp]
        other = [s for s in reg.students("sponsored") if s.sponsor != sp]
        a, b = c.pick(own, 1)[0], c.pick(other, 1)[0]

        def mk3(iid, s, sp=sp):
            body = (
                f"Dear {sp[0]} scholarships team,\n\nPlease find attached the {w.SEMESTER} "
                f"results for your scholar {s.given} {s.family} ({s.schol})." + k.sig("schol")
            )
            return r.eml(
                iid,
                k.office("schol"),
                [sp[1]],
                f"Scholar results {s.schol}",
                body,
                attachments=[k.transcript(s, rng)],
                day=c.next_day(),
            )

        c.pair(
            "relationships/sponsor",
            "eml",
            lambda iid, b=b: mk3(iid, b),
            lambda iid, a=a: mk3(iid, a),
            MR,
            f"transcript of {b.cid} to a sponsor that does not fund that student",
            f"transcript of scholar {a.cid} to the student's own sponsor",
        )
    # education agents
    intl = reg.students("intl")
    for _ in range(c.count(2)):
        a = c.pick(intl, 1)[0]
        b = c.pick([s for s in intl if s.agent != a.agent], 1)[0]

        def mk4(iid, s, agent):
            body = (
                f"Dear {agent[0]},\n\nPlease find attached the offer letter for your student "
                f"{s.given} {s.family}, student number {s.student_no}." + k.sig("admissions")
            )
            return r.eml(
                iid,
                k.office("intl"),
                [agent[1]],
                f"Offer - {s.family}",
                body,
                attachments=[k.letter_pdf_attachment("offer", s, rng)],
                day=c.next_day(),
            )

        c.pair(
            "relationships/agent",
            "eml",
            lambda iid, b=b, ag=a.agent: mk4(iid, b, ag),
            lambda iid, a=a: mk4(iid, a, a.agent),
            MR,
            f"offer of {b.cid} sent to the agent of {a.cid}",
            f"offer of {a.cid} to the student's own agent",
        )
    # disability support provider
    dis = reg.students("disability")
    for _ in range(c.count(1)):
        a = c.pick(dis, 1)[0]
        b = c.pick([s for s in dis if s.provider != a.provider] or reg.plain(), 1)[0]

        def mk5(iid, s, prov):
            body = (
                f"Hello,\n\nAttached is the {w.SEMESTER} learning access plan for {s.given} "
                f"{s.family} ({s.student_no}): "
                "extra time in examinations (25%), a separate room, and lecture recordings." + k.sig("access")
            )
            return r.eml(iid, k.office("access"), [prov[1]], "Learning access plan", body, day=c.next_day())

        c.pair(
            "relationships/disability-provider",
            "eml",
            lambda iid, b=b, p=a.provider: mk5(iid, b, p),
            lambda iid, a=a: mk5(iid, a, a.provider),
            MR,
            f"access plan of {b.cid} to the provider of {a.cid}",
            f"access plan of {a.cid} to the student's own provider",
        )
    # the joint holder of a contract learns the suppressed student's new address or phone
    supp = reg.students("suppressed", "supp-guarantor") + reg.students("suppressed", "supp-partner")
    for i, s in enumerate(c.pick(supp, min(len(supp), c.count(3)))):
        h = reg.joint_holders(s)[0]
        leak = (
            f"{s.given}'s new address for correspondence is {s.address}."
            if i % 2 == 0
            else f"{s.given} can now be reached on {s.phone}."
        )
        base = f"Dear {h.given},\n\nContract {s.contract} ends on 30 June 2026. The final statement will follow."

        def mk6(iid, h=h, text=base, s=s):
            return r.eml(
                iid, k.office("res"), [k.to(h)], f"Contract {s.contract}", text + k.sig("central"), day=c.next_day()
            )

        what = "address" if i % 2 == 0 else "phone"
        c.pair(
            "relationships/joint-holder",
            "eml",
            lambda iid, mk6=mk6, base=base, leak=leak: mk6(iid, text=base + " " + leak),
            lambda iid, mk6=mk6: mk6(iid),
            SUP,
            f"contract notice to joint holder {h.cid} gives the suppressed {what} of {s.cid}",
            f"contract notice to joint holder {h.cid} without it",
            suppressed=True,
        )
