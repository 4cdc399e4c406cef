"""Background work (django-tasks): executing a payment run and making a month's proposals.
Tasks are thin: they rebuild the acting person and call the service. With the immediate backend
the task runs right after the request's commit; with the database queue it runs in the worker
(`meedoen db_worker`), and the page follows its progress."""

from django.conf import settings
from django_tasks import task

from meedoen.accounts.models import User
from meedoen.accounts.selectors import actor_voor
from meedoen.core.actor import Actor
from meedoen.uitkering.betalingen import betaalrun, maandberekening


def _actor(gebruiker_id, request_id: str) -> Actor:
    user = User.objects.filter(pk=gebruiker_id).first() if gebruiker_id else None
    if user is None:
        return Actor(user=None, organisatie=None, request_id=request_id)
    return actor_voor(user, request_id=request_id)


@task()
def betaalrun_uitvoeren_taak(
    run_id: str, gebruiker_id, request_id: str = "-", specificaties: bool = True
) -> None:
    betaalrun.betaalrun_uitvoeren(
        run_id=run_id,
        actor=_actor(gebruiker_id, request_id),
        specificaties=specificaties,
        processen=getattr(settings, "MEEDOEN_SPECIFICATIE_PROCESSEN", 1),
    )


@task()
def maandberekening_taak(berekening_id: str, gebruiker_id, request_id: str = "-") -> None:
    maandberekening.maandberekening_uitvoeren(
        berekening_id=berekening_id, actor=_actor(gebruiker_id, request_id)
    )
