from django.contrib import admin

from meedoen.uitkering.models import Inkomensbeleid

admin.site.register(Inkomensbeleid)
