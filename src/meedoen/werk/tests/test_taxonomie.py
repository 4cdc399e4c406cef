"""The shipped taxonomy: free-text job titles map to the right ESCO occupation (also with typos
and feminine forms), unsure titles are not mapped automatically, related occupations follow the
ISCO-08 unit group, and skills are found in Dutch and English."""

import pytest

from meedoen.werk import taxonomie
from meedoen.werk.taxonomie.normaliseren import normaliseer

# ESCO codes (UUIDs) of occupations used below, as in the ESCO export.
HEFTRUCKCHAUFFEUR = "eeac6251-1974-42f5-91ed-513c6c883755"  # ISCO 8344
KASSAMEDEWERKER = "2b871272-bd61-4206-bd1a-0b96d7023098"  # ISCO 5230
SCHOONMAKER_GEBOUWEN = "303a1e34-cb16-4054-b323-81e5eec17397"  # ISCO 9112
VRACHTWAGENCHAUFFEUR = "45037d43-a8f5-4f46-b332-b2935bc305f4"  # ISCO 8332
MAGAZIJNMEDEWERKER = "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"  # ISCO 9333


def test_the_shipped_data_has_every_esco_occupation_with_its_isco_group():
    beroepen = taxonomie.beroepen()
    assert len(beroepen) == 3007  # rows in shared/data/esco/occupations_nl.csv
    assert all(len(b.isco) == 4 and b.isco.isdigit() for b in beroepen.values())
    heftruck = taxonomie.beroep(HEFTRUCKCHAUFFEUR)
    assert (heftruck.nl, heftruck.isco) == ("heftruckchauffeur", "8344")
    assert "vorkheftruckbestuurder" in heftruck.alt
    assert heftruck.label("en") == "forklift operator"
    assert taxonomie.label(HEFTRUCKCHAUFFEUR, "nl") == "heftruckchauffeur"


@pytest.mark.parametrize(
    ("titel", "verwacht"),
    [
        ("heftruckchauffeur", HEFTRUCKCHAUFFEUR),
        ("kassamedewerker", KASSAMEDEWERKER),
        ("schoonmaakster", SCHOONMAKER_GEBOUWEN),  # an alternative (feminine) label
        ("vrachtwagenchauffeur", VRACHTWAGENCHAUFFEUR),
        # the preferred label wins over the same word as an alternative label elsewhere
        ("magazijnmedewerker", MAGAZIJNMEDEWERKER),
        # case, diacritics, spaces, "(m/v)" and hyphens do not matter
        ("Heftruck-Chauffeur (m/v)", HEFTRUCKCHAUFFEUR),
        ("Caissière", KASSAMEDEWERKER),
        ("vrachtwagen chauffeur", VRACHTWAGENCHAUFFEUR),
        ("Vrachtwagenchauffeuse", VRACHTWAGENCHAUFFEUR),  # -euse folded to -eur
        # typos
        ("heftruckchaufeur", HEFTRUCKCHAUFFEUR),
        ("kassamedewerkr", KASSAMEDEWERKER),
        ("vrachtwagenchaufeur", VRACHTWAGENCHAUFFEUR),
    ],
)
def test_job_titles_map_to_the_occupation_a_caseworker_would_choose(titel, verwacht):
    koppeling = taxonomie.koppel_functietitel(titel)
    assert koppeling.gekozen == verwacht, [(k.label, k.score) for k in koppeling.kandidaten]
    assert koppeling.kandidaten[0].code == verwacht
    assert 1 <= len(koppeling.kandidaten) <= 5


def test_an_ambiguous_title_is_not_mapped_but_offers_candidates():
    # "kasmedewerker" (greenhouse) and "kassamedewerker" (till) are one letter apart.
    koppeling = taxonomie.koppel_functietitel("kasamedewerker")
    assert koppeling.gekozen is None and koppeling.dubbelzinnig
    codes = [k.code for k in koppeling.kandidaten]
    assert KASSAMEDEWERKER in codes[:2]


def test_a_title_far_from_every_label_is_not_mapped():
    koppeling = taxonomie.koppel_functietitel("xqzv wprt")
    assert koppeling.gekozen is None
    assert all(k.score < taxonomie.DREMPEL for k in koppeling.kandidaten)
    assert taxonomie.koppel_functietitel("   ").kandidaten == ()


def test_candidates_are_ordered_by_score():
    kandidaten = taxonomie.koppel_functietitel("chauffeur").kandidaten
    scores = [k.score for k in kandidaten]
    assert scores == sorted(scores, reverse=True)


def test_normalising_folds_feminine_forms_but_not_words_that_only_look_like_them():
    assert normaliseer("Kassamedewerkster") == normaliseer("kassamedewerker")
    assert normaliseer("inspectrice") == "inspecteur"
    assert normaliseer("monteuse") == "monteur"
    assert normaliseer("magazijnmeester") == "magazijnmeester"  # vowel before -ster
    assert normaliseer("Schoonmaak-ster (M/V)") == normaliseer("schoonmaakster")


def test_related_occupations_share_the_isco_unit_group():
    verwant = taxonomie.verwant(MAGAZIJNMEDEWERKER)
    assert verwant, "9333 has more than one occupation"
    assert MAGAZIJNMEDEWERKER not in verwant
    assert {taxonomie.beroep(c).isco for c in verwant} == {"9333"}
    alle_9333 = {c for c, b in taxonomie.beroepen().items() if b.isco == "9333"}
    assert verwant == alle_9333 - {MAGAZIJNMEDEWERKER}
    assert taxonomie.verwant("onbekend") == set()
    assert taxonomie.verwantschap([MAGAZIJNMEDEWERKER]) == {MAGAZIJNMEDEWERKER: verwant}


def test_skills_curated_in_dutch_and_esco_in_english():
    assert taxonomie.vaardigheid("nl-heftruckcertificaat").label("nl") == "Heftruckcertificaat"
    assert taxonomie.vaardigheid("nl-heftruckcertificaat").label("en") == "forklift certificate"
    gevonden = taxonomie.vaardigheden_zoeken("heftruck")
    assert gevonden[0].id == "nl-heftruckcertificaat"
    # ESCO skills are English only; searching in English finds them
    engels = taxonomie.vaardigheden_zoeken("forklift")
    assert any(not v.gecureerd and "forklift" in v.zoektekst for v in engels)
    assert all(len(v.id) == 36 for v in taxonomie.vaardigheden().values() if not v.gecureerd)
    assert {v.id for v in taxonomie.vaardigheden_zoeken("rijbewijs")} >= {
        "nl-rijbewijs-b",
        "nl-rijbewijs-c",
    }


def test_curated_skills_are_linked_to_occupations_by_isco_prefix():
    bij_heftruck = {v.id for v in taxonomie.vaardigheden_voor_beroep(HEFTRUCKCHAUFFEUR)}
    assert "nl-heftruckcertificaat" in bij_heftruck
    bij_kassa = {v.id for v in taxonomie.vaardigheden_voor_beroep(KASSAMEDEWERKER)}
    assert "nl-kassawerk" in bij_kassa and "nl-heftruckcertificaat" not in bij_kassa


def test_searching_occupations_finds_parts_of_labels():
    labels = [k.label for k in taxonomie.beroepen_zoeken("magazijn", limiet=10)]
    assert "magazijnmedewerker" in labels
    assert taxonomie.beroepen_zoeken("") == []
