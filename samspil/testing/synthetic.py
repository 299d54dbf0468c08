"""A synthetic corpus of Danish public-sector innovation cases, for scale tests and benchmarks.

:func:`generate` makes N cases with realistic names and the sentences the real
collections use to say who worked together and where a solution went; the
cases are written in the LÆS STJÆL FORTÆL text layout (:func:`render_lsf`, read
by :mod:`samspil.loaders.lsf2019` and the recogniser) or in the structured YAML
format of ``docs/case-format.md`` (:func:`render_yaml`). Every case also
carries what was planted in it (:class:`SyntheticCase`: nominators, actors with
their roles, spread, inspiration, documented effect), so a benchmark or a test
can measure what the loader and the recogniser find against it.

Names
-----
* Municipalities: the 98 of the shipped reference table, drawn with a weight
  that is each one's approximate population in thousands (:data:`MUNICIPALITY_SIZE`:
  rounded, hard-coded figures of the order of Statistics Denmark's 2023
  populations — a size proxy for sampling, not a statistic to quote).
* Regions: the five, weighted by the summed weights of their municipalities.
* Hospitals, state agencies, knowledge institutions, foundations, associations
  and companies: the shipped gazetteer (``samspil/data/gazetteer/*.csv``, rows of
  the file's own kind), plus generated company names ending in ``A/S`` or
  ``ApS``. Each pool is shuffled by the seed and drawn from with Zipf weights
  (``1 / rank**1.1``): a few organisations turn up in many cases, most in a few.

Determinism
-----------
Everything is drawn from :class:`random.Random` instances seeded with strings
made of the seed (string seeds are hashed with SHA-512, not with Python's
randomised ``hash``), and every case has its own generator seeded by its
index: the same ``(n, seed, per_file)`` gives byte-identical files on every run
and machine.

Layout of a text file
---------------------
Like the 2019 collection: long NYT SAMMEN BEDRE cases first, then short ones,
then the "INDSTILLINGER TIL HVERDAGS-INNOVATIONS-PRISEN" divider and the short
Hverdagsinnovation cases, in the 36 : 6 : 10 proportion of the 52 real cases.
A file holds at most ``per_file`` cases (the loader refuses sources over 64 MiB;
1 000 synthetic cases make about 4 MB).
"""

from __future__ import annotations

import csv
import json
import random
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import accumulate
from pathlib import Path

#: Cases per file when a corpus is split over several files.
DEFAULT_PER_FILE = 1000
#: The proportion of the 2019 collection: long, short NYT SAMMEN BEDRE, short Hverdagsinnovation.
LAYOUT_MIX = (36, 6, 10)
LINE_WIDTH = 92
ZIPF_EXPONENT = 1.1
_CAPS_NAME = re.compile(r"^[A-ZÆØÅ][A-ZÆØÅ .&'’-]{4,}$")
#: What samspil.loaders.lsf2019 takes for the organisation line of a short case.
_CAPS_LINE = re.compile(r"^\s*[A-ZÆØÅ][A-ZÆØÅ .,&'’-]{3,}\s*$")

#: Approximate population in thousands (rounded) of each municipality, by kommunekode: the weight
#: a municipality is drawn with. A size proxy, hard-coded; not a statistic to quote.
MUNICIPALITY_SIZE: dict[str, float] = {
    "0101": 650, "0147": 105, "0151": 52, "0153": 39, "0155": 14, "0157": 75, "0159": 70, "0161": 24,
    "0163": 30, "0165": 28, "0167": 54, "0169": 57, "0173": 57, "0175": 41, "0183": 24, "0185": 44,
    "0187": 17, "0190": 41, "0201": 26, "0210": 41, "0217": 64, "0219": 53, "0223": 25, "0230": 57,
    "0240": 44, "0250": 46, "0260": 31, "0270": 41, "0400": 39, "0253": 51, "0259": 62, "0265": 90,
    "0269": 23, "0306": 33, "0316": 72, "0320": 37, "0326": 49, "0329": 35, "0330": 80, "0336": 23,
    "0340": 30, "0350": 28, "0360": 40, "0370": 84, "0376": 60, "0390": 45, "0410": 39, "0420": 41,
    "0430": 52, "0440": 24, "0450": 32, "0461": 207, "0479": 59, "0480": 29, "0482": 12, "0492": 6,
    "0510": 55, "0530": 27, "0540": 74, "0550": 37, "0561": 116, "0563": 3.5, "0573": 50, "0575": 43,
    "0580": 59, "0607": 52, "0621": 95, "0630": 120, "0615": 97, "0657": 90, "0661": 59, "0665": 19,
    "0671": 21, "0706": 43, "0707": 37, "0710": 49, "0727": 23, "0730": 99, "0740": 97, "0741": 3.7,
    "0746": 64, "0751": 365, "0756": 42, "0760": 56, "0766": 47, "0779": 46, "0791": 98, "0773": 20,
    "0787": 43, "0810": 36, "0813": 58, "0820": 36, "0825": 1.8, "0840": 31, "0846": 41, "0849": 38,
    "0851": 220, "0860": 64,
}

# -- vocabulary of the texts -------------------------------------------------------------

#: Solution concepts by theme slug (the slugs of samspil/data/themes.yaml).
CONCEPTS: dict[str, tuple[str, ...]] = {
    "aeldre": ("Spisevenner", "Digitale besøgsvenner", "Hverdagsrehabilitering", "Faldforebyggelse",
               "Seniorfællesskaber", "Træning i eget hjem", "Demensvenlige plejecentre", "Aktive ældre"),
    "boern-og-unge": ("Læsevenner", "Fremtidsværkstedet", "Talentspor", "Ungeguider", "Lektiecaféer",
                      "Makerspaces i skolen", "Naturskolen", "Tidlig indsats i dagtilbud"),
    "beskaeftigelse": ("Job med mening", "Virksomhedsmentorer", "Jobbroen", "Fleksjobbanken", "Jobspor",
                       "Vejen til uddannelse"),
    "mental-sundhed": ("Trivselsrum", "Angstskolen", "Recoverycollege", "Åben rådgivning", "Ensomhedsnetværk",
                       "Mental styrketræning"),
    "sundhed": ("Telemedicinsk hjemmemonitorering", "Sundhedshuset", "Den gode udskrivelse",
                "Virtuel genoptræning", "Akutteamet", "Hjertesvigtsklinikken", "Sundhedsspor"),
    "digitalisering": ("Chatbot i borgerservice", "Softwarerobotter i administrationen",
                       "Automatisk sagsbehandling", "Videomøder med borgerne", "Digital selvbetjening"),
    "klima-og-energi": ("Klimaskolen", "Grøn affaldssortering", "Energirenovering af skoler", "Regnvandsbede",
                        "Delebiler i landdistrikterne"),
    "kultur-og-biblioteker": ("Det åbne bibliotek", "Kulturpas", "Læsefestival", "Bibliotekets værksted"),
    "handicap": ("Bostøtte med virtual reality", "Hjælpemiddelguiden", "Botræning", "Fællesskaber for alle"),
    "integration": ("Sprogvenner", "Brobyggerne", "Kvindenetværket", "Fritidspas"),
    "mobilitet": ("Flextur", "Cykelbussen", "Landsbybussen", "Samkørsel til arbejde"),
    "demokrati-og-inddragelse": ("Borgerpanelet", "Ungerådet", "Medborgerhuset", "Borgerbudgetter"),
    "by-og-tryghed": ("Tryghedsvandringer", "Natteravne i midtbyen", "Grønne gårdrum", "Byens rum"),
    "forvaltning-og-administration": ("Lean i økonomistaben", "Fælles indkøb", "Tværgående sagsbehandling",
                                      "Én indgang for borgerne"),
    "velfaerd": ("Sammen om familien", "Familiehuset", "Netværksmøder", "Helhedsorienteret indsats"),
}
ADJECTIVES = ("Nye", "Digitale", "Fælles", "Grønne", "Lokale", "Mobile", "Åbne", "Små", "Hurtige", "Stærke",
              "Trygge", "Smarte")
