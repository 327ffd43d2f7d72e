using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Pages;

public sealed class FeedTests
{
    [Fact]
    public async Task StoryFeedIsAtomWithThePublishedStoriesOfTheSameFilter()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.PublishAsync(StoryRequests.Landoya());
        hub.Clock.Advance(TimeSpan.FromMinutes(5));
        await hub.PublishAsync(StoryRequests.Landoya().With("title", "Bibliotek som møteplass").With("goals", new JsonArray(4)).With("targets", new JsonArray()).With("localTargets", null));
        await hub.PublishAsync(StoryRequests.Landoya().With("title", "Helse").With("goals", new JsonArray(3)).With("targets", new JsonArray()).With("localTargets", null));
        await hub.DraftAsync(StoryRequests.Landoya().With("title", "Utkast om mål 4"));
        using var client = hub.CreateAnonymousClient();

        var response = await client.GetAsync("/historier.atom?goal=4&kommune=Asker");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/stories?goal=4&kommune=3203");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = await ParseAsync(response);
        Assert.Equal(api.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()), feed.Items.Select(i => i.Title.Text));
        Assert.Equal(["Bibliotek som møteplass", "Kafé Landøya: overskuddsmat blir smoothie og krutonger"], feed.Items.Select(i => i.Title.Text));
        var first = feed.Items.First();
        var id = api.GetProperty("items")[0].GetProperty("id").GetString();
        Assert.Equal($"http://localhost/historier/{id}", first.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.Equal("http://localhost/historier.atom?goal=4&kommune=Asker", feed.Id);
        Assert.Equal("http://localhost/historier?goal=4&kommune=Asker", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
    }

    [Fact]
    public async Task FeedAnswersNotModifiedToItsETagOrDateUntilSomethingIsPublished()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.PublishAsync(StoryRequests.Landoya());
        using var client = hub.CreateAnonymousClient();

        var first = await client.GetAsync("/historier.atom");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        var byTag = await SendAsync(client, r => r.Headers.IfNoneMatch.Add(etag));
        var byDate = await SendAsync(client, r => r.Headers.IfModifiedSince = lastModified);
        var otherTag = await SendAsync(client, r => r.Headers.IfNoneMatch.ParseAdd("\"something-else\""));
        hub.Clock.Advance(TimeSpan.FromMinutes(1));
        await hub.PublishAsync(StoryRequests.Landoya().With("title", "Ny historie"));
        var changed = await SendAsync(client, r => r.Headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.True(changed.Content.Headers.LastModified > lastModified);
        Assert.Equal("Ny historie", (await ParseAsync(changed)).Items.First().Title.Text);
    }

    [Fact]
    public async Task FeedWithAWrongFilterIsAProblemNamingTheField()
    {
        await using var hub = await HubApp.StartAsync();
        using var client = hub.CreateAnonymousClient();

        var response = await client.GetAsync("/historier.atom?goal=18");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["goal"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task EpisodeFeedListsPublishedEpisodesOnly()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.EpisodeAsync("published", new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(2)), "September");
        await hub.EpisodeAsync("published", new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.FromHours(1)), "Oktober");
        await hub.EpisodeAsync("held", new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(1)), "November, ikke publisert");
        using var client = hub.CreateAnonymousClient();

        var feed = await ParseAsync(await client.GetAsync("/webinarer.atom"));

        Assert.Equal(["Oktober", "September"], feed.Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task AFeedAskedForInNynorskLeadsToTheNynorskPagesAndNamesItselfConsistently()
    {
        await using var hub = await HubApp.StartAsync();
        var story = await hub.PublishAsync(StoryRequests.Landoya());
        await hub.EpisodeAsync("published", new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(2)), "September");
        using var client = hub.CreateAnonymousClient();

        var stories = await ParseAsync(await client.GetAsync("/historier.atom?goal=4&sprak=nn"));
        var episodes = await ParseAsync(await client.GetAsync("/webinarer.atom?sprak=nn"));
        var nynorskPage = await hub.GetPageAsync("/historier?goal=4&sprak=nn");

        Assert.Equal("nn", stories.Language);
        Assert.Equal("http://localhost/historier.atom?goal=4&sprak=nn", stories.Id);
        Assert.Equal(stories.Id, stories.Links.Single(l => l.RelationshipType == "self").Uri.ToString());
        Assert.Equal("http://localhost/historier?goal=4&sprak=nn", stories.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
        var entry = Assert.Single(stories.Items);
        Assert.Equal($"http://localhost/historier/{story}?sprak=nn", entry.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.Equal(entry.Links.Single().Uri.ToString(), entry.Id);
        Assert.Equal("http://localhost/webinarer?sprak=nn", episodes.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.All(episodes.Items, i => Assert.EndsWith("?sprak=nn", i.Links.Single().Uri.ToString(), StringComparison.Ordinal));
        Assert.Equal("/historier.atom?goal=4&sprak=nn", nynorskPage.Document.QuerySelector("head link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));

        var bokmal = await ParseAsync(await client.GetAsync("/historier.atom?goal=4"));
        Assert.Equal("nb", bokmal.Language);
        Assert.Equal($"http://localhost/historier/{story}", bokmal.Items.Single().Links.Single().Uri.ToString());
    }

    [Fact]
    public async Task PagesLinkTheFeedThatFollowsThem()
    {
        await using var hub = await HubApp.StartAsync();

        foreach (var (page, feed) in new[]
        {
            ("/", "/historier.atom"), ("/historier?goal=4&kommune=Asker&utm_source=x", "/historier.atom?goal=4&kommune=Asker"),
            ("/mal/4", "/historier.atom?goal=4"), ("/kommuner/3203", "/historier.atom?kommune=3203"), ("/fylker/32", "/historier.atom?fylke=32"),
            ("/nettverk/asker", "/historier.atom?network=asker"), ("/webinarer", "/webinarer.atom"),
        })
        {
            var answer = await hub.GetPageAsync(page);
            var link = answer.Document.QuerySelector("head link[rel=alternate][type='application/atom+xml']");
            Assert.Equal(feed, link?.GetAttribute("href"));
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Action<HttpRequestMessage> conditions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/historier.atom");
        conditions(request);
        return await client.SendAsync(request);
    }

    private static async Task<SyndicationFeed> ParseAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return SyndicationFeed.Load(reader);
    }
}
