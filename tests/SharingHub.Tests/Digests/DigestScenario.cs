using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Digests;
using SharingHub.Stories;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Tests.Digests;

/// <summary>Small steps the digest tests share: a channel, a subscription, published stories, moving the clock to a due hour.</summary>
internal static class DigestScenario
{
    public const string Team = "team-asker";
    public const string Channel = "19:baerekraft@thread.tacv2";

    public static object Subscription(string? connectionId, IReadOnlyList<int>? goals = null, string kommune = "3203", string channel = Channel, string team = Team, bool own = false) => new
    {
        kommunenummer = kommune,
        connectionId,
        teamId = team,
        channelId = channel,
        filters = new { goals = goals ?? [], targets = Array.Empty<string>(), sectors = Array.Empty<string>(), networks = Array.Empty<string>(), fylker = Array.Empty<string>(), ownMunicipalityOnly = own },
        cadence = new { kind = "weekly", dayOfWeek = "monday", dayOfMonth = 1, hour = 8 },
        paused = false,
    };

    public static async Task<string> CreateSubscriptionAsync(DigestTestHost host, object body)
    {
        var response = await host.Hub.CreateClient().PostAsJsonAsync("/api/subscriptions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<Story> PublishAsync(DigestTestHost host, string title, int goal, string kommune = "3203", string? summary = null)
    {
        var draft = new StoryDraft { Title = title, Network = "asker", Kommunenummer = kommune, Goals = [goal], Summary = summary ?? "Et tiltak som virket." };
        var (story, _) = await host.Service<StoryService>().CreateAsync(draft, null, CancellationToken.None, new NewStoryOptions(StorySources.Import, StoryStatus.Published));
        return story;
    }

    /// <summary>Moves the hub's clock to a minute past the next Monday 08:00 in Oslo.</summary>
    public static void ToNextMondayMorning(DigestTestHost host)
    {
        var now = host.Hub.Clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, OsloSchedule.Oslo);
        var days = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        var target = OsloSchedule.At(DateOnly.FromDateTime(local.Date).AddDays(days == 0 ? 7 : days), 8).AddMinutes(1);
        host.Hub.Clock.SetUtcNow(target);
    }

    /// <summary>Runs a task that waits on the hub's clock (Retry-After, backoff) by moving the clock until it finishes.</summary>
    public static async Task<T> WhileAdvancingAsync<T>(DigestTestHost host, Task<T> work)
    {
        for (var i = 0; i < 2_000 && !work.IsCompleted; i++)
        {
            host.Hub.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(work, Task.Delay(10));
        }
        return await work;
    }
}
