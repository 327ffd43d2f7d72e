using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Webinars;

public sealed class WebinarAccessTests
{
    [Fact]
    public async Task ThePublicSeesPublishedEpisodesAndAvailableAssetMetadataOnly()
    {
        await using var hub = await HubApp.StartAsync();
        var organiser = await hub.CreateClientWithRoleAsync("organiser");
        var anonymous = hub.CreateAnonymousClient();
        var planned = await WebinarTestData.CreateEpisodeAsync(organiser);
        var published = await WebinarTestData.CreateEpisodeAsync(organiser);
        var publishedId = published.Id();
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/webinars/{publishedId}")
        {
            Content = JsonContent.Create(WebinarTestData.Episode() is var e ? Merge(e, "published") : null),
        };
        update.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{published.GetProperty("version").GetInt32()}\""));
        Assert.Equal(HttpStatusCode.OK, (await organiser.SendAsync(update)).StatusCode);
        var mp4 = WebinarTestData.Mp4();
        var ticket = await WebinarTestData.TicketAsync(organiser, publishedId, "recording", "opptak.mp4", "video/mp4", mp4.Length);
        await WebinarTestData.UploadThroughAsync(ticket, mp4);
        Assert.Equal("available", (await WebinarTestData.CompleteAndWaitAsync(organiser, publishedId, ticket)).GetProperty("status").GetString());
        var pending = await WebinarTestData.TicketAsync(organiser, publishedId, "slides", "lysark.pdf", "application/pdf", 4096);

        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/webinars");
        var assets = await anonymous.GetFromJsonAsync<JsonElement>($"/api/webinars/{publishedId}/assets");
        var asset = await anonymous.GetFromJsonAsync<JsonElement>($"/api/webinars/{publishedId}/assets/{ticket.Id("assetId")}");

        Assert.Equal([publishedId], list.GetProperty("items").EnumerateArray().Select(w => w.Id()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/webinars/{planned.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/webinars?status=planned")).StatusCode);
        Assert.Equal([ticket.Id("assetId")], assets.GetProperty("items").EnumerateArray().Select(a => a.Id("assetId")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/webinars/{publishedId}/assets/{pending.Id("assetId")}")).StatusCode);
        Assert.True(asset.GetProperty("readUrl").ValueKind == JsonValueKind.Null, "the public gets metadata, not a download URL");
    }

    [Fact]
    public async Task OnlyOrganisersManageEpisodesAndTheirFiles()
    {
        await using var hub = await HubApp.StartAsync();
        var organiser = await hub.CreateClientWithRoleAsync("organiser");
        var secretariat = await hub.CreateClientWithRoleAsync("secretariat", "trondelag");
        var episode = await WebinarTestData.CreateEpisodeAsync(organiser);

        var create = await secretariat.PostAsJsonAsync("/api/webinars", WebinarTestData.Episode("Ikke min"));
        var upload = await WebinarTestData.RequestUploadAsync(secretariat, episode.Id(), "recording", "opptak.mp4", "video/mp4", 4096);
        var anonymousUpload = await WebinarTestData.RequestUploadAsync(hub.CreateAnonymousClient(), episode.Id(), "recording", "opptak.mp4", "video/mp4", 4096);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousUpload.StatusCode);
        var all = await organiser.GetFromJsonAsync<JsonElement>("/api/webinars?status=planned");
        Assert.Single(all.GetProperty("items").EnumerateArray());
        Assert.Empty((await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{episode.Id()}/assets")).GetProperty("items").EnumerateArray());
    }

    private static Dictionary<string, object?> Merge(object episode, string status)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(episode))!;
        fields["status"] = status;
        return fields;
    }
}
