"""Assembling quotes: quoted segments, speech cues and speakers into Quote records.

The order of decisions for a quoted segment (text between quote marks):

1. it lies inside the content clause of a speech cue ("said the Americans had
   “considered…”"): the clause is one *mixed* quote, or, when the segment is (nearly)
   the whole clause, a *direct* quote of that cue;
2. it hangs in the parse under a cue ("spoke of “…”", "described X as “…”"): direct;
3. it is a word or three with no cue: a scare quote, dropped;
4. a cue without content of its own stands next to it in the same sentence
   ("“…,” he told Russian TV, “…”", "she said: “…”"), a clause before a colon
   introduces it, a tag of a subject and any verb follows a quotation that opens
   its sentence ("“…,” an angry Okafor retorted."), or a clause and a comma lead into
   a quotation that closes its sentence ("As Okafor put it, “…”"), or a dash and a
   name sign it at the end of its paragraph ("“…” ― Ana Ruiz"): direct;
5. it follows an attributed quote in the same or the next paragraph: a
   continuation, same speaker;
6. otherwise a pull quote: speaker null.

Content clauses of cues with no quote marks are *indirect* quotes.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .._actors import ActorTable
from .._coref import Resolver
from .._model import Quote, Span, Speaker
from .attrib import Attribution, find_attributions, label_attributions
from .._nlp import doc_text
from .cues import Cue, belief_precision, find_cues, load_lexicon
from .marks import Segment, find_segments, mark_width
from .pull import pull_quotes
from .speakers import resolve_speaker
from .who import subject
from .._lexicon import words

_SCARE_WORDS = 3  # a quoted segment of this many words or fewer needs a cue over it
#: a belief whose cue lemma held up in under this share of its attributions on PolNeAR
#: train ((right + 1) / (all + 2), lemmas seen MIN_SEEN times or more) is dropped
BELIEF_KEEP = 0.65
MIN_SEEN = 5
_MID_WORDS = 6  # nor can one this short that opens inside a sentence stand alone
_MAX_GAP = 300  # longest attribution between the two parts of a split quote
_OPEN_MARKS = "“\"«„‘'"
_TAG_ENDS = (",", ".", ":", ";", "—", "–", "-")  # how a tag before a quote's second part ends
_CLAUSE_STOPS = ("ccomp", "relcl", "advcl", "csubj", "parataxis", "acl")


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    attr: Attribution | None
    mode: str  # attr | continue | none
    para: int
    short: bool = False  # a short quote with no attribution of its own


def _paragraph_starts(text: str) -> list[int]:
    """Start of every non-blank paragraph (so that blank lines do not count)."""
    starts, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts or [0]


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


_MINOR = words("minor_name_words")


_ABBREV = words("abbreviations")


def _ends_sentence(text: str, i: int) -> bool:
    """Whether the character at ``i`` ends a sentence: "?", a line break, or a full stop
    or "!" that is not the point of an abbreviation or an initial ("Mr.", "N.Y.")."""
    ch = text[i]
    if ch in "?\n!":
        return True
    if ch != ".":
        return False
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i].lower()
    return not (word in _ABBREV or len(word) == 1)


def _sentence_ends(gap: str) -> int:
    """Full stops and exclamation marks that end a sentence (not "Mr." or "N.Y.")."""
    return sum(1 for i, ch in enumerate(gap) if ch in ".!" and _ends_sentence(gap, i))


_LEAD_MAX = 6  # words of a content clause before its quoted part that still lead into it


def _lead_in(text: str, cs: int, start: int, end: int, ce: int) -> bool:
    """Whether the content clause [cs, ce) is a short lead-in of its own words ("that",
    a subject, an object) followed by the quoted segment [start, end) and nothing else:
    "said that “…”", "accused Kell of “…”"."""
    if not cs < start or _words(text[end:ce]) > 0:
        return False
    lead = text[cs:start].rstrip(" “\"«‘'")
    return 1 <= _words(lead) <= _LEAD_MAX and not any(ch in lead for ch in ",;:“”\"«»\n")


def _is_title(quoted: str) -> bool:
    """A title in quote marks ("How the Grinch Stole Christmas"): short, capitalised
    words, no closing punctuation but the sentence's own full stop that American
    style sets inside the marks ("told “Morning Report.”"; a comma there ends a
    quotation before its tag: “Never Again,” she said)."""
    quoted = quoted.rstrip()
    if quoted[-1:] == "." and quoted[-2:-1].isalpha():
        quoted = quoted[:-1]
    words = [w for w in quoted.split() if any(ch.isalpha() for ch in w)]
    if not words or len(words) > 9 or quoted[-1:] in ".!?,":
        return False
    major = [w for w in words if w.lower() not in _MINOR]
    return bool(major) and all(w[0].isupper() or not w[0].isalpha() for w in major)


def _named_title(doc: Doc, seg: Segment) -> bool:
    """A title in marks, also one set off by commas after the noun it names
    ("her show, “The Long Night,” which ran ..."): American style puts the comma
    inside the marks, where it would otherwise end a quotation before its tag."""
    text = doc_text(doc)
    quoted = text[seg.start:seg.end]
    if _is_title(quoted):
        return True
    if not quoted.rstrip().endswith(",") or not _is_title(quoted.rstrip()[:-1]):
        return False
    i = _last_before(text, seg.open_mark if seg.open_mark >= 0 else seg.start)
    if i < 0 or text[i] != ",":
        return False
    before = doc.char_span(i, i + 1, alignment_mode="expand")
    if before is None or before.start == 0:
        return False
    noun = doc[before.start - 1]
    return noun.pos_ in ("NOUN", "PROPN") and not noun.is_sent_start


def _last_before(text: str, pos: int, skip: str = " \t\n\r") -> int:
    """Index of the last character before ``pos`` that is not in ``skip`` (-1: none);
    a scan back, never a copy of the text before it (articles can be long)."""
    i = pos - 1
    while i >= 0 and text[i] in skip:
        i -= 1
    return i


def _mid_sentence(text: str, seg: Segment) -> bool:
    """Whether the segment's opening mark follows a word of the same sentence (not a
    sentence end, a tag's comma or colon, or a line break)."""
    opening = seg.open_mark if seg.open_mark >= 0 else seg.start
    i = _last_before(text, opening, " \t")
    return i >= 0 and text[i].isalnum()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _governing(doc: Doc, seg: Segment, by_head: dict[int, Attribution]) -> Attribution | None:
    """The cue the segment hangs under in the parse, if any (within its clause)."""
    span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    lo, hi = span.start, span.end
    roots = [t for t in span if not lo <= t.head.i < hi or t.head.i == t.i]
    for t in roots:
        cur: Token = t
        for _ in range(6):
            h = cur.head
            if h.i == cur.i:
                break
            if h.i in by_head and not lo <= h.i < hi:
                between = doc_text(doc)[min(h.idx, seg.start):max(h.idx, seg.end)]
                if "\n" in between.strip():
                    return None  # never across a paragraph break
                return by_head[h.i]
            if cur.dep_ in _CLAUSE_STOPS:
                break
            cur = h
    return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Characters from the last sentence end before ``start`` to the next after ``end``
    (abbreviations such as "Mr." end nothing)."""
    start, end = min(max(start, 0), len(text)), min(max(end, 0), len(text))
    s = start
    while s > 0 and not _ends_sentence(text, s - 1):
        s -= 1
    e = end
    while e < len(text) and not _ends_sentence(text, e):
        e += 1
    return s, e


def _cues_in(cues: list[tuple[int, Attribution]], positions: list[int], lo: int, hi: int
             ) -> list[tuple[int, Attribution]]:
    """The cues at positions in [lo, hi) (``positions`` is sorted: no scan of them all)."""
    return cues[bisect.bisect_left(positions, lo):bisect.bisect_left(positions, hi)]


def _adjacent(text: str, seg: Segment, segs: list[Segment], k: int,
              cues: list[tuple[int, Attribution]], positions: list[int]) -> Attribution | None:
    """A content-less cue in the same sentence as the segment, outside the marks."""
    close = seg.close_mark if seg.close_mark >= 0 else seg.end
    opening = seg.open_mark if seg.open_mark >= 0 else seg.start
    prev_end = segs[k - 1].close_mark + 1 if k > 0 and segs[k - 1].close_mark >= 0 else 0
    next_start = segs[k + 1].open_mark if k + 1 < len(segs) and segs[k + 1].open_mark >= 0 \
        else len(text)
    lead_s, _ = _sentence_bounds(text, opening, opening)
    lead_s = max(lead_s, prev_end)
    _, trail_e = _sentence_bounds(text, close + 1, close + 1)
    trail_e = min(trail_e, next_start)
    best, best_d = None, None
    for pos, a in _cues_in(cues, positions, lead_s, trail_e):
        if a.content is not None and _overlap(a.content, (seg.start, seg.end)) == 0 and \
                sum(_overlap(a.content, (g.start, g.end)) for g in segs) \
                < 0.5 * (a.content[1] - a.content[0]):
            continue  # a cue reporting other, unquoted words
        if close < pos < trail_e:
            between = text[close + 1:pos]
            if text[seg.end - 1:seg.end] in ".!?" and ("," in between or _words(between) > 3):
                continue  # the quote ended its sentence; a new one begins after it
            d = pos - close
        elif lead_s <= pos < opening:
            d = opening - pos + 5
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = a, d
    if best is None and not text[lead_s:opening].strip() and lead_s > 0:
        # "He said:" ending the paragraph before the quotation
        end = _last_before(text, lead_s) + 1
        if end > 0 and text[end - 1] == ":":
            ps, _ = _sentence_bounds(text, end - 1, end - 1)
            for pos, a in _cues_in(cues, positions, ps, end):
                if a.content is None:
                    best = a
    if best is None and text[lead_s:opening].rstrip().endswith(":"):
        # "... he said:" at the end of the previous sentence of the paragraph
        ps, _ = _sentence_bounds(text, max(0, lead_s - 2), lead_s)
        for pos, a in _cues_in(cues, positions, ps, lead_s):
            if a.content is None:
                best = a
    return best


def _name_line(doc: Doc, colon: Token) -> Token | None:
    """A paragraph that opens with a bare name and a colon: the name's head."""
    i = colon.i - 1
    toks: list[Token] = []
    while i >= 0 and "\n" not in doc[i].text and len(toks) <= 8:
        toks.append(doc[i])
        i -= 1
    if not toks or len(toks) > 8 or not (i < 0 or "\n" in doc[i].text):
        return None
    if not all(t.pos_ in ("PROPN", "CCONJ", "PUNCT") for t in toks) or toks[0].pos_ != "PROPN":
        return None
    head = toks[-1]
    while head.dep_ in ("compound", "flat") and head.head.i < colon.i:
        head = head.head
    return head if head.pos_ == "PROPN" else None


