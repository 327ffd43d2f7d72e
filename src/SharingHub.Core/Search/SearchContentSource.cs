using Microsoft.Extensions.Logging;
using SharingHub.Stories;
using SharingHub.Webinars;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Search;

/// <summary>Reads what the index shows from the stores of record: published stories and episodes, with their transcripts.</summary>
public sealed class SearchContentSource(IStoryStore stories, IWebinarStore webinars, ITranscriptStore transcripts, ILogger<SearchContentSource> logger)
{
    /// <returns>The story if it is published now, else null (withdrawn, rejected, a draft, or gone).</returns>
    public async Task<Story?> PublishedStoryAsync(string id, CancellationToken ct) =>
        (await stories.GetAsync(id, ct))?.Story is { Status: StoryStatus.Published } story ? story : null;

    public Task<IReadOnlyList<Story>> AllPublishedStoriesAsync(CancellationToken ct) =>
        stories.ListPublishedSinceAsync(DateTimeOffset.MinValue, ct);

    /// <returns>The episode and its transcript if it is published now, else null.</returns>
    public async Task<(Webinar Webinar, Transcript? Transcript)?> PublishedEpisodeAsync(string id, CancellationToken ct)
    {
        if ((await webinars.GetAsync(id, ct))?.Webinar is not { Status: WebinarStatus.Published } webinar)
        {
            return null;
        }
        return (webinar, webinar.Transcript is null ? null : await TranscriptAsync(id, ct));
    }

    public async IAsyncEnumerable<string> AllEpisodeIdsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var id in webinars.AllIdsAsync(ct))
        {
            yield return id;
        }
    }

    private async Task<Transcript?> TranscriptAsync(string webinarId, CancellationToken ct)
    {
        try
        {
            return await transcripts.GetAsync(webinarId, ct);
        }
        catch (System.Text.Json.JsonException ex)
        {
            // An unreadable transcript must not hold back every other change: the episode is indexed without it.
            logger.LogError(ex, "The transcript of webinar {WebinarId} cannot be read; indexed without it", webinarId);
            return null;
        }
    }
}
