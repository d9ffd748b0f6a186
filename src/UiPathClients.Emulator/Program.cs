using System;
using System.Globalization;
using UiPathClients.Emulator;

// `dotnet run --project src/UiPathClients.Emulator [-- --port 5180] [--page-size 100]`: serves the emulator until Ctrl+C.
var options = new OrchestratorEmulatorOptions { Port = OrchestratorEmulatorOptions.DefaultPort, ConsoleLogging = true };
for (var index = 0; index + 1 < args.Length; index += 2)
{
    switch (args[index])
    {
        case "--port":
            options.Port = int.Parse(args[index + 1], CultureInfo.InvariantCulture);
            break;
        case "--page-size":
            options.ServerPageSize = int.Parse(args[index + 1], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[index]}. Options: --port <n>, --page-size <n>.");
            return 2;
    }
}

await using var emulator = await OrchestratorEmulator.StartAsync(options);
Console.WriteLine($"Orchestrator emulator listening on {emulator.BaseAddress} (OData at {emulator.BaseAddress}odata/, folder '{emulator.DefaultFolderPath}'). Ctrl+C stops it.");
Console.WriteLine($"Communications Mining API at {emulator.CommunicationsMiningAddress} (and {emulator.CloudCommunicationsMiningAddress}); bearer token {UiPathClients.Emulator.Identity.EmulatorIdentityOptions.DefaultPersonalAccessToken}.");
await emulator.WaitForShutdownAsync();
return 0;
