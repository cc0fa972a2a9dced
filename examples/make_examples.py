"""Regenerate the bundled example registry and outgoing items (synthetic people only).

python examples/make_examples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the synthetic generator lives with the tests

from tests.synthetic import (  # noqa: E402
    OMBUDSMAN_DOMAIN,
    ORG_DOMAIN,
    account_body,
    email,
    extract_csv,
    letter,
    make_registry,
)

HERE = Path(__file__).parent


def main() -> None:
    reg = make_registry(200, seed=2026)
    reg.write(HERE / "clients.csv")
    out = HERE / "outgoing"
    out.mkdir(exist_ok=True)
    a, b = reg.ordinary()[0], reg.ordinary()[1]
    items = {
        "01-own-account-letter.txt": letter(a, account_body(a)),
        "02-wrong-account-letter.txt": letter(a, account_body(b)),
        "03-own-account-email.eml": email([a.email], "Your water account", account_body(a)),
        "04-other-clients-attachment.eml": email(
            [a.email],
            "Your statement",
            "Please find your statement attached.",
            attachments=[("statement.txt", letter(b, account_body(b)).encode(), "text/plain")],
        ),
        "05-suppressed-address-to-joint-holder.txt": letter(
            reg.ex_partner,
            "Following your request, the account has been updated. The other account holder's "
            f"contact address is now {reg.victim.postal_address}.",
        ),
        "06-ombudsman-complaint.eml": email(
            [f"complaints@{OMBUDSMAN_DOMAIN}"],
            "Complaint 2026/118",
            f"Our response to the complaint concerning account {a.reference} is attached in this email.",
            sender=f"complaints@{ORG_DOMAIN}",
        ),
        "07-client-extract-to-gmail.eml": email(
            ["someone@freemail.example"],
            "extract",
            "As discussed.",
            attachments=[("clients.csv", extract_csv(reg.ordinary()[:40]), "text/csv")],
        ),
        "08-unmerged-letter.txt": letter(a, "Dear «FirstName», your account {{AccountNo}} is in credit."),
    }
    for name, content in items.items():
        (out / name).write_bytes(content if isinstance(content, bytes) else content.encode())


if __name__ == "__main__":
    main()
