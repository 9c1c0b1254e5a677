"""Word lists of quote attribution: cue verbs (data in resources/), titles, pronouns, sources."""

from __future__ import annotations

from functools import cache

from annotator.resources import resource_path

#: Honorifics and titles stripped from speaker names ("Sir Keir Starmer" -> "Keir Starmer").
TITLES: frozenset[str] = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady baroness baron prof prof.
    professor president rev rev. reverend father sister brother judge justice general gen
    gen. colonel col captain capt commander major sergeant sgt chancellor senator sen
    governor gov mayor councillor cllr king queen prince princess pope st saint sheikh
    rabbi imam cardinal archbishop bishop mp mep msp dj supt supt. insp insp. det det.
    detective superintendent inspector constable rt rt. hon hon.""".split()
)
#: Letters after a name, dropped from speaker names ("Guy Mansfield QC" -> "Guy Mansfield").
POSTNOMINALS: frozenset[str] = frozenset(
    "qc kc mp mep msp am obe mbe cbe kbe dbe frs jr jr. sr sr. phd".split()
)
#: Honorifics: never part of a role ("Ukrainian president Mr Zelenskyy" has the role
#: "Ukrainian president").
HONORIFICS: frozenset[str] = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. rev rev.".split()
)
#: Pronouns that stand for a speaker already named.
PRONOUNS: frozenset[str] = frozenset("he she they it we i him her them his hers who".split())
#: Heads of descriptions that stand for an unnamed source ("a government source").
SOURCE_NOUNS: frozenset[str] = frozenset(
    """source sources insider insiders official officials aide aides spokesman spokeswoman
    spokesperson spokespeople ally allies friend friends figure figures colleague colleagues
    adviser advisers advisor advisors person people witness witnesses critic critics
    observer observers analyst analysts expert experts broker brokers trader traders dealer
    dealers""".split()
)
#: Heads of a person's role ("the Prime Minister", "the mayor", "the chairman"): a description
#: with one of these heads names a person, not a body.
ROLE_NOUNS: frozenset[str] = frozenset(
    """minister secretary leader premier chairman chairwoman chair chief director
    manager coach captain head spokesman spokeswoman president chancellor governor
    commissioner mayor king queen prince princess senator congressman congresswoman
    mp mep msp councillor judge bishop archbishop boss founder editor
    ambassador envoy general commander officer inspector superintendent magistrate coroner
    sheriff""".split()
)
#: Heads of descriptions of a document that speaks for its author ("the Kok report said").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """report statement letter study review paper document post tweet blog article book
    biography memoir autobiography headline editorial lawsuit suit petition minutes
    instructions manifesto bulletin guidelines""".split()
)
#: Nouns of a work a name can be the title of ("the drama Wasp", "The film, A Different Story,"):
#: a name given one is a work, whatever the model typed it.
WORK_NOUNS: frozenset[str] = frozenset(
    """film movie drama documentary album single song track novel play musical sitcom series
    show programme""".split()
)
#: Last words of football and rugby clubs' names ("Crystal Palace", "Bristol Rovers"), no
#: surname's, which the model may type a person; and clubs named otherwise ("Aston Villa").
CLUB_WORDS: frozenset[str] = frozenset(
    """united city rovers albion athletic wanderers rangers celtic hotspur palace wednesday
    argyle orient county harlequins saracens""".split()
)
CLUBS: frozenset[str] = frozenset({"aston villa"})
#: Heads of descriptions of a body, not a person ("the Brits committee announced").
GROUP_NOUNS: frozenset[str] = frozenset(
    """committee party government company firm club council agency board association union
    group team bank commission department ministry office court panel organisation
    organization campaign charity police army festival academy""".split()
)
#: Heads of a description that can speak: a source, a role or a body ("Judges said").
SPEAKER_NOUNS: frozenset[str] = SOURCE_NOUNS | ROLE_NOUNS | GROUP_NOUNS
#: Heads of descriptions of the body an article is about ("the company", "the club"): such a
#: description with no body named by its head is the body the discourse is about (not "the
#: police" or "the government", which are bodies of their own).
BUSINESS_NOUNS: frozenset[str] = frozenset(
    """company firm group bank club paper newspaper charity business retailer airline carrier
    maker manufacturer producer operator broadcaster network chain""".split()
)
#: Heads of descriptions of a body, a document or a publication that can be a source
#: ("according to the magazine", "according to the report").
BODY_NOUNS: frozenset[str] = (
    GROUP_NOUNS | BUSINESS_NOUNS | DOCUMENT_NOUNS | frozenset("magazine journal survey".split())
)
#: Heads of descriptions of a body of its own, never the organisation an article is about
#: ("the government", "the police" in a story about a company).
PUBLIC_BODIES: frozenset[str] = frozenset("government police army court party".split())
#: Occupations that are no office: a person introduced as a "singer" is not "the judge" or
#: "the minister" of a later sentence.
OCCUPATIONS: frozenset[str] = frozenset(
    """singer actor actress star rapper musician guitarist drummer bassist frontman
    frontwoman songwriter comedian presenter writer author novelist poet artist dancer model
    striker midfielder defender goalkeeper winger player athlete sprinter runner boxer jockey
    golfer cyclist swimmer champion""".split()
)
#: Head nouns before a person's name in apposition: a role or an occupation ("midfielder Edu").
PERSON_ROLES: frozenset[str] = ROLE_NOUNS | OCCUPATIONS
DETERMINERS: frozenset[str] = frozenset("the a an this that these those one another".split())
#: Nouns of nationality or standing the model types into a person's name ("Frenchman Ronald
#: Pognon", "Olympian Tomlinson"); none of them is a first name (unlike "Scot", "Dane", "Finn").
DEMONYMS: frozenset[str] = frozenset(
    """frenchman frenchwoman englishman englishwoman welshman welshwoman scotsman scotswoman
    irishman irishwoman dutchman dutchwoman olympian briton spaniard swede kiwi aussie
    frenchmen englishmen welshmen scotsmen irishmen dutchmen""".split()
)
#: Words of a party or standing written before a name, never part of it ("Fellow Lib Dem
#: Norman Baker", "former Tory MP …", "shadow minister …").
AFFILIATIONS: frozenset[str] = frozenset(
    """fellow former ex shadow veteran lib dem dems labour tory tories conservative liberal
    democrat democratic republican snp ukip plaid green unionist independent
    defender striker midfielder goalkeeper keeper skipper winger forward singer actor actress
    star rapper producer writer author presenter backbencher campaigner activist businessman
    businesswoman tycoon entrepreneur comedian novelist journalist columnist lawyer barrister
    solicitor economist broadcaster""".split()
)


@cache
def cue_forms() -> frozenset[str]:
    """Every inflected form of the cue verbs in resources/cue_verbs.txt, lowercased."""
    forms: set[str] = set()
    with resource_path("cue_verbs.txt").open(encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip().lower()
            forms.update(line.split())
    return frozenset(forms)


#: Words of a party, standing, role or occupation written before a name, never a first name
#: ("Fellow Lib Dem X", "Boss Graeme Souness", "Songwriter Guy Chambers", "Model Caprice").
ROLE_WORDS: frozenset[str] = AFFILIATIONS | ROLE_NOUNS | OCCUPATIONS
#: Lowercase words inside names ("Ludwig van Beethoven", "Luis de la Fuente").
NAME_PARTICLES: frozenset[str] = frozenset(
    "de da di du des van von der den ter ten la le del della dos das bin ibn al el y".split()
)


def strip_affiliations(words: list[str]) -> list[str]:
    """Drop a party or standing before a person's name: "Fellow Lib Dem Norman Baker", and
    a role the model took into the name ("Perpignan centre Jean-Philippe Granclaude": a
    lowercase word that is no name particle ends what comes before the name)."""
    lower = [k for k, w in enumerate(words[:-1]) if w.isalpha() and w.islower()]
    lower = [k for k in lower if words[k] not in NAME_PARTICLES]
    out = list(words[lower[-1] + 1 :] if lower else words)
    while len(out) > 2 and out[0].lower() in ROLE_WORDS:
        out.pop(0)  # "Songwriter Guy Chambers"
    if len(out) > 1 and out[0].lower() in DEMONYMS:  # "Olympian Tomlinson", "Welshman X"
        out.pop(0)
    return out


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading titles and determiners ("Mr", "Sir", "the") and trailing letters ("QC")
    from a name's words."""
    out = list(words)
    # "GDC Mr Allard", "US President Mr Bush": an honorific inside starts the name
    inner = [k for k in range(1, len(out) - 1) if out[k].lower() in HONORIFICS]
    if inner:
        out = out[inner[-1] :]
    while len(out) > 1 and out[0].lower().rstrip(".") in TITLES | DETERMINERS:
        out.pop(0)
    while out and out[-1] in ("'s", "’s", "'", "’"):
        out.pop()
    while len(out) > 2 and out[-1].lower() in POSTNOMINALS and out[-1][:1].isupper():
        out.pop()
    return out
