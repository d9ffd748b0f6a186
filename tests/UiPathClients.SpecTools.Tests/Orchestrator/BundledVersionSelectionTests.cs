using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using UiPathClients.Tests.Common;

namespace UiPathClients.SpecTools.Tests.Orchestrator;

/// <summary>
/// <c>&lt;UiPathClient Include="Orchestrator" Version="…" /&gt;</c> (src/UiPathClients/build/UiPathClients.targets) picks the
/// EDMX this project's converter wrote for that version, keeps Orchestrator's defaults for every version, and answers an
/// unknown version with UIPC1002 listing the bundled ones. Runs the real targets with <c>dotnet msbuild</c> on a small
/// project; the EndToEnd project compiles both versions' clients the same way.
/// </summary>
public sealed class BundledVersionSelectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uipathclients-versions-").FullName;

    [Fact]
    public async Task Version_selects_the_bundled_folder_and_keeps_Orchestrators_defaults()
    {
        var (exitCode, output) = await BuildAsync("""
            <UiPathClient Include="Orchestrator" />
            <UiPathClient Include="Orchestrator" Version="2020.10" ClientName="Orchestrator2020" />
            <UiPathClient Include="Orchestrator" Version="2019.10" ClientName="Orchestrator2019" />
            <UiPathClient Include="CommunicationsMining" />
            """);

        Assert.True(exitCode == 0, output);
        var specs = output.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("SPEC|", StringComparison.Ordinal)).ToList();
        var specsDirectory = Path.Combine(SharedCorpus.RepositoryRoot, "specs");
        Assert.Equal(
            new[]
            {
                $"SPEC|{Path.Combine(specsDirectory, "orchestrator", "orchestrator.edmx")}|Orchestrator|odata/|Plain",
                $"SPEC|{Path.Combine(specsDirectory, "orchestrator-2020.10", "orchestrator-2020.10.edmx")}|Orchestrator2020|odata/|Plain",
                $"SPEC|{Path.Combine(specsDirectory, "orchestrator-2019.10", "orchestrator-2019.10.edmx")}|Orchestrator2019|odata/|Plain",
                $"SPEC|{Path.Combine(specsDirectory, "communications-mining", "communications-mining.openapi.yaml")}|CommunicationsMining||",
            }.Order(StringComparer.Ordinal),
            specs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_ClientName_every_version_is_the_OrchestratorClient()
    {
        var (exitCode, output) = await BuildAsync("""<UiPathClient Include="Orchestrator" Version="2019.10" />""");

        Assert.True(exitCode == 0, output);
        Assert.Contains("orchestrator-2019.10.edmx|Orchestrator|odata/|Plain", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_version_is_UIPC1002_listing_the_bundled_ones()
    {
        var (exitCode, output) = await BuildAsync("""<UiPathClient Include="Orchestrator" Version="2018.4" />""");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error UIPC1002: UiPathClient 'Orchestrator' has no bundled Version '2018.4'.", output, StringComparison.Ordinal);
        Assert.Contains("Version=\"2020.10\" and Version=\"2019.10\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("UIPC1001", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<UiPathClient Include="Orchestrator" Version="2020.10" /><UiPathClient Include="Orchestrator" Version="2020.10" EntitySets="Jobs" ClientName="JobsOnly" />""", "orchestrator-2020.10.edmx is listed 2 times")]
    [InlineData("""<UiPathClient Include="Orchestrator" Version="2019.10" /><AdditionalFiles Include="$(UiPathClientsBundledSpecsDirectory)orchestrator-2019.10/orchestrator-2019.10.edmx" ClientName="Mine" />""", "orchestrator-2019.10.edmx is listed 2 times")]
    [InlineData("""<AdditionalFiles Include="tenant.edmx" ClientName="Whole" /><AdditionalFiles Include="tenant.edmx" ClientName="Trimmed" EntitySets="Jobs" />""", "tenant.edmx is listed 2 times")]
    public async Task One_spec_listed_twice_with_different_settings_is_UIPC1003_not_a_client_silently_lost(string items, string expected)
    {
        var (exitCode, output) = await BuildAsync(items + """<UiPathClient Include="Orchestrator" /><AdditionalFiles Include="other.txt" /><AdditionalFiles Include="other.txt" />""");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error UIPC1003: The spec " + expected, output, StringComparison.Ordinal);
        // Only that file: neither the other bundled spec nor a file listed twice alike (no generator settings) is refused.
        Assert.Single(output.Split('\n'), line => line.Contains("error UIPC1003", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Output)> BuildAsync(string items)
    {
        var root = SharedCorpus.RepositoryRoot;
        var project = Path.Combine(_directory, "probe.proj");
        await File.WriteAllTextAsync(project, $"""
            <Project>
              <PropertyGroup>
                <UiPathClientsBundledSpecsDirectory>{Path.Combine(root, "specs")}{Path.DirectorySeparatorChar}</UiPathClientsBundledSpecsDirectory>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
              <Import Project="{Path.Combine(root, "src", "UiPathClients", "build", "UiPathClients.targets")}" />
              <Target Name="ShowSpecs" DependsOnTargets="UiPathClientsAddBundledSpecs;UiPathClientsRefuseDuplicateSpecs">
                <Message Importance="high" Text="SPEC|%(AdditionalFiles.Identity)|%(AdditionalFiles.ClientName)|%(AdditionalFiles.ServicePath)|%(AdditionalFiles.EnumLiterals)" />
              </Target>
            </Project>
            """);

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[] { "msbuild", project, "-t:ShowSpecs", "-nologo", "-v:m", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child at the test run's own MSBuild.
        foreach (var variable in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await standardOutput + await standardError);
    }
}
