using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>The snapshot harness itself: it must fail on a difference and say where.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Snapshots");
    private readonly string _name = "SnapshotTests.Probe_" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        foreach (var file in Directory.Exists(_directory) ? Directory.GetFiles(_directory, _name + ".*") : Array.Empty<string>())
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Mismatch_fails_with_the_differing_line_and_writes_received()
    {
        if (Snapshot.UpdateMode)
        {
            return; // update mode accepts by design
        }

        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, _name + ".verified.cs"), "line one\nline two\n");

        var failure = Assert.ThrowsAny<Exception>(() => Snapshot.Verify(_name, "line one\nline 2\n"));

        Assert.Contains("line 2:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- line two", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ line 2", failure.Message, StringComparison.Ordinal);
        Assert.Equal("line one\nline 2\n", File.ReadAllText(Path.Combine(_directory, _name + ".received.cs")));
    }

    [Fact]
    public void Missing_verified_file_fails()
    {
        if (Snapshot.UpdateMode)
        {
            return; // update mode accepts by design
        }

        var failure = Assert.ThrowsAny<Exception>(() => Snapshot.Verify(_name, "anything"));

        Assert.Contains("No verified snapshot", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_version_and_line_endings_are_scrubbed()
    {
        var scrubbed = Snapshot.Scrub("[GeneratedCode(\"UiPathClients.Generator\", \"1.2.3-preview.4\")]\r\nx");

        Assert.Equal("[GeneratedCode(\"UiPathClients.Generator\", \"{version}\")]\nx", scrubbed);
    }

    [Fact]
    public void Hint_names_become_file_name_safe()
    {
        Assert.Equal("Prefix#Orchestrator.Entities.JobDto.g", Snapshot.NameFor("Prefix", "Orchestrator/Entities/JobDto.g.cs"));
    }

    private static string ThisFile([CallerFilePath] string path = "") => Snapshot.SourcePath(path);
}
