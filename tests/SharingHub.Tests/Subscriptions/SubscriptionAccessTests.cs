using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Digests;

namespace SharingHub.Tests.Subscriptions;

public sealed class SubscriptionAccessTests
{
    [Fact]
    public async Task AMunicipalitysSubscriberManagesOnlyItsOwnSubscriptionsAndDeliveries()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync(kommunenummer: "3203");
        var asker = await host.Hub.CreateClientWithRoleAsync("subscriber", "3203");
        var trondheim = await host.Hub.CreateClientWithRoleAsync("subscriber", "5001");

        var forOther = await trondheim.PostAsJsonAsync("/api/subscriptions", DigestScenario.Subscription(connection.Id, kommune: "3203"));
        var own = await asker.PostAsJsonAsync("/api/subscriptions", DigestScenario.Subscription(connection.Id, kommune: "3203"));
        var id = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trondheim.GetAsync($"/api/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trondheim.DeleteAsync($"/api/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trondheim.GetAsync($"/api/subscriptions/{id}/digest/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trondheim.GetAsync($"/api/deliveries?subscription={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trondheim.GetAsync("/api/subscriptions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asker.PostAsync("/api/digests/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asker.GetAsync($"/api/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asker.GetAsync($"/api/deliveries?subscription={id}")).StatusCode);
        var all = await host.Hub.CreateClient().GetFromJsonAsync<JsonElement>("/api/subscriptions");
        Assert.Equal(1, all.GetArrayLength());
    }
}
