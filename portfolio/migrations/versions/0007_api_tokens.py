"""personal API tokens

Revision ID: 0007_api_tokens
Revises: 0006_reminders
Create Date: 2026-11-29 19:45:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import portfolio.core.db


revision = '0007_api_tokens'
down_revision = '0006_reminders'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('created_at', portfolio.core.db.UTCDateTime(), nullable=False),
    sa.Column('last_used_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('revoked_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('rate_window', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('rate_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_api_token_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_token_token_hash'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_user_id'))
    op.drop_table('api_token')
