"""Partial dates: what each calendar and spelling reads as, what is refused and why."""

import datetime as dt
import os

import django
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from portal.dates import (
    Era,
    PartialDate,
    Precision,
    be_year,
    format_partial_date,
    parse_partial_date,
)

if not settings.configured and "DJANGO_SETTINGS_MODULE" not in os.environ:
    # These tests touch no database; this lets them run with `-p no:django` as well.
    settings.configure(USE_I18N=True)
    django.setup()

CODES = {
    "invalid",
    "two_digit_year",
    "be_year_in_ce",
    "ce_year_in_be",
    "out_of_range",
    "invalid_era_year",
    "invalid_month",
    "invalid_day",
}
INVALID = (
    "“%s” is not a date. Enter a year (1992 or พ.ศ. 2535), a month (08/1989 or Aug 1989) "
    "or a day (12/10/2010, day first)."
)
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

partial_dates = st.builds(
    PartialDate.from_date,
    st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)),
    st.sampled_from(Precision),
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refusal(text: str, **kwargs) -> tuple[str, list[str]]:
    """Return the code and messages of the ValidationError that parsing `text` raises."""
    with pytest.raises(ValidationError) as caught:
        parse_partial_date(text, **kwargs)
    return caught.value.code, caught.value.messages


def iso(value: PartialDate) -> str:
    if value.precision is Precision.YEAR:
        return str(value.year)
    if value.precision is Precision.MONTH:
        return f"{value.year}-{value.month:02d}"
    return value.to_date().isoformat()


# Reading


@pytest.mark.parametrize(
    ("text", "era", "expected"),
    [
        ("1992", Era.CE, PartialDate(1992)),
        ("2535", Era.BE, PartialDate(1992)),
        ("พ.ศ. 2535", Era.CE, PartialDate(1992)),
        ("พศ2535", Era.CE, PartialDate(1992)),
        ("2535 B.E.", Era.CE, PartialDate(1992)),
        ("be 2535", Era.CE, PartialDate(1992)),
        ("ค.ศ. 1992", Era.BE, PartialDate(1992)),
        ("1992 CE", Era.BE, PartialDate(1992)),
        ("A.D. 1992", Era.BE, PartialDate(1992)),
        ("1992 ad", Era.BE, PartialDate(1992)),
        ("西暦1992年", Era.BE, PartialDate(1992)),
    ],
)
def test_years_in_either_era(text, era, expected):
    assert parse_partial_date(text, era=era) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成4年", PartialDate(1992)),
        ("平成元年8月", PartialDate(1989, 8)),
        ("令和2年10月12日", PartialDate(2020, 10, 12)),
        ("令和 2 年 10 月 12 日", PartialDate(2020, 10, 12)),
        ("明治元年", PartialDate(1868)),
        ("大正15年", PartialDate(1926)),
        ("昭和64年1月7日", PartialDate(1989, 1, 7)),
        ("㍻4年", PartialDate(1992)),
        ("H4", PartialDate(1992)),
        ("R2", PartialDate(2020)),
        ("S64", PartialDate(1989)),
        ("Heisei 4", PartialDate(1992)),
        ("h4.8.12", PartialDate(1992, 8, 12)),
        ("Shōwa 20", PartialDate(1945)),
    ],
)
def test_japanese_era_years_are_read_in_any_interface_era(text, expected):
    assert parse_partial_date(text, era=Era.CE) == expected
    assert parse_partial_date(text, era=Era.BE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1989年", PartialDate(1989)),
        ("1989年8月", PartialDate(1989, 8)),
        ("2010年10月12日", PartialDate(2010, 10, 12)),
        ("２０１０年１０月１２日", PartialDate(2010, 10, 12)),
        ("1989", PartialDate(1989)),
        ("1989-08", PartialDate(1989, 8)),
        ("1989-8", PartialDate(1989, 8)),
        ("2010-10-12", PartialDate(2010, 10, 12)),
        ("2010/10/12", PartialDate(2010, 10, 12)),
        ("12/10/2010", PartialDate(2010, 10, 12)),
        ("12.10.2010", PartialDate(2010, 10, 12)),
        ("12-10-2010", PartialDate(2010, 10, 12)),
        ("8/1989", PartialDate(1989, 8)),
        ("08/1989", PartialDate(1989, 8)),
        ("Aug 1989", PartialDate(1989, 8)),
        ("August 1989", PartialDate(1989, 8)),
        ("aug. 1989", PartialDate(1989, 8)),
        ("Sept 1989", PartialDate(1989, 9)),
        ("December 1989", PartialDate(1989, 12)),
        ("12 Oct 2010", PartialDate(2010, 10, 12)),
        ("12-Oct-2010", PartialDate(2010, 10, 12)),
        ("October 12, 2010", PartialDate(2010, 10, 12)),
        ("12th October 2010", PartialDate(2010, 10, 12)),
        ("  1992  ", PartialDate(1992)),
    ],
)
def test_common_era_forms(text, expected):
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("สิงหาคม 2532", PartialDate(1989, 8)),
        ("ส.ค. 2532", PartialDate(1989, 8)),
        ("สค 2532", PartialDate(1989, 8)),
        ("12 ตุลาคม 2553", PartialDate(2010, 10, 12)),
        ("12 ต.ค. 2553", PartialDate(2010, 10, 12)),
        ("๑๒ ต.ค. ๒๕๕๓", PartialDate(2010, 10, 12)),
        ("วันที่ 12 ตุลาคม พ.ศ. 2553", PartialDate(2010, 10, 12)),
        ("12/10/2553", PartialDate(2010, 10, 12)),
    ],
)
def test_thai_forms_in_the_buddhist_era(text, expected):
    assert parse_partial_date(text, era=Era.BE) == expected


