using SharingHub.Digests;

namespace SharingHub.Tests.Digests;

public sealed class CompressedHtmlTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(30_000)] // shrinks to far less than an eighth: the buffer it is read into must grow
    public void AMessageAndTheLineAddedToItReadBackAsOneText(int repeats)
    {
        var body = string.Concat(Enumerable.Range(0, repeats).Select(i => $"<li>Tiltak {i % 7}: æøå – «bærekraft»</li>"));

        var text = CompressedHtml.Of(body).Append("<p>Ref. SH-abc</p>").Text();

        Assert.Equal(body + "<p>Ref. SH-abc</p>", text);
    }
}
