"""Incident records and their findings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(32), unique=True, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("item_kind", sa.String(16), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.Column("clients", sa.JSON, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("how", sa.Text, nullable=False),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column("action_taken", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("report_due", sa.Date, nullable=False),
        sa.Column("close_due", sa.Date, nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("item_digest", sa.String(64), nullable=False),
        sa.Column("quarantine_ref", sa.String(255), nullable=True),
    )
    op.create_index("ix_incidents_reference", "incidents", ["reference"], unique=True)
    op.create_index("ix_incidents_channel", "incidents", ["channel"])
    op.create_index("ix_incidents_status", "incidents", ["status"])
    op.create_table(
        "incident_findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("clients", sa.JSON, nullable=False),
        sa.Column("part", sa.Text, nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
    )
    op.create_index("ix_incident_findings_incident_id", "incident_findings", ["incident_id"])


def downgrade() -> None:
    op.drop_table("incident_findings")
    op.drop_table("incidents")
