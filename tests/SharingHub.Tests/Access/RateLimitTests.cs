using System.Net;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string?> TinyLimits = new()
    {
        ["Access:RateLimit:PermitsPerWindow"] = "3",
        ["Access:RateLimit:AnonymousPermitsPerWindow"] = "2",
        ["Access:RateLimit:WindowSeconds"] = "600",
    };

    [Fact]
    public async Task AKeyPastItsLimitGetsTooManyRequestsWithRetryAfterWhileOtherKeysCarryOn()
    {
        await using var hub = await HubApp.StartAsync(TinyLimits);
        var busy = hub.CreateClientWithKey(await hub.MintKeyAsync("organiser"));
        var other = hub.CreateClientWithKey(await hub.MintKeyAsync("organiser"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await busy.GetAsync("/api/reference/goals");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must say when to come back");
                var problem = await AccessTestData.ProblemAsync(response);
                Assert.Equal(429, problem.GetProperty("status").GetInt32());
            }
        }
        using var fromOther = await other.GetAsync("/api/reference/goals");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
    }

    [Fact]
    public async Task AnonymousCallersAreLimitedPerAddressAndBadKeysCountAgainstIt()
    {
        await using var hub = await HubApp.StartAsync(TinyLimits);
        var anonymous = hub.CreateAnonymousClient();
        var guesser = hub.CreateClientWithKey("shk_" + new string('0', 32) + "_" + new string('x', 43));

        using var first = await anonymous.GetAsync("/api/reference/goals");
        using var guess = await guesser.GetAsync("/api/reference/goals");
        using var third = await anonymous.GetAsync("/api/reference/goals");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }
}
