using SharingHub.Webinars.Transcripts;

namespace SharingHub.Tests.Webinars;

public sealed class WebVttParserTests
{
    private static Task<IReadOnlyList<TranscriptSegment>> Parse(string text) =>
        WebVttParser.ParseAsync(new StringReader(text), CancellationToken.None);

    [Fact]
    public async Task ParsesHeaderIdentifiersSettingsMultiLineCuesNotesAndShortTimestamps()
    {
        var segments = await Parse("\uFEFFWEBVTT - Teams\nKind: captions\n\nNOTE this is\na note\n\nSTYLE\n::cue { color: red }\n\nintro\n00:00:00.500 --> 00:00:02.000 line:0 position:20%\n<v.loud Kari>Hei <b>alle</b>\nsammen</v>\n\n01:02.250 --> 01:04.000\nTo\n");

        Assert.Equal(2, segments.Count);
        Assert.Equal(new TranscriptSegment(0.5, 2.0, "Kari", "Hei alle sammen"), segments[0]);
        Assert.Equal(62.25, segments[1].Start);
        Assert.Null(segments[1].Speaker);
    }

    [Fact]
    public async Task AcceptsCrLfLineEndsAndLongRecordings()
    {
        var segments = await Parse("WEBVTT\r\n\r\n03:59:58.000 --> 04:00:01.000\r\nSlutt\r\n");
        Assert.Equal(4 * 3600 - 2, segments.Single().Start);
    }

    [Theory]
    [InlineData("WEBVTTX\n\n", 1)]
    [InlineData("%PDF-1.7\n", 1)]
    [InlineData("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHei\n", 3)]
    [InlineData("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHei\n", 3)]
    [InlineData("WEBVTT\n\n00:61:01.000 --> 00:62:02.000\nHei\n", 3)]
    [InlineData("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHei\n", 3)]
    [InlineData("WEBVTT\n00:00:01.000 --> 00:00:02.000\nHei\n", 2)]
    [InlineData("WEBVTT\n\nid\n00:00:01.000 --> 00:00:02.000\nHei\n00:00:03.000 --> 00:00:04.000\nDa\n", 4)]
    public async Task BrokenFileNamesTheLine(string text, int line)
    {
        var error = await Assert.ThrowsAsync<WebVttFormatException>(() => Parse(text));
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"line {line}:", error.Message);
    }
}
