using System.Text.Json;
using SharingHub.Testing.FeedServer;
using Xunit.Abstractions;

namespace SharingHub.Tests.Feeds;

/// <summary>
/// Polls every file of feedparser's test corpus (../shared/data/feedparser, feeds nobody on this project wrote) through the
/// local feed server, served with the Content-Type its test says. MANIFEST.json says what a strict XML reader finds in each.
/// </summary>
public sealed class FeedCorpusTests(ITestOutputHelper output)
{
    private const string InternalFailure = "the poll failed inside the hub";

    /// <summary>Formats the hub reads (RSS of any version, RSS 1.0 as RDF, Atom 1.0, and Atom without its namespace).</summary>
    private static readonly HashSet<string> ReadFormats = ["rss-2.0", "rss-noversion", "rss-other-version", "rdf", "atom-1.0", "atom-other-ns"];

    [Fact]
    public async Task EveryCorpusFeedIsPolledWithoutInternalFailureAndEveryReadableFeedWithTitledItemsMakesStories()
    {
        var corpus = CorpusFolder();
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(corpus, "MANIFEST.json"))).RootElement;
        await using var kit = await FeedTestKit.StartAsync(new Dictionary<string, string?> { ["Feeds:MaxItemsPerPoll"] = "100" });
        var problems = new List<string>();
        var files = 0;
        var withStories = 0;

        foreach (var entry in manifest.EnumerateObject())
        {
            files++;
            var file = entry.Name;
            var info = entry.Value;
            var contentType = info.GetProperty("headers").TryGetProperty("Content-type", out var declared) ? declared.GetString()! : "application/xml";
            var url = kit.Server.Publish(file, await File.ReadAllBytesAsync(Path.Combine(corpus, "files", file)), contentType);
            var sid = await kit.AddSourceAsync(url);

            var poll = await kit.PollAsync(sid);
            var error = poll.GetProperty("error").ValueKind == JsonValueKind.String ? poll.GetProperty("error").GetString() : null;
            var stories = poll.GetProperty("itemsNew").GetInt32() + poll.GetProperty("itemsSeen").GetInt32() + poll.GetProperty("itemsUpdated").GetInt32();
            withStories += stories > 0 ? 1 : 0;

            if (error?.Contains(InternalFailure, StringComparison.Ordinal) == true)
            {
                problems.Add($"{file}: {error}");
            }
            var readable = info.GetProperty("xml_ok").GetBoolean() && !info.GetProperty("doctype").GetBoolean()
                && ReadFormats.Contains(info.GetProperty("format").GetString()!) && info.GetProperty("items_title").GetInt32() > 0;
            if (readable && (error is not null || stories == 0))
            {
                problems.Add($"{file} ({info.GetProperty("format").GetString()}, {info.GetProperty("items_title").GetInt32()} titled items): " +
                    $"{stories} stories, error '{error}', item errors {poll.GetProperty("itemErrors")}");
            }
            output.WriteLine($"{file}: {stories} stories, error '{error}'");
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await kit.Client.DeleteAsync($"/api/networks/trondelag/sources/{sid}")).StatusCode);
        }

        Assert.True(files > 300, $"only {files} corpus files found");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        output.WriteLine($"{files} files, {withStories} made or matched stories");
    }

    [Theory]
    [InlineData("encoding/http_text_xml_charset_2.xml")]
    [InlineData("encoding/http_text_xml_charset_overrides_encoding_2.xml")]
    public async Task TheHttpCharsetDecidesHowTheFeedIsRead(string file)
    {
        var corpus = CorpusFolder();
        await using var kit = await FeedTestKit.StartAsync();
        var url = kit.Server.Publish("feed.xml", await File.ReadAllBytesAsync(Path.Combine(corpus, "files", file)), "text/xml; charset=windows-1252");
        var sid = await kit.AddSourceAsync(url);

        var poll = await kit.PollAsync(sid);

        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        var story = Assert.Single(await kit.QueueAsync());
        Assert.Equal("Foo", FeedTestKit.Title(story));
        Assert.Equal("This is a \u00a3\u201ctest.\u201d", story.GetProperty("summary").GetString());
    }

    /// <summary>../shared/data/feedparser, found by walking up from the test's base directory (CI has shared/ beside the clone).</summary>
    private static string CorpusFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "feedparser");
            if (File.Exists(Path.Combine(candidate, "MANIFEST.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No shared/data/feedparser above {AppContext.BaseDirectory}");
    }
}
