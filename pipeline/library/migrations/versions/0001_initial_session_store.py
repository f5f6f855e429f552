"""Initial session store: sessions, participants, consents, turns, per-turn measures, indicators, evidence, audit.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 06:49:23.963344
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_audit()
    _create_sessions()
    _create_consents()
    _create_evidence()
    _create_indicators()
    _create_participants()
    _create_turn_measures()
    _create_turns()


def _create_audit() -> None:
    op.create_table('audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('session_id', sa.String(length=12), nullable=False),
    sa.Column('actor', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def _create_sessions() -> None:
    op.create_table('sessions',
    sa.Column('id', sa.String(length=12), nullable=False),
    sa.Column('source_name', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('options_key', sa.String(length=64), nullable=False),
    sa.Column('options_json', sa.Text(), nullable=False),
    sa.Column('duration_s', sa.Float(), nullable=False),
    sa.Column('recorded_on', sa.String(length=10), nullable=False),
    sa.Column('stored_at', sa.String(length=32), nullable=False),
    sa.Column('input_kind', sa.String(length=16), nullable=False),
    sa.Column('model_name', sa.String(length=64), nullable=False),
    sa.Column('pipeline_version', sa.String(length=32), nullable=False),
    sa.Column('attribution_method', sa.String(length=32), nullable=False),
    sa.Column('attribution_confidence', sa.String(length=16), nullable=False),
    sa.Column('keeps_transcript', sa.Boolean(), nullable=False),
    sa.Column('keeps_audio', sa.Boolean(), nullable=False),
    sa.Column('audio_sha256', sa.String(length=64), nullable=True),
    sa.Column('audio_ext', sa.String(length=16), nullable=True),
    sa.Column('report_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256', 'options_key', name='uq_sessions_sha256_options')
    )


def _create_consents() -> None:
    op.create_table('consents',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('session_id', sa.String(length=12), nullable=False),
    sa.Column('participant', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('keep_report', sa.Boolean(), nullable=False),
    sa.Column('keep_transcript', sa.Boolean(), nullable=False),
    sa.Column('keep_audio', sa.Boolean(), nullable=False),
    sa.Column('given_at', sa.String(length=32), nullable=False),
    sa.Column('recorded_by', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_session_id'), ['session_id'], unique=False)


def _create_evidence() -> None:
    op.create_table('evidence',
    sa.Column('session_id', sa.String(length=12), nullable=False),
    sa.Column('indicator_id', sa.String(length=64), nullable=False),
    sa.Column('rank', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('start_s', sa.Float(), nullable=False),
    sa.Column('end_s', sa.Float(), nullable=False),
    sa.Column('speaker', sa.String(length=64), nullable=False),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'indicator_id', 'rank')
    )


def _create_indicators() -> None:
    op.create_table('indicators',
    sa.Column('session_id', sa.String(length=12), nullable=False),
    sa.Column('indicator_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=32), nullable=False),
    sa.Column('band_low', sa.Float(), nullable=True),
    sa.Column('band_high', sa.Float(), nullable=True),
    sa.Column('confidence', sa.String(length=16), nullable=False),
    sa.Column('available', sa.Boolean(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'indicator_id')
    )


def _create_participants() -> None:
    op.create_table('participants',
    sa.Column('session_id', sa.String(length=12), nullable=False),
    sa.Column('label', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('role_source', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'label')
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index('ix_participants_name', ['name'], unique=False)


def _create_turn_measures() -> None:
    op.create_table('turn_measures',
    sa.Column('session_id', sa.String(length=12), nullable=False),
    sa.Column('turn_idx', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('measure', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'turn_idx', 'measure')
    )


def _create_turns() -> None:
    op.create_table('turns',
    sa.Column('session_id', sa.String(length=12), nullable=False),
    sa.Column('idx', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('speaker', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('start_s', sa.Float(), nullable=False),
    sa.Column('end_s', sa.Float(), nullable=False),
    sa.Column('overlap', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'idx')
    )


def downgrade() -> None:
    op.drop_table('turns')
    op.drop_table('turn_measures')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index('ix_participants_name')

    op.drop_table('participants')
    op.drop_table('indicators')
    op.drop_table('evidence')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_session_id'))

    op.drop_table('consents')
    op.drop_table('sessions')
    op.drop_table('audit')
