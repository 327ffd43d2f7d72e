using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SharingHub.Feeds;

/// <summary>
/// Turns the HTML a feed puts in titles and summaries into plain text: scripts, styles and embedded objects are dropped
/// with their content, block elements become line breaks, control characters go, and the result is length-capped.
/// </summary>
public static class FeedText
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "figure", "pre",
    };

    public static string? Line(string? html, int max) => Cap(Collapse(ToText(html), keepLineBreaks: false), max);

    public static string? Paragraphs(string? html, int max) => Cap(Collapse(ToText(html), keepLineBreaks: true), max);

    private static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }
        if (!html.Contains('<') && !html.Contains('&'))
        {
            return html;
        }
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
        {
            element.Remove();
        }
        var text = new StringBuilder();
        Append(document.Body!, text);
        return text.ToString();
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement element)
            {
                var block = Blocks.Contains(element.LocalName);
                if (block)
                {
                    text.Append('\n');
                }
                Append(element, text);
                if (block)
                {
                    text.Append('\n');
                }
            }
        }
    }

    private static string Collapse(string text, bool keepLineBreaks)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreaks = 0;
        foreach (var c in text)
        {
            if (c == '\n' && keepLineBreaks)
            {
                pendingBreaks++;
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = pendingBreaks == 0;
            }
            else
            {
                if (result.Length > 0)
                {
                    if (pendingBreaks > 0)
                    {
                        result.Append(pendingBreaks > 1 ? "\n\n" : "\n");
                    }
                    else if (pendingSpace)
                    {
                        result.Append(' ');
                    }
                }
                pendingBreaks = 0;
                pendingSpace = false;
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static string? Cap(string text, int max)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1, Math.Min(max - 1, 200));
        cut = cut > 0 ? cut : max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never leave half an emoji behind
        }
        return text[..cut].TrimEnd() + "…";
    }
}
