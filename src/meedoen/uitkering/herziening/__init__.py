"""herziening: over- and underpayments found after a month was paid, the person's decision on
them (terugvorderen, afzien, nabetalen) and recovery with a repayment arrangement.

For the monthly recalculation (uitkering/betalingen):
- `herziening.verrekening`: `openstaande_nabetalingen`, `aflossing_voor_maand`,
  `verrekening_vastleggen` (what the next proposal adds and deducts);
- `herziening.services`: `inkomstenopgave_gewijzigd`, `huishouden_gewijzigd` (check paid months
  again after a later income report or a household change) and `herzieningen_zoeken`.
"""
