"""Whether participants' laptops on the venue network can reach the address the server hands out."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
ALL_INTERFACES = {"0.0.0.0", "::", ""}
FIX = "nplc serve --host 0.0.0.0"


def is_loopback(host: str) -> bool:
    """True for an address only this computer can open (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_is_loopback(url: str) -> bool:
    return is_loopback(urlsplit(url).hostname or "")


def venue_warning(bind_host: str, public_url: str) -> str | None:
    """What to tell the trainer when the join address cannot work from another laptop, and how to fix it."""
    if not url_is_loopback(public_url):
        return None
    if bind_host in ALL_INTERFACES:
        return (
            f"The join address {public_url} is one only this computer can open: participants' laptops cannot "
            "reach it. Set NPLC_PUBLIC_URL to this computer's address on the venue network (or unset it), "
            "and check this computer is connected to that network."
        )
    return (
        f"Only this computer can open {public_url}: laptops on the venue network cannot reach this address. "
        f"To let participants join, stop the server (Ctrl+C) and run: {FIX}"
    )
