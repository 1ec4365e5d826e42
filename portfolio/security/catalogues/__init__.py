"""Norm catalogues: their import (services.py), form and pages. The shipped example catalogues
(voorbeeld-catalogus.csv and .yaml) sit beside the code, as package data."""
