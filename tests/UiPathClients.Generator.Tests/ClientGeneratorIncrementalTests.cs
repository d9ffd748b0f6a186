using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests;

/// <summary>The generator does only the work an edit calls for: the scenarios IDE users hit on every keystroke.</summary>
public sealed class ClientGeneratorIncrementalTests
{
    private static Spec Catalog => Spec.FromFile(Path.Combine(TestPaths.FeatureSpecsDirectory, "Keys.edmx"), clientName: "Catalog");

    private static Spec Orders => Spec.FromFile(Path.Combine(TestPaths.FeatureSpecsDirectory, "Enums.edmx"), clientName: "Orders");

    [Fact]
    public void Editing_a_cs_file_reads_no_spec_again()
    {
        var first = GeneratorHarness.Run(new[] { Catalog, Orders });
        var edited = first.InputCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edited { }", GeneratorHarness.ParseOptions));

        var second = GeneratorHarness.RunAgain(first, edited);

        Assert.All(GeneratorHarness.Reasons(second, TrackingNames.SpecFiles), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(GeneratorHarness.Reasons(second, TrackingNames.ReadResults), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(GeneratorHarness.Reasons(second, TrackingNames.Plans), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(GeneratorHarness.Reasons(second, TrackingNames.GeneratedFiles), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal(2, GeneratorHarness.Reasons(second, TrackingNames.ReadResults).Count);
    }

    [Fact]
    public void Editing_spec_A_does_not_regenerate_spec_B()
    {
        var first = GeneratorHarness.Run(new[] { Catalog, Orders });

        var second = GeneratorHarness.RunWithEditedSpec(first, Catalog.Path, RenameSku(Catalog.Text));

        var reads = GeneratorHarness.Reasons(second, TrackingNames.ReadResults);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, reads);
        var emits = GeneratorHarness.Reasons(second, TrackingNames.GeneratedFiles);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, emits);
    }

    [Fact]
    public void Editing_a_spec_regenerates_exactly_its_own_files()
    {
        var first = GeneratorHarness.Run(new[] { Catalog, Orders });
        var second = GeneratorHarness.RunWithEditedSpec(first, Catalog.Path, RenameSku(Catalog.Text));

        var changed = first.Sources.Keys.Union(second.Sources.Keys)
            .Where(hint => !first.Sources.TryGetValue(hint, out var before) || !second.Sources.TryGetValue(hint, out var after) || before != after)
            .ToList();

        // The renamed property shows in the class, its filter surface and the JSON metadata; nothing of Orders changes.
        Assert.Equal(new[] { "Catalog/CatalogJsonMetadata.g.cs", "Catalog/Entities/OrderLine.g.cs", "Catalog/Filters/OrderLineFilter.g.cs" }, changed.OrderBy(hint => hint, StringComparer.Ordinal));
        Assert.Contains("StockKeepingUnit", second.Sources["Catalog/Entities/OrderLine.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_an_OpenAPI_operation_regenerates_its_group_and_leaves_the_EDMX_spec_cached()
    {
        var orders = Spec.FromFile(Path.Combine(TestPaths.OpenApiFeatureSpecsDirectory, "ErrorResponses.openapi.yaml"), clientName: "Shop");
        var first = GeneratorHarness.Run(new[] { Catalog, orders });
        var edited = first.InputCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edited { }", GeneratorHarness.ParseOptions));
        var afterCodeEdit = GeneratorHarness.RunAgain(first, edited);
        Assert.All(GeneratorHarness.Reasons(afterCodeEdit, TrackingNames.ReadResults), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));

        var second = GeneratorHarness.RunWithEditedSpec(first, orders.Path, orders.Text.Replace("operationId: getOrder", "operationId: fetchOrder", StringComparison.Ordinal));

        // Spec order in the harness: Catalog first, the OpenAPI spec second.
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }, GeneratorHarness.Reasons(second, TrackingNames.ReadResults));
        var changed = first.Sources.Keys.Union(second.Sources.Keys)
            .Where(hint => !first.Sources.TryGetValue(hint, out var before) || !second.Sources.TryGetValue(hint, out var after) || before != after)
            .ToList();
        Assert.Equal(new[] { "Shop/Operations/OrdersClient.g.cs" }, changed);
        // fetchOrder in the Orders group reads FetchAsync (the group's noun is dropped).
        Assert.Contains("FetchAsync(", second.Sources["Shop/Operations/OrdersClient.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("GetOrderAsync(", second.Sources["Shop/Operations/OrdersClient.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_that_moves_is_reported_again_but_nothing_is_emitted_again()
    {
        const string Warned = """
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="Order">
                    <Key><PropertyRef Name="Id" /></Key>
                    <Property Name="Id" Type="Edm.Int32" Nullable="false" />
                    <Property Type="Edm.String" />
                  </EntityType>
                  <EntityContainer Name="Container"><EntitySet Name="Orders" EntityType="Shop.Order" /></EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;
        var spec = new Spec("shop.edmx", Warned);
        var first = GeneratorHarness.Run(new[] { spec });

        // A comment above the type: the warning (a property without a name, UIPC0008) moves one line down; the model is the same.
        var second = GeneratorHarness.RunWithEditedSpec(first, spec.Path, Warned.Replace("      <EntityType Name=\"Order\">", "      <!-- orders -->\n      <EntityType Name=\"Order\">", StringComparison.Ordinal));

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, GeneratorHarness.Reasons(second, TrackingNames.ReadResults));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, GeneratorHarness.Reasons(second, TrackingNames.Diagnostics));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, GeneratorHarness.Reasons(second, TrackingNames.Models));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, GeneratorHarness.Reasons(second, TrackingNames.Plans));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, GeneratorHarness.Reasons(second, TrackingNames.GeneratedFiles));
        var before = Assert.Single(first.GeneratorDiagnostics, diagnostic => diagnostic.Id == "UIPC0008");
        var after = Assert.Single(second.GeneratorDiagnostics, diagnostic => diagnostic.Id == "UIPC0008");
        Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 1, after.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Changing_item_metadata_regenerates_with_the_new_namespace()
    {
        var first = GeneratorHarness.Run(new[] { Catalog with { Namespace = "Contoso.Catalog" } });

        Assert.Contains("namespace Contoso.Catalog", first.Sources["Catalog/Entities/Order.g.cs"], StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(first);
    }

    private static string RenameSku(string text) =>
        text.Replace("Name=\"Sku\"", "Name=\"StockKeepingUnit\"", StringComparison.Ordinal);
}
