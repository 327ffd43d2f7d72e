using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Testing;
using SharingHub.Tests.Access;

namespace SharingHub.Tests.People;

public sealed class ErasureTests
{
    private const string Name = "Ingrid Bærekraftsen";
    private const string Email = "ingrid.baerekraftsen@trondheim.kommune.no";

    [Fact]
    public async Task ErasureLeavesNoTraceOfThePersonInStoredDataAndIsRecordedWithoutIt()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var contact = new { name = Name, email = Email };
        var first = await AccessTestData.CreateStoryAsync(admin, "trondelag", "Første historie", contact);
        var second = await AccessTestData.CreateStoryAsync(admin, "trondelag", "Andre historie", new { name = Name, email = Email.ToUpperInvariant() });
        using var mentioned = await admin.PostAsJsonAsync("/api/stories", new
        {
            title = "Nevner henne",
            summary = $"Spør {Name} ({Email}) om erfaringene.",
            kommunenummer = "5001",
            network = "trondelag",
            contact = new { name = "Per Annen", email = "per@trondheim.kommune.no" },
        });
        mentioned.EnsureSuccessStatusCode();
        Assert.True(await StoredDataContainsAsync(hub, Email), "the test must start with the person stored");

        using var erase = await admin.DeleteAsync($"/api/people/{Uri.EscapeDataString(Email)}");
        var report = await erase.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(3, report.GetProperty("changed").GetProperty("stories").GetInt32());
        Assert.False(await StoredDataContainsAsync(hub, Email), "the e-mail address is still stored");
        Assert.False(await StoredDataContainsAsync(hub, Name), "the name is still stored");
        Assert.True(await StoredDataContainsAsync(hub, "per@trondheim.kommune.no"), "another person was erased too");
        var story = await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{first}");
        Assert.Equal(JsonValueKind.Null, story.GetProperty("contact").ValueKind);
        Assert.Equal(2, story.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{second}")).GetProperty("contact").ValueKind);
        var person = report.GetProperty("person").GetString()!;
        var trail = await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?entity=people/{person}");
        Assert.Single(trail!);
        Assert.Equal("DELETE /api/people/{email}", trail![0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task ErasingASpeakerRemovesThemFromEveryEpisodeAndHidesAddressesFromThePublic()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var episode = new
        {
            title = "Bærekraftsfredag: bibliotek",
            startsAt = "2026-09-25T09:00:00+02:00",
            status = "published",
            presentations = new[]
            {
                new { title = "Bibliotek og bærekraft", speakers = new[] { new { name = Name, organisation = "Trondheim folkebibliotek", email = Email } } },
                new { title = "Idébanken", speakers = new[] { new { name = "Per Annen", organisation = "Asker kommune", email = "per@asker.kommune.no" } } },
            },
        };
        using var created = await admin.PostAsJsonAsync("/api/webinars", episode);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var publicView = await hub.CreateAnonymousClient().GetStringAsync($"/api/webinars/{id}");
        Assert.DoesNotContain(Email, publicView, StringComparison.OrdinalIgnoreCase);
        Assert.True(await StoredDataContainsAsync(hub, Email), "the test must start with the speaker stored");

        using var erase = await admin.DeleteAsync($"/api/people/{Uri.EscapeDataString(Email)}");
        var report = await erase.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, report.GetProperty("changed").GetProperty("presentations").GetInt32());
        Assert.False(await StoredDataContainsAsync(hub, Email), "the speaker's address is still stored");
        Assert.False(await StoredDataContainsAsync(hub, Name), "the speaker's name is still stored");
        Assert.True(await StoredDataContainsAsync(hub, "per@asker.kommune.no"), "another speaker was erased too");
    }

    [Fact]
    public async Task ErasingSomethingThatIsNotAnEmailAddressIsRefused()
    {
        await using var hub = await HubApp.StartAsync();

        using var response = await hub.CreateClient().DeleteAsync("/api/people/not-an-address");
        var problem = await AccessTestData.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    /// <summary>Every value of every row of every table this hub owns, read with the SDK (not through the API).</summary>
    private static async Task<bool> StoredDataContainsAsync(HubApp hub, string text)
    {
        var service = new TableServiceClient(hub.StorageConnectionString);
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {hub.Prefix} and TableName lt {hub.Prefix + "~"}")))
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (((IDictionary<string, object>)row).Values.Any(v => v?.ToString()?.Contains(text, StringComparison.OrdinalIgnoreCase) == true)
                    || row.PartitionKey.Contains(text, StringComparison.OrdinalIgnoreCase) || row.RowKey.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
