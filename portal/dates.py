"""Partial dates: a year, a month or a day, typed in the Common, Buddhist or a Japanese era.

Records often know only the year or the month of an event, and staff copy dates from Thai,
English and Japanese documents as written there. `parse_partial_date` reads all those spellings;
`format_partial_date` writes a value the way each interface language reads it, in a form that
`parse_partial_date` reads back.

Numeric dates are day first (12/10/2010 is 12 October), as Thai and British users write them;
month-first American dates are not accepted, because 12/10/2010 cannot tell which was meant.
Only a year written before its month, as in 2010-10-12 or 2010/10/12, is read year first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _

BE_OFFSET = 543
FIRST_YEAR, LAST_YEAR = 1800, 2200  # C.E. years the portal can hold
# B.E. years start at FIRST_YEAR + 543 = 2343 and C.E. ones end at 2200, so a bare year at or
# past this line can only be Buddhist and one below it only Common Era.
BE_LINE = 2300


class Precision(models.TextChoices):
    """How much of a partial date is known."""

    YEAR = "year", gettext_lazy("year")
    MONTH = "month", gettext_lazy("month")
    DAY = "day", gettext_lazy("day")


class Era(enum.StrEnum):
    """The calendar that a year without an era marker is read in."""

    CE = "ce"
    BE = "be"


def be_year(ce_year: int) -> int:
    """Return the Buddhist Era year of a Common Era year."""
    return ce_year + BE_OFFSET


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A year, a month of a year, or a day. Sorts chronologically, a year before its months."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("A partial date with a day needs a month.")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError if impossible

    @property
    def precision(self) -> Precision:
        """Return which parts of the date are known."""
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    def first_day(self) -> dt.date:
        """Return the first day of the period: how a start date is stored."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def to_date(self) -> dt.date:
        """Return the first day of the period (same as `first_day`)."""
        return self.first_day()

    def last_day(self) -> dt.date:
        """Return the last day of the period: how an end date is stored."""
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, _days_in(self.year, month))

    @classmethod
    def from_date(cls, day: dt.date, precision: Precision | str) -> PartialDate:
        """Return the year, month or day of `day` that `precision` keeps."""
        precision = Precision(precision)
        if precision is Precision.YEAR:
            return cls(day.year)
        if precision is Precision.MONTH:
            return cls(day.year, day.month)
        return cls(day.year, day.month, day.day)

    def sort_key(self) -> tuple[int, int, int]:
        """Return a key that orders dates in time, a whole year or month before its parts."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()


@dataclass(frozen=True)
class _JapaneseEra:
    kanji: str
    romaji: str  # initial and names in Latin letters, lower case, separated by spaces
    first_year: int  # C.E. year of the era's year 1 (元年)
    last: int | None  # the era's last year, counted in the era; None while it lasts
    name: str


_JAPANESE_ERAS = (
    _JapaneseEra("明治", "m meiji", 1868, 45, pgettext_lazy("Japanese era", "Meiji")),
    _JapaneseEra("大正", "t taisho taishō", 1912, 15, pgettext_lazy("Japanese era", "Taisho")),
    _JapaneseEra("昭和", "s showa shōwa", 1926, 64, pgettext_lazy("Japanese era", "Showa")),
    _JapaneseEra("平成", "h heisei", 1989, 31, pgettext_lazy("Japanese era", "Heisei")),
    _JapaneseEra("令和", "r reiwa", 2019, None, pgettext_lazy("Japanese era", "Reiwa")),
)
_ERA_BY_NAME = {n: e for e in _JAPANESE_ERAS for n in (e.kanji, *e.romaji.split())}

EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
EN_MONTH_ABBRS = tuple(name[:3] for name in EN_MONTHS)
TH_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
TH_MONTH_ABBRS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
# Keyed without dots, so "ส.ค.", "สค", "Aug." and "aug" are all found.
_MONTH_BY_NAME = {
    name.casefold().replace(".", ""): number
    for number, names in enumerate(
        zip(EN_MONTHS, EN_MONTH_ABBRS, TH_MONTHS, TH_MONTH_ABBRS, strict=True), 1
    )
    for name in names
} | {"sept": 9}

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_FORMAT_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_ERA_MARKERS = (
    (Era.BE, re.compile(r"พ\.?\s*ศ\.?|(?<![a-z])b\.?\s?e\.?(?![a-z])")),
    (Era.CE, re.compile(r"ค\.?\s*ศ\.?|西暦|(?<![a-z])(?:c\.?\s?e|a\.?\s?d)\.?(?![a-z])")),
)
# Words Thai writers put before the parts of a date ("วันที่ 12 เดือนตุลาคม ปี 2553").
_THAI_FILLERS = re.compile("วันที่|เดือน|ปี")
_ORDINAL = re.compile(r"(?<=[0-9])(?:st|nd|rd|th)(?![a-z])")

# Years may have more than four digits here only so that "19922" gets the out-of-range message.
_Y, _M, _D = r"(?P<year>[0-9]{1,6})", r"(?P<month>[0-9]{1,2})", r"(?P<day>[0-9]{1,2})"
_SEP, _SAME_SEP = r"\s*(?P<sep>[-/.])\s*", r"\s*(?P=sep)\s*"
_MONTH_DAY_JA = rf"(?:\s*{_M}\s*月(?:\s*{_D}\s*日)?)?"  # 8月, 10月12日
_KANJI_ERAS = "|".join(e.kanji for e in _JAPANESE_ERAS)
_ROMAJI_ERAS = "|".join(
    sorted((n for e in _JAPANESE_ERAS for n in e.romaji.split()), key=len, reverse=True)
)
_PATTERNS = (
    re.compile(rf"(?P<era>{_KANJI_ERAS})\s*(?P<year>元|[0-9]{{1,6}})(?:\s*年{_MONTH_DAY_JA})?"),
    re.compile(rf"(?P<era>{_ROMAJI_ERAS})\.?\s*{_Y}(?:{_SEP}{_M}(?:{_SAME_SEP}{_D})?)?"),  # H4.8.12
    re.compile(rf"{_Y}\s*年{_MONTH_DAY_JA}"),  # 1989年, 1989年8月, 2010年10月12日
    re.compile(rf"(?P<year>[0-9]{{3,6}}){_SEP}{_M}(?:{_SAME_SEP}{_D})?"),  # 1989-8, 2010/10/12
    re.compile(rf"{_D}{_SEP}{_M}{_SAME_SEP}{_Y}"),  # 12/10/2010, 12.10.2010, 12-10-2010
    re.compile(rf"{_M}\s*[-/.]\s*{_Y}"),  # 8/1989, 08.1989
)


class _Parts(NamedTuple):
    year: str  # digits as typed, or "元" in a Japanese era
    month: int | None = None
    day: int | None = None
    japanese_era: _JapaneseEra | None = None


def _match_pattern(text: str) -> _Parts | None:
    """Read the numeric and Japanese forms, whose shapes regular expressions describe."""
    for pattern in _PATTERNS:
        if m := pattern.fullmatch(text):
            found = m.groupdict()
            month, day = (int(found[k]) if found.get(k) else None for k in ("month", "day"))
            return _Parts(found["year"], month, day, _ERA_BY_NAME.get(found.get("era")))
    return None


def _match_words(text: str) -> _Parts | None:
    """Read dates with month names: Aug 1989, 12 Oct 2010, October 12, 2010, 12 ต.ค. 2553."""
    text = _THAI_FILLERS.sub(" ", _ORDINAL.sub("", text)).strip()
    tokens: list[str | int] = []  # digits stay str; a month name becomes its number
    for piece in re.split(r"\s*[,/-]\s*|\s+", text):
        for token in re.findall(r"[0-9]+|[^0-9]+", piece) or [""]:
            if token.isascii() and token.isdigit():
                if len(token) > 6:  # longer than any date part; also keeps int() cheap
                    return None
                tokens.append(token)
            elif (month := _MONTH_BY_NAME.get(token.replace(".", ""))) is not None:
                tokens.append(month)
            else:
                return None  # an unknown word, or an empty piece as in "-1992"
    match tokens:
        case [str(year)]:
            return _Parts(year)
        case [int(month), str(year)]:
            return _Parts(year, month)
        case [str(day), int(month), str(year)] | [int(month), str(day), str(year)] if len(day) < 3:
            return _Parts(year, month, int(day))
    return None


_RANGE = {
    "first": FIRST_YEAR,
    "last": LAST_YEAR,
    "first_be": FIRST_YEAR + BE_OFFSET,
    "last_be": LAST_YEAR + BE_OFFSET,
}


def _error(message: str, code: str, **params: object) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _invalid(value: str) -> ValidationError:
    return _error(
        _(
            "“%(value)s” is not a date. Enter a year (1992 or พ.ศ. 2535), a month (08/1989 or "
            "Aug 1989) or a day (12/10/2010, day first)."
        ),
        "invalid",
        value=value,
    )


def _gregorian_year(digits: str, era: Era, value: str) -> int:
    """Return the C.E. year that `digits` stands for in `era`, refusing the other calendar's."""
    if len(digits) <= 2:
        message = _("“%(value)s” has a two-digit year. Write all four digits: 1992 or 2535.")
        raise _error(message, "two_digit_year", value=value)
    year = int(digits)
    if era is Era.CE and year >= BE_LINE and FIRST_YEAR <= year - BE_OFFSET <= LAST_YEAR:
        message = _(
            "%(year)s is not a Common Era year; it looks like a Buddhist Era year. "
            "Did you mean %(ce_year)s (B.E. %(year)s)?"
        )
        raise _error(message, "be_year_in_ce", year=year, ce_year=year - BE_OFFSET)
    if era is Era.BE and year < BE_LINE and FIRST_YEAR <= year <= LAST_YEAR:
        message = _(
            "%(year)s is not a Buddhist Era year; it looks like a Common Era year. "
            "Did you mean B.E. %(be_year)s (%(year)s C.E.)?"
        )
        raise _error(message, "ce_year_in_be", year=year, be_year=be_year(year))
    return year - BE_OFFSET if era is Era.BE else year


