using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Benchmarks.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using UiPathClients.Generator;

namespace Benchmarks.Generator;

/// <summary>
/// The generator on the keystroke path: a driver that already ran once (as the compiler server and the IDE keep it)
/// runs again after (a) an edit to an unrelated .cs file, (b) an edit to the spec, (c) a change of an MSBuild property
/// the compiler passes on but the generator does not read. Setup proves what each scenario claims: every named step
/// Cached or Unchanged and every source output Cached in (a) and (c), the generated files re-emitted in (b). The
/// baseline is a run with no cached state.
/// </summary>
[Config(typeof(Jobs.WarmLongOperation))]
public class IncrementalGeneration
{
    private static readonly string[] NamedSteps =
    {
        TrackingNames.CandidateFiles, TrackingNames.SpecFiles, TrackingNames.ReadResults,
        TrackingNames.Diagnostics, TrackingNames.Models, TrackingNames.EmitEnvironment, TrackingNames.GeneratedFiles,
    };

    private SpecUnderTest _spec = null!;
    private AdditionalText _text = null!;
    private AdditionalText _editedText = null!;
    private AnalyzerConfigOptionsProvider _otherPropertyOptions = null!;
    private Compilation _compilation = null!;
    private Compilation _editedCompilation = null!;
    private GeneratorDriver _primed = null!;

    [Params(SpecId.OrchestratorEdmx, SpecId.CommunicationsMiningYaml, SpecId.MsGraphBetaEdmx)]
    public SpecId Spec { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _spec = SpecUnderTest.Get(Spec);
        var text = _spec.ReadText();
        _text = GeneratorHost.CreateText(_spec, text);
        _editedText = GeneratorHost.CreateText(_spec, EditSpec(_spec, text));
        _otherPropertyOptions = GeneratorHost.CreateOptions(
            _spec, new Dictionary<string, string>(GeneratorHost.GlobalOptions) { ["build_property.TargetFramework"] = "net10.0-changed" });
        _compilation = GeneratorHost.CreateCompilation();
        var program = _compilation.SyntaxTrees.Single();
        _editedCompilation = _compilation.ReplaceSyntaxTree(
            program, program.WithChangedText(program.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), "// edited\n"))));

        _primed = GeneratorHost.Run(GeneratorHost.CreateDriver(_spec, _text), _compilation);
        GeneratorHost.AssertGenerated(_primed, $"the priming run on {Spec}");
        VerifyScenarios();
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver NoCachedState() => GeneratorHost.Run(GeneratorHost.CreateDriver(_spec, _text), _compilation);

    [Benchmark]
    public GeneratorDriver UnrelatedCsEdit() => GeneratorHost.Run(_primed, _editedCompilation);

    [Benchmark]
    public GeneratorDriver SpecEdit() => GeneratorHost.Run(_primed.ReplaceAdditionalText(_text, _editedText), _compilation);

    [Benchmark]
    public GeneratorDriver UnrelatedPropertyChange() => GeneratorHost.Run(_primed.WithUpdatedAnalyzerConfigOptions(_otherPropertyOptions), _compilation);

    /// <summary>
    /// A real edit, one the generated code must reflect: a new property on the first entity type (EDMX), the first
    /// operation renamed (OpenAPI: its <c>operationId</c> gets a prefix, in YAML or JSON, quoted or not).
    /// </summary>
    private static string EditSpec(SpecUnderTest spec, string text)
    {
        if (!spec.IsOpenApi)
        {
            const string anchor = "</Key>";
            var key = text.IndexOf(anchor, StringComparison.Ordinal);
            return key < 0
                ? throw new InvalidOperationException($"{spec.Id}: no entity key to add a property after.")
                : text.Insert(key + anchor.Length, "<Property Name=\"BenchmarkEdit\" Type=\"Edm.String\" />");
        }

        var at = text.IndexOf("operationId", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"{spec.Id}: no operationId to edit.");
        }

        at += "operationId".Length;
        while (at < text.Length && text[at] is '"' or '\'' or ' ' or ':')
        {
            at++;
        }

        return text.Insert(at, "Edited");
    }

    private void VerifyScenarios()
    {
        var tracked = GeneratorHost.Run(GeneratorHost.CreateDriver(_spec, _text, trackSteps: true), _compilation);

        RequireAllCached(GeneratorHost.Run(tracked, _editedCompilation), "(a) unrelated .cs edit");
        RequireAllCached(GeneratorHost.Run(tracked.WithUpdatedAnalyzerConfigOptions(_otherPropertyOptions), _compilation), "(c) unrelated property change");

        var edited = GeneratorHost.Run(tracked.ReplaceAdditionalText(_text, _editedText), _compilation).GetRunResult().Results.Single();
        var emitReasons = edited.TrackedSteps[TrackingNames.GeneratedFiles].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
        if (!emitReasons.Contains(IncrementalStepRunReason.Modified))
        {
            throw new InvalidOperationException($"{Spec}: (b) the spec edit did not re-emit the client ({string.Join(", ", emitReasons)}), so it would measure nothing.");
        }
    }

    private void RequireAllCached(GeneratorDriver driver, string scenario)
    {
        var result = driver.GetRunResult().Results.Single();
        var problems = result.TrackedSteps
            .Where(pair => NamedSteps.Contains(pair.Key))
            .SelectMany(pair => pair.Value.SelectMany(step => step.Outputs).Select(output => (Step: pair.Key, output.Reason)))
            .Concat(result.TrackedOutputSteps.SelectMany(pair => pair.Value.SelectMany(step => step.Outputs).Select(output => (Step: "source output", output.Reason))))
            .Where(pair => pair.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)
                || (pair.Step == "source output" && pair.Reason != IncrementalStepRunReason.Cached))
            .Select(pair => $"{pair.Step}: {pair.Reason}")
            .Distinct()
            .ToList();
        var missing = NamedSteps.Where(name => !result.TrackedSteps.ContainsKey(name)).ToList();
        if (problems.Count > 0 || missing.Count > 0)
        {
            throw new InvalidOperationException($"{Spec}: {scenario} re-ran steps: {string.Join(", ", problems)}; steps not seen: {string.Join(", ", missing)}.");
        }
    }
}
