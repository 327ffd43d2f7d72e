using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharingHub.Common.Http;

/// <summary>The one JSON contract of the API: camelCase, unknown fields rejected, bounded depth.</summary>
public static class HubJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            MaxDepth = 16,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Keep æøå readable in stored JSON and answers; HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Applies the same contract to ASP.NET Core's own serializer (IResult bodies, minimal API binding).</summary>
    public static void Configure(JsonSerializerOptions target)
    {
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.PropertyNameCaseInsensitive = Options.PropertyNameCaseInsensitive;
        target.MaxDepth = Options.MaxDepth;
        target.UnmappedMemberHandling = Options.UnmappedMemberHandling;
        target.Encoder = Options.Encoder;
        target.NumberHandling = Options.NumberHandling;
        foreach (var converter in Options.Converters)
        {
            target.Converters.Add(converter);
        }
    }
}
