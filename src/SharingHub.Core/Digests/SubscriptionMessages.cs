using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using SharingHub.Common;
using SharingHub.Reference;
using SharingHub.Subscriptions;
using SharingHub.Teams;

namespace SharingHub.Digests;

public sealed record TestMessageResult(string? MessageId, string? OutboxId);

public sealed record DigestPreview(bool Empty, int StoryCount, int ShownStories, int AssetCount, DateTimeOffset Since, TeamsRequest? Request);

/// <summary>The two things a subscription owner does by hand: send a test message and preview the next digest.</summary>
public sealed class SubscriptionMessages(
    SubscriptionService subscriptions,
    DigestRound round,
    TeamsConnectionService connections,
    ITeamsChannels channels,
    IDigestOutbox outbox,
    DigestThrottle throttle,
    IOptions<TeamsOptions> teamsOptions,
    TimeProvider clock)
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task<TestMessageResult> SendTestAsync(string subscriptionId, CancellationToken ct)
    {
        var subscription = await subscriptions.GetAsync(subscriptionId, ct);
        var name = ReferenceData.Instance.MunicipalityByNumber.TryGetValue(subscription.Kommunenummer, out var m) ? m.Name : subscription.Kommunenummer;
        var html = $"<p><strong>SharingHub er koblet til denne kanalen.</strong></p><p>Bærekraftsnytt for {Encode.Encode(name)} kommer hit {Describe(subscription.Cadence)}. " +
                   $"Testmelding sendt {NorwegianDates.DayAndDate(clock.GetUtcNow())} {NorwegianDates.Time(clock.GetUtcNow())}.</p>";
        if (subscription.ConnectionId is null)
        {
            var id = $"test-{subscription.Id}-{Guid.NewGuid():N}";
            await outbox.SaveAsync(id, TeamsRequest.PostMessage(teamsOptions.Value.GraphBaseUrl, subscription.TeamId, subscription.ChannelId, html), ct);
            return new TestMessageResult(null, id);
        }
        var connection = await connections.GetAsync(subscription.ConnectionId, ct);
        try
        {
            await throttle.AcquireAsync(ChannelKey.Of(subscription.TeamId, subscription.ChannelId), connection.TenantId, ct);
            return new TestMessageResult(await channels.PostHtmlAsync(connection, subscription.TeamId, subscription.ChannelId, html, ct), null);
        }
        catch (TeamsGraphException ex) when (ex.Status is 403 or 404)
        {
            throw new ConflictException($"Teams refused the test message ({ex.Status}): {ex.Reason}");
        }
        catch (TeamsGraphException ex)
        {
            throw new DependencyUnavailableException("Microsoft Graph", ex);
        }
        catch (TeamsAuthException ex)
        {
            throw new ConflictException($"The Teams connection cannot sign in: {ex.Message}");
        }
    }

    public async Task<DigestPreview> PreviewAsync(string subscriptionId, CancellationToken ct) =>
        await PreviewAsync(await subscriptions.GetAsync(subscriptionId, ct), ct);

    /// <summary>The next digest of a subscription as given (the workspace previews filters before they are saved).</summary>
    public async Task<DigestPreview> PreviewAsync(Subscription subscription, CancellationToken ct)
    {
        var (content, rendered) = await round.PreviewAsync(subscription, ct);
        var request = rendered is null ? null : TeamsRequest.PostMessage(teamsOptions.Value.GraphBaseUrl, subscription.TeamId, subscription.ChannelId, rendered.Html);
        return new DigestPreview(content.IsEmpty, content.Stories.Count, rendered?.ShownStories ?? 0, content.Assets.Count, content.Since, request);
    }

    private static string Describe(Cadence cadence) => cadence.Kind switch
    {
        CadenceKind.Weekly => $"hver {Weekday(cadence.DayOfWeek ?? DayOfWeek.Monday)} kl. {cadence.Hour:00}.00",
        CadenceKind.Monthly => $"den {cadence.DayOfMonth}. hver måned kl. {cadence.Hour:00}.00",
        _ => $"dagen etter hver Bærekraftsfredag kl. {cadence.Hour:00}.00",
    };

    private static string Weekday(DayOfWeek day) =>
        new[] { "søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag" }[(int)day];
}
