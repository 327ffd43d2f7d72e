namespace SharingHub.Pages.Text;

public static partial class Bokmal
{
    private static AdminText AdminTexts => new()
    {
        KeysTitle = "API-nøkler",
        KeysIntro = "Nøkler gir nettverkenes egne systemer tilgang til API-et. En ny nøkkel vises bare én gang: kopier den og gi den videre på en trygg måte.",
        NewKeyHeading = "Utsted en ny nøkkel",
        KeyName = "Navn",
        KeyRole = "Rolle",
        KeyScopes = "Nettverk eller kommunenummer",
        KeyScopesHint = "For sekretariat: nettverkets id. For abonnent: kommunenummer. Skill flere med komma. Tomt for administrator og arrangør.",
        KeyExpires = "Utløper",
        KeyExpiresHint = "Dato (åååå-mm-dd). Tomt: om ett år. Høyst to år fram.",
        IssueKey = "Utsted nøkkel",
        NewKeyShownOnce = "Den nye nøkkelen (vises bare nå):",
        KeysHeading = "Nøkler",
        NoKeys = "Ingen nøkler er utstedt ennå.",
        Created = "Utstedt",
        Expires = "Utløper",
        Revoked = "Trukket tilbake",
        Active = "Aktiv",
        Revoke = "Trekk tilbake",
        Rotate = "Roter",
        KeyErrors = new Dictionary<string, string>
        {
            ["navn"] = "Skriv et navn på én linje (høyst 200 tegn).",
            ["rolle"] = "Velg en rolle.",
            ["omfang"] = "Oppgi registrerte nettverk (sekretariat) eller kommunenummer (abonnent); ingen for administrator og arrangør.",
            ["utloper"] = "Velg en dato fram i tid, høyst to år fram.",
        },
    };
}