def test_era_may_be_given_as_its_string_value():
    assert parse_partial_date("2535", era="be") == PartialDate(1992)


# Refusals


def test_blank_text_asks_for_a_date():
    assert refusal("") == ("invalid", ["Enter a date: a year, a month or a day."])
    assert refusal("  \t ") == ("invalid", ["Enter a date: a year, a month or a day."])


@pytest.mark.parametrize(
    "text",
    ["hello", "-1992", "1992 2010", "12 Foo 2010", "平成0年", "พ.ศ. 2535 ค.ศ.", "พ.ศ. 平成4年"],
)
def test_text_that_is_not_a_date_is_refused_by_name(text):
    assert refusal(text) == ("invalid", [INVALID % text])


def test_month_first_american_dates_are_not_read_as_such():
    # 10/31/2010 would be October 31 in the US; day first, it names month 31.
    assert refusal("10/31/2010") == (
        "invalid_month",
        ["“10/31/2010” has no month 31: months run from 1 to 12."],
    )


def test_impossible_day_names_the_day_and_month():
    assert refusal("31/02/2012") == ("invalid_day", ["February 2012 has no day 31."])
    assert refusal("令和2年2月30日") == ("invalid_day", ["February 2020 has no day 30."])
    assert refusal("0/10/2010") == ("invalid_day", ["October 2010 has no day 0."])


def test_impossible_day_message_follows_the_active_language():
    with translation.override("th"):
        _code, messages = refusal("31/02/2555", era=Era.BE)
    # The Thai catalogue may translate the sentence; the month is named in Thai, in B.E.
    assert "กุมภาพันธ์ 2555" in messages[0]


def test_february_29_exists_only_in_leap_years():
    assert parse_partial_date("29/02/2012") == PartialDate(2012, 2, 29)
    assert refusal("29/02/1900") == ("invalid_day", ["February 1900 has no day 29."])


def test_month_13_is_refused():
    assert refusal("13/2012") == (
        "invalid_month",
        ["“13/2012” has no month 13: months run from 1 to 12."],
    )
    assert refusal("2012-00-01")[0] == "invalid_month"


