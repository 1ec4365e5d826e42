"""The audit trail's persistence: entries captured at every flush in the same transaction as the
change, hash-chained and append-only, and read back as a record's history."""
