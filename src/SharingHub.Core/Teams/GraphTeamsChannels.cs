using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SharingHub.Teams;

/// <summary>Teams through the real <see cref="GraphServiceClient"/>: one client per connection over one shared HttpClient.</summary>
public sealed class GraphTeamsChannels(ITeamsTokenProvider tokens, IOptions<TeamsOptions> options) : ITeamsChannels, IDisposable
{
    // No Graph retry handler: the delivery worker retries itself, so that every retry also passes the rate limiters.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(options.Value.GraphTimeoutSeconds),
    };
    private readonly ConcurrentDictionary<string, GraphServiceClient> clients = new(StringComparer.Ordinal);

    public async Task<ChannelCheck> CheckChannelAsync(TeamsConnection connection, string teamId, string channelId, CancellationToken ct)
    {
        var graph = Client(connection);
        try
        {
            await CallAsync(() => graph.Teams[teamId].GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct), ct);
        }
        catch (TeamsGraphException ex) when (ex.Status is 404 or 403)
        {
            return ex.Status == 404 ? ChannelCheck.TeamNotFound : ChannelCheck.Forbidden;
        }
        try
        {
            await CallAsync(() => graph.Teams[teamId].Channels[channelId].GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct), ct);
        }
        catch (TeamsGraphException ex) when (ex.Status is 404 or 403)
        {
            return ex.Status == 404 ? ChannelCheck.ChannelNotFound : ChannelCheck.Forbidden;
        }
        return ChannelCheck.Reachable;
    }

    public async Task<string> PostHtmlAsync(TeamsConnection connection, string teamId, string channelId, string html, CancellationToken ct)
    {
        var message = new ChatMessage { Body = new ItemBody { ContentType = BodyType.Html, Content = html } };
        var posted = await CallAsync(() => Client(connection).Teams[teamId].Channels[channelId].Messages.PostAsync(message, cancellationToken: ct), ct);
        return posted?.Id ?? throw new TeamsGraphException(502, null, "Graph answered without a message id");
    }

    public async Task<string?> FindRecentMessageAsync(TeamsConnection connection, string teamId, string channelId, string marker, CancellationToken ct)
    {
        var page = await CallAsync(() => Client(connection).Teams[teamId].Channels[channelId].Messages.GetAsync(r => r.QueryParameters.Top = 50, ct), ct);
        return page?.Value?.FirstOrDefault(m => m.Body?.Content?.Contains(marker, StringComparison.Ordinal) == true)?.Id;
    }

    public async Task<IReadOnlyList<TeamsChoice>> ListTeamsAsync(TeamsConnection connection, CancellationToken ct)
    {
        var page = await CallAsync(() => Client(connection).Me.JoinedTeams.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct), ct);
        return Choices(page?.Value?.Select(t => (t.Id, t.DisplayName)));
    }

    public async Task<IReadOnlyList<TeamsChoice>> ListChannelsAsync(TeamsConnection connection, string teamId, CancellationToken ct)
    {
        var page = await CallAsync(() => Client(connection).Teams[teamId].Channels.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct), ct);
        return Choices(page?.Value?.Select(c => (c.Id, c.DisplayName)));
    }

    private static List<TeamsChoice> Choices(IEnumerable<(string? Id, string? Name)>? items) =>
        [.. (items ?? []).Where(i => !string.IsNullOrEmpty(i.Id)).Select(i => new TeamsChoice(i.Id!, i.Name ?? i.Id!)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];

    private GraphServiceClient Client(TeamsConnection connection) =>
        clients.GetOrAdd(connection.Id, _ => new GraphServiceClient(http, new ConnectionAuthentication(tokens, connection), options.Value.GraphBaseUrl));

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (ApiException ex)
        {
            var reason = ex is ODataError { Error.Message: { } message } ? message : ex.Message;
            throw new TeamsGraphException(ex.ResponseStatusCode, RetryAfter(ex.ResponseHeaders), reason, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TeamsGraphException(503, null, "Graph could not be reached", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TeamsGraphException(504, null, "Graph did not answer in time", ex);
        }
    }

    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>> headers)
    {
        var value = headers.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow // an HTTP-date is absolute by definition, so it is compared with the wall clock
            : null;
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        http.Dispose();
    }

    /// <summary>Puts the connection's delegated token on every request.</summary>
    private sealed class ConnectionAuthentication(ITeamsTokenProvider tokens, TeamsConnection connection) : IAuthenticationProvider
    {
        public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            var token = await tokens.GetAccessTokenAsync(connection, cancellationToken);
            request.Headers.Remove("Authorization");
            request.Headers.Add("Authorization", $"Bearer {token}");
        }
    }
}
