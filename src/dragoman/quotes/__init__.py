"""Quote detection and attribution."""
from __future__ import annotations

from .find import find_quotes

__all__ = ["find_quotes"]
