using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.ApiDocs;

namespace SharingHub.Functions;

/// <summary>/api/openapi.json: the API description the self-host's build wrote, embedded in the core.</summary>
public sealed class ApiDocsFunctions
{
    [Function(nameof(OpenApiDocument))]
    [PublicRead]
    public IResult OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        OpenApiEndpoints.Get();
}
