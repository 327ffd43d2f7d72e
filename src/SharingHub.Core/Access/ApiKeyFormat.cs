using System.Security.Cryptography;
using System.Text;
using SharingHub.Common;

namespace SharingHub.Access;

/// <summary>
/// "shk_{id}_{secret}": the id finds the stored record in one point read; the 256-bit random secret is what proves the caller.
/// Only the SHA-256 of the whole key is stored (docs/access.md explains why not a password hash).
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "shk_";

    public static (string Id, string Key) New()
    {
        var id = Guid.NewGuid().ToString("N");
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}");
    }

    public static string Hash(string key) => Hashing.Sha256Hex(key);

    public static bool TryParseId(string key, out string id)
    {
        id = string.Empty;
        if (key.Length != Prefix.Length + 32 + 1 + 43 || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + 32] != '_')
        {
            return false;
        }
        id = key.Substring(Prefix.Length, 32);
        return id.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
    }

    /// <summary>Compares two hex hashes in constant time, so response timing says nothing about how close a guess was.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
