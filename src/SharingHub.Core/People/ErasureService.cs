using Microsoft.Extensions.Logging;
using SharingHub.Common;

namespace SharingHub.People;

/// <summary>The right to erasure (GDPR art. 17): asks every <see cref="IPersonalDataHolder"/> to forget a person.</summary>
public sealed class ErasureService(IEnumerable<IPersonalDataHolder> holders, ILogger<ErasureService> logger)
{
    public async Task<ErasureReport> EraseAsync(string email, CancellationToken ct)
    {
        var normalised = Normalise(email);
        var changed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var holder in holders)
        {
            changed[holder.Name] = await holder.EraseAsync(normalised, ct);
        }
        var reference = Reference(normalised);
        // The hash, never the address: the log and audit must not keep what was just erased.
        logger.LogInformation("Erased person {PersonRef}: {Changed}", reference, changed);
        return new ErasureReport(reference, changed);
    }

    /// <summary>A stable pseudonym for the audit: lets the hub answer "was I erased?" without keeping the address.</summary>
    public static string Reference(string normalisedEmail) => "sha256:" + Hashing.Sha256Hex(normalisedEmail);

    public static string Normalise(string email)
    {
        var trimmed = Uri.UnescapeDataString(email).Trim().ToLowerInvariant();
        if (!EmailAddress.IsValid(trimmed))
        {
            throw ValidationFailedException.For("email", "must be an e-mail address such as navn@kommune.no");
        }
        return trimmed;
    }
}

/// <summary>What was erased: the person's pseudonym and how many records each feature changed.</summary>
public sealed record ErasureReport(string Person, IReadOnlyDictionary<string, int> Changed);
