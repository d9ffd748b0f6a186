using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using UiPathClients.SpecTools.Orchestrator;

namespace UiPathClients.SpecTools.Tests.Orchestrator;

/// <summary>
/// The mapping rules on a small document shaped like Orchestrator's, including the shapes the
/// real v20.0 description does not happen to contain (unbound operations, singletons, inline objects).
/// </summary>
public sealed class ConversionRuleTests
{
    private const string Ns = "UiPath.Server.Configuration.OData";

    private const string Document = """
        openapi: 3.0.1
        info: { title: Widgets, version: '1' }
        paths:
          /odata/Widgets:
            get:
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ODataValueOfIEnumerableOfWidgetDto' } } } }
          /odata/Widgets({key}):
            get:
              parameters: [ { name: key, in: path, required: true, schema: { type: integer, format: int64 } } ]
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/WidgetDto' } } } }
          /odata/Widgets({key})/UiPath.Server.Configuration.OData.Polish:
            post:
              parameters: [ { name: key, in: path, required: true, schema: { type: integer, format: int64 } } ]
              requestBody:
                content: { application/json: { schema: { $ref: '#/components/schemas/WidgetsPolishRequest' } } }
              responses:
                '204': { description: done }
          /odata/Widgets/UiPathODataSvc.Count(color='{color}'):
            get:
              parameters:
                - { name: color, in: path, required: true, schema: { type: string } }
                - { name: deep, in: query, schema: { type: boolean } }
                - { name: $top, in: query, schema: { type: integer } }
                - { name: X-UIPATH-OrganizationUnitId, in: header, schema: { type: integer } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ODataValueOfInt64' } } } }
          /odata/Widgets/UiPath.Server.Configuration.OData.RecolorByKey(identifier={identifier}):
            post:
              parameters:
                - { name: identifier, in: path, required: true, schema: { type: string, format: uuid } }
                - { name: force, in: query, schema: { type: boolean } }
              requestBody:
                content: { application/json: { schema: { type: object, properties: { color: { type: string } } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ODataValueOfInt64' } } } }
          /odata/Widgets/UiPath.Server.Configuration.OData.Fire:
            post:
              requestBody:
                content: { application/json: { schema: { type: object, additionalProperties: { type: object } } } }
              responses:
                '200': { description: ok }
          /odata/Settings:
            get:
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/TenantSettingsDto' } } } }
          /odata/UiPath.Server.Configuration.OData.Reset:
            post:
              responses:
                '204': { description: done }
          /odata/GetVersion():
            get:
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ODataValueOfString' } } } }
        components:
          schemas:
            ODataValueOfIEnumerableOfWidgetDto:
              type: object
              properties: { value: { type: array, items: { $ref: '#/components/schemas/WidgetDto' } } }
            ODataValueOfInt64: { type: object, properties: { value: { type: integer, format: int64 } } }
            ODataValueOfString: { type: object, properties: { value: { type: string } } }
            WidgetDto:
              required: [ Name, Size ]
              type: object
              properties:
                Id: { type: integer, format: int64 }
                Name: { type: string }
                Size: { type: integer, format: int32 }
                State: { type: string, enum: [ Off, On ], x-enum-varnames: [ On, Off ], x-ms-enum: { name: WidgetDtoState } }
                Shape: { type: object, properties: { Sides: { type: integer } } }
                Extra: { type: object, additionalProperties: { type: object } }
                Loose: { type: object, properties: { } }
                Parent: { $ref: '#/components/schemas/WidgetDto' }
                Tags: { type: array, items: { type: string } }
            WidgetsPolishRequest:
              required: [ level ]
              type: object
              properties:
                level: { type: integer, format: int32 }
                state: { type: string, enum: [ Off, On ], x-enum-varnames: [ On, Off ], x-ms-enum: { name: WidgetState } }
            TenantSettingsDto:
              type: object
              properties: { Key: { type: string }, Culture: { type: string } }
        """;

    private static readonly ConversionResult Result = Convert();

    private static readonly IEdmModel Model = Parse(Result.Edmx);

