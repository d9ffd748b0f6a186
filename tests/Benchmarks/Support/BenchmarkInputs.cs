using System;
using System.IO;

namespace Benchmarks.Support;

/// <summary>Where the measured documents are: the bundled specs in this repository and the real ones in <c>../shared</c>.</summary>
public static class BenchmarkInputs
{
    /// <summary>The repository root: the folder holding <c>Generator.sln</c> above the running program.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The real-spec corpus beside the repository (<c>../shared/specs-real</c>).</summary>
    public static string SharedSpecs { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "specs-real"));

    /// <summary>A bundled spec, e.g. <c>Bundled("orchestrator", "orchestrator.edmx")</c>.</summary>
    public static string Bundled(params string[] parts) => Existing(Path.Combine(RepositoryRoot, "specs", Path.Combine(parts)));

    /// <summary>A file of the shared corpus; throws with the expected place when the corpus is not beside the repository.</summary>
    public static string Shared(params string[] parts) => Existing(Path.Combine(SharedSpecs, Path.Combine(parts)));

    private static string Existing(string path) =>
        File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Benchmark input not found: '{path}'. The real specs must sit beside the repository as ../shared/specs-real.", path);

    private static string FindRepositoryRoot()
    {
        // BenchmarkDotNet runs each benchmark from a child build under bin/…, so walk up from there and from the working directory.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No Generator.sln above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'.");
    }
}
