using System.Text.Json.Nodes;

namespace SharingHub.Teams;

/// <summary>The exact Graph request that posts a message: what the outbox keeps and what a preview shows.</summary>
public sealed record TeamsRequest(string Method, string Url, JsonObject Body)
{
    public static TeamsRequest PostMessage(string graphBaseUrl, string teamId, string channelId, string html) => new(
        "POST",
        $"{graphBaseUrl.TrimEnd('/')}/teams/{Uri.EscapeDataString(teamId)}/channels/{Uri.EscapeDataString(channelId)}/messages",
        new JsonObject { ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html } });
}