TARGETS = ("Ældre borgere over 65 år", "Børn og unge mellem 6 og 18 år", "Ledige borgere på kanten af "
           "arbejdsmarkedet", "Borgere med psykisk sårbarhed", "Familier med børn", "Medarbejdere i kommunen",
           "Borgere med kronisk sygdom", "Unge uden uddannelse", "Borgere med handicap", "Nyankomne borgere",
           "Alle borgere i kommunen", "Patienter og pårørende")
GROUPS = ("ældre", "unge", "familier", "patienter", "ledige", "elever", "pårørende", "borgere")
FIRST_NAMES = ("Anne", "Mette", "Hanne", "Susanne", "Louise", "Camilla", "Maria", "Helle", "Line", "Rikke",
               "Jens", "Peter", "Lars", "Michael", "Søren", "Thomas", "Henrik", "Morten", "Jesper", "Anders",
               "Emma", "Sofie", "Ida", "Mads", "Rasmus", "Kasper", "Nanna", "Trine", "Birgitte", "Niels")
LAST_NAMES = ("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
              "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
              "Johansen", "Møller", "Mortensen", "Knudsen", "Holm", "Bach", "Lund", "Dahl", "Skov")
JOB_TITLES = ("projektleder", "udviklingskonsulent", "innovationskonsulent", "centerchef", "afdelingsleder",
              "chefkonsulent", "teamleder", "sygeplejerske", "specialkonsulent", "fagchef")
COMPANY_HEADS = ("Nord", "Syd", "Vest", "Øst", "Dansk", "Nordisk", "Blå", "Grøn", "Ny", "Fremtid", "Klar",
                 "Lys", "Hav", "Fjord", "Bølge", "Kilde", "Bro", "Spire", "Tårn", "Bjerg")
COMPANY_STEMS = ("velfærd", "sundhed", "data", "care", "tech", "robotics", "læring", "mobil", "bolig", "energi",
                 "analyse", "design", "soft", "medico", "logistik", "miljø", "vision", "sense", "link", "consult")
ASSOCIATION_WORDS = (("Grønne", "Aktive", "Trygge", "Unge", "Gode", "Frie", "Fælles", "Nye", "Stærke", "Glade"),
                     ("Hænder", "Naboer", "Fællesskaber", "Hjerter", "Stemmer", "Venner", "Veje", "Rødder", "Kræfter",
                      "Ildsjæle"))
COMPANY_TAILS = ("", "", " Solutions", " Systems", " Innovation", " Teknik", " Lab", " Group", " Partners", " Digital")

