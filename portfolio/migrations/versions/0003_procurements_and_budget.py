"""procurements and budget

Revision ID: 03b0bcb18255
Revises: 6d3d8feedd99
Create Date: 2026-11-29 16:48:16.404688
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import portfolio.core.db


revision = '03b0bcb18255'
down_revision = '6d3d8feedd99'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('funding_source',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('available_cents', sa.Integer(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('available_cents >= 0', name=op.f('ck_funding_source_available_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_source')),
    sa.UniqueConstraint('name', 'year', name='uq_funding_source_name_year')
    )
    with op.batch_alter_table('funding_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_source_year'), ['year'], unique=False)

    op.create_table('procurement',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('domain_id', sa.Integer(), nullable=True),
    sa.Column('phase', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('procedure', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.Column('estimated_cost_cents', sa.Integer(), nullable=True),
    sa.Column('actual_cost_cents', sa.Integer(), nullable=True),
    sa.Column('budget_year', sa.Integer(), nullable=True),
    sa.Column('project_lead', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('external_project_lead_needed', sa.Boolean(), nullable=False),
    sa.Column('external_expertise_needed', sa.Boolean(), nullable=False),
    sa.Column('personal_data', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('delivered_application_id', sa.Integer(), nullable=True),
    sa.Column('risk_assessment_on', sa.Date(), nullable=True),
    sa.Column('risk_assessment_reference', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('dpia_on', sa.Date(), nullable=True),
    sa.Column('dpia_reference', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('gate_override_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('actual_cost_cents IS NULL OR actual_cost_cents >= 0', name=op.f('ck_procurement_actual_not_negative')),
    sa.CheckConstraint('estimated_cost_cents IS NULL OR estimated_cost_cents >= 0', name=op.f('ck_procurement_estimate_not_negative')),
    sa.ForeignKeyConstraint(['delivered_application_id'], ['application.id'], name=op.f('fk_procurement_delivered_application_id_application')),
    sa.ForeignKeyConstraint(['domain_id'], ['domain.id'], name=op.f('fk_procurement_domain_id_domain')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procurement')),
    sa.UniqueConstraint('title', name=op.f('uq_procurement_title'))
    )
    with op.batch_alter_table('procurement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procurement_budget_year'), ['budget_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_procurement_delivered_application_id'), ['delivered_application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_procurement_domain_id'), ['domain_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_procurement_phase'), ['phase'], unique=False)

    op.create_table('budget_line',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.Column('original_cents', sa.Integer(), nullable=True),
    sa.Column('revised_cents', sa.Integer(), nullable=True),
    sa.Column('revision_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('procurement_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('original_cents IS NULL OR original_cents >= 0', name=op.f('ck_budget_line_original_not_negative')),
    sa.CheckConstraint('revised_cents IS NULL OR revised_cents >= 0', name=op.f('ck_budget_line_revised_not_negative')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_budget_line_application_id_application')),
    sa.ForeignKeyConstraint(['procurement_id'], ['procurement.id'], name=op.f('fk_budget_line_procurement_id_procurement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line'))
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_line_procurement_id'), ['procurement_id'], unique=False)

    op.create_table('procurement_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procurement_id', sa.Integer(), nullable=False),
    sa.Column('written_at', portfolio.core.db.UTCDateTime(), nullable=False),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.ForeignKeyConstraint(['procurement_id'], ['procurement.id'], name=op.f('fk_procurement_note_procurement_id_procurement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procurement_note'))
    )
    with op.batch_alter_table('procurement_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procurement_note_procurement_id'), ['procurement_id'], unique=False)

    op.create_table('procurement_phase_date',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procurement_id', sa.Integer(), nullable=False),
    sa.Column('phase', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=True),
    sa.Column('actual_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['procurement_id'], ['procurement.id'], name=op.f('fk_procurement_phase_date_procurement_id_procurement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procurement_phase_date')),
    sa.UniqueConstraint('procurement_id', 'phase', name='uq_procurement_phase_date_phase')
    )
    with op.batch_alter_table('procurement_phase_date', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procurement_phase_date_procurement_id'), ['procurement_id'], unique=False)

    op.create_table('procurement_replacement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procurement_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_procurement_replacement_application_id_application')),
    sa.ForeignKeyConstraint(['procurement_id'], ['procurement.id'], name=op.f('fk_procurement_replacement_procurement_id_procurement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procurement_replacement')),
    sa.UniqueConstraint('procurement_id', 'application_id', name='uq_procurement_replacement_pair')
    )
    with op.batch_alter_table('procurement_replacement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procurement_replacement_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_procurement_replacement_procurement_id'), ['procurement_id'], unique=False)

    op.create_table('allocation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('funding_source_id', sa.Integer(), nullable=False),
    sa.Column('procurement_id', sa.Integer(), nullable=True),
    sa.Column('budget_line_id', sa.Integer(), nullable=True),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(procurement_id IS NULL) <> (budget_line_id IS NULL)', name=op.f('ck_allocation_one_target')),
    sa.CheckConstraint('amount_cents > 0', name=op.f('ck_allocation_amount_positive')),
    sa.ForeignKeyConstraint(['budget_line_id'], ['budget_line.id'], name=op.f('fk_allocation_budget_line_id_budget_line')),
    sa.ForeignKeyConstraint(['funding_source_id'], ['funding_source.id'], name=op.f('fk_allocation_funding_source_id_funding_source')),
    sa.ForeignKeyConstraint(['procurement_id'], ['procurement.id'], name=op.f('fk_allocation_procurement_id_procurement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocation'))
    )
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allocation_budget_line_id'), ['budget_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allocation_funding_source_id'), ['funding_source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allocation_procurement_id'), ['procurement_id'], unique=False)

    op.create_table('budget_line_amount',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('budget_line_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount_cents >= 0', name=op.f('ck_budget_line_amount_amount_not_negative')),
    sa.ForeignKeyConstraint(['budget_line_id'], ['budget_line.id'], name=op.f('fk_budget_line_amount_budget_line_id_budget_line')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line_amount')),
    sa.UniqueConstraint('budget_line_id', 'year', name='uq_budget_line_amount_year')
    )
    with op.batch_alter_table('budget_line_amount', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_amount_budget_line_id'), ['budget_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_line_amount_year'), ['year'], unique=False)

    op.create_table('budget_line_share',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('budget_line_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('basis_points', sa.Integer(), nullable=False),
    sa.CheckConstraint('basis_points >= 0 AND basis_points <= 10000', name=op.f('ck_budget_line_share_basis_points_range')),
    sa.ForeignKeyConstraint(['budget_line_id'], ['budget_line.id'], name=op.f('fk_budget_line_share_budget_line_id_budget_line')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_budget_line_share_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line_share')),
    sa.UniqueConstraint('budget_line_id', 'organisation_id', name='uq_budget_line_share_organisation')
    )
    with op.batch_alter_table('budget_line_share', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_share_budget_line_id'), ['budget_line_id'], unique=False)



def downgrade():
    with op.batch_alter_table('budget_line_share', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_share_budget_line_id'))

    op.drop_table('budget_line_share')
    with op.batch_alter_table('budget_line_amount', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_amount_year'))
        batch_op.drop_index(batch_op.f('ix_budget_line_amount_budget_line_id'))

    op.drop_table('budget_line_amount')
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_allocation_procurement_id'))
        batch_op.drop_index(batch_op.f('ix_allocation_funding_source_id'))
        batch_op.drop_index(batch_op.f('ix_allocation_budget_line_id'))

    op.drop_table('allocation')
    with op.batch_alter_table('procurement_replacement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procurement_replacement_procurement_id'))
        batch_op.drop_index(batch_op.f('ix_procurement_replacement_application_id'))

    op.drop_table('procurement_replacement')
    with op.batch_alter_table('procurement_phase_date', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procurement_phase_date_procurement_id'))

    op.drop_table('procurement_phase_date')
    with op.batch_alter_table('procurement_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procurement_note_procurement_id'))

    op.drop_table('procurement_note')
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_procurement_id'))
        batch_op.drop_index(batch_op.f('ix_budget_line_application_id'))

    op.drop_table('budget_line')
    with op.batch_alter_table('procurement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procurement_phase'))
        batch_op.drop_index(batch_op.f('ix_procurement_domain_id'))
        batch_op.drop_index(batch_op.f('ix_procurement_delivered_application_id'))
        batch_op.drop_index(batch_op.f('ix_procurement_budget_year'))

    op.drop_table('procurement')
    with op.batch_alter_table('funding_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_source_year'))

    op.drop_table('funding_source')
