"""An item leaving the organisation carries records of many clients (an extract, a list, a report)."""

from __future__ import annotations

from dlp.model import RecipientKind, Report, ScanContext, households
from dlp.registry.index import CLIENT_NAME
from dlp.rules.base import Rule, has_external


class BulkClientData(Rule):
    rule_id = "bulk_client_data"
    title = "records of many clients sent outside"
    why = "many clients' records were about to leave the organisation"
    what_to_check = "whether so many clients' records need to leave the organisation at all"
    colour = "#2980b9"
    OPTIONS = {"threshold": 10, "contact_threshold": 20}

    def check(self, ctx: ScanContext) -> list[Report]:
        if not has_external(ctx):
            return []
        registry = [f for f in ctx.findings if f.clients and not f.addressee and (f.strong or f.entity == CLIENT_NAME)]
        # Clients who made every outside recipient their authorised contact (an employer's payroll mailbox, for
        # its staff's pay register; a landlord, for his tenants) are not leaking to it, nor is a recipient's own.
        theirs = _their_own(ctx)
        attributed = [f for f in registry if not f.clients <= theirs] if theirs else registry
        # Contact details of people outside the registry count too: a mailing list is a leak as well.
        covered = {(f.part, f.start) for f in registry}
        contacts = {
            f.key or (f.part, f.start, f.end)
            for f in ctx.findings
            if f.entity in ("EMAIL_ADDRESS", "PHONE_NUMBER") and not f.addressee and (f.part, f.start) not in covered
        }
        few_contacts = len(contacts) < self.options["contact_threshold"]
        # Households never outnumber the clients in them: most items name too few to group at all.
        if few_contacts and len(set().union(*(f.clients for f in attributed))) < self.options["threshold"]:
            return []
        people = households((f.clients for f in attributed), ctx.joint)
        if len(people) < self.options["threshold"] and few_contacts:
            return []
        parts = sorted({f.part for f in attributed} or {"item"})
        ids = sorted(min(p) for p in people)
        explanation = (
            f"records of {len(people)} registry clients and {len(contacts)} other contact details in one outgoing item"
        )
        return [self.report(ids[:20], ", ".join(parts[:3]), explanation)]


def _their_own(ctx: ScanContext) -> frozenset[str]:
    """The clients whose records every outside recipient of a message may receive: who made it their authorised
    contact, and a recipient client's own (a landlord's list of his tenants carries his own folio too)."""
    outside = [r for r in ctx.recipients if r.external]
    if ctx.communication.kind == "letter" or not outside:
        return frozenset()
    mays = []
    for r in outside:
        if r.kind is RecipientKind.AUTHORISED:
            mays.append(r.authorised_for)
        elif r.kind is RecipientKind.CLIENT and not r.one_of:
            mays.append(r.authorised_for | r.clients)
        else:
            return frozenset()
    return frozenset.intersection(*mays)
