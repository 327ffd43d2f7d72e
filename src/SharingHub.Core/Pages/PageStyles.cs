using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using SharingHub.Reference;

namespace SharingHub.Pages;

/// <summary>
/// The one stylesheet every page links to: Designsystemet's theme and the components the pages use (embedded from the
/// pinned npm packages at build time), our own small CSS, and one rule per goal colour. Built once, served under a URL
/// that carries its content hash, so browsers may keep it for a year.
/// </summary>
public sealed class PageStyles
{
    /// <summary>The Designsystemet files the pages use, in cascade order, with the layer index.css puts each in.</summary>
    private static readonly (string File, string Layer)[] Designsystemet =
    [
        ("base.css", "ds.base"),
        ("heading.css", "ds.base"),
        ("label.css", "ds.base"),
        ("paragraph.css", "ds.base"),
        ("validation-message.css", "ds.base"),
        ("link.css", "ds.components"),
        ("data-size-workaround.css", "ds.components"),
        ("button.css", "ds.components"),
        ("input.css", "ds.components"),
        ("field.css", "ds.components"),
        ("fieldset.css", "ds.components"),
        ("alert.css", "ds.components"),
        ("skip-link.css", "ds.components"),
        ("list.css", "ds.components"),
        ("card.css", "ds.components"),
        ("tag.css", "ds.components"),
        ("error-summary.css", "ds.components"),
    ];

    private PageStyles(byte[] css)
    {
        Css = css;
        Hash = Convert.ToHexStringLower(SHA256.HashData(css))[..16];
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(css);
        }
        Gzipped = buffer.ToArray();
    }

    public static PageStyles Instance { get; } = Build();

    public byte[] Css { get; }

    public byte[] Gzipped { get; }

    /// <summary>The first 16 hex digits of the bundle's SHA-256.</summary>
    public string Hash { get; }

    public string FileName => $"hub.{Hash}.css";

    public string Url => $"/css/{FileName}";

    private const string OwnStyles = "SharingHub.Pages.Styles.";

    private static PageStyles Build()
    {
        var css = new StringBuilder();
        css.Append("@layer ds.theme, ds.base, ds.components;\n");
        css.Append(Read("SharingHub.Pages.Designsystemet.theme.css")).Append('\n');
        foreach (var (file, layer) in Designsystemet)
        {
            css.Append("@layer ").Append(layer).Append('{').Append(Read($"SharingHub.Pages.Designsystemet.{file}")).Append("}\n");
        }
        // hub.css first, then each feature's own file (workspace-*.css …) in name order.
        var own = Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(name => name.StartsWith(OwnStyles, StringComparison.Ordinal))
            .OrderBy(name => name == OwnStyles + "hub.css" ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal);
        foreach (var resource in own)
        {
            css.Append(Read(resource)).Append('\n');
        }
        AppendGoalColours(css);
        return new PageStyles(Encoding.UTF8.GetBytes(css.ToString()));
    }

    /// <summary>No inline styles (the CSP forbids them): each goal's official colour is a class, with the text colour that reads best on it.</summary>
    private static void AppendGoalColours(StringBuilder css)
    {
        foreach (var goal in ReferenceData.Instance.Goals)
        {
            css.Append(System.Globalization.CultureInfo.InvariantCulture,
                $".hub-goal-{goal.Number}{{background:{goal.Color};color:{GoalColours.TextOn(goal.Color)}}}\n");
        }
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded stylesheet {resource} is missing from the build (is tools/designsystemet installed?).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        // @charset is only allowed at the very start of a file; the bundle is UTF-8 and says so in Content-Type.
        return text.Replace("@charset \"UTF-8\";", string.Empty, StringComparison.Ordinal).Trim();
    }
}
