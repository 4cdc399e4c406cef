"""REST endpoints for residents. Scoped to the caller's gemeenten; another gemeente's
resident answers 404; reading a resident writes an audit event."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from meedoen.api.pagination import paginate
from meedoen.api.permissions import HeeftBevoegdheid, actor_van
from meedoen.api.serializers import (
    PersoonAanmaakSerializer,
    PersoonDetailSerializer,
    PersoonLijstSerializer,
    ZoekSerializer,
)
from meedoen.clients import selectors, services
from meedoen.core.roles import Bevoegdheid

DOEL_API = "koppeling via API"


def _detail(persoon):
    huishouden = selectors.huishouden_van(persoon=persoon, datum=timezone.localdate())
    persoon.huishouden_leden = huishouden.leden if huishouden else []
    return PersoonDetailSerializer(persoon).data


class PersonenView(APIView):
    def get_permissions(self):
        bevoegdheid = (
            Bevoegdheid.DOSSIER_SCHRIJVEN
            if self.request.method == "POST"
            else Bevoegdheid.DOSSIER_LEZEN
        )
        return [HeeftBevoegdheid.voor(bevoegdheid)()]

    @extend_schema(responses=PersoonLijstSerializer(many=True), summary="Inwoners (lijst)")
    def get(self, request):
        personen = selectors.personen(actor=actor_van(request)).select_related("gemeente")
        return paginate(
            request,
            self,
            personen.order_by("achternaam", "voornamen", "id"),
            PersoonLijstSerializer,
        )

    @extend_schema(
        request=PersoonAanmaakSerializer,
        responses={201: PersoonDetailSerializer},
        summary="Inwoner registreren",
    )
    def post(self, request):
        actor = actor_van(request)
        serializer = PersoonAanmaakSerializer(data=request.data, context={"actor": actor})
        serializer.is_valid(raise_exception=True)
        gegevens = dict(serializer.validated_data)
        gemeente = gegevens.pop("gemeente")
        try:
            persoon = services.persoon_registreren(
                actor=actor, gemeente=gemeente, gegevens=gegevens
            )
        except ValidationError as exc:
            raise ApiValidationError(exc.message_dict) from exc
        return Response(_detail(persoon), status=status.HTTP_201_CREATED)


class PersoonZoekenView(APIView):
    """Search by POST so a BSN never appears in a URL or an access log."""

    permission_classes = [HeeftBevoegdheid.voor(Bevoegdheid.DOSSIER_LEZEN)]

    @extend_schema(
        request=ZoekSerializer,
        responses=PersoonLijstSerializer(many=True),
        summary="Inwoners zoeken op naam, BSN of geboortedatum",
    )
    def post(self, request):
        serializer = ZoekSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        resultaten = selectors.personen_zoeken(
            actor=actor_van(request), zoekterm=serializer.validated_data["zoekterm"]
        )
        return Response(PersoonLijstSerializer(resultaten, many=True).data)


class PersoonDetailView(APIView):
    permission_classes = [HeeftBevoegdheid.voor(Bevoegdheid.DOSSIER_LEZEN)]

    @extend_schema(responses=PersoonDetailSerializer, summary="Inwoner (dossiergegevens)")
    def get(self, request, persoon_uuid):
        try:
            persoon = selectors.persoon_dossier(
                actor=actor_van(request), persoon_id=persoon_uuid, doel=DOEL_API
            )
        except ObjectDoesNotExist as exc:
            raise NotFound from exc
        return Response(_detail(persoon))
