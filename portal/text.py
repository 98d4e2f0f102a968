"""Search normalisation: one key for the many ways a name is spelled in Thai, English and Japanese.

`search_key` is applied both to the stored names (through `join_search_keys`) and to what the
user types, so a plain substring test, `search_key(query) in haystack`, finds a record whatever
spacing, case, width, digits or PDF-extraction damage either side has.
"""

from __future__ import annotations

import re
import unicodedata

from pythainlp.util import normalize as thai_normalize

SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"

#: Joins the keys of several names in a haystack. `search_key` deletes it, so no query key can
#: contain it, and so no query can match the end of one name run into the start of the next.
SEPARATOR = "|"

_MAX_PASSES = 8

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Zero-width characters are invisible in the admin, so a name pasted with one would never match.
_FORMAT_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

# Our PDF source drops NIKHAHIT from SARA AM and leaves a space: "ทำ" comes out as "ท า". SARA AA
# never begins a Thai word (none of the ~270,000 entries of the word lists shipped with pythainlp
# starts with it, and the Thai National Corpus frequency list counts a lone "า" once), so a
# space between a consonant or tone mark and SARA AA is this damage, never a real word break.
_PDF_SARA_AM = re.compile(f"([\u0e01-\u0e2e\u0e48-\u0e4b])\\s+{SARA_AA}")

# Punctuation that varies between spellings of one name ("Chiang-Mai", "St. John's", "魚津・富山")
# without telling names apart. NFKC has already folded full-width and half-width forms into these.
_IGNORED = re.compile(r"[\s\-‐‑‒–—―−.,、・·'’‘()" + re.escape(SEPARATOR) + "]+")


# Some of pythainlp's patterns take time quadratic in the length of a run of Thai vowels and
# marks (100,000 "ๅ" took minutes), and queries come from anyone. Vowels and marks sit between
# consonants: no entry of pythainlp's word lists has more than four in a row, so cutting a run
# at eight leaves real words alone.
_MARK_RUN = re.compile("([\u0e30-\u0e3a\u0e40-\u0e4e]{8})[\u0e30-\u0e3a\u0e40-\u0e4e]+")


def _nfkc(text: str) -> str:
    # NFKC folds full-width Latin, digits and half-width katakana ("ｳｵﾂﾞ" -> "ウオヅ"), but it
    # also splits SARA AM into NIKHAHIT + SARA AA, which Thai text never stores: join them again.
    return unicodedata.normalize("NFKC", text).replace(NIKHAHIT + SARA_AA, SARA_AM)


def search_key(text: str) -> str:
    """Return the normal form of `text` that searches compare.

    The key is casefolded and NFKC-normalised, has ASCII digits for Thai and full-width ones, no
    whitespace and none of the punctuation in `_IGNORED`, and Thai spelled the way pythainlp's
    `normalize` spells it (vowels and tone marks in its order, none doubled, SARA AM as one
    character). So "Chiang Mai", "chiang-mai" and "ChiangMai" share a key, as do "เชียง ใหม่"
    and "เชียงใหม่". The function is idempotent: `search_key(search_key(x)) == search_key(x)`.
    """
    text = _FORMAT_CHARS.sub("", text)
    # Casefolding can produce text that is no longer NFKC (and so not stable under a second
    # pass), hence NFKC on both sides of it.
    text = _nfkc(_nfkc(text).casefold()).translate(_THAI_DIGITS)
    # Must run while the damaging space is still there, before spaces are deleted.
    text = _PDF_SARA_AM.sub(r"\1" + SARA_AM, text)
    # Spaces and punctuation go before pythainlp so that it sees every pair of characters that
    # the key will put side by side; otherwise a second pass could still find work to do.
    text = _MARK_RUN.sub(r"\1", _IGNORED.sub("", text))
    # pythainlp's normalize is not idempotent by itself (one pass turns "กๅๅ" into "กาๅ"); its
    # moving of tone marks can leave other combining marks out of NFKC order; and a deleted space
    # may have separated a mark from the letter NFKC composes it with. So repeat both until
    # nothing changes. Each pass only shortens or reorders; 200,000 random Thai strings
    # never needed more than three changing passes, and the cap only guards against an unforeseen
    # cycle on hostile input.
    for _ in range(_MAX_PASSES):
        previous, text = text, _nfkc(thai_normalize(text))
        if text == previous:
            break
    return text


def join_search_keys(*texts: str | None) -> str:
    """Return the haystack stored for a record: the keys of `texts`, joined by `SEPARATOR`.

    Empty and None texts, and texts whose key is empty (only punctuation), are left out, and a key
    already in the haystack is not repeated. A query key cannot contain `SEPARATOR`, because
    `search_key` deletes it, so a query matches within one name and never across two.
    """
    keys = (search_key(text) for text in texts if text)
    return SEPARATOR.join(dict.fromkeys(key for key in keys if key))
