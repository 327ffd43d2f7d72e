using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Workspace;

/// <summary>/arbeid/medlemmer, /arbeid/logg and /arbeid/sletting: the admin's pages, each with the same service as its API route.</summary>
public sealed class AdminPageTests
{
    [Fact]
    public async Task ASecretariatInvitesAndRemovesItsNetworksMembersAndSeesNoOthers()
    {
        await using var hub = await HubApp.StartAsync();
        using var admin = hub.CreateClient();
        using var _ = await admin.PostAsJsonAsync("/api/members", new { email = "annen@asker.no", role = "organiser", scopes = Array.Empty<string>() });
        using var trondelag = await hub.WorkspaceClientAsync("secretariat", "trondelag");
        using var subscriber = await hub.WorkspaceClientAsync("subscriber", "3203");

        var invited = await trondelag.PostFormAsync("/arbeid/medlemmer", "#invitasjon",
            [new("epost", "Ny@Trondelag.no"), new("rolle", "secretariat"), new("omfang", "trondelag")]);
        var afterInvite = await admin.GetFromJsonAsync<JsonElement>("/api/members");
        var member = afterInvite.EnumerateArray().Single(m => m.GetProperty("email").GetString() == "ny@trondelag.no");
        var bad = await trondelag.PostFormAsync("/arbeid/medlemmer", "#invitasjon", [new("epost", "ikke-en-adresse"), new("rolle", "secretariat")]);
        var removed = await trondelag.PostFormAsync("/arbeid/medlemmer", $"form[action='/arbeid/medlemmer/{member.GetProperty("id").GetString()}/fjern']", []);
        var afterRemove = await admin.GetFromJsonAsync<JsonElement>("/api/members");
        var forbidden = await subscriber.GetPageAsync("/arbeid/medlemmer");

        Assert.Equal(HttpStatusCode.OK, invited.Status);
        Assert.Contains("ny@trondelag.no", invited.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("annen@asker.no", invited.Html, StringComparison.Ordinal);
        Assert.Equal("secretariat", member.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.NotNull(bad.Document.QuerySelector("a[href='#epost']"));
        Assert.Equal(2, afterInvite.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal("annen@asker.no", Assert.Single(afterRemove.EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }

    [Fact]
    public async Task AnAdminReadsTheAuditLogFilteredAndPagedAndOthersMayNot()
    {
        await using var hub = await HubApp.StartAsync();
        using var api = hub.CreateClient();
        using var first = await api.PostAsJsonAsync("/api/members", new { email = "en@kommune.no", role = "organiser", scopes = Array.Empty<string>() });
        using var second = await api.PostAsJsonAsync("/api/members", new { email = "to@kommune.no", role = "organiser", scopes = Array.Empty<string>() });
        var firstEntity = first.Headers.Location!.OriginalString.TrimStart('/')["api/".Length..];
        using var admin = await hub.WorkspaceClientAsync("admin");
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");

        var all = await admin.GetPageAsync("/arbeid/logg");
        var paged = await admin.GetPageAsync("/arbeid/logg?limit=1");
        var older = await admin.GetPageAsync(paged.Document.QuerySelector("#eldre")!.GetAttribute("href")!);
        var filtered = await admin.GetPageAsync("/arbeid/logg?entity=" + Uri.EscapeDataString(firstEntity));
        var wrong = await admin.GetPageAsync("/arbeid/logg?from=i-går&limit=0");
        var forbidden = await secretariat.GetPageAsync("/arbeid/logg");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.True(all.Document.QuerySelectorAll("#logg tbody tr").Length >= 2);
        Assert.Contains("POST /api/members", all.Html, StringComparison.Ordinal);
        Assert.Single(paged.Document.QuerySelectorAll("#logg tbody tr"));
        Assert.Single(older.Document.QuerySelectorAll("#logg tbody tr"));
        Assert.NotEqual(paged.Document.QuerySelector("#logg tbody tr")!.TextContent, older.Document.QuerySelector("#logg tbody tr")!.TextContent);
        var row = Assert.Single(filtered.Document.QuerySelectorAll("#logg tbody tr"));
        Assert.Contains(firstEntity, row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.NotNull(wrong.Document.QuerySelector("a[href='#from']"));
        Assert.NotNull(wrong.Document.QuerySelector("a[href='#limit']"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }

    [Fact]
    public async Task AnAdminErasesAPersonOnlyWhenConfirmedAndSeesWhatWasChanged()
    {
        await using var hub = await HubApp.StartAsync();
        using var api = hub.CreateClient();
        using var _ = await api.PostAsJsonAsync("/api/members", new { email = "ola.testesen@kommune.no", role = "organiser", scopes = Array.Empty<string>() });
        using var admin = await hub.WorkspaceClientAsync("admin");
        using var organiser = await hub.WorkspaceClientAsync("organiser");

        var unconfirmed = await admin.PostFormAsync("/arbeid/sletting", "#slett", [new("epost", "ola.testesen@kommune.no"), new("navn", "")]);
        var kept = await api.GetFromJsonAsync<JsonElement>("/api/members");
        var erased = await admin.PostFormAsync("/arbeid/sletting", "#slett",
            [new("epost", "OLA.testesen@kommune.no"), new("navn", "Ola Testesen"), new("bekreft", "ja")]);
        var gone = await api.GetFromJsonAsync<JsonElement>("/api/members");
        var forbidden = await organiser.GetPageAsync("/arbeid/sletting");

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.NotNull(unconfirmed.Document.QuerySelector("a[href='#bekreft']"));
        Assert.Equal(1, kept.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.StartsWith("sha256:", erased.Document.QuerySelector("#slettet-ref")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(erased.Document.QuerySelectorAll("#endret tbody tr"), r => r.TextContent.Contains('1', StringComparison.Ordinal));
        Assert.DoesNotContain("ola.testesen", erased.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, gone.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }
}
