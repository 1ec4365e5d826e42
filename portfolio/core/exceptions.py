"""The errors services raise; views and the API turn them into responses."""


class ServiceError(Exception):
    """A rule refused the request; ``message`` is translated and fit to show the user."""

    status = 400

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class FieldErrors(ServiceError):
    """Input that passed the form but broke a rule; ``errors`` maps field name to messages."""

    status = 400

    def __init__(self, errors):
        super().__init__("; ".join(message for messages in errors.values() for message in messages))
        self.errors = errors


class VersionConflict(ServiceError):
    """The record changed since the user loaded it; nothing was written."""

    status = 409

    def __init__(self, message, *, record, loaded_version):
        super().__init__(message)
        self.record = record
        self.loaded_version = loaded_version
