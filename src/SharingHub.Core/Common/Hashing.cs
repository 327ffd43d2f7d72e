using System.Security.Cryptography;
using System.Text;

namespace SharingHub.Common;

public static class Hashing
{
    /// <summary>Lowercase hex SHA-256 of the UTF-8 text: safe as a table key whatever the text holds.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
