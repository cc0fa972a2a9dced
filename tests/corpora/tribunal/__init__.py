"""Labelled accuracy corpus: an invented civil and administrative tribunal's tenancy and guardianship mail."""
