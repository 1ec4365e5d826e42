"""Processor agreements: when one is current (currency.py), their forms, rules and pages."""
