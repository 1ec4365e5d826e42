"""Run Debian 12's wapiti (3.0.4) with its one Python 3.11 incompatibility fixed; arguments as wapiti's.

Its crawler compiles every --exclude pattern as ``…\\Z(?ms)``, and Python 3.11 refuses inline flags
that are not at the start, so any ``-x`` made the scan die before it began (Debian's wapiti is
otherwise fine). This puts the flags first, which is what the pattern meant. Run it with Debian's
/usr/bin/python3, which has wapitiCore.
"""

import re
import sys

from wapitiCore.main.wapiti import wapiti_main
from wapitiCore.net import crawler


def wildcard_translate(pattern):
    """As wapiti's own: ``*`` matches anything, the rest literally, the whole URL."""
    return re.compile("(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\Z")


if __name__ == "__main__":
    crawler.wildcard_translate = wildcard_translate
    sys.argv[0] = "wapiti"
    sys.exit(wapiti_main())
