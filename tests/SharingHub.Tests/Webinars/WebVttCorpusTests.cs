using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Tests.Webinars;

/// <summary>
/// Runs the captions reader over files nobody on this project wrote: the web-platform-tests and mozilla/vtt.js WebVTT
/// parsing tests (../shared/data/wpt-webvtt, see CORPORA.md), against what the W3C parsing algorithm makes of each.
/// </summary>
public sealed partial class WebVttCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expectations().EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReaderMakesWhatTheW3cParserMakesOfEachFile(string file)
    {
        var expected = Expectations().GetProperty(file);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Corpus(), "files", file));
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: false));

        if (expected.GetProperty("expect").GetString() == "reject")
        {
            var error = await Assert.ThrowsAsync<WebVttFormatException>(() => WebVttParser.ParseAsync(reader, CancellationToken.None));
            Assert.Equal(1, error.Line);
            return;
        }
        var document = await WebVttParser.ParseAsync(reader, CancellationToken.None);

        if (expected.TryGetProperty("disputed", out var disputed))
        {
            // vtt.js expected something else before the specification moved; the W3C validator's count is the spec's.
            var count = int.Parse(ValidatorCount().Match(disputed.GetString()!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(count, document.Cues.Count);
            return;
        }
        var cues = expected.GetProperty("cues").EnumerateArray().ToList();
        Assert.Equal(expected.GetProperty("count").GetInt32(), document.Cues.Count);
        Assert.Equal(cues.Count, document.Cues.Count);
        for (var i = 0; i < cues.Count; i++)
        {
            Assert.Equal(cues[i].GetProperty("start").GetDouble(), document.Cues[i].Start, 0.0005);
            Assert.Equal(cues[i].GetProperty("end").GetDouble(), document.Cues[i].End, 0.0005);
            Assert.Equal(cues[i].GetProperty("text").GetString(), document.Cues[i].Text);
        }
    }

    [GeneratedRegex(@"W3C validator finds (\d+)")]
    private static partial Regex ValidatorCount();

    private static JsonElement Expectations() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus(), "EXPECTATIONS.json"))).RootElement;

    /// <summary>../shared/data/wpt-webvtt, found by walking up from the test's directory (CI has shared/ beside the clone).</summary>
    private static string Corpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "wpt-webvtt");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("No shared/data/wpt-webvtt above " + AppContext.BaseDirectory);
    }
}
