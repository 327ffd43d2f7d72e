using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using SharingHub.Access;
using SharingHub.Testing;
using SharingHub.Tests.Access;
using SharingHub.Tests.Digests;
using SharingHub.Tests.Stories;
using SharingHub.Tests.Webinars;

namespace SharingHub.Tests.ApiDocs;

/// <summary>
/// GET /api/openapi.json: the description both hosts serve (written by the self-host's build, embedded in the core)
/// against the routes the self-host maps now and the bodies the other tests send.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    [Fact]
    public async Task TheServedDescriptionIsOpenApi31AndPublic()
    {
        await using var hub = await HubApp.StartAsync();
        using var response = await hub.CreateAnonymousClient().GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.1.", (string?)document["openapi"]);
        Assert.Equal("X-Api-Key", (string?)document["components"]!["securitySchemes"]!["ApiKey"]!["name"]);
    }

    [Fact]
    public async Task TheServedDescriptionIsWhatTheRoutesDescribeNow()
    {
        await using var hub = await HubApp.StartAsync();
        var served = await ServedAsync(hub);
        var provider = hub.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
        var current = JsonNode.Parse(await (await provider.GetOpenApiDocumentAsync()).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1))!.AsObject();
        served.Remove("servers");
        current.Remove("servers");

        var stale = current["paths"]!.AsObject().Select(p => p.Key)
            .Where(path => !JsonNode.DeepEquals(current["paths"]![path], served["paths"]![path])).ToList();
        Assert.True(JsonNode.DeepEquals(served, current),
            "src/SharingHub.Core/ApiDocs/openapi.json is not what the routes describe now (differing paths: " +
            $"{string.Join(", ", stale.DefaultIfEmpty("none; components or info differ"))}). Building src/SharingHub.SelfHost rewrites it: " +
            "build again so the core embeds the new file, and commit it.");
    }

    [Fact]
    public async Task EveryApiRouteOfTheSelfHostIsDescribedWithItsMethod()
    {
        await using var hub = await HubApp.StartAsync();
        var paths = (await ServedAsync(hub))["paths"]!.AsObject();

        var routes = ApiRoutes(hub).ToList();
        Assert.True(routes.Count > 50, $"only {routes.Count} /api routes found");
        var missing = routes.Where(r => paths[r.Path]?[r.Method.ToLowerInvariant()] is null).Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.True(missing.Count == 0, "Not in /api/openapi.json: " + string.Join(", ", missing));
        var extra = paths.SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))
            .Except(routes.Select(r => $"{r.Method} {r.Path}")).ToList();
        Assert.True(extra.Count == 0, "Described but not mapped: " + string.Join(", ", extra));
    }

    [Fact]
    public async Task EveryFailureIsProblemDetailsAndClosedRoutesNameTheKeySchemes()
    {
        await using var hub = await HubApp.StartAsync();
        var paths = (await ServedAsync(hub))["paths"]!.AsObject();
        var publicRoutes = ApiRoutes(hub).Where(r => r.Public).Select(r => $"{r.Method} {r.Path}").ToHashSet();

        var faults = new List<string>();
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var route = $"{method.ToUpperInvariant()} {path}";
                var responses = operation!["responses"]!.AsObject();
                if (!responses.Any(r => r.Key.StartsWith('2')))
                {
                    faults.Add($"{route} describes no success");
                }
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    var schema = (string?)response!["content"]?["application/problem+json"]?["schema"]?["$ref"];
                    if (schema is not ("#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails"))
                    {
                        faults.Add($"{route} {status} is not problem details");
                    }
                }
                faults.AddRange(new[] { "400", "401", "403", "500", "503" }.Where(s => responses[s] is null).Select(s => $"{route} lacks {s}"));
                var schemes = operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList() ?? [];
                if (publicRoutes.Contains(route) == schemes.Contains("ApiKey"))
                {
                    faults.Add($"{route} is {(publicRoutes.Contains(route) ? "public but asks for" : "closed but does not ask for")} a key");
                }
                if (operation["requestBody"] is not null && (responses["413"] is null || responses["415"] is null))
                {
                    faults.Add($"{route} reads a body but describes no 413/415");
                }
                if (path.Contains('{') && responses["404"] is null)
                {
                    faults.Add($"{route} names something but describes no 404");
                }
            }
        }
        Assert.True(faults.Count == 0, string.Join("; ", faults));
    }

    public static TheoryData<string, string, string> BodiesTheTestsSend() => new()
    {
        { "POST", "/api/stories", StoryRequests.Landoya().ToJsonString() },
        { "PUT", "/api/stories/{id}", StoryRequests.Landoya().ToJsonString() },
        { "POST", "/api/stories", Serialize(AccessTestData.Draft("asker")) },
        { "POST", "/api/subscriptions", Serialize(DigestScenario.Subscription("conn-1", [3, 4])) },
        { "POST", "/api/webinars", Serialize(WebinarTestData.Episode()) },
        { "POST", "/api/webinars/{id}/assets", Serialize(new { kind = "recording", fileName = "opptak.mp4", contentType = "video/mp4", size = 4096L, presentationId = (string?)null }) },
        { "POST", "/api/keys", Serialize(new { name = "test secretariat", role = "secretariat", scopes = new[] { "asker" }, expiresAt = (DateTimeOffset?)null }) },
    };

    [Theory]
    [MemberData(nameof(BodiesTheTestsSend))]
    public async Task TheRequestSchemaAcceptsWhatTheTestsSend(string method, string path, string body)
    {
        await using var hub = await HubApp.StartAsync();
        var results = await ValidateAsync(hub, method, path, body);

        Assert.True(results.IsValid, $"{method} {path}: " + Describe(results));
    }

    [Theory]
    [InlineData("titel", "\"Matsvinn\"")] // not a field: the hub answers 400
    [InlineData("goals", "[\"tolv\"]")] // a goal is a number
    [InlineData("recipe", "\"Ett steg\"")] // the recipe is a list of steps
    public async Task TheStorySchemaRejectsWhatTheHubRejects(string field, string value)
    {
        await using var hub = await HubApp.StartAsync();
        var body = StoryRequests.Landoya().With(field, JsonNode.Parse(value)).ToJsonString();

        Assert.False((await ValidateAsync(hub, "POST", "/api/stories", body)).IsValid);
        using var response = await hub.CreateClient().PostStoryAsync(JsonNode.Parse(body)!);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<EvaluationResults> ValidateAsync(HubApp hub, string method, string path, string body)
    {
        var document = await ServedAsync(hub);
        var schema = document["paths"]![path]![method.ToLowerInvariant()]!["requestBody"]!["content"]!["application/json"]!["schema"]!.DeepClone().AsObject();
        // The operation's schema as a JSON Schema 2020-12 document, the document's components as its $defs.
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = document["components"]!["schemas"]!.DeepClone();
        var text = schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var jsonSchema = JsonSchema.FromText(text, null, new Uri($"https://sharinghub.invalid/schemas/{Guid.NewGuid():N}"));
        using var instance = JsonDocument.Parse(body);
        return jsonSchema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));

    private static async Task<JsonObject> ServedAsync(HubApp hub) =>
        JsonNode.Parse(await hub.CreateAnonymousClient().GetStringAsync("/api/openapi.json"))!.AsObject();

    private static string Serialize(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);

    /// <summary>Every method of every route the self-host maps under /api (pages and other routes outside /api are not the API).</summary>
    private static IEnumerable<(string Method, string Path, bool Public)> ApiRoutes(HubApp hub) =>
        hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Path: "/" + Parameter().Replace(e.RoutePattern.RawText!.Trim('/'), "{$1}")))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (method, e.Path, e.Endpoint.Metadata.GetMetadata<PublicReadAttribute>() is not null)));

    // {id:int} and {id?} in a route pattern are {id} in OpenAPI.
    [GeneratedRegex(@"\{\**([^}:=?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
