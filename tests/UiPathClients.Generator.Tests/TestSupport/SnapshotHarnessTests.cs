using System;
using System.IO;
using Xunit.Sdk;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>
/// <see cref="Snapshot"/> file handling, in a temporary folder posing as a test source directory
/// (the caller file path is passed explicitly), so nothing is written into the repository.
/// </summary>
public sealed class SnapshotHarnessTests : IDisposable
{
    private readonly SnapshotSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Missing_verified_file_fails_and_writes_the_received_file_for_review()
    {
        if (Snapshot.UpdateMode)
        {
            return; // update mode accepts by design
        }

        var failure = Assert.ThrowsAny<XunitException>(() => Snapshot.Verify("Probe#Shop.Entities.Product.g", "class Product { }\r\n", callerFile: _sandbox.CallerFile));

        Assert.Contains("No verified snapshot Probe#Shop.Entities.Product.g.verified.cs", failure.Message, StringComparison.Ordinal);
        Assert.Equal("class Product { }\n", File.ReadAllText(_sandbox.PathOf("Probe#Shop.Entities.Product.g.received.cs")));
    }

    [Fact]
    public void Matching_output_passes_whatever_the_line_endings_and_removes_a_stale_received_file()
    {
        _sandbox.Write("Probe.verified.cs", "a\r\nb\r\n");
        _sandbox.Write("Probe.received.cs", "left over from an earlier failure");

        Snapshot.Verify("Probe", "a\nb\n", callerFile: _sandbox.CallerFile);

        Assert.False(File.Exists(_sandbox.PathOf("Probe.received.cs")));
    }

    [Fact]
    public void Diagnostics_snapshot_as_text_uses_the_txt_extension()
    {
        if (Snapshot.UpdateMode)
        {
            return; // update mode accepts by design
        }

        _sandbox.Write("Probe#diagnostics.verified.txt", "Sample.edmx(3,1): error UIPC0001: old message\n");

        var failure = Assert.ThrowsAny<XunitException>(() =>
            Snapshot.Verify("Probe#diagnostics", "Sample.edmx(3,1): error UIPC0001: new message\n", "txt", _sandbox.CallerFile));

        Assert.Contains("+ Sample.edmx(3,1): error UIPC0001: new message", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_sandbox.PathOf("Probe#diagnostics.received.txt")));
    }

    [Fact]
    public void Hint_names_become_file_name_safe_snapshot_names()
    {
        Assert.Equal("Prefix#Orchestrator.Entities.JobDto.g", Snapshot.NameFor("Prefix", "Orchestrator/Entities/JobDto.g.cs"));
    }

    [Fact]
    public void Diff_shows_lines_missing_on_either_side_as_end_of_file()
    {
        var diff = Snapshot.Diff("a\nb\nc", "a\nB");

        Assert.Contains("line 2:\n    - b\n    + B", diff, StringComparison.Ordinal);
        Assert.Contains("line 3:\n    - c\n    + <end of file>", diff, StringComparison.Ordinal);
    }
}

/// <summary>
/// Tests that set <c>UPDATE_SNAPSHOTS</c>. The variable is process-wide, so they run alone, after all
/// parallel collections: otherwise a concurrent snapshot test would silently accept its output.
/// </summary>
[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class SnapshotUpdateModeTests : IDisposable
{
    private readonly SnapshotSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Update_mode_overwrites_the_verified_file_with_scrubbed_output_and_deletes_received()
    {
        _sandbox.Write("Probe.verified.cs", "old\n");
        _sandbox.Write("Probe.received.cs", "old received\n");
        var previous = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS");
        Environment.SetEnvironmentVariable("UPDATE_SNAPSHOTS", "1");
        try
        {
            Snapshot.Verify("Probe", "[GeneratedCode(\"UiPathClients.Generator\", \"0.1.0+abc\")]\r\nnew\r\n", callerFile: _sandbox.CallerFile);
        }
        finally
        {
            Environment.SetEnvironmentVariable("UPDATE_SNAPSHOTS", previous);
        }

        Assert.Equal("[GeneratedCode(\"UiPathClients.Generator\", \"{version}\")]\nnew\n", File.ReadAllText(_sandbox.PathOf("Probe.verified.cs")));
        Assert.False(File.Exists(_sandbox.PathOf("Probe.received.cs")));
    }
}

/// <summary>A temporary stand-in for a test source directory and its <c>Snapshots</c> folder.</summary>
internal sealed class SnapshotSandbox : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uipathclients-snapshots-").FullName;

    /// <summary>What <c>[CallerFilePath]</c> would be for a test file in this directory.</summary>
    public string CallerFile => Path.Combine(_root, "ProbeTests.cs");

    public string PathOf(string fileName) => Path.Combine(_root, "Snapshots", fileName);

    public void Write(string fileName, string text)
    {
        Directory.CreateDirectory(Path.Combine(_root, "Snapshots"));
        File.WriteAllText(PathOf(fileName), text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
