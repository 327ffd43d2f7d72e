using SharingHub.Access;

namespace SharingHub.Pages.Text;

public static partial class Nynorsk
{
    private static WorkspaceText WorkspaceTexts => new()
    {
        Common = new()
        {
            HeaderLink = "Arbeidsflate",
            Title = "Arbeidsflate",
            Intro = "Her skriv, importerer og godkjenner du historier, legg ut webinar og vel kva Teams-kanalen til kommunen skal få.",
            MenuLabel = "Arbeidsflate",
            SignedInAs = "Logga inn som {0}",
            YourRoles = "Rollene dine",
            NoRoles = "Du har ingen roller enno. Be sekretariatet i nettverket ditt om ein invitasjon.",
            RoleNames = new Dictionary<Role, string>
            {
                [Role.Admin] = "administrator",
                [Role.Secretariat] = "sekretariat",
                [Role.Organiser] = "arrangør",
                [Role.Subscriber] = "abonnent",
            },
            Menu = new Dictionary<string, (string, string)>
            {
                ["/arbeid"] = ("Oversikt", "Det du kan gjere i idébanken."),
                ["/arbeid/historier"] = ("Historier", "Historiene til nettverket i alle statusar: utkast, til godkjenning, publisert og trekte tilbake."),
                ["/arbeid/historier/ny"] = ("Ny historie", "Skriv ei ny historie med oppskrift, mål og resultat."),
                ["/arbeid/import"] = ("Import", "Last opp eit rekneark (CSV) eller ei NDJSON-fil med mange historier."),
                ["/arbeid/moderering"] = ("Moderering", "Forslag som ventar: godta, godkjenn med endringar eller avvis med grunngjeving."),
                ["/arbeid/kilder"] = ("Nyheitskjelder", "Nyheitsstraumar som blir henta automatisk, med logg over hentingane."),
                ["/arbeid/webinarer"] = ("Webinar", "Bærekraftsfredag: episodar, innlegg, opptak, lysark og teksting."),
                ["/arbeid/abonnementer"] = ("Abonnement", "Kva Teams-kanalane til kommunen skal få i samandraget."),
                ["/arbeid/leveranser"] = ("Leveransar", "Sende og feila samandrag."),
                ["/arbeid/teams"] = ("Teams", "Kople til Teams for kommunen og vel team og kanal."),
                ["/arbeid/medlemmer"] = ("Medlemmer", "Inviter personar og gi dei roller."),
                ["/arbeid/nokler"] = ("API-nøklar", "Skriv ut, roter og trekk tilbake nøklar for systema til nettverka."),
                ["/arbeid/logg"] = ("Revisjonslogg", "Kven endra kva, og når."),
                ["/arbeid/sletting"] = ("Sletting", "Slett opplysningane om ein person frå idébanken."),
            },
            ErrorSummaryHeading = "Rett opp dette før du går vidare:",
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
