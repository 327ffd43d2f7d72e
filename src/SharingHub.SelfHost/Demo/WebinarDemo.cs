using SharingHub.Webinars;

namespace SharingHub.SelfHost.Demo;

/// <summary>
/// September's Bærekraftsfredag, as it was presented: Møre og Romsdal's "Bibliotek og bærekraft", Trøndelag's regional
/// network, Asker's idea bank for kindergartens and LUP's "Finn løsninger". Added once; a restart finds it by its start time.
/// </summary>
internal sealed class WebinarDemoSeeder(WebinarService webinars, ILogger<WebinarDemoSeeder> logger) : IHostedService
{
    private static readonly DateTimeOffset StartsAt = new(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(2));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var existing = await webinars.ListAsync(StartsAt, StartsAt.AddMinutes(1), status: null, cancellationToken);
        if (existing.Count > 0)
        {
            return;
        }
        var episode = await webinars.CreateAsync(new WebinarDraft
        {
            Title = "Bærekraftsfredag september: bibliotek, regionale nettverk og idébank for barnehager",
            StartsAt = "2026-09-25T09:00:00+02:00",
            Description = "Fire korte innlegg om konkrete bærekraftstiltak i kommunesektoren, med spørsmål og samtale til slutt. Opptak, lysark og teksting legges ut etter sendingen.",
            Audience = ["bibliotek", "barnehager", "kommunale bærekraftskoordinatorer"],
            TeamsUrl = "https://teams.microsoft.com/l/meetup-join/baerekraftsfredag-2026-09",
            Status = "published", // a past episode whose recording is shared: what the public should see
            Presentations =
            [
                new PresentationDraft
                {
                    Title = "Bibliotek og bærekraft",
                    Speakers = [new SpeakerDraft("Fylkesbiblioteket", "Møre og Romsdal fylkeskommune")],
                    OffsetSeconds = 120,
                },
                new PresentationDraft
                {
                    Title = "Det regionale bærekraftsnettverket i Trøndelag",
                    Speakers = [new SpeakerDraft("Nettverkskoordinator", "Trøndelag fylkeskommune")],
                    OffsetSeconds = 1_080,
                },
                new PresentationDraft
                {
                    Title = "Bærekraftsidébanken for barnehager",
                    Speakers = [new SpeakerDraft("Barnehagerådgiver", "Asker kommune")],
                    OffsetSeconds = 2_040,
                },
                new PresentationDraft
                {
                    Title = "Finn løsninger",
                    Speakers = [new SpeakerDraft("Programleder", "LUP – Leverandørutviklingsprogrammet")],
                    OffsetSeconds = 3_000,
                },
            ],
        }, cancellationToken);
        logger.LogInformation("Demo data: webinar {WebinarId} added", episode.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
