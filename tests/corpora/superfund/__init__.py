"""Labelled accuracy corpus: Coastline Industry Super, member services and claims (outgoing mail and letters)."""
