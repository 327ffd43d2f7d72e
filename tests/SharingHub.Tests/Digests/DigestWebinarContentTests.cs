using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Webinars;

namespace SharingHub.Tests.Digests;

public sealed class DigestWebinarContentTests
{
    [Fact]
    public async Task ADigestCarriesNewRecordingsAndTheNextEpisodeOfPublishedEpisodesOnly()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        var subscription = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        var client = host.Hub.CreateClient();
        var now = host.Hub.Clock.GetUtcNow();
        var held = await CreateEpisodeAsync(client, "Bærekraftsfredag september: bibliotek og bærekraft", now.AddDays(-3), "published");
        await CreateEpisodeAsync(client, "Bærekraftsfredag oktober: klimabudsjett", now.AddDays(25), "published");
        var draft = await CreateEpisodeAsync(client, "Utkast: hemmelig episode", now.AddDays(10), "planned", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_utkast");
        var unpublished = await CreateEpisodeAsync(client, "Internt opptak", now.AddDays(-2), "held");
        await UploadRecordingAsync(client, held);
        await UploadRecordingAsync(client, unpublished);
        await DigestScenario.PublishAsync(host, "Ny historie fra Asker", goal: 3);

        var preview = await client.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscription}/digest/preview");
        var html = preview.GetProperty("request").GetProperty("body").GetProperty("body").GetProperty("content").GetString()!;

        Assert.Contains("Bærekraftsfredag september: bibliotek og bærekraft", html);
        Assert.Contains($"href=\"https://hub.example.no/webinarer/{held}\"", html); // the episode's page, where the recording plays
        Assert.Contains("Bærekraftsfredag oktober: klimabudsjett", html);
        Assert.DoesNotContain("Internt opptak", html);
        Assert.DoesNotContain("hemmelig episode", html); // planned, not published: the public gets 404 for it
        Assert.DoesNotContain("meeting_utkast", html);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Hub.CreateAnonymousClient().GetAsync($"/api/webinars/{draft}")).StatusCode);
    }

    private static async Task<string> CreateEpisodeAsync(HttpClient client, string title, DateTimeOffset startsAt, string status,
        string teamsUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo")
    {
        var response = await client.PostAsJsonAsync("/api/webinars", new { title, startsAt = startsAt.ToString("yyyy-MM-ddTHH:mm:sszzz"), status, teamsUrl });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task UploadRecordingAsync(HttpClient client, string webinarId)
    {
        var mp4 = WebinarTestData.Mp4();
        var ticket = await WebinarTestData.TicketAsync(client, webinarId, "recording", "opptak.mp4", "video/mp4", mp4.Length);
        await WebinarTestData.UploadThroughAsync(ticket, mp4);
        await WebinarTestData.CompleteAndWaitAsync(client, webinarId, ticket);
    }
}
