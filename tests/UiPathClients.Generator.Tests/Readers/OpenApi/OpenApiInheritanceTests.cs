using System;
using System.Linq;
using System.Text;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Readers.OpenApi;

/// <summary>
/// <c>allOf: [$ref Base]</c> hierarchies that go round or on for thousands of schemas. Before, the emitter named properties
/// recursively up the hierarchy: a cycle never ended (a stack overflow that killed the compiler). Now the reader cuts them
/// as the EDMX reader does, and what is generated compiles.
/// </summary>
public sealed class OpenApiInheritanceTests
{
    private static string Document(string schemas) =>
        "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n" + schemas;

    private static string Extending(string name, string baseName, string property) =>
        $"    {name}:\n      allOf:\n        - $ref: '#/components/schemas/{baseName}'\n        - type: object\n          properties:\n            {property}: {{type: string}}\n";

    [Fact]
    public void An_allOf_cycle_drops_one_base_type_and_compiles()
    {
        // A (line 8) extends B, B extends A.
        var yaml = Document(Extending("A", "B", "a") + Extending("B", "A", "b"));

        var run = GeneratorHarness.Run(new[] { new Spec("cycle.yaml", yaml) });

        Assert.Null(run.Generator.Exception);
        SpecDiagnostics.AssertAt(Assert.Single(run.GeneratorDiagnostics), "UIPC0009", "cycle.yaml", line: 9, "Type 'A' derives from itself through its base types");
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void A_self_extending_schema_drops_its_base_type()
    {
        var run = GeneratorHarness.Run(new[] { new Spec("self.yaml", Document(Extending("A", "A", "a"))) });

        SpecDiagnostics.AssertAt(Assert.Single(run.GeneratorDiagnostics), "UIPC0009", "self.yaml", line: 9, "Type 'A' derives from itself");
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void An_allOf_chain_longer_than_the_limit_is_cut_and_compiles()
    {
        // S0 ← S1 ← … ← S99: S65 would have 65 base types above it.
        var schemas = new StringBuilder("    S0:\n      type: object\n      properties:\n        p0: {type: string}\n");
        for (var i = 1; i < 100; i++)
        {
            schemas.Append(Extending("S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "S" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var run = GeneratorHarness.Run(new[] { new Spec("chain.yaml", Document(schemas.ToString())) });

        // S0 takes lines 8-11, each later schema 6 lines: S65's allOf is on line 12 + 64 * 6 + 1.
        SpecDiagnostics.AssertAt(Assert.Single(run.GeneratorDiagnostics), "UIPC0016", "chain.yaml", line: 12 + (64 * 6) + 1, "Type 'S65' would have more than 64 base types above it");
        GeneratorHarness.AssertCompilesCleanly(run);
    }
}
