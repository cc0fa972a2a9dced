"""The review workflow at scale: search columns and indexes, client ids as rows, assignment, release claims;
accounts that can be disabled and locked, server-side sessions, and an audit log for logins and accounts.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("sender_domain", sa.String(255), nullable=True))
        batch.add_column(sa.Column("assignee", sa.String(64), nullable=True))
        batch.add_column(sa.Column("release_claim", sa.String(64), nullable=True))
    op.create_index("ix_incidents_created_at", "incidents", ["created_at"])
    op.create_index("ix_incidents_channel_created_at", "incidents", ["channel", "created_at"])
    op.create_index("ix_incidents_severity", "incidents", ["severity", "id"])
    op.create_index("ix_incidents_sender_domain", "incidents", ["sender_domain"])
    op.create_index("ix_incidents_assignee", "incidents", ["assignee"])
    op.create_index("ix_incidents_status_report_due", "incidents", ["status", "report_due"])
    op.create_index("ix_incidents_close_due", "incidents", ["close_due"])
    op.create_index("ix_incident_findings_rule", "incident_findings", ["rule", "incident_id"])
    clients = op.create_table(
        "incident_clients",
        sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("client_id", sa.String(32), primary_key=True),
    )
    op.create_index("ix_incident_clients_client", "incident_clients", ["client_id", "incident_id"])
    connection = op.get_bind()
    incidents = sa.table("incidents", sa.column("id", sa.Integer), sa.column("clients", sa.JSON))
    rows = [
        {"incident_id": incident_id, "client_id": str(c["id"])}
        for incident_id, listed in connection.execute(sa.select(incidents.c.id, incidents.c.clients))
        for c in (listed or [])
        if isinstance(c, dict) and c.get("id")
    ]
    if rows:
        op.bulk_insert(clients, rows)

    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(128), nullable=False, server_default=""),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("web_sessions")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
        batch.drop_column("disabled")
    op.drop_table("incident_clients")
    op.drop_index("ix_incident_findings_rule", "incident_findings")
    for name in (
        "close_due",
        "status_report_due",
        "assignee",
        "sender_domain",
        "severity",
        "channel_created_at",
        "created_at",
    ):
        op.drop_index(f"ix_incidents_{name}", "incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("release_claim")
        batch.drop_column("assignee")
        batch.drop_column("sender_domain")
