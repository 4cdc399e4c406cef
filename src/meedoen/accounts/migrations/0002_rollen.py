"""The fixed set of roles; their capabilities live in meedoen.core.roles."""

from django.db import migrations

ROLNAMEN = {
    "klantmanager": "Klantmanager",
    "inkomensconsulent": "Inkomensconsulent",
    "werkgeversdienstverlener": "Werkgeversdienstverlener",
    "teamleider": "Teamleider",
    "beleidsadviseur": "Beleidsadviseur",
    "functioneel_beheerder": "Functioneel beheerder",
    "privacy_officer": "Privacy officer",
}


def rollen_aanmaken(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for code, naam in ROLNAMEN.items():
        Rol.objects.update_or_create(code=code, defaults={"naam": naam})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(rollen_aanmaken, migrations.RunPython.noop)]
