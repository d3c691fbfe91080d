"""The Jinja2 environment shared by the dashboard and the HTML briefing.

Autoescaping is on for every template: article titles, texts, speaker names and URLs are
untrusted and are always escaped. URLs become links only through :func:`link_url`, which
lets http(s) through and nothing else (no ``javascript:``, no ``data:``).
"""
from __future__ import annotations

import functools
import math
from typing import SupportsFloat, cast
from urllib.parse import quote

import jinja2

from .._evidence import safe_url
from .._trends import actor_key


def _signed(x: object) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{float(cast(SupportsFloat, x)):+.1f}"


def _path(value: object) -> str:
    """A value as one URL path segment (article ids may hold any character)."""
    return quote(str(value), safe="")


@functools.cache
def environment() -> jinja2.Environment:
    """The shared environment (templates in ``dragoman/_web/templates``)."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("dragoman", "_web/templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["link_url"] = safe_url
    env.filters["signed"] = _signed
    env.filters["path"] = _path
    env.filters["actor_key"] = actor_key
    return env
