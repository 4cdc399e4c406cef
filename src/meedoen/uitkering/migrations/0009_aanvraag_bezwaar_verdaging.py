# Bezwaar as data (dates, outcome, heroverweging) and the letter for a verdaging (Awb art. 4:14).

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("uitkering", "0008_bijzondere_maatwerk"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="document",
            name="soort",
            field=models.CharField(
                choices=[
                    ("beschikking", "Beschikking"),
                    ("specificatie", "Uitkeringsspecificatie"),
                    ("terugvordering", "Besluit terugvordering"),
                    ("bijzondere_bijstand", "Besluit bijzondere bijstand"),
                    ("herziening", "Besluit herziening"),
                    ("kwijtschelding", "Besluit kwijtschelding"),
                    ("regeling", "Besluit terugbetaalregeling"),
                    ("verdaging", "Verdaging beslistermijn"),
                ],
                max_length=24,
                verbose_name="soort",
            ),
        ),
        migrations.CreateModel(
            name="Bezwaar",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "aangemaakt_op",
                    models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
                ),
                ("gewijzigd_op", models.DateTimeField(auto_now=True, verbose_name="gewijzigd op")),
                ("ontvangen_op", models.DateField(verbose_name="bezwaarschrift ontvangen op")),
                ("bezwaartermijn_tot", models.DateField(verbose_name="bezwaartermijn tot en met")),
                (
                    "toelichting",
                    models.TextField(verbose_name="waar de inwoner het niet mee eens is"),
                ),
                (
                    "beslist_op",
                    models.DateField(
                        blank=True, null=True, verbose_name="beslissing op bezwaar op"
                    ),
                ),
                (
                    "uitkomst",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("gegrond", "Gegrond: het besluit wordt herzien"),
                            ("deels_gegrond", "Deels gegrond: het besluit wordt deels herzien"),
                            ("ongegrond", "Ongegrond: het besluit blijft"),
                            (
                                "niet_ontvankelijk",
                                "Niet-ontvankelijk: het bezwaar wordt niet inhoudelijk behandeld",
                            ),
                            ("ingetrokken", "Ingetrokken door de inwoner"),
                        ],
                        max_length=20,
                        verbose_name="uitkomst",
                    ),
                ),
                (
                    "uitkomst_toelichting",
                    models.TextField(blank=True, verbose_name="toelichting op de uitkomst"),
                ),
                (
                    "heroverweging_op",
                    models.DateField(blank=True, null=True, verbose_name="besluit herroepen op"),
                ),
                (
                    "aanvraag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="bezwaren",
                        to="uitkering.aanvraag",
                    ),
                ),
                (
                    "besluit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="bezwaren",
                        to="uitkering.besluit",
                        verbose_name="bestreden besluit",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="core.gemeente",
                        verbose_name="gemeente",
                    ),
                ),
                (
                    "geregistreerd_door",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "nieuw_besluit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="uitkering.besluit",
                        verbose_name="nieuw besluit",
                    ),
                ),
            ],
            options={
                "verbose_name": "bezwaar",
                "verbose_name_plural": "bezwaren",
                "ordering": ["ontvangen_op", "aangemaakt_op"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("beslist_op__isnull", True), ("uitkomst", "")),
                            models.Q(
                                models.Q(("uitkomst", ""), _negated=True),
                                ("beslist_op__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="bezwaar_uitkomst_met_datum",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("uitkomst", "")),
                        fields=("aanvraag",),
                        name="bezwaar_een_open_per_aanvraag",
                    ),
                ],
            },
        ),
    ]
