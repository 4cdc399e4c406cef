"""The allocation page: a proposal of who goes where, confirmed or changed line by line; the
confirmed lines become proposals (Voorstel), never placements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext

from meedoen.core.permissions import bevoegdheid_vereist, gemeenten_van
from meedoen.core.roles import Bevoegdheid
from meedoen.werk.banen import allocatie, forms, selectors


def _keuze_form(request, data):
    return forms.AllocatieKeuzeForm(
        data,
        gemeenten=gemeenten_van(request.actor),
        vacatures=selectors.open_vacatures(actor=request.actor).select_related("gemeente"),
        initial={"soort": allocatie.BANEN},
    )


def _keuze(form) -> dict:
    d = form.cleaned_data
    return {
        "gemeente": d["gemeente"],
        "soort": d["soort"],
        "vacature_ids": [v.pk for v in d.get("vacatures") or []],
    }


def _regels(voorstel, formset):
    """Rows for the table: the engine's line and the caseworker's form for that resident."""
    per_persoon = {r.persoon_id: r for r in voorstel.regels}
    return [
        (per_persoon.get(f["persoon"].value()), f)
        for f in formset
        if f["persoon"].value() in per_persoon
    ]


@bevoegdheid_vereist(Bevoegdheid.MATCHEN)
def verdelen(request):
    vandaag = timezone.localdate()
    keuze_form = _keuze_form(
        request, request.POST if request.method == "POST" else request.GET or None
    )
    voorstel = formset = None
    if keuze_form.is_bound and keuze_form.is_valid():
        keuze = _keuze(keuze_form)
        voorstel = allocatie.voorstel_berekenen(actor=request.actor, vandaag=vandaag, **keuze)
        plekken = list(voorstel.plekken.values())
        if request.method == "POST":
            formset = forms.AllocatieRegelFormSet(
                request.POST, prefix="regel", form_kwargs={"plekken": plekken}
            )
            if formset.is_valid():
                keuzes = {
                    f.cleaned_data["persoon"]: f.cleaned_data["plek"]
                    for f in formset
                    if f.cleaned_data.get("bevestigd")
                }
                try:
                    gedaan = allocatie.bevestigen(
                        actor=request.actor, vandaag=vandaag, keuzes=keuzes, **keuze
                    )
                except ValidationError as exc:
                    for melding in exc.messages:
                        messages.error(request, melding)
                else:
                    messages.success(
                        request,
                        ngettext(
                            "%(aantal)s voorstel gedaan.",
                            "%(aantal)s voorstellen gedaan.",
                            len(gedaan),
                        )
                        % {"aantal": len(gedaan)},
                    )
                    return redirect("werk:banen_allocatie")
        else:
            formset = forms.AllocatieRegelFormSet(
                prefix="regel",
                form_kwargs={"plekken": plekken},
                initial=[
                    {"persoon": r.persoon_id, "plek": r.plek_id or "", "bevestigd": bool(r.plek_id)}
                    for r in voorstel.regels
                ],
            )
    return render(
        request,
        "werk/banen/allocatie.html",
        {
            "keuze_form": keuze_form,
            "voorstel": voorstel,
            "formset": formset,
            "regels": _regels(voorstel, formset) if voorstel and formset else [],
            "drempel": int(allocatie.MIN_SCORE),
        },
    )
