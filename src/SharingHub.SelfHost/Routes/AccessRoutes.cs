using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.People;

namespace SharingHub.SelfHost.Routes;

internal static class AccessRoutes
{
    public static void MapAccess(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").WithBodyLimit(16 * 1024).WithTags("Access");
        keys.MapPost("/", KeyEndpoints.Create).Takes<AccessKeyDraft, IssuedKey>("Issue a key (shown once)", StatusCodes.Status201Created);
        keys.MapGet("/", KeyEndpoints.List).Reads<IReadOnlyList<AccessKey>>("The keys, without their secrets");
        keys.MapDelete("/{id}", KeyEndpoints.Revoke).Reads<AccessKey>("Revoke a key");
        keys.MapPost("/{id}/rotate", KeyEndpoints.Rotate).Does<IssuedKey>("Replace a key with a new one (shown once)", StatusCodes.Status201Created);

        api.MapGet("/audit", AuditEndpoints.Query).WithTags("Access").Reads<IReadOnlyList<AuditEntry>>("Who changed what, when");
        api.MapPost("/people/erase", PeopleEndpoints.Erase).WithBodyLimit(PeopleEndpoints.MaxBodyBytes).WithTags("Access")
            .Takes<ErasureRequest, ErasureReport>("Erase a person's data (GDPR)");
    }

    /// <summary>Opens the route's GET for callers without credentials. Core handlers can say the same with [PublicRead].</summary>
    public static TBuilder AllowPublicRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new PublicReadAttribute());

    /// <summary>Kestrel refuses larger bodies on these routes before the handler runs (the handler checks again in both hosts).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodySizeLimit(maxBytes));

    private sealed class BodySizeLimit(long maxBytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
