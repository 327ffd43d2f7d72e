using System.Net.Mail;

namespace SharingHub.Common;

public static class EmailAddress
{
    /// <summary>A plain address ("navn@kommune.no"), without display name or comments.</summary>
    public static bool IsValid(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal);
}
