"""Words and name helpers of the speaker resolver (:mod:`dragoman._coref`): titles and
first names by gender, nouns that refer back to people, bodies, states, groups and
documents, pronouns, and the comparison of name words."""
from __future__ import annotations

from ._lexicon import table, words

FEMALE_TITLES = words("female_titles")
MALE_TITLES = words("male_titles")
#: Common first names by gender, for "he"/"she" agreement (a name not listed is
#: compatible with both).
FEMALE_NAMES = frozenset(k for k, v in table("first_names").items() if v == "female")
MALE_NAMES = frozenset(k for k, v in table("first_names").items() if v == "male")
#: Nouns that refer back to a person: "the minister said".
PERSON_NOUNS = words("person_nouns")
BODY_NOUNS = words("body_nouns")
#: Nouns that refer back to a state ("the country said") and to an armed or
#: political group named before ("the armed group", "the movement").
STATE_NOUNS = frozenset("country nation state".split())
GROUP_NOUNS = words("group_nouns")
DOCUMENT_NOUNS = words("document_nouns")
_TITLE_WORDS = FEMALE_TITLES | MALE_TITLES | frozenset("dr prof president minister".split())
_HE = frozenset("he him his himself".split())
_SHE = frozenset("she her hers herself".split())
_IT = frozenset("it its itself".split())
_THEY = frozenset("they them their theirs themselves".split())
PRONOUNS = _HE | _SHE | _IT | _THEY


def _name_tokens(name: str) -> list[str]:
    """Lower-case words of a name without titles ("Ms Sherman" -> ["sherman"])."""
    words = [t.strip(".,’'").lower() for t in name.replace("’s", "").replace("'s", "").split()]
    return [w for w in words if w and w not in _TITLE_WORDS]


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def _looks_like_name(name: str) -> bool:
    """Two or three capitalised words that name no body ("Lea Varn", not "Coast Guard")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
        w.lower() in BODY_NOUNS for w in words)
