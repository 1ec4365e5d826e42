"""Running test code in threads, each in its own app context, with their errors re-raised."""

import threading

# How long a thread that should be blocked is given to show it is not: a deferred writer or an
# unserialised appender gets in well within it. The tests' outcome never depends on it running out.
GRACE_SECONDS = 1.0


def run_in_threads(app, *targets, timeout=60):
    """Start every target at once, wait for all, and raise the first error any of them raised."""
    errors = []

    def run(target):
        try:
            with app.app_context():
                target()
        except BaseException as error:  # re-raised below, in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    if errors:
        raise errors[0]
