using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SharingHub.Stories;

/// <summary>
/// A success story or measure (tiltak) as stored and answered: the fields a network posts (<see cref="StoryContent"/>)
/// plus the hub's bookkeeping, in one flat JSON object.
/// </summary>
public sealed record Story : StoryContent
{
    [JsonConstructor]
    [SetsRequiredMembers]
    public Story()
    {
    }

    [SetsRequiredMembers]
    public Story(StoryContent content)
        : base(content)
    {
    }

    public string Id { get; init; } = string.Empty;
    public StoryStatus Status { get; init; }
    public string? RejectionReason { get; init; }
    public string Source { get; init; } = StorySources.Api;
    public string? SourceId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public int Version { get; init; }

    /// <summary>When the story tells a Bærekraftsfredag presentation: the episode and presentation it came from.</summary>
    public PresentationLink? Presentation { get; init; }

    /// <summary>When the story came from a network's feed: where and when the item was published at the source.</summary>
    public FeedOrigin? Feed { get; init; }

    /// <summary>What the hub guessed from the text (municipality, goals, sector). Not part of the story until an editor accepts them.</summary>
    public StorySuggestions? Suggestions { get; init; }

    /// <summary>The last moderation decision: who approved or rejected the story, and when.</summary>
    public ModerationRecord? Moderation { get; init; }

    /// <summary>The time listings sort by: publication for published stories, creation otherwise.</summary>
    [JsonIgnore]
    public DateTimeOffset SortTime => Status == StoryStatus.Published && PublishedAt is { } p ? p : CreatedAt;

    /// <summary>This story with its content replaced and its bookkeeping kept.</summary>
    public Story WithContent(StoryContent content) => new(content)
    {
        Id = Id,
        Status = Status,
        RejectionReason = RejectionReason,
        Source = Source,
        SourceId = SourceId,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        PublishedAt = PublishedAt,
        Version = Version,
        Presentation = Presentation,
        Feed = Feed,
        Suggestions = Suggestions,
        Moderation = Moderation,
    };
}

public sealed record PresentationLink(string WebinarId, string PresentationId);

/// <summary>The feed item a story came from: the feed source, the item's link, and its times at the source.</summary>
public sealed record FeedOrigin(string SourceId, string? Link, DateTimeOffset? PublishedAt, DateTimeOffset? UpdatedAt, string ContentHash);

/// <summary>Guesses for an editor to accept or ignore. Municipalities are listed in the order the text mentions them.</summary>
public sealed record StorySuggestions(IReadOnlyList<MunicipalitySuggestion> Municipalities, IReadOnlyList<int> Goals, string? Sector);

/// <summary>A municipality whose name (<paramref name="MatchedName"/>, possibly a Sámi or Kven parallel name) appears in the text.</summary>
public sealed record MunicipalitySuggestion(string Kommunenummer, string Name, string MatchedName);

/// <summary>Who decided about a submitted story, when, and why.</summary>
public sealed record ModerationRecord(string? By, DateTimeOffset At, string Decision, string? Reason, IReadOnlyList<string> AcceptedSuggestions);

/// <summary>What a network tells about a measure: validated, normalised (implied goals added, text trimmed).</summary>
public record StoryContent
{
    public string Title { get; init; } = string.Empty;
    public string? Summary { get; init; }
    public string? Body { get; init; }
    public string? Kommunenummer { get; init; }
    public string? Fylkesnummer { get; init; }
    public string Network { get; init; } = string.Empty;
    public string? Organisation { get; init; }
    public string? Sector { get; init; }
    public IReadOnlyList<int> Goals { get; init; } = [];
    public IReadOnlyList<string> Targets { get; init; } = [];
    public IReadOnlyList<LocalTarget> LocalTargets { get; init; } = [];
    public string? Novelty { get; init; }
    public TargetGroup? TargetGroup { get; init; }
    public string? Resources { get; init; }
    public IReadOnlyList<string> Recipe { get; init; } = [];
    public string? Results { get; init; }
    public string? Lessons { get; init; }
    public IReadOnlyList<string> Links { get; init; } = [];
    public ContactPerson? Contact { get; init; }
}

/// <summary>A municipality's own target ("3.9a" in Asker's priority matrix): never one of the 169 official targets.</summary>
public sealed record LocalTarget(string? Owner, string? Code, string? Text);

public sealed record TargetGroup(string? Description, string? Involvement);

/// <summary>Personal data: shown to those who may see it, erasable on request.</summary>
public sealed record ContactPerson(string? Name, string? Email);

public enum StoryStatus
{
    Draft,
    Submitted,
    Published,
    Rejected,
    Withdrawn,
}

public static class StorySources
{
    public const string Api = "api";
    public const string Import = "import";
    public const string Feed = "feed";
    public const string Webinar = "webinar";
}

public static class StoryVocabulary
{
    public static readonly IReadOnlyList<string> Sectors =
        ["kindergarten", "school", "library", "health", "technical", "planning", "culture", "administration", "business", "other"];

    public static readonly IReadOnlyList<string> Novelties = ["new", "developed", "existing"];

    public static readonly IReadOnlyList<string> ResourceLevels = ["small", "medium", "large"];

    public static readonly IReadOnlyList<string> Statuses = ["draft", "submitted", "published", "rejected", "withdrawn"];
}
