using SharingHub.Feeds;
using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

public sealed class FeedSuggestionTests
{
    [Fact]
    public async Task IngestedStoriesCarryMunicipalityGoalAndSectorSuggestions()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        await kit.PollAsync(sid);

        var queue = await kit.QueueAsync();

        var school = queue[0].GetProperty("suggestions");
        Assert.Equal("5001", school.GetProperty("municipalities")[0].GetProperty("kommunenummer").GetString());
        Assert.Equal([12], school.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal("school", school.GetProperty("sector").GetString());
        var kindergarten = queue[1].GetProperty("suggestions");
        Assert.Equal("5041", kindergarten.GetProperty("municipalities")[0].GetProperty("kommunenummer").GetString());
        Assert.Equal("Snåase", kindergarten.GetProperty("municipalities")[0].GetProperty("matchedName").GetString());
        Assert.Equal([7, 13], kindergarten.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal("kindergarten", kindergarten.GetProperty("sector").GetString());
        var library = queue[2].GetProperty("suggestions");
        Assert.Equal("5025", library.GetProperty("municipalities")[0].GetProperty("kommunenummer").GetString());
        Assert.Equal("library", library.GetProperty("sector").GetString());
        // Suggestions stay suggestions: the story itself has no municipality, goals or sector yet.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, queue[0].GetProperty("kommunenummer").ValueKind);
        Assert.Empty(queue[0].GetProperty("goals").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, queue[0].GetProperty("sector").ValueKind);
    }

    [Theory]
    [InlineData("Kautokeino satser på reindrift", "5612")]
    [InlineData("Nytt fra Guovdageaidnu", "5612")]
    [InlineData("Samarbeid i Porsanger - Porsángu - Porsanki", "5622")]
    [InlineData("Nordre Follo bygger klimavennlig", "3207")]
    [InlineData("Rådhuset i Hole fikk solceller", "3310")]
    public void MunicipalityIsFoundByAnyOfItsNamesAsAWholeWord(string text, string kommunenummer)
    {
        var found = FeedSuggester.Municipalities(text, ["32", "33"]);

        Assert.Equal(kommunenummer, found[0].Kommunenummer);
    }

    [Theory]
    [InlineData("Vi gravde et hole i bakken og brukte moss som isolasjon")]
    [InlineData("Osloskolen og Bærumsveien er ikke kommunenavn")]
    [InlineData("Ingen steder nevnt her")]
    public void OrdinaryWordsAndPartsOfWordsSuggestNoMunicipality(string text)
    {
        Assert.Empty(FeedSuggester.Municipalities(text, ["03"]));
    }

    [Fact]
    public void NameSharedByTwoMunicipalitiesIsResolvedByTheNetworksCounty()
    {
        Assert.Equal("3114", Assert.Single(FeedSuggester.Municipalities("Våler satser på gang og sykkel", ["31"])).Kommunenummer);
        Assert.Equal("3419", Assert.Single(FeedSuggester.Municipalities("Våler satser på gang og sykkel", ["34"])).Kommunenummer);
        Assert.Empty(FeedSuggester.Municipalities("Våler satser på gang og sykkel", ["50"]));
    }

    [Theory]
    [InlineData("Dette bidrar til bærekraftsmål 12.", new[] { 12 })]
    [InlineData("Tiltaket treffer mål 3 og mål 4", new[] { 3, 4 })]
    [InlineData("FNs bærekraftsmål nr. 7 er viktig", new[] { 7 })]
    [InlineData("Bærekraftsmålene 3, 11 og 17", new[] { 3, 11, 17 })]
    [InlineData("Målet er 50 prosent innen 2030", new int[0])]
    [InlineData("Delmål 12.3 handler om matsvinn", new int[0])]
    [InlineData("bærekraftsmål 18 finnes ikke", new int[0])]
    public void GoalsAreFoundInPhrasesThatNameThem(string text, int[] goals)
    {
        Assert.Equal(goals, FeedSuggester.Goals(text));
    }
}
