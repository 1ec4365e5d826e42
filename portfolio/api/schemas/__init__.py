"""Pydantic models of the API, per resource: <Thing>Read, <Thing>Create, <Thing>Update, <Thing>Query."""
