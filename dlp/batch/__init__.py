"""Mail-merge batch runs."""

from dlp.batch.run import BatchRun, RunReport

__all__ = ["BatchRun", "RunReport"]
