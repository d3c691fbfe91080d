"""Words and name helpers of the speaker resolver (:mod:`dragoman._coref`): titles and
first names by gender, nouns that refer back to people, bodies, states, groups and
documents, pronouns, and the comparison of name words."""
from __future__ import annotations

FEMALE_TITLES = frozenset(
    "ms mrs miss madam madame mme lady dame queen princess spokeswoman chairwoman "
    "congresswoman businesswoman stateswoman sister mother wife daughter baroness "
    "duchess countess empress actress".split())
MALE_TITLES = frozenset(
    "mr sir lord king prince spokesman chairman congressman businessman statesman "
    "brother father husband son baron duke count emperor".split())
#: Common first names by gender, for "he"/"she" agreement (a name not listed is
#: compatible with both).
FEMALE_NAMES = frozenset("""
agnieszka alice alicia alina amanda amina amy ana andrea angela angelina anja ann
anna annalena anne annika antonia barbara beatriz betsy birgit brigitte carla carmen
caroline catherine cecilia charlotte chloe christina christine claudia cristina dana
daniela deborah diana dilma dina dorota elena elisa elisabeth elizabeth ellen emily
emma erin eva fatima federica fiona frances francesca gabriela gina giorgia giulia
gloria hanna hannah hanne heather heidi helen helena hillary ilhan ines ingrid irene
irina isabel jacinda jane janet janine jelena jennifer jessica jill joan johanna
julia julie kaja kamala karen karin karina katarina kate katherine kathleen kathryn
kellyanne kirsten kristalina kristi kristina larissa laura lauren leila leyla lina
linda lisa liz louise lucia lucy maja malgorzata margaret maria marie marine marise
marta martha mary maya megan melania melissa mette mia michele michelle mira monica
nadia nancy natalia natalie natasha nicola nikki nina noura olena olga pamela
patricia paula penny petra priti rachel rania rebecca rima rosa ruth sabrina salma
samantha sandra sanna sara sarah sigrid silvia simona sofia sophie stephanie susan
suzanne svetlana tanja tatiana teresa theresa tsai ulrike ursula valentina valerie
vera victoria viktoria virginia wendy yasmin yulia yuliia zeynep zuzana
""".split())
MALE_NAMES = frozenset("""
abdel abdul abdullah abiy ahmed alan alberto alejandro aleksandar alexander alexei
alexis ali amir anders andre andrei andres andrew andrzej andrés angelo anthony
antonio antony arvind ashraf benedikt benjamin bernard bernardino bernd bill bob
boris boyko carlos charles chris christopher cyril dan daniel dario david denis
dmitry dmytro donald ebrahim edi edward emmanuel enrique erdogan fabian felipe
fernando francis frank friedrich gabriel geert george gerhard giuseppe guido gustavo
hakan hamad hans hassan heiko helmut henrik herbert hossein hugh ibrahim igor ivan
jack jake james jan javier jean jeff jens jeppe jeremy jim joachim joe johan john
jonas jorge jose josep joseph josé juan kais karl kevin khalid kim klaus kyriakos
lars lee li lloyd luca ludovic luis luiz mahmoud manuel marcelo marco marcus mario
mark martin mateusz matteo matthias michael mike mikhail mohamed mohammad mohammed
muhammad nabil najib narendra nicolas nikol nikos olaf oleksandr olli omar paul
pavel pedro pekka peter petr pierre rafael rami rashid recep richard rishi robert
roberto ron rustem salman sami sebastian sergei sergey sergio sergiy stefan stephen
steve sven tariq tayyip ted thierry thomas tim tobias tom viktor vitaly vladimir
volodymyr walter william wolfgang xavier xi yahya yair yang yevgeny yevhen youssef
yuri zbigniew zed
""".split())
#: Nouns that refer back to a person: "the minister said".
PERSON_NOUNS = frozenset(
    "minister envoy spokesman spokeswoman spokesperson president ambassador secretary "
    "official diplomat chancellor premier leader chief general commander negotiator "
    "senator governor mayor director chairman chairwoman king queen prince "
    "candidate nominee congressman congresswoman lawmaker representative "
    "prosecutor judge adviser advisor aide counsel head deputy sheikh emir "
    "monarch foreign_minister man woman".split())
BODY_NOUNS = frozenset(
    "ministry government office department agency council committee army military "
    "junta presidency administration cabinet embassy kremlin commission party "
    "parliament court police union alliance company group organisation organization "
    "authority authorities campaign secretariat mission force command".split())
#: Nouns that refer back to a state ("the country said") and to an armed or
#: political group named before ("the armed group", "the movement").
STATE_NOUNS = frozenset("country nation state".split())
GROUP_NOUNS = frozenset("group movement militia faction organisation organization".split())
DOCUMENT_NOUNS = frozenset(
    "statement release report post tweet letter communique communiqué note readout "
    "transcript document memo announcement message text timeline tally count data figures "
    "analysis survey poll study estimate records piece response reply sign ad column "
    "editorial article".split())
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
