namespace SharingHub.Pages.Text;

/// <summary>The pages' own words in bokmål. Nynorsk goes beside this file as its own instance.</summary>
public static class Bokmal
{
    public static PageText Text { get; } = new()
    {
        Lang = "nb",
        SiteName = "Idébank for bærekraft",
        SiteTagline = "Tiltak og erfaringer fra kommunene i bærekraftsnettverket",
        SkipToContent = "Gå til hovedinnhold",
        MainNavigation = "Hovedmeny",
        NavHome = "Forside",
        NavStories = "Historier",
        FooterAbout = "Idébanken samler historier og tiltak fra det nasjonale bærekraftsnettverket for kommunesektoren og de regionale nettverkene, slik at andre kan ta dem i bruk.",
        FooterAccessibility = "Tilgjengelighetserklæring",
        FooterApi = "Åpent API for nettverkenes egne systemer: /api",

        HomeTitle = "Idébank for bærekraft",
        HomeIntro = "Finn tiltak som andre kommuner har prøvd ut, med oppskrift, resultater og erfaringer. Bla etter bærekraftsmål, fylke, kommune eller nettverk.",
        SearchLabel = "Søk i historier og webinarer",
        SearchButton = "Søk",
        NewestStories = "Nyeste historier",
        AllStories = "Se alle historier",
        NoStoriesYet = "Ingen historier er publisert ennå.",
        NextEpisode = "Neste Bærekraftsfredag",
        NoEpisodePlanned = "Ingen ny Bærekraftsfredag er satt opp ennå.",
        JoinInTeams = "Bli med i Teams",
        GoalsHeading = "Bærekraftsmålene",
        GoalsIntro = "Historier ordnet etter FNs 17 bærekraftsmål.",
        CountiesHeading = "Fylker og kommuner",
        CountiesIntro = "Velg et fylke for å se historiene og kommunene der.",
        NetworksHeading = "Nettverk",
        NetworksIntro = "Det nasjonale nettverket og de regionale bærekraftsnettverkene.",

        StoriesTitle = "Historier",
        StoriesIntro = "Publiserte historier og tiltak, nyeste først. Avgrens med filtrene.",
        FiltersHeading = "Filtrer historiene",
        FilterGoal = "Bærekraftsmål",
        FilterTarget = "Delmål",
        FilterTargetHint = "Nummeret på et av FNs 169 delmål, for eksempel 12.3",
        FilterKommune = "Kommune",
        FilterKommuneHint = "Kommunenummer eller navn, for eksempel 3203 eller Asker",
        FilterFylke = "Fylke",
        FilterNetwork = "Nettverk",
        FilterSector = "Sektor",
        FilterAny = "Alle",
        FilterApply = "Vis historier",
        FilterClear = "Fjern filtrene",
        ErrorSummaryHeading = "Rett opp dette for å se historiene:",
        FilterErrors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["goal"] = "Velg et bærekraftsmål fra listen.",
            ["target"] = "Skriv nummeret på et av FNs 169 delmål, for eksempel 12.3.",
            ["kommune"] = "Skriv et kommunenummer med fire sifre eller navnet på en kommune, for eksempel 3203 eller Asker.",
            ["fylke"] = "Velg et fylke fra listen.",
            ["network"] = "Velg et nettverk fra listen.",
            ["sector"] = "Velg en sektor fra listen.",
            ["continuationToken"] = "Lenken til neste side er ikke gyldig lenger. Start på første side.",
        },

        ResultsHeading = "Treff",
        NoMatches = "Ingen publiserte historier passer med filtrene.",
        Pagination = "Sider",
        NextPage = "Neste side",
        FirstPage = "Første side",

        PublishedOn = "Publisert",
        Municipality = "Kommune",
        County = "Fylke",
        Network = "Nettverk",
        Organisation = "Virksomhet",
        Sector = "Sektor",
        AboutTheStory = "Om tiltaket",
        RecipeHeading = "Slik gjorde de det",
        TargetGroupHeading = "Målgruppe",
        InvolvementHeading = "Slik ble målgruppen involvert",
        NoveltyHeading = "Hvor nytt er tiltaket",
        ResourcesHeading = "Ressursbruk",
        ResultsOfStory = "Resultater",
        LessonsHeading = "Erfaringer",
        GoalsOfStory = "Bærekraftsmål",
        OfficialTargets = "FNs delmål",
        OfficialTargetsNote = "Delmålene har bare offisiell tekst på engelsk.",
        LocalTargets = "Kommunens egne delmål",
        LocalTargetOwner = "Eget delmål for {0}",
        LinksHeading = "Lenker",
        PresentedAt = "Presentert på Bærekraftsfredag",
        PresentedAtLink = "Se innlegget fra Bærekraftsfredag {0} (starter {1} ut i opptaket)",

