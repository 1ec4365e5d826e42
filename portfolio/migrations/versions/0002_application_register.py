"""application register

Revision ID: 6d3d8feedd99
Revises: 01231e03c061
Create Date: 2026-11-29 16:18:32.357482
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import portfolio.core.db

# The month arithmetic behind action-needed-by (portfolio/applications/deadlines.py); SQLite gets
# the same function from Python on every connection.
MONTHS_BEFORE = (
    "CREATE OR REPLACE FUNCTION portfolio_months_before(day date, months integer) RETURNS date "
    "LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT (day - make_interval(months => months))::date $$"
)


revision = '6d3d8feedd99'
down_revision = '01231e03c061'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('domain',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_domain')),
    sa.UniqueConstraint('name', name=op.f('uq_domain_name'))
    )
    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('name', name=op.f('uq_organisation_name'))
    )
    op.create_table('supplier',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('website', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('contact', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier')),
    sa.UniqueConstraint('name', name=op.f('uq_supplier_name'))
    )
    op.create_table('application',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=True),
    sa.Column('product', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('product_version', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('domain_id', sa.Integer(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.Column('gemma_component', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('lifecycle_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('time_verdict', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('hosting', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('hosting_party', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('process_owner', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('functional_admin', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('technical_admin', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('availability', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('integrity', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('confidentiality', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('personal_data', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('supplier_support_ends', sa.Date(), nullable=True),
    sa.Column('created_at', portfolio.core.db.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['domain_id'], ['domain.id'], name=op.f('fk_application_domain_id_domain')),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_application_supplier_id_supplier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application')),
    sa.UniqueConstraint('name', 'supplier_id', name='uq_application_name_supplier')
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_domain_id'), ['domain_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_lifecycle_status'), ['lifecycle_status'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('contract',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=True),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('contract_type', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('notice_months', sa.Integer(), nullable=False),
    sa.Column('renewal_terms', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('cost_cents', sa.Integer(), nullable=True),
    sa.Column('cost_period', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('cost_cents IS NULL OR cost_cents >= 0', name=op.f('ck_contract_cost_not_negative')),
    sa.CheckConstraint('ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on', name=op.f('ck_contract_ends_after_start')),
    sa.CheckConstraint('notice_months >= 0 AND notice_months <= 36', name=op.f('ck_contract_notice_months_range')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_contract_application_id_application')),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_contract_supplier_id_supplier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract'))
    )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contract_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('integration',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_application_id', sa.Integer(), nullable=False),
    sa.Column('target_application_id', sa.Integer(), nullable=True),
    sa.Column('external_target', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('direction', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('standard', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('via_esb', sa.Boolean(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('target_application_id IS NOT NULL OR external_target IS NOT NULL', name=op.f('ck_integration_has_target')),
    sa.CheckConstraint('target_application_id IS NULL OR target_application_id <> source_application_id', name=op.f('ck_integration_not_to_itself')),
    sa.ForeignKeyConstraint(['source_application_id'], ['application.id'], name=op.f('fk_integration_source_application_id_application')),
    sa.ForeignKeyConstraint(['target_application_id'], ['application.id'], name=op.f('fk_integration_target_application_id_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_integration'))
    )
    with op.batch_alter_table('integration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_integration_source_application_id'), ['source_application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_integration_target_application_id'), ['target_application_id'], unique=False)

    op.create_table('usage',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('local_process_owner', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('availability', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('integrity', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('confidentiality', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('ensia_subjects', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_usage_application_id_application')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_usage_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_usage')),
    sa.UniqueConstraint('application_id', 'organisation_id', name='uq_usage_application_organisation')
    )
    with op.batch_alter_table('usage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_usage_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_usage_organisation_id'), ['organisation_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(MONTHS_BEFORE)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION portfolio_months_before(date, integer)")
    with op.batch_alter_table('usage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_usage_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_usage_application_id'))

    op.drop_table('usage')
    with op.batch_alter_table('integration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_integration_target_application_id'))
        batch_op.drop_index(batch_op.f('ix_integration_source_application_id'))

    op.drop_table('integration')
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_contract_application_id'))

    op.drop_table('contract')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_application_name'))
        batch_op.drop_index(batch_op.f('ix_application_lifecycle_status'))
        batch_op.drop_index(batch_op.f('ix_application_domain_id'))

    op.drop_table('application')
    op.drop_table('supplier')
    op.drop_table('organisation')
    op.drop_table('domain')
