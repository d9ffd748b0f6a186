using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Tests.Querying;

/// <summary>Key segments parsed back by <see cref="ODataUriParser"/> into the same key values.</summary>
public sealed class ODataKeyTests
{
    private static readonly Lazy<IEdmModel> Model = new(BuildModel);

    [Fact]
    public void Int64_keys()
    {
        Assert.Equal("(5)", ODataKey.Segment(ODataLiteral.Format(5L)));
        Assert.Equal(5L, Assert.Single(ParseKey("Jobs" + ODataKey.Segment(ODataLiteral.Format(5L)))).Value);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("O'Neil")]
    [InlineData("a/b?c#d e%f")]
    [InlineData("Überweisung")]
    public void String_keys_survive_path_characters(string name) =>
        Assert.Equal(name, Assert.Single(ParseKey("Settings" + ODataKey.Segment(ODataLiteral.Format(name)))).Value);

    [Fact]
    public void Composite_keys_name_each_part()
    {
        var order = Guid.Parse("0d4c6f0e-1f6b-4a3e-9a55-0c6a0e6c7b10");
        var segment = ODataKey.Segment(new[]
        {
            new KeyValuePair<string, string>("OrderId", ODataLiteral.Format(order)),
            new KeyValuePair<string, string>("LineNumber", ODataLiteral.Format(2)),
        });

        var keys = ParseKey("OrderLines" + segment);

        Assert.Equal("(OrderId=" + order + ",LineNumber=2)", segment);
        Assert.Equal(order, keys.Single(key => key.Key == "OrderId").Value);
        Assert.Equal(2, keys.Single(key => key.Key == "LineNumber").Value);
    }

    private static IReadOnlyList<KeyValuePair<string, object>> ParseKey(string path)
    {
        var parser = new ODataUriParser(Model.Value, new Uri("http://service.example/"), new Uri("http://service.example/" + path));
        var key = Assert.IsType<KeySegment>(parser.ParsePath().LastSegment);
        return key.Keys.ToList();
    }

    private static IEdmModel BuildModel()
    {
        var model = new EdmModel();
        var job = new EdmEntityType("Test", "Job");
        job.AddKeys(job.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false));
        var setting = new EdmEntityType("Test", "Setting");
        setting.AddKeys(setting.AddStructuralProperty("Id", EdmPrimitiveTypeKind.String, isNullable: false));
        var line = new EdmEntityType("Test", "OrderLine");
        line.AddKeys(line.AddStructuralProperty("OrderId", EdmPrimitiveTypeKind.Guid, isNullable: false), line.AddStructuralProperty("LineNumber", EdmPrimitiveTypeKind.Int32, isNullable: false));
        model.AddElements(new IEdmSchemaElement[] { job, setting, line });
        var container = new EdmEntityContainer("Test", "Container");
        container.AddEntitySet("Jobs", job);
        container.AddEntitySet("Settings", setting);
        container.AddEntitySet("OrderLines", line);
        model.AddElement(container);
        return model;
    }
}
