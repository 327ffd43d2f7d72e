namespace SharingHub.Stories;

/// <summary>A story as read from storage, with the opaque stamp a conditional write needs.</summary>
public sealed record StoredStory(Story Story, string Stamp);

public interface IStoryStore
{
    Task<StoredStory?> GetAsync(string id, CancellationToken ct);

    /// <summary>Writes a new story and its index rows. Throws <see cref="Common.ConflictException"/> if the id exists.</summary>
    Task CreateAsync(Story story, CancellationToken ct);

    /// <summary>Replaces <paramref name="previous"/> with <paramref name="updated"/> if nobody changed it since it was read.</summary>
    /// <returns>false when the stored story moved on (the caller answers 412).</returns>
    Task<bool> ReplaceAsync(StoredStory previous, Story updated, CancellationToken ct);

    Task<StoryPage> ListAsync(StoryQuery query, CancellationToken ct);

    /// <summary>Every story published at or after <paramref name="since"/>, read from the main rows in one query (the digest round's snapshot).</summary>
    Task<IReadOnlyList<Story>> ListPublishedSinceAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>Claims (source, network, sourceId) for <paramref name="storyId"/>; returns the id that holds it (the new one, or the earlier one).</summary>
    Task<string> ClaimSourceKeyAsync(string source, string network, string sourceId, string storyId, CancellationToken ct);

    /// <summary>Writes the index rows <paramref name="story"/> should have (idempotent): finishes a create that stopped after the main row.</summary>
    Task EnsureIndexedAsync(Story story, CancellationToken ct);

    /// <summary>
    /// Writes many new stories with batched transactions where the layout allows. A story whose natural key
    /// (<paramref name="stories"/>' SourceKey) is already held is not written; its outcome names the holder.
    /// </summary>
    Task<IReadOnlyList<ImportOutcome>> CreateManyAsync(IReadOnlyList<(Story Story, string? SourceKey)> stories, CancellationToken ct);
}
