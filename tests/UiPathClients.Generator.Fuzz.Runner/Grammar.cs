using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace UiPathClients.Generator.Fuzz;

/// <summary>
/// Hostile constructs written from scratch (no seed): cycles, depth, aliases, odd numbers, and hostile text or names in
/// each text and name slot of a small OpenAPI or EDMX template. Each rule takes the case's random source and returns
/// the document, its format and a label.
/// </summary>
internal static class Grammar
{
    private delegate (SpecFormat Format, string Label, string Text) Rule(Random random);

    private static readonly (string Name, Rule Apply, int Weight)[] Rules =
    {
        ("openapi text slot", OpenApiTextSlot, 8),
        ("openapi name slot", OpenApiNameSlot, 6),
        ("edmx text slot", EdmxTextSlot, 8),
        ("edmx name slot", EdmxNameSlot, 6),
        ("openapi allOf cycle", AllOfCycle, 2),
        ("openapi $ref cycle", RefCycle, 2),
        ("openapi deep allOf chain", DeepAllOfChain, 1),
        ("openapi deep nesting", DeepOpenApiNesting, 1),
        ("json deep arrays", DeepJsonArrays, 1),
        ("yaml deep nesting", DeepYaml, 1),
        ("yaml billion laughs", BillionLaughs, 1),
        ("yaml alias cycle", YamlAliasOddities, 2),
        ("openapi odd version", OddVersion, 2),
        ("openapi enum numbers", OpenApiEnumNumbers, 3),
        ("edmx enum overflow", EdmxEnumOverflow, 3),
        ("edmx base type cycle", EdmxBaseTypeCycle, 2),
        ("edmx deep base chain", EdmxDeepBaseChain, 1),
        ("xml deep nesting", DeepXml, 1),
        ("xml entity expansion", XmlEntities, 1),
        ("edmx duplicate property", EdmxDuplicates, 3),
        ("openapi duplicates", OpenApiDuplicates, 3),
    };

    public static (SpecFormat Format, string Label, string Text) Generate(Random random)
    {
        var pick = random.Next(Rules.Sum(rule => rule.Weight));
        foreach (var (name, apply, weight) in Rules)
        {
            if (pick < weight)
            {
                var (format, label, text) = apply(random);
                return (format, name + ": " + label, text);
            }

            pick -= weight;
        }

        throw new InvalidOperationException("unreachable");
    }

    // ---- OpenAPI templates -------------------------------------------------------------------------------------

    private static readonly string[] OpenApiTextSlots = { "info title", "info description", "server url", "path", "operation summary", "operation description", "operationId", "parameter name", "parameter description", "schema name", "schema title", "schema description", "property name", "property description", "enum value", "tag", "response description" };

    private static readonly string[] OpenApiNameSlots = { "path", "operationId", "parameter name", "schema name", "property name", "enum value", "tag" };

    private static string OpenApiTemplate(string slot, string value, string version = "3.0.3")
    {
        string V(string name, string fallback) => slot == name ? value : fallback;
        var schemaName = V("schema name", "Widget");
        return $$"""
            {
              "openapi": "{{version}}",
              "info": { "title": {{Q(V("info title", "Fuzz"))}}, "description": {{Q(V("info description", "An API."))}}, "version": "1" },
              "servers": [ { "url": {{Q(V("server url", "https://example.com/api"))}} } ],
              "tags": [ { "name": {{Q(V("tag", "widgets"))}} } ],
              "paths": {
                {{Q(V("path", "/widgets/{id}"))}}: {
                  "get": {
                    "tags": [ {{Q(V("tag", "widgets"))}} ],
                    "operationId": {{Q(V("operationId", "getWidget"))}},
                    "summary": {{Q(V("operation summary", "Gets a widget."))}},
                    "description": {{Q(V("operation description", "Gets one widget by id."))}},
                    "parameters": [
                      { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                      { "name": {{Q(V("parameter name", "filter"))}}, "in": "query", "description": {{Q(V("parameter description", "A filter."))}}, "schema": { "type": "string" } }
                    ],
                    "responses": {
                      "200": { "description": {{Q(V("response description", "The widget."))}}, "content": { "application/json": { "schema": { "$ref": {{Q("#/components/schemas/" + OpenApiText.EscapePointer(schemaName))}} } } } }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  {{Q(schemaName)}}: {
                    "type": "object",
                    "title": {{Q(V("schema title", "Widget"))}},
                    "description": {{Q(V("schema description", "A widget."))}},
                    "properties": {
                      {{Q(V("property name", "name"))}}: { "type": "string", "description": {{Q(V("property description", "The name."))}} },
                      "kind": { "type": "string", "enum": [ "small", {{Q(V("enum value", "large"))}} ] }
                    }
                  }
                }
              }
            }
            """;
    }

