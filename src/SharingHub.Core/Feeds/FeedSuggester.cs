using System.Globalization;
using System.Text.RegularExpressions;
using SharingHub.Reference;
using SharingHub.Stories;

namespace SharingHub.Feeds;

/// <summary>
/// Guesses municipality, goals and sector from an item's title and summary. Only guesses: they are stored as
/// <see cref="StorySuggestions"/> and become part of the story when an editor accepts them.
/// </summary>
public static partial class FeedSuggester
{
    public const int MaxMunicipalities = 5;

    // Every name (short, official parts, Sámi/Kven parallels) → the municipalities it may mean (Våler and Herøy are two each).
    private static readonly Dictionary<string, List<Municipality>> ByName = BuildNames();

    private static readonly (string Stem, string Sector)[] SectorWords =
    [
        ("barnehage", "kindergarten"),
        ("skole", "school"), ("skule", "school"), ("elever", "school"), ("undervisning", "school"),
        ("bibliotek", "library"),
        ("helse", "health"), ("sykehjem", "health"), ("omsorg", "health"), ("legevakt", "health"),
        ("vann og avløp", "technical"), ("avløp", "technical"), ("renovasjon", "technical"), ("kommunalteknikk", "technical"),
        ("arealplan", "planning"), ("kommuneplan", "planning"), ("reguleringsplan", "planning"), ("planlegging", "planning"),
        ("kultur", "culture"), ("idrett", "culture"), ("museum", "culture"),
        ("innkjøp", "administration"), ("anskaffelse", "administration"), ("administrasjon", "administration"),
        ("næringsliv", "business"), ("bedrift", "business"), ("gründer", "business"),
    ];

    // "bærekraftsmål 12", "mål 3", "FNs bærekraftsmål nr. 7", "bærekraftsmålene 3, 4 og 11", "SDG 13", "berekraftsmål 6".
    [GeneratedRegex(@"(?<![\p{L}\d])(?:bærekraftsmål(?:et|ene)?|berekraftsmål(?:et|a)?|mål(?:et|ene)?|sdg|goal)\s*(?:nr\.?\s*|nummer\s*)?(?<n>\d{1,2}(?:\s*(?:,|og|and|&)\s*\d{1,2})*)(?!\d|[.,]\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoalPhrase();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex Number();

    public static StorySuggestions? Suggest(string? title, string? summary, IReadOnlyList<string> networkCounties)
    {
        var text = $"{title}\n{summary}";
        var municipalities = Municipalities(text, networkCounties);
        var goals = Goals(text);
        var sector = Sector(text);
        return municipalities.Count == 0 && goals.Count == 0 && sector is null ? null : new StorySuggestions(municipalities, goals, sector);
    }

    public static IReadOnlyList<MunicipalitySuggestion> Municipalities(string text, IReadOnlyList<string> networkCounties)
    {
        // Whole words, case-sensitive on the capitalised name: "Hole" and "Moss" are places, "hole" and "moss" are not.
        var found = new List<(int Start, int Length, string Name, List<Municipality> Candidates)>();
        foreach (var (name, candidates) in ByName)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (IsWordBoundary(text, at - 1) && IsWordBoundary(text, at + name.Length))
                {
                    found.Add((at, name.Length, name, candidates));
                }
            }
        }
        // The longest name wins where names overlap ("Nordre Follo" over a shorter name inside it).
        var taken = new List<(int Start, int End)>();
        var accepted = new List<(int Start, MunicipalitySuggestion Suggestion)>();
        foreach (var match in found.OrderByDescending(f => f.Length).ThenBy(f => f.Start))
        {
            var end = match.Start + match.Length;
            if (taken.Any(t => match.Start < t.End && end > t.Start))
            {
                continue;
            }
            taken.Add((match.Start, end));
            var chosen = match.Candidates.Count == 1
                ? match.Candidates[0]
                : match.Candidates.Where(c => networkCounties.Contains(c.Fylkesnummer)).ToList() is [var only] ? only : null;
            if (chosen is not null)
            {
                accepted.Add((match.Start, new MunicipalitySuggestion(chosen.Kommunenummer, chosen.Name, match.Name)));
            }
        }
        return accepted
            .OrderBy(a => a.Start)
            .Select(a => a.Suggestion)
            .DistinctBy(s => s.Kommunenummer)
            .Take(MaxMunicipalities)
            .ToList();
    }

    public static IReadOnlyList<int> Goals(string text)
    {
        var goals = new SortedSet<int>();
        foreach (Match match in GoalPhrase().Matches(text))
        {
            foreach (Match number in Number().Matches(match.Groups["n"].Value))
            {
                var goal = int.Parse(number.Value, CultureInfo.InvariantCulture);
                if (ReferenceData.Instance.IsGoal(goal))
                {
                    goals.Add(goal);
                }
            }
        }
        return [.. goals];
    }

    public static string? Sector(string text)
    {
        var lower = text.ToLowerInvariant();
        var best = SectorWords
            .GroupBy(w => w.Sector)
            .Select(g => (Sector: g.Key, Hits: g.Sum(w => Count(lower, w.Stem)), First: g.Select(w => lower.IndexOf(w.Stem, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min()))
            .Where(s => s.Hits > 0)
            .OrderByDescending(s => s.Hits)
            .ThenBy(s => s.First)
            .FirstOrDefault();
        return best.Sector;
    }

    private static int Count(string text, string stem)
    {
        var count = 0;
        for (var at = text.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = text.IndexOf(stem, at + stem.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static bool IsWordBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] is '\u0301' or '\u00AD');

    private static Dictionary<string, List<Municipality>> BuildNames()
    {
        var names = new Dictionary<string, List<Municipality>>(StringComparer.Ordinal);
        foreach (var municipality in ReferenceData.Instance.Municipalities)
        {
            // "Våler (Østfold)" is written "Våler" in running text; the network's county tells the two apart.
            var spoken = municipality.Names.Select(n => n.IndexOf(" (", StringComparison.Ordinal) is > 0 and var cut ? n[..cut] : n);
            foreach (var name in municipality.Names.Concat(spoken).Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal))
            {
                if (!names.TryGetValue(name, out var list))
                {
                    names[name] = list = [];
                }
                if (!list.Contains(municipality))
                {
                    list.Add(municipality);
                }
            }
        }
        return names;
    }
}
