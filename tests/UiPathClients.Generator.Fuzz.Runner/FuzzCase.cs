using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.Generator.Fuzz;

internal enum SpecFormat
{
    Edmx,
    OpenApiJson,
    OpenApiYaml,
}

/// <summary>One fuzz case: a document, the format its file name tells the generator, and how it was made.</summary>
internal sealed record FuzzCase(int Index, SpecFormat Format, string Origin, string Mutation, string Text)
{
    public string FileName => $"case-{Index:D5}" + Format switch
    {
        SpecFormat.Edmx => ".edmx",
        SpecFormat.OpenApiJson => ".json",
        _ => ".yaml",
    };
}

/// <summary>
/// Builds case <c>n</c> of a stream from the run seed alone, so that any case can be rebuilt in another process (the
/// parent asks for a crashed case's document this way) and a failure reproduces from seed and index.
/// </summary>
/// <remarks>
/// Streams: <c>local</c> (the bundled specs, the generator tests' specs and the grammar; always runs) and
/// <c>corpus</c> (../shared/specs-real). Documents bigger than <see cref="SliceAbove"/> characters are cut to a few
/// paths or types plus what they reference before mutation, so every case costs about what a small spec costs.
/// </remarks>
internal sealed class CaseCatalog
{
    /// <summary>Seeds bigger than this are sliced before mutation.</summary>
    public const int SliceAbove = 24_000;

    private readonly int _seed;
    private readonly bool _corpus;
    private readonly List<string> _seedFiles;
    private readonly Dictionary<string, object> _parsed = new(StringComparer.Ordinal);

    public CaseCatalog(int seed, string stream, string repositoryRoot, string? corpusDirectory)
    {
        _seed = seed;
        _corpus = stream == "corpus";
        _seedFiles = _corpus ? CorpusSeeds(corpusDirectory ?? throw new ArgumentException("the corpus stream needs --corpus")) : LocalSeeds(repositoryRoot);
    }

    public IReadOnlyList<string> SeedFiles => _seedFiles;

    public static List<string> LocalSeeds(string root)
    {
        var specs = Path.Combine(root, "specs");
        var tests = Path.Combine(root, "tests", "UiPathClients.Generator.Tests", "Specs");
        return Directory.EnumerateFiles(specs, "*.edmx", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(specs, "*.yaml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(tests, "*.edmx", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(tests, "*.yaml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(tests, "*.json", SearchOption.AllDirectories))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    public static List<string> CorpusSeeds(string corpus) =>
        new[] { "corpus", "uipath" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(corpus, folder)))
            .Where(path => (path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".xml", StringComparison.Ordinal))
                && !path.Contains(".DERIVED.", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    /// <summary>A random source for one case, independent of every other case (SplitMix64 of seed and index).</summary>
    public static Random RandomFor(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)(uint)index + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)z));
    }

    public FuzzCase Build(int index)
    {
        var random = RandomFor(_seed + (_corpus ? 1_000_003 : 0), index);
        if (!_corpus && random.Next(100) < 45)
        {
            var (format, label, document) = Grammar.Generate(random);
            return new FuzzCase(index, format, "grammar", label, document);
        }

        var file = random.Pick(_seedFiles);
        var origin = RelativeName(file);
        var isEdmx = file.EndsWith(".edmx", StringComparison.Ordinal) || file.EndsWith(".xml", StringComparison.Ordinal);
        var raw = File.ReadAllText(file);
        var mutations = new List<string>();

        // A truncated document tests the parsers' error paths; it is not combined with other mutations.
        var truncate = random.Next(100) < 8;
        var count = random.Next(100) switch { < 70 => 1, < 90 => 2, _ => 3 };
        if (isEdmx)
        {
            var document = new System.Xml.Linq.XDocument((System.Xml.Linq.XDocument)Parsed(file, () => EdmxMutator.Parse(raw)));
            if (raw.Length > SliceAbove)
            {
                mutations.Add(EdmxMutator.Slice(document, random));
            }

            for (var i = 0; i < count && !truncate; i++)
            {
                mutations.Add(EdmxMutator.Mutate(document, random));
            }

            return Finish(index, SpecFormat.Edmx, origin, mutations, EdmxMutator.Write(document), truncate, random);
        }

        var yaml = file.EndsWith(".yaml", StringComparison.Ordinal);
        var tree = (JsonObject)((JsonNode)Parsed(file, () => OpenApiText.Parse(raw, yaml))).DeepClone();
        if (raw.Length > SliceAbove)
        {
            tree = OpenApiText.Slice(tree, random, out var sliceLabel);
            mutations.Add(sliceLabel);
        }

        for (var i = 0; i < count && !truncate; i++)
        {
            mutations.Add(OpenApiMutator.Mutate(tree, random));
        }

        var asYaml = random.Next(100) < 20 ? !yaml : yaml;
        var escape = random.Next(2) == 0;
        var text = asYaml ? OpenApiText.ToYaml(tree, escape) : OpenApiText.ToJson(tree, escape);
        mutations.Add($"written as {(asYaml ? "YAML" : "JSON")}{(escape ? " (non-ASCII escaped)" : string.Empty)}");
        return Finish(index, asYaml ? SpecFormat.OpenApiYaml : SpecFormat.OpenApiJson, origin, mutations, text, truncate, random);
    }

    private static FuzzCase Finish(int index, SpecFormat format, string origin, List<string> mutations, string text, bool truncate, Random random)
    {
        if (truncate)
        {
            var at = random.Next(text.Length);
            text = text.Substring(0, at);
            mutations.Add($"truncated at {at}");
        }

        return new FuzzCase(index, format, origin, string.Join("; ", mutations), text);
    }

    private object Parsed(string file, Func<object> parse)
    {
        if (!_parsed.TryGetValue(file, out var tree))
        {
            _parsed[file] = tree = parse();
        }

        return tree;
    }

    private static string RelativeName(string file)
    {
        var parts = file.Replace('\\', '/').Split('/');
        return string.Join('/', parts.Skip(Math.Max(0, parts.Length - 2)));
    }
}
