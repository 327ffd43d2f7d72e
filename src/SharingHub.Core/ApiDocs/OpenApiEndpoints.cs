using System.Reflection;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;

namespace SharingHub.ApiDocs;

/// <summary>
/// GET /api/openapi.json: the API's OpenAPI 3.1 description. The self-host's build writes it from its route metadata
/// (ApiDescription.Server) into ApiDocs/openapi.json, which this assembly embeds, so both hosts serve the same bytes.
/// </summary>
public static class OpenApiEndpoints
{
    public const string ResourceName = "SharingHub.ApiDocs.openapi.json";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing; build src/SharingHub.SelfHost to write it.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [PublicRead]
    public static IResult Get() => TypedResults.Bytes(Document.Value, "application/json");
}
