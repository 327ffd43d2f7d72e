namespace SharingHub.Networks;

/// <summary>A regional (or the national) sustainability network whose secretariat posts and moderates stories.</summary>
public sealed record Network(string Id, string Name, IReadOnlyList<string> Fylker, NetworkContact? Contact, DateTimeOffset CreatedAt);

public sealed record NetworkContact(string? Name, string? Email);

/// <summary>The body of POST /api/networks.</summary>
public sealed record NetworkDraft(string? Id, string? Name, IReadOnlyList<string>? Fylker, NetworkContact? Contact);
