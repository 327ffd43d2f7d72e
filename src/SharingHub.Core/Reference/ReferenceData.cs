using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace SharingHub.Reference;

/// <summary>
/// Norway's 357 municipalities and 15 counties (SSB, valid from 2024-01-01), the 17 goals and the 169 official targets.
/// Embedded in the assembly, loaded once.
/// </summary>
public sealed class ReferenceData
{
    public static ReferenceData Instance { get; } = Load();

    private ReferenceData(IReadOnlyList<Municipality> municipalities, IReadOnlyList<County> counties, IReadOnlyList<Goal> goals, IReadOnlyList<OfficialTarget> targets)
    {
        Municipalities = municipalities;
        Counties = counties;
        Goals = goals;
        Targets = targets;
        MunicipalityByNumber = municipalities.ToDictionary(m => m.Kommunenummer, StringComparer.Ordinal);
        CountyByNumber = counties.ToDictionary(c => c.Fylkesnummer, StringComparer.Ordinal);
        TargetById = targets.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Municipality> Municipalities { get; }
    public IReadOnlyList<County> Counties { get; }
    public IReadOnlyList<Goal> Goals { get; }
    public IReadOnlyList<OfficialTarget> Targets { get; }
    public IReadOnlyDictionary<string, Municipality> MunicipalityByNumber { get; }
    public IReadOnlyDictionary<string, County> CountyByNumber { get; }
    public IReadOnlyDictionary<string, OfficialTarget> TargetById { get; }

    public bool IsGoal(int number) => number is >= 1 and <= 17;

    private static ReferenceData Load()
    {
        var municipalities = Read("kommuner.csv", r => new Municipality(
            r.GetField("kommunenummer")!, r.GetField("navn_kort")!, r.GetField("navn_offisielt_ssb")!,
            r.GetField("fylkesnummer")!, r.GetField("fylkesnavn")!, r.GetField("malform")!, r.GetField("administrasjonssenter")!));
        var counties = Read("fylker.csv", r => new County(
            r.GetField("fylkesnummer")!, r.GetField("fylkesnavn")!, r.GetField("fylkesnavn_offisielt")!,
            int.Parse(r.GetField("antall_kommuner")!, CultureInfo.InvariantCulture)));
        var goals = Read("sdg_goals.csv", r => new Goal(
            int.Parse(r.GetField("goal")!, CultureInfo.InvariantCulture), r.GetField("short_nb")!, r.GetField("title_nb")!,
            r.GetField("short_en")!, r.GetField("title_en")!, r.GetField("color_hex")!,
            int.Parse(r.GetField("target_count")!, CultureInfo.InvariantCulture)));
        var targets = Read("sdg_targets.csv", r => new OfficialTarget(
            r.GetField("target_id")!, int.Parse(r.GetField("goal")!, CultureInfo.InvariantCulture), r.GetField("title_en")!));
        return new ReferenceData(municipalities, counties, goals, targets);
    }

    private static List<T> Read<T>(string file, Func<CsvReader, T> map)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"SharingHub.Reference.{file}")
            ?? throw new InvalidOperationException($"Embedded reference file {file} is missing from the build.");
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8);
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(map(csv));
        }
        return rows;
    }
}
