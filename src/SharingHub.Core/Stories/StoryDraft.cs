namespace SharingHub.Stories;

/// <summary>The JSON a network's system posts (POST /api/stories, PUT /api/stories/{id}, one import row). Everything is checked by <see cref="StoryValidator"/>.</summary>
public sealed record StoryDraft
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Body { get; init; }
    public string? Kommunenummer { get; init; }
    public string? Fylkesnummer { get; init; }
    public string? Network { get; init; }
    public string? Organisation { get; init; }
    public string? Sector { get; init; }
    public IReadOnlyList<int>? Goals { get; init; }
    public IReadOnlyList<string?>? Targets { get; init; }
    public IReadOnlyList<LocalTarget?>? LocalTargets { get; init; }
    public string? Novelty { get; init; }
    public TargetGroup? TargetGroup { get; init; }
    public string? Resources { get; init; }
    public IReadOnlyList<string?>? Recipe { get; init; }
    public string? Results { get; init; }
    public string? Lessons { get; init; }
    public IReadOnlyList<string?>? Links { get; init; }
    public ContactPerson? Contact { get; init; }
    public string? SourceId { get; init; }
}
