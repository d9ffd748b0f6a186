using System;
using System.IO;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Tool;
using UiPathClients.Emulator.Tool.Metadata;

// uipath-emulator [--port 5180] [--page-size 100] [--organization acme] [--tenant DefaultTenant] [--orchestrator-version 2020.10] [--empty] [--quiet]:
// serves the emulator until Ctrl+C (exit code 0); 2 for arguments it cannot use, 1 when it cannot listen.
// uipath-emulator download-metadata <orchestrator-url> <sign-in>: writes that server's $metadata (0; 1 when it failed).
if (args.Length > 0 && args[0] == MetadataCommandLine.Name)
{
    var download = MetadataCommandLine.Parse(args[1..], Environment.GetEnvironmentVariable);
    if (download.Error is not null)
    {
        Console.Error.WriteLine($"uipath-emulator download-metadata: {download.Error}");
        Console.Error.WriteLine("Run uipath-emulator download-metadata --help for the options.");
        return 2;
    }

    if (download.ShowHelp)
    {
        Console.WriteLine(MetadataCommandLine.Usage);
        return 0;
    }

    return await MetadataDownload.RunAsync(download, Console.Out, Console.Error);
}

var commandLine = EmulatorCommandLine.Parse(args);
if (commandLine.Error is not null)
{
    Console.Error.WriteLine($"uipath-emulator: {commandLine.Error}");
    Console.Error.WriteLine("Run uipath-emulator --help for the options.");
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

OrchestratorEmulator emulator;
try
{
    emulator = await OrchestratorEmulator.StartAsync(commandLine.Options);
}
catch (IOException cannotListen)
{
    // Kestrel's answer when the port is taken: say so plainly instead of a stack trace.
    Console.Error.WriteLine($"uipath-emulator: cannot listen on port {commandLine.Options!.Port}: {cannotListen.Message}");
    return 1;
}

await using (emulator)
{
    Console.WriteLine(EmulatorBanner.Describe(emulator));
    await emulator.WaitForShutdownAsync();
}

return 0;
