"""The public surface: dragoman.__all__ is the documented API; a change must be deliberate.

When this test fails, the surface changed: update EXPECTED here, README's and the docs'
description of the API, in the same commit.
"""
from __future__ import annotations

import importlib
import inspect

import dragoman

EXPECTED = {
    "analyze", "analyze_many", "analyze_items", "render", "Settings",
    "Article", "Analysis", "Actor", "Quote", "Event", "Party", "Location", "Place", "Count",
    "Span", "Speaker", "Failed",
    "load_dictionary", "Dictionary", "open_store", "Store", "default_model",
    "DragomanError", "InputError", "EncodingError", "EmptyInputError", "TooLongError",
    "SettingError", "DateError", "ArticleTypeError", "AnalysisError", "ArticleTimeout",
    "DictionaryError", "ModelError", "StoreError",
    "__version__",
}


def test_all_is_pinned() -> None:
    assert set(dragoman.__all__) == EXPECTED
    assert len(dragoman.__all__) == len(EXPECTED)  # no name listed twice


def test_every_name_resolves_and_is_documented() -> None:
    for name in dragoman.__all__:
        obj = getattr(dragoman, name)
        if name != "__version__":
            assert inspect.getdoc(obj), f"dragoman.{name} has no docstring"


def test_errors_share_one_base() -> None:
    for name in ("InputError", "EncodingError", "EmptyInputError", "TooLongError",
                 "SettingError", "DateError", "ArticleTypeError", "AnalysisError",
                 "ArticleTimeout", "DictionaryError", "ModelError", "StoreError"):
        assert issubclass(getattr(dragoman, name), dragoman.DragomanError)


def test_render_stays_the_html_function_after_every_import() -> None:
    # importing the terminal renderer or the CLI must not replace dragoman.render
    for module in ("dragoman._cli", "dragoman._render", "dragoman._html", "dragoman._component"):
        importlib.import_module(module)
    assert inspect.isfunction(dragoman.render)
    html = dragoman.render(dragoman.Analysis(dragoman.Article("a", "Chile criticised Peru.")))
    assert html.startswith('<div class="dragoman">')
