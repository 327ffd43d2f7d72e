using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Search;

public sealed class SearchApiTests(SearchCorpusFixture corpus) : IClassFixture<SearchCorpusFixture>
{
    public static TheoryData<string> Hostile => new()
    {
        "*:*",
        "title:x",
        "\"unbalanced quote",
        "((brackets] {and} [more",
        "*avfall",
        "?vaksine~2^10",
        "AND OR NOT",
        "-",
        "\"\"",
        "-avfall",
        "a\\b/c",
        "søk; DROP TABLE stories; --",
        "%00 <script>alert(1)</script>",
        string.Join(" OR ", Enumerable.Range(0, 40).Select(i => "v" + i)),
        new string('a', 200),
        string.Concat(Enumerable.Repeat("é", 200)),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task QueryLanguageAndOddTextIsAnsweredWithOrdinaryResultsNeverAnError(string q)
    {
        using var response = await corpus.Public.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var page = JsonDocument.Parse(body).RootElement;
            Assert.True(page.GetProperty("total").GetInt32() >= 0);
            Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        }
    }

    [Fact]
    public async Task TenThousandOrTermsAreRefusedByLengthNotRunSlowly()
    {
        var q = string.Join(" OR ", Enumerable.Range(0, 10_000).Select(i => "ord" + i));

        using var response = await corpus.Public.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q", await response.ProblemFieldsAsync());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("?q=", "q")]
    [InlineData("?q=%20%20", "q")]
    [InlineData("?q=a&q=b", "q")]
    [InlineData("?q=vaksine&limit=0", "limit")]
    [InlineData("?q=vaksine&limit=51", "limit")]
    [InlineData("?q=vaksine&limit=ti", "limit")]
    [InlineData("?q=vaksine&type=podcast", "type")]
    [InlineData("?q=vaksine&goal=18", "goal")]
    [InlineData("?q=vaksine&kommune=9999", "kommune")]
    [InlineData("?q=vaksine&continuationToken=bogus", "continuationToken")]
    [InlineData("?q=vaksine&sort=date", "sort")]
    public async Task BadParametersAreProblemDetailsNamingTheField(string query, string field)
    {
        using var response = await corpus.Public.GetAsync("/api/search" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task TextOver200CharactersIsRefused()
    {
        using var response = await corpus.Public.GetAsync("/api/search?q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q", await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task HitsCarryTypeUrlAndAMarkedSnippetAndTranscriptHitsTheirMinute()
    {
        var page = await corpus.Public.SearchAsync("returasfalt");

        var story = page.Items().First(i => i.GetProperty("type").GetString() == "story");
        Assert.Equal($"http://localhost/historier/{story.GetProperty("id").GetString()}", story.GetProperty("url").GetString()); // the page
        var minute = page.Items().First(i => i.GetProperty("type").GetString() == "episode");
        Assert.Contains("<mark>returasfalt</mark>", minute.GetProperty("snippet").GetString());
        Assert.Equal(3100, minute.GetProperty("startSeconds").GetDouble());
        Assert.Equal($"http://localhost/webinarer/{minute.GetProperty("id").GetString()}/opptak#t=3100", minute.GetProperty("url").GetString());
        var episode = await corpus.Public.GetFromJsonAsync<JsonElement>($"/api/webinars/{minute.GetProperty("id").GetString()}");
        var lup = episode.GetProperty("presentations").EnumerateArray().Single(p => p.GetProperty("title").GetString() == "Finn løsninger");
        Assert.Equal(lup.GetProperty("id").GetString(), minute.GetProperty("presentationId").GetString());
    }

    [Fact]
    public async Task CompoundMatchesAreMarkedAsWholeWords()
    {
        var page = await corpus.Public.SearchAsync("avfall", "&type=story");

        Assert.Contains(page.Items(), i => i.GetProperty("snippet").GetString()!.Contains("<mark>matavfall</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FacetsCountGoalsAndCountiesOverTheWholeResultAndFiltersCombineWithText()
    {
        var all = await corpus.Public.SearchAsync("matsvinn", "&type=story&limit=1"); // every story has a county
        var filtered = await corpus.Public.SearchAsync("matsvinn", "&fylke=15");

        Assert.Single(all.Items());
        Assert.True(all.GetProperty("total").GetInt32() >= 3);
        var counties = all.GetProperty("facets").GetProperty("fylke").EnumerateArray().ToList();
        Assert.Equal(all.GetProperty("total").GetInt32(), counties.Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Contains(counties, c => c.GetProperty("value").GetString() == "15" && c.GetProperty("name").GetString() == "Møre og Romsdal");
        Assert.Contains(all.GetProperty("facets").GetProperty("goal").EnumerateArray(), g => g.GetProperty("value").GetString() == "12");
        Assert.Equal(["Mindre matsvinn i barnehagane"], filtered.Titles());
    }

    [Fact]
    public async Task TypeFiltersStoriesOrEpisodes()
    {
        var stories = await corpus.Public.SearchAsync("asfalt", "&type=story");
        var episodes = await corpus.Public.SearchAsync("asfalt", "&type=episode");

        Assert.NotEmpty(stories.Items());
        Assert.All(stories.Items(), i => Assert.Equal("story", i.GetProperty("type").GetString()));
        Assert.NotEmpty(episodes.Items());
        Assert.All(episodes.Items(), i => Assert.Equal("episode", i.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task PagesFollowTheContinuationTokenWithoutRepeats()
    {
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await corpus.Public.SearchAsync("kommune", "&limit=5" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            seen.AddRange(page.Items().Select(i => i.GetProperty("id").GetString() + (i.GetProperty("startSeconds").ToString())));
            token = page.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? page.GetProperty("continuationToken").GetString() : null;
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.True(pages > 1);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task RebuildIsForAdminsOnly()
    {
        using var anonymous = await corpus.Public.PostAsync("/api/search/rebuild", null);
        using var secretariat = await (await corpus.Hub.CreateClientWithRoleAsync("secretariat", "asker")).PostAsync("/api/search/rebuild", null);
        using var admin = await corpus.Hub.CreateClient().PostAsync("/api/search/rebuild", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, secretariat.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, admin.StatusCode);
        await corpus.Public.SearchUntilAsync("seniorer nettbank", p => p.Items().Any()); // still answers during and after the rebuild
    }
}

/// <summary>Search shows published content only, and follows a story through its lifecycle.</summary>
public sealed class SearchLifecycleTests
{
    [Fact]
    public async Task ADraftNeverAppearsAndAWithdrawnStoryDisappears()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var visitor = hub.CreateAnonymousClient();
        var draft = await admin.CreateStoryAsync(StoryRequests.Landoya().With("title", "Kladd om blåskjellfarming").With("summary", "Blåskjellfarming som ikke er publisert."));
        var published = await admin.PublishStoryAsync(StoryRequests.Landoya().With("title", "Tareskog og blåskjellfarming i fjorden"));
        var publishedId = published.GetProperty("id").GetString()!;

        var found = await visitor.SearchUntilAsync("blåskjellfarming", p => p.Items().Any());
        Assert.Equal([publishedId], found.Items().Select(i => i.GetProperty("id").GetString()));
        Assert.DoesNotContain(draft.GetProperty("id").GetString(), found.Items().Select(i => i.GetProperty("id").GetString()));

        await admin.ActAsync(publishedId, "withdraw");

        await visitor.SearchUntilAsync("blåskjellfarming", p => !p.Items().Any());
    }

    [Fact]
    public async Task AnEditedStoryIsFoundByItsNewWordsOnly()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var visitor = hub.CreateAnonymousClient();
        var story = await admin.PublishStoryAsync(StoryRequests.Landoya().With("title", "Sjøpølsefiske i Asker"));
        var id = story.GetProperty("id").GetString()!;
        await visitor.SearchUntilAsync("sjøpølsefiske", p => p.Items().Any());

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = StoryRequests.Json(StoryRequests.Landoya().With("title", "Kråkebollehøsting i Asker")) };
        edit.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"" + story.GetProperty("version").GetInt32() + "\""));
        using var edited = await admin.SendAsync(edit);
        edited.EnsureSuccessStatusCode();

        await visitor.SearchUntilAsync("kråkebollehøsting", p => p.Items().Count() == 1);
        Assert.Empty((await visitor.SearchAsync("sjøpølsefiske")).Items());
    }

    [Fact]
    public async Task SnippetsEncodeEverythingButTheMarks()
    {
        var snippet = await SnippetAsync("tegneserier", StoryRequests.Landoya()
            .With("title", "Tegneserieverksted <script>alert(1)</script>")
            .With("summary", "Verksted om tegneserier & <b>bærekraft</b> for elever."));

        Assert.Contains("<mark>tegneserier</mark>", snippet);
        Assert.Contains("&amp;", snippet);
        Assert.Contains("&lt;b&gt;", snippet);
        Assert.DoesNotContain("<b>", snippet);
    }

    [Fact]
    public async Task SnippetsMarkAWordWhateverItsCaseOrAccentAndAsACompoundsHead()
    {
        var snippet = await SnippetAsync("kafe", StoryRequests.Landoya()
            .With("title", "Elevdrevet kantine")
            .With("summary", "SKOLEKAFÉ i Ålesund: KAFE og Kafé holder åpent, Ärlig serverer."));

        // The snippet is HTML: letters beyond ASCII come encoded (É is &#201;, é &#233;).
        Assert.Equal(
            "<mark>SKOLEKAF&#201;</mark> i &#197;lesund: <mark>KAFE</mark> og <mark>Kaf&#233;</mark> holder &#229;pent, &#196;rlig serverer.",
            snippet);
    }

    [Fact]
    public async Task AWordWrittenWithASwedishOrGermanLetterIsMarkedWhereItStandsWhenTheQuerySpellsItTheNorwegianWay()
    {
        var opening = string.Join(' ', Enumerable.Repeat("Kommunen har arbeidet med matsvinn i mange år.", 20));
        var snippet = await SnippetAsync("ærlig øberg", StoryRequests.Landoya()
            .With("title", "Elevdrevet kantine")
            .With("summary", "Skolekafé i Ålesund.")
            .With("body", opening + " Der serverer Ärlig Öberg lunsj hver fredag."));

        // Found through the folded index, and marked in the body where the words stand, not a snippet from its start.
        Assert.Contains("<mark>&#196;rlig</mark> <mark>&#214;berg</mark>", snippet, StringComparison.Ordinal);
    }

    /// <summary>The snippet of the one hit for <paramref name="query"/>, on a hub where only <paramref name="story"/> is published.</summary>
    private static async Task<string> SnippetAsync(string query, JsonObject story)
    {
        await using var hub = await HubApp.StartAsync();
        await hub.CreateClient().PublishStoryAsync(story);
        var page = await hub.CreateAnonymousClient().SearchUntilAsync(query, p => p.Items().Any());
        return page.Items().Single().GetProperty("snippet").GetString()!;
    }
}

/// <summary>Where a word stands decides the rank: title over summary over body over transcript.</summary>
public sealed class SearchRankingTests
{
    [Fact]
    public async Task TitleCountsMoreThanSummarySummaryMoreThanBodyBodyMoreThanTranscript()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        await admin.PublishStoryAsync(Story("Frukthage ved skolen", "Elevene planter frukttrær.", "Vi planter tindved og rips."));
        await admin.PublishStoryAsync(Story("Bærbusker ved skolen", "Elevene planter tindved.", "Vi planter busker."));
        await admin.PublishStoryAsync(Story("Tindved i skolehagen", "Elevene planter busker.", "Vi planter busker."));
        using var created = await admin.PostAsJsonAsync("/api/webinars", new { title = "Bærekraftsfredag: hager", startsAt = "2026-11-27T09:00:00+01:00", status = "published" });
        var episodeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await hub.Services.GetRequiredService<SharingHub.Webinars.WebinarService>().AttachTranscriptAsync(new SharingHub.Webinars.Transcripts.Transcript(
            episodeId, "captions", true, SharingHub.Webinars.Transcripts.Transcript.AutoGeneratedNotice,
            [new SharingHub.Webinars.Transcripts.TranscriptSegment(60, 65, null, "Vi har plantet tindved i hagen.")]), CancellationToken.None);

        var page = await hub.CreateAnonymousClient().SearchUntilAsync("tindved", p => p.GetProperty("total").GetInt32() == 4);

        Assert.Equal(["Tindved i skolehagen", "Bærbusker ved skolen", "Frukthage ved skolen", "Bærekraftsfredag: hager"], page.Titles());
        Assert.Equal(60, page.Items().Last().GetProperty("startSeconds").GetDouble());
    }

    private static JsonObject Story(string title, string summary, string body) => new()
    {
        ["title"] = title,
        ["summary"] = summary,
        ["body"] = body,
        ["kommunenummer"] = "3203",
        ["network"] = "asker",
    };
}
