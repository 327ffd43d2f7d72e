using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Stories;
using SharingHub.Stories.Import;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Pages;

/// <summary>How the page tests read pages: over HTTP as the public (no key), parsed with a real HTML parser.</summary>
internal static class PageTestKit
{
    public sealed record Answer(HttpStatusCode Status, HttpResponseMessage Response, IHtmlDocument Document, string Html);

    public static async Task<Answer> GetPageAsync(this HubApp hub, string path)
    {
        using var client = hub.CreateAnonymousClient();
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{path} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {html}");
        return new Answer(response.StatusCode, response, new HtmlParser().ParseDocument(html), html);
    }

    /// <summary>Publishes a story through the API (as admin) and returns its id.</summary>
    public static async Task<string> PublishAsync(this HubApp hub, JsonObject story)
    {
        using var admin = hub.CreateClient();
        return (await admin.PublishStoryAsync(story)).GetProperty("id").GetString()!;
    }

    /// <summary>Creates a draft through the API (as admin) and returns its id.</summary>
    public static async Task<string> DraftAsync(this HubApp hub, JsonObject story)
    {
        using var admin = hub.CreateClient();
        return (await admin.CreateStoryAsync(story)).GetProperty("id").GetString()!;
    }

    /// <summary>Imports <paramref name="count"/> published stories at once ("Historie 1" … ), the way the demo data is seeded.</summary>
    /// <param name="shape">Changes story i's fields before it is imported.</param>
    public static async Task ImportPublishedAsync(
        this HubApp hub, int count, string kommune = "5001", string network = "trondelag", string? summary = null, Action<int, JsonObject>? shape = null)
    {
        var lines = Enumerable.Range(1, count).Select(i =>
        {
            var story = new JsonObject
            {
                ["sourceId"] = $"side-{i}",
                ["title"] = $"Historie {i}",
                ["summary"] = summary ?? $"Sammendrag {i}.",
                ["kommunenummer"] = kommune,
                ["network"] = network,
                ["goals"] = new JsonArray(11),
            };
            shape?.Invoke(i, story);
            return story.ToJsonString();
        });
        using var reader = new StringReader(string.Join('\n', lines));
        var rows = await NdjsonStoryReader.ReadAsync(reader, count, CancellationToken.None);
        var report = await hub.Services.GetRequiredService<StoryImporter>().ImportRowsAsync(rows, null, StoryStatus.Published, CancellationToken.None);
        Assert.Equal(count, report.Created);
    }

    public static IReadOnlyList<string> StoryTitles(this IHtmlDocument document) =>
        [.. document.QuerySelectorAll(".hub-cards h3 a").Select(a => a.TextContent.Trim())];
}
