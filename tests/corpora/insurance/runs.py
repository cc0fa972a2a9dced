"""Mail-merge runs from the print room: five templates, each run once cleanly and once with a fault
(fields shifted by a row, a duplicated letter, a missing letter, another client's claim, an unmerged field)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import content, fmt, letters, office, org, pdfs
from .content import Ctx
from .corpus import Corpus, letter_verdict
from .letters import Letter, sign_for
from .people import Client

Row = dict[str, str]
MIX = ["mixed_client_documents", "mismatched_recipient"]
FAULTS = ["row-shift", "duplicate", "missing-letter", "another-clients-data", "unmerged-field"]


@dataclasses.dataclass
class Template:
    name: str
    columns: list[str]
    row: Callable[[Ctx, Client, Client | None], Row]
    letter: Callable[[Ctx, Row], Letter]
    fmt: str  # pdf-folder | pdf-merged | docx-folder | txt-folder
    layout: str
    mapping: dict[str, str]
    bom: bool = False


def _addr_cols(c: Client) -> tuple[str, str]:
    lines = fmt.street_line(c.address, abbrev=True)
    return lines[0], lines[1] if len(lines) > 1 else ""


def _home_row(ctx: Ctx, c: Client, _j: Client | None) -> Row:
    a1, a2 = _addr_cols(c)
    k = "home" if c.has("home") else content.policy_kind(c)
    return {
        "Title": c.title,
        "FirstName": c.given,
        "Surname": c.family,
        "Address1": a1,
        "Address2": a2,
        "Suburb": c.address.suburb.upper(),
        "State": c.address.state,
        "Postcode": c.address.postcode,
        "PolicyNo": c.ref(k),
        "RenewalDate": f"{ctx.rng.randint(1, 28)}/04/2025",
        "Premium": f"{ctx.rng.randint(700, 3100)}.{ctx.rng.randint(10, 99)}",
    }


def _home_letter(ctx: Ctx, r: Row) -> Letter:
    to = [" ".join(x for x in (r["Title"], r["FirstName"], r["Surname"]) if x), r["Address1"]]
    to += [r["Address2"]] if r["Address2"] else []
    to.append(f"{r['Suburb']} {r['State']} {r['Postcode']}")
    return Letter(
        to,
        "3 March 2025",
        [("Policy number", r["PolicyNo"]), ("Renewal date", r["RenewalDate"])],
        heading="Your home insurance renewal",
        dear=f"Dear {r['Title'] or r['FirstName']} {r['Surname']}",
        body=[
            f"Your policy renews on {r['RenewalDate']}. Your premium for the year is ${r['Premium']}.",
            f"Call {org.SALES_PHONE} if anything has changed.",
        ],
        sign=sign_for("Renewals Team", "", "Kind regards"),
    )


def _motor_row(ctx: Ctx, c: Client, _j: Client | None) -> Row:
    a1, a2 = _addr_cols(c)
    old = ctx.rng.randint(600, 2400)
    return {
        "pol_holder_title": c.title,
        "pol_holder_given": c.given,
        "pol_holder_family": c.family,
        "mail_line_1": a1,
        "mail_line_2": a2,
        "mail_town": c.address.suburb,
        "mail_state": c.address.state,
        "mail_pcode": c.address.postcode,
        "motor_policy": fmt.ref_as(c.ref("motor"), "spaced"),
        "old_premium": str(old),
        "new_premium": str(old + ctx.rng.randint(20, 300)),
    }


def _motor_letter(ctx: Ctx, r: Row) -> Letter:
    to = [
        " ".join(x for x in (r["pol_holder_title"], r["pol_holder_given"], r["pol_holder_family"]) if x),
        r["mail_line_1"],
    ] + ([r["mail_line_2"]] if r["mail_line_2"] else [])
    to.append(f"{r['mail_town'].upper()} {r['mail_state']} {r['mail_pcode']}")
    return Letter(
        to,
        "4 March 2025",
        [("Motor policy", r["motor_policy"])],
        heading="Your premium is changing",
        dear=f"Dear {r['pol_holder_given'] or r['pol_holder_family']}",
        body=[
            f"From your next renewal your annual premium changes from ${r['old_premium']}.00 to "
            f"${r['new_premium']}.00.",
            "Your cover and excess stay the same.",
        ],
        sign=sign_for("Tobias Lindqvist", "Head of Pricing Communications"),
        box_title="Your policy",
    )


def _excess_row(ctx: Ctx, c: Client, _j: Client | None) -> Row:
    claim = content.ensure_claim(ctx, c)
    return {
        "CustNo": c.ref("customer"),
        "Salutation": c.title,
        "GivenNames": c.given,
        "FamilyName": c.family,
        "Street": ", ".join(fmt.street_line(c.address, abbrev=False)),
        "Locality": c.address.suburb,
        "StateCode": c.address.state,
        "PCode": c.address.postcode,
        "ClaimRef": claim,
        "ExcessAmt": str(ctx.rng.choice([500, 750, 1000])),
    }


def _excess_letter(ctx: Ctx, r: Row) -> Letter:
    name = " ".join(x for x in (r["Salutation"], r["GivenNames"], r["FamilyName"]) if x)
    to = [name, r["Street"], r["Locality"], f"{r['StateCode']} {r['PCode']}"]
    return Letter(
        to,
        "5 March 2025",
        [("Customer number", r["CustNo"])],
        heading=f"Re: Claim {r['ClaimRef']}",
        dear=f"Dear {name}",
        body=[
            f"Your excess of ${r['ExcessAmt']} is now due. Pay by BPAY (biller code "
            f"88412, reference {r['CustNo'][2:]}) or call {org.CLAIMS_PHONE}."
        ],
        sign=sign_for(org.STAFF[0].name, org.STAFF[0].role),
    )


def _contents_row(ctx: Ctx, c: Client, joint: Client | None) -> Row:
    a1, a2 = _addr_cols(c)
    pol = (
        next((v for k, v in c.refs if k == "home" and joint and v in dict(joint.refs).values()), None)
        if joint
        else None
    )
    pol = pol or c.ref(content.policy_kind(c))
    return {
        "Name1": fmt.formal(c, "initial").replace(". ", " "),
        "Name2": fmt.formal(joint, "initial").replace(". ", " ") if joint else "",
        "AddrLine1": a1,
        "AddrLine2": a2,
        "Town": c.address.suburb.upper(),
        "St": c.address.state,
        "PC": c.address.postcode,
        "PolicyNumber": pol,
        "Premium": f"{ctx.rng.randint(300, 1400)}.00",
        "PrevClaim": "",
    }


def _contents_letter(ctx: Ctx, r: Row) -> Letter:
    names = r["Name1"] + (f" & {r['Name2']}" if r["Name2"] else "")
    to = [names, r["AddrLine1"]] + ([r["AddrLine2"]] if r["AddrLine2"] else []) + [f"{r['Town']} {r['St']} {r['PC']}"]
    body = [f"Policy {r['PolicyNumber']} renews next month. The annual premium is ${r['Premium']}."]
    if r["PrevClaim"]:
        body.append(f"Your no-claim discount reflects claim {r['PrevClaim']} made this year.")
    return Letter(
        to,
        "6 March 2025",
        [("Policy", r["PolicyNumber"])],
        heading="Renewal notice",
        dear="Dear Policyholder",
        body=body,
        sign=sign_for("Renewals Team", "", "Regards"),
    )


def _window_row(ctx: Ctx, c: Client, _j: Client | None) -> Row:
    a1, a2 = _addr_cols(c)
    return {
        "FIRST_NAME": c.given,
        "LAST_NAME": c.family,
        "ADDRESS_1": a1,
        "ADDRESS_2": a2,
        "SUBURB": c.address.suburb.upper(),
        "STATE": c.address.state,
        "POSTCODE": c.address.postcode,
        "POLICY_NO": c.ref(content.policy_kind(c)),
        "TITLE": c.title,
    }


def _window_letter(ctx: Ctx, r: Row) -> Letter:
    to = [f"{r['TITLE']} {r['FIRST_NAME']} {r['LAST_NAME']}".strip(), r["ADDRESS_1"]]
    to += ([r["ADDRESS_2"]] if r["ADDRESS_2"] else []) + [f"{r['SUBURB']} {r['STATE']} {r['POSTCODE']}"]
    return Letter(
        to,
        "7 March 2025",
        [("Enquiries", org.SALES_PHONE), ("Web", org.WEB)],
        heading="Changes to your premium from 1 May 2025",
        dear=f"Dear {r['FIRST_NAME'] or r['LAST_NAME']}",
        body=[
            "Premiums for all home and motor policies will change from 1 May 2025. Your renewal notice "
            "will show your new premium.",
            "You do not need to do anything now.",
        ],
        sign=sign_for("Customer Communications", org.SHORT),
        box_title="Need help?",
    )


TEMPLATES = [
    Template(
        "home-renewal",
        [
            "Title",
            "FirstName",
            "Surname",
            "Address1",
            "Address2",
            "Suburb",
            "State",
            "Postcode",
            "PolicyNo",
            "RenewalDate",
            "Premium",
        ],
        _home_row,
        _home_letter,
        "pdf-folder",
        "window",
        {"reference": "PolicyNo"},
    ),
    Template(
        "motor-premium",
        [
            "pol_holder_title",
            "pol_holder_given",
            "pol_holder_family",
            "mail_line_1",
            "mail_line_2",
            "mail_town",
            "mail_state",
            "mail_pcode",
            "motor_policy",
            "old_premium",
            "new_premium",
        ],
        _motor_row,
        _motor_letter,
        "pdf-merged",
        "columns",
        {
            "given_name": "pol_holder_given",
            "family_name": "pol_holder_family",
            "address_lines": "mail_line_1,mail_line_2",
            "suburb": "mail_town",
            "state": "mail_state",
            "postcode": "mail_pcode",
            "reference": "motor_policy",
        },
    ),
    Template(
        "claim-excess",
        [
            "CustNo",
            "Salutation",
            "GivenNames",
            "FamilyName",
            "Street",
            "Locality",
            "StateCode",
            "PCode",
            "ClaimRef",
            "ExcessAmt",
        ],
        _excess_row,
        _excess_letter,
        "docx-folder",
        "stacked",
        {
            "given_name": "GivenNames",
            "family_name": "FamilyName",
            "address_lines": "Street",
            "suburb": "Locality",
            "state": "StateCode",
            "postcode": "PCode",
            "reference": "ClaimRef",
        },
        bom=True,
    ),
    Template(
        "contents-renewal",
        ["Name1", "Name2", "AddrLine1", "AddrLine2", "Town", "St", "PC", "PolicyNumber", "Premium", "PrevClaim"],
        _contents_row,
        _contents_letter,
        "txt-folder",
        "columns",
        {
            "full_name": "Name1",
            "address_lines": "AddrLine1,AddrLine2",
            "suburb": "Town",
            "state": "St",
            "postcode": "PC",
            "reference": "PolicyNumber",
        },
    ),
    Template(
        "premium-notice",
        ["TITLE", "FIRST_NAME", "LAST_NAME", "ADDRESS_1", "ADDRESS_2", "SUBURB", "STATE", "POSTCODE", "POLICY_NO"],
        _window_row,
        _window_letter,
        "pdf-merged",
        "window",
        {"reference": "POLICY_NO"},
    ),  # FIRST_NAME, LAST_NAME, ADDRESS_1 ... are named the common way
]


def _people(ctx: Ctx, tpl: Template, n: int) -> list[tuple[Client, Client | None]]:
    pop = ctx.pop
    if tpl.name == "contents-renewal":
        out: list[tuple[Client, Client | None]] = []
        singles = pop.pick(n)
        for i in range(n):
            if i % 3 == 1:
                a, b, _ = pop.joint_pairs[(i * 7 + ctx.rng.randint(0, 50)) % len(pop.joint_pairs)]
                out.append((a, b))
            else:
                out.append((singles[i], None))
        return out
    return [(c, None) for c in pop.pick(n, need="motor" if tpl.name == "motor-premium" else None)]


def _write(
    ctx: Ctx,
    corpus: Corpus,
    rid: str,
    tpl: Template,
    rows: list[Row],
    lts: list[Letter],
    per_letter: list[dict[str, Any]],
    run_expect: str,
    category: str,
    note: str,
) -> None:
    d = corpus.run_dir(rid)
    text = office.csv_text([tpl.columns] + [[r[c] for c in tpl.columns] for r in rows])
    (d / "data.csv").write_bytes(("\ufeff" if tpl.bom else "").encode() + text.encode("utf-8"))
    if tpl.fmt == "pdf-merged":
        (d / "merged.pdf").write_bytes(pdfs.render(lts, tpl.layout, seed=len(rid), producer="PrintStream 5"))
        where = f"runs/{rid}/merged.pdf"
    else:
        ld = d / "letters"
        ld.mkdir(exist_ok=True)
        for i, lt in enumerate(lts, 1):
            _write_letter(ld, i, tpl, lt)
        where = f"runs/{rid}/letters/"
    corpus.add_run(rid, category, f"runs/{rid}/data.csv", where, per_letter, run_expect, note, tpl.mapping)


def _write_letter(ld: Path, i: int, tpl: Template, lt: Letter) -> None:
    if tpl.fmt == "pdf-folder":
        (ld / f"letter{i}.pdf").write_bytes(pdfs.render([lt], tpl.layout, seed=i))
    elif tpl.fmt == "docx-folder":
        (ld / f"letter{i}.docx").write_bytes(office.docx_letter(lt, tpl.layout, author="Print Room"))
    else:
        (ld / f"letter{i}.txt").write_text(letters.to_txt(lt, tpl.layout), encoding="utf-8", newline="")


def mail_merge(ctx: Ctx, corpus: Corpus) -> None:
    n = max(6, round(18 * ctx.scale))
    allow = letter_verdict("allow")
    for t, tpl in enumerate(TEMPLATES):
        people = _people(ctx, tpl, n)
        rows = [tpl.row(ctx, a, b) for a, b in people]
        good_id, bad_id = f"R{2 * t + 1:02d}", f"R{2 * t + 2:02d}"
        cat = "mail-merge/" + FAULTS[t]
        lts = [tpl.letter(ctx, r) for r in rows]
        if t != 3:  # the contents run writes its clean twin below, with a previous claim on one row
            _write(
                ctx,
                corpus,
                good_id,
                tpl,
                rows,
                lts,
                [allow] * n,
                "allow",
                cat,
                f"{tpl.name}: {n} letters, each matching its own row"
                + ("; the letters print the customer number beside the row's claim" if t == 2 else "")
                + ("; the template prints no reference at all" if t == 4 else ""),
            )
        k = n // 3
        if t == 0:  # the data fields slip one row from letter k+1
            moved = ("PolicyNo", "RenewalDate", "Premium")
            bad_rows = [dict(r) for r in rows]
            for i in range(k, n):
                for f in moved:
                    bad_rows[i][f] = rows[i + 1][f] if i + 1 < n else ""
            bad_lts = [tpl.letter(ctx, r) for r in bad_rows]
            verdicts = [allow] * k + [letter_verdict("block", MIX)] * (n - k - 1) + [allow]
            _write(
                ctx,
                corpus,
                bad_id,
                tpl,
                rows,
                bad_lts,
                verdicts,
                "block",
                cat,
                f"policy, date and premium fields shift by one row from letter {k + 1}: letters {k + 1}-{n - 1} "
                f"carry the next row's policy; letter {n} has a blank policy field and no other client's data",
            )
        elif t == 1:  # one letter printed twice
            bad_lts = lts[: k + 1] + [lts[k]] + lts[k + 1 :]
            verdicts = [allow] * (n + 1)
            # issue 9 point 8: a duplicate is a mismatch; the second copy is the letter to pull (it stands where
            # row k+2's letter should be), and the letters after it still match their addressees' rows
            verdicts[k + 1] = letter_verdict("block", ["mixed_client_documents"])
            _write(
                ctx,
                corpus,
                bad_id,
                tpl,
                rows,
                bad_lts,
                verdicts,
                "block",
                cat,
                f"letter {k + 1} printed twice ({n + 1} letters for {n} rows): the second copy (letter {k + 2}) "
                "is the duplicate; every letter carries only its own addressee's data",
            )
        elif t == 2:  # one letter missing
            bad_lts = lts[:k] + lts[k + 1 :]
            _write(
                ctx,
                corpus,
                bad_id,
                tpl,
                rows,
                bad_lts,
                [allow] * (n - 1),
                "block",
                cat,
                f"no letter for row {k + 1}; every letter present is correct for its addressee",
            )
        elif t == 3:  # another client's claim joined onto one row
            other = ctx.pop.pick(1, need="home_claim")[0]
            j = 2 if people[2][1] is None else 3
            bad_rows = [dict(r) for r in rows]
            bad_rows[j]["PrevClaim"] = other.ref("home_claim")
            good_rows = [dict(r) for r in rows]
            good_rows[j]["PrevClaim"] = content.ensure_claim(ctx, people[j][0])
            _write(
                ctx,
                corpus,
                good_id,
                tpl,
                good_rows,
                [tpl.letter(ctx, r) for r in good_rows],
                [allow] * n,
                "allow",
                cat,
                f"{tpl.name}: letter {j + 1} cites its own previous claim; "
                "every third row is a joint policy addressed to both holders",
            )
            verdicts = [allow] * n
            verdicts[j] = letter_verdict("block", MIX)
            _write(
                ctx,
                corpus,
                bad_id,
                tpl,
                bad_rows,
                [tpl.letter(ctx, r) for r in bad_rows],
                verdicts,
                "block",
                "mail-merge/another-clients-data",
                f"letter {j + 1} (to {people[j][0].cid}) cites the claim of {other.cid}, joined onto its row",
            )
        else:  # an unmerged salutation field
            j = n // 2
            bad_lts = list(lts)
            bad_lts[j] = dataclasses.replace(lts[j], dear="Dear «FIRST_NAME»")
            verdicts = [allow] * n
            verdicts[j] = letter_verdict("block", ["unmerged_field"])
            _write(
                ctx,
                corpus,
                bad_id,
                tpl,
                rows,
                bad_lts,
                verdicts,
                "block",
                cat,
                f"letter {j + 1} kept «FIRST_NAME» in its salutation",
            )
        corpus.pair_runs(bad_id, good_id)
