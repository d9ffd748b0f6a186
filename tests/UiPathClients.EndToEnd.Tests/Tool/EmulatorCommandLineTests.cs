using System;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Tool;

namespace UiPathClients.EndToEnd.Tests.Tool;

/// <summary>
/// uipath-emulator's arguments: each option lands in <see cref="OrchestratorEmulatorOptions"/>, in either spelling
/// (<c>--port 5181</c>, <c>--port=5181</c>); anything it cannot use is an error naming the option, and nothing starts.
/// </summary>
public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void No_arguments_serve_the_default_port_with_the_default_seed_and_a_request_log()
    {
        var commandLine = EmulatorCommandLine.Parse([]);

        Assert.Null(commandLine.Error);
        Assert.False(commandLine.ShowHelp);
        var options = commandLine.Options!;
        Assert.Equal(OrchestratorEmulatorOptions.DefaultPort, options.Port);
        Assert.Null(options.ServerPageSize);
        Assert.Null(options.Organization);
        Assert.Null(options.Tenant);
        Assert.Null(options.OrchestratorVersion);
        Assert.Equal(EmulatorSeed.Default, options.Seed);
        Assert.True(options.ConsoleLogging);
    }

    [Fact]
    public void Every_option_lands_in_the_emulator_options()
    {
        var commandLine = EmulatorCommandLine.Parse(["--port", "5181", "--page-size=25", "--organization", "acme", "--tenant=Production", "--orchestrator-version", "2019.10", "--empty", "--quiet"]);

        Assert.Null(commandLine.Error);
        var options = commandLine.Options!;
        Assert.Equal(5181, options.Port);
        Assert.Equal(25, options.ServerPageSize);
        Assert.Equal("acme", options.Organization);
        Assert.Equal("Production", options.Tenant);
        Assert.Equal("2019.10", options.OrchestratorVersion);
        Assert.Equal(EmulatorSeed.Empty, options.Seed);
        Assert.False(options.ConsoleLogging);
    }

    [Fact]
    public void Port_zero_asks_for_a_free_port()
    {
        Assert.Equal(0, EmulatorCommandLine.Parse(["--port", "0"]).Options!.Port);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_starts_nothing_even_after_other_options(string help)
    {
        var commandLine = EmulatorCommandLine.Parse(["--port", "5181", help]);

        Assert.True(commandLine.ShowHelp);
        Assert.Null(commandLine.Options);
        Assert.Null(commandLine.Error);
        foreach (var option in new[] { "--port", "--page-size", "--organization", "--tenant", "--orchestrator-version", "--empty", "--quiet", "--help" })
        {
            Assert.Contains(option, EmulatorCommandLine.Usage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--port", "--port", "65536")]
    [InlineData("--port", "--port", "-1")]
    [InlineData("--port", "--port", "80a")]
    [InlineData("--port", "--port")]
    [InlineData("--page-size", "--page-size", "0")]
    [InlineData("--page-size", "--page-size", "--port", "5181")]
    [InlineData("--organization", "--organization", "acme/other")]
    [InlineData("--tenant", "--tenant=")]
    [InlineData("--tenant", "--tenant", "Default Tenant")]
    [InlineData("--orchestrator-version", "--orchestrator-version", "2021.10")]
    [InlineData("--orchestrator-version", "--orchestrator-version=cloud")]
    [InlineData("--empty", "--empty=yes")]
    [InlineData("--port", "--port", "1", "--port", "2")]
    [InlineData("--verbose", "--verbose")]
    [InlineData("5181", "5181")]
    public void An_argument_it_cannot_use_is_an_error_naming_it(string named, params string[] args)
    {
        var commandLine = EmulatorCommandLine.Parse(args);

        Assert.Null(commandLine.Options);
        Assert.False(commandLine.ShowHelp);
        Assert.Contains(named, commandLine.Error, StringComparison.Ordinal);
    }
}
