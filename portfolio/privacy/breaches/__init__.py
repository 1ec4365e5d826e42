"""The data-breach register: the 72-hour notification deadline (deadline.py), forms, rules and pages,
only for the privacy role and administrators."""
