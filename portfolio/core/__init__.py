"""The core layer: database, records, audit capture, labels, dates, money, paging, spreadsheets.
It knows no feature and no page."""
