"""Personal API tokens: each user's scoped, expiring, revocable keys for the JSON API."""