        GoalLabel = "Mål",
        GoalTargetsHeading = "Delmål",
        StoriesForGoal = "Historier om dette målet",
        StoriesInMunicipality = "Historier fra kommunen",
        StoriesInCounty = "Historier fra fylket",
        MunicipalitiesInCounty = "Kommuner i fylket",
        StoriesInNetwork = "Historier fra nettverket",
        NetworkCounties = "Fylker i nettverket",
        NationalNetwork = "Nasjonalt nettverk",
        SeeAllMatching = "Se alle og filtrer videre",
        CountyOf = "i",

        NotFoundTitle = "Fant ikke siden",
        NotFoundText = "Siden finnes ikke, eller den er ikke publisert.",
        BackToHome = "Gå til forsiden",

        Sectors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kindergarten"] = "Barnehage",
            ["school"] = "Skole",
            ["library"] = "Bibliotek",
            ["health"] = "Helse og omsorg",
            ["technical"] = "Tekniske tjenester",
            ["planning"] = "Plan og utvikling",
            ["culture"] = "Kultur",
            ["administration"] = "Administrasjon",
            ["business"] = "Næringsliv",
            ["other"] = "Annet",
        },
        Novelties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["new"] = "Nytt tiltak",
            ["developed"] = "Videreutviklet tiltak",
            ["existing"] = "Kjent tiltak tatt i bruk",
        },
        ResourceLevels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["small"] = "Lite: kan gjøres innenfor vanlig drift",
            ["medium"] = "Middels: krever noe tid eller penger",
            ["large"] = "Stort: krever egen finansiering",
        },

        Months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],

        Accessibility = new AccessibilityStatement(
            "Tilgjengelighetserklæring",
            "Idébanken skal kunne brukes av alle. Sidene er laget for å oppfylle kravene i forskrift om universell utforming av IKT-løsninger, det vil si de 47 suksesskriteriene i WCAG 2.1 på nivå A og AA som forskriften krever.",
            [
                new StatementSection("Slik har vi laget sidene",
                [
                    "Sidene lages på serveren og kan leses uten JavaScript. De bruker Designsystemet fra Digitaliseringsdirektoratet, som er laget for universell utforming.",
                    "Alle sider har en lenke for å hoppe til hovedinnholdet, én hovedoverskrift, overskrifter i riktig rekkefølge og landemerker for topp, hovedinnhold og bunn. Skjemafelt har ledetekster, og feil vises samlet øverst med lenke til feltet.",
                    "Tekst har minst 4,5:1 kontrast mot bakgrunnen, også på flisene for bærekraftsmålene, der tekstfargen velges for hver flis. Sidene kan forstørres og leses på skjermer ned til 320 piksler brede uten vannrett rulling.",
                ]),
                new StatementSection("Slik tester vi",
                [
                    "Hver sidetype testes automatisk i en nettleser med axe-core mot WCAG 2.0 og 2.1 nivå A og AA, både på en bred skjerm og på 320 piksler. Vi tester også at sidene kan brukes med tastatur.",
                ]),
                new StatementSection("Kjente mangler",
                [
                    "Teksting av webinaropptak lages automatisk og kan inneholde feil. Vi merker tekstingen som automatisk.",
                    "Historiene skrives av kommunene og nettverkene selv. Vi kan ikke garantere at lenker i historiene går til tilgjengelige nettsider.",
                ]),
                new StatementSection("Gi oss beskjed",
                [
                    "Møter du hindringer på sidene, vil vi gjerne vite det. Kontakt sekretariatet i det nasjonale bærekraftsnettverket.",
                    "Du kan også melde fra til Tilsynet for universell utforming av IKT (Uutilsynet) hos Digitaliseringsdirektoratet.",
                ]),
            ]),
    };
}
