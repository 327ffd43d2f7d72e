using SharingHub.Access;

namespace SharingHub.Pages.Text;

public static partial class Bokmal
{
    private static WorkspaceText WorkspaceTexts => new()
    {
        Common = new()
        {
            HeaderLink = "Arbeidsflate",
            Title = "Arbeidsflate",
            Intro = "Her skriver, importerer og godkjenner du historier, legger ut webinarer og velger hva kommunens Teams-kanal skal få.",
            MenuLabel = "Arbeidsflate",
            SignedInAs = "Logget inn som {0}",
            YourRoles = "Dine roller",
            NoRoles = "Du har ingen roller ennå. Be sekretariatet i nettverket ditt om en invitasjon.",
            RoleNames = new Dictionary<Role, string>
            {
                [Role.Admin] = "administrator",
                [Role.Secretariat] = "sekretariat",
                [Role.Organiser] = "arrangør",
                [Role.Subscriber] = "abonnent",
            },
            Menu = new Dictionary<string, (string, string)>
            {
                ["/arbeid"] = ("Oversikt", "Det du kan gjøre i idébanken."),
                ["/arbeid/historier"] = ("Historier", "Nettverkets historier i alle statuser: utkast, til godkjenning, publisert og trukket tilbake."),
                ["/arbeid/historier/ny"] = ("Ny historie", "Skriv en ny historie med oppskrift, mål og resultater."),
                ["/arbeid/import"] = ("Import", "Last opp et regneark (CSV) eller en NDJSON-fil med mange historier."),
                ["/arbeid/moderering"] = ("Moderering", "Forslag som venter: godta, godkjenn med endringer eller avvis med begrunnelse."),
                ["/arbeid/kilder"] = ("Nyhetskilder", "Nyhetsstrømmer som hentes automatisk, med logg over hentingene."),
                ["/arbeid/webinarer"] = ("Webinarer", "Bærekraftsfredag: episoder, innlegg, opptak, lysark og teksting."),
                ["/arbeid/abonnementer"] = ("Abonnementer", "Hva kommunens Teams-kanaler skal få i sammendraget."),
                ["/arbeid/leveranser"] = ("Leveranser", "Sendte og feilede sammendrag."),
                ["/arbeid/teams"] = ("Teams", "Koble til kommunens Teams og velg team og kanal."),
                ["/arbeid/medlemmer"] = ("Medlemmer", "Inviter personer og gi dem roller."),
                ["/arbeid/nokler"] = ("API-nøkler", "Utsted, roter og trekk tilbake nøkler for nettverkenes egne systemer."),
                ["/arbeid/logg"] = ("Revisjonslogg", "Hvem endret hva, og når."),
                ["/arbeid/sletting"] = ("Sletting", "Slett en persons opplysninger fra idébanken."),
            },
            ErrorSummaryHeading = "Rett opp dette før du går videre:",
            Save = "Lagre",
            Cancel = "Avbryt",
        },
        SignIn = SignInTexts,
        Secretariat = SecretariatTexts,
        Organiser = OrganiserTexts,
        Subscriber = SubscriberTexts,
        Admin = AdminTexts,
    };
}
