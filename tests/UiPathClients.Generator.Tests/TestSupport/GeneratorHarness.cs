using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    IReadOnlyList<AdditionalText> AdditionalTexts)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Generator.Diagnostics;

    public IReadOnlyDictionary<string, string> Sources =>
        Generator.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);
}

/// <summary>
/// Runs <see cref="ClientGenerator"/> the way the compiler does, with step tracking on, and checks
/// what every generator test must hold: step outputs are cached on an unchanged re-run, no step
/// output holds compiler or XML objects, and the generated code compiles without warnings.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>The steps that must not re-run when their inputs did not change (all named steps).</summary>
    public static readonly string[] TrackedSteps =
    {
        TrackingNames.CandidateFiles, TrackingNames.SpecFiles, TrackingNames.ReadResults,
        TrackingNames.Diagnostics, TrackingNames.Models, TrackingNames.Selections, TrackingNames.Plans, TrackingNames.EmitEnvironment, TrackingNames.GeneratedFiles,
    };

    /// <summary>Types the walk refuses in step outputs: they root compilations or defeat caching.</summary>
    private static readonly Type[] BannedTypes =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
        typeof(System.Xml.Linq.XObject), typeof(System.Text.Json.Nodes.JsonNode),
    };

    /// <summary>A consumer compilation on the test host's framework (<see cref="ConsumerTarget.Host"/>).</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ConsumerTarget.Host, sources);

    /// <summary>A consumer compilation with the given target's references and C# version.</summary>
    public static CSharpCompilation CreateCompilation(ConsumerTarget target, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, target.ParseOptions, path: $"Source{index}.cs")),
            target.References,
            target.CompilationOptions);

    /// <summary>The parse options of <see cref="ConsumerTarget.Host"/>.</summary>
    public static CSharpParseOptions ParseOptions => ConsumerTarget.Host.ParseOptions;

    /// <summary>Runs the generator once over a fresh driver, in a consumer of <paramref name="target"/> (by default the test host's framework).</summary>
    public static GeneratorRun Run(IEnumerable<Spec> specs, Compilation? compilation = null, string? rootNamespace = "Consumer", ConsumerTarget? target = null)
    {
        target ??= ConsumerTarget.Host;
        var specList = specs.ToList();
        var globalOptions = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            globalOptions["build_property.RootNamespace"] = rootNamespace;
        }

        var options = new TestAnalyzerConfigOptionsProvider(globalOptions, specList.ToDictionary(spec => spec.Path, spec => spec.Metadata, StringComparer.Ordinal));
        var texts = specList.Select(spec => (AdditionalText)new InMemoryAdditionalText(spec.Path, spec.Text)).ToList();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ClientGenerator().AsSourceGenerator() },
            texts,
            target.ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Execute(driver, compilation ?? CreateCompilation(target, "namespace Consumer { internal static class Marker { } }"), texts);
    }

    /// <summary>Runs the previous run's driver (keeping its cached state) over another compilation.</summary>
    public static GeneratorRun RunAgain(GeneratorRun previous, Compilation compilation) =>
        Execute(previous.Driver, compilation, previous.AdditionalTexts);

    /// <summary>Runs the previous run's driver after replacing one spec's text, as an editor save would.</summary>
    public static GeneratorRun RunWithEditedSpec(GeneratorRun previous, string path, string newText)
    {
        var texts = previous.AdditionalTexts.ToList();
        var index = texts.FindIndex(text => text.Path == path);
        var replacement = new InMemoryAdditionalText(path, newText);
        var driver = previous.Driver.ReplaceAdditionalText(texts[index], replacement);
        texts[index] = replacement;
        return Execute(driver, previous.InputCompilation, texts);
    }

    /// <summary>Runs the previous run's driver with the specs' item metadata changed (same files, same texts), as an edit of the project file would.</summary>
    public static GeneratorRun RunWithMetadata(GeneratorRun previous, IEnumerable<Spec> specs, string? rootNamespace = "Consumer")
    {
        var globalOptions = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            globalOptions["build_property.RootNamespace"] = rootNamespace;
        }

        var options = new TestAnalyzerConfigOptionsProvider(globalOptions, specs.ToDictionary(spec => spec.Path, spec => spec.Metadata, StringComparer.Ordinal));
        return Execute(previous.Driver.WithUpdatedAnalyzerConfigOptions(options), previous.InputCompilation, previous.AdditionalTexts);
    }

    private static GeneratorRun Execute(GeneratorDriver driver, Compilation compilation, IReadOnlyList<AdditionalText> texts)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var run = new GeneratorRun(driver, driver.GetRunResult(), compilation, output, texts);
        Assert.Null(run.Generator.Exception);
        return run;
    }

    /// <summary>
    /// Runs twice over equal inputs and returns the first run, after asserting that the second one
    /// took every tracked step from the cache and that no step output holds a banned object.
    /// </summary>
    public static GeneratorRun RunTwiceAndAssertCached(IEnumerable<Spec> specs)
    {
        var first = Run(specs);
        var second = RunAgain(first, first.InputCompilation.Clone());

        AssertStepsCached(second);
        AssertNoBannedObjects(first);
        return first;
    }

    public static void AssertStepsCached(GeneratorRun run)
    {
        var problems = new List<string>();
        foreach (var (name, steps) in run.Generator.TrackedSteps.Where(pair => TrackedSteps.Contains(pair.Key)))
        {
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                if (output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    problems.Add($"{name}: {output.Reason} ({Describe(output.Value)})");
                }
            }
        }

        foreach (var output in run.Generator.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs))
        {
            if (output.Reason != IncrementalStepRunReason.Cached)
            {
                problems.Add($"source output: {output.Reason}");
            }
        }

        Assert.True(problems.Count == 0, "Steps re-ran on unchanged input:\n  " + string.Join("\n  ", problems.Distinct()));
        Assert.Contains(TrackingNames.ReadResults, run.Generator.TrackedSteps.Keys);
    }

    /// <summary>Reasons of one step's outputs in the given run, for scenario tests.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRun run, string stepName) =>
        run.Generator.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToList()
            : Array.Empty<IncrementalStepRunReason>();

    public static void AssertNoBannedObjects(GeneratorRun run)
    {
        foreach (var (name, steps) in run.Generator.TrackedSteps.Where(pair => TrackedSteps.Contains(pair.Key)))
        {
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    /// <summary>Fails on any warning or error in the generated code, listing file, line and the line's text.</summary>
    public static void AssertCompilesCleanly(GeneratorRun run)
    {
        var diagnostics = run.OutputCompilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity > DiagnosticSeverity.Info)
            .ToList();
        if (diagnostics.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"{diagnostics.Count} diagnostics in generated code:\n");
        foreach (var diagnostic in diagnostics.Take(30))
        {
            var span = diagnostic.Location.GetLineSpan();
            var line = diagnostic.Location.SourceTree?.GetText().Lines[span.StartLinePosition.Line].ToString().Trim();
            report.Append("  ").Append(diagnostic).Append("\n      ").Append(line).Append('\n');
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>Asserts the generated code compiles cleanly, then loads it, so a test can call the generated client.</summary>
    public static System.Reflection.Assembly LoadCompiled(GeneratorRun run)
    {
        AssertCompilesCleanly(run);
        using var image = new System.IO.MemoryStream();
        var result = run.OutputCompilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return System.Reflection.Assembly.Load(image.ToArray());
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        var banned = BannedTypes.FirstOrDefault(bannedType => bannedType.IsAssignableFrom(type));
        Assert.True(banned is null, $"Step output holds a {banned?.Name} at {path} ({type.FullName}); step outputs must be plain values.");

        // Options providers, additional texts and diagnostics descriptors are compiler inputs the driver
        // already holds and compares by reference; they are allowed and need no walk.
        if (value is Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider or AdditionalText)
        {
            return;
        }

        if (value is IEnumerable enumerable)
        {
            var index = 0;
            foreach (var item in enumerable)
            {
                Walk(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        UiPathClients.Generator.Readers.ReadResult result => "ReadResult " + result.FilePath,
        UiPathClients.Generator.Emit.EmittedClient client => "EmittedClient " + client.FilePath,
        _ => value.GetType().Name,
    };
}
