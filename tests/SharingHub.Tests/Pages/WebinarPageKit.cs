using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Testing;
using SharingHub.Tests.Webinars;
using SharingHub.Webinars;

namespace SharingHub.Tests.Pages;

/// <summary>Episodes for the page tests: created through the service, their files uploaded and completed through the API.</summary>
internal static class WebinarPageKit
{
    public static Task<Webinar> EpisodeAsync(this HubApp hub, string status, DateTimeOffset startsAt, string title = "Bærekraftsfredag: bibliotek, mat og klima") =>
        hub.Services.GetRequiredService<WebinarService>().CreateAsync(new WebinarDraft
        {
            Title = title,
            StartsAt = startsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            Description = "Korte innlegg om bibliotek og matsvinn.",
            Audience = ["bibliotek", "skoler"],
            TeamsUrl = "https://teams.microsoft.com/l/meetup-join/sidetest",
            Status = status,
            Presentations =
            [
                new PresentationDraft { Title = "Bibliotek og bærekraft", Speakers = [new SpeakerDraft("Kari Nordmann", "Møre og Romsdal fylkesbibliotek", "kari@example.no")], OffsetSeconds = 0 },
                new PresentationDraft { Title = "Finn løsninger", Speakers = [new SpeakerDraft("Ola Nordmann", "LUP")], OffsetSeconds = 300 },
            ],
        }, CancellationToken.None);

    /// <summary>Uploads a recording, slides and the captions to an episode, each completed (checked) by the hub.</summary>
    public static async Task UploadFilesAsync(this HttpClient admin, string webinarId)
    {
        foreach (var (kind, name, type, bytes) in new[]
        {
            ("recording", "opptak.mp4", "video/mp4", WebinarTestData.Mp4()),
            ("slides", "lysark.pdf", "application/pdf", WebinarTestData.Pdf()),
            ("captions", "teksting.vtt", "text/vtt", WebinarTestData.Vtt()),
        })
        {
            var ticket = await WebinarTestData.TicketAsync(admin, webinarId, kind, name, type, bytes.Length);
            await WebinarTestData.UploadThroughAsync(ticket, bytes);
            var body = await WebinarTestData.CompleteAndWaitAsync(admin, webinarId, ticket);
            Assert.Equal("available", body.GetProperty("status").GetString());
        }
    }

    public static string PresentationId(this Webinar webinar, int index) => webinar.Presentations[index].Id;

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
