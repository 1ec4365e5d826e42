"""privacy register: processing activities, processor agreements, data breaches

Revision ID: 4cae88c1bdc4
Revises: 7069be6760c5
Create Date: 2026-11-29 18:52:21.657486
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

import portfolio.core.db


revision = '4cae88c1bdc4'
down_revision = '7069be6760c5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('data_breach',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('discovered_at', portfolio.core.db.UTCDateTime(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('affected_categories', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('people_affected', sa.Integer(), nullable=True),
    sa.Column('risk', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('risk_assessment', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.Column('notified_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('notification_reference', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('people_informed_on', sa.Date(), nullable=True),
    sa.Column('measures', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', portfolio.core.db.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('people_affected IS NULL OR people_affected >= 0', name=op.f('ck_data_breach_people_not_negative')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_data_breach_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_breach'))
    )
    with op.batch_alter_table('data_breach', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_breach_closed_on'), ['closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_data_breach_discovered_at'), ['discovered_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_data_breach_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('processing_activity',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('legal_basis', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('special_category_ground', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('data_subjects', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('data_categories', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('special_categories', sa.Boolean(), nullable=False),
    sa.Column('bsn', sa.Boolean(), nullable=False),
    sa.Column('recipients', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('third_country_transfers', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('transfer_safeguards', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('retention_period', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('security_measures', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.Column('dpia_required', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('dpia_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('dpia_done_on', sa.Date(), nullable=True),
    sa.Column('dpia_outcome', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('dpia_next_review', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_processing_activity_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processing_activity')),
    sa.UniqueConstraint('organisation_id', 'name', name='uq_processing_activity_organisation_name')
    )
    with op.batch_alter_table('processing_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processing_activity_bsn'), ['bsn'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_activity_dpia_required'), ['dpia_required'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_activity_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_activity_special_categories'), ['special_categories'], unique=False)

    op.create_table('processor_agreement',
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('archived_at', portfolio.core.db.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('model_version', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('sub_processors', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('document_reference', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('ends_on IS NULL OR signed_on IS NULL OR ends_on >= signed_on', name=op.f('ck_processor_agreement_ends_after_signed')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_processor_agreement_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_processor_agreement_supplier_id_supplier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processor_agreement'))
    )
    with op.batch_alter_table('processor_agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processor_agreement_ends_on'), ['ends_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_processor_agreement_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processor_agreement_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('agreement_application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['processor_agreement.id'], name=op.f('fk_agreement_application_agreement_id_processor_agreement')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_agreement_application_application_id_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_application')),
    sa.UniqueConstraint('agreement_id', 'application_id', name='uq_agreement_application_pair')
    )
    with op.batch_alter_table('agreement_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_application_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_application_application_id'), ['application_id'], unique=False)

    op.create_table('breach_application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('breach_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_breach_application_application_id_application')),
    sa.ForeignKeyConstraint(['breach_id'], ['data_breach.id'], name=op.f('fk_breach_application_breach_id_data_breach')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_breach_application')),
    sa.UniqueConstraint('breach_id', 'application_id', name='uq_breach_application_pair')
    )
    with op.batch_alter_table('breach_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_breach_application_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_breach_application_breach_id'), ['breach_id'], unique=False)

    op.create_table('processing_application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('processing_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_processing_application_application_id_application')),
    sa.ForeignKeyConstraint(['processing_id'], ['processing_activity.id'], name=op.f('fk_processing_application_processing_id_processing_activity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processing_application')),
    sa.UniqueConstraint('processing_id', 'application_id', name='uq_processing_application_pair')
    )
    with op.batch_alter_table('processing_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processing_application_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_application_processing_id'), ['processing_id'], unique=False)

    op.create_table('processing_processor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('processing_id', sa.Integer(), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['processing_id'], ['processing_activity.id'], name=op.f('fk_processing_processor_processing_id_processing_activity')),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_processing_processor_supplier_id_supplier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processing_processor')),
    sa.UniqueConstraint('processing_id', 'supplier_id', name='uq_processing_processor_pair')
    )
    with op.batch_alter_table('processing_processor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processing_processor_processing_id'), ['processing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_processor_supplier_id'), ['supplier_id'], unique=False)



def downgrade():
    with op.batch_alter_table('processing_processor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processing_processor_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_processing_processor_processing_id'))

    op.drop_table('processing_processor')
    with op.batch_alter_table('processing_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processing_application_processing_id'))
        batch_op.drop_index(batch_op.f('ix_processing_application_application_id'))

    op.drop_table('processing_application')
    with op.batch_alter_table('breach_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_breach_application_breach_id'))
        batch_op.drop_index(batch_op.f('ix_breach_application_application_id'))

    op.drop_table('breach_application')
    with op.batch_alter_table('agreement_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_application_application_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_application_agreement_id'))

    op.drop_table('agreement_application')
    with op.batch_alter_table('processor_agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processor_agreement_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_processor_agreement_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_processor_agreement_ends_on'))

    op.drop_table('processor_agreement')
    with op.batch_alter_table('processing_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processing_activity_special_categories'))
        batch_op.drop_index(batch_op.f('ix_processing_activity_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_processing_activity_dpia_required'))
        batch_op.drop_index(batch_op.f('ix_processing_activity_bsn'))

    op.drop_table('processing_activity')
    with op.batch_alter_table('data_breach', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_breach_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_data_breach_discovered_at'))
        batch_op.drop_index(batch_op.f('ix_data_breach_closed_on'))

    op.drop_table('data_breach')
