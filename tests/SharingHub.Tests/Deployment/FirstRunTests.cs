using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SharingHub.Testing;
using SharingHub.Tests.Webinars;

namespace SharingHub.Tests.Deployment;

/// <summary>What a newcomer sees on the first build and the first run: no restore warnings, and dates a reader anywhere parses.</summary>
public sealed partial class FirstRunTests
{
    [Fact]
    public void RestoringTheProjectsTheTestsBuildWarnsAboutNoPackageVersion()
    {
        var assets = new[] { "tests/SharingHub.Tests", "tests/SharingHub.Testing", "src/SharingHub.Core", "src/SharingHub.SelfHost", "src/SharingHub.Cli" }
            .Select(project => RepositoryRoot.File([.. project.Split('/'), "obj", "project.assets.json"]))
            .ToList();

        Assert.All(assets, path => Assert.True(File.Exists(path), $"{path} is missing: was the project restored?"));
        var warnings = assets
            .SelectMany(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.TryGetProperty("logs", out var logs) ? logs.EnumerateArray().ToList() : [])
            .Select(log => (Code: log.GetProperty("code").GetString() ?? "", Message: log.GetProperty("message").GetString()))
            // Version resolution (NU16xx: NU1603 "was not found, … was resolved instead" and friends), which a pin in
            // Directory.Packages.props settles; not vulnerability audits (NU19xx), which change with the advisory data.
            .Where(log => log.Code.StartsWith("NU16", StringComparison.Ordinal))
            .Select(log => $"{log.Code}: {log.Message}")
            .Distinct()
            .ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
    }

    [Fact]
    public async Task TheHubsLogWritesTimesInIso8601()
    {
        var logs = new LogCapture();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US"); // the culture that writes 09/25/2026
        try
        {
            await using var hub = await HubApp.StartAsync(configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
            var client = hub.CreateClient();
            var episode = await WebinarTestData.CreateEpisodeAsync(client);
            await WebinarTestData.TicketAsync(client, episode.GetProperty("id").GetString()!, "slides", "lysark.pdf", "application/pdf", 4096);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var created = Assert.Single(logs.Messages, m => m.StartsWith("Webinar ", StringComparison.Ordinal) && m.Contains(" created for ", StringComparison.Ordinal));
        Assert.Matches(Iso8601(), created);
        Assert.Contains(logs.Messages, m => m.Contains("authorised until", StringComparison.Ordinal) && Iso8601().IsMatch(m));
        Assert.DoesNotContain(logs.Messages, m => SlashedDate().IsMatch(m));
    }

    [Fact]
    public async Task TheSelfHostsConsoleStampsEachLineInIso8601Utc()
    {
        await using var hub = await HubApp.StartAsync();
        var written = new StringWriter();
        var stdout = Console.Out;
        Console.SetOut(written); // the console provider takes Console.Out when it is created
        try
        {
            // The self-host's console provider as its settings make it (formatter, options and all), writing here.
            using (var console = new ConsoleLoggerProvider(
                hub.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), hub.Services.GetServices<ConsoleFormatter>()))
            {
                console.CreateLogger("SharingHub.Tests").LogInformation("Webinar {WebinarId} created", "w1");
            }
        }
        finally
        {
            Console.SetOut(stdout);
        }

        var line = written.ToString().Split('\n').First(l => l.Contains("SharingHub.Tests", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info: SharingHub\.Tests", line);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")]
    private static partial Regex Iso8601();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b")]
    private static partial Regex SlashedDate();

    /// <summary>Every message the hub logs, as its providers would format it.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> messages = new();

        public IReadOnlyList<string> Messages => [.. messages];

        public ILogger CreateLogger(string categoryName) => new Logger(messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
