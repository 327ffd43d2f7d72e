namespace SharingHub.Pages.Text;

public static partial class Nynorsk
{
    private static SignInText SignInTexts => new()
    {
        Title = "Logg inn",
        Intro = "Logg inn for å skrive og publisere historier, lasta opp webinar og velja kva kommunen får i Teams.",
        WithMicrosoft = "Logg inn med Microsoft",
        MicrosoftHint = "Bruk jobbkontoen din i kommunen eller nettverket.",
        MicrosoftFailed = "Innlogginga med Microsoft vart avbroten eller mislukkast. Prøv igjen.",
        KeyHeading = "Logg inn med API-nøkkel",
        KeyLabel = "API-nøkkel",
        KeyHint = "For lokal bruk, demo og kontoar utan Microsoft-innlogging. Nøkkelen vert ikkje lagra i nettlesaren.",
        KeyButton = "Logg inn med nøkkel",
        KeyRequired = "Skriv inn API-nøkkelen.",
        KeyInvalid = "Nøkkelen er ikkje gyldig: han er ukjend, trekt tilbake eller gått ut.",
        SignedInAs = "Du er logga inn som {0}.",
        SignOut = "Logg ut",
        ToWorkspace = "Gå til arbeidsflata",
        SignInLink = "Logg inn",
        UnauthorizedTitle = "Du må logga inn",
        UnauthorizedText = "Denne sida krev innlogging, eller innlogginga di har gått ut.",
        ForbiddenTitle = "Inga tilgang",
        ForbiddenText = "Du er logga inn, men har ikkje tilgang til dette. Spør ein administrator eller sekretariatet i nettverket ditt om tilgang.",
        BadRequestTitle = "Noko var gale med førespurnaden",
        BadRequestText = "Vi kunne ikkje lesa det som vart sendt. Gå tilbake og prøv igjen.",
        FormExpiredTitle = "Skjemaet har gått ut",
        FormExpiredText = "Skjemaet kunne ikkje sendast fordi tryggingskoden manglar eller har gått ut. Gå tilbake, last inn sida på nytt og prøv igjen.",
        ConflictTitle = "Nokon andre har endra dette",
        ConflictText = "Det du prøvde å endra, er endra eller flytta i mellomtida. Last inn sida på nytt og prøv igjen.",
        TooManyTitle = "For mange førespurnader",
        TooManyText = "Vent litt og prøv igjen.",
        UnavailableTitle = "Tenesta er mellombels utilgjengeleg",
        UnavailableText = "Prøv igjen om litt.",
        ServerErrorTitle = "Noko gjekk gale hos oss",
        ServerErrorText = "Feilen er logga. Prøv igjen, og sei frå til driftsteamet om det skjer igjen.",
    };
}
