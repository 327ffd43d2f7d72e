using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Azure.Core;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharingHub.Storage;

namespace SharingHub.SignIn;

/// <summary>
/// Wraps each Data Protection key with a Key Vault key (envelope encryption: the key's XML is sealed with a fresh AES-256-GCM
/// key, and only that key is wrapped by Key Vault with RSA-OAEP-256), so the blob alone decrypts no cookie. Key Vault's
/// wrapKey/unwrapKey REST operations are called directly with the hub's managed identity: the Azure.Extensions.AspNetCore
/// .DataProtection.Keys and Azure.Security.KeyVault.Keys packages are not served by the package registry here.
/// Data Protection calls these synchronously and only when it creates or first loads a key, never per request.
/// </summary>
public static class KeyVaultKeyWrap
{
    public static void Apply(KeyManagementOptions options, IServiceProvider services)
    {
        var keyUri = services.GetRequiredService<IOptions<SignInOptions>>().Value.KeyRing.KeyVaultKeyUri;
        if (!string.IsNullOrWhiteSpace(keyUri))
        {
            options.XmlEncryptor = new Encryptor(new KeyVaultClient(services), keyUri);
        }
    }

    /// <summary>The few Key Vault calls the wrap needs, with a token for the vault from the hub's credential.</summary>
    public sealed class KeyVaultClient(IServiceProvider services)
    {
        private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
        private readonly TokenCredential credential =
            StorageServiceCollectionExtensions.CreateCredential(services.GetRequiredService<IOptions<StorageOptions>>().Value);

        public (string KeyId, byte[] Wrapped) Wrap(string keyUri, byte[] key)
        {
            var answer = Call($"{keyUri.TrimEnd('/')}/wrapkey", key);
            return (answer["kid"]!.GetValue<string>(), System.Buffers.Text.Base64Url.DecodeFromChars(answer["value"]!.GetValue<string>()));
        }

        public byte[] Unwrap(string keyId, byte[] wrapped) =>
            System.Buffers.Text.Base64Url.DecodeFromChars(Call($"{keyId.TrimEnd('/')}/unwrapkey", wrapped)["value"]!.GetValue<string>());

        private JsonNode Call(string operation, byte[] value)
        {
            var token = credential.GetToken(new TokenRequestContext(["https://vault.azure.net/.default"]), CancellationToken.None);
            using var request = new HttpRequestMessage(HttpMethod.Post, operation + "?api-version=7.4")
            {
                Content = JsonContent.Create(new JsonObject { ["alg"] = "RSA-OAEP-256", ["value"] = System.Buffers.Text.Base64Url.EncodeToString(value) }),
            };
            request.Headers.Authorization = new("Bearer", token.Token);
            using var response = Http.Send(request);
            response.EnsureSuccessStatusCode();
            using var stream = response.Content.ReadAsStream();
            return JsonNode.Parse(stream) ?? throw new InvalidOperationException("Key Vault answered with no body.");
        }
    }

    private sealed class Encryptor(KeyVaultClient vault, string keyUri) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            var dataKey = RandomNumberGenerator.GetBytes(32);
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            using (var aes = new AesGcm(dataKey, tag.Length))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag);
            }
            var (keyId, wrapped) = vault.Wrap(keyUri, dataKey);
            var element = new XElement("keyVaultWrapped",
                new XElement("kid", keyId),
                new XElement("key", Convert.ToBase64String(wrapped)),
                new XElement("nonce", Convert.ToBase64String(nonce)),
                new XElement("tag", Convert.ToBase64String(tag)),
                new XElement("value", Convert.ToBase64String(ciphertext)));
            return new EncryptedXmlInfo(element, typeof(Decryptor));
        }
    }

    /// <summary>Created by Data Protection from the key ring's XML (it names this type), with the hub's services.</summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            byte[] Read(string name) => Convert.FromBase64String(encryptedElement.Element(name)!.Value);
            var dataKey = new KeyVaultClient(services).Unwrap(encryptedElement.Element("kid")!.Value, Read("key"));
            var ciphertext = Read("value");
            var plaintext = new byte[ciphertext.Length];
            using (var aes = new AesGcm(dataKey, AesGcm.TagByteSizes.MaxSize))
            {
                aes.Decrypt(Read("nonce"), ciphertext, Read("tag"), plaintext);
            }
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
    }
}
