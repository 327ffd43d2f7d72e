using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharingHub.Testing;
using SharingHub.Tests.Stories;
using SharingHub.Tests.Webinars;

namespace SharingHub.Tests.Pages;

public sealed class WebinarPageTests
{
    private static readonly DateTimeOffset September = new(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task PublishedEpisodeShowsTheRecordingWithCaptionsChaptersSlidesAndTranscript()
    {
        await using var hub = await HubApp.StartAsync();
        var episode = await hub.EpisodeAsync("published", September);
        await hub.CreateClient().UploadFilesAsync(episode.Id);

        var page = await hub.GetPageAsync($"/webinarer/{episode.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var document = page.Document;
        var video = document.QuerySelector("video")!;
        Assert.Equal($"/webinarer/{episode.Id}/opptak", video.GetAttribute("src"));
        var track = video.QuerySelector("track")!;
        Assert.Equal(("captions", "nb", $"/webinarer/{episode.Id}/teksting.vtt"), (track.GetAttribute("kind"), track.GetAttribute("srclang"), track.GetAttribute("src")));
        Assert.Equal("Norsk (automatisk teksting, kan inneholde feil)", track.GetAttribute("label"));
        Assert.Equal(
            [$"/webinarer/{episode.Id}/opptak#t=0", $"/webinarer/{episode.Id}/opptak#t=300"],
            document.QuerySelectorAll(".hub-chapters a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Se fra 5:00", document.QuerySelectorAll(".hub-chapters a")[1].TextContent);
        Assert.NotNull(document.GetElementById(episode.PresentationId(1)));
        Assert.NotNull(document.QuerySelector($"a[href='/webinarer/{episode.Id}/lysark']"));
        var transcript = document.QuerySelectorAll(".hub-transcript dt a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("0:01", $"/webinarer/{episode.Id}/opptak#t=1"), ("0:05", $"/webinarer/{episode.Id}/opptak#t=5"), ("5:00", $"/webinarer/{episode.Id}/opptak#t=300")], transcript);
        Assert.Contains("Kari Nordmann: I dag handler det om bibliotek & bærekraft.", document.QuerySelector(".hub-transcript")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("kan inneholde feil", document.QuerySelector("#utskrift ~ p")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("kari@example.no", page.Html, StringComparison.Ordinal);
        var policy = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches(@"media-src 'self' http://127\.0\.0\.1:\d+(;|$)", policy); // the redirect's target: Blob Storage
    }

    [Fact]
    public async Task RecordingAndSlidesRedirectToAShortLivedReadLinkThatNobodyCaches()
    {
        await using var hub = await HubApp.StartAsync();
        var episode = await hub.EpisodeAsync("published", September);
        await hub.CreateClient().UploadFilesAsync(episode.Id);
        using var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Remove("X-Api-Key"); // the public

        foreach (var (path, expected) in new[] { ("opptak", WebinarTestData.Mp4()), ("lysark", WebinarTestData.Pdf()) })
        {
            var response = await client.GetAsync($"/webinarer/{episode.Id}/{path}");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var location = response.Headers.Location!;
            Assert.Contains("sp=r", location.Query, StringComparison.Ordinal);
            Assert.Contains("se=", location.Query, StringComparison.Ordinal);
            using var storage = new HttpClient();
            Assert.Equal(expected, await storage.GetByteArrayAsync(location));
        }
    }

    [Fact]
    public async Task CaptionsAreServedFromTheHubAsWebVttMarkedAutomatic()
    {
        await using var hub = await HubApp.StartAsync();
        var episode = await hub.EpisodeAsync("published", September);
        await hub.CreateClient().UploadFilesAsync(episode.Id);
        using var client = hub.CreateAnonymousClient();

        var response = await client.GetAsync($"/webinarer/{episode.Id}/teksting.vtt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vtt", response.Content.Headers.ContentType?.MediaType);
        var vtt = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("WEBVTT\n\nNOTE\nAutomatisk generert teksting", vtt, StringComparison.Ordinal);
        Assert.Contains("00:00:05.000 --> 00:00:07.000\n<v Kari Nordmann>I dag handler det om bibliotek &amp; bærekraft.\n", vtt, StringComparison.Ordinal);
        Assert.Contains("00:05:00.000 --> 00:05:03.000\n<v Ola Nordmann>Biblioteket er en bærekraftsarena.\n", vtt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EpisodesNotPublishedAndTheirFilesAreNotFound()
    {
        await using var hub = await HubApp.StartAsync();
        var held = await hub.EpisodeAsync("held", September, "Holdt, ikke publisert");
        var pastPlan = await hub.EpisodeAsync("planned", September, "Planlagt, men passert");
        // Upcoming, but not yet published by its organisers: the API and the digests keep it to themselves, so do the pages.
        var futurePlan = await hub.EpisodeAsync("planned", hub.Clock.GetUtcNow().AddDays(10), "Planlagt, ikke publisert");
        await hub.CreateClient().UploadFilesAsync(held.Id);

        foreach (var path in new[]
        {
            $"/webinarer/{held.Id}", $"/webinarer/{held.Id}/opptak", $"/webinarer/{held.Id}/lysark", $"/webinarer/{held.Id}/teksting.vtt",
            $"/webinarer/{pastPlan.Id}", $"/webinarer/{pastPlan.Id}/kalender.ics", $"/webinarer/{held.Id}/kalender.ics", "/webinarer/finnes-ikke",
            $"/webinarer/{futurePlan.Id}", $"/webinarer/{futurePlan.Id}/kalender.ics",
        })
        {
            var page = await hub.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
        }
        var list = await hub.GetPageAsync("/webinarer");
        Assert.DoesNotContain("Holdt, ikke publisert", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Planlagt, men passert", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Planlagt, ikke publisert", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Planlagt, ikke publisert", (await hub.GetPageAsync("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpcomingEpisodeOffersTheTeamsLinkAndACalendarFile()
    {
        await using var hub = await HubApp.StartAsync();
        var startsAt = hub.Clock.GetUtcNow().AddDays(10);
        var upcoming = await hub.EpisodeAsync("published", startsAt, "Bærekraftsfredag: klima, mat; og mer");
        using var client = hub.CreateAnonymousClient();

        var list = await hub.GetPageAsync("/webinarer");
        var page = await hub.GetPageAsync($"/webinarer/{upcoming.Id}");
        var home = await hub.GetPageAsync("/");
        var ics = await client.GetAsync($"/webinarer/{upcoming.Id}/kalender.ics");

        Assert.NotNull(list.Document.QuerySelector($"#kommende ~ ul a[href='/webinarer/{upcoming.Id}/kalender.ics']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='https://teams.microsoft.com/l/meetup-join/sidetest']"));
        Assert.Null(page.Document.QuerySelector("video"));
        Assert.NotNull(home.Document.QuerySelector($"#neste-episode ~ div a[href='/webinarer/{upcoming.Id}']"));
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        var lines = calendar.Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains($"DTSTART:{startsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", lines);
        Assert.Contains("SUMMARY:Bærekraftsfredag: klima\\, mat\\; og mer", lines);
        Assert.Contains("URL:https://teams.microsoft.com/l/meetup-join/sidetest", lines);
        Assert.All(lines, line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task StoryPresentedAtBaerekraftsfredagLinksToItsChapter()
    {
        await using var hub = await HubApp.StartAsync();
        var episode = await hub.EpisodeAsync("published", September);
        using var admin = hub.CreateClient();
        var created = await admin.PostAsJsonAsync($"/api/webinars/{episode.Id}/presentations/{episode.PresentationId(1)}/story",
            new { network = "nasjonalt", kommunenummer = "1506" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var storyId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Text("id");
        await admin.ActAsync(storyId, "submit");
        await admin.ActAsync(storyId, "publish");

        var story = await hub.GetPageAsync($"/historier/{storyId}");
        var chapter = await hub.GetPageAsync($"/webinarer/{episode.Id}");

        var link = story.Document.QuerySelector($"a[href='/webinarer/{episode.Id}#{episode.PresentationId(1)}']")!;
        Assert.Contains("25. september 2026", link.TextContent, StringComparison.Ordinal);
        Assert.Contains("5:00", link.TextContent, StringComparison.Ordinal);
        Assert.NotNull(chapter.Document.GetElementById(episode.PresentationId(1))!.QuerySelector($"a[href='/historier/{storyId}']"));
    }
}
