namespace SharingHub.Common;

/// <summary>Collects field errors so that a caller sees every problem with a request at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string reason)
    {
        if (!errors.TryGetValue(field, out var reasons))
        {
            reasons = [];
            errors[field] = reasons;
        }
        reasons.Add(reason);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new ValidationFailedException(ToDictionary());
        }
    }
}
