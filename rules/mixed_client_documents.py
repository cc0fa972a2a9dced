"""One item carries strong identifiers of two or more unrelated clients (pages printed together, a wrong
attachment)."""

from __future__ import annotations

from dlp.model import RecipientKind, Report, ScanContext
from dlp.registry.entities import CLIENT_NAME, CLIENT_NAME_DOB
from dlp.rules.base import Rule, entitled, has_external


class MixedClientDocuments(Rule):
    rule_id = "mixed_client_documents"
    title = "documents of different clients mixed in one item"
    why = "documents of more than one client were put together"
    what_to_check = "that every page belongs to this client; remove pages of other clients"
    colour = "#8e44ad"
    # At this many unrelated clients the item is a client extract: bulk_client_data speaks instead.
    OPTIONS = {"max_clients": 9}

    def check(self, ctx: ScanContext) -> list[Report]:
        if not has_external(ctx):
            return []  # staff may discuss several clients with each other
        groups = ctx.households
        if not 2 <= len(groups) <= self.options["max_clients"]:
            return []
        # A representative of every one of these clients may receive them together, and so may an approved third
        # party (DESIGN §3: it is subject to the suppressed-detail and bulk rules, not this one), unless an identifier
        # of a client the item never names was pasted in (`_stray`).
        external = [r for r in ctx.recipients if r.external and r.kind is not RecipientKind.APPROVED]
        if all(entitled(r, g) for r in external for g in groups) and not _stray(ctx, groups):
            return []
        # Name the part where the second household's data first appears.
        first = groups[0]
        other = next(f for f in ctx.strong if not (f.clients & first))
        ids = sorted(min(g) for g in groups)
        return [
            self.report(
                ids, other.part, f"identifiers of {len(groups)} unrelated clients ({', '.join(ids)}) in one item"
            )
        ]


def _stray(ctx: ScanContext, groups: tuple[frozenset[str], ...]) -> bool:
    """For an approved third party: does the item name some of its clients and carry an identifier of another it
    never names (a referral about one complainant with another's account number pasted in, a GP letter quoting
    another patient's hospital number)? A provider's remittance or a case list names each client it lists."""
    if not any(r.kind is RecipientKind.APPROVED for r in ctx.recipients):
        return False
    named = {cid for f in ctx.findings if f.entity in _NAMES and f.clients and not f.addressee for cid in f.clients}
    return any(g & named for g in groups) and any(not g & named for g in groups)


_NAMES = frozenset({CLIENT_NAME, CLIENT_NAME_DOB})
