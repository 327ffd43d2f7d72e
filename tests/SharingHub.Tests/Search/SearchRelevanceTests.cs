using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Search;

/// <summary>One hub with the demo data (stories, and the September episode with its captions) and the test corpus, indexed once.</summary>
public sealed class SearchCorpusFixture : IAsyncLifetime
{
    public HubApp Hub { get; private set; } = null!;

    public HttpClient Public { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubApp.StartAsync(SearchTestKit.DemoSettings);
        await SearchTestKit.ImportCorpusAsync(Hub.CreateClient());
        Public = Hub.CreateAnonymousClient();
        // The last story of the corpus, and a minute of the demo's captions, are findable: everything is indexed.
        await Public.SearchUntilAsync("seniorer nettbank", p => p.Items().Any());
        await Public.SearchUntilAsync("frøbiblioteket", p => p.Items().Any(i => i.TryGetProperty("startSeconds", out var s) && s.ValueKind == JsonValueKind.Number));
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>
/// The Norwegian relevance set: what a municipal advisor types, and the stories or minutes of a recording that must come
/// in the top 3. "@mm:ss" names the transcript passage that holds that moment of the demo episode's captions.
/// </summary>
public sealed class SearchRelevanceTests(SearchCorpusFixture corpus) : IClassFixture<SearchCorpusFixture>
{
    public static TheoryData<string, string, string[], string[]> Cases => new()
    {
        // Inflection: the stemmer joins bokmål and nynorsk forms; a prefix joins derivations (vaksine → vaksinering).
        { "inflection", "vaksine", ["Influensavaksinering på innbyggertorgene", "Vaksinasjonsprogram for ungdom i Tromsø"], [] },
        { "inflection", "vaksinering", ["Influensavaksinering på innbyggertorgene", "Vaksinasjonsprogram for ungdom i Tromsø"], [] },
        { "inflection", "barnehagen", ["Solceller på barnehagene", "Bærekraftsidébanken: barnehager deler tiltak som virker"], [] },
        { "inflection", "barnehager", ["Bærekraftsidébanken: barnehager deler tiltak som virker"], [] },
        { "inflection", "energivakt", ["Energisparing i skolebygg"], [] },
        { "inflection", "reparere klær", ["Reparasjonskafé på biblioteket i Lillehammer"], [] },
        // Compounds: the word as the head of a compound, and as its first part.
        { "compound", "avfall", ["Avfallssortering på rådhuset"], [] },
        { "compound", "kafé", ["Skulekafé drive av elevar", "Reparasjonskafé på biblioteket i Lillehammer"], [] },
        { "compound", "kafe", ["Skulekafé drive av elevar", "Reparasjonskafé på biblioteket i Lillehammer"], [] },
        { "compound", "svinn", ["Matsvinn i skolen halvert med smakskasse"], [] },
        { "compound", "asfalt", ["Krav om gjenbruk av asfalt i kommunens kontrakter", "Returasfalt i veiprosjekter i Kristiansand"], [] },
        { "compound", "hage", ["Kjøkkenhage ved sjukeheimen"], [] },
        // Nynorsk.
        { "nynorsk", "skulen", ["Sykkelvegar til skulen i Sogndal"], [] },
        { "nynorsk", "sjukeheim", ["Kjøkkenhage ved sjukeheimen"], [] },
        { "nynorsk", "barnehagane", ["Mindre matsvinn i barnehagane"], [] },
        { "nynorsk", "elevane", ["Skulekafé drive av elevar"], [] },
        { "nynorsk", "bebuarane", ["Kjøkkenhage ved sjukeheimen"], [] },
        // Typos in words of six letters or more.
        { "typo", "vaksinasjonsprogam", ["Vaksinasjonsprogram for ungdom i Tromsø"], [] },
        { "typo", "reprasjonskafé", ["Reparasjonskafé på biblioteket i Lillehammer"], [] },
        { "typo", "klimabudjsett", ["Klimabudsjett som styringsverktøy"], [] },
        { "typo", "solseller", ["Solceller på barnehagene"], [] },
        // Phrases and plain word lists.
        { "phrase", "\"gjenbruk av asfalt\"", ["Krav om gjenbruk av asfalt i kommunens kontrakter"], [] },
        { "phrase", "\"matsvinn i skolen\"", ["Matsvinn i skolen halvert med smakskasse"], [] },
        { "words", "matsvinn i skolen", ["Matsvinn i skolen halvert med smakskasse"], [] },
        // Exclusion.
        { "exclusion", "matsvinn -barnehage", ["Matsvinn i skolen halvert med smakskasse"], ["Mindre matsvinn i barnehagane"] },
        { "exclusion", "bibliotek -reparasjonskafé", ["Bibliotek og bærekraft"], ["Reparasjonskafé på biblioteket i Lillehammer"] },
        // Transcript hits: the minute of the recording where it was said.
        { "transcript", "returasfalt", ["Returasfalt i veiprosjekter i Kristiansand", "@51:40"], [] },
        { "transcript", "reparasjonskaféen i Ålesund", ["@03:45"], [] },
        { "transcript", "frøbiblioteket", ["@05:10"], [] },
        { "transcript", "klimagassregnskap", ["@18:14"], [] },
        { "transcript", "veie matavfallet", ["@35:40"], [] },
        { "transcript", "leverandørdialog", ["Innkjøp av lokal mat til skolekjøkken", "@55:00"], [] },
        { "transcript", "klimaendringar", ["@06:40"], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheExpectedHitsComeInTheTopThree(string kind, string q, string[] expected, string[] excluded)
    {
        var page = await corpus.Public.SearchAsync(q);
        var top = page.Items().Take(3).ToList();
        var described = string.Join(" | ", page.Items().Select(Describe));

        foreach (var want in expected)
        {
            Assert.True(top.Any(hit => Matches(hit, want)), $"{kind} '{q}': '{want}' is not in the top 3: {described}");
        }
        foreach (var unwanted in excluded)
        {
            Assert.DoesNotContain(page.Items(), hit => Matches(hit, unwanted));
        }
    }

    /// <summary>A title, or "@mm:ss": a transcript passage that starts at or before that moment, within its minute.</summary>
    private static bool Matches(JsonElement hit, string want)
    {
        if (!want.StartsWith('@'))
        {
            return hit.GetProperty("title").GetString() == want;
        }
        var parts = want[1..].Split(':');
        var second = int.Parse(parts[0]) * 60 + int.Parse(parts[1]);
        return hit.GetProperty("type").GetString() == "episode"
            && hit.GetProperty("startSeconds") is { ValueKind: JsonValueKind.Number } start
            && start.GetDouble() <= second && second - start.GetDouble() < 60;
    }

    private static string Describe(JsonElement hit) =>
        hit.GetProperty("title").GetString() + (hit.GetProperty("startSeconds") is { ValueKind: JsonValueKind.Number } s ? $" @{s.GetDouble()}" : "");
}
