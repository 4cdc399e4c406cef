"""Read-only representations of applications, decisions and payments. Amounts are strings with
two decimals in euro (the calculation contract's format); account numbers are left out."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meedoen.rules.money import format_amount
from meedoen.uitkering.models import Aanvraag, AanvraagStatus, Besluit, Betaling

# How an amount looks in the API, for the OpenAPI description: euro with two decimals.
BEDRAG_SCHEMA = {
    "type": "string",
    "format": "decimal",
    "pattern": r"^-?\d+\.\d{2}$",
    "example": "1345.45",
}


@extend_schema_field(BEDRAG_SCHEMA)
class BedragVeld(serializers.CharField):
    """Integer eurocent in the database, "1345.45" in the API."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return format_amount(value)


class AanvraagStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = AanvraagStatus
        fields = ["van", "naar", "reden", "aangemaakt_op"]
        read_only_fields = fields


class BesluitKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Besluit
        fields = ["id", "soort", "status", "beslist_op"]
        read_only_fields = fields


class AanvraagLijstSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    persoon = serializers.UUIDField(source="persoon_id", read_only=True)
    huishouden = serializers.UUIDField(source="huishouden_id", read_only=True)

    class Meta:
        model = Aanvraag
        fields = [
            "id",
            "gemeente",
            "persoon",
            "huishouden",
            "status",
            "ontvangen_op",
            "gewenste_ingangsdatum",
            "beslistermijn",
            "verdaagd_tot",
        ]
        read_only_fields = fields


class AanvraagDetailSerializer(AanvraagLijstSerializer):
    statussen = AanvraagStatusSerializer(many=True, read_only=True)
    besluiten = BesluitKortSerializer(many=True, read_only=True)

    class Meta(AanvraagLijstSerializer.Meta):
        fields = [
            *AanvraagLijstSerializer.Meta.fields,
            "verdagingsreden",
            "zoektermijn_tot",
            "zoektermijn_maatwerk",
            "statussen",
            "besluiten",
        ]
        read_only_fields = fields


@extend_schema_field(BEDRAG_SCHEMA)
class StapBedragVeld(serializers.CharField):
    """An explanation step's amount, already "1345.45" in the engine's answer."""


class UitlegStapSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Code van de stap, bijvoorbeeld NORM of UITKERING.")
    text = serializers.CharField(help_text="De stap in gewone taal (Nederlands).")
    article = serializers.CharField(allow_null=True, help_text="Het wetsartikel.")
    url = serializers.CharField(allow_null=True, help_text="Het artikel op wetten.overheid.nl.")
    amount = StapBedragVeld(allow_null=True, help_text="Het bedrag van de stap, als er een is.")


# A decision in a list: what was decided, without the calculation (the detail has it).
class BesluitLijstSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    persoon = serializers.UUIDField(source="persoon_id", read_only=True)
    aanvraag = serializers.UUIDField(source="aanvraag_id", read_only=True, allow_null=True)
    bedrag_per_maand = BedragVeld(source="bedrag_per_maand_cent")
    correctie = BedragVeld(source="correctie_cent")

    class Meta:
        model = Besluit
        fields = [
            "id",
            "gemeente",
            "persoon",
            "aanvraag",
            "soort",
            "status",
            "ingangsdatum",
            "einddatum",
            "bedrag_per_maand",
            "correctie",
            "beslist_op",
            "geaccordeerd_op",
        ]
        read_only_fields = fields


class BesluitSerializer(BesluitLijstSerializer):
    situatie = serializers.JSONField(read_only=True)
    berekening = serializers.JSONField(
        read_only=True, help_text="Het volledige antwoord van de rekenregels, zoals beslist."
    )
    uitleg = serializers.SerializerMethodField(help_text="De stappen van de berekening.")

    class Meta(BesluitLijstSerializer.Meta):
        fields = [
            "id",
            "gemeente",
            "persoon",
            "aanvraag",
            "soort",
            "status",
            "ingangsdatum",
            "einddatum",
            "bedrag_per_maand",
            "correctie",
            "correctie_reden",
            "gronden",
            "verplichtingen",
            "beslist_op",
            "geaccordeerd_op",
            "situatie",
            "berekening",
            "uitleg",
        ]
        read_only_fields = fields

    @extend_schema_field(UitlegStapSerializer(many=True))
    def get_uitleg(self, besluit) -> list[dict]:
        stappen = (besluit.berekening or {}).get("explanation") or []
        return UitlegStapSerializer(
            [{**s, "text": s.get("nl") or s.get("text", "")} for s in stappen], many=True
        ).data


class BetalingSerializer(serializers.ModelSerializer):
    bedrag = BedragVeld(source="bedrag_cent")
    betaalrun = serializers.UUIDField(source="betaalrun_id", read_only=True)
    uitgevoerd_op = serializers.DateTimeField(source="betaalrun.uitgevoerd_op", read_only=True)

    class Meta:
        model = Betaling
        fields = ["id", "maand", "soort", "bedrag", "omschrijving", "betaalrun", "uitgevoerd_op"]
        read_only_fields = fields
