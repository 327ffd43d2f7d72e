using SharingHub.Stories;
using SharingHub.Stories.Import;

namespace SharingHub.SelfHost.Demo;

/// <summary>
/// Seeds published stories drawn from real published cases (Asker's 2019 pilots, Møre og Romsdal's "Bibliotek og bærekraft",
/// Trøndelag Sørvest's "Bærekraftstanken"). Imported by source id, so restarting with --demo adds nothing twice.
/// </summary>
internal static class DemoData
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration, string[] args)
    {
        if (args.Contains("--demo") || configuration.GetValue<bool>("Demo:Seed"))
        {
            services.AddHostedService<DemoSeeder>();
            services.AddHostedService<WebinarDemoSeeder>();
        }
        return services;
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
