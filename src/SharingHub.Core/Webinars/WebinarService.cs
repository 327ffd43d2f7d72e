using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Search;
using SharingHub.Stories;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Webinars;

/// <summary>Episodes and their presentations: creation, edits, listings, and the draft story a presentation can become.</summary>
public sealed class WebinarService(
    IWebinarStore store,
    ITranscriptStore transcripts,
    StoryService stories,
    ISearchNoticeQueue searchNotices,
    TimeProvider clock,
    ILogger<WebinarService> logger)
{
    public const int ListMax = 500;

    public async Task<Webinar> CreateAsync(WebinarDraft draft, CancellationToken ct)
    {
        var content = WebinarValidator.Validate(draft, existing: null, WebinarRules.NewId);
        await CheckStoriesAsync(content, previous: null, ct);
        var now = clock.GetUtcNow();
        var webinar = content with
        {
            Id = WebinarRules.NewId(),
            Presentations = ChapterExcerpts.Apply(content.Presentations, null),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await store.CreateAsync(webinar, ct);
        logger.LogInformation("Webinar {WebinarId} created for {StartsAt:O} in series {Series}", webinar.Id, webinar.StartsAt, webinar.Series);
        if (webinar.Status == WebinarStatus.Published)
        {
            await searchNotices.NotifyAsync(SearchNotice.EpisodeKind, [webinar.Id], logger, ct);
        }
        return Present(webinar);
    }

    public async Task<Webinar> GetAsync(string id, CancellationToken ct) => Present(await GetStoredAsync(id, ct));

    public async Task<Webinar> GetStoredAsync(string id, CancellationToken ct) =>
        (await store.GetAsync(id, ct))?.Webinar ?? throw new NotFoundException("Webinar", id);

    public async Task<Webinar> UpdateAsync(string id, WebinarDraft draft, int? expectedVersion, CancellationToken ct)
    {
        var current = await GetStoredAsync(id, ct);
        EntityTag.Check(expectedVersion, current.Version);
        var content = WebinarValidator.Validate(draft, current, WebinarRules.NewId);
        await CheckStoriesAsync(content, current, ct);
        var transcript = current.Transcript is null ? null : await transcripts.GetAsync(id, ct);
        var updated = await ChangeAsync(id, expectedVersion, webinar => webinar with
        {
            Series = content.Series,
            Title = content.Title,
            StartsAt = content.StartsAt,
            Description = content.Description,
            Audience = content.Audience,
            TeamsUrl = content.TeamsUrl,
            Status = content.Status,
            Presentations = ChapterExcerpts.Apply(content.Presentations, transcript),
        }, ct);
        return Present(updated);
    }

    public async Task<IReadOnlyList<Webinar>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, WebinarStatus? status, CancellationToken ct)
    {
        var found = await store.ListAsync(from, to, status, ListMax, ct);
        return found.Select(Present).ToList();
    }

    /// <summary>Creates a draft story pre-filled from the presentation, and links the two both ways.</summary>
    public async Task<Story> CreateStoryAsync(string webinarId, string presentationId, PresentationStoryRequest request, CancellationToken ct)
    {
        var webinar = await GetStoredAsync(webinarId, ct);
        var presentation = webinar.Presentations.FirstOrDefault(p => p.Id == presentationId)
            ?? throw new NotFoundException("Presentation", presentationId);
        if (presentation.StoryId is not null)
        {
            throw new ConflictException($"Presentation '{presentationId}' already presents story '{presentation.StoryId}' (/api/stories/{presentation.StoryId}).");
        }
        var speakers = string.Join(", ", presentation.Speakers.Select(s => s.Organisation is null ? s.Name : $"{s.Name} ({s.Organisation})"));
        var series = webinar.Series == WebinarRules.DefaultSeries ? "Bærekraftsfredag" : webinar.Series;
        var draft = new StoryDraft
        {
            Title = presentation.Title,
            Network = request.Network,
            Kommunenummer = request.Kommunenummer,
            Fylkesnummer = request.Fylkesnummer,
            Organisation = presentation.Speakers.Select(s => s.Organisation).FirstOrDefault(o => o is not null),
            Summary = speakers.Length == 0
                ? $"Presentert på {series} {OsloTime.LongDate(webinar.StartsAt)}."
                : $"Presentert på {series} {OsloTime.LongDate(webinar.StartsAt)} av {speakers}.",
        };
        var (story, _) = await stories.CreateAsync(draft, idempotencyKey: null, ct,
            new NewStoryOptions(StorySources.Webinar, StoryStatus.Draft, new PresentationLink(webinarId, presentationId)));
        await ChangeAsync(webinarId, null, w => w with
        {
            Presentations = w.Presentations.Select(p => p.Id == presentationId ? p with { StoryId = story.Id } : p).ToList(),
        }, ct);
        logger.LogInformation("Story {StoryId} drafted from presentation {PresentationId} of webinar {WebinarId}", story.Id, presentationId, webinarId);
        return story;
    }

    /// <summary>Takes new captions as the episode's transcript and refreshes every chapter's excerpt.</summary>
    public async Task AttachTranscriptAsync(Transcript transcript, CancellationToken ct)
    {
        await transcripts.SaveAsync(transcript, ct);
        var duration = transcript.Segments.Count == 0 ? 0 : transcript.Segments.Max(s => s.End);
        await ChangeAsync(transcript.WebinarId, null, w => w with
        {
            Transcript = new TranscriptInfo(transcript.AssetId, transcript.AutoGenerated, transcript.Notice, transcript.Segments.Count, duration),
            Presentations = ChapterExcerpts.Apply(w.Presentations, transcript),
        }, ct);
    }

    public async Task<Transcript> GetTranscriptAsync(string webinarId, CancellationToken ct)
    {
        var webinar = await GetStoredAsync(webinarId, ct);
        return (webinar.Transcript is null ? null : await transcripts.GetAsync(webinarId, ct))
            ?? throw new NotFoundException("Transcript of webinar", webinarId);
    }

    private async Task<Webinar> ChangeAsync(string id, int? expectedVersion, Func<Webinar, Webinar> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(id, ct) ?? throw new NotFoundException("Webinar", id);
            EntityTag.Check(expectedVersion, current.Webinar.Version);
            var changed = change(current.Webinar) with { UpdatedAt = clock.GetUtcNow(), Version = current.Webinar.Version + 1 };
            if (await store.ReplaceAsync(current, changed, ct))
            {
                if (current.Webinar.Status == WebinarStatus.Published || changed.Status == WebinarStatus.Published)
                {
                    await searchNotices.NotifyAsync(SearchNotice.EpisodeKind, [id], logger, ct); // published, edited, or its transcript added
                }
                return changed;
            }
            if (expectedVersion is not null || attempt >= 3)
            {
                throw new PreconditionFailedException("The webinar was changed by someone else at the same time. Read it again and retry.");
            }
        }
    }

    /// <summary>A presentation may name the story it presents; a newly named story must exist.</summary>
    private async Task CheckStoriesAsync(Webinar content, Webinar? previous, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < content.Presentations.Count; i++)
        {
            var storyId = content.Presentations[i].StoryId;
            var known = previous?.Presentations.Any(p => p.StoryId == storyId) ?? false;
            if (storyId is null || known)
            {
                continue;
            }
            try
            {
                await stories.GetAsync(storyId, ct);
            }
            catch (NotFoundException)
            {
                errors.Add($"presentations[{i}].storyId", $"'{storyId}' is not a story in the hub");
            }
        }
        errors.ThrowIfAny();
    }

    /// <summary>Answers show the start time as Norwegians read it (Europe/Oslo, summer or winter time).</summary>
    private static Webinar Present(Webinar webinar) => webinar with { StartsAt = OsloTime.ToOslo(webinar.StartsAt) };
}
