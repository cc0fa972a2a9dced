"""Letters in every common layout (issue 9 points 1, 2 and 8's cousins in single letters): the same letter
to the right client and, as its twin incident, carrying another client's account, slip or property."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .compose import Style, couple_block, fmt_ref, occupier_block, supply_of
from .corpus import MISMATCH, Corpus
from .kit import letter, render_letter, spec_for, style
from .letters import Letter
from .people import SALUTATIONS, Client, fold
from .templates import EVERYDAY, Spec, outage


def _pool(cx: Corpus, name: str, pred: Callable[[Client], bool]) -> list[Client]:
    pool = [c for c in cx.reg.clients if pred(c) and "victim" not in c.tags and "ex-partner" not in c.tags]
    assert pool, name
    return pool


def variants(cx: Corpus) -> list[tuple[str, list[Client], dict[str, object]]]:
    reg = cx.reg
    plain = reg.plain
    return [
        ("window-envelope", plain, {"fmt": "pdf-window"}),
        ("attention-business", reg.businesses, {}),
        ("care-of", _pool(cx, "careof", lambda c: "careof" in c.tags), {}),
        ("po-box", _pool(cx, "pobox", lambda c: c.address.kind == "pobox" and not c.business), {}),
        ("locked-bag", _pool(cx, "lb", lambda c: c.address.kind == "lockedbag"), {}),
        ("rmb", _pool(cx, "rmb", lambda c: c.address.kind == "rmb"), {}),
        ("unit-slash", [c for c in plain if c.address.unit], {"unit_style": "slash"}),
        ("unit-comma", [c for c in plain if c.address.unit], {"unit_style": "unit"}),
        ("all-caps", plain, {"caps": True}),
        ("postcode-own-line", plain, {"postcode_line": True}),
        ("state-in-full", plain, {"state_full": True}),
        ("property-line", _pool(cx, "prop", lambda c: c.address.kind != "street" or len(c.refs) > 1), {}),
        ("multi-page", plain, {"fmt": "pdf-plain"}),
        ("docx-table-cell", plain, {"fmt": "docx-table"}),
        ("rtf", plain, {"fmt": "rtf"}),
        ("txt-columns", plain, {"fmt": "txt-columns"}),
        ("html-letter", plain, {"fmt": "html"}),
        ("diacritics", [c for c in plain if fold(c.given + c.family) != c.given + c.family], {}),
        ("middle-names", [c for c in plain if c.middle], {"name_form": "full-middle"}),
        ("apostrophe-hyphen", [c for c in plain if any(ch in c.family for ch in "'-")] or plain, {}),
        ("return-address", plain, {"return_line": True, "fmt": "pdf-window"}),
    ]


def _multi_page(spec: Spec, c: Client) -> None:
    spec.extra += [
        ("break",),
        ("h", "Understanding your bill"),
        (
            "p",
            "Supply charge: a daily charge for connecting the property to the network, whether or not "
            "you use energy or water. Usage charge: what you used in the period, in kWh, MJ or kL.",
        ),
        (
            "p",
            "Estimated reads: if we could not read the meter we estimate usage from past bills. An "
            "adjustment appears on the next bill after an actual read.",
        ),
        ("h", "Ways to pay"),
        ("p", "BPAY, Centrepay, direct debit, credit card by phone, or at any post office."),
    ]


def _incident(cx: Corpus, kind: str, spec: Spec, a: Client, st: Style) -> tuple[Spec, str]:
    b = cx.others(a)
    if kind == "other-account":
        ref = cx.rng.choice(b.refs)
        return replace(spec, ref=ref, supply=spec.supply), f"letter addressed to {a.cid} carries account of {b.cid}"
    if kind == "slip-other":
        s = replace(spec, slip_name=b.name("full"), slip_address=b.address.one_line(abbrev=True), ref=spec.ref)
        s.extra = spec.extra + [("p", f"Account {fmt_ref(b.refs[0], st)} is included in this statement.")]
        return s, f"letter addressed to {a.cid}; the statement section names {b.cid} with address and account"
    if kind == "property-other":
        s = replace(spec, supply=b.address, property_line=True)
        return s, f"letter addressed to {a.cid} names the home of {b.cid} as the property"
    s = replace(spec)
    s.extra = spec.extra + [
        (
            "p",
            f"We have also transferred the credit of ${cx.rng.randint(20, 300)}.00 from account "
            f"{fmt_ref(b.refs[-1], st)} ({b.name('full')}) as requested.",
        )
    ]
    return s, f"letter addressed to {a.cid} mentions account and name of {b.cid}"


INCIDENT_KINDS = ["other-account", "other-account", "slip-other", "property-other", "body-other"]


def address_blocks(cx: Corpus, pairs_per_variant: int = 3, extra_legit: int = 2) -> None:
    rng = cx.rng
    k = 0
    for name, pool, fixed in variants(cx):
        for i in range(cx.n(pairs_per_variant + extra_legit)):
            a: Client = cx.take(f"ab-{name}", pool)
            st = style(cx, **fixed)
            if name == "salutations" or i % 3 == 0:
                st = replace(st, salutation=SALUTATIONS[k % len(SALUTATIONS)])
            spec = spec_for(cx, a, st)
            if name == "property-line":
                spec.property_line = True
                spec.ref = a.refs[-1]
                spec.supply = supply_of(a, a.refs[-1])
            if name == "multi-page":
                _multi_page(spec, a)
            tpl = EVERYDAY[k % len(EVERYDAY)] if spec.ref else "price_change"
            k += 1
            unicode = name == "diacritics"  # the few print streams that embed a Unicode font
            ext, data = render_letter(letter(tpl, spec, rng), st, unicode)
            cat = f"address-block/{name}"
            legit = cx.allow(cat, ext, data, f"{tpl} letter to {a.cid} with its own account and address")
            if i >= cx.n(pairs_per_variant):
                continue
            kind = INCIDENT_KINDS[k % len(INCIDENT_KINDS)]
            bad_spec, note = _incident(cx, kind, spec, a, st)
            ext, data = render_letter(letter(tpl, bad_spec, rng), st, unicode)
            cx.pair(
                legit,
                cx.block(
                    cat,
                    ext,
                    data,
                    MISMATCH if kind != "property-other" else ["mismatched_recipient", "mixed_client_documents"],
                    note,
                ),
            )
    # Couples named together in one block are both the addressee.
    for i in range(cx.n(8)):
        a, b = cx.take("couples-ab", cx.reg.couples)
        st = style(cx)
        spec = spec_for(cx, a, st, ref=next(iter(a.shared_refs)), block=couple_block(a, b, st, i % 4))
        spec.salutation = rng.choice(
            [
                f"Dear {a.given} and {b.given},",
                "Dear Customers,",
                f"Dear {a.title} {a.family} and {b.title} {b.family},",
                None,
            ]
        )
        tpl = EVERYDAY[i % len(EVERYDAY)]
        ext, data = render_letter(letter(tpl, spec, rng), st)
        legit = cx.allow(
            "address-block/two-names",
            ext,
            data,
            f"joint account letter addressed to both holders {a.cid} and {b.cid}, shared account only",
        )
        if i % 2:
            continue
        # Two addressees are not a licence for a third client's account.
        c = cx.others(a, b)
        ext, data = render_letter(letter(tpl, replace(spec, ref=c.refs[0]), rng), st)
        cx.pair(
            legit,
            cx.block(
                "address-block/two-names",
                ext,
                data,
                MISMATCH,
                f"letter addressed to joint holders {a.cid} and {b.cid} carries the account of {c.cid}",
            ),
        )


def no_block(cx: Corpus) -> None:
    """Letters without a readable address block: held only when they carry client data."""
    rng = cx.rng
    for i in range(cx.n(3)):
        a = cx.plain()
        st = style(cx, fmt=["pdf-plain", "docx", "txt"][i % 3], salutation="dear-customer")
        spec = spec_for(cx, a, st, ref=None, block=[])
        legit_letter = outage(spec, rng)
        ext, data = render_letter(legit_letter, st)
        legit = cx.allow("address-block/no-block", ext, data, "information sheet without address block or client data")
        spec2 = spec_for(cx, a, st, block=[])
        bad = letter("reminder", spec2, rng)
        ext, data = render_letter(bad, st)
        cx.pair(
            legit,
            cx.block(
                "address-block/no-block",
                ext,
                data,
                ["mismatched_recipient", "unscannable_content", "mixed_client_documents"],
                f"no address block, but carries account of {a.cid}: recipient unknown, hold",
            ),
        )


def occupier(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(14)):
        resident = cx.plain()
        st = style(cx)
        words = ["The Occupier", "To the Occupier", "The Resident", "THE OCCUPIER", "The Owner/Occupier"][i % 5]
        spec = spec_for(cx, resident, st, ref=None, block=occupier_block(resident.address, st, words))
        spec.salutation = rng.choice(["Dear Resident,", "Dear Occupier,", "Dear Customer,", None])
        spec.supply = resident.address
        spec.property_line = rng.random() < 0.5
        lt = outage(spec, rng) if i % 2 else letter("meter_access", spec, rng)
        ext, data = render_letter(lt, st)
        legit = cx.allow(
            "recipient-own-details/occupier",
            ext,
            data,
            f"notice to the occupier of the home of {resident.cid}; no account details",
        )
        if i % 2 == 0:
            continue
        # Twin incident: an arrears notice for the previous tenant (who moved) sent to whoever lives there now.
        former = cx.others(resident)
        bad = replace(spec, ref=cx.rng.choice(former.refs))
        bad.extra = [
            (
                "p",
                f"The account of {former.name('full')} for this property is overdue. Please pass this "
                "notice on if they no longer live here.",
            )
        ]
        ext, data = render_letter(letter("reminder", bad, rng), st)
        cx.pair(
            legit,
            cx.block(
                "recipient-own-details/occupier",
                ext,
                data,
                ["mismatched_recipient"],
                f"occupier notice at the home of {resident.cid} carries name and account of {former.cid}",
            ),
        )


def households(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(8)):
        a, b = cx.take("hh", cx.reg.households)
        st = style(cx)
        spec = spec_for(cx, a, st)
        tpl = EVERYDAY[i % len(EVERYDAY)]
        ext, data = render_letter(letter(tpl, spec, rng), st)
        legit = cx.allow(
            "recipient-own-details/household",
            ext,
            data,
            f"letter to {a.cid}, who shares address and family name with {b.cid}; own account only",
        )
        bad = replace(spec, ref=b.refs[0])
        ext, data = render_letter(letter(tpl, bad, rng), st)
        cx.pair(
            legit,
            cx.block(
                "recipient-own-details/household",
                ext,
                data,
                MISMATCH,
                f"letter to {a.cid} carries the account of household member {b.cid} (not joint, not authorised)",
            ),
        )
    for _ in range(cx.n(4)):
        a, b = cx.take("hh2", cx.reg.households)
        st = style(cx)
        spec = spec_for(cx, b, st)
        ext, data = render_letter(letter("concession", spec, rng), st)
        cx.allow("recipient-own-details/household", ext, data, f"letter to {b.cid} at the address shared with {a.cid}")


def own_details(cx: Corpus) -> None:
    """The addressee's own address repeated in the body, the slip and the property line is not content."""
    rng = cx.rng
    for i in range(cx.n(10)):
        a = cx.plain()
        st = style(cx)
        spec = spec_for(cx, a, st)
        spec.property_line = True
        spec.supply = a.address
        extra = [
            (
                "p",
                f"We will send all correspondence to {a.address.one_line(abbrev=not st.abbrev)}. Your contact "
                f"number on file is {a.phones[0] if a.phones else 'not recorded'}.",
            )
        ]
        if a.emails:
            extra.append(("p", f"eBills will go to {a.emails[0]}."))
        spec.extra = extra
        ext, data = render_letter(letter(["welcome", "direct_debit", "bill"][i % 3], spec, rng), st)
        cx.allow(
            "recipient-own-details/own-contact-details",
            ext,
            data,
            f"letter to {a.cid} repeating its own address, phone and email",
        )


