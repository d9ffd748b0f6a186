using System;
using System.Linq;
using System.Globalization;
using System.Threading;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Readers.Edmx;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Readers.Edmx;

/// <summary>
/// EDMX documents that would crash, stall or break the build: elements nested 100,000 deep, base type chains of 10,000
/// types, duplicated property names. Each is a located diagnostic, and what is generated compiles.
/// </summary>
public sealed class EdmxHardeningTests
{
    private const string Edmx = "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">";
    private const string Schema = "<Schema Namespace=\"Bad\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">";

    /// <summary>Line 4 holds the first line of <paramref name="schemaBody"/>.</summary>
    private static string Document(string schemaBody) =>
        Edmx + "\n<edmx:DataServices>\n" + Schema + "\n" + schemaBody + "\n</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n";

    [Fact]
    public void A_hundred_thousand_nested_elements_are_refused_at_the_first_one_too_deep()
    {
        // Before: XDocument built the whole tree first (about 20 s). Edmx, DataServices, Schema and the Annotation are depths
        // 0-3, its 100,000 nested Records follow on line 4: depth 128 is the 125th Record, whose name the column points at.
        var body = "<Annotation Term=\"Core.Description\">" + string.Concat(Enumerable.Repeat("<Record>", 100_000)) + string.Concat(Enumerable.Repeat("</Record>", 100_000)) + "</Annotation>";

        var diagnostic = SpecDiagnostics.AssertSingle("deep.edmx", Document(body), "UIPC0014", line: 4, "it nests XML elements deeper than 128 levels");
        var column = "<Annotation Term=\"Core.Description\">".Length + (124 * "<Record>".Length) + 2;
        Assert.Equal(column, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1);
    }

    [Fact]
    public void Elements_nested_up_to_the_limit_are_read()
    {
        var body = "<Annotation Term=\"Core.Description\">" + string.Concat(Enumerable.Repeat("<Record>", 124)) + string.Concat(Enumerable.Repeat("</Record>", 124)) + "</Annotation>\n<ComplexType Name=\"Box\" />";

        Assert.Empty(SpecDiagnostics.Of("fits.edmx", Document(body)));
    }

    [Fact]
    public void A_chain_of_ten_thousand_base_types_is_cut_every_64_levels()
    {
        // T0 ← T1 ← … ← T9999, one type a line from line 4. Before: the emitter named properties recursively up the chain.
        var body = string.Join("\n", Enumerable.Range(0, 10_000).Select(i =>
            i == 0 ? "<ComplexType Name=\"T0\" />" : $"<ComplexType Name=\"T{i}\" BaseType=\"Bad.T{i - 1}\" />"));

        var result = EdmxReader.Read(new SpecFile("chain.edmx", SpecKind.Edmx, Document(body), new SpecOptions(null, null, null)), CancellationToken.None);

        // T65 would have 65 base types above it: it starts a new chain, as do T130, T195 … (every 65th type).
        var cut = Enumerable.Range(1, 9_999 / 65).Select(k => 65 * k).ToList();
        Assert.All(result.Diagnostics, diagnostic => Assert.Equal("UIPC0016", diagnostic.DescriptorId));
        Assert.Equal(cut, result.Diagnostics.Select(diagnostic => diagnostic.StartLine + 1 - 4));
        var types = result.Model!.Types.ToDictionary(type => type.Name, StringComparer.Ordinal);
        Assert.All(cut, index => Assert.Null(types["T" + index.ToString(CultureInfo.InvariantCulture)].BaseType));
        Assert.Equal("Bad.T63", types["T64"].BaseType);
        Assert.Equal("Bad.T65", types["T66"].BaseType);
    }

