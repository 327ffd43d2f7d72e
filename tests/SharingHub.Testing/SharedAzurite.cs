using SharingHub.SelfHost.Azurite;

namespace SharingHub.Testing;

/// <summary>
/// One real Azurite per test run (in memory), started on first use and stopped when the process ends.
/// Tests isolate themselves with a unique storage prefix, not with separate emulators.
/// Set SHARINGHUB_TEST_STORAGE to a connection string to use an emulator you already run.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<string>> Connection = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Connection.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SHARINGHUB_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var azurite = await AzuriteProcess.StartAsync(dataDirectory: null, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite.ConnectionString;
    }

    /// <summary>A fresh prefix: every table, container and queue the test touches is its own.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
