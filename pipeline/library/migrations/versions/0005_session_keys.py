"""Each session's words and recording are sealed with its own keys, kept apart in the key store.

Adds ``sessions.words_key`` and ``sessions.audio_key`` (ids of the session's keys in the key store; NULL: not yet
sealed) and the ``library_info`` table with the library's random id, under which the key store files its keys.
The sessions stored before stay plain here: a migration does not reach the key store, so
:func:`pipeline.library.sealing.seal_old_sessions` seals them when a store opens the library.

Downgrading opens every sealed session back into plain rows and recordings, which needs the key store: pass
``key_store`` (a :class:`~pipeline.library.keys.KeyStore`) and ``audio_dir`` in the Alembic config's attributes.
``library_info`` stays, so keys left in the key store are swept when a store opens the library again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 10:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sessions') as batch:
        batch.add_column(sa.Column('words_key', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('audio_key', sa.String(length=32), nullable=True))
    conn = op.get_bind()
    if 'library_info' not in sa.inspect(conn).get_table_names():  # kept by a downgrade
        op.create_table(
            'library_info',
            sa.Column('name', sa.String(length=32), nullable=False),
            sa.Column('value', sa.String(length=255), nullable=False),
            sa.PrimaryKeyConstraint('name'),
        )
    if conn.execute(sa.text("SELECT count(*) FROM library_info WHERE name = 'library_id'")).scalar() == 0:
        conn.execute(sa.text("INSERT INTO library_info (name, value) VALUES ('library_id', :v)"),
                     {"v": uuid.uuid4().hex})


def downgrade() -> None:
    from pipeline.library.sealing import unseal_all

    attrs = op.get_context().config.attributes
    unseal_all(op.get_bind(), attrs.get("key_store"), attrs.get("audio_dir"))
    with op.batch_alter_table('sessions') as batch:
        batch.drop_column('audio_key')
        batch.drop_column('words_key')
