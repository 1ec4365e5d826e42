"""reminders: the send log (reminder_sent), one row per user, item and day

Revision ID: 0006_reminders
Revises: 4cae88c1bdc4
Create Date: 2026-11-29 19:40:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import portfolio.core.db


revision = '0006_reminders'
down_revision = '4cae88c1bdc4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reminder_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('sent_at', portfolio.core.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_reminder_sent_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_sent')),
    sa.UniqueConstraint('user_id', 'item_key', 'day', name='uq_reminder_sent_user_item_day')
    )
    with op.batch_alter_table('reminder_sent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_sent_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_sent_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('reminder_sent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_sent_user_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_sent_day'))

    op.drop_table('reminder_sent')
