"""The web layer: the page shell every feature shares (layout helpers, edit pages, forms, errors,
security headers, languages, routing, permissions, security events). It knows no feature."""