    [Fact]
    public void A_chain_beyond_the_limit_compiles()
    {
        // The emitter walks every chain the reader leaves: 200 types with a property each, cut at T65, T130 and T195.
        var body = string.Join("\n", Enumerable.Range(0, 200).Select(i =>
            i == 0 ? "<ComplexType Name=\"T0\"><Property Name=\"P0\" Type=\"Edm.Int32\" /></ComplexType>"
                   : $"<ComplexType Name=\"T{i}\" BaseType=\"Bad.T{i - 1}\"><Property Name=\"P{i}\" Type=\"Edm.Int32\" /></ComplexType>"));

        var run = GeneratorHarness.Run(new[] { new Spec("chain.edmx", Document(body)) });

        Assert.Equal(new[] { "UIPC0016", "UIPC0016", "UIPC0016" }, run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void A_cycle_of_base_types_is_broken_once()
    {
        // A cycle longer than the inheritance limit is broken once and then cut as a chain (UIPC0016): 50 stays within it.
        var body = string.Join("\n", Enumerable.Range(0, 50).Select(i => $"<ComplexType Name=\"T{i}\" BaseType=\"Bad.T{(i + 1) % 50}\" />"));

        var diagnostic = SpecDiagnostics.AssertSingle("cycle.edmx", Document(body), "UIPC0009", line: 4, "Type 'Bad.T0' derives from itself");
        Assert.NotNull(diagnostic);
    }

    [Theory]
    [InlineData("<Property Name=\"Id\" Type=\"Edm.Int32\" />\n<Property Name=\"Id\" Type=\"Edm.String\" />", "this Property repeats the Property declared before it")]
    [InlineData("<Property Name=\"Owner\" Type=\"Edm.String\" />\n<NavigationProperty Name=\"Owner\" Type=\"Bad.Person\" />", "this NavigationProperty repeats the Property declared before it")]
    [InlineData("<NavigationProperty Name=\"Owner\" Type=\"Bad.Person\" />\n<Property Name=\"Owner\" Type=\"Edm.String\" />", "this Property repeats the NavigationProperty declared before it")]
    public void A_property_name_declared_twice_keeps_the_first_and_compiles(string members, string reason)
    {
        var body = "<EntityType Name=\"Person\"><Key><PropertyRef Name=\"Key\" /></Key><Property Name=\"Key\" Type=\"Edm.Int32\" Nullable=\"false\" /></EntityType>\n"
            + "<ComplexType Name=\"Box\">\n" + members + "\n</ComplexType>";

        var run = GeneratorHarness.Run(new[] { new Spec("dup.edmx", Document(body)) });

        // Before: both members were emitted under one name (CS0102).
        // The second member is on line 7 (the EntityType is line 4, ComplexType line 5, the first member line 6).
        SpecDiagnostics.AssertAt(Assert.Single(run.GeneratorDiagnostics), "UIPC0015", "dup.edmx", line: 7, reason);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void A_property_that_repeats_an_inherited_one_is_left_out_and_compiles()
    {
        var body = "<ComplexType Name=\"Base\"><Property Name=\"Id\" Type=\"Edm.Int32\" /></ComplexType>\n"
            + "<ComplexType Name=\"Derived\" BaseType=\"Bad.Base\">\n<Property Name=\"Id\" Type=\"Edm.String\" />\n<Property Name=\"Label\" Type=\"Edm.String\" />\n</ComplexType>";

        var run = GeneratorHarness.Run(new[] { new Spec("inherited.edmx", Document(body)) });

        // Before: Derived also got 'string? Id2', a second property for the JSON member 'Id' the inherited one reads.
        SpecDiagnostics.AssertAt(Assert.Single(run.GeneratorDiagnostics), "UIPC0015", "inherited.edmx", line: 6, "Type 'Bad.Derived' has more than one member named 'Id' (it repeats the property inherited from 'Bad.Base')");
        GeneratorHarness.AssertCompilesCleanly(run);
        var derived = run.Sources.Single(source => source.Key.EndsWith("Derived.g.cs", StringComparison.Ordinal) && !source.Key.Contains("Filter", StringComparison.Ordinal)).Value;
        Assert.Contains("public string? Label", derived, StringComparison.Ordinal);
        Assert.DoesNotContain("public string? Id", derived, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<EntitySet Name=\"Things\" EntityType=\"Bad.Thing\" />", "EntitySet")]
    [InlineData("<Singleton Name=\"Things\" Type=\"Bad.Thing\" />", "Singleton")]
    [InlineData("<FunctionImport Name=\"Things\" Function=\"Bad.Count\" />", "FunctionImport")]
    public void A_container_member_name_declared_twice_keeps_the_first_and_compiles(string second, string kind)
    {
        var body = "<EntityType Name=\"Thing\"><Key><PropertyRef Name=\"Id\" /></Key><Property Name=\"Id\" Type=\"Edm.Int32\" Nullable=\"false\" /></EntityType>\n"
            + "<Function Name=\"Count\"><ReturnType Type=\"Edm.Int32\" /></Function>\n"
            + "<EntityContainer Name=\"C\">\n<EntitySet Name=\"Things\" EntityType=\"Bad.Thing\" />\n" + second + "\n</EntityContainer>";

        var run = GeneratorHarness.Run(new[] { new Spec("sets.edmx", Document(body)) });

        // Before: two files with one hint name, an exception out of the generator (the compiler's CS8785) and no client at all.
        SpecDiagnostics.AssertAt(Assert.Single(run.GeneratorDiagnostics), "UIPC0015", "sets.edmx", line: 8, $"Type 'Bad.C' has more than one member named 'Things' (this {kind} repeats a container member declared before it)");
        GeneratorHarness.AssertCompilesCleanly(run);
    }
}
