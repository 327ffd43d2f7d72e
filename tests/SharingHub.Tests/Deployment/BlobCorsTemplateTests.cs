using System.Text.RegularExpressions;
using SharingHub.Storage;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// The CORS rule Azure gets from infra/modules/blobcors.bicep is the one the self-host sets on Azurite (<see cref="BlobCors"/>),
/// which the browser tests upload through: what works there is what Azure allows.
/// </summary>
public sealed partial class BlobCorsTemplateTests
{
    [Fact]
    public void TheTemplatesCorsRuleAllowsTheMethodsAndHeadersTheUploadModuleNeeds()
    {
        var template = File.ReadAllText(RepositoryRoot.File("infra", "modules", "blobcors.bicep"));

        Assert.Equal(BlobCors.Methods.Split(','), List(template, "allowedMethods"));
        Assert.Equal(BlobCors.AllowedHeaders.Split(','), List(template, "allowedHeaders"));
        Assert.Equal(BlobCors.ExposedHeaders.Split(','), List(template, "exposedHeaders"));
        Assert.Contains($"maxAgeInSeconds: {BlobCors.MaxAgeSeconds}", template, StringComparison.Ordinal);
        Assert.Contains("module blobCors 'modules/blobcors.bicep'", File.ReadAllText(RepositoryRoot.File("infra", "main.bicep")), StringComparison.Ordinal);
    }

    private static List<string> List(string template, string property)
    {
        var block = Regex.Match(template, property + @":\s*\[(?<items>[^\]]*)\]");
        Assert.True(block.Success, $"{property} is not in blobcors.bicep");
        return [.. Quoted().Matches(block.Groups["items"].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
