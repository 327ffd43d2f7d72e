using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Reference;

public sealed class ReferenceApiTests
{
    [Fact]
    public async Task ReferenceDataServesAllMunicipalitiesCountiesGoalsAndTargets()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var municipalities = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/municipalities");
        var counties = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/counties");
        var goals = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/goals");
        var targets = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/targets");

        Assert.Equal(357, municipalities!.Length);
        Assert.Equal(15, counties!.Length);
        Assert.Equal(17, goals!.Length);
        Assert.Equal(169, targets!.Length);
        Assert.Contains(municipalities, m => m.GetProperty("kommunenummer").GetString() == "3203" && m.GetProperty("name").GetString() == "Asker");
        Assert.Equal("Ansvarlig forbruk og produksjon", goals.Single(g => g.GetProperty("number").GetInt32() == 12).GetProperty("shortName").GetString());
    }
}
