"""Recompute the search key now that letters such as ı, ø and ł are folded to i, o and l."""

from django.db import migrations

from meedoen.clients.normalize import zoeksleutel


def herbereken(apps, schema_editor):
    Persoon = apps.get_model("clients", "Persoon")
    gewijzigd = []
    for persoon in Persoon.objects.only("voornamen", "tussenvoegsel", "achternaam", "zoeknaam"):
        naam = " ".join(p for p in [persoon.voornamen, persoon.tussenvoegsel, persoon.achternaam] if p)
        if (sleutel := zoeksleutel(naam)) != persoon.zoeknaam:
            persoon.zoeknaam = sleutel
            gewijzigd.append(persoon)
    Persoon.objects.bulk_update(gewijzigd, ["zoeknaam"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("clients", "0002_zoeknaam_trigram")]
    operations = [migrations.RunPython(herbereken, migrations.RunPython.noop)]
