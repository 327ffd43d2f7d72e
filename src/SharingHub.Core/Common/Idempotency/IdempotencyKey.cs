using Microsoft.AspNetCore.Http;

namespace SharingHub.Common.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header: a retry with the same key gets the first answer, never a second entity.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public static string? From(HttpRequest request)
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
