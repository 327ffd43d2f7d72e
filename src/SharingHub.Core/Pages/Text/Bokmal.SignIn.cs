namespace SharingHub.Pages.Text;

public static partial class Bokmal
{
    private static SignInText SignInTexts => new()
    {
        Title = "Logg inn",
        Intro = "Logg inn for å skrive og publisere historier, laste opp webinarer og velge hva kommunen får i Teams.",
        WithMicrosoft = "Logg inn med Microsoft",
        MicrosoftHint = "Bruk jobbkontoen din i kommunen eller nettverket.",
        MicrosoftFailed = "Innloggingen med Microsoft ble avbrutt eller mislyktes. Prøv igjen.",
        KeyHeading = "Logg inn med API-nøkkel",
        KeyLabel = "API-nøkkel",
        KeyHint = "For lokal bruk, demo og kontoer uten Microsoft-innlogging. Nøkkelen lagres ikke i nettleseren.",
        KeyButton = "Logg inn med nøkkel",
        KeyRequired = "Skriv inn API-nøkkelen.",
        KeyInvalid = "Nøkkelen er ikke gyldig: den er ukjent, trukket tilbake eller utløpt.",
        SignedInAs = "Du er logget inn som {0}.",
        SignOut = "Logg ut",
        ToWorkspace = "Gå til arbeidsflaten",
        SignInLink = "Logg inn",
        UnauthorizedTitle = "Du må logge inn",
        UnauthorizedText = "Denne siden krever innlogging, eller innloggingen din er utløpt.",
        ForbiddenTitle = "Ingen tilgang",
        ForbiddenText = "Du er logget inn, men har ikke tilgang til dette. Spør en administrator eller sekretariatet i nettverket ditt om tilgang.",
        BadRequestTitle = "Noe var galt med forespørselen",
        BadRequestText = "Vi kunne ikke lese det som ble sendt. Gå tilbake og prøv igjen.",
        FormExpiredTitle = "Skjemaet er utløpt",
        FormExpiredText = "Skjemaet kunne ikke sendes fordi sikkerhetskoden mangler eller er utløpt. Gå tilbake, last inn siden på nytt og prøv igjen.",
        ConflictTitle = "Noen andre har endret dette",
        ConflictText = "Det du prøvde å endre, er endret eller flyttet i mellomtiden. Last inn siden på nytt og prøv igjen.",
        TooManyTitle = "For mange forespørsler",
        TooManyText = "Vent litt og prøv igjen.",
        UnavailableTitle = "Tjenesten er midlertidig utilgjengelig",
        UnavailableText = "Prøv igjen om litt.",
        ServerErrorTitle = "Noe gikk galt hos oss",
        ServerErrorText = "Feilen er logget. Prøv igjen, og si fra til driftsteamet hvis det skjer igjen.",
    };
}
