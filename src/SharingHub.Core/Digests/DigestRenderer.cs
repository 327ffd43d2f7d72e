using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using SharingHub.Reference;
using SharingHub.Stories;
using SharingHub.Stories.Pages;
using SharingHub.Subscriptions;

namespace SharingHub.Digests;

/// <summary>
/// Renders a digest as chatMessage HTML in the subset Teams shows (h2, h3, p, ul, li, a, strong, em, br, small).
/// Every piece of user-written text is HTML-encoded; the message stays under <see cref="DigestOptions.MaxMessageBytes"/>
/// by showing the first items and "N flere" with a link. Not thread-safe: one renderer per round (it keeps each story's item).
/// </summary>
public sealed class DigestRenderer(string hubBaseUrl, int maxBytes)
{
    private const int SummaryChars = 280;
    private static readonly HtmlEncoder Encode = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly string hub = hubBaseUrl.TrimEnd('/');

    // A round renders the same stories into hundreds of digests with one renderer: each item is built once.
    private readonly Dictionary<(string Id, int Version), (string Html, int Bytes)> renderedItems = [];

    // The longest marker a delivery id allows ("SH-", a subscription id of up to 64, '-', a period of up to 32): the body
    // is fitted to the longest foot, so one body serves every subscription that would be given the same one.
    private static readonly string LongestMarker = new('x', 3 + 64 + 1 + 32);

    public RenderedDigest Render(Subscription subscription, DigestContent content, string marker, DateTimeOffset now)
    {
        var body = RenderBody(subscription, content, now);
        return body with { Html = body.Html + Foot(marker, now) };
    }

