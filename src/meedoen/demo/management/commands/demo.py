"""`meedoen demo --clients N --seed S`: load the demo organisations, users and residents."""

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from meedoen.clients.models import Huishouden, Lidmaatschap, Persoon
from meedoen.demo import services
from meedoen.demo.begeleiding import begeleiding_inrichten
from meedoen.demo.bijzondere import bijzondere_inrichten
from meedoen.demo.uitkering import uitkering_inrichten
from meedoen.demo.werk import werk_inrichten


class Command(BaseCommand):
    help = (
        "Laadt demogemeenten, organisaties, teams, demogebruikers voor elke rol en N "
        "synthetische inwoners (idempotent; dezelfde seed geeft dezelfde mensen)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=500, help="aantal inwoners (500)")
        parser.add_argument("--seed", type=int, default=1, help="seed van de populatie (1)")
        parser.add_argument(
            "--peildatum",
            type=dt.date.fromisoformat,
            default=None,
            help="datum waarop leeftijden kloppen, JJJJ-MM-DD (1 januari van dit jaar)",
        )

    def handle(self, *args, clients, seed, peildatum, verbosity, **options):
        if clients < 0:
            raise CommandError("--clients moet 0 of meer zijn.")
        start = time.perf_counter()
        logins = services.organisaties_inrichten()
        voortgang = None
        if verbosity >= 2:
            voortgang = lambda n: self.stderr.write(f"  {n:,} inwoners verwerkt")  # noqa: E731
        resultaat = services.bevolking_laden(
            aantal=clients, seed=seed, peildatum=peildatum, voortgang=voortgang
        )
        met_route = begeleiding_inrichten(vandaag=timezone.localdate())
        bijzondere_inrichten()
        aanvragen = uitkering_inrichten(vandaag=timezone.localdate())
        werk = werk_inrichten(vandaag=timezone.localdate())
        duur = time.perf_counter() - start
        self._logins_tonen(logins)
        self.stdout.write("")
        self.stdout.write(
            f"Nieuw: {resultaat.personen} inwoners, {resultaat.huishoudens} huishoudens, "
            f"{resultaat.lidmaatschappen} lidmaatschappen, {met_route} inwoners met een "
            f"route en klantmanager ({duur:.1f} s)."
        )
        self.stdout.write(f"Uitkering nieuw: {aanvragen} aanvragen.")
        self.stdout.write(
            "Werk nieuw: " + ", ".join(f"{aantal} {wat}" for wat, aantal in werk.items()) + "."
        )
        if resultaat.overgeslagen_huishoudens:
            self.stdout.write(
                f"Overgeslagen: {resultaat.overgeslagen_huishoudens} huishoudens met een BSN "
                "dat al bij een andere inwoner staat."
            )
        self.stdout.write(
            f"Totaal in de database: {Persoon.objects.count()} inwoners, "
            f"{Huishouden.objects.count()} huishoudens, "
            f"{Lidmaatschap.objects.count()} lidmaatschappen."
        )

    def _logins_tonen(self, logins: list[services.DemoLogin]) -> None:
        kop = ("gebruikersnaam", "rol", "organisatie", "team")
        rijen = [(x.username, x.rol, x.organisatie, x.teams) for x in logins]
        breedtes = [max(len(str(r[i])) for r in [kop, *rijen]) for i in range(len(kop))]
        self.stdout.write("Demo-inloggegevens:")
        for rij in [kop, tuple("-" * b for b in breedtes), *rijen]:
            cellen = (str(v).ljust(b) for v, b in zip(rij, breedtes, strict=True))
            self.stdout.write("  ".join(cellen).rstrip())
        self.stdout.write("")
        self.stdout.write(f"Wachtwoord voor alle demogebruikers: {services.DEMO_WACHTWOORD}")
        self.stdout.write(
            "Er is geen tweede factor ingesteld; in demomodus (MEEDOEN_DEMO=1) kunt u die "
            "overslaan op de inlogpagina."
        )
