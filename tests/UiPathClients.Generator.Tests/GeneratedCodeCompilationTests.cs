using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using UiPathClients.Generator.Tests.TestSupport;
using UiPathClients.Tests.Common;
using Xunit.Abstractions;

namespace UiPathClients.Generator.Tests;

/// <summary>
/// Generated code compiles with zero errors and zero warnings (nullable enabled, documentation
/// diagnostics on) for every feature spec, the bundled specs and every real EDMX and OpenAPI document of the shared corpus.
/// </summary>
public sealed class GeneratedCodeCompilationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.FeatureSpecs())
        {
            data.Add(file);
        }

        data.Add(TestPaths.BundledOrchestratorSpec);
        foreach (var version in TestPaths.BundledOrchestratorVersionSpecs)
        {
            data.Add(version);
        }

        return data;
    }

    public static TheoryData<string> CorpusSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.CorpusEdmxFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_warnings(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(new[] { Spec.FromFile(path) });
        stopwatch.Stop();

        // Informational figures for the closing note; the benchmark project measures properly.
        output.WriteLine($"{Path.GetFileName(path)}: {run.Sources.Count} files, {stopwatch.ElapsedMilliseconds} ms wall time (tests run in parallel; the first includes JIT)");
        var byId = run.GeneratorDiagnostics.GroupBy(diagnostic => diagnostic.Id).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} ×{group.Count()}");
        output.WriteLine("generator diagnostics: " + string.Join(", ", byId.DefaultIfEmpty("none")));
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(run.Sources);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    public static TheoryData<string> OpenApiSpecs()
    {
        var data = new TheoryData<string>();
        data.Add(TestPaths.BundledCommunicationsMiningSpec);
        foreach (var file in TestPaths.OpenApiFeatureSpecs())
        {
            data.Add(file);
        }

        return data;
    }

    public static TheoryData<string> CorpusOpenApiSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.OpenApiFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OpenApiSpecs))]
    public void Generated_code_from_OpenAPI_compiles_without_warnings(string path) => Generated_code_compiles_without_warnings(path);

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusSpecs))]
    public void Generated_code_from_a_real_EDMX_compiles_without_warnings(string path) => Generated_code_compiles_without_warnings(path);

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusOpenApiSpecs))]
    public void Generated_code_from_a_real_OpenAPI_document_compiles_without_warnings(string path) => Generated_code_compiles_without_warnings(path);

    [Fact]
    public void Without_DateOnly_dates_fall_back_to_DateTime_and_TimeSpan()
    {
        var path = Path.Combine(TestPaths.FeatureSpecsDirectory, "NullableMatrix.edmx");
        var model = UiPathClients.Generator.Readers.Edmx.EdmxReader.Read(
            new UiPathClients.Generator.Input.SpecFile(path, UiPathClients.Generator.Input.SpecKind.Edmx, File.ReadAllText(path), new UiPathClients.Generator.Input.SpecOptions(null, null, null)),
            default).Model!;

        string AllTypes(bool hasDateOnly) => UiPathClients.Generator.Emit.ClientEmitter
            .Emit(UiPathClients.Generator.Plan.ClientPlanner.Plan(model), new UiPathClients.Generator.Emit.EmitEnvironment(hasDateOnly), "1.0.0", default)
            .Single(file => file.HintName.EndsWith("AllTypes.g.cs", StringComparison.Ordinal)).Source;

        // OData properties have a backing field, so their setters can note that the caller set them.
        Assert.Contains("private global::System.DateOnly _Date;", AllTypes(hasDateOnly: true), StringComparison.Ordinal);
        Assert.Contains("private global::System.TimeOnly? _TimeOfDay;", AllTypes(hasDateOnly: true), StringComparison.Ordinal);
        Assert.Contains("private global::System.DateTime _Date;", AllTypes(hasDateOnly: false), StringComparison.Ordinal);
        Assert.Contains("private global::System.TimeSpan? _TimeOfDay;", AllTypes(hasDateOnly: false), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAPI_required_properties_are_required_members_only_where_the_compiler_allows_them()
    {
        var path = Path.Combine(TestPaths.OpenApiFeatureSpecsDirectory, "ErrorResponses.openapi.yaml");
        var model = UiPathClients.Generator.Readers.OpenApi.OpenApiReader.Read(
            new UiPathClients.Generator.Input.SpecFile(path, UiPathClients.Generator.Input.SpecKind.OpenApiYaml, File.ReadAllText(path), new UiPathClients.Generator.Input.SpecOptions(null, null, null)),
            default).Model!;

        string Emitted(bool hasRequiredMembers, string suffix) => UiPathClients.Generator.Emit.ClientEmitter
            .Emit(UiPathClients.Generator.Plan.ClientPlanner.Plan(model), new UiPathClients.Generator.Emit.EmitEnvironment(HasDateOnly: true, HasRequiredMembers: hasRequiredMembers), "1.0.0", default)
            .Single(file => file.HintName.EndsWith(suffix, StringComparison.Ordinal)).Source;

        Assert.Contains("public required global::System.Guid Id { get; set; }", Emitted(true, "Order.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public global::System.Guid Id { get; set; }", Emitted(false, "Order.g.cs"), StringComparison.Ordinal);
        // The JSON metadata still creates instances to read into: it names the required members in an initializer.
        Assert.Contains(".Order { Id = default!, Total = default! }", Emitted(true, "JsonMetadata.g.cs"), StringComparison.Ordinal);
        Assert.Contains(".Order(), static options", Emitted(false, "JsonMetadata.g.cs"), StringComparison.Ordinal);
    }
}
