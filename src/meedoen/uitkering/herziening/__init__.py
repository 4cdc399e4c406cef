"""herziening: over- and underpayments found after a month was paid, the person's decision on
them (terugvorderen, afzien, nabetalen) and recovery with a repayment arrangement: deducted
from the benefit (verrekenen) or paid by the resident to the gemeente (zelf betalen; payments
recorded in `herziening.terugbetalingen`). Changes to a running arrangement and waiving the rest
live in `herziening.regeling`, their letters in `herziening.regelingsbrief`.

For the monthly recalculation (uitkering/betalingen):
- `herziening.verrekening`: `openstaande_nabetalingen`, `aflossing_voor_maand`,
  `verrekening_vastleggen` (what the next proposal adds and deducts; only verrekenen-recoveries
  deduct);
- `herziening.services`: `inkomstenopgave_gewijzigd`, `huishouden_gewijzigd` (check paid months
  again after a later income report or a household change) and `herzieningen_zoeken`.
"""
