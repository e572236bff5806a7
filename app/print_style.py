"""The stylesheet written into pages meant to be kept (the minutes), so a saved or exported copy keeps its look
offline; the security policy allows exactly this text inline, by its hash, and no other inline style."""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from .shipped import FRONTEND

CSS = Markup((FRONTEND / "css" / "app.css").read_text(encoding="utf-8"))  # our own file, never user input
CSP_SOURCE = "'sha256-" + base64.b64encode(hashlib.sha256(str(CSS).encode("utf-8")).digest()).decode() + "'"
