using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

public sealed class InjectionTests
{
    private static readonly string[] Filters =
        ["goal", "target", "kommune", "fylke", "network", "sector", "status", "publishedFrom", "publishedTo", "limit", "continuationToken"];

    private static readonly string[] Payloads =
    [
        "x' or PartitionKey ne '",
        "trondelag' or RowKey gt '",
        "1 or 1 eq 1",
        "draft|all|-",
        "')%20or%20('a'%20eq%20'a",
        "published\u0000",
        new string('9', 300),
    ];

    [Fact]
    public async Task InjectionAttemptsThroughEveryStoryFilterAreRefusedNamingTheParameterAndReadNothing()
    {
        await using var hub = await HubApp.StartAsync();
        var draftId = await AccessTestData.CreateStoryAsync(hub.CreateClient(), "trondelag", "Skal ikke lekke");
        var anonymous = hub.CreateAnonymousClient();

        foreach (var filter in Filters)
        {
            foreach (var payload in Payloads)
            {
                using var response = await anonymous.GetAsync($"/api/stories?{filter}={Uri.EscapeDataString(payload)}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{filter}={payload} answered {(int)response.StatusCode}");
                Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(filter, out _), $"{filter}={payload}: {body}");
                Assert.DoesNotContain(draftId, body, StringComparison.Ordinal);
            }
        }
        using var odata = await anonymous.GetAsync("/api/stories?$filter=" + Uri.EscapeDataString("Status eq 'draft'"));
        Assert.Equal(HttpStatusCode.BadRequest, odata.StatusCode);
    }

    [Fact]
    public async Task InjectionAttemptsThroughAuditAndKeyParametersAreRefused()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();

        using var entity = await admin.GetAsync("/api/audit?entity=" + Uri.EscapeDataString("x' or PartitionKey ne '"));
        using var from = await admin.GetAsync("/api/audit?from=" + Uri.EscapeDataString("' or 1 eq 1"));
        using var revoke = await admin.DeleteAsync("/api/keys/" + Uri.EscapeDataString("x' or RowKey ne '"));

        Assert.Equal(HttpStatusCode.BadRequest, entity.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, from.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal("[]", await admin.GetStringAsync("/api/keys"));
        _ = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
    }
}
