using System.Linq;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using UiPathClients.SpecTools.Orchestrator;

namespace UiPathClients.SpecTools.Tests.Orchestrator;

/// <summary>
/// The older conventions of the on-premises Swagger 2.0 descriptions, on a small document shaped like 2019.10: <c>({Id})</c>
/// keys, <c>GetEventTypes()</c> with parentheses, inline bodies, bracketed schema names, a file download, multipart
/// form data and the server's own request plumbing among the definitions.
/// </summary>
public sealed class Swagger2UpgradeTests
{
    private const string Ns = "UiPath.Server.Configuration.OData";

    private const string Document = """
        {
          "swagger": "2.0",
          "info": { "title": "Widgets", "version": "V2" },
          "paths": {
            "/odata/Widgets": {
              "get": { "parameters": [ { "name": "$top", "in": "query", "type": "integer" } ],
                       "responses": { "200": { "description": "", "schema": { "$ref": "#/definitions/ODataResponse[List[WidgetDto]]" } } } }
            },
            "/odata/Widgets({Id})": {
              "get": { "parameters": [ { "name": "Id", "in": "path", "required": true, "type": "integer", "format": "int64" } ],
                       "responses": { "200": { "description": "", "schema": { "$ref": "#/definitions/WidgetDto" } } } }
            },
            "/odata/Widgets({Id})/UiPath.Server.Configuration.OData.Polish": {
              "post": { "consumes": [],
                        "parameters": [ { "name": "Id", "in": "path", "required": true, "type": "integer", "format": "int64" },
                                        { "name": "polishParameters", "in": "body", "required": false,
                                          "schema": { "type": "object", "properties": { "shine": { "$ref": "#/definitions/BulkItemDto[String]" } } } } ],
                        "responses": { "200": { "description": "", "schema": { "$ref": "#/definitions/ODataResponse[Int64]" } } } }
            },
            "/odata/Widgets/UiPath.Server.Configuration.OData.GetKinds()": {
              "get": { "responses": { "200": { "description": "", "schema": { "$ref": "#/definitions/ODataResponse[List[String]]" } } } }
            },
            "/odata/Widgets/UiPath.Server.Configuration.OData.Export(kind='{kind}')": {
              "get": { "parameters": [ { "name": "kind", "in": "path", "required": true, "type": "string",
                                         "enum": [ "Csv", "Json" ], "x-ms-enum": { "name": "ExportKind", "modelAsString": false } } ],
                       "responses": { "200": { "description": "", "schema": { "type": "file", "format": "file" } } } }
            },
            "/odata/Widgets/UiPath.Server.Configuration.OData.Upload": {
              "post": { "consumes": [ "multipart/form-data" ], "parameters": [ { "name": "file", "in": "formData", "type": "file" } ],
                        "responses": { "200": { "description": "" } } }
            }
          },
          "definitions": {
            "WidgetDto": { "type": "object", "required": [ "Id" ],
                           "properties": { "Id": { "type": "integer", "format": "int64" }, "type": { "type": "string", "description": "a property named like a keyword" } } },
            "ODataResponse[List[WidgetDto]]": { "type": "object", "properties": { "value": { "type": "array", "items": { "$ref": "#/definitions/WidgetDto" } } } },
            "ODataResponse[List[String]]": { "type": "object", "properties": { "value": { "type": "array", "items": { "type": "string" } } } },
            "ODataResponse[Int64]": { "type": "object", "properties": { "value": { "type": "integer", "format": "int64" } } },
            "BulkItemDto[String]": { "type": "object", "properties": { "Key": { "type": "string" } } },
            "WidgetPolishedEventDto": { "type": "object", "properties": { "Widget": { "$ref": "#/definitions/WidgetDto" } } },
            "ODataQueryOptions[WidgetDto]": { "type": "object", "properties": { "Context": { "$ref": "#/definitions/ODataQueryContext" } } },
            "ODataQueryContext": { "type": "object", "properties": { "Model": { "$ref": "#/definitions/IEdmModel" } } },
            "IEdmModel": { "type": "object", "properties": { "SchemaElements": { "type": "array", "items": { "type": "object" } } } }
          }
        }
        """;

