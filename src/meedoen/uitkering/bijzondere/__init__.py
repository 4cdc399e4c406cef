"""bijzondere: bijzondere bijstand (art. 35) — the gemeente's cost categories, requests with
evidence, the draagkracht calculation (`draagkracht.py`; later when the month's legal amounts
are missing), the decision with an optional maatwerk amount, four eyes above the gemeente's
limit (`accorderen.py`) and the letter. A final toekenning (status toegekend, no betaling yet)
is paid by the next payment run."""
