using System.Linq;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// Names a spec may legally hold but C# does not take as written: characters valid inside an identifier but not at
/// its start (combining marks, connector punctuation other than <c>_</c>, format characters such as bidi controls),
/// characters valid nowhere (emoji, symbols), empty names, keywords, <c>value__</c> (the field every enum has), and
/// numbers out of range of their type. Each spec compiles cleanly.
/// </summary>
public sealed class HostileNameTests
{
    public static TheoryData<string> Names => new()
    {
        "\u0301accent",       // combining acute accent (Mn) first
        "\u0903mark",         // Devanagari visarga (Mc) first
        "\u203Ftie",          // undertie (Pc), a connector that is not '_'
        "\u200Bzero",         // zero-width space (Cf)
        "\u202Eevil\u202C",   // right-to-left override (Cf): Trojan Source
        "\u0660digit",        // Arabic-Indic digit zero (Nd) first
        "\u2167roman",        // Roman numeral eight (Nl)
        "\U0001F600smile",    // emoji (a surrogate pair)
        "\U0001D400bold",     // mathematical bold A (Lu, a surrogate pair)
        "",
        " ",
        "class",
        "value__",
        "@",
        "9",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void An_OpenApi_name_compiles_in_every_slot(string name)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(name);
        var other = System.Text.Json.JsonSerializer.Serialize(name + "2");
        var document = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Names", "version": "1" },
              "paths": {
                "/items/{p}": {
                  "get": {
                    "operationId": {{json}},
                    "tags": [ {{json}} ],
                    "parameters": [
                      { "name": "p", "in": "path", "required": true, "schema": { "type": "string" } },
                      { "name": {{json}}, "in": "query", "schema": { "$ref": "#/components/schemas/Choice" } },
                      { "name": {{other}}, "in": "header", "schema": { "type": "integer" } }
                    ],
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Model" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Model": {
                    "type": "object",
                    "properties": {
                      {{json}}: { "type": "string" },
                      {{other}}: { "$ref": "#/components/schemas/Choice" },
                      "Model": { "type": "integer" }
                    }
                  },
                  "Choice": { "type": "string", "enum": [ {{json}}, {{other}}, "value__", "Unknown" ] }
                }
              }
            }
            """;

        GeneratorHarness.AssertCompilesCleanly(GeneratorHarness.Run(new[] { new Spec("/specs/Names.json", document) }));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void An_Edmx_name_compiles_in_every_slot(string name)
    {
        var x = Xml(name);
        var y = Xml(name + "2");
        var document = $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Names" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EnumType Name="{{x}}E">
                    <Member Name="{{x}}" Value="1" />
                    <Member Name="{{y}}" Value="2" />
                    <Member Name="value__" Value="3" />
                  </EnumType>
                  <EntityType Name="{{x}}T">
                    <Key><PropertyRef Name="{{x}}" /></Key>
                    <Property Name="{{x}}" Type="Edm.Int32" Nullable="false" />
                    <Property Name="{{y}}" Type="Names.{{x}}E" />
                    <NavigationProperty Name="{{x}}Nav" Type="Names.{{x}}T" />
                  </EntityType>
                  <Action Name="{{x}}A" IsBound="true">
                    <Parameter Name="{{x}}" Type="Names.{{x}}T" />
                    <Parameter Name="{{y}}" Type="Edm.String" />
                  </Action>
                  <Function Name="{{x}}F" IsBound="true">
                    <Parameter Name="{{x}}" Type="Collection(Names.{{x}}T)" />
                    <Parameter Name="{{y}}" Type="Edm.Int32" Nullable="false" />
                    <ReturnType Type="Edm.String" />
                  </Function>
                  <EntityContainer Name="C">
                    <EntitySet Name="{{x}}S" EntityType="Names.{{x}}T" />
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;

        GeneratorHarness.AssertCompilesCleanly(GeneratorHarness.Run(new[] { new Spec("/specs/Names.edmx", document) }));
    }

    [Theory]
    [InlineData("Edm.Byte", "300", "UIPC0006")]
    [InlineData("Edm.Byte", "-1", "UIPC0006")]
    [InlineData("Edm.SByte", "200", "UIPC0006")]
    [InlineData("Edm.Int16", "40000", "UIPC0006")]
    [InlineData("Edm.Int32", "3000000000", "UIPC0006")]
    [InlineData("Edm.Int64", "9223372036854775807", "UIPC0008")] // the next member would be past Int64.MaxValue
    public void Enum_values_outside_the_underlying_type_do_not_break_the_build(string underlyingType, string value, string expectedDiagnostic)
    {
        var document = $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Values" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EnumType Name="Level" UnderlyingType="{{underlyingType}}">
                    <Member Name="Low" Value="0" />
                    <Member Name="High" Value="{{value}}" />
                    <Member Name="Next" />
                  </EnumType>
                  <EntityType Name="Thing">
                    <Key><PropertyRef Name="Id" /></Key>
                    <Property Name="Id" Type="Edm.Int32" Nullable="false" />
                    <Property Name="Level" Type="Values.Level" />
                  </EntityType>
                  <EntityContainer Name="C"><EntitySet Name="Things" EntityType="Values.Thing" /></EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;

        var run = GeneratorHarness.Run(new[] { new Spec("/specs/Values.edmx", document) });

        GeneratorHarness.AssertCompilesCleanly(run);
        Assert.Contains(run.Generator.Diagnostics, diagnostic => diagnostic.Id == expectedDiagnostic && diagnostic.GetMessage().Contains("Level", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("integer", "int32", "99999999999")]
    [InlineData("integer", "int32", "1.5")]
    [InlineData("integer", "int64", "1e400")]
    [InlineData("number", "float", "1e400")]
    [InlineData("number", "double", "-0")]
    public void A_single_value_parameter_out_of_its_type_compiles(string type, string format, string value)
    {
        var document = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Consts", "version": "1" },
              "paths": {
                "/items": {
                  "get": {
                    "operationId": "list",
                    "parameters": [ { "name": "v", "in": "query", "required": true, "schema": { "type": "{{type}}", "format": "{{format}}", "enum": [ {{value}} ] } } ],
                    "responses": { "204": { "description": "ok" } }
                  }
                }
              }
            }
            """;

        GeneratorHarness.AssertCompilesCleanly(GeneratorHarness.Run(new[] { new Spec("/specs/Consts.json", document) }));
    }

    [Theory]
    [InlineData("string", "true")]
    [InlineData("string", "1")]
    [InlineData("boolean", "\"yes\"")]
    [InlineData("integer", "\"7\"")]
    public void A_single_value_of_another_JSON_kind_than_its_schema_is_no_constant_and_compiles(string type, string value)
    {
        var document = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Kinds", "version": "1" },
              "paths": {
                "/items": {
                  "post": {
                    "operationId": "create",
                    "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } },
                    "responses": { "204": { "description": "ok" } }
                  }
                }
              },
              "components": { "schemas": { "Item": { "type": "object", "required": [ "status" ], "properties": { "status": { "type": "{{type}}", "enum": [ {{value}} ] } } } } }
            }
            """;

        GeneratorHarness.AssertCompilesCleanly(GeneratorHarness.Run(new[] { new Spec("/specs/Kinds.json", document) }));
    }

    private static string Xml(string text) => System.Security.SecurityElement.Escape(text)!;
}
