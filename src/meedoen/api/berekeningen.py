"""POST /api/v1/berekeningen: the situation contract in, the engine's answer out."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from meedoen.api.permissions import HeeftBevoegdheid, actor_van
from meedoen.core.roles import Bevoegdheid
from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.situation import SituationError
from meedoen.uitkering.selectors import berekening

VOORBEELD = {
    "period": "2026-01",
    "gemeente": "GM0150",
    "applicant": {
        "birth_date": "1990-05-01",
        "income": {"work": "0.00", "other": "0.00"},
        "work_disregard_months_used": 0,
        "single_parent_disregard_months_used": 0,
    },
    "partner": None,
    "children": [{"birth_date": "2019-03-01"}],
    "housemates": [],
    "assets": "0.00",
    "home_equity": "0.00",
    "cannot_rely_on_parents": False,
}


class BerekeningenView(APIView):
    permission_classes = [HeeftBevoegdheid.voor(Bevoegdheid.BEREKENEN)]

    @extend_schema(
        summary="Bijstand berekenen voor een situatie",
        description=(
            "Neemt de situatie zoals beschreven in docs/rules.md en geeft het bedrag met de "
            "uitleg per stap. Ongeldige invoer geeft 400 met fouten per veld (Nederlands en "
            "Engels); een periode waarvoor een wettelijk bedrag niet bekend is geeft 422."
        ),
        request=OpenApiTypes.OBJECT,
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="De berekening"),
            400: OpenApiResponse(OpenApiTypes.OBJECT, description="Fouten per veld"),
            422: OpenApiResponse(OpenApiTypes.OBJECT, description="Parameter ontbreekt"),
        },
        examples=[OpenApiExample("Alleenstaande ouder", value=VOORBEELD, request_only=True)],
    )
    def post(self, request):
        if not isinstance(request.data, dict):
            return Response(
                {
                    "non_field_errors": [
                        {"nl": "Stuur een JSON-object.", "en": "Send a JSON object."}
                    ]
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            return Response(berekening(actor=actor_van(request), situatie=dict(request.data)))
        except SituationError as exc:
            return Response(exc.errors, status=status.HTTP_400_BAD_REQUEST)
        except ParameterOntbreekt as exc:
            return Response(
                {"parameter": exc.parameter, "period": exc.periode, "nl": exc.nl, "en": exc.en},
                status=status.HTTP_422_UNPROCESSABLE_ENTITY,
            )
