"""The statement of applicability and the ENSIA export: their selection, form and pages."""
