from decimal import Decimal

from django.core.exceptions import ValidationError


def fouten_naar_form(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where the form has that field,
    otherwise at the top. The form keeps what the user typed."""
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc.messages)


def naar_cent(bedrag: Decimal | None) -> int:
    """Euros from a form field (at most two decimals, checked by the field) to integer eurocent;
    exact, because the field allows no more decimals."""
    return int((bedrag or Decimal("0")) * 100)
