using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Reference;

public sealed class ReferenceDataShapeTests
{
    [Fact]
    public async Task EveryTargetBelongsToAGoalAndEveryMunicipalityToACounty()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var goals = (await client.GetFromJsonAsync<JsonElement[]>("/api/reference/goals"))!;
        var targets = (await client.GetFromJsonAsync<JsonElement[]>("/api/reference/targets"))!;
        var counties = (await client.GetFromJsonAsync<JsonElement[]>("/api/reference/counties"))!;
        var municipalities = (await client.GetFromJsonAsync<JsonElement[]>("/api/reference/municipalities"))!;

        var goalNumbers = goals.Select(g => g.GetProperty("number").GetInt32()).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 17), goalNumbers.Order());
        Assert.All(targets, t => Assert.Contains(t.GetProperty("goal").GetInt32(), goalNumbers));
        Assert.Contains(targets, t => t.GetProperty("id").GetString() == "3.d");
        Assert.Contains(targets, t => t.GetProperty("id").GetString() == "12.3");
        Assert.Equal(169, targets.Select(t => t.GetProperty("id").GetString()).Distinct().Count());
        var countyNumbers = counties.Select(c => c.GetProperty("fylkesnummer").GetString()).ToHashSet();
        Assert.All(municipalities, m => Assert.Contains(m.GetProperty("fylkesnummer").GetString(), countyNumbers));
        Assert.Contains(counties, c => c.GetProperty("fylkesnummer").GetString() == "50" && c.GetProperty("name").GetString() == "Trøndelag");
    }
}
