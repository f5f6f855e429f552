"""Indicators keep their 95 % interval (ci_low, ci_high), filled from each stored report.json.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 16:45:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('indicators', sa.Column('ci_low', sa.Float(), nullable=True))
    op.add_column('indicators', sa.Column('ci_high', sa.Float(), nullable=True))
    # Sessions stored before this revision: their report.json already holds each indicator's ci95.
    conn = op.get_bind()
    update = sa.text("UPDATE indicators SET ci_low = :low, ci_high = :high "
                     "WHERE session_id = :sid AND indicator_id = :iid")
    for sid, report_json in conn.execute(sa.text("SELECT id, report_json FROM sessions")).all():
        rows = [dict(sid=sid, iid=i["id"], low=i["ci95"][0], high=i["ci95"][1])
                for i in json.loads(report_json).get("indicators", []) if i.get("ci95")]
        if rows:
            conn.execute(update, rows)


def downgrade() -> None:
    with op.batch_alter_table('indicators') as batch:
        batch.drop_column('ci_high')
        batch.drop_column('ci_low')
