using SharingHub.Webinars.Transcripts;

namespace SharingHub.Tests.Webinars;

public sealed class WebVttParserTests
{
    private static Task<WebVttDocument> Parse(string text) =>
        WebVttParser.ParseAsync(new StringReader(text), CancellationToken.None);

    [Fact]
    public async Task ParsesHeaderIdentifiersSettingsMultiLineCuesNotesAndShortTimestamps()
    {
        var document = await Parse("\uFEFFWEBVTT - Teams\nKind: captions\n\nNOTE this is\na note\n\nSTYLE\n::cue { color: red }\n\nintro\n00:00:00.500 --> 00:00:02.000 line:0 position:20%\n<v.loud Kari>Hei <b>alle</b>\nsammen</v>\n\n01:02.250 --> 01:04.000\nTo\n");

        Assert.Equal(2, document.Cues.Count);
        Assert.Empty(document.Issues);
        Assert.Equal("intro", document.Cues[0].Identifier);
        Assert.Equal(new TranscriptSegment(0.5, 2.0, "Kari", "Hei alle sammen"), CaptionsText.ToSegment(document.Cues[0]));
        Assert.Equal(62.25, document.Cues[1].Start);
        Assert.Null(CaptionsText.ToSegment(document.Cues[1]).Speaker);
    }

    [Fact]
    public async Task AcceptsCrLfLineEndsAndLongRecordings()
    {
        var document = await Parse("WEBVTT\r\n\r\n03:59:58.000 --> 04:00:01.000\r\nSlutt\r\n");
        Assert.Equal(4 * 3600 - 2, document.Cues.Single().Start);
    }

    [Theory]
    [InlineData("WEBVTTX\n\n")]
    [InlineData("%PDF-1.7\n")]
    [InlineData("")]
    [InlineData("\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHei\n")]
    public async Task OnlyAFileWithoutTheWebVttSignatureIsRefused(string text)
    {
        var error = await Assert.ThrowsAsync<WebVttFormatException>(() => Parse(text));
        Assert.Equal(1, error.Line);
        Assert.StartsWith("line 1:", error.Message);
    }

    [Theory]
    [InlineData("00:00:01.000 --> ", "the end time must start with a digit")]
    [InlineData("00:00:01.000 x--> 00:00:02.000", "must be followed by -->")]
    [InlineData("00:00:01,000 --> 00:00:02,000", "comma")]
    [InlineData("00:61:01.000 --> 00:62:02.000", "above 59")]
    [InlineData("00:00:0x.000 --> 00:00:04.000", "two-digit")]
    [InlineData("00:00:01.0 --> 00:00:04.000", "three digits")]
    public async Task CueWithABrokenTimingIsSkippedWithItsLineAndTheRestIsKept(string timing, string reasonPart)
    {
        var document = await Parse($"WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nHei\n\n2\n{timing}\nBorte\n\n3\n00:00:05.000 --> 00:00:06.000\nDa\n");

        Assert.Equal(["Hei", "Da"], document.Cues.Select(c => c.Text));
        var issue = Assert.Single(document.Issues);
        Assert.Equal(8, issue.Line);
        Assert.Contains(reasonPart, issue.Reason);
        Assert.Contains("skipped", issue.Reason);
    }

    [Fact]
    public async Task CueRightAfterTheHeaderAndCuesWithoutBlankLinesBetweenThemAreKept()
    {
        var document = await Parse("WEBVTT\n00:00:01.000 --> 00:00:02.000\nEn\n00:00:03.000 --> 00:00:04.000\nTo\nid\n00:00:05.000 --> 00:00:06.000\nTre\n");

        Assert.Equal(["En", "To\nid", "Tre"], document.Cues.Select(c => c.Text));
        Assert.Equal([1.0, 3.0, 5.0], document.Cues.Select(c => c.Start));
    }

    [Fact]
    public async Task ZeroAndNegativeDurationsAreKeptWithAWarningThatSaysWhichItIs()
    {
        var document = await Parse("WEBVTT\n\n00:00:00.000 --> 00:00:00.000\nNull\n\n00:00:09.000 --> 00:00:04.000\nBaklengs\n");

        Assert.Equal(["Null", "Baklengs"], document.Cues.Select(c => c.Text));
        Assert.Equal(2, document.Issues.Count);
        Assert.Equal(3, document.Issues[0].Line);
        Assert.Contains("starts and ends at the same time (00:00:00.000)", document.Issues[0].Reason);
        Assert.DoesNotContain("before it starts", document.Issues[0].Reason);
        Assert.Equal(6, document.Issues[1].Line);
        Assert.Contains("ends (00:00:04.000) before it starts (00:00:09.000)", document.Issues[1].Reason);
    }

    [Fact]
    public async Task TextOutsideAnyCueIsSkippedAndReportedWithItsLines()
    {
        var document = await Parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHei\n\nløs tekst\nmer løs tekst\n\n00:00:03.000 --> 00:00:04.000\nDa\n");

        Assert.Equal(2, document.Cues.Count);
        var issue = Assert.Single(document.Issues);
        Assert.Equal(6, issue.Line);
        Assert.Contains("lines 6–7", issue.Reason);
    }

    [Fact]
    public async Task ManyBrokenCuesAreReportedUpToALimitAndCounted()
    {
        var text = "WEBVTT\n\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"00:00:{i % 60:D2},000 --> 00:00:59.000\nx\n\n")) + "00:01:00.000 --> 00:01:01.000\nSiste\n";

        var document = await Parse(text);

        Assert.Equal("Siste", document.Cues.Single().Text);
        Assert.Equal(WebVttParser.MaxIssues + 1, document.Issues.Count);
        Assert.Contains("50 more", document.Issues[^1].Reason);
    }
}
