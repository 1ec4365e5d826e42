from tests.dashboard.conftest import (  # noqa: F401  (the hand-counted data set of the dashboard)
    archive_record, data_set, day, make_application, make_contract, make_procurement, make_supplier, make_usage,
    reference,
)