def _japanese_year(era: _JapaneseEra, digits: str, value: str) -> int:
    """Return the C.E. year of year `digits` of a Japanese era ("元" is its first year)."""
    year = 1 if digits == "元" else int(digits)
    if year < 1:
        raise _invalid(value)
    if era.last is not None and year > era.last:
        message = _("%(era)s has no year %(year)s: it ended in its year %(last)s (%(last_ce)s).")
        last_ce = era.first_year + era.last - 1
        raise _error(
            message, "invalid_era_year", era=era.name, year=year, last=era.last, last_ce=last_ce
        )
    return era.first_year + year - 1


def parse_partial_date(text: str, *, era: Era | str = Era.CE) -> PartialDate:
    """Read a year, a month or a day; raise ValidationError with a code if `text` is none.

    An era marker in the text (พ.ศ., B.E., ค.ศ., C.E., A.D., 西暦) or a Japanese era name
    (平成4年, H4, Heisei 4) fixes the calendar; otherwise `era` does, for every form, ISO
    included. Thai and full-width digits count as ASCII. Codes: invalid, two_digit_year,
    be_year_in_ce, ce_year_in_be, out_of_range, invalid_era_year, invalid_month, invalid_day.
    """
    value = text.strip()
    if not value:
        raise _error(_("Enter a date: a year, a month or a day."), "invalid")
    cleaned = unicodedata.normalize("NFKC", _FORMAT_CHARS.sub("", value))
    cleaned = cleaned.translate(_THAI_DIGITS).casefold()
    markers = set()
    for marker, pattern in _ERA_MARKERS:
        cleaned, found = pattern.subn(" ", cleaned)
        if found:
            markers.add(marker)
    cleaned = " ".join(cleaned.split())
    parts = _match_pattern(cleaned) or _match_words(cleaned)
    # Two different markers, or a marker beside a Japanese era, contradict each other.
    if parts is None or len(markers) > 1 or (markers and parts.japanese_era):
        raise _invalid(value)

    if parts.japanese_era is not None:
        year = _japanese_year(parts.japanese_era, parts.year, value)
    else:
        year = _gregorian_year(parts.year, markers.pop() if markers else Era(era), value)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        message = _(
            "“%(value)s” is outside the years this portal records: %(first)s to %(last)s C.E. "
            "(B.E. %(first_be)s to %(last_be)s)."
        )
        raise _error(message, "out_of_range", value=value, **_RANGE)
    month, day = parts.month, parts.day
    if month is not None and not 1 <= month <= 12:
        message = _("“%(value)s” has no month %(month)s: months run from 1 to 12.")
        raise _error(message, "invalid_month", value=value, month=month)
    if month is not None and day is not None and day not in range(1, _days_in(year, month) + 1):
        message = _("%(month)s has no day %(day)s.")
        raise _error(message, "invalid_day", month=_month_label(year, month), day=day)
    return PartialDate(year, month, day)


