"""The optional sidecar `letter.pdf.json`: who the letter is meant for, checked against its address block."""

from __future__ import annotations

import json
from pathlib import Path

from dlp.model import Verdict
from dlp.scanner import Scanner


def check_manifest(scanner: Scanner, letter: Path, manifest: Path, verdict: Verdict) -> Verdict:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError
    except (OSError, ValueError, UnicodeDecodeError):
        return _add(
            scanner,
            verdict,
            "manifest",
            "the sidecar manifest is not a JSON object; the intended recipient cannot be checked",
        )
    # "client_id", "Client_ID", "clientId", "ClientID"; "email", "Email", "e-mail", "email_address".
    keys: dict[str, object] = {}
    for key, value in data.items():
        spelt = key.lower().replace("_", "").replace("-", "").replace(" ", "")
        if spelt in keys and keys[spelt] != value:  # "client_id" and "ClientID" naming two clients: which is meant?
            return _add(scanner, verdict, "manifest", "the sidecar manifest names two recipients under one key")
        keys[spelt] = value
    client_id = keys.get("clientid")
    email = keys.get("email") or keys.get("emailaddress")
    if not client_id and not email:
        # A manifest was meant to say whom the letter is for: one that names no one is not "no manifest".
        return _add(
            scanner,
            verdict,
            "manifest",
            "the sidecar manifest names no client_id or email; the intended recipient cannot be checked",
        )
    addressee = next((r for r in verdict.recipients if r.postal), None)
    if client_id:
        client_id = str(client_id).strip()
        if client_id not in scanner.index.clients:
            return _add(scanner, verdict, "manifest", f"the manifest names client {client_id}, not in the registry")
        if addressee is None or client_id not in addressee.clients:
            who = ", ".join(sorted(addressee.clients)) if addressee and addressee.clients else "someone else"
            return _add(
                scanner,
                verdict,
                "address block",
                f"manifest intends the letter for {client_id} but it is addressed to {who}",
                [client_id],
            )
    elif email:
        recipient = scanner.resolver.email(str(email), "manifest")
        if (
            addressee is not None
            and not (recipient.clients & addressee.clients)
            and not recipient.authorised_for & (addressee.clients)
        ):
            return _add(
                scanner,
                verdict,
                "address block",
                "the manifest's email recipient is not the client the letter is addressed to",
            )
    return verdict


def _add(scanner: Scanner, verdict: Verdict, part: str, explanation: str, clients: list[str] | None = None) -> Verdict:
    return scanner.policy.add_violation(verdict, "mismatched_recipient", part, explanation, tuple(clients or ()))