@pytest.mark.parametrize("text", ["12 ต.ค. 53", "8/89", "92", "Aug 89", "12/10/10"])
def test_two_digit_years_are_refused(text):
    assert refusal(text, era=Era.BE) == (
        "two_digit_year",
        [f"“{text}” has a two-digit year. Write all four digits: 1992 or 2535."],
    )


def test_buddhist_year_read_as_common_era_offers_the_conversion():
    message = (
        "2535 is not a Common Era year; it looks like a Buddhist Era year. "
        "Did you mean 1992 (B.E. 2535)?"
    )
    assert refusal("2535") == ("be_year_in_ce", [message])
    assert refusal("ค.ศ. 2535", era=Era.BE) == ("be_year_in_ce", [message])
    assert refusal("12/10/2553")[0] == "be_year_in_ce"


def test_common_era_year_read_as_buddhist_offers_the_conversion():
    message = (
        "1992 is not a Buddhist Era year; it looks like a Common Era year. "
        "Did you mean B.E. 2535 (1992 C.E.)?"
    )
    assert refusal("1992", era=Era.BE) == ("ce_year_in_be", [message])
    assert refusal("พ.ศ. 1992") == ("ce_year_in_be", [message])
    assert refusal("1989-08", era=Era.BE)[0] == "ce_year_in_be"


def test_conversion_is_offered_in_the_error_params():
    with pytest.raises(ValidationError) as caught:
        parse_partial_date("2535")
    assert caught.value.params == {"year": 2535, "ce_year": 1992}


@pytest.mark.parametrize(
    ("text", "era"),
    [("1799", Era.CE), ("2201", Era.CE), ("2299", Era.CE), ("19922", Era.CE), ("2342", Era.BE),
     ("2744", Era.BE), ("1500", Era.BE), ("令和200年", Era.CE), ("999", Era.CE)],
)  # fmt: skip
def test_years_outside_the_portal_range_are_refused(text, era):
    assert refusal(text, era=era) == (
        "out_of_range",
        [f"“{text}” is outside the years this portal records: 1800 to 2200 C.E. "
         "(B.E. 2343 to 2743)."],
    )  # fmt: skip


def test_range_ends_are_accepted():
    assert parse_partial_date("1800") == PartialDate(1800)
    assert parse_partial_date("2200") == PartialDate(2200)
    assert parse_partial_date("2343", era=Era.BE) == PartialDate(1800)
    assert parse_partial_date("2743", era=Era.BE) == PartialDate(2200)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("昭和65年", "Showa has no year 65: it ended in its year 64 (1989)."),
        ("平成32年", "Heisei has no year 32: it ended in its year 31 (2019)."),
        ("大正16年", "Taisho has no year 16: it ended in its year 15 (1926)."),
        ("明治46年", "Meiji has no year 46: it ended in its year 45 (1912)."),
        ("H32", "Heisei has no year 32: it ended in its year 31 (2019)."),
    ],
)
def test_japanese_era_year_past_the_era_end_is_refused(text, message):
    assert refusal(text) == ("invalid_era_year", [message])


# Writing


@pytest.mark.parametrize(
    ("value", "th", "en", "ja"),
    [
        (PartialDate(1992), "2535", "1992", "1992年"),
        (PartialDate(1989, 8), "ส.ค. 2532", "Aug 1989", "1989年8月"),
        (PartialDate(2010, 10, 12), "12 ต.ค. 2553", "12 Oct 2010", "2010年10月12日"),
        (PartialDate(2001, 1, 1), "1 ม.ค. 2544", "1 Jan 2001", "2001年1月1日"),
    ],
)
def test_format_in_each_language(value, th, en, ja):
    assert format_partial_date(value, language="th") == th
    assert format_partial_date(value, language="en") == en
    assert format_partial_date(value, language="ja") == ja