def _colon_intro(doc: Doc, seg: Segment) -> Attribution | None:
    """"X put it bluntly: “…”" (or a dash): a colon before the quote, in its paragraph
    or ending the one before, makes the clause before it the attribution, whatever its
    verb; the speaker is that clause's subject."""
    text = doc_text(doc)
    opening = seg.open_mark if seg.open_mark >= 0 else seg.start
    end = _last_before(text, opening) + 1
    if end > 0 and text[end - 1] == ":" and "\n" in text[end:opening]:
        # "X made the following comment:" ending the paragraph before the quotation
        span = doc.char_span(end - 1, end, alignment_mode="expand")
    elif any(ch in text[max(0, opening - 3):opening] for ch in ":—–"):
        span = doc.char_span(max(0, opening - 3), opening, alignment_mode="expand")
    else:
        return None
    if span is None:
        return None
    colon = next((t for t in span if t.text in (":", "—", "–", "-", "--")), None)
    if colon is None or colon.i == 0:
        return None
    verb = doc[colon.i - 1]
    name = _name_line(doc, colon)
    if name is not None:  # "Mark Blumenthal and Jon Cohen: “…”"
        return Attribution(Cue(colon.i, [colon.i], "strong", "verb"), name.i, None)
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > verb.i or "\n" in text[subj.idx:colon.idx]:
        return None  # "Here are the main points:" names no speaker
    return Attribution(Cue(verb.i, [verb.i], "strong", "verb"), subj.i, None)


