"""The claims agent's registry: injured workers (and dependants on death claims), exported from its claims
system the way the product's README asks (representatives' mailboxes in authorised_contacts)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from tests.corpora.workcomp import world as W

COLUMNS = [
    "client_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "email",
    "phone",
    "postal_address",
    "references",
    "suppressed",
    "joint_with",
    "authorised_contacts",
]

TODAY = date(2026, 3, 16)


class Registry:
    def __init__(self, rng, n_workers: int = 330):
        self.rng = rng
        self.workers: list[W.Worker] = []
        self.by_id: dict[str, W.Worker] = {}
        self._emails: set[str] = set()
        self._addresses: set[str] = set()
        self._claims: set[str] = set()
        self._next = 200100
        for _ in range(n_workers):
            self._new_worker()
        self._namesakes(5)
        self._young_workers()
        self._death_claims(5)
        self._family_violence(12)
        self._representatives()

    # -- building blocks --------------------------------------------------------------------------------------
    def _cid(self) -> str:
        self._next += self.rng.randrange(3, 11)
        return f"C{self._next}"

    def _address(self, state: str, pool=None) -> tuple[str, str, str]:
        rng = self.rng
        pool = pool or W.SUBURBS[state]
        while True:
            sub, pc = rng.choice(pool)
            name = rng.choice(W.STREET_NAMES)
            typ = rng.choice(W.STREET_TYPES)[0]
            num = rng.randrange(2, 240)
            street = f"{num} {name} {typ}"
            if rng.random() < 0.18:
                street = f"{rng.randrange(1, 30)}/{street}"
            key = f"{street}|{sub}"
            if key not in self._addresses:
                self._addresses.add(key)
                return street, sub, pc

    def _email(self, given: str, family: str) -> str:
        rng = self.rng
        fam = family.lower().replace("'", "").replace(" ", "").replace("ñ", "n")
        while True:
            local = rng.choice([f"{given.lower()}.{fam}", f"{given[0].lower()}{fam}", f"{given.lower()}{fam[:4]}"])
            addr = f"{local}{rng.randrange(1, 99)}@{rng.choice(W.PERSONAL_MAIL)}"
            if addr not in self._emails:
                self._emails.add(addr)
                return addr

    def _phone(self) -> str:
        return f"04{self.rng.randrange(10, 99)} {self.rng.randrange(100, 999)} {self.rng.randrange(100, 999)}"

    def _claim(self, state: str) -> str:
        while True:
            c = ("71" if state == "VIC" else "72") + "".join(str(self.rng.randrange(10)) for _ in range(8))
            if c not in self._claims:
                self._claims.add(c)
                return c

    def _dob(self, lo: int = 20, hi: int = 64) -> str:
        d = TODAY - timedelta(days=self.rng.randrange(lo * 365, hi * 365))
        return d.isoformat()

    def _new_worker(self, given=None, family=None, employer=None, dob=None, kind="worker") -> W.Worker:
        rng = self.rng
        female = rng.random() < 0.5
        if given is None:
            given = rng.choice(W.GIVEN_F if female else W.GIVEN_M)
        else:
            female = given in W.GIVEN_F
        family = family or rng.choice(W.FAMILY)
        employer = employer or rng.choice(W.EMPLOYERS)
        state = employer.state
        street, sub, pc = self._address(state)
        inj = TODAY - timedelta(days=rng.randrange(20, 900))
        w = W.Worker(
            cid=self._cid(),
            given=given,
            family=family,
            dob=dob or self._dob(),
            email=self._email(given, family),
            phone=self._phone(),
            street=street,
            suburb=sub,
            state=state,
            pc=pc,
            claim=self._claim(state),
            employer=employer,
            title=rng.choice(["Ms", "Mrs"]) if female else "Mr",
            injury=rng.choice(W.INJURIES),
            injury_date=inj.isoformat(),
            kind=kind,
        )
        w.tfn = W.tfn(rng)
        w.medicare = W.medicare(rng)
        w.piawe = f"{rng.randrange(900, 2400)}.{rng.randrange(0, 100):02d}"
        if kind == "worker":
            w.contacts.append(employer.rtw)
        self.workers.append(w)
        self.by_id[w.cid] = w
        return w

    # -- special cases ----------------------------------------------------------------------------------------
    def _namesakes(self, n: int) -> None:
        """Two workers with one name and different dates of birth; some at the same employer, same injury day."""
        self.namesakes: list[tuple[W.Worker, W.Worker]] = []
        for i in range(n):
            a = self.workers[i * 7 + 3]
            emp = a.employer if i % 2 == 0 else None
            b = self._new_worker(given=a.given, family=a.family, employer=emp)
            if i % 2 == 0:
                b.injury_date = a.injury_date
            self.namesakes.append((a, b))

    def _young_workers(self) -> None:
        """Workers under 18: a parent's mailbox is an authorised contact."""
        self.young: list[W.Worker] = []
        for i in range(6):
            w = self._new_worker(dob=self._dob(16, 18))
            fam = w.family.lower().replace("'", "").replace("ñ", "n")
            w.parent_email = f"{self.rng.choice(['k', 'm', 'j', 'p'])}.{fam}{i}@{self.rng.choice(W.PERSONAL_MAIL)}"
            w.contacts.append(w.parent_email)
            self.young.append(w)

    def _death_claims(self, n: int) -> None:
        """Dependants of a deceased worker share the death claim's number and are joint holders of it."""
        self.death: list[tuple[W.Worker, W.Worker]] = []
        for i in range(n):
            emp = self.rng.choice(W.EMPLOYERS)
            a = self._new_worker(
                given=self.rng.choice(W.GIVEN_F), employer=emp, kind="dependant", dob=self._dob(40, 66)
            )
            b = self._new_worker(
                given=self.rng.choice(W.GIVEN_M), family=a.family, employer=emp, kind="dependant", dob=self._dob(40, 66)
            )
            b.claim = a.claim
            if i > 1:  # separated parents of a deceased young worker: different homes
                pass
            else:  # a widow and her adult son at one home
                b.street, b.suburb, b.pc = a.street, a.suburb, a.pc
                b.dob = self._dob(19, 30)
            a.joint, b.joint = [b.cid], [a.cid]
            self.death.append((a, b))

    def _family_violence(self, n: int) -> None:
        """Workers with an intervention order who moved: the new address (and phone, mostly email) suppressed.

        Her former partner is in the registry: a co-worker with a claim of his own at the same employer, or the
        other dependant on a death claim (joint holder)."""
        self.fv: list[W.Worker] = []
        rng = self.rng
        # the separated parents of death claims 2 and 3: the mother is protected
        for a, b in self.death[2:4]:
            self._protect(a, with_email=True)
            a.ex, b.ex = b.cid, a.cid
        taken = {w.cid for pair in self.namesakes for w in pair}
        women = [
            w
            for w in self.workers
            if w.kind == "worker" and w.title != "Mr" and not w.parent_email and w.cid not in taken
        ]
        rng.shuffle(women)
        for w in women[: n - 2]:
            self._protect(w, with_email=rng.random() < 0.7)
            if len(self.fv) % 2 == 0:
                ex = self._new_worker(given=rng.choice(W.GIVEN_M), family=w.family, employer=w.employer)
                w.ex, ex.ex = ex.cid, w.cid
        # one protected worker kept her address but has a new, suppressed mobile only
        w = women[n - 1]
        w.phone = self._phone()
        w.suppressed = ["phone"]
        self.fv.append(w)

    def _protect(self, w: W.Worker, with_email: bool) -> None:
        street, sub, pc = self._address(w.state, W.REFUGE_SUBURBS[w.state])
        w.street, w.suburb, w.pc = street, sub, pc
        w.phone = self._phone()
        w.suppressed = ["postal_address", "phone"]
        if with_email:
            w.email = self._email(w.given, w.family)
            w.suppressed.append("email")
        self.fv.append(w)

    def _representatives(self) -> None:
        rng = self.rng
        for w in self.workers:
            r = rng.random()
            if r < 0.28 or w.kind == "dependant" or w.suppressed:
                firm = rng.choice(W.LAW_FIRMS)
                w.contact_parties["lawyer"] = firm
            if w.kind == "worker" and rng.random() < 0.14:
                w.contact_parties["union"] = rng.choice(W.UNIONS)
            if w.kind == "worker" and rng.random() < 0.10:
                w.contact_parties["interpreter"] = rng.choice(W.INTERPRETERS)
            if w.kind == "worker" and rng.random() < 0.45:
                clinics = [
                    c for c in W.GP_CLINICS if (c.domain.startswith(("blacktown", "liverpool"))) == (w.state == "NSW")
                ]
                w.contact_parties["gp"] = rng.choice(clinics)
            for p in w.contact_parties.values():
                w.contacts.append(p.email)
        # make sure every kind of representative exists for the cases that need one
        for key, pool in (("lawyer", W.LAW_FIRMS), ("union", W.UNIONS), ("interpreter", W.INTERPRETERS)):
            have = [w for w in self.workers if key in w.contact_parties]
            for w in self.workers[40:44] if len(have) < 4 else []:
                w.contact_parties[key] = pool[0]
                w.contacts.append(pool[0].email)

    # -- pickers ----------------------------------------------------------------------------------------------
    def ordinary(self) -> list[W.Worker]:
        special = {w.cid for pair in self.namesakes for w in pair} | {w.cid for w in self.fv}
        special |= {w.cid for pair in self.death for w in pair} | {w.cid for w in self.young}
        special |= {w.ex for w in self.fv}
        return [w for w in self.workers if w.cid not in special]

    def with_party(self, key: str) -> list[W.Worker]:
        return [w for w in self.ordinary() if key in w.contact_parties]