def test_format_uses_the_language_prefix_and_falls_back_to_english():
    value = PartialDate(1989, 8)
    assert format_partial_date(value, language="th-th") == "ส.ค. 2532"
    assert format_partial_date(value, language="en-us") == "Aug 1989"
    assert format_partial_date(value, language="ja_JP") == "1989年8月"
    assert format_partial_date(value, language="fr") == "Aug 1989"


def test_be_year_adds_543():
    assert be_year(1992) == 2535


# The value itself


def test_precision_follows_the_known_parts():
    assert PartialDate(1992).precision is Precision.YEAR
    assert PartialDate(1992, 8).precision is Precision.MONTH
    assert PartialDate(1992, 8, 12).precision is Precision.DAY


def test_period_first_and_last_days():
    assert PartialDate(1992).to_date() == dt.date(1992, 1, 1)
    assert PartialDate(2012, 2).first_day() == dt.date(2012, 2, 1)
    assert PartialDate(2012, 2).last_day() == dt.date(2012, 2, 29)
    assert PartialDate(1992).last_day() == dt.date(1992, 12, 31)
    assert PartialDate(1992, 8, 12).last_day() == dt.date(1992, 8, 12)


def test_from_date_keeps_only_the_precision_asked_for():
    day = dt.date(2010, 10, 12)
    assert PartialDate.from_date(day, Precision.YEAR) == PartialDate(2010)
    assert PartialDate.from_date(day, "month") == PartialDate(2010, 10)
    assert PartialDate.from_date(day, Precision.DAY) == PartialDate(2010, 10, 12)


def test_sorting_puts_a_year_before_its_months_and_days():
    values = [PartialDate(1992, 8, 12), PartialDate(1993), PartialDate(1992, 8), PartialDate(1992)]
    assert sorted(values) == [
        PartialDate(1992),
        PartialDate(1992, 8),
        PartialDate(1992, 8, 12),
        PartialDate(1993),
    ]
    assert PartialDate(1992, 12) < PartialDate(1993, 1)


def test_impossible_partial_dates_cannot_be_built():
    with pytest.raises(ValueError):
        PartialDate(1992, None, 12)
    with pytest.raises(ValueError):
        PartialDate(2012, 2, 30)
    with pytest.raises(ValueError):
        PartialDate(2012, 13)


def test_precision_choices_have_labels():
    assert [(value, str(label)) for value, label in Precision.choices] == [
        ("year", "year"),
        ("month", "month"),
        ("day", "day"),
    ]


# Properties


@given(partial_dates)
def test_english_format_reads_back(value):
    assert parse_partial_date(format_partial_date(value, language="en")) == value


@given(partial_dates)
def test_thai_format_reads_back_in_the_buddhist_era(value):
    assert parse_partial_date(format_partial_date(value, language="th"), era=Era.BE) == value


@given(partial_dates)
def test_japanese_format_reads_back(value):
    assert parse_partial_date(format_partial_date(value, language="ja")) == value


@given(partial_dates)
def test_iso_reads_back(value):
    assert parse_partial_date(iso(value)) == value


@given(partial_dates, st.sampled_from(["en", "ja", "iso"]))
def test_thai_digits_read_like_ascii_digits(value, form):
    text = iso(value) if form == "iso" else format_partial_date(value, language=form)
    assert parse_partial_date(text.translate(THAI_DIGITS)) == value


date_like_text = st.text(alphabet="0123456789๒๕ /.-,年月日平成元 พ.ศ.BEADaugoctH")


@given(st.one_of(st.text(), date_like_text), st.sampled_from(Era))
def test_any_text_is_a_date_in_range_or_a_coded_validation_error(text, era):
    try:
        value = parse_partial_date(text, era=era)
    except ValidationError as error:
        assert error.code in CODES
        assert error.messages[0]
    else:
        assert 1800 <= value.year <= 2200
