using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Fuzz;

/// <summary>What one case did: an outcome key (the summary groups by it), whether it is a failure, and figures.</summary>
internal sealed record CaseOutcome(string Outcome, bool IsFailure, long ElapsedMilliseconds, long AllocatedBytes, string Detail)
{
    /// <summary>Processor time the case took (generation and compile check): unlike wall time, it does not grow when the machine is busy.</summary>
    public long CpuMilliseconds { get; init; }
}

/// <summary>
/// Runs the generator on one case the way the compiler does (a <see cref="CSharpGeneratorDriver"/> with the spec as an
/// additional file) and judges the result: a located error diagnostic that is not UIPC0099, or output that compiles.
/// </summary>
internal sealed class CaseExecutor
{
    /// <summary>
    /// Generated code above this size is not compile-checked (its generation is still judged): slicing keeps almost every
    /// case below it, and binding a multi-megabyte client would cost seconds per case.
    /// </summary>
    public const int CompileCheckLimit = 400_000;

    /// <summary>The compiler runs generators on thread-pool threads; 1 MB is the smallest stack a host gives them (Windows).</summary>
    private const int GeneratorThreadStack = 1024 * 1024;

    private static readonly ISourceGenerator Generator = new ClientGenerator().AsSourceGenerator();

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly TestAnalyzerConfigOptionsProvider Options = new(
        new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" },
        new Dictionary<string, IReadOnlyDictionary<string, string>>());

    /// <summary>One consumer compilation, built once: the references are read once and shared by every case.</summary>
    private static readonly CSharpCompilation Consumer = CSharpCompilation.Create(
        "Consumer",
        new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Marker { } }", ParseOptions) },
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(UiPathClients.Runtime.Metadata.ODataTypeAttribute).Assembly.Location))
            .ToImmutableArray(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    /// <summary>
    /// Processor time above which a case fails as too slow (wall time is judged by the parent, which kills a child
    /// that stops answering). Generous: the slowest real spec (Graph beta, 1.9 MB) takes about 3 s.
    /// </summary>
    public static readonly TimeSpan CpuBudget = TimeSpan.FromSeconds(10);

    public static CaseOutcome Run(FuzzCase fuzzCase)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var outcome = RunCore(fuzzCase);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (cpu > CpuBudget && !outcome.IsFailure)
        {
            outcome = outcome with { Outcome = $"over the time budget ({CpuBudget.TotalSeconds:0} s processor time)", IsFailure = true, Detail = $"{cpu.TotalMilliseconds:0} ms processor time; outcome was {outcome.Outcome}" };
        }

        return outcome with { CpuMilliseconds = (long)cpu.TotalMilliseconds };
    }

    private static CaseOutcome RunCore(FuzzCase fuzzCase)
    {
        var path = Path.Combine(Path.GetTempPath(), "uipathclients-fuzz", fuzzCase.FileName);
        var stopwatch = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        GeneratorDriverRunResult? result = null;
        Exception? hostException = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    GeneratorDriver driver = CSharpGeneratorDriver.Create(
                        new[] { Generator },
                        new AdditionalText[] { new InMemoryAdditionalText(path, fuzzCase.Text) },
                        ParseOptions,
                        Options,
                        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
                    result = driver.RunGenerators(Consumer).GetRunResult();
                }
                catch (Exception exception)
                {
                    hostException = exception;
                }
            },
            GeneratorThreadStack);
        thread.Start();
        thread.Join();
        var generated = stopwatch.ElapsedMilliseconds;
        long Allocated() => GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;

        if (hostException is not null || result is null)
        {
            return new CaseOutcome($"exception from the driver: {hostException?.GetType().Name}", true, generated, Allocated(), hostException?.Message ?? "no result");
        }

        var run = result.Results.Single();
        if (run.Exception is not null)
        {
            // The driver caught it (the compiler reports CS8785 and drops the generator's output): an escaped exception.
            return new CaseOutcome($"exception escaped the generator: {run.Exception.GetType().Name}", true, generated, Allocated(), First(run.Exception.ToString()));
        }

        var internalErrors = run.Diagnostics.Where(diagnostic => diagnostic.Id == "UIPC0099").ToList();
        if (internalErrors.Count > 0)
        {
            var message = internalErrors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            return new CaseOutcome($"UIPC0099 {ExceptionTypeIn(message)}", true, generated, Allocated(), message);
        }

        var errors = run.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var unlocated = errors.FirstOrDefault(error => !IsLocatedIn(error, path, fuzzCase.Text.Length));
            return unlocated is null
                ? new CaseOutcome($"diagnostic {errors[0].Id}", false, generated, Allocated(), errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                : new CaseOutcome($"error without a location in the spec: {unlocated.Id}", true, generated, Allocated(), unlocated.ToString());
        }

        if (run.GeneratedSources.IsEmpty)
        {
            return new CaseOutcome("no output (not a spec, or nothing to generate)", false, generated, Allocated(), string.Join(", ", run.Diagnostics.Select(d => d.Id).Distinct()));
        }

        var size = run.GeneratedSources.Sum(source => source.SourceText.Length);
        if (size > CompileCheckLimit)
        {
            return new CaseOutcome("generated, not compile-checked (too big)", false, generated, Allocated(), $"{size} characters");
        }

        var compilation = Consumer.AddSyntaxTrees(run.GeneratedSources.Select(source => source.SyntaxTree));
        var compileErrors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        var elapsed = stopwatch.ElapsedMilliseconds;
        if (compileErrors.Count > 0)
        {
            var first = compileErrors[0];
            var line = first.Location.SourceTree?.GetText().Lines[first.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() ?? string.Empty;
            var ids = string.Join(",", compileErrors.Select(error => error.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).Take(3));
            return new CaseOutcome($"generated code does not compile: {ids}", true, elapsed, Allocated(), $"{first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} | {OpenApiMutator.Shorten(line)}");
        }

        var injected = compilation.GetSymbolsWithName(name => name == Hostile.InjectedMemberName, SymbolFilter.All).FirstOrDefault();
        if (injected is not null)
        {
            return new CaseOutcome("code injection: spec text compiled as a member", true, elapsed, Allocated(), injected.ToDisplayString());
        }

        return new CaseOutcome("compiled", false, elapsed, Allocated(), string.Join(", ", run.Diagnostics.Select(d => d.Id).Distinct()));
    }

    /// <summary>Located: in the spec file itself, within its text (a real position the IDE can jump to).</summary>
    private static bool IsLocatedIn(Diagnostic diagnostic, string path, int length) =>
        diagnostic.Location.Kind == LocationKind.ExternalFile
        && string.Equals(diagnostic.Location.GetLineSpan().Path, path, StringComparison.Ordinal)
        && diagnostic.Location.SourceSpan.End <= length;

    /// <summary>UIPC0099's message says "…: ExceptionType: message"; the type is the failure class.</summary>
    private static string ExceptionTypeIn(string message)
    {
        var start = message.IndexOf("': ", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var rest = message.Substring(start + 3);
        var end = rest.IndexOf(':', StringComparison.Ordinal);
        return end > 0 ? rest.Substring(0, end) : rest;
    }

    private static string First(string text) => text.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
}
