using System.Diagnostics;

namespace SharingHub.SelfHost.Azurite;

/// <summary>Finds tools/azurite in the repository and installs the pinned package there if the build has not already.</summary>
public static class AzuriteInstall
{
    public static string FindDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "azurite");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException(
            "tools/azurite was not found above the program or the current directory. Run the hub from its repository, or set Storage:ConnectionString.");
    }

    /// <returns>The path of Azurite's entry script.</returns>
    public static async Task<string> EnsureAsync(string directory, CancellationToken ct)
    {
        var script = Path.Combine(directory, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script))
        {
            return script;
        }
        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(arg);
        }
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm. Is Node.js installed and on PATH?");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException($"'npm ci' in {directory} failed (exit {process.ExitCode}); Azurite is not installed.");
        }
        return script;
    }
}
