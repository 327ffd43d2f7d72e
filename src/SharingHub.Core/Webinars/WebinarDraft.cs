using System.Text.Json;

namespace SharingHub.Webinars;

/// <summary>
/// The JSON an organiser posts (POST /api/webinars, PUT /api/webinars/{id}), checked by <see cref="WebinarValidator"/>.
/// The read-only fields of an answer are accepted and ignored, so that a GET can be edited and sent back as is.
/// </summary>
public sealed record WebinarDraft
{
    public string? Series { get; init; }
    public string? Title { get; init; }
    public string? StartsAt { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string?>? Audience { get; init; }
    public string? TeamsUrl { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<PresentationDraft?>? Presentations { get; init; }

    public JsonElement? Id { get; init; }
    public JsonElement? Transcript { get; init; }
    public JsonElement? CreatedAt { get; init; }
    public JsonElement? UpdatedAt { get; init; }
    public JsonElement? Version { get; init; }
}

public sealed record PresentationDraft
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<SpeakerDraft?>? Speakers { get; init; }
    public string? StoryId { get; init; }
    public int? OffsetSeconds { get; init; }

    public JsonElement? Chapter { get; init; }
}

public sealed record SpeakerDraft(string? Name, string? Organisation, string? Email = null);

/// <summary>Body of POST /api/webinars/{id}/presentations/{pid}/story: where the new draft story belongs.</summary>
public sealed record PresentationStoryRequest(string? Network, string? Kommunenummer, string? Fylkesnummer);
