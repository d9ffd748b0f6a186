using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>
/// Snapshot assertions with Verify's conventions (Verify itself is not available here):
/// <c>Snapshots/{Class}.{Test}#{HintName}.verified.cs</c> beside the test source is the accepted output;
/// on a mismatch <c>*.received.cs</c> is written beside it and the test fails with a diff.
/// <c>UPDATE_SNAPSHOTS=1</c> accepts received output. The generator version is scrubbed.
/// </summary>
internal static partial class Snapshot
{
    public static bool UpdateMode => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true";

    public static void Verify(string name, string actual, string extension = "cs", [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(SourcePath(callerFile))!, "Snapshots");
        var verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        var scrubbed = Scrub(actual);

        if (File.Exists(verifiedPath) && Normalize(File.ReadAllText(verifiedPath)) == scrubbed)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (UpdateMode)
        {
            File.WriteAllText(verifiedPath, scrubbed);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, scrubbed);
        var message = File.Exists(verifiedPath)
            ? $"Snapshot mismatch for {Path.GetFileName(verifiedPath)}:\n{Diff(Normalize(File.ReadAllText(verifiedPath)), scrubbed)}"
            : $"No verified snapshot {Path.GetFileName(verifiedPath)} yet.";
        Assert.Fail(message + $"\nReceived output written to {receivedPath}. Review it, then accept with UPDATE_SNAPSHOTS=1.");
    }

    /// <summary>
    /// Where a <c>[CallerFilePath]</c> really is. CI builds are deterministic (ContinuousIntegrationBuild),
    /// which maps the repository root to <c>/_/</c> in compiled paths; map it back.
    /// </summary>
    public static string SourcePath(string callerFilePath) =>
        callerFilePath.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(TestPaths.RepositoryRoot, callerFilePath.Substring(3))
            : callerFilePath;

    /// <summary>Hint names like <c>Orchestrator/Entities/JobDto.g.cs</c> as file-name-safe snapshot names.</summary>
    public static string NameFor(string prefix, string hintName) =>
        prefix + "#" + hintName.Replace('/', '.').Replace('\\', '.').Replace(".g.cs", ".g", StringComparison.Ordinal);

    public static string Scrub(string text) => GeneratorVersion().Replace(Normalize(text), "\"UiPathClients.Generator\", \"{version}\"");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The first differing lines with numbers, enough to see what changed without a diff tool.</summary>
    internal static string Diff(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var builder = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length) && shown < 20; i++)
        {
            var left = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var right = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (left != right)
            {
                builder.Append($"  line {i + 1}:\n    - {left}\n    + {right}\n");
                shown++;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("\"UiPathClients\\.Generator\", \"[^\"]*\"")]
    private static partial Regex GeneratorVersion();
}
