using System;
using System.Text.Json.Nodes;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Readers.OpenApi;

namespace UiPathClients.Generator.Tests.Readers.OpenApi;

/// <summary>
/// JSON pointer → line and column in the spec's own text, for JSON and YAML, from the tree the text was read into once.
/// Lines and columns in the assertions are 1-based, as an editor shows them; each also checks the span's offset lands on
/// the text named.
/// </summary>
public sealed class SpecTreeTests
{
    private const string JsonText = """
        {
          "openapi": "3.0.3",
          "paths": {
            "/pets/{id}": {
              "get": {
                "tags": ["a", "b",
                         "c"],
                "responses": {
                  "200": { "description": "ok" }
                }
              }
            },
            "a~b": { "x\/y": 1, "caf\u00e9": 2 }
          },
          "components": { "schemas": { "Pet": { "$ref": "#/components/schemas/Missing" } } }
        }
        """;

    private const string YamlText = """
        openapi: 3.0.3
        paths:
          /pets/{id}:
            get:
              tags: [a, b,
                     c]
              responses:

                '200':
                  description: ok
          a~b:
            "x/y": 1
        """;

    [Theory]
    [InlineData("#/openapi", 2, 3, "\"openapi\"")]
    [InlineData("#/paths/~1pets~1{id}/get", 5, 7, "\"get\"")]
    [InlineData("#/paths/~1pets~1{id}/get/responses/200/description", 9, 20, "\"description\"")]
    [InlineData("/paths/~1pets~1{id}/get/responses", 8, 9, "\"responses\"")]
    [InlineData("spec.json#/paths/~1pets~1%7Bid%7D", 4, 5, "\"/pets/{id}\"")]
    [InlineData("#/paths/a~0b/x~1y", 13, 14, "\"x\\/y\"")]
    [InlineData("#/paths/a~0b/café", 13, 25, "\"caf\\u00e9\"")]
    public void Json_members_point_at_their_name(string pointer, int line, int column, string named)
    {
        var position = Json(JsonText).Locate(pointer);

        AssertAt(JsonText, position, line, column, named);
    }

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get/tags/0", 6, 18, "\"a\"")]
    [InlineData("#/paths/~1pets~1{id}/get/tags/2", 7, 18, "\"c\"")]
    public void Json_array_items_point_at_their_value(string pointer, int line, int column, string named)
    {
        var position = Json(JsonText).Locate(pointer);

        Assert.Equal((line, column), (position.Line + 1, position.Column + 1));
        Assert.Equal(named, JsonText.Substring(position.Start, named.Length));
    }

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get/responses/404/description", 8, 9)]
    [InlineData("#/paths/~1pets~1{id}/get/tags/3", 6, 9)]
    [InlineData("#/paths/~1pets~1{id}/get/tags/01", 6, 9)]
    [InlineData("#/paths/~1pets~1{id}/get/tags/-", 6, 9)]
    [InlineData("#/paths/~1pets~1{id}/get/tags/x", 6, 9)]
    [InlineData("#/paths/~1cats", 3, 3)]
    public void A_missing_tail_lands_on_the_deepest_node_that_exists(string pointer, int line, int column)
    {
        var position = Json(JsonText).Locate(pointer);

        Assert.Equal((line, column), (position.Line + 1, position.Column + 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("#/")]
    [InlineData("#/nothing/here")]
    [InlineData("paths")]
    public void A_pointer_that_names_nothing_is_the_start_of_the_file(string? pointer)
    {
        var position = Json(JsonText).Locate(pointer);

        Assert.Equal(SpecPosition.StartOf("spec.json"), position);
    }

    [Theory]
    [InlineData("#/openapi", 1, 1, "openapi")]
    [InlineData("#/paths/~1pets~1{id}/get", 4, 5, "get")]
    [InlineData("#/paths/~1pets~1{id}/get/responses/200", 9, 9, "'200'")]
    [InlineData("#/paths/~1pets~1{id}/get/responses/200/description", 10, 11, "description")]
    [InlineData("#/paths/~1pets~1{id}/get/responses/201", 7, 7, "responses")]
    [InlineData("#/paths/a~0b/x~1y", 12, 5, "\"x/y\"")]
    public void Yaml_members_point_at_their_name(string pointer, int line, int column, string named)
    {
        var position = Yaml(YamlText).Locate(pointer);

        AssertAt(YamlText, position, line, column, named);
    }

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get/tags/1", 5, 17, "b")]
    [InlineData("#/paths/~1pets~1{id}/get/tags/2", 6, 14, "c")]
    public void Yaml_sequence_items_point_at_their_value(string pointer, int line, int column, string named)
    {
        var position = Yaml(YamlText).Locate(pointer);

        AssertAt(YamlText, position, line, column, named);
    }

    [Fact]
    public void Yaml_whitespace_only_lines_deeper_than_their_block_scalar_are_read_as_YamlToJson_reads_them()
    {
        const string Text = "info:\n  description: |\n          \n    text\n  title: t\n";

        AssertAt(Text, Yaml(Text).Locate("#/info/title"), 5, 3, "title");
    }

    [Fact]
    public void Yaml_block_sequences_of_mappings_are_indexed()
    {
        const string Text = "servers:\n  - url: https://a\n  - url: https://b\n    description: second\n";

        var locator = Yaml(Text);

        AssertAt(Text, locator.Locate("#/servers/1/description"), 4, 5, "description");
        Assert.Equal(3, locator.Locate("#/servers/1").Line + 1);
        Assert.Equal(1, locator.Locate("#/servers/2").Line + 1);
    }

    [Fact]
    public void Yaml_aliases_point_at_where_the_alias_is_written()
    {
        const string Text = "base: &b\n  x: 1\ncopy: *b\nafter:\n  y: 2\n";

        var tree = Yaml(Text);

        AssertAt(Text, tree.Locate("#/after/y"), 5, 3, "y");
        AssertAt(Text, tree.Locate("#/copy/x"), 3, 1, "copy");
    }

    [Fact]
    public void Null_members_and_items_are_located_too()
    {
        const string JsonNulls = "{\n  \"a\": null,\n  \"b\": [1, null]\n}";
        const string YamlNulls = "a:\nb: [1, ~]\n";

        AssertAt(JsonNulls, Json(JsonNulls).Locate("#/a"), 2, 3, "\"a\"");
        Assert.Equal((3, 12), Line(Json(JsonNulls).Locate("#/b/1")));
        AssertAt(YamlNulls, Yaml(YamlNulls).Locate("#/a"), 1, 1, "a");
        Assert.Equal((2, 8), Line(Yaml(YamlNulls).Locate("#/b/1")));
    }

    [Fact]
    public void Unresolved_references_point_at_their_ref_member()
    {
        AssertAt(JsonText, Json(JsonText).LocateReference("#/components/schemas/Missing", "Missing"), 15, 41, "\"$ref\"");

        // OpenAPI 2.0 writes #/definitions/X; Microsoft.OpenApi reports it as #/components/schemas/X.
        const string Swagger = "swagger: '2.0'\ndefinitions:\n  Pet:\n    properties:\n      owner:\n        $ref: '#/definitions/Person'\n";
        var yaml = Yaml(Swagger);
        AssertAt(Swagger, yaml.LocateReference("#/components/schemas/Person", "Person"), 6, 9, "$ref");
        Assert.Equal(SpecPosition.StartOf("spec.yaml"), yaml.LocateReference("#/components/schemas/Nobody", "Nobody"));
    }

    [Fact]
    public void Json_an_object_naming_a_member_twice_leaves_what_comes_before_it_located()
    {
        // JsonObject refuses to open such an object; the pre-checks report it, and may report the version before it.
        const string Text = "{\n  \"openapi\": 3,\n  \"paths\": { \"/a\": {}, \"/a\": {} }\n}";

        var tree = Json(Text);

        AssertAt(Text, tree.Locate("#/openapi"), 2, 3, "\"openapi\"");
        AssertAt(Text, tree.Locate("#/paths"), 3, 3, "\"paths\"");
    }

    [Fact]
    public void Nodes_copied_after_the_read_have_no_place_of_their_own()
    {
        var tree = Json(JsonText);
        var paths = (JsonObject)tree.Root!["paths"]!;
        paths["/copy"] = paths["/pets/{id}"]!.DeepClone();

        Assert.Equal((3, 3), Line(tree.Locate("#/paths/~1copy/get")));
    }

    [Fact]
    public void Crlf_line_ends_count_once()
    {
        var text = JsonText.Replace("\n", "\r\n", StringComparison.Ordinal);

        AssertAt(text, Json(text).Locate("#/paths/~1pets~1{id}/get"), 5, 7, "\"get\"");
    }

    private static SpecTree Json(string text) => SpecTree.FromJson("spec.json", text, JsonNode.Parse(text));

    private static SpecTree Yaml(string text) => SpecTree.FromYaml("spec.yaml", text);

    private static (int Line, int Column) Line(SpecPosition position) => (position.Line + 1, position.Column + 1);

    private static void AssertAt(string text, SpecPosition position, int line, int column, string named)
    {
        Assert.Equal((line, column), (position.Line + 1, position.Column + 1));
        Assert.Equal(named, text.Substring(position.Start, position.Length));
    }
}