#: Generic sentences per section of a long case: no organisation names, no spread words.
FILLER: dict[str, tuple[str, ...]] = {
    "challenge": (
        "Kommunen oplevede et stigende pres på de eksisterende tilbud, og ventelisterne voksede år for år.",
        "Medarbejderne brugte meget tid på koordinering og for lidt tid sammen med borgerne.",
        "Mange borgere faldt mellem to stole, fordi ingen havde det samlede overblik over deres forløb.",
        "Der manglede et sted, hvor fagfolk på tværs af forvaltninger kunne mødes om de svære sager.",
        "Udgifterne på området steg, uden at borgerne oplevede, at kvaliteten blev bedre.",
        "De gamle arbejdsgange var bygget op om papir og lange telefonkøer.",
        "Flere undersøgelser viste, at borgerne savnede en fast kontakt og en plan, de selv kunne forstå.",
        "Det var svært at rekruttere og fastholde medarbejdere, og sygefraværet var højt i flere teams.",
        "Tilbuddene var spredt over mange adresser, og borgerne skulle fortælle deres historie igen og igen.",
        "De unge fortalte, at de ikke følte sig hørt, når der blev truffet beslutninger om deres hverdag.",
        "Den demografiske udvikling betyder, at flere skal hjælpes med færre hænder i de kommende år.",
        "Opgaven blev løst forskelligt fra afdeling til afdeling, og ingen kunne sige, hvad der virkede bedst.",
    ),
    "solution": (
        "Løsningen blev udviklet i tæt dialog med borgere og medarbejdere gennem en række workshops.",
        "Et lille tværfagligt team afprøvede først modellen i ét område og justerede den undervejs.",
        "Borgeren får én fast kontaktperson, der følger forløbet fra start til slut.",
        "Indsatsen kombinerer korte forløb i grupper med individuelle samtaler efter behov.",
        "Værktøjet er enkelt at bruge og kræver kun en kort introduktion for nye medarbejdere.",
        "Forløbet er tilrettelagt, så deltagerne selv sætter mål og følger op på dem hver uge.",
        "Medarbejderne mødes hver morgen ti minutter ved en tavle og fordeler dagens opgaver sammen.",
        "Alle henvendelser samles ét sted, så borgeren altid ved, hvor spørgsmålet skal stilles.",
        "Der er lavet en fælles plan, som borgeren, de pårørende og alle fagpersoner kan se og skrive i.",
        "Forløbet starter med en samtale om, hvad der er vigtigt for borgeren, før der tales om ydelser.",
        "Frivillige er koblet på som et supplement til de faglige medarbejdere og står for det sociale.",
        "Efter tre måneder holdes et opfølgende møde, hvor planen justeres efter de erfaringer, der er gjort.",
        "De første prototyper blev testet med en lille gruppe borgere, før løsningen blev gjort færdig.",
        "Løsningen kører nu som en fast del af driften og er ikke længere et projekt.",
    ),
    "key_elements": (
        "• Borgeren er med til at definere, hvad der er vigtigt i forløbet.",
        "• Medarbejderne har fået nye kompetencer og et fælles sprog om opgaven.",
        "• Samarbejdet på tværs af faggrupper er blevet en fast del af hverdagen.",
        "• Data om forløbene samles løbende og bruges til at forbedre indsatsen.",
        "• Modellen er beskrevet i en kort drejebog med skabeloner og tjeklister.",
        "• Ledelsen har givet rum til at afprøve nye arbejdsgange uden at alt skulle lykkes første gang.",
        "• Fysiske rammer og digitale værktøjer understøtter hinanden.",
        "• Der er faste mødepunkter, hvor erfaringer deles og problemer løses hurtigt.",
        "• Borgerens egne ressourcer og netværk er i centrum fra første samtale.",
        "• Indsatsen er enkel at forklare, og det gør det lettere at få nye kolleger med.",
    ),
    "resources": (
        "Der er brugt to fuldtidsstillinger i udviklingsfasen og en halv stilling i driften.",
        "Driften dækkes i dag af det almindelige budget på området.",
        "Udviklingen tog omkring et år fra den første idé til fuld drift.",
        "Der er indkøbt udstyr for omkring 150.000 kr., og medarbejderne har fået to dages uddannelse.",
        "Den største investering har været medarbejdernes tid til at udvikle og afprøve nye arbejdsgange.",
        "Lokalerne stilles til rådighed af kommunen, og der er ingen udgifter til husleje.",
        "En projektleder har haft ansvaret for koordineringen i de første to år.",
        "Der er afsat midler til en ekstern evaluering og til løbende opkvalificering af personalet.",
    ),
    "collaboration": (
        "Samarbejdet har været organiseret i en styregruppe og en arbejdsgruppe med faste møder.",
        "Borgere og pårørende har deltaget i udviklingen gennem interviews og afprøvninger.",
        "Parterne har delt viden og erfaringer undervejs og mødes stadig to gange om året.",
        "Hver part har bidraget med det, de er bedst til, og ansvaret er skrevet ned i en fælles aftale.",
        "Medarbejdere fra flere fagområder har været med fra begyndelsen og har haft reel indflydelse.",
        "Samarbejdet er blevet styrket af, at parterne har brugt tid på at lære hinandens fagsprog.",
    ),
    "value_political_goals": (
        "Innovationen understøtter de politiske mål om, at flere borgere skal kunne klare sig selv.",
        "Indsatsen bidrager til målet om en sammenhængende velfærd med borgeren i centrum.",
        "Byrådets vision om tidlig og forebyggende indsats er blevet konkret i den daglige praksis.",
        "Indsatsen spiller ind i den politiske strategi for sundhed, trivsel og fællesskaber.",
        "Løsningen er et konkret bidrag til målet om en mere grøn og bæredygtig kommune.",
    ),
    "value_quality": (
        "Borgerne oplever et mere trygt og sammenhængende forløb.",
        "Medarbejderne fortæller, at de har fået bedre tid til den faglige kerneopgave.",
        "Tilfredsheden blandt deltagerne er høj, og frafaldet er lavt.",
        "Borgerne fortæller, at de føler sig set og hørt, og at de ved, hvem de skal ringe til.",
        "Kvaliteten af den faglige dokumentation er blevet bedre, og færre oplysninger går tabt.",
        "De pårørende oplever, at de bliver inddraget tidligere og på en mere respektfuld måde.",
    ),
    "value_efficiency": (
        "Sagsbehandlingstiden er blevet kortere, og færre sager skal genbehandles.",
        "Der bruges mindre tid på transport og dobbeltregistrering.",
        "Investeringen forventes at være tjent hjem inden for tre år.",
        "Færre borgere har brug for mere indgribende og dyrere tilbud senere i forløbet.",
        "Medarbejderne sparer tid på koordinering, fordi alle arbejder ud fra den samme plan.",
        "Ressourcerne bliver brugt, hvor de gør størst gavn, fordi indsatsen er målrettet fra start.",
    ),
    "value_democracy": (
        "Borgerne inddrages tidligt og får mere indflydelse på deres eget forløb.",
        "Deltagerne har været med til at forme løsningen fra begyndelsen.",
        "Borgerpaneler og åbne møder har givet nye stemmer plads i udviklingen af tilbuddet.",
        "Unge og ældre har fået en konkret mulighed for at præge beslutninger, der vedrører dem.",
    ),
    "value_innovation_capacity": (
        "Arbejdet har givet medarbejderne mod på at afprøve nye ideer i deres egen praksis.",
        "Erfaringerne har ført til flere nye udviklingsprojekter i organisationen.",
        "Organisationen har fået metoder til at teste små forandringer hurtigt og lære af dem.",
        "Ledere og medarbejdere taler i dag mere åbent om, hvad der ikke virker, og hvorfor.",
    ),
    "capacity_collaboration": (
        "Samarbejdet bygger på tillid og en klar fordeling af roller og ansvar.",
        "Det har været afgørende, at ledelsen har bakket op om arbejdet fra starten.",
        "En fælles forståelse af målet har gjort det lettere at løse uenigheder undervejs.",
        "Det har været vigtigt at have en tovholder, der holder fast i aftalerne mellem møderne.",
        "Parterne har investeret tid i at lære hinanden at kende, før de gik i gang med løsningen.",
    ),
    "capacity_evaluation": (
        "Indsatsen er evalueret med spørgeskemaer før og efter forløbet.",
        "Der følges løbende op på udvalgte nøgletal hvert kvartal.",
        "En ekstern evaluering har peget på både styrker og forbedringsmuligheder.",
        "Borgernes egne fortællinger indsamles systematisk og bruges i den løbende udvikling.",
        "Resultaterne drøftes hvert halve år i styregruppen, der beslutter de næste skridt.",
    ),
    "capacity_spread": (
        "Modellen kan tilpasses andre organisationer med få ressourcer.",
        "Drejebogen og materialerne stilles gratis til rådighed for andre.",
        "Det vigtigste er at afsætte tid til at forankre arbejdsgangene lokalt.",
        "Erfaringen er, at løsningen skal tilpasses lokale forhold frem for at kopieres direkte.",
        "Medarbejderne fra det oprindelige team kan hjælpe andre i gang med en kort introduktion.",
    ),
    "reuse": (
        "Det kræver en tovholder, der har tid til at koordinere arbejdet og holde fast i aftalerne.",
        "Materialerne kan hentes gratis og tilpasses lokale forhold uden store omkostninger.",
        "Start i det små, og lad medarbejderne være med til at forme løsningen fra begyndelsen.",
        "Der skal afsættes ressourcer til uddannelse af medarbejderne i opstarten og til opfølgning.",
        "Ledelsen skal bakke tydeligt op, så medarbejderne har tid og rum til at afprøve det nye.",
        "Det er en god idé at aftale fra starten, hvordan resultaterne skal følges og deles.",
    ),
}
#: Sentences that fit any section: they give a case the length of the real ones.
GENERAL = (
    "Erfaringerne fra det første år har været afgørende for, hvordan arbejdet er tilrettelagt i dag.",
    "Det har krævet tålmodighed, fordi nye vaner tager tid at bygge op i en travl hverdag.",
    "Arbejdet er hele tiden blevet justeret ud fra borgernes og medarbejdernes tilbagemeldinger.",
    "Der er lagt vægt på, at løsningen skal være enkel at forstå for både borgere og fagfolk.",
    "Medarbejderne har været med til at beskrive de nye arbejdsgange, og det har skabt ejerskab.",
    "Det var en vigtig erfaring, at de små forbedringer i hverdagen betyder mest for borgerne.",
    "Undervejs er der holdt fast i, at borgerens perspektiv skal være udgangspunktet for beslutningerne.",
    "Ledelsen har fulgt arbejdet tæt og har løbende fjernet de barrierer, som medarbejderne mødte.",
    "Der er skabt en kultur, hvor det er i orden at prøve noget nyt og lære af det, der ikke lykkes.",
    "Resultaterne er fremlagt for det politiske udvalg, som har besluttet at videreføre indsatsen.",
    "Det har været en styrke, at arbejdet er forankret i den daglige drift og ikke i et særskilt projekt.",
    "Dialogen med borgerne foregår både ved personlige møder, over telefon og gennem digitale løsninger.",
    "Flere medarbejdere fortæller, at arbejdet har givet dem fornyet arbejdsglæde og faglig stolthed.",
    "De næste skridt er at gøre erfaringerne tilgængelige for flere medarbejdere i organisationen.",
    "Indsatsen har vist, at det betaler sig at investere tid i at planlægge forløbet grundigt fra start.",
    "Der er udarbejdet en kort vejledning, så nye medarbejdere hurtigt kan komme i gang.",
)
QUOTES = (
    "”Vi kan se, at borgerne bliver mere selvhjulpne, og det gør en forskel hver dag.”",
    "”Det har ændret den måde, vi tænker opgaven på. Nu starter vi altid med borgerens egne mål.”",
    "”Det bedste er, at vi løser opgaven sammen i stedet for hver for sig.”",
    "”Vi turde prøve noget nyt, og det har betalt sig for både borgere og medarbejdere.”",
    "”Løsningen er enkel, men den har gjort hverdagen lettere for rigtig mange.”",
)


