"""Incident records: models, alembic migrations, deadlines and the store."""

from dlp.store.store import IncidentStore, as_dict, store_url

__all__ = ["IncidentStore", "as_dict", "store_url"]
