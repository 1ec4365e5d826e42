"""The audit trail: captured in the persistence layer, shown on record pages and in the log."""


def init_app(app):
    from portfolio.audit import capture

    capture.init_app(app)