    [Theory]
    [InlineData("ODataResponse[List[JobDto]]", "ODataValueOfIEnumerableOfJobDto")]
    [InlineData("ODataResponse[Int64]", "ODataValueOfInt64")]
    [InlineData("ODataResponse[List[BulkItemDto[String]]]", "ODataValueOfIEnumerableOfBulkItemDtoOfString")]
    [InlineData("ODataResponse[List[KeyValuePair[String,Boolean]]]", "ODataValueOfIEnumerableOfKeyValuePairOfStringBoolean")]
    [InlineData("PageResultDto[FolderDto]", "PageResultDtoOfFolderDto")]
    [InlineData("JobDto", "JobDto")]
    public void Bracketed_schema_names_take_the_names_later_descriptions_use(string swagger2Name, string expected)
    {
        Assert.Equal(expected, Swagger2Upgrade.SchemaName(swagger2Name));
    }

    [Fact]
    public void The_older_conventions_convert_like_the_cloud_ones()
    {
        var model = Convert(out var edmx);

        var widgets = model.EntityContainer.FindEntitySet("Widgets");
        Assert.Equal(("Id", "Edm.Int64"), (Assert.Single(widgets.EntityType.Key()).Name, Assert.Single(widgets.EntityType.Key()).Type.FullName()));
        Assert.Equal("Edm.String", widgets.EntityType.FindProperty("type").Type.FullName());

        // ({Id}) key segment and an inline body: an action bound to one widget taking the body's member.
        var polish = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(model.FindDeclaredOperations(Ns + ".Polish")));
        Assert.Equal(Ns + ".WidgetDto", polish.Parameters.First().Type.FullName());
        Assert.Equal(Ns + ".BulkItemDtoOfString", Assert.Single(polish.Parameters.Skip(1), parameter => parameter.Name == "shine").Type.FullName());
        Assert.Equal("Edm.Int64", polish.GetReturn().Type.FullName());

        // GetKinds() in the path: a function without parameters.
        var getKinds = Assert.IsAssignableFrom<IEdmFunction>(Assert.Single(model.FindDeclaredOperations(Ns + ".GetKinds")));
        Assert.Single(getKinds.Parameters);
        Assert.Equal("Collection(Edm.String)", getKinds.GetReturn().Type.FullName());

        // A parameter's own type/enum become its schema; a file answer is a stream.
        var export = Assert.Single(model.FindDeclaredOperations(Ns + ".Export"));
        Assert.Equal(Ns + ".ExportKind", export.Parameters.ElementAt(1).Type.FullName());
        Assert.Equal("Edm.Stream", export.GetReturn().Type.FullName());

        // Multipart form data is not an OData action body.
        Assert.Empty(model.FindDeclaredOperations(Ns + ".Upload"));

        // A payload no path uses stays (like the cloud spec's webhook events); the request plumbing and what only it reaches do not.
        Assert.NotNull(model.FindDeclaredType(Ns + ".WidgetPolishedEventDto"));
        Assert.Null(model.FindDeclaredType(Ns + ".ODataQueryOptionsOfWidgetDto"));
        Assert.Null(model.FindDeclaredType(Ns + ".ODataQueryContext"));
        Assert.Null(model.FindDeclaredType(Ns + ".IEdmModel"));
        Assert.DoesNotContain("description", edmx, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Upgrading_leaves_the_source_document_untouched_and_is_deterministic()
    {
        var source = JsonNode.Parse(Document)!;
        var before = source.ToJsonString();

        var first = OrchestratorEdmxConverter.Convert(source).Edmx;
        var second = OrchestratorEdmxConverter.Convert(source).Edmx;

        Assert.Equal(before, source.ToJsonString());
        Assert.Equal(first, second);
    }

    private static IEdmModel Convert(out string edmx)
    {
        edmx = OrchestratorEdmxConverter.Convert(JsonNode.Parse(Document)!).Edmx;
        using var reader = XmlReader.Create(new System.IO.StringReader(edmx));
        Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("\n", errors ?? Enumerable.Empty<EdmError>()));
        Assert.True(model.Validate(out var validationErrors), string.Join("\n", validationErrors));
        return model;
    }
}
