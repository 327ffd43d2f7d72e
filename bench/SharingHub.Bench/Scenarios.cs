namespace SharingHub.Bench;

public interface IScenario
{
    string Description { get; }

    Task RunAsync(string[] args);
}

/// <summary>The benchmark scenarios, one line each.</summary>
public static class Scenarios
{
    public static IReadOnlyDictionary<string, IScenario> All { get; } = new Dictionary<string, IScenario>(StringComparer.OrdinalIgnoreCase)
    {
        ["upload"] = new UploadBench(),
        ["digest-round"] = new DigestRoundBench(),
        ["stories"] = new StoriesBench(),
        ["pages"] = new PagesBench(),
        ["search"] = new SearchBench(),
        ["graph-double"] = new GraphDoubleProcess.Child(),
    };
}
