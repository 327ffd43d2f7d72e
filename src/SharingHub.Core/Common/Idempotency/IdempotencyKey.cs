using Microsoft.AspNetCore.Http;
using SharingHub.Access;

namespace SharingHub.Common.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> header: a retry with the same key gets the first answer, never a second entity. Keys belong
/// to the caller that sent them (the API key's id, the Entra principal, or "anonymous"): the same key from another caller
/// is a different key, so one network's key can neither block another's request nor reveal that it was used.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <returns>The caller's id and the key as sent, or null when the header is absent.</returns>
    public static string? From(HttpRequest request)
    {
        var key = Read(request);
        return key is null ? null : $"{Caller.Of(request).Id ?? "anonymous"}\n{key}";
    }

    private static string? Read(HttpRequest request)
    {
        var value = request.Headers[Header].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (value.Length > 200 || value.Any(c => c < 0x21 || c > 0x7e))
        {
            throw ValidationFailedException.For(Header, "must be 1 to 200 visible ASCII characters, such as a UUID");
        }
        return value;
    }
}
