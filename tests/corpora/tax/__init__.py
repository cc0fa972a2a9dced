"""Labelled accuracy corpus: a tax agent and bookkeeping practice (Murray Plains Tax & Bookkeeping)."""
