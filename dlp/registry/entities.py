"""What a registry match says: the entity kinds, which of them identify a client, and which client field
each comes from."""

from __future__ import annotations

CLIENT_REFERENCE = "CLIENT_REFERENCE"
CLIENT_EMAIL = "CLIENT_EMAIL"
CLIENT_PHONE = "CLIENT_PHONE"
CLIENT_ADDRESS = "CLIENT_ADDRESS"
CLIENT_STREET = "CLIENT_STREET"
CLIENT_NAME = "CLIENT_NAME"
CLIENT_DOB = "CLIENT_DOB"
CLIENT_NAME_DOB = "CLIENT_NAME_DOB"  # a client's name with their date of birth: says whose data it is
# A landline's local number without its area code: too common to say whose it is, enough to expose it.
CLIENT_PHONE_LOCAL = "CLIENT_PHONE_LOCAL"
# The suburb of a suppressed address ("I'm at Redgum Flat now"): where she lives, once an item says who she is.
CLIENT_LOCALITY = "CLIENT_LOCALITY"
# Her family name after a title or her initials ("Mrs E. Marlow"), looked for only beside her suburb or building
# (dlp/analysis/surnames.py): who she is to the suppressed rule, to no other.
CLIENT_SURNAME = "CLIENT_SURNAME"
REGISTRY_ENTITIES = (
    CLIENT_REFERENCE,
    CLIENT_EMAIL,
    CLIENT_PHONE,
    CLIENT_PHONE_LOCAL,
    CLIENT_ADDRESS,
    CLIENT_STREET,
    CLIENT_NAME,
    CLIENT_LOCALITY,
)
# Entities that say whose data an item carries; a name alone never does (two clients can share one).
STRONG_ENTITIES = frozenset({CLIENT_REFERENCE, CLIENT_EMAIL, CLIENT_PHONE, CLIENT_ADDRESS, CLIENT_NAME_DOB})
# Which suppressible field each entity comes from.
FIELD_OF = {
    CLIENT_EMAIL: "email",
    CLIENT_PHONE: "phone",
    CLIENT_PHONE_LOCAL: "phone",
    CLIENT_ADDRESS: "postal_address",
    CLIENT_STREET: "postal_address",
    CLIENT_LOCALITY: "postal_address",
}
MIN_KEY = 5  # shorter compact keys ("alee", "1234") match too much text by chance
# A suppressed suburb is kept down to three letters ("Ayr", "Kew", "Moe", "Sale", "Yass": towns a woman moves to);
# the suppressed rule counts one so short only where the text puts someone there ("moved to Sale", "Sale is where
# she lives"), right after her name, or with her street.
MIN_LOCALITY = 3
