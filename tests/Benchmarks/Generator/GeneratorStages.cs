using System;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Benchmarks.Support;
using Microsoft.CodeAnalysis;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;
using UiPathClients.Generator.Readers;

namespace Benchmarks.Generator;

/// <summary>
/// Where a whole run's time goes, stage by stage, each stage fed the previous stage's real output:
/// <list type="bullet">
/// <item><c>Select</c>: additional file + options → <c>SpecFile</c> (text, kind, options);</item>
/// <item><c>Read</c>: <c>SpecFile</c> → <c>ClientModel</c> + diagnostics (EDMX/OpenAPI parse, naming, model);</item>
/// <item><c>Plan</c>: model → <c>ClientPlan</c> (what is generated, every cross-file name, the convention's answers);</item>
/// <item><c>Emit</c>: plan → file texts (the writers' views and their rendering);</item>
/// <item><c>AddSource</c>: file texts → the compiler (source texts, generated syntax trees parsed into the compilation), through a
/// driver whose only generator adds the already emitted files.</item>
/// </list>
/// </summary>
[Config(typeof(Jobs.WarmLongOperation))]
public class GeneratorStages
{
    private AdditionalText _text = null!;
    private Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider _options = null!;
    private SpecFile _specFile = null!;
    private ReadResult _readResult = null!;
    private SpecPlan _plan = null!;
    private EmitEnvironment _environment = null!;
    private GeneratorDriver _addSourceDriver = null!;
    private Compilation _compilation = null!;

    [ParamsAllValues]
    public SpecId Spec { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var spec = SpecUnderTest.Get(Spec);
        _text = GeneratorHost.CreateText(spec, spec.ReadText());
        _options = GeneratorHost.CreateOptions(spec);
        _specFile = (SpecFile)Select();
        _readResult = (ReadResult)Read();
        _plan = (SpecPlan)Plan();
        // What the generator computes for a C# latest, net10.0 consumer (the compilation GeneratorHost creates).
        _environment = new EmitEnvironment(HasDateOnly: true, HasRequiredMembers: true);
        var emitted = (EmittedClient)Emit();
        if (emitted.Files.Count == 0)
        {
            throw new InvalidOperationException($"{Spec}: nothing emitted ({string.Join("; ", _readResult.Diagnostics)}{string.Join("; ", emitted.Diagnostics)}).");
        }

        _compilation = GeneratorHost.CreateCompilation();
        _addSourceDriver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new PrecomputedSources(emitted.Files).AsSourceGenerator());
    }

    // Internal generator types are returned as object: benchmark methods are public.
    [Benchmark]
    public object Select() =>
        SpecFileSelector.Select(_text, _options, default) ?? throw new InvalidOperationException($"{Spec} was not selected as a spec.");

    [Benchmark]
    public object Read() => SpecReader.Read(_specFile, default);

    [Benchmark]
    public object Plan() => ClientPlanner.Plan(new SpecModel(_readResult.FilePath, _readResult.Model), SpecSelection.Everything, default);

    [Benchmark]
    public object Emit() => EmittedClient.Emit(_plan, _environment, default);

    [Benchmark]
    public GeneratorDriver AddSource() => GeneratorHost.Run(_addSourceDriver, _compilation);

    /// <summary>Adds files emitted beforehand, so the driver run measures only what the compiler does with generated text.</summary>
    private sealed class PrecomputedSources(EquatableArray<GeneratedFile> files) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterPostInitializationOutput(output =>
            {
                foreach (var file in files)
                {
                    output.AddSource(file.HintName, file.Source);
                }
            });
    }
}
