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
REGISTRY_ENTITIES = (CLIENT_REFERENCE, CLIENT_EMAIL, CLIENT_PHONE, CLIENT_ADDRESS, CLIENT_STREET, CLIENT_NAME)
# Entities that say whose data an item carries; a name alone never does (two clients can share one).
STRONG_ENTITIES = frozenset({CLIENT_REFERENCE, CLIENT_EMAIL, CLIENT_PHONE, CLIENT_ADDRESS})
# Which suppressible field each entity comes from.
FIELD_OF = {
    CLIENT_EMAIL: "email",
    CLIENT_PHONE: "phone",
    CLIENT_ADDRESS: "postal_address",
    CLIENT_STREET: "postal_address",
}
MIN_KEY = 5  # shorter compact keys ("alee", "1234") match too much text by chance
