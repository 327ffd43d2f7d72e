using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Access;

namespace SharingHub.Reference;

/// <summary>GET /api/reference/*: the goals, targets, municipalities and counties the hub validates against.</summary>
public static class ReferenceEndpoints
{
    [PublicRead]
    public static Ok<IReadOnlyList<Goal>> Goals() => TypedResults.Ok(ReferenceData.Instance.Goals);

    [PublicRead]
    public static Ok<IReadOnlyList<OfficialTarget>> Targets() => TypedResults.Ok(ReferenceData.Instance.Targets);

    [PublicRead]
    public static Ok<IReadOnlyList<Municipality>> Municipalities() => TypedResults.Ok(ReferenceData.Instance.Municipalities);

    [PublicRead]
    public static Ok<IReadOnlyList<County>> Counties() => TypedResults.Ok(ReferenceData.Instance.Counties);
}