_SIGNATURE_DASHES = ("―", "—", "–", "--", "-")
_SIGNATURE_WORDS = 10  # longest "― Name, 34, a nurse in Reno" line after a quotation


def _signature(doc: Doc, seg: Segment) -> Attribution | None:
    """"“…” ― Ana Ruiz, a nurse" ending the paragraph: a dash and a name after a
    quotation sign it, as in testimonials and epigraphs; the name is the speaker."""
    text = doc_text(doc)
    if seg.close_mark < 0:
        return None
    pos = seg.close_mark + mark_width(text, seg.close_mark)
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    dash = next((d for d in _SIGNATURE_DASHES if text.startswith(d, pos)), None)
    if dash is None:
        return None
    start = pos + len(dash)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line[:1].isupper() or _words(line) > _SIGNATURE_WORDS:
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    cue = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or cue is None or len(span) == 0:
        return None
    name = span.root if span.root.pos_ == "PROPN" else next(
        (t for t in span if t.pos_ == "PROPN"), None)
    if name is None:
        return None
    while name.dep_ in ("compound", "flat") and span.start <= name.head.i < span.end:
        name = name.head
    return Attribution(Cue(cue[0].i, [cue[0].i], "strong", "verb"), name.i, None)


_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _comma_intro(doc: Doc, seg: Segment) -> Attribution | None:
    """"X reacted sharply, “This is …”", "As X put it, “We …”": a clause and a comma
    before a quotation that begins like a sentence and closes its own makes the clause
    the attribution, whatever its verb; the speaker is the subject of its last verb."""
    text = doc_text(doc)
    if seg.open_mark < 0 or seg.close_mark < 0:
        return None
    quoted = text[seg.start:seg.end]
    if not quoted[:1].isupper() or _words(quoted) < _SCARE_WORDS:
        return None
    i = _last_before(text, seg.open_mark, " ")
    if i < 0 or text[i] != ",":
        return None
    _, end = _sentence_bounds(text, seg.close_mark + 1, seg.close_mark + 1)
    if _words(text[seg.close_mark + 1:end]):
        return None  # the sentence goes on after the quotation
    inside = doc.char_span(seg.start, seg.end, alignment_mode="contract")
    if inside is None or len(inside) == 0 or not (
            any(t.tag_ in _FINITE for t in inside) or inside[0].tag_ == "VB"):
        return None  # a phrase, not a clause of its own ("We …", "Stop …")
    comma = doc.char_span(seg.open_mark - 2, seg.open_mark, alignment_mode="expand")
    if comma is None or len(comma) == 0:
        return None
    i = comma.start - 1
    verb = None
    while i >= 0 and not _ends_sentence(doc[i].text, len(doc[i].text) - 1) \
            and not doc[i].is_quote and "\n" not in doc[i].text + doc[i].whitespace_:
        if doc[i].pos_ == "VERB" and verb is None:
            verb = doc[i]
        i -= 1
    if verb is None:
        return None
    subj = subject(verb)
    if subj is None or subj.i <= i or subj.tag_ in ("WDT", "WP"):
        return None  # "a study, which examines …, “…”": no voice of its own
    return Attribution(Cue(verb.i, [verb.i], "strong", "verb"), subj.i, None)


