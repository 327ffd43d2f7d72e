using SharingHub.Digests;
using SharingHub.Stories;
using SharingHub.Subscriptions;

namespace SharingHub.Tests.Digests;

/// <summary>Which published stories a subscription's filters let into its digest.</summary>
public sealed class DigestFilterTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero);

    private static Story Story(string id, string kommune, int[] goals, string? sector = null, string network = "asker", string[]? targets = null, int daysAfter = 1) => new()
    {
        Id = id,
        Title = id,
        Kommunenummer = kommune,
        Network = network,
        Sector = sector,
        Goals = goals,
        Targets = targets ?? [],
        Status = StoryStatus.Published,
        PublishedAt = Since.AddDays(daysAfter),
    };

    private static readonly Story[] Published =
    [
        Story("asker-school-4", "3203", [4], sector: "school", targets: ["4.7"]),
        Story("oslo-health-3", "0301", [3], sector: "health", network: "nasjonalt"),
        Story("trondheim-11", "5001", [11, 13], sector: "planning", network: "trondelag", targets: ["11.6"]),
        Story("baerum-13", "3201", [13], sector: "technical"),
        Story("old-asker-4", "3203", [4], daysAfter: -3),
    ];

    private static string[] Pick(SubscriptionFilters filters, string kommune = "3203") =>
        DigestComposer.Candidates(new Subscription { Kommunenummer = kommune, Filters = filters }, DigestComposer.NewestFirst(Published), Since).Select(s => s.Id).Order().ToArray();

    [Fact]
    public void NoFiltersTakeEveryStoryPublishedSinceTheLastDigest() =>
        Assert.Equal(["asker-school-4", "baerum-13", "oslo-health-3", "trondheim-11"], Pick(new SubscriptionFilters()));

    [Fact]
    public void EachFilterKindNarrowsAndKindsCombine()
    {
        Assert.Equal(["baerum-13", "trondheim-11"], Pick(new SubscriptionFilters { Goals = [13] }));
        Assert.Equal(["asker-school-4", "trondheim-11"], Pick(new SubscriptionFilters { Targets = ["4.7", "11.6"] }));
        Assert.Equal(["oslo-health-3"], Pick(new SubscriptionFilters { Sectors = ["health"] }));
        Assert.Equal(["trondheim-11"], Pick(new SubscriptionFilters { Networks = ["trondelag"] }));
        Assert.Equal(["asker-school-4", "baerum-13"], Pick(new SubscriptionFilters { Fylker = ["32"] }));
        Assert.Equal(["asker-school-4"], Pick(new SubscriptionFilters { OwnMunicipalityOnly = true }));
        Assert.Equal(["baerum-13"], Pick(new SubscriptionFilters { Goals = [13], Fylker = ["32"] }));
        Assert.Empty(Pick(new SubscriptionFilters { Goals = [4], Sectors = ["health"] }));
    }

    [Fact]
    public void ItemsAlreadyCarriedToTheChannelAreLeftOut()
    {
        var candidates = DigestComposer.Candidates(new Subscription { Kommunenummer = "3203" }, DigestComposer.NewestFirst(Published), Since);

        var content = DigestComposer.Compose(candidates, [], null, new HashSet<string> { DigestComposer.StoryKey("oslo-health-3") }, Since);

        Assert.DoesNotContain(content.Stories, s => s.Id == "oslo-health-3");
        Assert.Equal(3, content.Stories.Count);
        Assert.Equal(content.Stories.OrderByDescending(s => s.PublishedAt).Select(s => s.Id), content.Stories.Select(s => s.Id));
    }
}
