using Microsoft.Extensions.Hosting;

namespace SharingHub.Functions;

/// <summary>
/// The Azure Functions host for the same core the self-host runs: one Functions class per feature, each method a
/// one-line call into the core. Host set-up: <see cref="FunctionsHost"/>; settings: functions/local.settings.example.json;
/// deployment: docs/deploy.md. Not top-level statements: those make a public global <c>Program</c>, which the tests,
/// referencing both hosts, could not tell from the self-host's.
/// </summary>
internal static class Program
{
    public static Task Main(string[] args) => FunctionsHost.CreateBuilder(args).Build().RunAsync();
}
