using System.CommandLine;
using SharingHub.Cli.Upload;

// The organisers' command line: `sharinghub upload …` and friends. Commands are added by feature.
var root = new RootCommand("SharingHub for organisers");
root.Subcommands.Add(UploadCommand.Create());
return await root.Parse(args).InvokeAsync();