@dataclass(frozen=True)
class Org:
    """An organisation of the pools: its name as the gazetteer writes it, its kind, and a short form."""

    name: str
    kind: str
    short: str = ""
    region: str = ""


@dataclass
class Planted:
    """An organisation put into a case with a role (owner, partner, funder, inspiration, mentioned)."""

    name: str
    kind: str
    role: str
    evidence: str = ""


@dataclass
class PlantedSpread:
    """A spread statement put into a case."""

    to: str
    kind: str
    status: str
    year: int | None = None
    evidence: str = ""


@dataclass
class SyntheticCase:
    """One generated case: its text in sections and what was planted in it."""

    index: int
    number: int
    layout: str  # long | short
    prize: str
    title: str
    year: int | None
    year_end: int | None
    target_group: str | None
    theme: str
    nominators: list[Org]
    actors: list[Planted] = field(default_factory=list)
    spread: list[PlantedSpread] = field(default_factory=list)
    inspired_by: list[Planted] = field(default_factory=list)
    documented_effect: bool = False
    quote: str = ""
    summary: str = ""
    sections: dict[str, list[str]] = field(default_factory=dict)
    contacts: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # name, title, org, phone, e-mail

    def truth(self, case_id: str) -> dict:
        """What was planted, as a JSON-ready dict (keys as in the case view where they exist)."""
        return {
            "id": case_id, "number": self.number, "title": self.title, "prize": self.prize, "year": self.year,
            "layout": self.layout, "theme": self.theme, "nominators": [o.name for o in self.nominators],
            "actors": [{"name": a.name, "kind": a.kind, "role": a.role} for a in self.actors],
            "spread": [{"to": s.to, "kind": s.kind, "status": s.status, "year": s.year} for s in self.spread],
            "inspired_by": [{"from": a.name, "kind": a.kind} for a in self.inspired_by],
            "documented_effect": self.documented_effect,
        }


# -- pools ---------------------------------------------------------------------------------

def _data_csv(*parts: str) -> list[dict[str, str]]:
    path = Path(str(resources.files("samspil").joinpath("data", *parts)))
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class _Pool:
    """Organisations with cumulative weights, drawn with :meth:`draw`."""

    def __init__(self, orgs: Sequence[Org], weights: Sequence[float]) -> None:
        self.orgs = list(orgs)
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random) -> Org:
        return self.orgs[bisect_right(self.cum, rng.random() * self.cum[-1])]

    def __len__(self) -> int:
        return len(self.orgs)


def _zipf_pool(orgs: Sequence[Org], rng: random.Random) -> _Pool:
    ordered = sorted(orgs, key=lambda o: o.name)
    rng.shuffle(ordered)
    return _Pool(ordered, [1.0 / (rank ** ZIPF_EXPONENT) for rank in range(1, len(ordered) + 1)])


def _unique_names(make, count: int, taken: set[str]) -> list[str]:
    """``count`` names from ``make()`` that are not in ``taken`` (which grows with them)."""
    names: list[str] = []
    for _ in range(count * 20):
        if len(names) == count:
            break
        name = make()
        if name.lower() not in taken:
            taken.add(name.lower())
            names.append(name)
    return names


