using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SharingHub.Testing.GraphDouble;

/// <summary>
/// A local stand-in for the few Microsoft Graph endpoints the hub uses, served by Kestrel on 127.0.0.1 (a free port),
/// so that the real GraphServiceClient talks to it over HTTP. It records every request and can be told to fail.
/// </summary>
public sealed class GraphDouble : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, List<GraphMessage>>> teams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly List<GraphFault> faults = [];
    private long nextMessageId = 1_700_000_000_000;

    private GraphDouble(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>How long each message POST takes to answer (the bench uses 100 ms).</summary>
    public TimeSpan PostDelay { get; set; }

    /// <summary>
    /// Keeps each request's body and each message's content (the default). The bench turns it off, so that ten thousand
    /// digests kept here do not count as the hub's memory; posts are still recorded, with empty bodies.
    /// </summary>
    public bool KeepContent { get; set; } = true;

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>The successful message posts, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Posts => requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Status == 201).ToArray();

    public static async Task<GraphDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var graph = new GraphDouble(builder.Build());
        await graph.app.StartAsync();
        var address = graph.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        graph.BaseUrl = address.TrimEnd('/') + "/v1.0";
        return graph;
    }

    /// <summary>A channel the connected account may post to; the names are what GET /me/joinedTeams and /teams/{id}/channels list.</summary>
    public void AddChannel(string teamId, string channelId, string? teamName = null, string? channelName = null)
    {
        teams.GetOrAdd(teamId, _ => new(StringComparer.Ordinal)).GetOrAdd(channelId, _ => []);
        if (teamName is not null)
        {
            names[teamId] = teamName;
        }
        if (channelName is not null)
        {
            names[teamId + "/" + channelId] = channelName;
        }
    }

    public void RemoveChannel(string teamId, string channelId)
    {
        if (teams.TryGetValue(teamId, out var channels))
        {
            channels.TryRemove(channelId, out _);
        }
    }

    public IReadOnlyList<GraphMessage> Messages(string teamId, string channelId)
    {
        if (!teams.TryGetValue(teamId, out var channels) || !channels.TryGetValue(channelId, out var list))
        {
            return [];
        }
        lock (list)
        {
            return list.ToArray();
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="kind"/> answer <paramref name="status"/>.</summary>
    public void Fail(GraphCall kind, int status, int times = 1, TimeSpan? retryAfter = null, TimeSpan? delay = null)
    {
        lock (faults)
        {
            faults.Add(new GraphFault(kind, status, retryAfter, delay) { Remaining = times });
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var receivedAt = DateTimeOffset.UtcNow; // arrival on the real clock: what Graph's own throttling would count
        // Bytes, not text: a bench posts thousands of 27 KB messages, and the double's own garbage counts as the hub's memory.
        using var body = new MemoryStream(request.ContentLength is > 0 and < 4_000_000 and var length ? (int)length : 0);
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var segments = request.Path.Value!.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var kind = Classify(request.Method, segments);
        var (status, answer, retryAfter) = await AnswerAsync(context, kind, segments, body.GetBuffer().AsMemory(0, (int)body.Length));
        requests.Enqueue(new RecordedRequest(
            request.Method,
            request.Path.Value!,
            request.QueryString.Value ?? string.Empty,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            KeepContent ? System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length) : string.Empty,
            kind,
            status,
            receivedAt));
        context.Response.StatusCode = status;
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private async Task<(int Status, JsonNode Answer, TimeSpan? RetryAfter)> AnswerAsync(HttpContext context, GraphCall kind, string[] segments, ReadOnlyMemory<byte> body)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return (401, Error("InvalidAuthenticationToken", "Access token is empty."), null);
        }
        GraphFault? fault = null;
        lock (faults)
        {
            fault = faults.FirstOrDefault(f => f.Remaining > 0 && (f.Kind == kind || f.Kind == GraphCall.Any));
            if (fault is not null)
            {
                fault.Remaining--;
            }
        }
        if (fault?.Delay is { } slow)
        {
            await Task.Delay(slow, context.RequestAborted);
        }
        if (fault is not null && fault.Status >= 400)
        {
            return (fault.Status, Error(fault.Status == 429 ? "TooManyRequests" : "Fault", $"Injected {fault.Status}"), fault.RetryAfter);
        }
        if (kind == GraphCall.Unknown)
        {
            return (400, Error("BadRequest", "The double does not speak this request."), null);
        }
        if (kind == GraphCall.ListJoinedTeams)
        {
            return (200, Collection(teams.Keys.Order(StringComparer.Ordinal).Select(id => (id, names.GetValueOrDefault(id, "Team " + id)))), null);
        }
        if (!teams.TryGetValue(segments[2], out var channels))
        {
            return (404, Error("NotFound", "No team found with Group Id " + segments[2]), null);
        }
        if (kind == GraphCall.ListChannels)
        {
            var team = segments[2];
            return (200, Collection(channels.Keys.Order(StringComparer.Ordinal).Select(id => (id, names.GetValueOrDefault(team + "/" + id, "Channel " + id)))), null);
        }
        if (kind == GraphCall.GetTeam)
        {
            return (200, new JsonObject { ["id"] = segments[2], ["displayName"] = "Team " + segments[2] }, null);
        }
        if (!channels.TryGetValue(segments[4], out var messages))
        {
            return (404, Error("NotFound", "Channel not found"), null);
        }
        switch (kind)
        {
            case GraphCall.GetChannel:
                return (200, new JsonObject { ["id"] = segments[4], ["displayName"] = "Channel" }, null);
            case GraphCall.ListMessages:
                var top = int.TryParse(context.Request.Query["$top"], out var t) ? t : 20;
                GraphMessage[] newest;
                lock (messages)
                {
                    newest = messages.AsEnumerable().Reverse().Take(top).ToArray();
                }
                return (200, new JsonObject { ["value"] = new JsonArray(newest.Select(m => (JsonNode)m.ToJson()).ToArray()) }, null);
            default:
                if (PostDelay > TimeSpan.Zero)
                {
                    await Task.Delay(PostDelay, context.RequestAborted);
                }
                string content = string.Empty, contentType = "text";
                using (var json = JsonDocument.Parse(body))
                {
                    if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("body", out var posted) && posted.ValueKind == JsonValueKind.Object)
                    {
                        contentType = posted.TryGetProperty("contentType", out var type) ? type.GetString() ?? contentType : contentType;
                        content = KeepContent && posted.TryGetProperty("content", out var text) ? text.GetString() ?? string.Empty : string.Empty;
                    }
                }
                var message = new GraphMessage(Interlocked.Increment(ref nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture), contentType, content, DateTimeOffset.UtcNow);
                lock (messages)
                {
                    messages.Add(message);
                }
                return (201, message.ToJson(), null);
        }
    }

    private static JsonObject Collection(IEnumerable<(string Id, string Name)> items) =>
        new() { ["value"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["displayName"] = i.Name })]) };

    private static GraphCall Classify(string method, string[] s) => (method, s.Length) switch
    {
        ("GET", 3) when s[0] == "v1.0" && s[1] == "me" && s[2] == "joinedTeams" => GraphCall.ListJoinedTeams,
        ("GET", 4) when s[0] == "v1.0" && s[1] == "teams" && s[3] == "channels" => GraphCall.ListChannels,
        ("GET", 3) when s[0] == "v1.0" && s[1] == "teams" => GraphCall.GetTeam,
        ("GET", 5) when s[0] == "v1.0" && s[1] == "teams" && s[3] == "channels" => GraphCall.GetChannel,
        ("GET", 6) when s[0] == "v1.0" && s[1] == "teams" && s[3] == "channels" && s[5] == "messages" => GraphCall.ListMessages,
        ("POST", 6) when s[0] == "v1.0" && s[1] == "teams" && s[3] == "channels" && s[5] == "messages" => GraphCall.PostMessage,
        _ => GraphCall.Unknown,
    };

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public enum GraphCall
{
    Any,
    GetTeam,
    GetChannel,
    ListMessages,
    PostMessage,
    ListJoinedTeams,
    ListChannels,
    Unknown,
}

public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, GraphCall Kind, int Status, DateTimeOffset ReceivedAt)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

public sealed record GraphMessage(string Id, string ContentType, string Content, DateTimeOffset CreatedAt)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["createdDateTime"] = CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["body"] = new JsonObject { ["contentType"] = ContentType, ["content"] = Content },
    };
}

internal sealed class GraphFault(GraphCall kind, int status, TimeSpan? retryAfter, TimeSpan? delay)
{
    public GraphCall Kind { get; } = kind;
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public TimeSpan? Delay { get; } = delay;
    public int Remaining { get; set; }
}
