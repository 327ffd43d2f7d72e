using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Search;

public sealed class SearchErasureTests
{
    private const string Name = "Ingrid Bærekraftsen";
    private const string Email = "ingrid.baerekraftsen@trondheim.kommune.no";

    [Fact]
    public async Task AnErasedPersonsNameLeavesTheIndex()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var visitor = hub.CreateAnonymousClient();
        using var episode = await admin.PostAsJsonAsync("/api/webinars", new
        {
            title = "Bærekraftsfredag: tang og tare",
            startsAt = "2026-10-30T09:00:00+01:00",
            status = "published",
            presentations = new[] { new { title = "Tareskogen", speakers = new[] { new { name = Name, organisation = "Trondheim kommune", email = Email } } } },
        });
        episode.EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync("/api/stories", new
        {
            title = "Tang i skolematen",
            summary = $"Spør {Name} om erfaringene.",
            kommunenummer = "5001",
            network = "trondelag",
            contact = new { name = Name, email = Email },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await admin.PostAsync($"/api/stories/{id}/submit", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/stories/{id}/publish", null)).EnsureSuccessStatusCode();
        await visitor.SearchUntilAsync($"\"{Name}\"", p => p.Items().Count() == 2);

        using var erase = await admin.PostAsJsonAsync("/api/people/erase", new { email = Email });
        erase.EnsureSuccessStatusCode();

        await visitor.SearchUntilAsync($"\"{Name}\"", p => !p.Items().Any());
        Assert.Empty((await visitor.SearchAsync("Ingrid")).Items());
        Assert.Equal(2, (await visitor.SearchAsync("tang")).GetProperty("total").GetInt32()); // the content itself stays findable
    }
}
