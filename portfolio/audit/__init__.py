"""The audit trail: captured in the persistence layer, shown on record pages and in the log."""


def init_app(app):
    from portfolio.audit import labels

    app.jinja_env.globals.update(history_entity=labels.entity_label, history_changes=labels.visible_changes)
