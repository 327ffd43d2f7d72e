using System.Security.Cryptography;

namespace SharingHub.Teams;

/// <summary>AES-GCM for MSAL token caches at rest: nonce (12) | tag (16) | ciphertext. Tampering fails to decrypt.</summary>
public sealed class TokenCacheProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[]? key;

    /// <param name="base64Key">Null when not configured: then nothing can be stored or read, and says so.</param>
    public TokenCacheProtector(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
        {
            return;
        }
        key = Convert.FromBase64String(base64Key);
        if (key.Length != 32)
        {
            throw new ArgumentException("Teams:TokenCacheKey must be 32 random bytes in Base64 (for example: openssl rand -base64 32).", nameof(base64Key));
        }
    }

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string connectionId)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Associated(connectionId));
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the data was altered, or belongs to another connection.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string connectionId)
    {
        if (protectedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The token cache is too short to be one of ours.");
        }
        var plaintext = new byte[protectedData.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Key, TagSize);
        aes.Decrypt(protectedData[..NonceSize], protectedData[(NonceSize + TagSize)..], protectedData.Slice(NonceSize, TagSize), plaintext, Associated(connectionId));
        return plaintext;
    }

    private byte[] Key => key ?? throw new TeamsAuthException("Teams:TokenCacheKey is not configured, so token caches can be neither read nor written.");

    // Binding the connection id means a cache copied onto another connection's blob does not decrypt.
    private static byte[] Associated(string connectionId) => System.Text.Encoding.UTF8.GetBytes("sharinghub-teams-cache:" + connectionId);
}