def _generated_names(kind: str, rng: random.Random, count: int, taken: set[str], towns: Sequence[str]) -> list[str]:
    """Made-up organisations in the forms Danish names take (and the recogniser's patterns know)."""
    if kind == "company":
        def make() -> str:
            place = f" {rng.choice(towns)}" if rng.random() < 0.3 else ""
            return (f"{rng.choice(COMPANY_HEADS)}{rng.choice(COMPANY_STEMS)}{rng.choice(COMPANY_TAILS)}{place} "
                    f"{'A/S' if rng.random() < 0.4 else 'ApS'}")
    elif kind == "association":
        def make() -> str:
            place = f" {rng.choice(towns)}" if rng.random() < 0.5 else ""
            return f"Foreningen {rng.choice(ASSOCIATION_WORDS[0])} {rng.choice(ASSOCIATION_WORDS[1])}{place}"
    elif kind == "foundation":
        def make() -> str:
            last = rng.choice(LAST_NAMES)
            return f"{rng.choice(FIRST_NAMES)} {last}{'' if last.endswith('s') else 's'} Fond" \
                if rng.random() < 0.5 else f"{last} Fonden"
    else:
        return []
    return _unique_names(make, count, taken)


@dataclass
class Pools:
    """Every pool of names a corpus draws from (built once per seed)."""

    municipalities: _Pool
    regions: _Pool
    by_kind: dict[str, _Pool]

    @classmethod
    def build(cls, seed: int, n: int = 1000) -> Pools:
        """The pools of a corpus of ``n`` cases: the generated part grows with ``n`` (a national
        collection names more small companies and associations than one booklet)."""
        rng = random.Random(f"samspil-synthetic:{seed}:pools")
        generated = {"company": 1500 + n // 5, "association": 200 + n // 25, "foundation": 50 + n // 200}
        munis = [Org(r["name"], "municipality", r["short_name"], r["region"])
                 for r in _data_csv("reference", "danish_municipalities.csv")]
        codes = [r["kommunekode"] for r in _data_csv("reference", "danish_municipalities.csv")]
        weights = [MUNICIPALITY_SIZE[c] for c in codes]
        region_weight: dict[str, float] = {}
        for m, w in zip(munis, weights):
            region_weight[m.region] = region_weight.get(m.region, 0.0) + w
        regions = [Org(r["name"], "region", r["name"].removeprefix("Region "), r["name"])
                   for r in _data_csv("reference", "danish_regions.csv")]
        by_kind: dict[str, _Pool] = {}
        gazetteer_files = {"hospital": "hospitals.csv", "state_agency": "state_agencies.csv",
                           "knowledge_institution": "knowledge_institutions.csv",
                           "foundation": "foundations.csv", "association": "associations.csv",
                           "company": "companies.csv"}
        taken: set[str] = {m.name.lower() for m in munis} | {r.name.lower() for r in regions}
        for kind, filename in gazetteer_files.items():
            # A name with a comma ("Aalborg Universitetshospital, Farsø") cannot stand in a list a
            # reader (or the recogniser) splits at commas: left out of the pools.
            rows = [Org(r["name"], kind) for r in _data_csv("gazetteer", filename)
                    if r["kind"] == kind and "," not in r["name"]]
            taken.update(o.name.lower() for o in rows)
            rows += [Org(name, kind) for name in _generated_names(kind, rng, generated.get(kind, 0), taken,
                                                                  [m.short for m in munis])]
            by_kind[kind] = _zipf_pool(rows, rng)
        return cls(_Pool(munis, weights), _Pool(regions, [region_weight[r.name] for r in regions]), by_kind)

    def draw(self, rng: random.Random, kind: str) -> Org:
        if kind == "municipality":
            return self.municipalities.draw(rng)
        if kind == "region":
            return self.regions.draw(rng)
        return self.by_kind[kind].draw(rng)


def _kind(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    x = rng.random() * sum(w for _, w in table)
    for kind, w in table:
        x -= w
        if x < 0:
            return kind
    return table[-1][0]


OWNER_KINDS = (("municipality", 78), ("region", 9), ("hospital", 7), ("state_agency", 4),
               ("knowledge_institution", 2))
PARTNER_KINDS = (("company", 32), ("knowledge_institution", 18), ("association", 15), ("municipality", 17),
                 ("hospital", 8), ("state_agency", 5), ("region", 5))
FUNDER_KINDS = (("foundation", 75), ("state_agency", 15), ("region", 10))
SPREAD_KINDS = (("municipality", 88), ("region", 5), ("hospital", 7))
INSPIRATION_KINDS = (("association", 50), ("municipality", 35), ("knowledge_institution", 15))


# -- sentences -----------------------------------------------------------------------------

def name_list(names: Sequence[str]) -> str:
    """"A", "A og B", "A, B og C".

    Examples
    --------
    >>> name_list(["Vejle Kommune", "KL", "TrygFonden"])
    'Vejle Kommune, KL og TrygFonden'
    """
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " og " + names[-1]


COLLABORATION = (
    "Innovationen er udviklet i samarbejde med {list}.",
    "{owner} har samarbejdet med {list} om at udvikle løsningen.",
    "Løsningen er skabt sammen med {list}.",
    "Projektet er gennemført i partnerskab med {list}.",
)
FUNDING = (
    "Projektet er finansieret af {name}.",
    "Udviklingen er støttet af {name} med {amount} kr.",
    "De første to år blev indsatsen finansieret af {name}.",
)
SPREAD = {
    "adopted": ("Løsningen har spredt sig til {list}.", "Modellen er nu også indført i {list}.",
                "Konceptet har siden {year} spredt sig til {list}."),
    "interested": ("{list} har udvist interesse for løsningen.", "{list} har bedt om materialet."),
    "visited": ("{list} var på besøg i {year} for at se løsningen.",),
}
INSPIRATION = ("Konceptet er oprindeligt udviklet af {name}.", "Idéen er inspireret af {name}.")
EFFECT = ("Antallet af genindlæggelser er reduceret med {n} procent.",
          "Ventetiden er faldet med {n} procent det første år.",
          "{k} ud af {m} deltagere er kommet i job eller uddannelse.")


def _wrap(text: str, rng: random.Random, width: int = LINE_WIDTH) -> list[str]:
    """Greedy wrap at word boundaries; now and then a long lowercase word is broken across two
    lines without a hyphen, the way the 2019 PDF conversion broke them."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            if len(word) >= 12 and word.isalpha() and word.islower() and rng.random() < 0.08:
                cut = len(word) // 2
                lines.append(f"{line} {word[:cut]}")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    # A line of capitals alone ("OAO.") reads as a short case's organisation line: give it
    # the last word of the line before.
    for i in range(1, len(lines)):
        if _CAPS_NAME.match(lines[i].rstrip(".,")) or _CAPS_LINE.match(lines[i]):
            head, _, last = lines[i - 1].rpartition(" ")
            if head:
                lines[i - 1], lines[i] = head, f"{last} {lines[i]}"
    return lines


# -- generation ----------------------------------------------------------------------------

def _layouts(n: int, per_file: int) -> list[tuple[str, str, int]]:
    """(layout, prize, number in its file) of every case, files filled in the 36 : 6 : 10 mix."""
    out: list[tuple[str, str, int]] = []
    total = sum(LAYOUT_MIX)
    for start in range(0, n, per_file):
        k = min(per_file, n - start)
        n_long = max(1, round(k * LAYOUT_MIX[0] / total))
        n_short = round(k * LAYOUT_MIX[1] / total) if k > n_long else 0
        n_short = min(n_short, k - n_long)
        kinds = ([("long", "nyt-sammen-bedre")] * n_long + [("short", "nyt-sammen-bedre")] * n_short
                 + [("short", "hverdagsinnovation")] * (k - n_long - n_short))
        out.extend((layout, prize, i) for i, (layout, prize) in enumerate(kinds, start=1))
    return out


def _town(org: Org) -> str:
    return org.short if org.kind in ("municipality", "region") and org.short else ""


def _title(rng: random.Random, concept: str, owner: Org, used: set[str]) -> str:
    town = _town(owner)
    place = f" i {town}" if town else ""
    candidates = [f"{concept}{place}"]
    for _ in range(6):
        candidates.append(f"{rng.choice(ADJECTIVES)} {concept[0].lower() + concept[1:]}{place}")
    for _ in range(6):
        candidates.append(f"{concept} for {rng.choice(GROUPS)}{place}")
    for title in candidates:
        if title.lower() not in used and len(title.split()) <= 8:
            used.add(title.lower())
            return title
    k = 2
    while f"{candidates[0]}, fase {k}".lower() in used:
        k += 1
    title = f"{candidates[0]}, fase {k}"
    used.add(title.lower())
    return title


def _distinct(rng: random.Random, pools: Pools, table, count: int, avoid: set[str]) -> list[Org]:
    out: list[Org] = []
    for _ in range(count * 6):
        if len(out) == count:
            break
        org = pools.draw(rng, _kind(rng, table))
        if org.name not in avoid:
            avoid.add(org.name)
            out.append(org)
    return out


def _email_domain(org: Org) -> str:
    from samspil.core.identity import slugify

    base = org.short or org.name.replace(" A/S", "").replace(" ApS", "")
    return slugify(base).replace("-", "")[:24] + ".dk"


def _case(index: int, seed: int, layout: str, prize: str, number: int, pools: Pools, used: set[str]) -> SyntheticCase:
    rng = random.Random(f"samspil-synthetic:{seed}:case:{index}")
    theme = rng.choice(sorted(CONCEPTS))
    concept = rng.choice(CONCEPTS[theme])
    taken: set[str] = set()
    owner = pools.draw(rng, _kind(rng, OWNER_KINDS))
    # A short case names its organisation on a line of capitals, which the layout tells from
    # prose by its letters ("VEJEN KOMMUNE"): a name too short or with digits or "/" cannot stand there.
    while layout == "short" and not _CAPS_NAME.match(owner.name.upper()):
        owner = pools.draw(rng, _kind(rng, OWNER_KINDS))
    taken.add(owner.name)
    nominators = [owner]
    if layout == "long" and rng.random() < 0.15 and " og " not in owner.name:
        # "INDSTILLER: X og Y": neither name may hold an "og" of its own.
        for _ in range(10):
            second = pools.draw(rng, _kind(rng, OWNER_KINDS))
            # "Odense Universitetshospital og Region Sjælland" is read as the hospital of that
            # region (samspil.core.orgnames): a hospital and a region are not paired here.
            if (second.name not in taken and " og " not in second.name
                    and {owner.kind, second.kind} != {"hospital", "region"}):
                taken.add(second.name)
                nominators.append(second)
                break
    title = _title(rng, concept, owner, used)
    year = rng.randint(2012, 2023) if layout == "long" else None
    year_end = None
    if year is not None and rng.random() < 0.3:
        year_end = min(2024, year + rng.randint(1, 3))
    case = SyntheticCase(index=index, number=number, layout=layout, prize=prize, title=title, year=year,
                         year_end=year_end, target_group=rng.choice(TARGETS) if layout == "long" else None,
                         theme=theme, nominators=nominators)
    owners = " og ".join(o.name for o in nominators)
    lead = nominators[0].name
    for o in nominators:
        case.actors.append(Planted(o.name, o.kind, "owner", f"INDSTILLER: {owners}"))

    partners = _distinct(rng, pools, PARTNER_KINDS, rng.choice((1, 1, 2, 2, 3, 4)), taken)
    collab = rng.choice(COLLABORATION).format(list=name_list([p.name for p in partners]), owner=lead) if partners else ""
    for p in partners:
        case.actors.append(Planted(p.name, p.kind, "partner", collab))
    funder_sentence = ""
    if rng.random() < 0.5:
        funders = _distinct(rng, pools, FUNDER_KINDS, 1, taken)
        if funders:
            funder_sentence = rng.choice(FUNDING).format(name=funders[0].name,
                                                         amount=f"{rng.randint(2, 40) * 50_000:,}".replace(",", "."))
            case.actors.append(Planted(funders[0].name, funders[0].kind, "funder", funder_sentence))
    inspiration_sentence = ""
    if rng.random() < 0.15:
        sources = _distinct(rng, pools, INSPIRATION_KINDS, 1, taken)
        if sources:
            inspiration_sentence = rng.choice(INSPIRATION).format(name=sources[0].name)
            case.inspired_by.append(Planted(sources[0].name, sources[0].kind, "inspiration", inspiration_sentence))
    spread_sentences: list[str] = []
    for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 2, 3))):
        status = rng.choice(("adopted", "adopted", "interested", "visited"))
        targets = _distinct(rng, pools, SPREAD_KINDS, rng.choice((1, 1, 1, 2)), taken)
        if not targets:
            continue
        when = rng.randint(max(2012, (year or 2016) + 1), 2024)
        template = rng.choice(SPREAD[status])
        sentence = template.format(list=name_list([t.name for t in targets]), year=when)
        spread_sentences.append(sentence)
        for t in targets:
            case.spread.append(PlantedSpread(t.name, t.kind, status, when if "{year}" in template else None, sentence))
    effect = ""
    if rng.random() < 0.5:
        m = rng.randint(10, 60)
        effect = rng.choice(EFFECT).format(n=rng.randint(10, 45), k=rng.randint(3, m - 1), m=m)
        case.documented_effect = True

    group = case.target_group.lower() if case.target_group else rng.choice(GROUPS)
    opening = f"{lead} har udviklet {concept[0].lower() + concept[1:]}, et tilbud til {group}."
    case.quote = rng.choice(QUOTES)
    if layout == "long":
        # Section lengths that make a long case about as long as the 2019 collection's (~9 kB of text).
        def pick(key: str, lo: int, hi: int) -> list[str]:
            chosen = rng.sample(FILLER[key], min(rng.randint(lo, hi), len(FILLER[key])))
            return chosen + rng.sample(GENERAL, rng.randint(1, 3)) if key != "key_elements" else chosen

        case.summary = " ".join([opening, *pick("solution", 2, 3), *pick("value_quality", 1, 1)])
        s = case.sections
        s["challenge"] = pick("challenge", 5, 8)
        s["solution"] = pick("solution", 7, 10)
        s["key_elements"] = pick("key_elements", 4, 6)
        s["resources"] = pick("resources", 3, 5) + ([funder_sentence] if funder_sentence else [])
        s["collaboration"] = ([collab] if collab else []) + pick("collaboration", 3, 5)
        s["value"] = []
        s["value_political_goals"] = pick("value_political_goals", 2, 3)
        s["value_quality"] = pick("value_quality", 3, 4) + ([effect] if effect else []) + [rng.choice(QUOTES)]
        s["value_efficiency"] = pick("value_efficiency", 3, 4)
        s["value_democracy"] = pick("value_democracy", 2, 3)
        s["value_innovation_capacity"] = pick("value_innovation_capacity", 2, 3)
        s["sharing"] = ([inspiration_sentence] if inspiration_sentence else []) + spread_sentences + \
            ["Erfaringerne er delt på møder i netværket."] + pick("capacity_spread", 1, 2)
        s["capacities"] = []
        s["capacity_collaboration"] = pick("capacity_collaboration", 2, 4)
        s["capacity_evaluation"] = pick("capacity_evaluation", 2, 4)
        s["capacity_spread"] = pick("capacity_spread", 2, 3)
    else:
        body = [opening] + ([collab] if collab else []) + rng.sample(FILLER["challenge"], 2) + \
            rng.sample(FILLER["solution"], 4)
        more = ([funder_sentence] if funder_sentence else []) + ([effect] if effect else []) + \
            ([inspiration_sentence] if inspiration_sentence else []) + spread_sentences + \
            rng.sample(FILLER["value_quality"], 2) + rng.sample(GENERAL, 3)
        case.summary = " ".join(body)
        case.sections["text"] = [" ".join(body), " ".join(more)] if more else [" ".join(body)]
        case.sections["reuse"] = [f"{i}. {t}" for i, t in enumerate(rng.sample(FILLER["reuse"], 3), start=1)]
    for _ in range(rng.choice((1, 1, 2))):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        phone = " ".join(f"{rng.randint(20, 99)}" if i == 0 else f"{rng.randint(0, 99):02d}" for i in range(4))
        email = f"{first[:2].lower()}{last[:2].lower()}{rng.randint(1, 99)}@{_email_domain(owner)}"
        email = email.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
        case.contacts.append((f"{first} {last}", rng.choice(JOB_TITLES), lead, phone, email))
    return case


def generate(n: int, seed: int = 0, *, per_file: int = DEFAULT_PER_FILE) -> list[SyntheticCase]:
    """Generate ``n`` cases.

    Parameters
    ----------
    n : int
        Number of cases (at least 1).
    seed : int
        Same seed, same cases.
    per_file : int
        Cases per file: decides each case's layout and number (a file mixes long and
        short cases in the 2019 collection's proportion, and numbers them from 1).

    Returns
    -------
    list of SyntheticCase

    Examples
    --------
    >>> cases = generate(3, seed=1)
    >>> [c.layout for c in cases], [c.number for c in cases]
    (['long', 'long', 'short'], [1, 2, 3])
    """
    return list(iter_cases(n, seed, per_file=per_file))


def iter_cases(n: int, seed: int = 0, *, per_file: int = DEFAULT_PER_FILE) -> Iterator[SyntheticCase]:
    """:func:`generate`, one case at a time."""
    if n < 1:
        raise ValueError("n must be at least 1")
    if per_file < 1:
        raise ValueError("per_file must be at least 1")
    pools = Pools.build(seed, n)
    used: set[str] = set()
    for index, (layout, prize, number) in enumerate(_layouts(n, per_file)):
        yield _case(index, seed, layout, prize, number, pools, used)


# -- the LÆS STJÆL FORTÆL layout -----------------------------------------------------------

_HEADINGS = {
    "challenge": " Fra udfordring", "solution": "Til løsning", "key_elements": "De vigtigste elementer i innovationen",
    "resources": "Hvilke ressourcer er der brugt på innovationen?",
    "collaboration": "Hvem har samarbejdet om innovationen?", "value": " Værdien, som innovationen har skabt",
    "value_political_goals": "POLITISKE MÅL", "value_quality": "HØJERE KVALITET", "value_efficiency": "ØGET EFFEKTIVITET",
    "value_democracy": "STYRKET DEMOKRATI OG INDDRAGELSE", "value_innovation_capacity": "ØGET INNOVATIONSKAPACITET",
    "sharing": " Sådan er innovationen blevet delt", "capacities": "Inspiration til samarbejde, evaluering og spredning",
    "capacity_collaboration": "SAMARBEJDSKAPACITET", "capacity_evaluation": "EVALUERINGSKAPACITET",
    "capacity_spread": "SPREDNINGSKAPACITET",
}


def _contact_lines(case: SyntheticCase) -> list[str]:
    out: list[str] = []
    for name, title, org, phone, email in case.contacts:
        out += [f"{name}, {title}, {org}", "", f"{phone}     {email}", ""]
    out += ["-", ""] + [f"mailto:{c[4]}" for c in case.contacts] + [""]
    return out


def _long_lines(case: SyntheticCase, rng: random.Random) -> list[str]:
    years = f"{case.year} - {case.year_end}" if case.year_end else str(case.year)
    lines = ["", case.title, ""] + _wrap(case.quote, rng, 40) + [""]
    lines += [f"INDSTILLER: {' og '.join(o.name for o in case.nominators)}", f"MÅLGRUPPE: {case.target_group}",
              f"ÅRSTAL: {years}", ""]
    lines += _wrap(case.summary, rng)
    for key, heading in _HEADINGS.items():
        lines.append(heading)
        if key in ("value", "capacities"):
            lines.append("")
            continue
        paragraph = case.sections.get(key, [])
        if key == "key_elements":
            for item in paragraph:
                lines += _wrap(item, rng) + [""]
        else:
            lines += _wrap(" ".join(paragraph), rng) + [""]
        if rng.random() < 0.05:
            lines += ["-", "", str(rng.randint(4, 199)), ""]  # page furniture
    lines += ["Hvis du vil genbruge løsningen, så kontakt:", ""] + _contact_lines(case) + [""]
    return lines


def _short_lines(case: SyntheticCase, rng: random.Random) -> list[str]:
    lines = [" " + case.title, case.nominators[0].name.upper(), ""]
    for paragraph in case.sections["text"]:
        lines += _wrap(paragraph, rng) + [""]
    lines.append("Hvad skal du vide, hvis du vil genbruge innovationen? ")
    for tip in case.sections["reuse"]:
        lines += _wrap(tip, rng) + [""]
    lines += ["Hvem kan du kontakte? ", ""] + _contact_lines(case)
    return lines


DIVIDER = ("INDSTILLINGER", "TIL", "HVERDAGS-", "INNOVATIONS-", "PRISEN", "", "")


def render_lsf(cases: Sequence[SyntheticCase], *, seed: int = 0, label: str = "") -> str:
    """The cases of one file as text in the LÆS STJÆL FORTÆL layout.

    The cases must be one file's worth, in order: long cases, then short NYT SAMMEN
    BEDRE cases, then Hverdagsinnovation cases (as :func:`generate` numbers them).
    """
    rng = random.Random(f"samspil-synthetic:{seed}:layout:{label}:{cases[0].index if cases else 0}")
    out: list[str] = [f"Syntetisk casesamling til test og benchmark (seed {seed}{', ' + label if label else ''})", ""]
    divider_done = False
    for case in cases:
        if case.prize == "hverdagsinnovation" and not divider_done:
            out += ["", *DIVIDER]
            divider_done = True
        out += _long_lines(case, rng) if case.layout == "long" else _short_lines(case, rng)
        out.append("")
    return "\n".join(out) + "\n"


# -- the structured YAML format ------------------------------------------------------------

def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def case_id(seed: int, case: SyntheticCase) -> str:
    """The id a case gets in the YAML format."""
    return f"synth-s{seed}-{case.index + 1:06d}"


def render_yaml(cases: Sequence[SyntheticCase], *, seed: int = 0, source_id: str = "synth", title: str = "") -> str:
    """The cases of one file in the structured format of ``docs/case-format.md``."""
    out = ["# Synthetic cases made by `samspil synth` (samspil.testing.synthetic): test and benchmark data.", "format: 1",
           "source:", f"  id: {source_id}", f"  title: {_q(title or f'Syntetiske cases (seed {seed})')}",
           f"  path: {source_id}.yaml", "cases:"]
    for c in cases:
        out += [f"  - id: {case_id(seed, c)}", f"    number: {c.number}", f"    title: {_q(c.title)}",
                f"    prize: {c.prize}"]
        if c.year is not None:
            out.append(f"    year: {c.year}")
        if c.target_group:
            out.append(f"    target_group: {_q(c.target_group)}")
        out += [f"    summary: {_q(c.summary)}", f"    documented_effect: {'true' if c.documented_effect else 'false'}",
                f"    themes: [{c.theme}]", f"    nominators: [{', '.join(_q(o.name) for o in c.nominators)}]",
                "    actors:"]
        for a in c.actors:
            out += [f"      - name: {_q(a.name)}", f"        kind: {a.kind}", f"        role: {a.role}",
                    f"        evidence: {_q(a.evidence)}"]
        if c.spread:
            out.append("    spread:")
            for s in c.spread:
                out += [f"      - to: {_q(s.to)}", f"        kind: {s.kind}", f"        status: {s.status}"]
                if s.year is not None:
                    out.append(f"        year: {s.year}")
                out.append(f"        evidence: {_q(s.evidence)}")
        if c.inspired_by:
            out.append("    inspired_by:")
            for a in c.inspired_by:
                out += [f"      - from: {_q(a.name)}", f"        kind: {a.kind}", f"        evidence: {_q(a.evidence)}"]
    return "\n".join(out) + "\n"


# -- files ---------------------------------------------------------------------------------

def iter_files(n: int, seed: int = 0, *, per_file: int = DEFAULT_PER_FILE) -> Iterator[list[SyntheticCase]]:
    """The cases of :func:`generate`, one file's worth at a time (a file starts where numbering restarts)."""
    chunk: list[SyntheticCase] = []
    for case in iter_cases(n, seed, per_file=per_file):
        if case.number == 1 and chunk:
            yield chunk
            chunk = []
        chunk.append(case)
    if chunk:
        yield chunk


def write_corpus(n: int, seed: int, fmt: str, out: str | Path, *, per_file: int = DEFAULT_PER_FILE,
                 truth: str | Path | None = None) -> list[Path]:
    """Generate ``n`` cases and write them.

    Parameters
    ----------
    n, seed : int
    fmt : {"lsf", "yaml"}
    out : path
        The file to write when the corpus fits in one file (``n <= per_file``); else a
        folder, created if missing, that gets ``synth-s<seed>-<k>.txt`` / ``.yaml``.
    per_file : int
        Cases per file.
    truth : path, optional
        Also write what was planted in every case, one JSON object a line.

    Returns
    -------
    list of Path
        The files written, in order.
    """
    if fmt not in ("lsf", "yaml"):
        raise ValueError(f"unknown format {fmt!r}; expected lsf or yaml")
    from samspil.core.atomic import write_atomic

    out = Path(out)
    ext = "txt" if fmt == "lsf" else "yaml"
    n_files = -(-n // per_file)
    if n_files == 1:
        targets = [out]
    else:
        out.mkdir(parents=True, exist_ok=True)
        targets = [out / f"synth-s{seed}-{k:04d}.{ext}" for k in range(1, n_files + 1)]
    written: list[Path] = []
    truth_lines: list[str] = []
    for k, (chunk, target) in enumerate(zip(iter_files(n, seed, per_file=per_file), targets), start=1):
        label = f"fil {k} af {n_files}"
        if fmt == "lsf":
            text = render_lsf(chunk, seed=seed, label=label)
            source = re.sub(r"[^a-z0-9]+", "-", target.stem.lower()).strip("-") or "source"
            ids = [f"{source}-{c.number:02d}" for c in chunk]
        else:
            source = re.sub(r"[^a-z0-9]+", "-", target.stem.lower()).strip("-")
            source = source if re.match(r"^[a-z0-9][a-z0-9-]{1,80}$", source) else f"synth-s{seed}-{k:04d}"
            text = render_yaml(chunk, seed=seed, source_id=source, title=f"Syntetiske cases (seed {seed}, {label})")
            ids = [case_id(seed, c) for c in chunk]
        written.append(write_atomic(target, text))
        if truth is not None:
            truth_lines += [json.dumps(c.truth(i), ensure_ascii=False) for c, i in zip(chunk, ids)]
    if truth is not None:
        write_atomic(Path(truth), "\n".join(truth_lines) + "\n")
    return written
