"""The HTML rendering: what is marked, and that no article text can become markup."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

import dragoman
from dragoman import Analysis, Article

ALLOWED_TAGS = {"div", "style", "p", "mark", "span", "h4", "table", "tr", "th", "td"}
ALLOWED_ATTRS = {"class", "title"}


class Page(HTMLParser):
    """Collects the tags, the attributes, the article text as shown and the marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: set[str] = set()
        self.stack: list[str] = []  # the class of each open element
        self.shown = ""  # the text inside .dm-text, labels left out
        self.marks: list[list[str]] = []  # [layer, text] of each <mark>, in order
        self.open_marks: list[list[str]] = []
        self.labels: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs |= {name for name, _ in attrs}
        cls = dict(attrs).get("class") or ""
        self.stack.append(cls)
        if tag == "mark":
            mark = [cls.split()[0].removeprefix("dm-"), ""]
            self.marks.append(mark)
            self.open_marks.append(mark)

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "dm-label":
            self.labels.append(data)
        elif "dm-text" in self.stack:
            self.shown += data
            for m in self.open_marks:
                m[1] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.stack == [], "every element is closed"
    return page


@pytest.mark.parametrize("text, expected", [
    ("Japan and India held talks in Geneva on Monday.",
     {("actor", "Japan"), ("actor", "India"), ("trigger", "talks")}),
    ("\u201cWe will not retreat,\u201d the Chilean foreign minister said.",
     {("quote", "We will not retreat"), ("cue", "said"),
      ("speaker", "the Chilean foreign minister"), ("actor", "the Chilean foreign minister")}),
    ("The weather in the hills was mild. The harvest was good.", set()),
])
def test_what_is_marked(text: str, expected: set[tuple[str, str]]) -> None:
    page = parse(dragoman.render(dragoman.analyze(text)))
    assert page.shown == text  # the whole article, in order, nothing added or lost
    assert {(layer, t) for layer, t in page.marks} >= expected
    if not expected:
        assert page.marks == []


def test_labels_name_codes_and_event_types() -> None:
    page = parse(dragoman.render(dragoman.analyze("Japan and India held talks in Geneva.")))
    assert {"JPN", "IND", "CONSULT"} <= set(page.labels)


def test_nested_mentions_both_marked() -> None:
    text = "Peru thanked the president of the European Commission on Monday."
    a = dragoman.analyze(text)
    mentions = [(m.start, m.end) for actor in a.actors for m in actor.mentions]
    assert any(s1 < s2 and e2 <= e1 for s1, e1 in mentions for s2, e2 in mentions)
    page = parse(dragoman.render(a))
    marked = [t for layer, t in page.marks if layer == "actor"]
    assert "the European Commission" in marked
    assert any(t.startswith("the president of") for t in marked)
    assert page.shown == text


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "</mark></div><style>body{display:none}</style>",
    "&lt;b&gt; &amp; <!-- comment -->",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_article_text_is_never_markup(payload: str) -> None:
    text = (f"\u201c{payload} is over,\u201d the Chilean foreign minister said. "
            f"Chile criticised {payload} Peru on Monday.")
    article = Article("x1", text, title=payload, published="2022-01-12", url=payload,
                      source=payload)
    a = dragoman.analyze(article)
    assert a.quotes and a.events  # the payload sits inside marked spans
    html = dragoman.render(a)
    page = parse(html)
    assert set(page.tags) <= ALLOWED_TAGS
    assert page.attrs <= ALLOWED_ATTRS
    assert page.tags.count("style") == 1
    assert page.shown == text
    assert payload not in html or payload.isalnum()  # present only escaped


def test_names_and_warnings_are_escaped() -> None:
    text = "Nothing here."
    a = Analysis(Article("x2", text), warnings=["<b>warning</b>"],
                 actors=[dragoman.Actor("A1", "<i>Evil</i>", "person", "<u>X</u>", "<s>t</s>",
                                        [dragoman.Span(0, 7, "Nothing")])])
    page = parse(dragoman.render(a))
    assert set(page.tags) <= ALLOWED_TAGS and "b" not in page.tags and "i" not in page.tags
    assert page.marks == [["actor", "Nothing"]]
    assert "<u>X</u>" in page.labels


def test_records_read_back_from_hostile_json_are_escaped() -> None:
    text = "Chile criticised Peru."
    d = dragoman.analyze(text).to_dict()
    assert d["events"]
    bad = '"><script>alert(1)</script>'
    for e in d["events"]:
        e.update(type=bad, quad_class=bad, cameo=bad, mode=bad)
    for q in d["actors"]:
        q.update(name=bad, code=bad, kind=bad)
    page = parse(dragoman.render(Analysis.from_dict(d, text)))
    assert set(page.tags) <= ALLOWED_TAGS and page.attrs <= ALLOWED_ATTRS
    assert page.shown == text and page.marks
    assert bad in page.labels


def test_records_read_back_without_text_still_render() -> None:
    a = dragoman.analyze("Japan and India held talks in Geneva.")
    back = Analysis.from_dict(json.loads(a.to_json()))  # no text given
    page = parse(dragoman.render(back))
    assert page.marks == [] and page.shown == ""
    assert "td" in page.tags  # the tables of events and actors are still there


def test_repr_html_is_render() -> None:
    a = dragoman.analyze("Chile criticised Peru.")
    assert a._repr_html_() == dragoman.render(a)
    assert a._repr_html_().startswith('<div class="dragoman"><style>')


@pytest.mark.parametrize("indent", [None, 2])
def test_to_json_is_to_dict(indent: int | None) -> None:
    a = dragoman.analyze("The Chilean president met the Peruvian president in Lima.")
    assert a.to_dict()["actors"]
    assert json.loads(a.to_json(indent)) == a.to_dict()
    assert ("\n" in a.to_json(indent)) == (indent is not None)


def test_to_json_keeps_non_ascii() -> None:
    a = dragoman.analyze(Article("z1", "Talks resumed.", title="Talks in Z\u00fcrich"))
    assert '"title": "Talks in Z\u00fcrich"' in a.to_json()
