from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from meedoen.core.panels import startsecties_voor


@login_required
def start(request):
    """The staff start page: the sections apps registered (today's tasks, worklists)."""
    secties = [
        {
            "sectie": sectie,
            "template": sectie.template,
            "context": sectie.context(actor=request.actor),
        }
        for sectie in startsecties_voor(request.actor)
    ]
    return render(request, "ui/start.html", {"start_sections": secties})