    [Fact]
    public void Output_validates()
    {
        Assert.True(Model.Validate(out var errors), string.Join("\n", errors));
    }

    [Fact]
    public void Converting_twice_gives_the_same_text()
    {
        Assert.Equal(Result.Edmx, Convert().Edmx);
        Assert.DoesNotContain("\r", Result.Edmx, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Sets_and_singletons_come_from_their_paths()
    {
        var widgets = Model.EntityContainer.FindEntitySet("Widgets");
        var key = Assert.Single(widgets.EntityType.Key());
        Assert.Equal(Ns + ".WidgetDto", widgets.EntityType.FullName());
        Assert.Equal(("Id", "Edm.Int64", false), (key.Name, key.Type.FullName(), key.Type.IsNullable));

        var settings = Model.EntityContainer.FindSingleton("Settings");
        Assert.Equal(Ns + ".TenantSettingsDto", settings.EntityType.FullName());
        Assert.Equal("Key", Assert.Single(settings.EntityType.Key()).Name);
    }

    [Fact]
    public void Properties_follow_the_type_and_nullability_rules()
    {
        var widget = (IEdmEntityType)Model.FindDeclaredType(Ns + ".WidgetDto");
        string Describe(string name) => widget.FindProperty(name).Type.FullName() + (widget.FindProperty(name).Type.IsNullable ? "?" : "!");

        Assert.Equal("Edm.String?", Describe("Name"));          // required, but a reference value
        Assert.Equal("Edm.Int32!", Describe("Size"));           // required value type
        Assert.Equal(Ns + ".WidgetState?", Describe("State"));
        Assert.Equal(Ns + ".WidgetDtoShape?", Describe("Shape")); // inline object → named complex type
        Assert.Equal("Edm.Untyped?", Describe("Extra"));        // dictionary
        Assert.Equal("Edm.Untyped?", Describe("Loose"));        // object without declared members
        Assert.Equal("Collection(Edm.String)!", Describe("Tags")); // items are not null
        Assert.IsAssignableFrom<IEdmNavigationProperty>(widget.FindProperty("Parent"));
        Assert.Equal(EdmTypeKind.Complex, Model.FindDeclaredType(Ns + ".WidgetDtoShape").TypeKind);
    }

    [Fact]
    public void Enums_meeting_under_one_idiomatic_name_are_one_enum_valued_by_x_enum_varnames()
    {
        var state = Assert.IsAssignableFrom<IEdmEnumType>(Assert.Single(Model.SchemaElements.OfType<IEdmEnumType>()));

        Assert.Equal("WidgetState", state.Name);
        Assert.Equal(new[] { ("On", 0L), ("Off", 1L) }, state.Members.Select(member => (member.Name, member.Value.Value)));
    }

    [Fact]
    public void Bound_action_takes_the_members_of_its_body_wrapper()
    {
        var polish = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(Model.FindDeclaredOperations(Ns + ".Polish")));

        Assert.Equal(
            new[] { ("bindingParameter", Ns + ".WidgetDto", false), ("level", "Edm.Int32", false), ("state", Ns + ".WidgetState", true) },
            polish.Parameters.Select(parameter => (parameter.Name, parameter.Type.FullName(), parameter.Type.IsNullable)));
        Assert.Null(polish.GetReturn());
        Assert.Null(Model.FindDeclaredType(Ns + ".WidgetsPolishRequest"));
    }

    [Fact]
    public void Bound_function_takes_segment_and_optional_query_parameters_but_no_system_options_or_headers()
    {
        var count = Assert.IsAssignableFrom<IEdmFunction>(Assert.Single(Model.FindDeclaredOperations("UiPathODataSvc.Count")));

        Assert.Equal(new[] { "bindingParameter", "color", "deep" }, count.Parameters.Select(parameter => parameter.Name));
        Assert.Equal("Collection(" + Ns + ".WidgetDto)", count.Parameters.First().Type.FullName());
        Assert.IsNotAssignableFrom<IEdmOptionalParameter>(count.FindParameter("color"));
        Assert.IsAssignableFrom<IEdmOptionalParameter>(count.FindParameter("deep"));
        Assert.Equal("Edm.Int64", count.GetReturn().Type.FullName());
    }

    [Fact]
    public void Capabilities_say_which_requests_the_set_has()
    {
        var widgets = XDocument.Parse(Result.Edmx).Descendants().Single(element => element.Name.LocalName == "EntitySet" && (string?)element.Attribute("Name") == "Widgets");
        string? Restriction(string term, string property) => widgets.Elements()
            .Where(annotation => (string?)annotation.Attribute("Term") == "Org.OData.Capabilities.V1." + term)
            .Descendants().Where(value => (string?)value.Attribute("Property") == property)
            .Select(value => (string?)value.Attribute("Bool") ?? (string?)value.Attribute("EnumMember"))
            .SingleOrDefault();

        // GET on the collection and on the key; no POST, PUT, PATCH or DELETE; no path through a navigation property.
        Assert.Null(Restriction("ReadRestrictions", "Readable"));
        Assert.Equal("false", Restriction("InsertRestrictions", "Insertable"));
        Assert.Equal("false", Restriction("UpdateRestrictions", "Updatable"));
        Assert.Equal("false", Restriction("DeleteRestrictions", "Deletable"));
        Assert.Equal("Org.OData.Capabilities.V1.NavigationType/None", Restriction("NavigationRestrictions", "Navigability"));
    }

    [Fact]
    public void Parameters_outside_the_odata_place_say_where_they_go()
    {
        var edmx = XDocument.Parse(Result.Edmx);
        string? Location(string operation, string parameter) => edmx.Descendants()
            .Single(element => (string?)element.Attribute("Name") == operation && element.Name.LocalName is "Action" or "Function")
            .Elements().Single(element => (string?)element.Attribute("Name") == parameter)
            .Elements().Where(annotation => (string?)annotation.Attribute("Term") == "UiPathClients.V1.ParameterLocation")
            .Select(annotation => (string?)annotation.Attribute("String")).SingleOrDefault();

        Assert.Equal("Query", Location("Count", "deep"));
        Assert.Null(Location("Count", "color"));
        Assert.Equal("Segment", Location("RecolorByKey", "identifier"));
        Assert.Null(Location("RecolorByKey", "color"));
        Assert.Equal("Query", Location("RecolorByKey", "force"));
        var recolor = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(Model.FindDeclaredOperations(Ns + ".RecolorByKey")));
        Assert.Equal(new[] { "bindingParameter", "identifier", "color", "force" }, recolor.Parameters.Select(parameter => parameter.Name));
    }

