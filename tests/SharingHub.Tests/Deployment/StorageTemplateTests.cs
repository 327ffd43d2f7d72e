using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;
using SharingHub.Testing;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// infra/main.bicep declares the tables, containers and queues of the storage account. In Azure the hub still creates
/// what is missing, but a name that is only created at run time escapes the template (and review): every name a
/// feature registers must be in the template's parameter arrays.
/// </summary>
public sealed partial class StorageTemplateTests
{
    [Theory]
    [InlineData(StorageKind.Table, "tableNames")]
    [InlineData(StorageKind.Container, "containerNames")]
    [InlineData(StorageKind.Queue, "queueNames")]
    public async Task EveryStorageResourceTheHubRegistersIsDeclaredInTheTemplate(StorageKind kind, string parameter)
    {
        await using var hub = await HubApp.StartAsync();
        var registered = hub.Services.GetServices<StorageResource>().Where(r => r.Kind == kind).Select(r => r.Name).ToHashSet();

        var declared = DeclaredNames(parameter);

        Assert.NotEmpty(declared);
        var missing = registered.Except(declared).Order().ToList();
        Assert.True(missing.Count == 0, $"Add to '{parameter}' in infra/main.bicep: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryDeclaredQueueHasItsPoisonQueue()
    {
        var queues = DeclaredNames("queueNames");

        Assert.NotEmpty(queues);
        Assert.All(queues.Where(q => !q.EndsWith("-poison", StringComparison.Ordinal)), q => Assert.Contains(q + "-poison", queues));
    }

    private static HashSet<string> DeclaredNames(string parameter)
    {
        var bicep = File.ReadAllText(RepositoryRoot.File("infra", "main.bicep"));
        var block = Regex.Match(bicep, $@"param {parameter} string\[\] = \[(?<items>[^\]]*)\]");
        Assert.True(block.Success, $"infra/main.bicep has no 'param {parameter} string[] = [...]'");
        return QuotedName().Matches(block.Groups["items"].Value).Select(m => m.Groups["name"].Value).ToHashSet();
    }

    [GeneratedRegex(@"'(?<name>[a-z0-9-]+)'")]
    private static partial Regex QuotedName();
}
