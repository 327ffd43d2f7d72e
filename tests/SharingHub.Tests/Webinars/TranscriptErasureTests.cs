using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SharingHub.Testing;

namespace SharingHub.Tests.Webinars;

/// <summary>Captions name speakers in voice tags (&lt;v Name&gt;); erasing a speaker must reach the transcript and the captions file.</summary>
public sealed class TranscriptErasureTests
{
    private const string Name = "Ingrid Bærekraftsen";
    private const string Email = "ingrid.baerekraftsen@trondheim.kommune.no";

    private const string Captions = $"""
        WEBVTT

        00:00:01.000 --> 00:00:04.000
        <v {Name}>Velkommen, jeg heter {Name}.</v>

        00:00:05.000 --> 00:00:07.000
        <v Per Annen>Takk, {Name}!</v>
        """;

    [Fact]
    public async Task ErasingASpeakerRemovesTheirNameFromTranscriptsCaptionsFilesAndChapters()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        using var created = await admin.PostAsJsonAsync("/api/webinars", new
        {
            title = "Bærekraftsfredag: bibliotek",
            startsAt = "2026-09-25T09:00:00+02:00",
            status = "published",
            presentations = new[]
            {
                new { title = "Bibliotek og bærekraft", speakers = new[] { new { name = Name, organisation = "Trondheim folkebibliotek", email = Email } }, offsetSeconds = 0 },
            },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).Id();
        var bytes = WebinarTestData.Vtt(Captions);
        var ticket = await WebinarTestData.TicketAsync(admin, id, "captions", "teksting.vtt", "text/vtt", bytes.Length);
        await WebinarTestData.UploadThroughAsync(ticket, bytes);
        Assert.Equal("available", (await WebinarTestData.CompleteAndWaitAsync(admin, id, ticket)).GetProperty("status").GetString());
        Assert.True(await StoredAnywhereAsync(hub, Name), "the test must start with the name in stored data");

        using var erase = await admin.PostAsJsonAsync("/api/people/erase", new { email = Email });
        var report = await erase.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(2, report.GetProperty("changed").GetProperty("transcripts").GetInt32()); // the transcript and its captions file
        Assert.False(await StoredAnywhereAsync(hub, Name), "the speaker's name is still stored");
        Assert.True(await StoredAnywhereAsync(hub, "Per Annen"), "another speaker was erased too");

        var transcript = await admin.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}/transcript");
        var segments = transcript.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal("(slettet etter forespørsel)", segments[0].GetProperty("speaker").GetString());
        Assert.Equal("Velkommen, jeg heter (slettet etter forespørsel).", segments[0].GetProperty("text").GetString());
        Assert.Equal("Per Annen", segments[1].GetProperty("speaker").GetString());

        var asset = await admin.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}/assets/{ticket.Id("assetId")}");
        Assert.Equal("available", asset.GetProperty("status").GetString());
        using var plain = new HttpClient();
        var served = await plain.GetByteArrayAsync(asset.GetProperty("readUrl").GetString());
        Assert.Contains("<v (slettet etter forespørsel)>", System.Text.Encoding.UTF8.GetString(served));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(served)), asset.GetProperty("contentHash").GetString());
        Assert.Equal(served.Length, asset.GetProperty("size").GetInt64());
    }

    /// <summary>Every blob (snapshots included) of this hub's containers, and every value of every row of its tables, read with the SDK.</summary>
    private static async Task<bool> StoredAnywhereAsync(HubApp hub, string text)
    {
        var blobs = new BlobServiceClient(hub.StorageConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: hub.Prefix))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Snapshots }))
            {
                var blob = client.GetBlobClient(item.Name);
                var content = (await (item.Snapshot is null ? blob : blob.WithSnapshot(item.Snapshot)).DownloadContentAsync()).Value.Content.ToString();
                if (content.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        var tables = new TableServiceClient(hub.StorageConnectionString);
        await foreach (var table in tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {hub.Prefix} and TableName lt {hub.Prefix + "~"}")))
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (((IDictionary<string, object>)row).Values.Any(v => v?.ToString()?.Contains(text, StringComparison.OrdinalIgnoreCase) == true))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
