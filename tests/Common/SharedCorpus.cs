using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace UiPathClients.Tests.Common;

/// <summary>
/// The public facts beside the repository in <c>../shared</c> (real specs, UiPath documentation pages). Developer machines
/// and CI have it; a bare clone does not. Tests that read it are marked <see cref="SharedCorpusFactAttribute"/> or
/// <see cref="SharedCorpusTheoryAttribute"/>: skipped, with the reason, on a bare clone; run (and failing loudly when the
/// corpus is missing) under <c>CI=true</c>, so a green CI always means the whole corpus was checked.
/// </summary>
/// <remarks>Linked into every test project that needs it (one source, as DESIGN.md asks).</remarks>
internal static class SharedCorpus
{
    /// <summary>The repository root: the folder holding <c>Generator.sln</c> above the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where the real specs are expected: <c>../shared/specs-real</c> beside the repository.</summary>
    public static string ExpectedSpecsDirectory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "specs-real"));

    /// <summary>Whether the corpus is present.</summary>
    public static bool IsAvailable => System.IO.Directory.Exists(ExpectedSpecsDirectory);

    /// <summary>Whether this run is CI (<c>CI=true</c>, as <c>.ci/run</c> exports): nothing may be skipped for a missing input.</summary>
    public static bool IsContinuousIntegration => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason a corpus test is skipped, or <see langword="null"/> when it runs.</summary>
    public static string? SkipReason =>
        IsAvailable || IsContinuousIntegration
            ? null
            : $"Needs the shared real-spec corpus at '{ExpectedSpecsDirectory}' (../shared/specs-real beside the repository), which this clone does not have. Under CI=true this test runs and fails instead.";

    /// <summary>The real-spec folder; throws with the expected location when it is missing (which under CI fails the test).</summary>
    public static string SpecsDirectory =>
        IsAvailable
            ? ExpectedSpecsDirectory
            : throw new DirectoryNotFoundException($"The shared real-spec corpus was not found at '{ExpectedSpecsDirectory}'. It must sit beside the repository as ../shared/specs-real (CI lays it there).");

    /// <summary>A file of the corpus, e.g. <c>Path("uipath", "orchestrator-cloud-v20.0.uipathcli.openapi3.yaml")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine(new[] { SpecsDirectory }.Concat(parts).ToArray());

    /// <summary>
    /// Files a directory-driven theory runs over, checked against the count it was written for, so a missing or
    /// renamed file fails the theory instead of quietly shrinking it.
    /// </summary>
    /// <param name="files">The files found.</param>
    /// <param name="expectedCount">How many there must be.</param>
    /// <param name="what">What they are, for the message.</param>
    public static IReadOnlyList<string> Expect(IEnumerable<string> files, int expectedCount, string what)
    {
        var found = files.OrderBy(path => path, StringComparer.Ordinal).ToList();
        if (found.Count != expectedCount)
        {
            throw new InvalidOperationException(
                $"Expected {expectedCount} {what}, found {found.Count}: {string.Join(", ", found.Select(Path.GetFileName))}. "
                + "Update the expected count in the same change that adds or removes one.");
        }

        return found;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that reads the shared corpus: skipped with the reason on a bare clone, always run under <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (SharedCorpus.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory whose data comes from the shared corpus: skipped with the reason on a bare clone, always run under <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (SharedCorpus.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
