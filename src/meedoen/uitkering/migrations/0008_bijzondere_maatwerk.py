# Bijzondere bijstand: registered without a calculation (inkomen kept), maatwerk amount with a
# reason, and four eyes above the gemeente's limit (Inkomensbeleid.bijzondere_vier_ogen_grens_cent).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("uitkering", "0007_herziening_zelf_betalen"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="bijzonderebijstand",
            name="accordering_toelichting",
            field=models.TextField(blank=True, verbose_name="toelichting accordering"),
        ),
        migrations.AddField(
            model_name="bijzonderebijstand",
            name="geaccordeerd_door",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="bijzonderebijstand",
            name="geaccordeerd_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="geaccordeerd op"),
        ),
        migrations.AddField(
            model_name="bijzonderebijstand",
            name="inkomen_cent",
            field=models.PositiveIntegerField(
                blank=True, null=True, verbose_name="netto inkomen per maand (eurocent)"
            ),
        ),
        migrations.AddField(
            model_name="bijzonderebijstand",
            name="maatwerk_reden",
            field=models.TextField(blank=True, verbose_name="reden ander bedrag"),
        ),
        migrations.AddField(
            model_name="bijzonderebijstand",
            name="voorgesteld_cent",
            field=models.PositiveIntegerField(
                blank=True, null=True, verbose_name="bedrag in het besluit (eurocent)"
            ),
        ),
        migrations.AddField(
            model_name="inkomensbeleid",
            name="bijzondere_vier_ogen_grens_cent",
            field=models.PositiveIntegerField(
                default=100000, verbose_name="vier-ogengrens bijzondere bijstand (eurocent)"
            ),
        ),
        migrations.AlterField(
            model_name="bijzonderebijstand",
            name="status",
            field=models.CharField(
                choices=[
                    ("ingediend", "Ingediend"),
                    ("wacht", "Wacht op accordering"),
                    ("toegekend", "Toegekend"),
                    ("afgewezen", "Afgewezen"),
                ],
                default="ingediend",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AddConstraint(
            model_name="bijzonderebijstand",
            constraint=models.CheckConstraint(
                condition=models.Q(("geaccordeerd_door", models.F("beslist_door")), _negated=True),
                name="bijzondere_vier_ogen",
            ),
        ),
    ]
