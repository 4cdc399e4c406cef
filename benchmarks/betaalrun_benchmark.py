"""Benchmark: one month of bijstand for 50,000 households in PostgreSQL, from calculation to bank
file and specifications.

    .venv/bin/python benchmarks/betaalrun_benchmark.py                 # with and without PDFs
    .venv/bin/python benchmarks/betaalrun_benchmark.py --huishoudens 50000 --pdf ja --processen 2

Without DATABASE_URL it starts a throw-away PostgreSQL 15 cluster (as the begeleiding benchmark
does) and removes it afterwards. Each mode (with / without PDFs) runs in its own process on its
own fresh database, so its peak memory is its own.

Data (bulk-inserted, not timed): one gemeente with its paying account, 50,000 households with a
final toekenning from 1 February 2026 (60% single, 20% single parent with 1–2 children, 20%
couples; ages 21–60), an inkomstenopgave for every household for February and March (30% with
work income of € 100–1,200, 10% with other income), and February's proposals made and counted
as paid (so March has a previous month to compare with and vrijlating counters to carry on).

Timed, for March 2026 — exactly the services the pages and the background task call:
1. `maandberekening.maandberekening_starten`, whose background task runs `maand.maand_berekenen`:
   the month's situations, in batches of 2,500 households one simulation each, the proposals
   with their explanation saved in bulk with their audit events, progress written per batch;
2. `voorstellen.alles_zonder_verschil_goedkeuren` (the rest, whose amount changed, is approved
   row by row in the data set-up way — a person would look at those);
3. `betaalrun.betaalrun_samenstellen` and `betaalrun_accorderen` (another person);
4. `betaalrun.betaalrun_uitvoeren` — what the background task runs: the payments, the proposals
   marked paid and the pain.001 file in one transaction, then (with PDFs) the specifications in
   batches, rendered by `--processen` worker processes.
Reported: wall time and CPU time per step, and peak memory (RSS of the process and of its PDF
workers). A smoke test (benchmarks/tests/) runs the same steps for a handful of households.
"""

import argparse
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

