"""Write tests/nasty/: the committed corpus of hostile and careless inputs.

Every file must give one record per article (an analysis or a clear error) within the
time budget; tests/test_nasty.py runs them. Rerun after changing this script:

    .venv/bin/python scripts/make_nasty.py
"""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "nasty"
S = "The foreign minister said the talks would resume on Monday."
PAIRS = [("\u201c", "\u201d"), ('"', '"'), ("'", "'"), ("\u00ab", "\u00bb"),
         ("\u201e", "\u201c"), ("\u201a", "\u2018"), ("\u300c", "\u300d"),
         ("\u2039", "\u203a"), ("``", "''"), ("\u00bb", "\u00ab")]


def texts(rng: random.Random) -> dict[str, str | bytes]:
    """File name -> content (str is written as UTF-8, bytes as they are)."""
    words = ["minister", "talks", "Russia", "troops", "said", "border", "NATO", "envoy",
             "the", "Geneva"]
    return {
        "unbalanced-quotes.txt": "\u201cWe will not go, the envoy said.\n\nHe added: "
                                 "\u201cNever.\n\u201d\u201d\u201d Officials said \u201cmaybe.\n",
        "nested-quotes.txt": "\u201cShe told me \u2018they said \u201cno\u201d to \u00abthe "
                             "\u2039plan\u203a\u00bb\u2019,\u201d the envoy said. " * 20,
        "quote-styles.txt": "".join(f"{o}We will talk,{c} the minister said. "
                                    for o, c in PAIRS),
        "bidi-overrides.txt": "The envoy \u202egnikaeps\u202c said \u2066\u201cno\u201d\u2069 "
                              "on Monday. \u200f\u202b" + S + "\u202c",
        "rtl-arabic.txt": "\u0642\u0627\u0644 \u0648\u0632\u064a\u0631 \u0627\u0644\u062e"
                          "\u0627\u0631\u062c\u064a\u0629 \u00ab\u0644\u0646 \u0646\u0642"
                          "\u0628\u0644\u00bb. " * 30 + S,
        "cjk.txt": "\u5916\u4ea4\u90e8\u957f\u8868\u793a\uff1a\u300c\u6211\u4eec\u4e0d"
                   "\u4f1a\u63a5\u53d7\u3002\u300d" * 40 + "\n" + S,
        "zero-width.txt": "\u200b".join("The minister said \u201cwe will\u200d meet\u201d "
                                        "on Monday.") + "\ufeff" + S,
        "control-chars.txt": "".join(chr(c) for c in range(1, 32) if c != 10) + S
                             + "\x7f\x85\x9b" + S,
        "markup.txt": "The envoy said: \u201c[/bold] is [red]final[/red] "
                      "[link=http://x]y[/link] \x1b[31mred\x1b[0m.\u201d\n",
        "crlf.txt": "Talks resume\r\n\r\n\u201cWe will meet,\u201d the envoy said.\r\n"
                    "\u201cNo,\u201d he said.\r\n",
        "lone-cr.txt": "Talks resume\r\r\u201cWe will meet,\u201d the envoy said.\r"
                       "\u201cNo,\u201d he said.\r",
        "quote-run.txt": "The envoy said " + "\u201c" * 8000 + " nothing.",
        "mixed-quote-run.txt": "".join(rng.choice("\u201c\u201d\"'\u00ab\u00bb")
                                       for _ in range(6000)) + " " + S,
        "said-run.txt": "said " * 3000 + S,
        "no-punctuation.txt": " ".join(rng.choice(words) for _ in range(4000)),
        "many-names.txt": " ".join(
            "".join(rng.choice("BCDFGKLMNPRST") + rng.choice("aeiou") for _ in range(3))
            .title() + " said." for _ in range(1500)),
        "long-word.txt": "x" * 30_000 + " " + S + " " + "ab" * 10_000,
        "only-punctuation.txt": ".,;:!?-()[]{}" * 500,
        "astral.txt": "\U0001F600\U0001F4A3 The envoy \U0001D573\U0001D58A said "
                      "\u201c\U0001F44D\u201d. " * 30,
        "numbers.txt": "Some " + "9" * 5000 + " troops and 100,000,000,000,000 tanks "
                       "moved. " + S,
        "dates.txt": "The talks on 31 February, on 0 January 0000, on 99 March 9999, on "
                     "Monday 9999-12-31 and yesterday failed, officials said.",
        "whitespace.txt": " \n\t\n   \u3000\n",
        "empty.txt": "",
        "invalid-utf8.txt": b"The envoy said \xff\xfe\xc3( on Monday.\n",
        "mixed-encodings.txt": "The minister of C\u00f4te d'Ivoire said ".encode()
                               + "tr\u00e8s bien".encode("latin-1") + b".\n",
        "utf16-unnamed.txt": "\ufeffThe envoy said talks would resume.".encode("utf-16-le"),
        "gzip.txt": gzip.compress(S.encode() * 50, mtime=0),
        "random-bytes.txt": bytes(rng.randrange(256) for _ in range(4000)),
        "script-iframe.html": "<html><head><title>Talks</title><script>"
                              + "alert(1);" * 200 + "</script></head><body><iframe "
                              "src='javascript:alert(1)'></iframe><article><p>" + S + " "
                              + S + "</p><p onload='x()'>The envoy said \u201c<script>"
                              "evil()</script>never\u201d.</p></article><style>"
                              + "p{}" * 100 + "</style></body></html>",
        "deep-nesting.html": "<html><body>" + "<div>" * 5000 + "<p>" + S + " " + S
                             + "</p>" + "</div>" * 5000 + "</body></html>",
        "unclosed-tags.html": "<html><body><article><p>" + S + "<p><b><i><table><tr><td>"
                              + S + "<div" * 300 + "</html>",
        "entity-bomb.html": "<!DOCTYPE html [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b "
                            "'&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c "
                            "'&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><html><body><article><p>"
                            "&c;&c;&c; " + S + " " + S + "</p></article></body></html>",
        "no-body.html": "<html><head><title>Menu</title></head><body><nav>Home | World"
                        "</nav></body></html>",
        "nasty.jsonl": "\n".join(JSONL_LINES) + "\n",
    }


JSONL_LINES = [
    json.dumps({"id": "ok", "text": S}),
    '{"id": "bigint", "n": ' + "9" * 5000 + ', "text": "x"}',
    "[" * 10_000 + "]" * 10_000,
    '{"id": "surrogate\\ud800", "text": "Talks \\udfff resumed, officials said."}',
    '{"id": "nul", "text": "The envoy\\u0000 said \\u0000no."}',
    json.dumps({"id": "separators", "text": "The envoy\u2028said\u2029no\x85today."},
               ensure_ascii=False),
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": "notext"}),
    json.dumps({"id": "emptytext", "text": "  "}),
    json.dumps({"id": "baddate", "text": S, "published": "14/01/2022"}),
    json.dumps({"id": "year9999", "text": S, "published": "9999-12-31"}),
    json.dumps({"id": "ok", "text": S + " Again."}),
    json.dumps({"id": {"nested": [1, 2]}, "text": S, "title": ["a", 1], "url": 5}),
    json.dumps({"text": 12345}),
    '{"id": "crlf", "text": "' + S + '"}\r',
    "{oops",
    '{"id": "nan", "text": "' + S + '", "published": NaN}',
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in texts(random.Random(13)).items():
        path = OUT / name
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8", "surrogatepass"))
        else:
            path.write_bytes(content)
    print(f"wrote {len(list(OUT.iterdir()))} files to {OUT}")


if __name__ == "__main__":
    main()
