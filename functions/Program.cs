using Microsoft.Extensions.Hosting;
using SharingHub.Functions;

// The Azure Functions host for the same core the self-host runs: one Functions class per feature, each method a
// one-line call into the core. Host set-up: FunctionsHost.cs; settings: functions/local.settings.example.json;
// deployment: docs/deploy.md.
await FunctionsHost.CreateBuilder(args).Build().RunAsync();