    [Fact]
    public void Action_whose_body_declares_no_members_is_left_out_and_reported()
    {
        Assert.Empty(Model.FindDeclaredOperations(Ns + ".Fire"));
        Assert.Contains("Fire on Widgets", Result.Summary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unbound_operations_get_imports()
    {
        var reset = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(Model.FindDeclaredOperations(Ns + ".Reset")));
        var getVersion = Assert.IsAssignableFrom<IEdmFunction>(Assert.Single(Model.FindDeclaredOperations(Ns + ".GetVersion")));

        Assert.False(reset.IsBound);
        Assert.False(getVersion.IsBound);
        Assert.Equal("Edm.String", getVersion.GetReturn().Type.FullName());
        Assert.Single(Model.EntityContainer.OperationImports().OfType<IEdmActionImport>(), import => import.Action == reset);
        Assert.Single(Model.EntityContainer.OperationImports().OfType<IEdmFunctionImport>(), import => import.Function == getVersion);
        Assert.Equal(3, Result.BoundOperations); // Polish, Count, RecolorByKey
    }

    private static ConversionResult Convert()
    {
        using var reader = new StringReader(Document);
        return OrchestratorEdmxConverter.Convert(YamlJson.Parse(reader, "widgets.yaml"));
    }

    private static IEdmModel Parse(string edmx)
    {
        using var xml = XmlReader.Create(new StringReader(edmx));
        Assert.True(CsdlReader.TryParse(xml, out var model, out var errors), string.Join("\n", errors));
        return model;
    }
}
