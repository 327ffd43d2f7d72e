using SharingHub.Feeds;

namespace SharingHub.Tests.Feeds;

public sealed class FeedTextTests
{
    [Fact]
    public void CappingNeverSplitsACharacterOutsideTheBasicPlane()
    {
        var text = new string('a', 9) + "🌍🌍🌍";

        var capped = FeedText.Line(text, 11)!;

        Assert.Equal(new string('a', 9) + "…", capped);
    }

    [Fact]
    public void EntitiesAreDecodedAndMarkupIsDropped()
    {
        Assert.Equal("Barn & unge <3 naturen", FeedText.Line("Barn &amp; unge &lt;3 <em>naturen</em><script>document.cookie</script>", 200));
    }
}
