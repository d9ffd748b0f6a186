using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Benchmarks.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;
using UiPathClients.Generator.Readers;

namespace Benchmarks.Generator;

/// <summary>
/// What the compiler's generator driver itself costs on the keystroke path: a generator that does no work of its own
/// (its one output is cached) re-run after an unrelated .cs edit, adding the first <see cref="Files"/> of the bundled
/// Orchestrator client's files, or all of their text as one file. <see cref="IncrementalGeneration"/>'s
/// <c>UnrelatedCsEdit</c> minus this is the generator's own share; what remains is set by how many files there are.
/// </summary>
[Config(typeof(Jobs.WarmLongOperation))]
public class DriverFileCount
{
    private GeneratorDriver _primed = null!;
    private Compilation _compilation = null!;
    private Compilation _editedCompilation = null!;

    /// <summary>How many generated files; 0 stands for all of the client's text in one file.</summary>
    [Params(0, 100, 400, 805)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var spec = SpecUnderTest.Get(SpecId.OrchestratorEdmx);
        var specFile = (SpecFile)SpecFileSelector.Select(GeneratorHost.CreateText(spec, spec.ReadText()), GeneratorHost.CreateOptions(spec), default)!;
        var plan = ClientPlanner.Plan(new SpecModel(specFile.Path, SpecReader.Read(specFile, default).Model), SpecSelection.Everything, default);
        var files = EmittedClient.Emit(plan, new EmitEnvironment(HasDateOnly: true, HasRequiredMembers: true), default).Files;
        if (Files > files.Count)
        {
            throw new InvalidOperationException($"The client has {files.Count} files, fewer than {Files}.");
        }

        var outputs = Files == 0
            ? new[] { ("All.g.cs", string.Concat(files.Select(file => file.Source))) }
            : files.Take(Files).Select(file => (file.HintName, file.Source)).ToArray();
        _compilation = GeneratorHost.CreateCompilation();
        var program = _compilation.SyntaxTrees.Single();
        _editedCompilation = _compilation.ReplaceSyntaxTree(
            program, program.WithChangedText(program.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), "// edited\n"))));
        var driver = CSharpGeneratorDriver.Create(new[] { new FixedOutputs(outputs).AsSourceGenerator() }, parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        _primed = GeneratorHost.Run(driver, _compilation);
    }

    [Benchmark]
    public GeneratorDriver UnrelatedCsEdit() => GeneratorHost.Run(_primed, _editedCompilation);

    /// <summary>Adds fixed files from one source output whose input never changes, so a re-run only replays them.</summary>
    private sealed class FixedOutputs((string HintName, string Source)[] files) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.ParseOptionsProvider.Select((_, _) => 0), (output, _) =>
            {
                foreach (var (hintName, source) in files)
                {
                    output.AddSource(hintName, source);
                }
            });
    }
}
