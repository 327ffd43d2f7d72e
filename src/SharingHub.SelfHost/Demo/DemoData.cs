using SharingHub.Stories;
using SharingHub.Stories.Import;

namespace SharingHub.SelfHost.Demo;

/// <summary>
/// Seeds published stories drawn from real published cases (Asker's 2019 pilots, Møre og Romsdal's "Bibliotek og bærekraft",
/// Trøndelag Sørvest's "Bærekraftstanken"). Imported by source id, so restarting with --demo adds nothing twice.
/// </summary>
internal static class DemoData
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration, bool demo)
    {
        if (demo || configuration.GetValue<bool>("Demo:Seed"))
        {
            services.AddHostedService<DemoSeeder>();
            ProvideAdminKey(configuration);
            services.AddHostedService<WebinarDemoSeeder>();
        }
        return services;
    }

    /// <summary>
    /// Demo mode needs an admin to be useful. Without Access:BootstrapAdminKey, one is generated once into .azurite/admin-key.txt
    /// (beside the local data, never committed) and used as the bootstrap key.
    /// </summary>
    private static void ProvideAdminKey(IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration["Access:BootstrapAdminKey"]))
        {
            Console.WriteLine("Demo: the admin key is the value of Access:BootstrapAdminKey; send it as X-Api-Key.");
            return;
        }
        var dataDir = configuration["Azurite:DataDirectory"] ?? LocalDataDirectory();
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, "admin-key.txt");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + Environment.NewLine);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        configuration["Access:BootstrapAdminKey"] = File.ReadAllText(path).Trim();
        Console.WriteLine($"Demo: a local admin key is in {path}; send it as X-Api-Key (e.g. curl -H \"X-Api-Key: $(cat {path})\" ...).");
    }

    private static string LocalDataDirectory()
    {
        try
        {
            return Path.GetFullPath(Path.Combine(Azurite.AzuriteInstall.FindDirectory(), "..", "..", ".azurite"));
        }
        catch (InvalidOperationException)
        {
            return Path.GetFullPath(".azurite");
        }
    }

    private sealed class DemoSeeder(StoryImporter importer, ILogger<DemoSeeder> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("SharingHub.SelfHost.Demo.demo-stories.ndjson")!;
            using var reader = new StreamReader(stream);
            var rows = await NdjsonStoryReader.ReadAsync(reader, 1_000, cancellationToken);
            var report = await importer.ImportRowsAsync(rows, defaultNetwork: null, StoryStatus.Published, cancellationToken);
            logger.LogInformation("Demo data: {Created} stories added, {Existing} already there, {Failed} failed", report.Created, report.Existing, report.Failed);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
