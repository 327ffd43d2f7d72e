using System.Globalization;

namespace SharingHub.Bench;

/// <summary>
/// CPU time spent by this process and by the Azurite it started (a child node process), read from /proc. On a machine
/// that is not quiet the wall-clock figures stretch; the CPU each side spent on the same work stretches much less, so it
/// shows what a change saved even when the times cannot.
/// </summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public readonly record struct Reading(double HubSeconds, double AzuriteSeconds)
    {
        public static Reading operator -(Reading a, Reading b) => new(a.HubSeconds - b.HubSeconds, a.AzuriteSeconds - b.AzuriteSeconds);
    }

    public static Reading Read()
    {
        var self = Environment.ProcessId;
        return new Reading(Seconds(self), Azurites(self).Sum(Seconds));
    }

    /// <summary>CPU seconds spent so far by process <paramref name="pid"/> (the Graph double's, for one).</summary>
    public static double Of(int pid) => Seconds(pid);

    private static IEnumerable<int> Azurites(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == parent)
            {
                continue;
            }
            string stat, cmdline;
            try
            {
                stat = File.ReadAllText($"{dir}/stat");
                cmdline = File.ReadAllText($"{dir}/cmdline");
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (cmdline.Contains("azurite", StringComparison.Ordinal) && Fields(stat)[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    private static double Seconds(int pid)
    {
        try
        {
            var fields = Fields(File.ReadAllText($"/proc/{pid}/stat"));
            // utime and stime: the 14th and 15th fields of stat, the 12th and 13th after the name.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The fields after "pid (name)": the name may hold spaces, so split after its closing parenthesis.</summary>
    private static string[] Fields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
}
