using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace UiPathClients.Emulator.Tool;

/// <summary>The uipath-emulator command line, read into emulator options (or a request for help, or what was wrong).</summary>
internal sealed class EmulatorCommandLine
{
    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: uipath-emulator [options]

        Serves the UiPathClients Orchestrator and Communications Mining emulator on 127.0.0.1 until Ctrl+C,
        and prints its addresses and the credentials it accepts.

        Options:
          --port <n>             Loopback port; 0 picks a free one (default 5180).
          --page-size <n>        Server-driven paging: at most n entities per response, with @odata.nextLink
                                 (default: none, as Orchestrator).
          --organization <name>  Organization in the cloud addresses (/{organization}/{tenant}/orchestrator_/);
                                 default: any name is accepted, addresses show 'emulator'.
          --tenant <name>        Tenant in the cloud addresses; default: any name, addresses show 'DefaultTenant'.
          --orchestrator-version <v>
                                 Serve an on-premises Orchestrator's $metadata, routes and entity shapes:
                                 2020.10 or 2019.10 (the UiPathClient Version="..." clients); default: cloud.
          --empty                Start with no folders or data instead of the default seed.
          --quiet                No ASP.NET Core request log on the console.
          -h, --help             Show this help.

        Commands:
          download-metadata <orchestrator-url> <sign-in>
                                 Write a live Orchestrator's own $metadata, to generate a client of exactly that
                                 server (see uipath-emulator download-metadata --help).
        """;

    private EmulatorCommandLine(OrchestratorEmulatorOptions? options, bool showHelp, string? error)
    {
        Options = options;
        ShowHelp = showHelp;
        Error = error;
    }

    /// <summary>The options to start the emulator with; <see langword="null"/> when <see cref="ShowHelp"/> or <see cref="Error"/>.</summary>
    public OrchestratorEmulatorOptions? Options { get; }

    /// <summary>Whether <c>--help</c> was asked for (nothing is started then).</summary>
    public bool ShowHelp { get; }

    /// <summary>What was wrong with the arguments, naming the option; <see langword="null"/> when they were fine.</summary>
    public string? Error { get; }

    /// <summary>Reads <paramref name="args"/>: each option once at most, as <c>--name value</c> or <c>--name=value</c>.</summary>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new OrchestratorEmulatorOptions { Port = OrchestratorEmulatorOptions.DefaultPort, ConsoleLogging = true };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index++)
        {
            var argument = args[index];
            if (argument is "-h" or "--help" or "-?")
            {
                return new EmulatorCommandLine(null, showHelp: true, error: null);
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 && argument.StartsWith("--", StringComparison.Ordinal) ? argument[..equals] : argument;
            string? inlineValue = equals > 0 && name.Length == equals ? argument[(equals + 1)..] : null;
            if (!seen.Add(name))
            {
                return Failed($"{name} is given more than once.");
            }

            switch (name)
            {
                case "--empty" or "--quiet" when inlineValue is not null:
                    return Failed($"{name} takes no value.");
                case "--empty":
                    options.Seed = EmulatorSeed.Empty;
                    continue;
                case "--quiet":
                    options.ConsoleLogging = false;
                    continue;
                case "--port" or "--page-size" or "--organization" or "--tenant" or "--orchestrator-version":
                    break;
                default:
                    return Failed($"Unknown option '{argument}'.");
            }

            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++index];
            }
            else
            {
                return Failed($"{name} needs a value.");
            }

            switch (name)
            {
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        return Failed($"--port must be a number from 0 to 65535, not '{value}'.");
                    }

                    options.Port = port;
                    break;
                case "--page-size":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || pageSize < 1)
                    {
                        return Failed($"--page-size must be a whole number of at least 1, not '{value}'.");
                    }

                    options.ServerPageSize = pageSize;
                    break;
                case "--organization":
                    if (!IsPathSegment(value))
                    {
                        return Failed($"--organization must be one URL path segment (no '/', '?', '#' or spaces), not '{value}'.");
                    }

                    options.Organization = value;
                    break;
                case "--orchestrator-version":
                    if (!OrchestratorEmulatorOptions.OnPremisesOrchestratorVersions.Contains(value))
                    {
                        return Failed($"--orchestrator-version must be one of {string.Join(", ", OrchestratorEmulatorOptions.OnPremisesOrchestratorVersions)} (leave it out for cloud), not '{value}'.");
                    }

                    options.OrchestratorVersion = value;
                    break;
                default:
                    if (!IsPathSegment(value))
                    {
                        return Failed($"--tenant must be one URL path segment (no '/', '?', '#' or spaces), not '{value}'.");
                    }

                    options.Tenant = value;
                    break;
            }
        }

        return new EmulatorCommandLine(options, showHelp: false, error: null);
    }

    private static EmulatorCommandLine Failed(string error) => new(null, showHelp: false, error);

    /// <summary>The name appears in the cloud addresses as one segment: anything that would split or end the path is refused.</summary>
    private static bool IsPathSegment(string value) =>
        value.Length > 0 && value.IndexOfAny(['/', '\\', '?', '#', ' ', '%']) < 0;
}