def row(w: W.Worker) -> dict[str, str]:
    return {
        "client_id": w.cid,
        "given_name": w.given,
        "family_name": w.family,
        "date_of_birth": w.dob,
        "email": w.email,
        "phone": w.phone,
        "postal_address": w.address,
        "references": ";".join([w.claim, *w.extra_refs]),
        "suppressed": ";".join(w.suppressed),
        "joint_with": ";".join(w.joint),
        "authorised_contacts": ";".join(dict.fromkeys(w.contacts)),
    }


def to_csv(reg: Registry) -> str:
    buf = io.StringIO()
    wr = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    wr.writeheader()
    for w in sorted(reg.workers, key=lambda x: x.cid):
        wr.writerow(row(w))
    return buf.getvalue()


def config_toml() -> str:
    approved = ", ".join(f'"{p.domain}"' for p in W.APPROVED)
    own = [W.MELB_OFFICE, W.PARRA_OFFICE, W.PHONE_MAIN, W.PHONE_MELB, W.PHONE_PARRA, W.FAX]
    return (
        "# Southgate Claims Services: outgoing-mail DLP, written by the privacy officer from the README.\n"
        "[organisation]\n"
        f'name = "{W.ORG}"\n'
        f'internal_domains = ["{W.INTERNAL}"]\n'
        "# the conciliation service, the commission, both regulators, and the contracted IME, rehab and\n"
        "# investigation providers; employers, lawyers, unions and GPs are each worker's authorised contacts\n"
        f"approved_recipient_domains = [{approved}]\n"
        f'suppressed_detail_staff = ["{W.SAFETY_TEAM}", "{W.SENIOR.email}"]\n'
        "# letterhead: both offices and their phone and fax numbers\n"
        f"own_details = [{', '.join(f'{x!r}'.replace(chr(39), chr(34)) for x in own)}]\n"
        f'timezone = "{W.TIMEZONE}"\n\n'
        "[registry]\n"
        'path = "clients.csv"\n\n'
        "[incidents]\n"
        'holidays = "AU-VIC"\n'
    )
