"""Server mode (issue 21): sign-in accounts with a role, trainer -> mentor assignments, the sign-in log, and the
account named by each consent.

Nothing changes for a store on one person's machine: the new tables stay empty and ``consents.account`` stays NULL.
The sign-in log holds the name as typed, the time, the outcome and where from; never a password.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'accounts',
        sa.Column('name', sa.String(64), primary_key=True),
        sa.Column('role', sa.String(16), nullable=False),
        sa.Column('password_hash', sa.String(255), nullable=False),
        sa.Column('created_at', sa.String(32), nullable=False),
        sa.Column('disabled', sa.Boolean(), nullable=False),
    )
    op.create_table(
        'assignments',
        sa.Column('trainer', sa.String(64), sa.ForeignKey('accounts.name', ondelete='CASCADE'), primary_key=True),
        sa.Column('mentor', sa.String(64), sa.ForeignKey('accounts.name', ondelete='CASCADE'), primary_key=True),
    )
    op.create_table(
        'sign_ins',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('at', sa.String(32), nullable=False),
        sa.Column('name', sa.String(64), nullable=False),
        sa.Column('outcome', sa.String(8), nullable=False),
        sa.Column('source', sa.String(16), nullable=False),
    )
    op.create_table(
        'account_changes',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('at', sa.String(32), nullable=False),
        sa.Column('action', sa.String(16), nullable=False),
        sa.Column('account', sa.String(64), nullable=False),
        sa.Column('detail', sa.String(64), nullable=False),
        sa.Column('actor', sa.String(64), nullable=False),
    )
    op.create_index('ix_sign_ins_at', 'sign_ins', ['at'])
    op.create_index('ix_sign_ins_name', 'sign_ins', ['name'])
    with op.batch_alter_table('consents') as batch:
        batch.add_column(sa.Column('account', sa.String(64), nullable=True))
        batch.create_index('ix_consents_account', ['account'])


def downgrade() -> None:
    with op.batch_alter_table('consents') as batch:
        batch.drop_index('ix_consents_account')
        batch.drop_column('account')
    op.drop_index('ix_sign_ins_name', 'sign_ins')
    op.drop_index('ix_sign_ins_at', 'sign_ins')
    op.drop_table('sign_ins')
    op.drop_table('account_changes')
    op.drop_table('assignments')
    op.drop_table('accounts')