def unmerged(cx: Corpus) -> None:
    rng = cx.rng
    fields = [
        ("«FirstName»", "salutation"),
        ("{{name}}", "block"),
        ("<<Title>> <<Surname>>", "block"),
        ("[Surname]", "salutation"),
        ("{ MERGEFIELD AccountNo }", "box"),
        ("«Account_Number»", "body"),
        ("{{ first_name }}", "salutation"),
        ("<<Address2>>", "block"),
        ("[FirstName]", "salutation"),
        ('MERGEFIELD "Supply_Address"', "body"),
        ("«Due_Date»", "body"),
        ("{{account.ref}}", "box"),
    ]
    for i in range(cx.n(12)):
        a = cx.plain()
        placeholder, where = fields[i % len(fields)]
        st = style(cx, fmt=["pdf-window", "docx", "txt", "rtf", "pdf-plain", "docx-table", "html"][i % 7])
        spec = spec_for(cx, a, st)
        tpl = ["reminder", "welcome", "concession", "hardship"][i % 4]
        ext, data = render_letter(letter(tpl, spec, rng), st)
        legit = cx.allow("unmerged/letter", ext, data, f"fully merged {tpl} letter to {a.cid}")
        bad = replace(spec)
        lt = letter(tpl, bad, rng)
        if where == "salutation":
            lt.salutation = f"Dear {placeholder},"
        elif where == "block":
            lt.block = [placeholder] + lt.block[1:] if i % 2 else lt.block[:-1] + [placeholder, lt.block[-1]]
        elif where == "box":
            lt.box = [(k, placeholder if "ccount" in k else v) for k, v in lt.box]
        else:
            lt.body.insert(1, ("p", f"Please note the change applies from {placeholder}."))
        ext, data = render_letter(lt, st)
        cx.pair(
            legit,
            cx.block(
                "unmerged/letter",
                ext,
                data,
                ["unmerged_field"],
                f"{tpl} letter to {a.cid} with an unmerged {placeholder!r}",
            ),
        )
    lookalikes = [
        "Tick one: [ ] paper bills  [x] eBills",
        "Return this form in the envelope provided [see over].",
        "Sections marked [optional] may be left blank.",
        "Questions? << Call us on 13 24 86 >>",
    ]
    for text in lookalikes[: cx.n(4)]:
        a = cx.plain()
        st = style(cx)
        spec = spec_for(cx, a, st)
        spec.extra = [("p", text)]
        ext, data = render_letter(letter("welcome", spec, rng), st)
        cx.allow("unmerged/look-alike", ext, data, f"letter to {a.cid} with brackets that are not merge fields")