    /// <summary>A JSON string literal (every non-ASCII character raw: the document carries them as they are).</summary>
    private static string Q(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var character in value)
        {
            if (character is '"' or '\\')
            {
                builder.Append('\\').Append(character);
            }
            else if (character < 0x20 || char.IsSurrogate(character))
            {
                builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The same document as JSON or as YAML (through the tree writers), as the case's random source says.</summary>
    private static (SpecFormat, string) AsJsonOrYaml(Random random, string json)
    {
        if (random.Next(2) == 0)
        {
            return (SpecFormat.OpenApiJson, json);
        }

        return (SpecFormat.OpenApiYaml, OpenApiText.ToYaml(OpenApiText.Parse(json, yaml: false), escapeNonAscii: random.Next(2) == 0));
    }

    private static (SpecFormat, string, string) OpenApiTextSlot(Random random)
    {
        var slot = random.Pick(OpenApiTextSlots);
        var original = slot switch { "path" => "/widgets/{id}", "server url" => "https://example.com/api", _ => "text" };
        var (label, text) = Hostile.Text(random, original);
        var (format, document) = AsJsonOrYaml(random, OpenApiTemplate(slot, text));
        return (format, $"{label} in the {slot}", document);
    }

    private static (SpecFormat, string, string) OpenApiNameSlot(Random random)
    {
        var slot = random.Pick(OpenApiNameSlots);
        var (label, name) = random.Pick(Hostile.Names);
        if (slot == "path")
        {
            name = "/" + name;
        }

        var (format, document) = AsJsonOrYaml(random, OpenApiTemplate(slot, name));
        return (format, $"{label} as the {slot}", document);
    }

    private static string SchemasDocument(string version, IEnumerable<string> schemas)
    {
        var definitionsKey = version.StartsWith('2') ? "definitions" : "components";
        var versionKey = version.StartsWith('2') ? "swagger" : "openapi";
        var body = string.Join(",\n", schemas);
        var bag = version.StartsWith('2') ? $"\"definitions\": {{ {body} }}" : $"\"components\": {{ \"schemas\": {{ {body} }} }}";
        _ = definitionsKey;
        return $$"""{ "{{versionKey}}": "{{version}}", "info": { "title": "Fuzz", "version": "1" }, "paths": {}, {{bag}} }""";
    }

    private static string Ref(string version, string name) => (version.StartsWith('2') ? "#/definitions/" : "#/components/schemas/") + name;

    private static string RandomVersion(Random random) => random.Pick(new[] { "2.0", "3.0.3", "3.1.0" });

    private static (SpecFormat, string, string) AllOfCycle(Random random)
    {
        var version = RandomVersion(random);
        var length = 1 + random.Next(3);
        var schemas = Enumerable.Range(0, length).Select(i =>
            $$"""
            "S{{i}}": { "allOf": [ { "$ref": "{{Ref(version, "S" + ((i + 1) % length))}}" }, { "type": "object", "properties": { "p{{i}}": { "type": "string" } } } ] }
            """);
        var (format, text) = AsJsonOrYaml(random, SchemasDocument(version, schemas));
        return (format, $"{length}-schema cycle, OpenAPI {version}", text);
    }

    private static (SpecFormat, string, string) RefCycle(Random random)
    {
        var version = RandomVersion(random);
        var length = 1 + random.Next(3);
        var schemas = Enumerable.Range(0, length).Select(i => $$"""
            "S{{i}}": { "$ref": "{{Ref(version, "S" + ((i + 1) % length))}}" }
            """).Append($$"""
            "User": { "type": "object", "properties": { "s": { "$ref": "{{Ref(version, "S0")}}" }, "items": { "type": "array", "items": { "$ref": "{{Ref(version, "S0")}}" } } } }
            """);
        var (format, text) = AsJsonOrYaml(random, SchemasDocument(version, schemas));
        return (format, $"{length}-schema $ref cycle, OpenAPI {version}", text);
    }

    private static (SpecFormat, string, string) DeepAllOfChain(Random random)
    {
        var version = RandomVersion(random);
        // Far past the 64-type chain limit either way (3 to 15 restarted chains). The cap once kept a 3,000-type chain's
        // client (54 MB, when the JSON metadata repeated every inherited property per type) inside the 10 s budget on a
        // loaded host; the metadata now lists each property once, but more types would still measure the host's load
        // more than the generator, and 1,000 already restarts the chain 15 times.
        var depth = random.Pick(new[] { 200, 500, 1000 });
        var schemas = Enumerable.Range(0, depth).Select(i => i == depth - 1
            ? $$"""  "S{{i}}": { "type": "object", "properties": { "root": { "type": "string" } } }"""
            : $$"""  "S{{i}}": { "allOf": [ { "$ref": "{{Ref(version, "S" + (i + 1))}}" }, { "type": "object", "properties": { "p{{i}}": { "type": "integer" } } } ] }""");
        return (SpecFormat.OpenApiJson, $"{depth} schemas each deriving from the next, OpenAPI {version}", SchemasDocument(version, schemas));
    }

    private static (SpecFormat, string, string) DeepOpenApiNesting(Random random)
    {
        var depth = random.Pick(new[] { 100, 1000, 5000 });
        var shape = random.Pick(new[] { "properties", "items", "allOf", "additionalProperties" });
        var open = shape switch
        {
            "properties" => """{ "type": "object", "properties": { "p": """,
            "items" => """{ "type": "array", "items": """,
            "allOf" => """{ "allOf": [ """,
            _ => """{ "type": "object", "additionalProperties": """,
        };
        var close = shape switch { "properties" => "} }", "allOf" => "] }", _ => "}" };
        var schema = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            schema.Append(open);
        }

        schema.Append("""{ "type": "string" }""");
        for (var i = 0; i < depth; i++)
        {
            schema.Append(close);
        }

        var document = SchemasDocument("3.0.3", new[] { $"\"Deep\": {schema}" });
        return (SpecFormat.OpenApiJson, $"{depth} levels of inline {shape}", document);
    }

    private static (SpecFormat, string, string) DeepJsonArrays(Random random)
    {
        var depth = random.Pick(new[] { 1000, 10000, 100000 });
        var text = """{ "openapi": "3.0.3", "info": { "title": "Fuzz", "version": "1" }, "paths": {}, "x-deep": """ + new string('[', depth) + new string(']', depth) + " }";
        return (SpecFormat.OpenApiJson, $"{depth} nested arrays in an extension", text);
    }

    private static (SpecFormat, string, string) DeepYaml(Random random)
    {
        var depth = random.Pick(new[] { 1000, 10000, 50000 });
        var block = random.Next(2) == 0;
        var builder = new StringBuilder("openapi: 3.0.3\ninfo: { title: Fuzz, version: '1' }\npaths: {}\nx-deep:");
        if (block)
        {
            depth = Math.Min(depth, 3000);
            for (var i = 1; i <= depth; i++)
            {
                builder.Append('\n').Append(' ', i).Append("a:");
            }

            builder.Append(" leaf\n");
        }
        else
        {
            builder.Append(' ').Append('[', depth).Append(']', depth).Append('\n');
        }

        return (SpecFormat.OpenApiYaml, $"{depth} levels of {(block ? "block mappings" : "flow sequences")}", builder.ToString());
    }

    private static (SpecFormat, string, string) BillionLaughs(Random random)
    {
        var levels = random.Pick(new[] { 5, 7, 9 });
        var builder = new StringBuilder("openapi: 3.0.3\ninfo: { title: Fuzz, version: '1' }\npaths: {}\nx-lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= levels; level++)
        {
            builder.Append("x-lol").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 10))).Append("]\n");
        }

