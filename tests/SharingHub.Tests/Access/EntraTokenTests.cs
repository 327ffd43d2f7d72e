using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

/// <summary>A stand-in issuer: its metadata (issuer and signing key) is served to the hub as Entra's would be.</summary>
public sealed class EntraTokenTests
{
    private const string Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0";
    private const string Audience = "api://sharinghub-test";
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    private Task<HubApp> StartAsync() => HubApp.StartAsync(
        new Dictionary<string, string?> { ["Access:Entra:Authority"] = Issuer, ["Access:Entra:Audience"] = Audience },
        services =>
        {
            var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
            metadata.SigningKeys.Add(signingKey);
            services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata));
        });

    private string Token(HubApp hub, string[] roles, string audience = Audience, SecurityKey? key = null, TimeSpan? lifetime = null)
    {
        var now = hub.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            Subject = new ClaimsIdentity([new Claim("oid", "11111111-2222-3333-4444-555555555555"), .. roles.Select(r => new Claim("roles", r))]),
            SigningCredentials = new SigningCredentials(key ?? signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static HttpClient WithToken(HubApp hub, string token)
    {
        var client = hub.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task ANetworksManagedIdentityWithAScopedAppRoleWritesItsOwnNetworkOnly()
    {
        await using var hub = await StartAsync();
        var system = WithToken(hub, Token(hub, ["Secretariat.trondelag"]));

        using var own = await system.PostAsJsonAsync("/api/stories", AccessTestData.Draft("trondelag"));
        using var foreign = await system.PostAsJsonAsync("/api/stories", AccessTestData.Draft("asker"));
        using var keys = await system.GetAsync("/api/keys");

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
    }

    [Fact]
    public async Task TokensForAnotherAudienceSignedByAnotherKeyOrExpiredAreRefused()
    {
        await using var hub = await StartAsync();
        var wrongAudience = Token(hub, ["Admin"], audience: "api://someone-else");
        var wrongKey = Token(hub, ["Admin"], key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" });
        var expiring = Token(hub, ["Admin"], lifetime: TimeSpan.FromMinutes(10));

        using var audienceResponse = await WithToken(hub, wrongAudience).GetAsync("/api/keys");
        using var keyResponse = await WithToken(hub, wrongKey).GetAsync("/api/keys");
        using var beforeExpiry = await WithToken(hub, expiring).GetAsync("/api/keys");
        hub.Clock.Advance(TimeSpan.FromMinutes(30));
        using var afterExpiry = await WithToken(hub, expiring).GetAsync("/api/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, audienceResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keyResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task WithoutEntraConfiguredBearerTokensAreRefused()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.e30.");

        using var response = await client.GetAsync("/api/stories");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
