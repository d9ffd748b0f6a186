using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;
using Contoso.Catalog;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.IntegrationTests;

/// <summary>
/// The generated types are used directly in code here: if the analyzer did not run, or emitted
/// something else, this file does not compile.
/// </summary>
public sealed class GeneratedModelTests
{
    [Fact]
    public void Catalog_product_serializes_with_the_spec_json_names()
    {
        var product = new Product
        {
            Id = 42,
            Name = "Kettle",
            Price = new Money { Amount = 19.99m, Currency = "EUR" },
            Availability = Availability.Online | Availability.InStore,
            Released = new DateOnly(2026, 11, 1),
            Tags = { "kitchen" },
        };

        var json = JsonSerializer.Serialize(product);

        Assert.Contains("\"id\":42", json, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Kettle\"", json, StringComparison.Ordinal);
        Assert.Contains("\"price\":{\"amount\":19.99,\"currency\":\"EUR\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"tags\":[\"kitchen\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"released\":\"2026-11-01\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_types_carry_their_service_names_and_keys()
    {
        Assert.Equal("Contoso.Catalog.Model.Product", typeof(Product).GetCustomAttribute<ODataTypeAttribute>()!.QualifiedName);
        Assert.NotNull(typeof(Product).GetProperty(nameof(Product.Id))!.GetCustomAttribute<ODataKeyAttribute>());
        Assert.True(typeof(Availability).IsDefined(typeof(FlagsAttribute)));
        Assert.Equal(typeof(IList<Product>), typeof(Category).GetProperty(nameof(Category.Products))!.PropertyType);
    }

    [Fact]
    public void Bundled_orchestrator_spec_generates_jobs_types()
    {
        var job = new Orchestrator.JobDto { Id = 7, State = Orchestrator.JobState.Faulted };

        var json = JsonSerializer.Serialize(job);

        Assert.Contains("\"Id\":7", json, StringComparison.Ordinal);
        Assert.Equal("UiPath.Server.Configuration.OData.JobDto", typeof(Orchestrator.JobDto).GetCustomAttribute<ODataTypeAttribute>()!.QualifiedName);
    }
}