def _language_prefix(language: str | None) -> str:
    return (language or "en").lower().replace("_", "-").split("-")[0]


def _month_label(year: int, month: int) -> str:
    """Name a month in full in the active language, for messages: February 2012."""
    language = _language_prefix(get_language())
    if language == "th":
        return f"{TH_MONTHS[month - 1]} {be_year(year)}"
    if language == "ja":
        return f"{year}年{month}月"
    return f"{EN_MONTHS[month - 1]} {year}"


def format_partial_date(value: PartialDate, *, language: str) -> str:
    """Write `value` as readers of `language` ("th", "en-us"...) read it; others get English.

    Thai: 2535, ส.ค. 2532, 12 ต.ค. 2553 (Buddhist Era; parse it back with era=Era.BE).
    English: 1992, Aug 1989, 12 Oct 2010. Japanese: 1992年, 1989年8月, 2010年10月12日.
    """
    language = _language_prefix(language)
    if language == "ja":
        month = f"{value.month}月" if value.month else ""
        return f"{value.year}年{month}" + (f"{value.day}日" if value.day else "")
    if language == "th":
        year, month_names = str(be_year(value.year)), TH_MONTH_ABBRS
    else:
        year, month_names = str(value.year), EN_MONTH_ABBRS
    month_name = month_names[value.month - 1] if value.month else None
    day = str(value.day) if value.day else None
    return " ".join(part for part in (day, month_name, year) if part)
