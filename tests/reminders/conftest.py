"""A real SMTP server (aiosmtpd) on a free loopback port, and the dashboard's hand-counted data set."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from tests.dashboard.conftest import (  # noqa: F401  (the data set and its factories)
    amsterdam_today, archive_record, data_set, day, make_application, make_contract, make_procurement,
    make_supplier, make_usage, reference,
)


class Inbox:
    """Collects every message the server accepts, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        mail = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, mail))
        return "250 Message accepted"

    def to(self, address):
        return [mail for recipients, mail in self.messages if address in recipients]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def app_config(smtp_server):
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp_server.port, "MAIL_FROM": "portfolio@duoplus.test",
            "REMINDER_WEEKLY_DAY": amsterdam_today().weekday()}
