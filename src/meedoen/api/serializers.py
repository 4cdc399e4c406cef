from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from meedoen.clients.models import PERSOON_GEGEVENS, HuishoudRol, Persoon
from meedoen.clients.validators import normaliseer_bsn, normaliseer_postcode, valideer_bsn
from meedoen.core.models import Gemeente


class PersoonLijstSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Persoon
        fields = ["id", "gemeente", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum"]


class LidSerializer(serializers.Serializer):
    persoon = serializers.UUIDField(source="persoon_id")
    naam = serializers.CharField(source="persoon.volledige_naam")
    rol = serializers.ChoiceField(choices=HuishoudRol.choices)
    van = serializers.DateField()
    tot = serializers.DateField(allow_null=True)


class PersoonDetailSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    huishouden = LidSerializer(many=True, read_only=True, source="huishouden_leden")

    class Meta:
        model = Persoon
        fields = ["id", "gemeente", *PERSOON_GEGEVENS, "huishouden"]


class PersoonAanmaakSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", queryset=Gemeente.objects.all())

    class Meta:
        model = Persoon
        fields = ["gemeente", *PERSOON_GEGEVENS]
        validators = []  # BSN uniqueness per gemeente is checked by the service

    def validate_bsn(self, value):
        bsn = normaliseer_bsn(value)
        valideer_bsn(bsn)
        return bsn

    def to_internal_value(self, data):
        # Normalise before the model's format validator sees the postcode.
        if isinstance(data, dict) and data.get("postcode"):
            data = {**data, "postcode": normaliseer_postcode(data["postcode"])}
        return super().to_internal_value(data)

    def validate_gemeente(self, gemeente):
        actor = self.context["actor"]
        if gemeente.pk not in actor.gemeente_ids:
            raise serializers.ValidationError(_("Onbekende gemeente."))
        return gemeente


class ZoekSerializer(serializers.Serializer):
    zoekterm = serializers.CharField(max_length=200, help_text=_("Naam, BSN of geboortedatum."))
