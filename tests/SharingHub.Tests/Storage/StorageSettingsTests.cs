using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SharingHub.Storage;
using SharingHub.Testing;
using SharingHub.Tests.Deployment;

namespace SharingHub.Tests.Storage;

/// <summary>The Storage settings the Bicep template gives the function app are the ones the hub binds, and bad ones stop the host by name.</summary>
public sealed partial class StorageSettingsTests
{
    private const string IdentityClientId = "0b8f5a3c-1d2e-4f60-9a7b-8c9d0e1f2a3b";

    [Fact]
    public void EveryStorageSettingOfTheFunctionAppTemplateIsOneTheHubReads()
    {
        var bicep = File.ReadAllText(RepositoryRoot.File("infra", "modules", "functionapp.bicep"));
        var keys = StorageSettingPattern().Matches(bicep).Select(m => m.Groups["key"].Value).ToList();

        Assert.Contains("blobServiceUri", keys);
        Assert.Contains("clientId", keys);
        var bound = typeof(StorageOptions).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(keys, key => Assert.Contains(key, bound));
    }

    [Fact]
    public void AppSettingsAsTheTemplateWritesThemBindToTheUserAssignedIdentity()
    {
        // Exactly the Storage__* settings of infra/modules/functionapp.bicep, without Storage__ManagedIdentityClientId:
        // the host's own name (clientId) is enough.
        using var host = BuildHost(new()
        {
            ["Storage:blobServiceUri"] = "https://sthub.blob.core.windows.net/",
            ["Storage:tableServiceUri"] = "https://sthub.table.core.windows.net/",
            ["Storage:queueServiceUri"] = "https://sthub.queue.core.windows.net/",
            ["Storage:credential"] = "managedidentity",
            ["Storage:clientId"] = IdentityClientId,
        });

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var storage = host.Services.GetRequiredService<HubStorage>();

        Assert.Equal(IdentityClientId, options.EffectiveClientId);
        Assert.False(options.UsesConnectionString);
        Assert.Equal("sthub.table.core.windows.net", storage.TableService.Uri.Host);
        Assert.Equal("sthub.blob.core.windows.net", storage.BlobService.Uri.Host);
        Assert.Equal("sthub.queue.core.windows.net", storage.QueueService.Uri.Host);
    }

    [Fact]
    public async Task NoStorageSettingsStopTheHostWithAMessageNamingThem()
    {
        using var host = BuildHost([]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.Contains("Storage:BlobServiceUri", error.Message);
    }

    [Fact]
    public async Task AMissingServiceUriStopsTheHostNamingIt()
    {
        using var host = BuildHost(new()
        {
            ["Storage:BlobServiceUri"] = "https://sthub.blob.core.windows.net/",
            ["Storage:QueueServiceUri"] = "https://sthub.queue.core.windows.net/",
            ["Storage:clientId"] = IdentityClientId,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:TableServiceUri", error.Message);
        Assert.DoesNotContain("Storage:BlobServiceUri", error.Message);
    }

    [Fact]
    public async Task TwoDifferentClientIdsStopTheHostNamingBoth()
    {
        using var host = BuildHost(new()
        {
            ["Storage:BlobServiceUri"] = "https://sthub.blob.core.windows.net/",
            ["Storage:TableServiceUri"] = "https://sthub.table.core.windows.net/",
            ["Storage:QueueServiceUri"] = "https://sthub.queue.core.windows.net/",
            ["Storage:clientId"] = IdentityClientId,
            ["Storage:ManagedIdentityClientId"] = "11111111-2222-3333-4444-555555555555",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:ManagedIdentityClientId", error.Message);
        Assert.Contains("Storage:clientId", error.Message);
    }

    [Fact]
    public async Task PlainHttpServiceUrisStopTheHost()
    {
        using var host = BuildHost(new()
        {
            ["Storage:BlobServiceUri"] = "http://sthub.blob.core.windows.net/",
            ["Storage:TableServiceUri"] = "https://sthub.table.core.windows.net/",
            ["Storage:QueueServiceUri"] = "https://sthub.queue.core.windows.net/",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:BlobServiceUri must use https", error.Message);
    }

    [Fact]
    public async Task AConnectionStringAsTheValueOfStorageReachesAzuriteLikeTheFunctionsHostConvention()
    {
        // local.settings.json: "Storage": "<connection string>" serves the queue trigger (Connection = "Storage") and the hub.
        var prefix = SharedAzurite.NewPrefix();
        using var host = BuildHost(new()
        {
            ["Storage"] = await SharedAzurite.ConnectionStringAsync(),
            ["Storage:Prefix"] = prefix,
        });
        await host.StartAsync();

        var storage = host.Services.GetRequiredService<HubStorage>();
        var table = storage.Table("probe");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["Value"] = "æøå" });
        var read = await storage.TableService.GetTableClient(prefix + "probe").GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r");

        Assert.Equal("æøå", read.Value.GetString("Value"));
        await host.StopAsync();
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddHubStorage(builder.Configuration);
        return builder.Build();
    }

    [GeneratedRegex(@"^\s*Storage__(?<key>\w+)\s*:", RegexOptions.Multiline)]
    private static partial Regex StorageSettingPattern();
}
