"""REST endpoints for applications, decisions and payments (read only). Scoped to the caller's
gemeenten (another gemeente's object answers 404), for callers who may handle or approve
benefits (else 403), and every read of a resident's data writes an audit event, like the
residents' endpoints."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import BasePermission

from meedoen.api.permissions import actor_van
from meedoen.api.uitkering_serializers import (
    AanvraagDetailSerializer,
    AanvraagLijstSerializer,
    BesluitLijstSerializer,
    BesluitSerializer,
    BetalingSerializer,
)
from meedoen.api.views import DOEL_API
from meedoen.clients import selectors as clients_selectors
from meedoen.core.audit.models import Actie
from meedoen.core.audit.services import audit_vastleggen
from meedoen.uitkering.aanvraag import selectors as aanvraag_selectors
from meedoen.uitkering.models import Aanvraag, Besluit, Betaling


class UitkeringLezen(BasePermission):
    """Handles benefits (inkomensconsulent) or approves them (teamleider)."""

    def has_permission(self, request, view):
        return request.user.is_authenticated and aanvraag_selectors.mag_lezen(actor_van(request))


def _gelezen(request, obj) -> None:
    audit_vastleggen(
        actor=actor_van(request),
        actie=Actie.GELEZEN,
        doel=DOEL_API,
        obj=obj,
        persoon_id=obj.persoon_id,
    )


# A list page whose rows each name a resident: one read event per row shown, in the same
# transaction as the read. (A comment, not a docstring: docstrings end up in the OpenAPI file.)
class _GelezenLijst(ListAPIView):
    permission_classes = [UitkeringLezen]

    def get(self, request, *args, **kwargs):
        actor = actor_van(request)
        gemeenten = {g.code: g for g in actor.gemeenten}
        label = self.get_serializer_class().Meta.model._meta.label
        with transaction.atomic():
            response = super().get(request, *args, **kwargs)
            for rij in response.data["results"]:
                audit_vastleggen(
                    actor=actor,
                    actie=Actie.GELEZEN,
                    doel=DOEL_API,
                    object_type=label,
                    object_id=str(rij["id"]),
                    persoon_id=rij["persoon"],
                    gemeente=gemeenten[rij["gemeente"]],
                )
        return response


class AanvragenView(_GelezenLijst):
    serializer_class = AanvraagLijstSerializer
    queryset = Aanvraag.objects.none()  # for the schema; get_queryset scopes

    def get_queryset(self):
        return aanvraag_selectors.aanvragen(actor=actor_van(self.request)).order_by(
            "-ontvangen_op", "id"
        )

    @extend_schema(
        summary="Aanvragen bijstand (lijst)",
        description="Aanvragen van de gemeenten van de aanroeper, nieuwste eerst, per pagina. "
        "Elke getoonde aanvraag wordt vastgelegd als inzage.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class BesluitenView(_GelezenLijst):
    serializer_class = BesluitLijstSerializer
    queryset = Besluit.objects.none()

    def get_queryset(self):
        return aanvraag_selectors.besluiten(actor=actor_van(self.request)).order_by(
            "-beslist_op", "id"
        )

    @extend_schema(
        summary="Besluiten bijstand (lijst)",
        description="Besluiten van de gemeenten van de aanroeper, nieuwste eerst, per pagina, "
        "zonder de berekening (die staat bij het besluit zelf). Elk getoond besluit wordt "
        "vastgelegd als inzage.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AanvraagDetailView(RetrieveAPIView):
    permission_classes = [UitkeringLezen]
    serializer_class = AanvraagDetailSerializer
    queryset = Aanvraag.objects.none()

    def get_object(self):
        try:
            gevonden = aanvraag_selectors.aanvraag(
                actor=actor_van(self.request), aanvraag_id=self.kwargs["aanvraag_uuid"]
            )
        except ObjectDoesNotExist as exc:
            raise NotFound from exc
        _gelezen(self.request, gevonden)
        return gevonden

    @extend_schema(summary="Aanvraag bijstand, met statusgeschiedenis en besluiten")
    @transaction.atomic
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class BesluitDetailView(RetrieveAPIView):
    permission_classes = [UitkeringLezen]
    serializer_class = BesluitSerializer
    queryset = Besluit.objects.none()

    def get_object(self):
        try:
            gevonden = aanvraag_selectors.besluit(
                actor=actor_van(self.request), besluit_id=self.kwargs["besluit_uuid"]
            )
        except ObjectDoesNotExist as exc:
            raise NotFound from exc
        _gelezen(self.request, gevonden)
        return gevonden

    @extend_schema(summary="Besluit, met de berekening zoals beslist en de uitleg per stap")
    @transaction.atomic
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class BetalingenView(ListAPIView):
    permission_classes = [UitkeringLezen]
    serializer_class = BetalingSerializer
    queryset = Betaling.objects.none()

    def get_queryset(self):
        actor = actor_van(self.request)
        try:
            # Opening the resident writes the read event (as GET /personen/<id>/ does).
            persoon = clients_selectors.persoon_dossier(
                actor=actor, persoon_id=self.kwargs["persoon_uuid"], doel=DOEL_API
            )
        except ObjectDoesNotExist as exc:
            raise NotFound from exc
        return (
            Betaling.objects.filter(persoon=persoon, gemeente_id__in=actor.gemeente_ids)
            .select_related("betaalrun")
            .order_by("-maand", "id")
        )

    @extend_schema(summary="Betalingen aan een inwoner (uitkering en bijzondere bijstand)")
    @transaction.atomic
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