_TAG_WORDS = 8  # longest "…,” an angry minister retorted." tag after a quotation


def _speech_tag(doc: Doc, seg: Segment) -> Attribution | None:
    """"“…,” an angry Okafor retorted." / "“…!” shouted Okafor.": a short clause right
    after a quotation that ends in a comma, "!" or "?", made of a subject and a verb
    with nothing else to say, attributes the quotation whatever the verb (manner of
    speaking verbs are an open class)."""
    text = doc_text(doc)
    if seg.close_mark < 0:
        return None
    after = seg.close_mark + 1
    lead_s, _ = _sentence_bounds(text, seg.open_mark, seg.open_mark)
    if seg.open_mark < 0 or text[lead_s:seg.open_mark].strip(" \n\t—–-"):
        return None  # the quotation must open its sentence
    if text[seg.end - 1:seg.end] not in (",", "!", "?") and text[after:after + 1] != ",":
        return None
    stop = after
    while stop < len(text) and text[stop] not in ".!?;\n“\"«":
        stop += 1
    if stop >= len(text) or text[stop] not in ".\n“\"«" or _words(text[after:stop]) > _TAG_WORDS:
        return None
    span = doc.char_span(after, stop, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    verbs = [t for t in span if t.pos_ == "VERB"]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") and c.i >= span.start
           for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj", "npadvmod", "attr")
                 and span.start <= c.i < span.end and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if subj is None:
        # the parser may take an inverted speaker for an object or leave it loose
        subj = next((t for t in span if t.i > verb.i and t.pos_ in ("PROPN", "NOUN")
                     and t.head.i == verb.i), None)
    if subj is None or any(t.pos_ in ("VERB", "AUX") and t.i != verb.i and t.dep_ != "aux"
                           for t in span):
        return None
    return Attribution(Cue(verb.i, [verb.i], "strong", "verb"), subj.i, None)


def _merge_split(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """“A,” he said, “B.” / “A,” he said. “B.”: one quotation interrupted by its
    attribution is one quote (from A to B), as attribution corpora (PolNeAR) annotate
    it. The news gold splits the second form in two; the conventions conflict and
    the PolNeAR target decides (splitting costs 0.02 speech content F1 there)."""
    text = doc_text(doc)
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.attr is not None and prev.para == c.para \
                and prev.mode == "attr" and (c.attr is prev.attr or c.mode == "continue") \
                and 0 < c.start - prev.end <= _MAX_GAP:
            cue_at = doc[prev.attr.cue.head].idx
            gap = text[prev.end:c.start]
            # the tag ends before the second part opens ("…,” he said, “…" / "he said.
            # “…"); words quoted inside the tag ("a nurse who waited in an “…”") are not
            # the quotation going on
            tag_end = gap.rstrip(_OPEN_MARKS + " \n")[-1:]
            if prev.end <= cue_at < c.start and _sentence_ends(gap) <= 1 and "?" not in gap \
                    and tag_end in _TAG_ENDS:
                prev.end = c.end
                continue
        out.append(c)
    return out


def find_quotes(doc: Doc, actors: ActorTable, *, resolver: Resolver | None = None) -> list[Quote]:
    """The quotes of a parsed article, with speakers resolved through ``actors``.

    Args:
        doc: the article parsed by the pipeline (never re-parsed here).
        actors: the actor table of the same article.
        resolver: the article's speaker resolver, built once by the pipeline and
            handed on to the events stage (a fresh one when None).

    Returns:
        Quotes in text order, ids Q1, Q2, ...
    """
    text = doc_text(doc)
    segs = find_segments(text)
    lexicon = load_lexicon()
    cues = find_cues(doc, lexicon)
    attrs = find_attributions(doc, cues, lexicon.objects, lexicon.topics)
    attrs += label_attributions(doc, {c.head for c in cues})
    seg_ranges = [(g.open_mark if g.open_mark >= 0 else g.start,
                   g.close_mark + 1 if g.close_mark >= 0 else g.end) for g in segs]
    seg_starts = [r[0] for r in seg_ranges]

    def in_segment(pos: int) -> bool:
        j = bisect.bisect_right(seg_starts, pos) - 1
        return j >= 0 and seg_ranges[j][0] <= pos < seg_ranges[j][1] and \
            _words(text[segs[j].start:segs[j].end]) > _SCARE_WORDS

    # whose words a participle hung on a cue reports: that cue's speaker, even when
    # it reports nothing itself ("distanced himself from X by saying ...")
    speakers = {a.cue.head: a for a in attrs}
    # a belief cue attributes only the thought it reports, never a quotation nearby
    attrs = [a for a in attrs if not in_segment(doc[a.cue.head].idx)
             and (a.content is not None or not a.cue.belief)]
    by_head = {a.cue.head: a for a in attrs}
    cue_pos = sorted(((doc[a.cue.head].idx, a) for a in attrs), key=lambda x: x[0])
    cue_at = [p for p, _ in cue_pos]
    para_starts = _paragraph_starts(text)

    def para(pos: int) -> int:
        return max(0, bisect.bisect_right(para_starts, pos) - 1)

    links: list[tuple[str, Attribution | None]] = []  # per segment
    mixed: dict[int, list[int]] = {}  # attribution index -> absorbed segments
    direct_attr: set[int] = set()
    suppressed: set[int] = set()
    index = {id(a): i for i, a in enumerate(attrs)}
    # contents sorted by start, so that each segment looks only at contents that can
    # reach it (a long article must not cost segments x attributions)
    with_content = sorted((a for a in attrs if a.content), key=lambda a: a.content[0])  # type: ignore[index]
    content_starts = [a.content[0] for a in with_content]  # type: ignore[index]
    longest = max((a.content[1] - a.content[0] for a in with_content), default=0)  # type: ignore[index]
    for k, g in enumerate(segs):
        gr = (g.start, g.end)
        glen = g.end - g.start
        lo = bisect.bisect_left(content_starts, g.start - longest)
        hi = bisect.bisect_left(content_starts, g.end)
        # a stance ("slammed X for “irrelevant” remarks") reports no words: the quoted
        # ones inside its object are a quote of their own
        holders = [a for a in with_content[lo:hi] if _overlap(a.content, gr) >= 0.5 * glen  # type: ignore[arg-type]
                   and a.cue.belief != "stance"]
        if any(not a.cue.belief for a in holders):
            # words quoted inside reported speech are the speaker's, even where a
            # belief inside that speech holds them too ("said X wanted “…”")
            holders = [a for a in holders if not a.cue.belief]
        elif holders:
            # a thought holds the quoted words only when no speech cue governs them
            # ("discussed what an official called “…”": the words are the official's)
            gov = _governing(doc, g, by_head)
            if gov is not None and not gov.cue.belief:
                holders = []
        if holders:
            a = min(holders, key=lambda x: x.content[1] - x.content[0])  # type: ignore[index]
            cs, ce = a.content  # type: ignore[misc]
            outside = _words(text[cs:g.start]) + _words(text[g.end:ce])
            if a.objective:
                # "urged X to free all “detained prisoners”": the words in marks
                # are the quote; the directive's object is not reported as well.
                suppressed.add(index[id(a)])
                links.append(("attr", a))
            elif _lead_in(text, cs, g.start, g.end, ce):
                # "said that “…”", "called Trump “…”": the clause's own words before
                # the marks make it reported speech with a quoted part (PolNeAR keeps
                # the "that" and the subject or object in the content)
                links.append(("absorbed", a))
                mixed.setdefault(index[id(a)], []).append(k)
            elif outside <= 1 or glen >= 0.8 * (ce - cs):
                links.append(("attr", a))
                direct_attr.add(index[id(a)])
            else:
                links.append(("absorbed", a))
                mixed.setdefault(index[id(a)], []).append(k)
            continue
        gov = _governing(doc, g, by_head)
        if gov is not None and not _named_title(doc, g):
            links.append(("attr", gov))
            continue
        quoted = text[g.start:g.end]
        if _words(quoted) <= _SCARE_WORDS and (quoted[-1:] not in ".!?," or g.close_mark < 0) \
                or _named_title(doc, g):
            links.append(("drop", None))
            continue
        adj = _adjacent(text, g, segs, k, cue_pos, cue_at)
        if adj is None:
            adj = _colon_intro(doc, g)
        if adj is None:
            adj = _speech_tag(doc, g)
        if adj is None:
            adj = _comma_intro(doc, g)
        if adj is None:
            adj = _signature(doc, g)
        if adj is None and (_words(quoted) <= _SCARE_WORDS
                            or _words(quoted) <= _MID_WORDS and _mid_sentence(text, g)):
            # kept only as the tail of a split quote: too short to stand alone, or a
            # phrase quoted inside a sentence with no cue ("on the show “Face the Nation.”")
            links.append(("short", None))
            continue
        links.append(("attr", adj) if adj is not None else ("open", None))
    # A quotation over several paragraphs shares the cue found for any of its parts.
    by_run: dict[int, Attribution] = {}
    for g, (mode, link) in zip(segs, links):
        if mode == "attr" and link is not None:
            by_run.setdefault(g.run, link)
    cands: list[_Cand] = []
    for g, (mode, link) in zip(segs, links):
        if mode in ("drop", "absorbed"):
            continue
        if mode == "open" and g.run in by_run:
            mode, link = "attr", by_run[g.run]
        e = g.end
        while e > g.start and text[e - 1] in ",;:":
            e -= 1
        cands.append(_Cand(g.start, e, "direct", link, "attr" if mode == "attr" else "continue",
                           para(g.start), short=mode == "short"))
    cands = [c for c in _merge_split(doc, cands) if not c.short]
    for i, a in enumerate(attrs):
        if a.content is None or i in direct_attr or i in suppressed:
            continue
        cs, ce = a.content
        near = seg_ranges[max(0, bisect.bisect_right(seg_starts, cs) - 1):
                          bisect.bisect_left(seg_starts, ce)]
        if i not in mixed and sum(_overlap((cs, ce), r) for r in near) >= 0.5 * (ce - cs):
            continue  # the content is quoted: reported as the direct quote
        kind = "belief" if a.cue.belief else "indirect"
        if i in mixed:
            kind = "mixed"
            ce = max(ce, max(segs[k].end for k in mixed[i]))
            for k in mixed[i]:  # keep the closing mark of a quoted part with its opening
                g = segs[k]
                if g.close_mark >= 0 and cs <= g.open_mark and g.close_mark + 1 > ce:
                    ce = g.close_mark + 1 if text[g.close_mark] != "'" else g.close_mark + 2
            cs = min(cs, min(segs[k].start for k in mixed[i]))
        if _words(text[cs:ce]) < (1 if kind == "belief" else 2):
            continue
        cands.append(_Cand(cs, ce, kind, a, "attr", para(cs)))
    cands.extend(_Cand(s, e, "direct", None, "none", para(s)) for s, e in pull_quotes(doc, segs))
    cands.sort(key=lambda c: (c.start, -c.end))
    cands = [c for c in _outside_speech(cands) if not _weak_belief(doc, c)]
    return _emit(doc, actors, cands, speakers, resolver or Resolver(doc, actors))


def _outside_speech(cands: list[_Cand]) -> list[_Cand]:
    """Drop beliefs reported inside reported speech ("she said they believe X"): the
    speech is the attribution; the thought inside it belongs to its content. One
    sweep over candidates sorted by start."""
    out: list[_Cand] = []
    reach = -1  # the furthest end of a speech candidate seen so far
    for c in cands:
        if c.kind == "belief":
            if c.end <= reach:
                continue
        else:
            reach = max(reach, c.end)
        out.append(c)
    return out


def _weak_belief(doc: Doc, c: _Cand) -> bool:
    """Whether ``c`` is a belief whose cue word (a verb or noun of the lexicons, not a
    construction such as a survey's finding) seldom reports anything (see BELIEF_KEEP)."""
    if c.kind != "belief" or c.attr is None or c.attr.cue.kind not in ("verb", "noun") \
            or BELIEF_KEEP <= 0:
        return False
    right, seen = belief_precision().get(doc[c.attr.cue.head].lemma_.lower(), (0, 0))
    return seen >= MIN_SEEN and (right + 1) / (seen + 2) < BELIEF_KEEP


def _after_cue(doc: Doc, cue: int) -> Token | None:
    """The head of the noun phrase right after a cue verb ("said Sen. Ana Ruiz (D)",
    "added the minister"), within a few words and the sentence; None when none."""
    tok = doc[cue]
    for i in range(cue + 1, min(len(doc), cue + 5)):
        t = doc[i]
        if t.is_sent_start or t.text in ".;:!?“”\"«»" or "\n" in t.text:
            return None
        if t.pos_ in ("PROPN", "NOUN") or t.pos_ == "PRON" and t.lower_ not in ("it", "that"):
            while t.dep_ in ("compound", "flat", "amod", "nmod") and t.head.i > t.i \
                    and t.head.i != tok.i:
                t = t.head
            return t
    return None


def _emit(doc: Doc, actors: ActorTable, cands: list[_Cand],
          speakers: dict[int, Attribution], resolver: Resolver) -> list[Quote]:
    """Resolve speakers in text order (so continuations and pronouns see earlier
    speakers) and build the records."""
    text = doc_text(doc)
    out: list[Quote] = []
    # paragraph, speaker, cue, and whether the quote had quote marks
    last: tuple[int, Speaker | None, Span | None, bool] | None = None
    cache: dict[tuple[int, int | None], Speaker | None] = {}
    seen: set[tuple[int, int]] = set()
    for c in cands:
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        speaker: Speaker | None = None
        cue: Span | None = None
        if c.mode == "attr" and c.attr is not None:
            a = c.attr
            hops = 0
            while a.speaker is None and a.inherited is not None and hops < 4:
                a = speakers.get(a.inherited, a)
                hops += 1
            if a is not c.attr and a.speaker is not None and c.start <= doc[a.speaker].idx < c.end:
                a = c.attr  # a speaker inherited from inside the quotation is no speaker
            elif a.speaker is not None and c.start <= doc[a.speaker].idx < c.end \
                    and not c.start <= doc[a.cue.head].idx < c.end:
                # the parser took a word of the quotation for the subject of the cue
                # after it ("“Safety,” said Grimm."): the speaker follows the cue
                after = _after_cue(doc, a.cue.head)
                if after is not None or c.kind == "direct":
                    a = replace(a, speaker=after.i if after is not None else None, mention=None)
            elif a.speaker is None and a.inherited is None and c.kind == "direct" \
                    and c.start < doc[a.cue.head].idx < c.end + _MAX_GAP \
                    and text[_last_before(text, doc[a.cue.head].idx, " \t,")] in "”\"'’»":
                # “…,” said retired judge Ana Ruiz, asked about ...: the parser hung the
                # name on a clause after the cue; the speaker follows the cue
                after = _after_cue(doc, a.cue.head)
                if after is not None:
                    a = replace(a, speaker=after.i, mention=None)
            key = (a.cue.head, a.speaker)
            if key not in cache:
                cache[key] = resolve_speaker(doc, a, actors, resolver)
            speaker = cache[key]
            cs, ce = c.attr.cue.char_range(doc)
            cue = Span(cs, ce, text[cs:ce])
        elif c.mode == "continue" and last is not None and (
                c.para == last[0] or c.para - last[0] == 1 and last[3]):
            # the same paragraph, or the next one after a quote in marks: the same
            # voice goes on; after reported speech, a lone quote is a pull quote
            speaker, cue = last[1], None
        if speaker is not None or c.mode == "attr":
            last = (c.para, speaker, cue, c.kind != "indirect")
        out.append(Quote(f"Q{len(out) + 1}", c.start, c.end, text[c.start:c.end], c.kind,
                         cue, speaker))
    return out
