"""Read-only representations of applications, decisions and payments. Amounts are strings with
two decimals in euro (the calculation contract's format); account numbers are left out."""

from rest_framework import serializers

from meedoen.rules.money import format_amount
from meedoen.uitkering.models import Aanvraag, AanvraagStatus, Besluit, Betaling


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


class UitlegStapSerializer(serializers.Serializer):
    code = serializers.CharField()
    text = serializers.CharField()
    article = serializers.CharField(allow_null=True)
    url = serializers.CharField(allow_null=True)
    amount = serializers.CharField(allow_null=True)


class BesluitSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    persoon = serializers.UUIDField(source="persoon_id", read_only=True)
    aanvraag = serializers.UUIDField(source="aanvraag_id", read_only=True, allow_null=True)
    bedrag_per_maand = BedragVeld(source="bedrag_per_maand_cent")
    correctie = BedragVeld(source="correctie_cent")
    situatie = serializers.JSONField(read_only=True)
    berekening = serializers.JSONField(
        read_only=True, help_text="Het volledige antwoord van de rekenregels, zoals beslist."
    )
    uitleg = serializers.SerializerMethodField(help_text="De stappen van de berekening.")

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
