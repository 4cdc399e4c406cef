"""`meedoen signalen-bijwerken`: derive tasks from the dossier (daily; idempotent)."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from meedoen.signalen.services import signalen_bijwerken


class Command(BaseCommand):
    help = "Maak taken voor levensgebeurtenissen en signalen (veilig om vaker te draaien)."

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="peildatum jjjj-mm-dd (standaard vandaag)")

    def handle(self, *args, **options):
        vandaag = (
            dt.date.fromisoformat(options["datum"]) if options["datum"] else timezone.localdate()
        )
        aantallen = signalen_bijwerken(vandaag=vandaag)
        for bron, aantal in aantallen.items():
            self.stdout.write(f"{bron}: {aantal} nieuwe taken")
