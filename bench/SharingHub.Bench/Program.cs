using SharingHub.Bench;

// Run by hand: `dotnet run -c Release --project bench/SharingHub.Bench -- <scenario> [options]`.
// Every scenario measures the hub and a bare-SDK baseline side by side in one run, and prints their ratio.
var scenarios = Scenarios.All;
if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.WriteLine("Scenarios:");
    foreach (var (name, s) in scenarios)
    {
        Console.WriteLine($"  {name,-12} {s.Description}");
    }
    return args.Length == 0 ? 0 : 1;
}
await scenario.RunAsync(args[1..]);
return 0;