        var placement = random.Next(2) == 0 ? "an extension" : "a schema example";
        if (placement != "an extension")
        {
            builder.Append("components:\n  schemas:\n    Lol:\n      type: object\n      example: *l").Append(levels).Append('\n');
        }

        return (SpecFormat.OpenApiYaml, $"10^{levels + 1} expansion in {placement} ({builder.Length} bytes)", builder.ToString());
    }

    private static (SpecFormat, string, string) YamlAliasOddities(Random random)
    {
        var head = "openapi: 3.0.3\ninfo: { title: Fuzz, version: '1' }\n";
        var variants = new (string Label, string Text)[]
        {
            ("alias inside its own anchor", head + "paths: {}\ncomponents:\n  schemas:\n    Self: &self\n      type: object\n      properties:\n        me: *self\n"),
            ("alias to an undefined anchor", head + "paths: *nowhere\n"),
            ("anchor redefined", head + "x-a: &a 1\nx-b: &a 2\npaths: {}\ncomponents: { schemas: { A: { type: object, properties: { p: *a } } } }\n"),
            ("alias as a mapping key", head + "x-k: &k name\npaths: {}\ncomponents: { schemas: { A: { type: object, properties: { *k : { type: string } } } } }\n"),
            ("complex mapping key", head + "paths: {}\ncomponents:\n  schemas:\n    ? [a, b]\n    : { type: object }\n"),
            ("merge key", head + "paths: {}\ncomponents:\n  schemas:\n    Base: &base { type: object, properties: { a: { type: string } } }\n    Child:\n      <<: *base\n      description: merged\n"),
            ("duplicate keys", head + "paths: {}\npaths: {}\ncomponents: { schemas: { A: { type: object }, A: { type: string } } }\n"),
            ("custom tags", head + "paths: !!binary aGVsbG8=\ncomponents: !custom { schemas: {} }\n"),
            ("two documents", head + "paths: {}\n---\nopenapi: 3.0.3\n"),
            ("tab indentation", head + "paths:\n\t/x: {}\n"),
            ("schema alias shared twice", head + "paths: {}\ncomponents:\n  schemas:\n    A: &a { type: object, properties: { x: { type: integer } } }\n    B: *a\n    C: { allOf: [ *a, *a ] }\n"),
        };
        var (label, text) = random.Pick(variants);
        return (SpecFormat.OpenApiYaml, label, text);
    }

    private static (SpecFormat, string, string) OddVersion(Random random)
    {
        var versions = new[] { "\"4.0\"", "\"3.2.0\"", "\"3.1.99\"", "\"2.1\"", "\"1.2\"", "\"\"", "3", "3.0", "null", "[]", "{}", "\"3.0.0\\u2028\"", "\"3.0.0-rc0\"" };
        var version = random.Pick(versions);
        var key = random.Next(3) == 0 ? "swagger" : "openapi";
        var text = $$"""{ "{{key}}": {{version}}, "info": { "title": "Fuzz", "version": "1" }, "paths": { "/x": { "get": { "responses": { "200": { "description": "ok" } } } } } }""";
        var (format, document) = AsJsonOrYaml(random, text);
        return (format, $"{key}: {version}", document);
    }

    private static (SpecFormat, string, string) OpenApiEnumNumbers(Random random)
    {
        var format = random.Pick(new[] { "int32", "int64", "", "int16", "uint8", "double", "decimal" });
        var type = random.Next(4) == 0 ? "number" : "integer";
        var values = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Pick(Hostile.Numbers)).Select(n => n.Length == 0 ? "\"\"" : n).ToList();
        var formatMember = format.Length == 0 ? string.Empty : $", \"format\": \"{format}\"";
        var text = SchemasDocument("3.0.3", new[] { $$"""
            "Level": { "type": "{{type}}"{{formatMember}}, "enum": [ 0, {{string.Join(", ", values)}} ] },
            "Holder": { "type": "object", "properties": { "level": { "$ref": "#/components/schemas/Level" }, "max": { "type": "integer", "maximum": {{values[0]}}, "default": {{values[0]}} } } }
            """ });
        var (documentFormat, document) = random.Next(2) == 0 ? (SpecFormat.OpenApiJson, text) : (SpecFormat.OpenApiYaml, text.Replace("\"enum\"", "enum", StringComparison.Ordinal));
        return (documentFormat, $"{type}/{(format.Length == 0 ? "no format" : format)} enum [0, {string.Join(", ", values)}]", document);
    }

    private static (SpecFormat, string, string) OpenApiDuplicates(Random random)
    {
        var variants = new (string Label, string Schemas)[]
        {
            ("properties differing by case", "\"A\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" }, \"Name\": { \"type\": \"integer\" } } }"),
            ("properties equal after naming", "\"A\": { \"type\": \"object\", \"properties\": { \"first-name\": { \"type\": \"string\" }, \"first_name\": { \"type\": \"string\" }, \"firstName\": { \"type\": \"string\" }, \"FirstName\": { \"type\": \"string\" } } }"),
            ("property named as its type", "\"Item\": { \"type\": \"object\", \"properties\": { \"item\": { \"type\": \"string\" }, \"Item\": { \"type\": \"string\" } } }"),
            ("enum values equal after naming", "\"E\": { \"type\": \"string\", \"enum\": [ \"a-b\", \"a_b\", \"A_B\", \"aB\", \"\", \" \", \"1\", \"_1\" ] }"),
            ("schemas equal after naming", "\"my-type\": { \"type\": \"object\" }, \"my_type\": { \"type\": \"object\" }, \"MyType\": { \"type\": \"object\" }, \"myType\": { \"type\": \"string\" }"),
            ("duplicate JSON keys", "\"A\": { \"type\": \"object\" }, \"A\": { \"type\": \"string\" }"),
            ("schema named like generated code", "\"Client\": { \"type\": \"object\" }, \"JsonContext\": { \"type\": \"object\" }, \"Object\": { \"type\": \"object\" }, \"String\": { \"type\": \"object\", \"properties\": { \"String\": { \"type\": \"string\" } } }"),
        };
        var (label, schemas) = random.Pick(variants);
        var text = SchemasDocument("3.0.3", new[] { schemas });
        return (SpecFormat.OpenApiJson, label, text);
    }

    // ---- EDMX templates ----------------------------------------------------------------------------------------

    private static readonly string[] EdmxTextSlots = { "namespace", "alias", "entity type name", "property name", "navigation property name", "enum type name", "enum member name", "description", "long description", "entity set name", "action name", "parameter name", "container name", "key property name" };

    private static string EdmxTemplate(string slot, string value, string memberValue = "2", string underlying = "Edm.Int32")
    {
        string V(string name, string fallback) => System.Security.SecurityElement.Escape(slot == name ? value : fallback)!;
        var ns = V("namespace", "Fuzz.Model");
        var type = V("entity type name", "Widget");
        var key = V("key property name", "Id");
        var enumType = V("enum type name", "Size");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="{ns}" Alias="{V("alias", "Self")}" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EnumType Name="{enumType}" UnderlyingType="{underlying}">
                    <Member Name="Small" Value="1" />
                    <Member Name="{V("enum member name", "Large")}" Value="{System.Security.SecurityElement.Escape(memberValue)}" />
                  </EnumType>
                  <EntityType Name="{type}">
                    <Key><PropertyRef Name="{key}" /></Key>
                    <Property Name="{key}" Type="Edm.Int64" Nullable="false" />
                    <Property Name="{V("property name", "Title")}" Type="Edm.String">
                      <Annotation Term="Org.OData.Core.V1.Description" String="{V("description", "The title.")}" />
                      <Annotation Term="Org.OData.Core.V1.LongDescription"><String>{V("long description", "The long title.")}</String></Annotation>
                    </Property>
                    <Property Name="Size" Type="{ns}.{enumType}" />
                    <NavigationProperty Name="{V("navigation property name", "Parent")}" Type="{ns}.{type}" />
                  </EntityType>
                  <Action Name="{V("action name", "Polish")}" IsBound="true">
                    <Parameter Name="bindingParameter" Type="{ns}.{type}" />
                    <Parameter Name="{V("parameter name", "times")}" Type="Edm.Int32" />
                  </Action>
                  <EntityContainer Name="{V("container name", "Container")}">
                    <EntitySet Name="{V("entity set name", "Widgets")}" EntityType="{ns}.{type}" />
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;
    }

    private static (SpecFormat, string, string) EdmxTextSlot(Random random)
    {
        var slot = random.Pick(EdmxTextSlots);
        var (label, text) = Hostile.Text(random, "Text");
        return (SpecFormat.Edmx, $"{label} in the {slot}", EdmxTemplate(slot, text));
    }

    private static (SpecFormat, string, string) EdmxNameSlot(Random random)
    {
        var slot = random.Pick(EdmxTextSlots.Where(s => !s.Contains("description", StringComparison.Ordinal)).ToList());
        var (label, name) = random.Pick(Hostile.Names);
        return (SpecFormat.Edmx, $"{label} as the {slot}", EdmxTemplate(slot, name));
    }

    private static (SpecFormat, string, string) EdmxEnumOverflow(Random random)
    {
        var underlying = random.Pick(new[] { "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.String", "Edm.Nonsense" });
        var value = random.Pick(Hostile.Numbers);
        return (SpecFormat.Edmx, $"member value {value} in {underlying}", EdmxTemplate("none", string.Empty, value, underlying));
    }

    private static string EdmxTypes(IEnumerable<string> types) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="Fuzz" xmlns="http://docs.oasis-open.org/odata/ns/edm">
        {string.Join("\n", types)}
              <EntityContainer Name="Container"><EntitySet Name="Things" EntityType="Fuzz.T0" /></EntityContainer>
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """;

    private static (SpecFormat, string, string) EdmxBaseTypeCycle(Random random)
    {
        var length = 1 + random.Next(3);
        var kind = random.Next(2) == 0 ? "EntityType" : "ComplexType";
        var types = Enumerable.Range(0, length).Select(i =>
            $"""<{kind} Name="T{i}" BaseType="Fuzz.T{(i + 1) % length}"><Property Name="P{i}" Type="Edm.String" /></{kind}>""");
        if (kind == "ComplexType")
        {
            types = types.Append("""<EntityType Name="Holder"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="T" Type="Fuzz.T0" /></EntityType>""");
        }

        return (SpecFormat.Edmx, $"{length}-{kind} BaseType cycle", EdmxTypes(types));
    }

    private static (SpecFormat, string, string) EdmxDeepBaseChain(Random random)
    {
        // Far past the 64-type chain limit either way (3 to 15 restarted chains). The cap once kept a 3,000-type chain's
        // client (54 MB, when the JSON metadata repeated every inherited property per type) inside the 10 s budget on a
        // loaded host; the metadata now lists each property once, but more types would still measure the host's load
        // more than the generator, and 1,000 already restarts the chain 15 times.
        var depth = random.Pick(new[] { 200, 500, 1000 });
        var types = Enumerable.Range(0, depth).Select(i => i == depth - 1
            ? $"""<EntityType Name="T{i}"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /></EntityType>"""
            : $"""<EntityType Name="T{i}" BaseType="Fuzz.T{i + 1}"><Property Name="P{i}" Type="Edm.String" /></EntityType>""");
        return (SpecFormat.Edmx, $"{depth} entity types each deriving from the next", EdmxTypes(types));
    }

    private static (SpecFormat, string, string) DeepXml(Random random)
    {
        var depth = random.Pick(new[] { 1000, 20000, 100000 });
        var inside = random.Next(2) == 0 ? "Record" : "Unknown";
        var deep = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            deep.Append('<').Append(inside).Append('>');
        }

        for (var i = 0; i < depth; i++)
        {
            deep.Append("</").Append(inside).Append('>');
        }

        var text = EdmxTypes(new[] { $"""<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false"><Annotation Term="Core.Description">{deep}</Annotation></Property></EntityType>""" });
        return (SpecFormat.Edmx, $"{depth} nested <{inside}> elements", text);
    }

    private static (SpecFormat, string, string) XmlEntities(Random random)
    {
        var variants = new (string Label, string Dtd, string Use)[]
        {
            ("billion laughs", "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">]>", "&lol8;"),
            ("external entity", "<!DOCTYPE x [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>", "&ext;"),
            ("undeclared entity", string.Empty, "&nope;"),
            ("character reference to U+2028", string.Empty, "a&#x2028;public static int FuzzInjected =&gt; 1;&#x2028;"),
        };
        var (label, dtd, use) = random.Pick(variants);
        var text = EdmxTypes(new[] { $"""<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false"><Annotation Term="Org.OData.Core.V1.Description"><String>{use}</String></Annotation></Property></EntityType>""" });
        text = text.Replace("<edmx:Edmx ", dtd + "\n<edmx:Edmx ", StringComparison.Ordinal);
        return (SpecFormat.Edmx, label, text);
    }

    private static (SpecFormat, string, string) EdmxDuplicates(Random random)
    {
        var variants = new (string Label, string Types)[]
        {
            ("property declared twice", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="Name" Type="Edm.String" /><Property Name="Name" Type="Edm.String" /></EntityType>"""),
            ("properties differing by case", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="name" Type="Edm.String" /><Property Name="Name" Type="Edm.Int32" /></EntityType>"""),
            ("property and navigation property with one name", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="Parent" Type="Edm.String" /><NavigationProperty Name="Parent" Type="Fuzz.T0" /></EntityType>"""),
            ("property named as its type", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="T0" Type="Edm.String" /></EntityType>"""),
            ("derived type repeats a base property", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="Name" Type="Edm.String" /></EntityType><EntityType Name="T1" BaseType="Fuzz.T0"><Property Name="Name" Type="Edm.Int32" /></EntityType>"""),
            ("enum member declared twice", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="E" Type="Fuzz.E" /></EntityType><EnumType Name="E"><Member Name="A" Value="1" /><Member Name="A" Value="2" /><Member Name="a" Value="3" /></EnumType>"""),
            ("type declared twice", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /></EntityType><ComplexType Name="T0"><Property Name="X" Type="Edm.String" /></ComplexType>"""),
            ("key property missing", """<EntityType Name="T0"><Key><PropertyRef Name="Nope" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /></EntityType>"""),
            ("property named like a runtime member", """<EntityType Name="T0"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="ToString" Type="Edm.String" /><Property Name="GetHashCode" Type="Edm.Int32" /><Property Name="Equals" Type="Edm.Boolean" /><Property Name="MemberwiseClone" Type="Edm.String" /></EntityType>"""),
        };
        var (label, types) = random.Pick(variants);
        return (SpecFormat.Edmx, label, EdmxTypes(new[] { types }));
    }
}
