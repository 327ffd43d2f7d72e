using System.Net;
using SharingHub.Testing;

namespace SharingHub.Tests.Stories;

public sealed class StorageUnavailableTests
{
    private const string WellKnownAzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Port 9 (discard) on the loopback interface: nothing listens there, so every call is refused at once.
    private const string ClosedPort =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + WellKnownAzuriteKey + ";" +
        "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private static Task<HubApp> StartWithoutStorageAsync(int retries) => HubApp.StartAsync(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = ClosedPort,
        ["Storage:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task EveryStoryRouteAnswersServiceUnavailableWithoutInternals(int retries)
    {
        await using var hub = await StartWithoutStorageAsync(retries);
        var client = hub.CreateClient();
        var csv = new StringContent("sourceId,title,kommunenummer,network\ns-1,Tittel,5001,trondelag\n", System.Text.Encoding.UTF8, "text/csv");

        var responses = new[]
        {
            await client.PostStoryAsync(StoryRequests.Landoya()),
            await client.GetAsync("/api/stories?goal=12"),
            await client.GetAsync("/api/stories/0123456789abcdef0123456789abcdef"),
            await client.PostAsync("/api/stories/import", csv),
            await client.GetAsync("/api/networks"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(503, (await response.ProblemAsync()).GetProperty("status").GetInt32());
            Assert.DoesNotContain("127.0.0.1", text);
            Assert.DoesNotContain("AccountKey", text);
            Assert.DoesNotContain(WellKnownAzuriteKey[..12], text);
            Assert.DoesNotContain(" at ", text); // no stack frames
            Assert.DoesNotContain("Exception", text);
        }
    }
}
