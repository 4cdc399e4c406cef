"""The two entities of the bijstand calculation: a person and the bijstand household."""

from openfisca_core.entities import build_entity

Persoon = build_entity(
    key="persoon",
    plural="personen",
    label="Persoon",
    doc="Een persoon in het huishouden: aanvrager, partner, kind of medebewoner.",
    is_person=True,
)

Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Huishouden voor de bijstand",
    doc=(
        "De mensen die samen een woning delen en voor de bijstand meetellen. Alleen aanvrager "
        "en partner vormen de bijstandseenheid; kinderen bepalen het huishoudtype en "
        "medebewoners de kostendelersnorm."
    ),
    roles=[
        {"key": "aanvrager", "label": "Aanvrager", "max": 1},
        {"key": "partner", "label": "Partner (echtgenoot)", "max": 1},
        {"key": "kind", "plural": "kinderen", "label": "Kind ten laste"},
        {"key": "medebewoner", "plural": "medebewoners", "label": "Medebewoner"},
    ],
)

entities = [Persoon, Huishouden]
