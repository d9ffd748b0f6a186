using System;
using System.Linq;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests;

/// <summary>
/// The smallest spec that should produce a client, inline so a failure here reads without opening
/// a file. When these fail, the larger feature and corpus tests are not worth reading first.
/// </summary>
public sealed class GeneratorSmokeTests
{
    private const string ProductEdmx = """
        <?xml version="1.0" encoding="utf-8"?>
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="Sample" xmlns="http://docs.oasis-open.org/odata/ns/edm">
              <EntityType Name="Product">
                <Key>
                  <PropertyRef Name="Id" />
                </Key>
                <Property Name="Id" Type="Edm.Int32" Nullable="false" />
                <Property Name="Name" Type="Edm.String" />
              </EntityType>
              <EntityContainer Name="Container">
                <EntitySet Name="Products" EntityType="Sample.Product" />
              </EntityContainer>
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """;

    [Fact]
    public void Tiny_edmx_generates_an_entity_that_compiles_cleanly()
    {
        var run = GeneratorHarness.RunTwiceAndAssertCached(new[] { new Spec("Sample.edmx", ProductEdmx, ClientName: "Shop") });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.Sources.ContainsKey("Shop/Entities/Product.g.cs"), "Generated: " + string.Join(", ", run.Sources.Keys));
        var product = run.Sources["Shop/Entities/Product.g.cs"];
        Assert.Contains("class Product", product, StringComparison.Ordinal);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"UiPathClients.Generator\", ", product, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void An_unrelated_xml_additional_file_is_ignored_beside_a_spec()
    {
        // Projects list unrelated .xml files as AdditionalFiles too (settings, resources); only
        // documents that look like EDMX may produce code or diagnostics.
        var run = GeneratorHarness.RunTwiceAndAssertCached(new[]
        {
            new Spec("Sample.edmx", ProductEdmx, ClientName: "Shop"),
            new Spec("Settings.xml", "<settings><retry count=\"3\" /></settings>"),
        });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.All(run.Sources.Keys, hintName => Assert.StartsWith("Shop/", hintName, StringComparison.Ordinal));
        Assert.Single(run.Generator.TrackedSteps[TrackingNames.ReadResults].SelectMany(step => step.Outputs));
        GeneratorHarness.AssertCompilesCleanly(run);
    }
}
