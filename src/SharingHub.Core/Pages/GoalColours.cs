using System.Globalization;

namespace SharingHub.Pages;

/// <summary>
/// WCAG 2.x contrast for the goal tiles: several official goal colours fail with white text, so each tile gets the text
/// colour (near-black or white) with the higher contrast ratio on its colour.
/// </summary>
public static class GoalColours
{
    public const string Dark = "#1a1a1a";
    public const string Light = "#ffffff";

    public static string TextOn(string background) =>
        Contrast(background, Dark) >= Contrast(background, Light) ? Dark : Light;

    /// <summary>The contrast ratio (1 to 21) of two "#rrggbb" colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return 0.2126 * Channel(rgb >> 16) + 0.7152 * Channel(rgb >> 8) + 0.0722 * Channel(rgb);
    }

    private static double Channel(int value)
    {
        var c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
