"""Bulk import: natural keys, three calendars, amounts, duplicates, all rows or none."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import tablib

from cooperation.imports import AgreementResource, ProjectResource
from cooperation.models import Agreement, Project
from partners.models import Actor
from tests.factories import ActorFactory, IssueFactory, JapaneseCityFactory

pytestmark = pytest.mark.django_db

AGREEMENT_COLUMNS = ["ref", "kind", "status", "title_th", "title_en", "signed", "valid_from",
                     "valid_until", "signatories", "witnesses", "issues"]  # fmt: skip


@pytest.fixture
def places(db):
    cmc = ActorFactory(
        kind=Actor.Kind.CITY_MUNICIPALITY,
        country="TH",
        name_en="Chiang Mai City Municipality",
        name_th="เทศบาลนครเชียงใหม่",
        slug="chiang-mai-city",
        aliases="Chiangmai",
    )
    khon_kaen = ActorFactory(
        kind=Actor.Kind.CITY_MUNICIPALITY, country="TH", name_en="Khon Kaen", slug="khon-kaen"
    )
    uozu = JapaneseCityFactory(name_en="Uozu", name_ja="魚津市", slug="uozu", local_code="162043")
    # Two actors share an alias, so that the alias alone names neither.
    JapaneseCityFactory(name_en="Fuchu (Tokyo)", slug="fuchu-tokyo", aliases="Fuchu")
    JapaneseCityFactory(name_en="Fuchu (Hiroshima)", slug="fuchu-hiroshima", aliases="Fuchu")
    IssueFactory(slug="tourism", name_en="Tourism", name_th="การท่องเที่ยว")
    existing = Agreement(
        ref="cmc-uozu-1989", kind=Agreement.Kind.SISTER_CITY, title_en="Chiang Mai–Uozu"
    )
    from cooperation.services import PartySpec, agreement_save

    existing.signed_on, existing.signed_precision = dt.date(1989, 1, 1), "year"
    agreement_save(agreement=existing, parties=[PartySpec(cmc), PartySpec(uozu)])
    return {"cmc": cmc, "khon_kaen": khon_kaen, "uozu": uozu, "existing": existing}


def agreement_row(**values) -> list[str]:
    row = {
        "ref": values.pop("ref", "new-ref"),
        "kind": "mou",
        "status": "signed",
        "title_th": "",
        "title_en": "A memorandum",
        "signed": "2020",
        "valid_from": "",
        "valid_until": "",
        "signatories": "chiang-mai-city; uozu",
        "witnesses": "",
        "issues": "",
    }
    row.update(values)
    return [row[c] for c in AGREEMENT_COLUMNS]


# Each kind of bad row, what it gets wrong, and the errors it must report (column -> messages).
BAD_AGREEMENT_ROWS = [
    (
        "unknown kind",
        {"kind": "treaty"},
        {
            "kind": [
                "“treaty” is not a kind of agreement; use one of: Sister city, Friendship city, Cultural twin city, Memorandum of understanding, Letter of intent, Joint minutes, Agreement, Other."
            ]
        },
    ),
    (
        "empty kind",
        {"kind": ""},
        {
            "kind": [
                "“” is not a kind of agreement; use one of: Sister city, Friendship city, Cultural twin city, Memorandum of understanding, Letter of intent, Joint minutes, Agreement, Other."
            ]
        },
    ),
    (
        "unknown status",
        {"status": "lost"},
        {
            "status": [
                "“lost” is not a status; use one of: Proposed, Submitted for approval, Under review, Returned with comments, Approved, Signed, Active, Expired, Terminated."
            ]
        },
    ),
    (
        "status only the workflow sets",
        {"status": "approved"},
        {
            "status": [
                "An import cannot put an agreement into review: import it as proposed, then submit it."
            ]
        },
    ),
    (
        "date that is no date",
        {"signed": "sometime"},
        {
            "signed": [
                "“sometime” is not a date. Enter a year (1992 or พ.ศ. 2535), a month (08/1989 or Aug 1989) or a day (12/10/2010, day first)."
            ]
        },
    ),
    (
        "month 13",
        {"signed": "13/1990"},
        {"signed": ["“13/1990” has no month 13: months run from 1 to 12."]},
    ),
    ("30 February", {"signed": "30/02/1990"}, {"signed": ["February 1990 has no day 30."]}),
    (
        "two-digit year",
        {"signed": "89"},
        {"signed": ["“89” has a two-digit year. Write all four digits: 1992 or 2535."]},
    ),
    (
        "year out of range",
        {"signed": "1066"},
        {
            "signed": [
                "“1066” is outside the years this portal records: 1800 to 2200 C.E. (B.E. 2343 to 2743)."
            ]
        },
    ),
    (
        "B.E. year in a C.E. reading",
        {"signed": "2532"},
        {
            "signed": [
                "2532 is not a Common Era year; it looks like a Buddhist Era year. Did you mean 1989 (B.E. 2532)?"
            ]
        },
    ),
    (
        "C.E. year marked B.E.",
        {"signed": "พ.ศ. 1989"},
        {
            "signed": [
                "1989 is not a Buddhist Era year; it looks like a Common Era year. Did you mean B.E. 2532 (1989 C.E.)?"
            ]
        },
    ),
    (
        "Japanese era past its end",
        {"signed": "平成40年"},
        {"signed": ["Heisei has no year 40: it ended in its year 31 (2019)."]},
    ),
    (
        "two calendars at once",
        {"signed": "พ.ศ. 2532 C.E."},
        {
            "signed": [
                "“พ.ศ. 2532 C.E.” is not a date. Enter a year (1992 or พ.ศ. 2535), a month (08/1989 or Aug 1989) or a day (12/10/2010, day first)."
            ]
        },
    ),
    (
        "era marker beside a Japanese era",
        {"signed": "พ.ศ. 平成4年"},
        {
            "signed": [
                "“พ.ศ. 平成4年” is not a date. Enter a year (1992 or พ.ศ. 2535), a month (08/1989 or Aug 1989) or a day (12/10/2010, day first)."
            ]
        },
    ),
    (
        "bad start of validity",
        {"valid_from": "1.1.1.1"},
        {
            "valid_from": [
                "“1.1.1.1” is not a date. Enter a year (1992 or พ.ศ. 2535), a month (08/1989 or Aug 1989) or a day (12/10/2010, day first)."
            ]
        },
    ),
    (
        "end before start",
        {"valid_from": "2020", "valid_until": "2019"},
        {"__all__": ["The end cannot come before the start."]},
    ),
    ("no signatories", {"signatories": ""}, {"signatories": ["Name the signatories."]}),
    (
        "unknown signatory",
        {"signatories": "chiang-mai-city; Atlantis"},
        {"signatories": ["No actor is known as “Atlantis”."]},
    ),
    (
        "ambiguous alias",
        {"signatories": "chiang-mai-city; Fuchu"},
        {"signatories": ["“Fuchu” names 2 records; use a code or a slug."]},
    ),
    (
        "sister city of two Thai cities",
        {"kind": "sister_city", "signatories": "chiang-mai-city; khon-kaen"},
        {
            "signatories": [
                "A sister city agreement joins localities of two countries; Chiang Mai City Municipality and Khon Kaen are both in Thailand."
            ]
        },
    ),
    (
        "sister city with one signatory",
        {"kind": "sister_city", "signatories": "chiang-mai-city"},
        {
            "signatories": [
                "A sister city agreement is signed by exactly two localities; this one has 1 locality signatories among 1."
            ]
        },
    ),
    (
        "same actor twice",
        {"signatories": "chiang-mai-city; Chiangmai"},
        {"signatories": ["The same actor is listed twice as a party."]},
    ),
    (
        "signatory also a witness",
        {"witnesses": "uozu"},
        {"signatories": ["The same actor is listed twice as a party."]},
    ),
    ("unknown witness", {"witnesses": "Nobody"}, {"witnesses": ["No actor is known as “Nobody”."]}),
    (
        "unknown issue",
        {"issues": "tourism; astrology"},
        {"issues": ["No issue is known as “astrology”."]},
    ),
    (
        "no reference",
        {"ref": ""},
        {"__all__": ["Give the row its “ref”: it is how the record is found again."]},
    ),
    (
        "reference that is not a slug",
        {"ref": "has spaces"},
        {"ref": ["Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."]},
    ),
    (
        "reference too long",
        {"ref": "r" * 81},
        {"ref": ["Ensure this value has at most 80 characters (it has 81)."]},
    ),
    (
        "title too long",
        {"title_en": "t" * 401},
        {"title_en": ["Ensure this value has at most 400 characters (it has 401)."]},
    ),
    (
        "no title in any language",
        {"title_en": ""},
        {"title_en": ["Give this in at least one language: Thai, English or Japanese."]},
    ),
    (
        "duplicate of a stored agreement",
        {"ref": "twin-of-stored", "kind": "sister_city", "signed": "1989"},
        {"__all__": ["This row duplicates “Chiang Mai–Uozu” (cmc-uozu-1989), already recorded."]},
    ),
    (
        "same reference as an earlier row",
        {"ref": "good-row", "signed": "2021"},
        {"__all__": ["Row 33 repeats “good-row” of row 1."]},
    ),
    (
        "same record as an earlier row",
        {"ref": "another-ref", "signed": "2020"},
        {"__all__": ["Row 34 describes the same record as row 1."]},
    ),
]


def test_every_kind_of_bad_agreement_row_is_reported_and_nothing_is_written(places, in_language):
    in_language("en")
    assert len(BAD_AGREEMENT_ROWS) >= 30
    dataset = tablib.Dataset(headers=AGREEMENT_COLUMNS)
    dataset.append(agreement_row(ref="good-row"))  # valid, and still not written
    for number, (_kind, values, _errors) in enumerate(BAD_AGREEMENT_ROWS):
        # Undated rows, each with its own reference, so that only what each one gets wrong shows.
        dataset.append(agreement_row(**{"ref": "bad-%d" % number, "signed": "", **values}))
    before = (Agreement.objects.count(), Agreement.history.count())

    result = AgreementResource().import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )

    reported = {row.number: row.error_dict for row in result.invalid_rows}
    assert [e for e in result.row_errors()] == []
    expected = {n: errors for n, (_k, _v, errors) in enumerate(BAD_AGREEMENT_ROWS, start=2)}
    for number, errors in expected.items():
        got = {k: [str(m) for m in v] for k, v in reported.get(number, {}).items()}
        assert got == errors, BAD_AGREEMENT_ROWS[number - 2][0]
    assert sorted(reported) == sorted(expected)
    assert (Agreement.objects.count(), Agreement.history.count()) == before


def test_a_good_file_imports_with_natural_keys_in_any_language_and_calendar(places, in_language):
    in_language("th")
    dataset = tablib.Dataset(headers=AGREEMENT_COLUMNS)
    dataset.append(
        agreement_row(
            ref="cmc-uozu-mou",
            title_th="บันทึกความเข้าใจ",
            title_en="",
            signed="๑๕/๐๓/๒๕๖๗",  # Thai digits, B.E., read so in the Thai interface
            valid_until="令和10年",
            signatories="เทศบาลนครเชียงใหม่; 魚津市",
            issues="การท่องเที่ยว",
        )
    )
    result = AgreementResource().import_data(dataset, dry_run=False, use_transactions=True)

    assert not result.has_validation_errors() and not result.has_errors()
    agreement = Agreement.objects.get(ref="cmc-uozu-mou")
    assert (agreement.signed_on, agreement.signed_precision) == (dt.date(2024, 3, 15), "day")
    assert (agreement.valid_until_on, agreement.valid_until_precision) == (
        dt.date(2028, 12, 31),
        "year",
    )
    assert sorted(agreement.party_set.values_list("actor__slug", flat=True)) == [
        "chiang-mai-city",
        "uozu",
    ]
    assert list(agreement.issues.values_list("slug", flat=True)) == ["tourism"]
    assert agreement.pair.thai == places["cmc"]
    # Created, then attached to the pair its signatories make: both rows say why.
    history = agreement.history.order_by("history_id")
    assert list(history.values_list("history_type", "history_change_reason")) == [
        ("+", "bulk import"),
        ("~", "bulk import"),
    ]


def test_a_dry_run_validates_and_writes_nothing(places, in_language):
    in_language("en")
    dataset = tablib.Dataset(headers=AGREEMENT_COLUMNS)
    dataset.append(agreement_row(ref="only-previewed"))
    result = AgreementResource().import_data(dataset, dry_run=True, use_transactions=True)
    assert result.invalid_rows == []
    assert result.totals["new"] == 1
    assert not Agreement.objects.filter(ref="only-previewed").exists()


def test_errors_are_in_the_importers_language(places, in_language):
    in_language("th")
    dataset = tablib.Dataset(headers=AGREEMENT_COLUMNS)
    dataset.append(agreement_row(signatories="chiang-mai-city; Atlantis"))
    result = AgreementResource().import_data(dataset, dry_run=True, use_transactions=True)
    assert [str(m) for m in result.invalid_rows[0].error_dict["signatories"]] == [
        "ไม่พบผู้มีส่วนร่วมที่ชื่อ “Atlantis”"
    ]


PROJECT_COLUMNS = ["ref", "status", "title_en", "starts", "ends", "amount", "amount_basis",
                   "participants", "issues"]  # fmt: skip
BAD_PROJECT_ROWS = [
    (
        "amount without currency",
        {"amount": "1,000"},
        {"amount": ["“1,000” has no known currency; write THB, JPY, USD, EUR or CNY."]},
    ),
    (
        "unknown currency",
        {"amount": "1000 XYZ"},
        {"amount": ["“1000 XYZ” has no known currency; write THB, JPY, USD, EUR or CNY."]},
    ),
    ("negative amount", {"amount": "-5 THB"}, {"amount": ["An amount cannot be negative."]}),
    (
        "amount that is no number",
        {"amount": "lots of baht"},
        {"amount": ["“lots of baht” is not an amount with its currency, such as 1,200,000 THB."]},
    ),
    (
        "amount too precise",
        {"amount": "1.005 THB"},
        {"amount": ["“1.005 THB” is too large or too precise."]},
    ),
    (
        "basis without amount",
        {"amount": "", "amount_basis": "per_year"},
        {"amount_basis": ["A basis without an amount means nothing."]},
    ),
    (
        "unknown basis",
        {"amount_basis": "monthly"},
        {"amount_basis": ["“monthly” is not a basis; use one of: Total, Per year."]},
    ),
    (
        "participant without role",
        {"participants": "uozu"},
        {"participants": ["Write each participant as “role: actor”, not “uozu”."]},
    ),
    (
        "unknown role",
        {"participants": "sponsor: uozu"},
        {
            "participants": [
                "“sponsor” is not a role; use one of: Funder, Implementer, Beneficiary, Coordinator, Partner."
            ]
        },
    ),
    (
        "project ending before it starts",
        {"starts": "2020", "ends": "2019"},
        {"__all__": ["The end cannot come before the start."]},
    ),
]


def test_every_kind_of_bad_project_row_is_reported(places, in_language):
    in_language("en")
    dataset = tablib.Dataset(headers=PROJECT_COLUMNS)
    for number, (_kind, values, _errors) in enumerate(BAD_PROJECT_ROWS):
        row = {"ref": "p-%d" % number, "status": "ongoing", "title_en": "Project %d" % number,
               "starts": "2019", "ends": "", "amount": "฿1,200,000", "amount_basis": "total",
               "participants": "funder: uozu; implementer: เทศบาลนครเชียงใหม่", "issues": ""}  # fmt: skip
        row.update(values)
        dataset.append([row[c] for c in PROJECT_COLUMNS])
    result = ProjectResource().import_data(dataset, dry_run=True, use_transactions=True)
    reported = {
        row.number: {k: [str(m) for m in v] for k, v in row.error_dict.items()}
        for row in result.invalid_rows
    }
    assert reported == {n: e for n, (_k, _v, e) in enumerate(BAD_PROJECT_ROWS, start=1)}
    assert not Project.objects.exists()


def test_amounts_read_with_any_currency_marker(places):
    dataset = tablib.Dataset(headers=["ref", "title_en", "amount", "participants"])
    dataset.append(["p-yen", "Yen project", "¥5,000,000", "funder: 魚津市"])
    dataset.append(["p-baht", "Baht project", "๑,๒๐๐ บาท", ""])
    result = ProjectResource().import_data(dataset, dry_run=False, use_transactions=True)
    assert not result.has_validation_errors() and not result.has_errors()
    assert list(Project.objects.order_by("ref").values_list("ref", "amount", "currency")) == [
        ("p-baht", Decimal("1200.00"), "THB"),
        ("p-yen", Decimal("5000000.00"), "JPY"),
    ]
