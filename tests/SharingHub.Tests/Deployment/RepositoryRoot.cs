namespace SharingHub.Tests.Deployment;

/// <summary>The checkout the tests run from, for tests that read the repository's own deployment files.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "infra", "main.bicep")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (with infra/main.bicep) was not found above " + AppContext.BaseDirectory);
    }
}
