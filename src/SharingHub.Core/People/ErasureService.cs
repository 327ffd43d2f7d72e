using Microsoft.Extensions.Logging;
using SharingHub.Common;

namespace SharingHub.People;

/// <summary>The right to erasure (GDPR art. 17): asks every <see cref="IPersonalDataHolder"/> to forget a person.</summary>
public sealed class ErasureService(IEnumerable<IPersonalDataHolder> holders, ILogger<ErasureService> logger)
{
    public const int NameMax = 200;

    /// <param name="email">The address that identifies the person.</param>
    /// <param name="name">The person's name, if the requester knows it: removed from free text and rendered messages too.</param>
    public async Task<ErasureReport> EraseAsync(string? email, string? name, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var normalised = email?.Trim().ToLowerInvariant();
        if (normalised is null || !EmailAddress.IsValid(normalised))
        {
            errors.Add("email", "must be an e-mail address such as navn@kommune.no");
        }
        var givenName = TextRules.Line(errors, "name", name, NameMax, required: false);
        if (givenName is { Length: < ErasedPerson.MinNameLength })
        {
            errors.Add("name", $"must be at least {ErasedPerson.MinNameLength} characters (shorter names would match parts of other words)");
        }
        errors.ThrowIfAny();

        // Every holder is asked for names before any erases, so no holder depends on another's order.
        var names = new List<string>();
        if (givenName is not null)
        {
            names.Add(givenName);
        }
        foreach (var holder in holders)
        {
            names.AddRange(await holder.NamesOfAsync(normalised!, ct));
        }
        var person = new ErasedPerson(normalised!, names);
        var changed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var holder in holders)
        {
            changed[holder.Name] = await holder.EraseAsync(person, ct);
        }
        var reference = Reference(normalised!);
        // The hash, never the address: the log and audit must not keep what was just erased.
        logger.LogInformation("Erased person {PersonRef}: {Changed}", reference, changed);
        return new ErasureReport(reference, changed);
    }

    /// <summary>A stable pseudonym for the audit: lets the hub answer "was I erased?" without keeping the address.</summary>
    public static string Reference(string normalisedEmail) => "sha256:" + Hashing.Sha256Hex(normalisedEmail);
}

/// <summary>The body of POST /api/people/erase: the address identifies the person; the name, if given, is erased from text too.</summary>
public sealed record ErasureRequest(string? Email, string? Name);

/// <summary>What was erased: the person's pseudonym and how many records each feature changed.</summary>
public sealed record ErasureReport(string Person, IReadOnlyDictionary<string, int> Changed);