    /// <summary>
    /// The message without its last line (<see cref="Foot"/>, which holds the delivery's marker): the same for every
    /// subscription with the same municipality and the same content.
    /// </summary>
    public RenderedDigest RenderBody(Subscription subscription, DigestContent content, DateTimeOffset now)
    {
        var reference = ReferenceData.Instance;
        var municipality = reference.MunicipalityByNumber.TryGetValue(subscription.Kommunenummer, out var m) ? m : null;
        var name = municipality?.Name ?? subscription.Kommunenummer;

        var head = new StringBuilder()
            .Append("<h2>Bærekraftsnytt for ").Append(Encode.Encode(name)).Append("</h2>")
            .Append("<p>").Append(Summary(content)).Append(" siden ").Append(NorwegianDates.Date(content.Since)).Append(".</p>")
            .ToString();
        var tail = RenderAssetsAndEpisode(content);

        // The "N flere" line is reserved up front, so adding it never pushes the message over the limit.
        var moreUrl = $"{hub}/historier";
        var reserve = Bytes($"<p>… og 99999 flere historier: <a href=\"{Encode.Encode(moreUrl)}\">se alle i SharingHub</a></p>") + Bytes("<h3></h3><ul></ul>") * 3 + 300;
        var budget = maxBytes - Bytes(head) - Bytes(Foot(LongestMarker, now)) - Bytes(tail.Html) - reserve;

        var shown = new List<string>();
        var body = new StringBuilder();
        var used = 0;
        var shownStories = 0;
        var full = false;
        foreach (var (title, stories) in Groups(content.Stories, municipality))
        {
            var items = new StringBuilder();
            foreach (var story in stories)
            {
                var (item, bytes) = StoryItem(story);
                if (used + bytes > budget)
                {
                    full = true;
                    break;
                }
                used += bytes;
                items.Append(item);
                shown.Add(DigestComposer.StoryKey(story.Id));
                shownStories++;
            }
            if (items.Length > 0)
            {
                body.Append("<h3>").Append(Encode.Encode(title)).Append("</h3><ul>").Append(items).Append("</ul>");
            }
            if (full)
            {
                break;
            }
        }
        var more = content.Stories.Count - shownStories;
        if (more > 0)
        {
            body.Append("<p>… og ").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" flere historier: <a href=\"")
                .Append(Encode.Encode(moreUrl)).Append("\">se alle i SharingHub</a></p>");
        }
        shown.AddRange(tail.Keys);
        return new RenderedDigest(head + body + tail.Html, shown, shownStories, content.Stories.Count);
    }

    /// <summary>The message's last line: when it was sent and the delivery's marker.</summary>
    public static string Foot(string marker, DateTimeOffset now) =>
        $"<p><small>Sendt fra SharingHub {NorwegianDates.DayAndDate(now)}. Ref. {Encode.Encode(marker)}</small></p>";

    private static string Summary(DigestContent content)
    {
        var parts = new List<string>();
        if (content.Stories.Count > 0)
        {
            parts.Add(content.Stories.Count == 1 ? "1 ny historie" : $"{content.Stories.Count} nye historier");
        }
        if (content.Assets.Count > 0)
        {
            parts.Add(content.Assets.Count == 1 ? "1 nytt opptak eller lysark" : $"{content.Assets.Count} nye opptak og lysark");
        }
        return parts.Count == 0 ? "Ingen nyheter" : string.Join(" og ", parts);
    }

    /// <summary>
    /// Own municipality, then own county, then the rest of Norway; newest first within each. Lazily: rendering stops
    /// once the message is full, usually long before a busy week's last story.
    /// </summary>
    private static IEnumerable<(string Title, IEnumerable<Story> Stories)> Groups(IReadOnlyList<Story> stories, Reference.Municipality? own)
    {
        if (own is null)
        {
            yield return ("Nye historier", stories);
            yield break;
        }
        var mine = stories.Where(s => s.Kommunenummer == own.Kommunenummer);
        var county = stories.Where(s => s.Kommunenummer != own.Kommunenummer && FylkeOf(s) == own.Fylkesnummer);
        var rest = stories.Where(s => s.Kommunenummer != own.Kommunenummer && FylkeOf(s) != own.Fylkesnummer);
        yield return ($"Fra {own.Name}", mine);
        yield return ($"Fra {own.Fylkesnavn}", county);
        yield return ("Fra resten av landet", rest);
    }

    private static string? FylkeOf(Story story) =>
        story.Fylkesnummer
        ?? (story.Kommunenummer is not null && ReferenceData.Instance.MunicipalityByNumber.TryGetValue(story.Kommunenummer, out var m) ? m.Fylkesnummer : null);

    private (string Html, int Bytes) StoryItem(Story story)
    {
        if (!renderedItems.TryGetValue((story.Id, story.Version), out var item))
        {
            var html = RenderItem(story);
            renderedItems[(story.Id, story.Version)] = item = (html, Bytes(html));
        }
        return item;
    }

    private string RenderItem(Story story)
    {
        var where = story.Kommunenummer is not null && ReferenceData.Instance.MunicipalityByNumber.TryGetValue(story.Kommunenummer, out var m)
            ? m.Name
            : story.Organisation ?? story.Network;
        var item = new StringBuilder()
            .Append("<li><a href=\"").Append(Encode.Encode(hub + StoryLinks.Page(story.Id))).Append("\"><strong>")
            .Append(Encode.Encode(story.Title)).Append("</strong></a> – ").Append(Encode.Encode(where));
        if (story.PublishedAt is { } at)
        {
            item.Append(", ").Append(NorwegianDates.Date(at));
        }
        if (!string.IsNullOrWhiteSpace(story.Summary))
        {
            var summary = story.Summary.Length > SummaryChars ? story.Summary[..SummaryChars].TrimEnd() + "…" : story.Summary;
            item.Append("<br>").Append(Encode.Encode(summary));
        }
        return item.Append("</li>").ToString();
    }

    private static (string Html, IReadOnlyList<string> Keys) RenderAssetsAndEpisode(DigestContent content)
    {
        var html = new StringBuilder();
        var keys = new List<string>();
        var assets = content.Assets.Take(10).ToList();
        if (assets.Count > 0)
        {
            html.Append("<h3>Nye opptak og lysark fra Bærekraftsfredag</h3><ul>");
            foreach (var asset in assets)
            {
                var label = asset.Kind == "recording" ? "Opptak" : "Lysark";
                html.Append("<li>").Append(Link(asset.Url, $"{label}: {asset.EpisodeTitle}")).Append("</li>");
                keys.Add(DigestComposer.AssetKey(asset.Id));
            }
            html.Append("</ul>");
        }
        if (content.NextEpisode is { } next)
        {
            html.Append("<h3>Neste Bærekraftsfredag</h3><p>").Append(Link(next.Url, next.Title)).Append("<br>")
                .Append(NorwegianDates.DayAndDate(next.StartsAt)).Append(' ').Append(NorwegianDates.Time(next.StartsAt)).Append("</p>");
        }
        return (html.ToString(), keys);
    }

    /// <summary>A link only for http(s) URLs; anything else (javascript:, data:) is shown as text without one.</summary>
    private static string Link(string? url, string text)
    {
        var encodedText = "<strong>" + Encode.Encode(text) + "</strong>";
        return Common.TextRules.IsHttpUrl(url, out var uri)
            ? $"<a href=\"{Encode.Encode(uri!.AbsoluteUri)}\">{encodedText}</a>"
            : encodedText;
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
