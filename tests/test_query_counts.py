"""Every list page and the dashboard load what they show in the same number of queries for a
small register as for one twenty times its size: a page that queries per row would grow."""

from portfolio.ops.generator import generate_register

PAGES = (
    "/", "/applications/", "/suppliers/", "/procurements/", "/procurements/?view=list", "/budget/?year=2026",
    "/budget/lines", "/security/", "/security/measures/", "/security/frameworks/", "/privacy/",
    "/privacy/processing/", "/privacy/agreements/", "/privacy/breaches/", "/audit/", "/admin/users/",
)


def test_list_pages_and_the_dashboard_keep_their_query_count_as_the_register_grows(app, db, client_as, count_queries):
    admin = client_as("admin")

    def queries_per_page():
        counted = {}
        for path in PAGES:
            assert admin.get(path).status_code == 200, path  # the first request warms per-process caches
            with count_queries() as statements:
                assert admin.get(path).status_code == 200, path
            counted[path] = len(statements)
        return counted

    with db() as session:
        generate_register(session, applications=10, measures=10, seed=1)
    small = queries_per_page()
    with db() as session:
        generate_register(session, applications=190, measures=190, seed=2)
    large = queries_per_page()

    assert large == small
