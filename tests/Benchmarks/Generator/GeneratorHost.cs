using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator;
using UiPathClients.Generator.Tests.TestSupport;

namespace Benchmarks.Generator;

/// <summary>
/// Hosts <see cref="ClientGenerator"/> the way the compiler does (a <see cref="CSharpGeneratorDriver"/> over a consumer
/// compilation, with the spec as an additional file and its item metadata as analyzer config options), and checks
/// that a run did what the benchmark claims to measure.
/// </summary>
public static class GeneratorHost
{
    /// <summary>The consumer's MSBuild properties the generator sees (<c>CompilerVisibleProperty</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> GlobalOptions = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" };

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A small consumer compilation on this process's framework: the generator only asks it which types exist.</summary>
    public static CSharpCompilation CreateCompilation(string programText = "namespace Consumer { internal static class Program { private static void Main() { } } }") =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(programText, ParseOptions, path: "Program.cs") },
            FrameworkReferences.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

    public static AdditionalText CreateText(SpecUnderTest spec, string text) => new InMemoryAdditionalText(spec.Path, text);

    public static Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider CreateOptions(SpecUnderTest spec, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        new TestAnalyzerConfigOptionsProvider(globalOptions ?? GlobalOptions, new Dictionary<string, IReadOnlyDictionary<string, string>> { [spec.Path] = spec.Metadata });

    /// <summary>A driver with no cached state; <paramref name="trackSteps"/> is off in measured runs, as in the compiler.</summary>
    public static GeneratorDriver CreateDriver(SpecUnderTest spec, AdditionalText text, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new ClientGenerator().AsSourceGenerator() },
            new[] { text },
            ParseOptions,
            CreateOptions(spec),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs as the compiler does (generated trees parsed and added to the compilation).</summary>
    public static GeneratorDriver Run(GeneratorDriver driver, Compilation compilation) =>
        driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out _);

    /// <summary>A whole run as one build without cached state: the spec read from disk, a fresh driver, generated trees parsed.</summary>
    public static GeneratorDriver RunFromDisk(SpecUnderTest spec, Compilation compilation) =>
        Run(CreateDriver(spec, CreateText(spec, spec.ReadText())), compilation);

    /// <summary>Throws unless the run generated files and reported no error: a benchmark of a failed run measures nothing.</summary>
    public static GeneratorRunResult AssertGenerated(GeneratorDriver driver, string what)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"{what}: the generator threw.", result.Exception);
        }

        var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || result.GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException($"{what}: {result.GeneratedSources.Length} files, errors: {string.Join("; ", errors.Take(5))}");
        }

        return result;
    }

    private static readonly Lazy<MetadataReference[]> FrameworkReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(path => System.IO.Path.GetFileName(path) is "System.Private.CoreLib.dll" or "System.Runtime.dll" or "netstandard.dll" or "System.Collections.dll" or "System.Net.Http.dll" or "System.Text.Json.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());
}
