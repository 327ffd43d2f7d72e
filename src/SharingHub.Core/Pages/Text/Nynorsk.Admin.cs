namespace SharingHub.Pages.Text;

public static partial class Nynorsk
{
    private static AdminText AdminTexts => new()
    {
        KeysTitle = "API-nøklar",
        KeysIntro = "Nøklar gir systema til nettverka tilgang til API-et. Ein ny nøkkel blir berre vist éin gong: kopier han og gi han vidare på ein trygg måte.",
        NewKeyHeading = "Skriv ut ein ny nøkkel",
        KeyName = "Namn",
        KeyRole = "Rolle",
        KeyScopes = "Nettverk eller kommunenummer",
        KeyScopesHint = "For sekretariat: id-en til nettverket. For abonnent: kommunenummer. Skil fleire med komma. Tomt for administrator og arrangør.",
        KeyExpires = "Går ut",
        KeyExpiresHint = "Dato (åååå-mm-dd). Tomt: om eitt år. Høgst to år fram.",
        IssueKey = "Skriv ut nøkkel",
        NewKeyShownOnce = "Den nye nøkkelen (blir berre vist no):",
        KeysHeading = "Nøklar",
        NoKeys = "Ingen nøklar er skrivne ut enno.",
        Created = "Skriven ut",
        Expires = "Går ut",
        Revoked = "Trekt tilbake",
        Active = "Aktiv",
        Revoke = "Trekk tilbake",
        Rotate = "Roter",
        KeyErrors = new Dictionary<string, string>
        {
            ["navn"] = "Skriv eit namn på éi linje (høgst 200 teikn).",
            ["rolle"] = "Vel ei rolle.",
            ["omfang"] = "Oppgi registrerte nettverk (sekretariat) eller kommunenummer (abonnent); ingen for administrator og arrangør.",
            ["utloper"] = "Vel ein dato fram i tid, høgst to år fram.",
        },
    };
}
