using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharingHub.Digests;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Tests.Digests;

public sealed class DigestDeliveryTests
{
    [Fact]
    public async Task DueWeeklyDigestPostsMatchingStoriesOnceThroughGraph()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        var subscription = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3, 11]));
        await DigestScenario.PublishAsync(host, "Helsefremmende barnehager", goal: 3);
        await DigestScenario.PublishAsync(host, "Sykkelveier i sentrum", goal: 11, kommune: "5001");
        await DigestScenario.PublishAsync(host, "Rent hav i fjorden", goal: 14);
        DigestScenario.ToNextMondayMorning(host);
        var client = host.Hub.CreateClient();

        var round = await (await client.PostAsync("/api/digests/run", null)).Content.ReadFromJsonAsync<JsonElement>();
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);
        var again = await (await client.PostAsync("/api/digests/run", null)).Content.ReadFromJsonAsync<JsonElement>();
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        Assert.Equal(1, round.GetProperty("enqueued").GetInt32());
        Assert.Equal(0, again.GetProperty("due").GetInt32());
        var post = Assert.Single(host.Graph.Posts);
        Assert.Equal($"/v1.0/teams/{DigestScenario.Team}/channels/{DigestScenario.Channel}/messages", Uri.UnescapeDataString(post.Path));
        Assert.Equal("html", post.Json!["body"]!["contentType"]!.GetValue<string>());
        var html = post.Json!["body"]!["content"]!.GetValue<string>();
        Assert.Contains("Helsefremmende barnehager", html);
        Assert.Contains("Sykkelveier i sentrum", html);
        Assert.DoesNotContain("Rent hav", html);
        Assert.Contains("Bærekraftsnytt for Asker", html);
        Assert.Contains("href=\"https://hub.example.no/historier/", html); // the story page, not JSON
        Assert.Matches(@"\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}", html);
        Assert.True(html.IndexOf("Helsefremmende", StringComparison.Ordinal) < html.IndexOf("Sykkelveier", StringComparison.Ordinal), "own municipality is grouped first");

        var deliveries = await client.GetFromJsonAsync<JsonElement[]>($"/api/deliveries?subscription={subscription}&status=sent");
        var delivery = Assert.Single(deliveries!);
        Assert.Equal(host.Graph.Messages(DigestScenario.Team, DigestScenario.Channel).Single().Id, delivery.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task NothingNewPostsNothingAndTheNextWeekCarriesOnlyNewStories()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3]));
        await DigestScenario.PublishAsync(host, "Ikke relevant", goal: 14);
        var round = host.Service<DigestRound>();
        var runner = host.Service<DigestQueueRunner>();

        DigestScenario.ToNextMondayMorning(host);
        var empty = await round.RunOnceAsync(CancellationToken.None);
        await DigestScenario.PublishAsync(host, "Første uke", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        await round.RunOnceAsync(CancellationToken.None);
        await runner.DrainAsync(CancellationToken.None);
        await DigestScenario.PublishAsync(host, "Andre uke", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        await round.RunOnceAsync(CancellationToken.None);
        await runner.DrainAsync(CancellationToken.None);

        Assert.Equal(1, empty.NothingNew);
        Assert.Equal(2, host.Graph.Posts.Count);
        var second = host.Graph.Posts[1].Json!["body"]!["content"]!.GetValue<string>();
        Assert.Contains("Andre uke", second);
        Assert.DoesNotContain("Første uke", second);
    }

    [Fact]
    public async Task TwoSubscriptionsOnOneChannelNeverCarryTheSameStoryTwice()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3]));
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3, 4], kommune: "0301"));
        await DigestScenario.PublishAsync(host, "Felles historie", goal: 3);
        await DigestScenario.PublishAsync(host, "Bare for den andre", goal: 4);
        DigestScenario.ToNextMondayMorning(host);

        await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        var bodies = host.Graph.Posts.Select(p => p.Json!["body"]!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(1, bodies.Count(b => b.Contains("Felles historie", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Bare for den andre", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SubscriptionsAlikeInOneRoundEachGetTheirOwnMunicipalityReferenceAndChannel()
    {
        // A round composes a message once for subscriptions with the same filters, window and municipality: each must
        // still carry its own reference, another municipality its own heading, and a second subscription on a channel
        // already given those stories nothing.
        await using var host = await DigestTestHost.StartAsync();
        string[] channels = ["19:a@thread.tacv2", "19:b@thread.tacv2", "19:c@thread.tacv2"];
        foreach (var channel in channels)
        {
            host.Graph.AddChannel(DigestScenario.Team, channel);
        }
        var connection = await host.ConnectAsync();
        var first = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3], channel: channels[0]));
        var second = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3], channel: channels[1]));
        var oslo = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3], kommune: "0301", channel: channels[2]));
        var sameChannel = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3], channel: channels[0]));
        await DigestScenario.PublishAsync(host, "Felles historie", goal: 3);
        await DigestScenario.PublishAsync(host, "Historie fra Oslo", goal: 3, kommune: "0301");
        DigestScenario.ToNextMondayMorning(host);

        var round = await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        Assert.Equal(3, round.Enqueued);
        Assert.Equal(1, round.NothingNew);
        var a = Assert.Single(host.Graph.Messages(DigestScenario.Team, channels[0])).Content;
        var b = Assert.Single(host.Graph.Messages(DigestScenario.Team, channels[1])).Content;
        var c = Assert.Single(host.Graph.Messages(DigestScenario.Team, channels[2])).Content;
        var onA = a.Contains($"SH-{first}-", StringComparison.Ordinal) ? first : sameChannel; // either may come first
        Assert.Contains($"SH-{onA}-", a);
        Assert.Contains($"SH-{second}-", b);
        Assert.Contains($"SH-{oslo}-", c);
        Assert.DoesNotContain($"SH-{second}-", a);
        foreach (var html in new[] { a, b })
        {
            Assert.Contains("Bærekraftsnytt for Asker", html);
            Assert.Contains("Felles historie", html);
            Assert.Contains("Historie fra Oslo", html);
            Assert.EndsWith("</small></p>", html);
        }
        Assert.Equal(a.Replace(onA, second, StringComparison.Ordinal), b);
        Assert.Contains("Bærekraftsnytt for Oslo", c);
        Assert.DoesNotContain("Bærekraftsnytt for Asker", c);
        Assert.True(c.IndexOf("Historie fra Oslo", StringComparison.Ordinal) < c.IndexOf("Felles historie", StringComparison.Ordinal), "Oslo's own story first");
    }

    [Fact]
    public async Task StoryTitledScriptIsEscapedInTheMessage()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        await DigestScenario.PublishAsync(host, "<script>alert(1)</script>", goal: 3, summary: "<img src=x onerror=alert(2)> & \"sitat\"");
        DigestScenario.ToNextMondayMorning(host);

        await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        var html = Assert.Single(host.Graph.Posts).Json!["body"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task LargeDigestStaysUnderTheTeamsLimitAndLinksToTheRest()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        var subscription = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        var summary = string.Concat(Enumerable.Repeat("Æøå og lange setninger om bærekraft. ", 8));
        await Task.WhenAll(Enumerable.Range(1, 150).Select(i => DigestScenario.PublishAsync(host, $"Historie nummer {i} med en ganske lang tittel", goal: 3, summary: summary)));
        DigestScenario.ToNextMondayMorning(host);

        await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        var post = Assert.Single(host.Graph.Posts);
        var html = post.Json!["body"]!["content"]!.GetValue<string>();
        Assert.True(Encoding.UTF8.GetByteCount(html) < 28 * 1024, $"the message was {Encoding.UTF8.GetByteCount(html)} bytes");
        Assert.True(Encoding.UTF8.GetByteCount(html) > 20 * 1024, "the message is filled before it is cut");
        Assert.Matches(@"… og \d+ flere historier: <a href=""https://hub.example.no/historier""", html);
        var delivery = Assert.Single(await host.Hub.CreateClient().GetFromJsonAsync<JsonElement[]>($"/api/deliveries?subscription={subscription}") ?? []);
        Assert.Equal(150, delivery.GetProperty("storyCount").GetInt32());
    }

    [Fact]
    public async Task OutboxModeKeepsTheExactRequestInsteadOfSending()
    {
        await using var host = await DigestTestHost.StartAsync();
        var subscription = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connectionId: null));
        await DigestScenario.PublishAsync(host, "Lokal historie", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        var client = host.Hub.CreateClient();

        await client.PostAsync("/api/digests/run", null);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        var delivery = Assert.Single(await client.GetFromJsonAsync<JsonElement[]>($"/api/deliveries?subscription={subscription}&status=sent") ?? []);
        var outbox = await client.GetFromJsonAsync<JsonElement>($"/api/deliveries/{delivery.GetProperty("id").GetString()}/outbox");
        Assert.Equal("POST", outbox.GetProperty("method").GetString());
        Assert.EndsWith($"/teams/{DigestScenario.Team}/channels/{Uri.EscapeDataString(DigestScenario.Channel)}/messages", outbox.GetProperty("url").GetString());
        Assert.Equal("html", outbox.GetProperty("body").GetProperty("body").GetProperty("contentType").GetString());
        Assert.Contains("Lokal historie", outbox.GetProperty("body").GetProperty("body").GetProperty("content").GetString());
        Assert.Empty(host.Graph.Requests);
    }

    [Fact]
    public async Task PreviewShowsTheMessageWithoutPostingAndTestMessagePosts()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        var subscription = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        await DigestScenario.PublishAsync(host, "Forhåndsvist historie", goal: 3);
        var client = host.Hub.CreateClient();

        var preview = await client.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscription}/digest/preview");
        Assert.Empty(host.Graph.Posts);
        var test = await client.PostAsync($"/api/subscriptions/{subscription}/test", null);

        Assert.False(preview.GetProperty("empty").GetBoolean());
        Assert.Contains("Forhåndsvist historie", preview.GetProperty("request").GetProperty("body").GetProperty("body").GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        var post = Assert.Single(host.Graph.Posts);
        Assert.Contains("SharingHub er koblet til denne kanalen", post.Json!["body"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task DigestLinksOpenThePublicPagesAtTheConfiguredAddress()
    {
        await using var host = await DigestTestHost.StartAsync(new Dictionary<string, string?> { ["Pages:PublicBaseUrl"] = "https://baerekraft.example.no/" });
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        var subscription = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        var story = await DigestScenario.PublishAsync(host, "Gjenbruk av asfalt i kommunale kontrakter", goal: 3);
        var client = host.Hub.CreateClient();

        var preview = await client.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscription}/digest/preview");
        var html = preview.GetProperty("request").GetProperty("body").GetProperty("body").GetProperty("content").GetString()!;
        var link = System.Text.RegularExpressions.Regex.Match(html, @"href=""https://baerekraft\.example\.no(/historier/[^""]+)""");

        Assert.True(link.Success, html);
        Assert.DoesNotContain("hub.example.no", html);
        using var page = await host.Hub.CreateAnonymousClient().GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Gjenbruk av asfalt i kommunale kontrakter", await page.Content.ReadAsStringAsync());
        Assert.Equal($"/historier/{story.Id}", link.Groups[1].Value);
    }
}
