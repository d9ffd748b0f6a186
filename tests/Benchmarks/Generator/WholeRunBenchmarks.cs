using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Benchmarks.Support;
using Microsoft.CodeAnalysis;

namespace Benchmarks.Generator;

/// <summary>
/// A whole generator run from the spec file on disk to generated syntax trees in the compilation (what one build of
/// a consumer costs when nothing is cached), against NSwag reading the same OpenAPI document and writing its C# client.
/// The Ratio column of <c>Ours</c> is ours/NSwag.
/// </summary>
public abstract class OpenApiGeneration
{
    private SpecUnderTest _spec = null!;
    private Compilation _compilation = null!;

    [Params(SpecId.CommunicationsMiningYaml, SpecId.OrchestratorV20Yaml, SpecId.OpenAi31Yaml, SpecId.GitHubJson)]
    public SpecId Spec { get; set; }

    /// <summary>Whether setup may run both generators once to check their output (not in a cold-start run: it would warm them).</summary>
    protected abstract bool VerifyInSetup { get; }

    [GlobalSetup]
    public void Setup()
    {
        _spec = SpecUnderTest.Get(Spec);
        _compilation = GeneratorHost.CreateCompilation();
        if (VerifyInSetup)
        {
            GeneratorHost.AssertGenerated(Ours(), $"our generator on {Spec}");
            if (!NSwag().Contains("class ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"NSwag generated no class for {Spec}.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public string NSwag() => NSwagClientGeneration.GenerateAsync(_spec.Path).GetAwaiter().GetResult();

    [Benchmark]
    public GeneratorDriver Ours() => GeneratorHost.RunFromDisk(_spec, _compilation);
}

/// <summary><see cref="OpenApiGeneration"/> in a warm process.</summary>
[Config(typeof(Jobs.WarmLongOperation))]
public class OpenApiGenerationWarm : OpenApiGeneration
{
    protected override bool VerifyInSetup => true;
}

/// <summary><see cref="OpenApiGeneration"/> as the first run in a fresh process.</summary>
[Config(typeof(Jobs.ColdStart))]
public class OpenApiGenerationCold : OpenApiGeneration
{
    protected override bool VerifyInSetup => false;
}

/// <summary>A whole generator run on the EDMX documents (NSwag reads no EDMX, so there is no comparison here).</summary>
public abstract class EdmxGeneration
{
    private SpecUnderTest _spec = null!;
    private Compilation _compilation = null!;

    [Params(SpecId.OrchestratorEdmx, SpecId.MsGraphBetaEdmx)]
    public SpecId Spec { get; set; }

    protected abstract bool VerifyInSetup { get; }

    [GlobalSetup]
    public void Setup()
    {
        _spec = SpecUnderTest.Get(Spec);
        _compilation = GeneratorHost.CreateCompilation();
        if (VerifyInSetup)
        {
            GeneratorHost.AssertGenerated(Ours(), $"our generator on {Spec}");
        }
    }

    [Benchmark]
    public GeneratorDriver Ours() => GeneratorHost.RunFromDisk(_spec, _compilation);
}

/// <summary><see cref="EdmxGeneration"/> in a warm process.</summary>
[Config(typeof(Jobs.WarmLongOperation))]
public class EdmxGenerationWarm : EdmxGeneration
{
    protected override bool VerifyInSetup => true;
}

/// <summary><see cref="EdmxGeneration"/> as the first run in a fresh process.</summary>
[Config(typeof(Jobs.ColdStart))]
public class EdmxGenerationCold : EdmxGeneration
{
    protected override bool VerifyInSetup => false;
}