def mixed_pages(cx: Corpus) -> None:
    """Two clients' pages in one PDF (printed together), and merged print files of several letters."""
    rng = cx.rng
    for i in range(cx.n(6)):
        a = cx.plain()
        b = cx.others(a)
        st = style(cx, fmt=["pdf-window", "pdf-plain", "pdf-right"][i % 3])
        spec = spec_for(cx, a, st)
        good = letter("bill", spec, rng)
        good.body += _statement_page(a, spec.ref or a.refs[0], st)
        ext, data = render_letter(good, st)
        legit = cx.allow("mail-merge/two-clients-one-pdf", ext, data, f"two-page bill of {a.cid}, both pages its own")
        bad = letter("bill", spec, rng)
        bad.body += _statement_page(b, b.refs[0], st)
        ext, data = render_letter(bad, st)
        cx.pair(
            legit,
            cx.block(
                "mail-merge/two-clients-one-pdf",
                ext,
                data,
                ["mixed_client_documents", "mismatched_recipient"],
                f"bill of {a.cid} whose second page is the statement of {b.cid}",
            ),
        )
    for _ in range(cx.n(4)):
        clients = [cx.plain() for _ in range(3)]
        st = style(cx, fmt="pdf-window")
        letters: list[Letter] = [letter("reminder", spec_for(cx, c, st), rng) for c in clients]
        data = render_letter(letters, st)[1]
        legit = cx.multi(
            "mail-merge/print-file",
            ".pdf",
            data,
            [{"expect": "allow"}] * 3,
            "print file of three reminders, each to its own client: " + ", ".join(c.cid for c in clients),
        )
        stranger = cx.others(*clients)
        bad_specs = [spec_for(cx, c, st) for c in clients]
        bad_specs[1] = replace(bad_specs[1], ref=stranger.refs[0])
        data = render_letter([letter("reminder", s, rng) for s in bad_specs], st)[1]
        cx.pair(
            legit,
            cx.multi(
                "mail-merge/print-file",
                ".pdf",
                data,
                [{"expect": "allow"}, {"expect": "block", "rules": MISMATCH}, {"expect": "allow"}],
                f"print file of three reminders; letter 2 to {clients[1].cid} carries the account of {stranger.cid}",
            ),
        )


def _statement_page(c: Client, ref: str, st: Style) -> list[tuple[object, ...]]:
    return [
        ("break",),
        ("h", f"Statement of account - page 2 of 2 - {c.name('full')}"),
        (
            "kv",
            [
                ("Account", fmt_ref(ref, st)),
                ("Property", supply_of(c, ref).one_line(abbrev=True)),
                ("Balance carried forward", "$0.00"),
            ],
        ),
        (
            "table",
            ["Date", "Transaction", "Amount"],
            [
                ["03/04/2025", "Payment - BPAY", "-$212.40"],
                ["15/04/2025", "Supply charges", "$88.10"],
                ["30/04/2025", "Usage charges", "$124.30"],
            ],
        ),
    ]


def run_all(cx: Corpus) -> None:
    address_blocks(cx)
    no_block(cx)
    occupier(cx)
    households(cx)
    own_details(cx)
    unmerged(cx)
    mixed_pages(cx)
