"""Factories for test scenarios; reference and report data come from the loader instead."""

import factory

from cooperation.models import Agreement, Issue, Pair, Source
from partners.models import Actor


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    kind = Actor.Kind.PROVINCE
    country = "TH"
    name_en = factory.Sequence(lambda n: "Place %d" % n)
    slug = factory.Sequence(lambda n: "place-%d" % n)


class ThaiProvinceFactory(ActorFactory):
    kind = Actor.Kind.PROVINCE
    country = "TH"


class JapanesePrefectureFactory(ActorFactory):
    kind = Actor.Kind.PREFECTURE
    country = "JP"


class JapaneseCityFactory(ActorFactory):
    kind = Actor.Kind.CITY
    country = "JP"


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    slug = factory.Sequence(lambda n: "issue-%d" % n)
    name_en = factory.Sequence(lambda n: "Issue %d" % n)


class PairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pair

    thai = factory.SubFactory(ThaiProvinceFactory)
    foreign = factory.SubFactory(JapanesePrefectureFactory)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: "source-%d" % n)
    kind = Source.Kind.DOCUMENT
    title = factory.Sequence(lambda n: "Source %d" % n)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    kind = Agreement.Kind.MOU
    title_en = factory.Sequence(lambda n: "Agreement %d" % n)
