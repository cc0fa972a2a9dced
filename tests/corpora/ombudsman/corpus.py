"""The corpus being written: items, labels, twins, and the helpers every case module shares."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path

from tests.corpora.ombudsman.formats import Letter, Mail, letter_bytes, mail_bytes, written_date
from tests.corpora.ombudsman.people import (
    APPROVED_DOMAINS,
    COLUMNS,
    FV_STAFF,
    ORG_DOMAIN,
    ORG_NAME,
    STAFF,
    Client,
    Registry,
)

LETTER_EXTS = ["pdf", "pdf", "pdf", "docx", "rtf", "html", "txt"]


class Corpus:
    def __init__(self, out: Path, seed: int, scale: float) -> None:
        self.out = out
        self.rng = random.Random(seed)
        self.scale = scale
        self.reg = Registry(self.rng, max(60, int(110 * max(scale, 0.3))))
        self.labels: list[dict] = []
        self._n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    # -- counts -------------------------------------------------------------------------------------------------
    def times(self, n: int) -> int:
        return max(1, round(n * self.scale))

    # -- dates, staff, refs ---------------------------------------------------------------------------------------
    def day(self) -> dt.date:
        return dt.date(2026, 3, 2) + dt.timedelta(days=self.rng.randint(0, 80))

    def date_text(self) -> str:
        return written_date(self.day(), self.rng.randint(0, 5))

    def when(self) -> dt.datetime:
        d = self.day()
        return dt.datetime(d.year, d.month, d.day, self.rng.randint(8, 17), self.rng.randint(0, 59), tzinfo=dt.UTC)

    def staff(self, fv: bool = False) -> tuple[str, str, str]:
        pool = [s for s in STAFF if (s[1] in FV_STAFF) == fv] if fv else STAFF
        return self.rng.choice(pool)

    def non_fv_staff(self) -> tuple[str, str, str]:
        return self.rng.choice([s for s in STAFF if s[1] not in FV_STAFF])

    def ref_lines(self, c: Client, style: int | None = None) -> list[str]:
        s = self.rng.randint(0, 4) if style is None else style
        return [
            [f"Our ref: {c.case_ref}"],
            [f"Complaint no. {c.complaint_no}"],
            [f"Our reference: {c.case_ref}", f"Your account: {c.account_spaced()}"],
            [f"Complaint number: {c.complaint_no}", f"{c.member.name} account {c.account_spaced()}"],
            [f"Reference {c.complaint_no} (file {c.case_ref})"],
        ][s]

    def signoff(self, fv: bool = False) -> list[str]:
        name, _, role = self.staff(fv)
        return ["Yours sincerely,", "", name, role, ORG_NAME]

    def block(self, c: Client, upper: bool | None = None) -> list[str]:
        upper = self.rng.random() < 0.6 if upper is None else upper
        name = c.formal if self.rng.random() < 0.7 else f"{c.title} {c.given[0]} {c.family}"
        return [name.upper() if upper and self.rng.random() < 0.3 else name, *c.address.block(upper)]

    def ext(self) -> str:
        return self.rng.choice(LETTER_EXTS)

    def sender(self, fv: bool = False) -> tuple[str, str]:
        name, addr, _ = self.staff(fv)
        return name, f"{name} <{addr}>"

    # -- items -------------------------------------------------------------------------------------------------
    def _id(self) -> str:
        self._n += 1
        return f"O{self._n:04d}"

    def _label(self, iid: str, path: str, cat: str, note: str, rules: list[str] | None, suppressed: bool) -> dict:
        assert "@" not in note, note
        lab: dict = {"id": iid, "channel": "scan", "path": path, "category": cat}
        if rules:
            lab |= {"expect": "block", "rules": rules}
            if suppressed:
                lab["suppressed"] = True
        else:
            lab["expect"] = "allow"
        lab["note"] = note
        self.labels.append(lab)
        return lab

    def raw(
        self, cat: str, ext: str, data: bytes, note: str, rules: list[str] | None = None, suppressed: bool = False
    ) -> str:
        iid = self._id()
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        self._label(iid, path, cat, note, rules, suppressed)
        return iid

    def letter(
        self,
        cat: str,
        letter: Letter,
        note: str,
        rules: list[str] | None = None,
        suppressed: bool = False,
        ext: str | None = None,
    ) -> str:
        ext = ext or self.ext()
        return self.raw(cat, ext, letter_bytes(letter, ext), note, rules, suppressed)

    def mail(self, cat: str, mail: Mail, note: str, rules: list[str] | None = None, suppressed: bool = False) -> str:
        iid = self._id()
        path = f"items/{iid}.eml"
        (self.out / path).write_bytes(mail_bytes(mail, iid))
        self._label(iid, path, cat, note, rules, suppressed)
        return iid

    def multi(self, cat: str, ext: str, data: bytes, note: str, verdicts: list[dict]) -> str:
        iid = self._id()
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        self.labels.append(
            {"id": iid, "channel": "scan", "path": path, "category": cat, "letters": verdicts, "note": note}
        )
        return iid

    def twin(self, incident: str, legit: str) -> None:
        by = {x["id"]: x for x in self.labels}
        by[incident]["twin"] = legit
        by[legit]["twin"] = incident

    # -- output ------------------------------------------------------------------------------------------------
    def write_registry(self) -> None:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for row in self.reg.rows():
            w.writerow(row)
        (self.out / "clients.csv").write_text(buf.getvalue(), encoding="utf-8")
        toml = [
            "[organisation]",
            f'name = "{ORG_NAME}"',
            f'internal_domains = ["{ORG_DOMAIN}"]',
            "approved_recipient_domains = [" + ", ".join(f'"{d}"' for d in APPROVED_DOMAINS) + "]",
            "suppressed_detail_staff = [" + ", ".join(f'"{s}"' for s in FV_STAFF) + "]",
            "",
            "[registry]",
            'path = "clients.csv"',
            "",
        ]
        (self.out / "dlp.toml").write_text("\n".join(toml), encoding="utf-8")

    def write_labels(self) -> None:
        lines = [json.dumps(x, ensure_ascii=False) for x in self.labels]
        (self.out / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