MAANDEN = (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
PER_KEER = 5000


def _bsns():
    kandidaat = 100000000
    while True:
        kandidaat += 1
        c = [int(x) for x in f"{kandidaat:09d}"]
        if (sum(a * w for a, w in zip(c[:8], range(9, 1, -1), strict=True)) - c[8]) % 11 == 0:
            yield f"{kandidaat:09d}"


def _geboren(rnd, van: int, tot: int) -> dt.date:
    """A birth date for someone between `van` and `tot` years old in February 2026."""
    return dt.date(2026 - rnd.randint(van, tot), rnd.randint(1, 12), rnd.randint(1, 28))


def laden(n: int, *, seed: int = 7) -> dict:
    """Gemeente, account, users and n households with a toekenning and two income reports.
    Plain bulk inserts (no services): this is the starting position, not what is measured."""
    from meedoen.accounts.models import Organisatie, Rol, User
    from meedoen.clients.models import Huishouden, HuishoudRol, Lidmaatschap, Persoon
    from meedoen.core.models import Gemeente
    from meedoen.uitkering.models import Besluit, Inkomensbeleid, Inkomstenopgave, Inkomstenregel

    rnd = random.Random(seed)
    gemeente, _ = Gemeente.objects.get_or_create(code="GM0150", defaults={"naam": "Deventer"})
    Inkomensbeleid.objects.update_or_create(
        gemeente=gemeente,
        defaults={
            "rekening_iban": "NL20INGB0001234567",
            "rekening_bic": "INGBNL2A",
            "rekening_naam": "Gemeente Deventer",
            "telefoonnummer": "14 0570",
        },
    )
    organisatie = Organisatie.objects.create(naam=f"Sociale dienst {uuid.uuid4().hex[:6]}")
    organisatie.gemeenten.add(gemeente)
    gebruikers = {}
    for code, naam in (("inkomensconsulent", "Inkomensconsulent"), ("teamleider", "Teamleider")):
        rol, _ = Rol.objects.get_or_create(code=code, defaults={"naam": naam})
        user = User.objects.create_user(
            f"{code}-{uuid.uuid4().hex[:6]}", password="x", organisatie=organisatie
        )
        user.rollen.add(rol)
        gebruikers[code] = user

    nu = dt.datetime.now(dt.UTC)
    bsn = _bsns()
    personen, huishoudens, leden, besluiten, opgaven, regels = [], [], [], [], [], []

    def persoon(geboren):
        p = Persoon(
            gemeente=gemeente,
            bsn=next(bsn),
            voornamen=rnd.choice(("Anna", "Mehmet", "Jan", "Fatima", "Sanne", "Özlem", "Piet")),
            achternaam=rnd.choice(("Jansen", "de Vries", "Yılmaz", "Bakker", "El Amrani")),
            geboortedatum=geboren,
            straat="Brink",
            huisnummer=str(rnd.randint(1, 200)),
            postcode="7411 AB",
            woonplaats="Deventer",
            zoeknaam="x",
        )
        personen.append(p)
        return p

    for _ in range(n):
        huishouden = Huishouden(gemeente=gemeente)
        huishoudens.append(huishouden)
        aanvrager = persoon(_geboren(rnd, 21, 60))
        leden.append((huishouden, aanvrager, HuishoudRol.AANVRAGER))
        soort = rnd.random()
        partner = kinderen = None
        if soort < 0.2:
            partner = persoon(_geboren(rnd, 21, 60))
            leden.append((huishouden, partner, HuishoudRol.PARTNER))
        elif soort < 0.4:
            kinderen = [persoon(_geboren(rnd, 1, 16)) for _ in range(rnd.randint(1, 2))]
            leden.extend((huishouden, k, HuishoudRol.KIND) for k in kinderen)

        def als_situatie(p):
            return {
                "birth_date": p.geboortedatum.isoformat(),
                "income": {"work": "0.00", "other": "0.00"},
                "work_disregard_months_used": 0,
                "single_parent_disregard_months_used": 0,
            }

        besluiten.append(
            Besluit(
                gemeente=gemeente,
                persoon=aanvrager,
                huishouden=huishouden,
                soort=Besluit.Soort.TOEKENNING,
                status=Besluit.Status.VASTGESTELD,
                ingangsdatum=MAANDEN[0],
                bedrag_per_maand_cent=140150,
                situatie={
                    "period": "2026-02",
                    "gemeente": gemeente.code,
                    "applicant": als_situatie(aanvrager),
                    "partner": als_situatie(partner) if partner else None,
                    "children": [
                        {"birth_date": k.geboortedatum.isoformat()} for k in kinderen or []
                    ],
                    "housemates": [],
                    "assets": "0.00",
                    "home_equity": "0.00",
                    "cannot_rely_on_parents": False,
                },
                gronden="Recht op bijstand.",
                iban="NL91ABNA0417164300",
                tenaamstelling=f"{aanvrager.voornamen} {aanvrager.achternaam}",
                beslist_door=gebruikers["inkomensconsulent"],
                beslist_op=nu,
            )
        )
        loon = rnd.randint(100, 1200) * 100 if rnd.random() < 0.3 else 0
        overig = rnd.randint(50, 400) * 100 if rnd.random() < 0.1 else 0
        for maand in MAANDEN:
            opgave = Inkomstenopgave(
                gemeente=gemeente,
                huishouden=huishouden,
                persoon=aanvrager,
                maand=maand,
                ingevoerd_door=gebruikers["inkomensconsulent"],
            )
            opgaven.append(opgave)
            if loon:
                regels.append(
                    Inkomstenregel(opgave=opgave, persoon=aanvrager, bron="loon", netto_cent=loon)
                )
            if overig:
                regels.append(
                    Inkomstenregel(
                        opgave=opgave, persoon=aanvrager, bron="alimentatie", netto_cent=overig
                    )
                )

    Persoon.objects.bulk_create(personen, batch_size=PER_KEER)
    Huishouden.objects.bulk_create(huishoudens, batch_size=PER_KEER)
    Lidmaatschap.objects.bulk_create(
        [
            Lidmaatschap(
                gemeente=gemeente,
                huishouden=h,
                persoon=p,
                rol=rol,
                van=dt.date(2020, 1, 1),
                reden_begin="benchmark",
            )
            for h, p, rol in leden
        ],
        batch_size=PER_KEER,
    )
    Besluit.objects.bulk_create(besluiten, batch_size=PER_KEER)
    Inkomstenopgave.objects.bulk_create(opgaven, batch_size=PER_KEER)
    Inkomstenregel.objects.bulk_create(regels, batch_size=PER_KEER)
    return {"gemeente": gemeente, **gebruikers}


def _piek_mib() -> tuple[float, float]:
    eigen = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return eigen, kinderen


class Klok:
    def __init__(self) -> None:
        self.stappen: list[tuple[str, float, float, str]] = []

    def meet(self, naam: str, functie, uitleg=lambda uitkomst: ""):
        cpu0 = _cpu()
        t0 = time.perf_counter()
        uitkomst = functie()
        self.stappen.append((naam, time.perf_counter() - t0, _cpu() - cpu0, uitleg(uitkomst)))
        return uitkomst


def _cpu() -> float:
    eigen = resource.getrusage(resource.RUSAGE_SELF)
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen.ru_utime + eigen.ru_stime + kinderen.ru_utime + kinderen.ru_stime


def maand_betalen(opzet: dict, *, pdf: bool, processen: int, klok: Klok | None = None) -> dict:
    """February set up (made and approved), then March measured: the steps in the docstring."""
    from meedoen.accounts.selectors import actor_voor
    from meedoen.uitkering.betalingen import betaalrun, maand, maandberekening, voorstellen
    from meedoen.uitkering.models import Betaalvoorstel, Betaling, Document

    klok = klok or Klok()
    gemeente = opzet["gemeente"]
    consulent = actor_voor(opzet["inkomensconsulent"])
    teamleider = actor_voor(opzet["teamleider"])
    februari, maart = MAANDEN

    # Starting position: February's proposals exist and count as paid (a run of their own),
    # so March's run pays March only.
    maand.maand_berekenen(actor=consulent, gemeente=gemeente, maand=februari)
    Betaalvoorstel.objects.filter(gemeente=gemeente, maand=februari).update(
        status=Betaalvoorstel.Status.BETAALD
    )

    def in_de_achtergrond():
        # As the page does it: queue the calculation; the "direct" backend runs the task at
        # the commit, in this process, with its progress written per batch.
        berekening = maandberekening.maandberekening_starten(
            actor=consulent, gemeente=gemeente, maand=maart, wachtrij="direct"
        )
        berekening.refresh_from_db()
        return berekening

    berekend = klok.meet(
        "1. maand berekenen (achtergrondtaak: situaties, batch-simulatie, voorstellen + uitleg,"
        " audit, voortgang per batch)",
        in_de_achtergrond,
        lambda u: (
            f"status {u.status}, {u.aangemaakt:,} voorstellen, "
            f"{len(u.overgeslagen)} overgeslagen, {u.gedaan:,}/{u.huishoudens:,} berekend"
        ),
    )
    klok.meet(
        "2. alle voorstellen zonder verschil goedkeuren",
        lambda: voorstellen.alles_zonder_verschil_goedkeuren(
            actor=consulent, gemeente=gemeente, maand=maart
        ),
        lambda u: f"{u:,} goedgekeurd",
    )
    rest = Betaalvoorstel.objects.filter(
        gemeente=gemeente, maand=maart, status=Betaalvoorstel.Status.CONCEPT
    ).update(status=Betaalvoorstel.Status.GOEDGEKEURD)
    samenstelling = klok.meet(
        "3. betaalrun samenstellen",
        lambda: betaalrun.betaalrun_samenstellen(actor=consulent, gemeente=gemeente, maand=maart),
        lambda u: f"{u.run.aantal:,} betalingen, € {u.run.totaal_cent / 100:,.2f}",
    )
    run = samenstelling.run
    klok.meet(
        "4. betaalrun accorderen (tweede persoon)",
        lambda: betaalrun.betaalrun_accorderen(actor=teamleider, run=run),
    )
    type(run).objects.filter(pk=run.pk).update(status=type(run).Status.IN_UITVOERING)
    uitgevoerd = klok.meet(
        "5. uitvoeren (achtergrondtaak): betalingen + pain.001"
        + (f" + specificaties ({processen} processen)" if pdf else ", zonder specificaties"),
        lambda: betaalrun.betaalrun_uitvoeren(
            run_id=run.pk, actor=teamleider, specificaties=pdf, processen=processen
        ),
        lambda u: f"status {u.status}, {len(bytes(u.pain001)) / 1e6:.1f} MB pain.001",
    )
    return {
        "aangemaakt": berekend.aangemaakt,
        "rest_handmatig": rest,
        "run": uitgevoerd,
        "betalingen": Betaling.objects.filter(betaalrun=run).count(),
        "specificaties": Document.objects.filter(soort="specificatie").count(),
        "klok": klok,
    }


def _modus(args) -> int:
    """One mode in this process, on the fresh database in DATABASE_URL: load, measure, print.
    The cluster belongs to the parent process, so this process's children are only its PDF
    workers (their peak memory is reported separately)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "meedoen.conf.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    opzet = laden(args.huishoudens)
    laadtijd = time.perf_counter() - t0
    pdf = args.pdf == "ja"
    uitkomst = maand_betalen(opzet, pdf=pdf, processen=args.processen)
    eigen, kinderen = _piek_mib()
    totaal = sum(stap[1] for stap in uitkomst["klok"].stappen)
    print(f"\n## {'met' if pdf else 'zonder'} PDF's — {args.huishoudens:,} huishoudens")
    print(f"(laden van de startpositie, niet gemeten: {laadtijd:.1f} s)\n")
    print("| stap | wandtijd s | CPU s | uitkomst |")
    print("|---|---|---|---|")
    for naam, wand, cpu, tekst in uitkomst["klok"].stappen:
        print(f"| {naam} | {wand:.1f} | {cpu:.1f} | {tekst} |")
    print(f"| **totaal** | **{totaal:.1f}** | | |")
    print(
        f"\nbetalingen {uitkomst['betalingen']:,}, specificaties {uitkomst['specificaties']:,}"
        f", handmatig goedgekeurd (bedrag veranderd) {uitkomst['rest_handmatig']:,}"
    )
    werkers = f", grootste PDF-werker {kinderen:,.0f} MiB" if pdf and args.processen > 1 else ""
    print(f"piekgeheugen (RSS): benchmarkproces {eigen:,.0f} MiB{werkers}")
    print(f"load average na afloop: {tuple(round(x, 2) for x in os.getloadavg())}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--huishoudens", type=int, default=50_000)
    parser.add_argument("--pdf", choices=("ja", "nee", "beide"), default="beide")
    parser.add_argument("--processen", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--modus", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.modus:
        return _modus(args)
    from begeleiding_benchmark import tijdelijk_cluster

    load = tuple(round(x, 2) for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average bij start {load}")
    for pdf in ("nee", "ja") if args.pdf == "beide" else (args.pdf,):
        # A fresh cluster (or the given DATABASE_URL) per mode, made by this parent process.
        with tijdelijk_cluster() as url:
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--modus",
                    "--huishoudens",
                    str(args.huishoudens),
                    "--pdf",
                    pdf,
                    "--processen",
                    str(args.processen),
                ],
                check=True,
                env={**os.environ, "DATABASE_URL": url},
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
