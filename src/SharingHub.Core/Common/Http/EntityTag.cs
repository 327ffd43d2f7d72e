using Microsoft.AspNetCore.Http;

namespace SharingHub.Common.Http;

/// <summary>Strong ETags over an entity's integer version: "\"7\"".</summary>
public static class EntityTag
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>The version If-Match asks for; 428 when the header is missing, 400 when it is not one of ours.</summary>
    public static int? RequiredIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new PreconditionRequiredException("This change needs an If-Match header with the ETag you last read.");
        }
        return Parse(header);
    }

    /// <summary>The version an optional If-Match asks for, or null when absent or "*".</summary>
    public static int? OptionalIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(header) ? null : Parse(header);
    }

    private static int? Parse(string header)
    {
        var value = header.Trim();
        if (value == "*")
        {
            return null;
        }
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        if (value.Length >= 3 && value[0] == '"' && value[^1] == '"' && int.TryParse(value[1..^1], out var version) && version > 0)
        {
            return version;
        }
        throw ValidationFailedException.For("If-Match", $"'{header}' is not an ETag this API issued (they look like \"3\")");
    }

    public static void Check(int? expected, int actual)
    {
        if (expected is not null && expected != actual)
        {
            throw new PreconditionFailedException($"The entity has changed: you sent If-Match {For(expected.Value)}, it is now at {For(actual)}. Read it again and retry.");
        }
    }
}
