using System.Collections.Generic;
using System.Linq;
using System.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// Spec text reaches generated code in many places: doc comments, string literals (JSON names, paths, media types,
/// discriminators, patterns, server URLs), attribute arguments, identifiers and hint names. Every slot of an OpenAPI
/// and an EDMX document here holds each C# line terminator followed by a <c>[ModuleInitializer]</c>, plus the
/// characters that end a literal or a comment (<c>"</c>, <c>\</c>, <c>*/</c>, <c>{</c>); the output must compile
/// cleanly and hold no member or attribute the spec wrote.
/// </summary>
public sealed class SpecTextInjectionTests
{
    private const string Payload = "[global::System.Runtime.CompilerServices.ModuleInitializer] internal static void Injected() { } //";

    public static TheoryData<string> Terminators => new() { "\u2028", "\u2029", "\u0085", "\r", "\n", "\r\n" };

    [Theory]
    [MemberData(nameof(Terminators))]
    public void Every_OpenApi_text_slot_stays_data(string terminator)
    {
        var text = Hostile(terminator);
        var document = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": {{Json(text)}}, "version": {{Json(text)}}, "description": {{Json(text)}} },
              "servers": [ { "url": {{Json("https://api.example.com/" + text)}} } ],
              "tags": [ { "name": {{Json(text)}}, "description": {{Json(text)}} } ],
              "paths": {
                {{Json("/items" + text + "/{id" + text + "}")}}: {
                  "get": {
                    "operationId": {{Json("get" + text)}},
                    "tags": [ {{Json(text)}} ],
                    "summary": {{Json(text)}},
                    "description": {{Json(text)}},
                    "parameters": [
                      { "name": {{Json("id" + text)}}, "in": "path", "required": true, "description": {{Json(text)}}, "schema": { "type": "string", "pattern": {{Json(text)}} } },
                      { "name": {{Json("q" + text)}}, "in": "query", "description": {{Json(text)}}, "schema": { "type": "string", "enum": [ {{Json(text)}}, {{Json("b" + text)}} ], "default": {{Json(text)}} } },
                      { "name": {{Json("X-H" + text)}}, "in": "header", "description": {{Json(text)}}, "schema": { "type": "string" } }
                    ],
                    "responses": {
                      "200": { "description": {{Json(text)}}, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } },
                      "404": { "description": {{Json(text)}}, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
                    }
                  },
                  "post": {
                    "operationId": {{Json("post" + text)}},
                    "requestBody": { "description": {{Json(text)}}, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                    "responses": { "204": { "description": {{Json(text)}} } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Item": {
                    "type": "object",
                    "title": {{Json(text)}},
                    "description": {{Json(text)}},
                    "required": [ {{Json("name" + text)}} ],
                    "properties": {
                      {{Json("name" + text)}}: { "type": "string", "description": {{Json(text)}}, "pattern": {{Json(text)}}, "maxLength": 10 },
                      {{Json("kind" + text)}}: { "type": "string", "enum": [ {{Json(text)}}, {{Json("other" + text)}} ], "x-enum-varnames": [ {{Json("A" + text)}}, {{Json("B" + text)}} ] },
                      {{Json("count" + text)}}: { "type": "integer", "minimum": 1, "description": {{Json(text)}} }
                    }
                  },
                  "Problem": { "type": "object", "properties": { "message": { "type": "string", "description": {{Json(text)}} } } },
                  "Pet": {
                    "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                    "discriminator": { "propertyName": {{Json("type" + text)}}, "mapping": { {{Json("cat" + text)}}: "#/components/schemas/Cat", {{Json("dog" + text)}}: "#/components/schemas/Dog" } }
                  },
                  "Cat": { "type": "object", "description": {{Json(text)}}, "properties": { {{Json("type" + text)}}: { "type": "string" }, "lives": { "type": "integer" } } },
                  "Dog": { "type": "object", "properties": { {{Json("type" + text)}}: { "type": "string" }, "bark": { "type": "string", "description": {{Json(text)}} } } }
                }
              }
            }
            """;

        AssertStaysData(GeneratorHarness.Run(new[] { new Spec("/specs/Hostile.json", document) }), "Hostile");
    }

    [Theory]
    [MemberData(nameof(Terminators))]
    public void Every_Edmx_text_slot_stays_data(string terminator)
    {
        var text = Hostile(terminator);
        var x = Xml(text);
        var document = $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="{{Xml("Hostile.Ns" + text)}}" Alias="H" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EnumType Name="{{Xml("State" + text)}}">
                    <Member Name="{{Xml("On" + text)}}" Value="1"><Annotation Term="Org.OData.Core.V1.Description" String="{{x}}" /></Member>
                    <Member Name="{{Xml("Off" + text)}}" Value="2" />
                  </EnumType>
                  <ComplexType Name="{{Xml("Address" + text)}}">
                    <Property Name="{{Xml("Street" + text)}}" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Description" String="{{x}}" /></Property>
                  </ComplexType>
                  <EntityType Name="{{Xml("Thing" + text)}}">
                    <Key><PropertyRef Name="{{Xml("Id" + text)}}" /></Key>
                    <Property Name="{{Xml("Id" + text)}}" Type="Edm.Int64" Nullable="false" />
                    <Property Name="{{Xml("Name" + text)}}" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.LongDescription" String="{{x}}" /></Property>
                    <Property Name="{{Xml("State" + text)}}" Type="{{Xml("H.State" + text)}}" />
                    <Property Name="{{Xml("Home" + text)}}" Type="{{Xml("H.Address" + text)}}" />
                    <NavigationProperty Name="{{Xml("Parent" + text)}}" Type="{{Xml("H.Thing" + text)}}" />
                    <Annotation Term="Org.OData.Core.V1.Description" String="{{x}}" />
                  </EntityType>
                  <EntityType Name="{{Xml("Special" + text)}}" BaseType="{{Xml("H.Thing" + text)}}">
                    <Property Name="{{Xml("Extra" + text)}}" Type="Edm.String" />
                  </EntityType>
                  <Action Name="{{Xml("Start" + text)}}" IsBound="true">
                    <Parameter Name="{{Xml("bindingParameter" + text)}}" Type="{{Xml("Collection(H.Thing" + text + ")")}}" />
                    <Parameter Name="{{Xml("count" + text)}}" Type="Edm.Int32" Nullable="false" />
                    <ReturnType Type="{{Xml("H.Thing" + text)}}" />
                  </Action>
                  <Function Name="{{Xml("Find" + text)}}">
                    <Parameter Name="{{Xml("name" + text)}}" Type="Edm.String" />
                    <ReturnType Type="Edm.String" />
                  </Function>
                  <EntityContainer Name="{{Xml("Container" + text)}}">
                    <EntitySet Name="{{Xml("Things" + text)}}" EntityType="{{Xml("H.Thing" + text)}}">
                      <Annotation Term="Org.OData.Core.V1.Description" String="{{x}}" />
                    </EntitySet>
                    <Singleton Name="{{Xml("Me" + text)}}" Type="{{Xml("H.Thing" + text)}}" />
                    <FunctionImport Name="{{Xml("Find" + text)}}" Function="{{Xml("H.Find" + text)}}" />
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;

        AssertStaysData(GeneratorHarness.Run(new[] { new Spec("/specs/HostileOData.edmx", document) }), "HostileOData");
    }

    /// <summary>Each terminator, then code, plus the characters that end a string literal, a verbatim string, a comment or an interpolation hole.</summary>
    private static string Hostile(string terminator) => "x\"\\*/{}" + terminator + Payload + terminator + "\"\"\"@";

    private static void AssertStaysData(GeneratorRun run, string clientName)
    {
        Assert.True(
            run.Generator.Diagnostics.All(diagnostic => diagnostic.Severity != DiagnosticSeverity.Error),
            string.Join("\n", run.Generator.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
        GeneratorHarness.AssertCompilesCleanly(run);
        var generated = run.OutputCompilation.SyntaxTrees.Where(tree => tree.FilePath.Contains(clientName, System.StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(generated);
        var declaredNames = new List<string>();
        foreach (var tree in generated)
        {
            var root = tree.GetRoot();
            declaredNames.AddRange(root.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(method => method.Identifier.Text));
            Assert.DoesNotContain(root.DescendantNodes().OfType<AttributeSyntax>(), attribute => attribute.Name.ToString().Contains("ModuleInitializer", System.StringComparison.Ordinal));
        }

        Assert.DoesNotContain("Injected", declaredNames);
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>Attribute-value escaping, with CR, LF and NEL as character references so the XML parser keeps them.</summary>
    private static string Xml(string text) =>
        SecurityElement.Escape(text)!.Replace("\r", "&#xD;").Replace("\n", "&#xA;").Replace("\u0085", "&#x85;");
}
