using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Testing;
using SharingHub.Tests.Access;

namespace SharingHub.Tests.Audit;

public sealed class AuditTests
{
    [Fact]
    public async Task EveryChangeMadeDuringTheTestIsInTheAuditWithWhoWhatWhichEntityAndWhen()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var start = hub.Clock.GetUtcNow();
        var secretariatKey = await hub.MintKeyAsync("secretariat", ["trondelag"]);
        var secretariat = hub.CreateClientWithKey(secretariatKey);

        var id = await AccessTestData.CreateStoryAsync(secretariat, "trondelag");
        hub.Clock.Advance(TimeSpan.FromSeconds(1)); // entries within one tick have no order
        (await secretariat.PostAsync($"/api/stories/{id}/submit", null)).EnsureSuccessStatusCode();
        hub.Clock.Advance(TimeSpan.FromSeconds(1));
        (await admin.PostAsync($"/api/stories/{id}/publish", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/networks", new { id = "vestland", name = "Bærekraftsnettverket i Vestland", fylker = new[] { "46" } })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/keys/{secretariatKey.Substring(4, 32)}")).EnsureSuccessStatusCode();
        using var refused = await secretariat.PostAsync($"/api/stories/{id}/withdraw", null); // revoked: no change, no entry

        var storyTrail = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?entity=stories/{id}"))!;
        var all = await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?from={Uri.EscapeDataString(start.AddMinutes(-1).ToString("O"))}");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["POST /api/stories/{id}/publish", "POST /api/stories/{id}/submit", "POST /api/stories/"],
            storyTrail.Select(e => e.GetProperty("action").GetString()));
        var creation = storyTrail[2];
        Assert.Equal($"apikey:{secretariatKey.Substring(4, 32)}", creation.GetProperty("caller").GetString());
        Assert.Equal("secretariat", creation.GetProperty("roles")[0].GetString());
        Assert.Equal(201, creation.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(creation.GetProperty("address").GetString()));
        Assert.Equal("bootstrap", storyTrail[0].GetProperty("caller").GetString());
        var entities = all!.Select(e => e.GetProperty("entity").GetString()).ToList();
        Assert.Equal(6, all!.Length); // key issued, story created, submitted, published, network created, key revoked
        Assert.Contains("networks/vestland", entities);
        Assert.Equal(2, entities.Count(e => e == $"keys/{secretariatKey.Substring(4, 32)}"));
    }

    [Fact]
    public async Task TheAuditIsForAdminsOnlyAndNoRouteChangesOrDeletesIt()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        await AccessTestData.CreateStoryAsync(admin, "asker");
        var secretariat = await hub.CreateClientWithRoleAsync("secretariat", "asker");

        using var bySecretariat = await secretariat.GetAsync("/api/audit");
        using var byAnonymous = await hub.CreateAnonymousClient().GetAsync("/api/audit");
        using var delete = await admin.DeleteAsync("/api/audit");
        using var put = await admin.PutAsJsonAsync("/api/audit", new { });
        var table = new TableServiceClient(hub.StorageConnectionString).GetTableClient(hub.Prefix + "audit");
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(HttpStatusCode.Forbidden, bySecretariat.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(4, rows.Count); // two changes (story, key), each under its entity and its day
    }
}
