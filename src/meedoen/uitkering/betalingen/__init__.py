"""betalingen: the monthly side of bijstand.

- `inkomsten`: the inkomstenopgave per household and month, with payslips (validated uploads,
  served only through an audited view);
- `maand`: the monthly recalculation that turns the decision, that month's income and the
  vrijlating counters into a `Betaalvoorstel` with the difference from last month explained
  (`situatie`, `rekenen`, `uitleg`, `vakantiegeld` are its parts);
- `voorstellen`: approving proposals (one, or all without a difference);
- `betaalrun`: composing a run, the second person's approval, executing it once in one
  transaction (`tasks` runs it in the background), withdrawing it;
- `pain001`: the SEPA credit-transfer file for the bank;
- `specificatie`: the uitkeringsspecificatie per payment (PDF letter).

docs/uitkering-betalingen.md describes the whole flow.
"""
