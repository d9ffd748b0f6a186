using System;
using System.Linq;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Readers.OpenApi;

namespace UiPathClients.Generator.Tests.Readers.OpenApi;

/// <summary>
/// JSON pointer → line and column in the spec's own text, for JSON and YAML. Lines and columns in the
/// assertions are 1-based, as an editor shows them; each also checks the span's offset lands on the text named.
/// </summary>
public sealed class JsonPointerLocatorTests
{
    private const string Json = """
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

    // The last line breaks the YAML: everything before it must still be found.
    private const string Yaml = """
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
            - not valid YAML from here on
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
        var position = JsonPointerLocator.ForJson("spec.json", Json).Locate(pointer);

        AssertAt(Json, position, line, column, named);
    }

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get/tags/0", 6, 18, "\"a\"")]
    [InlineData("#/paths/~1pets~1{id}/get/tags/2", 7, 18, "\"c\"")]
    public void Json_array_items_point_at_their_value(string pointer, int line, int column, string named)
    {
        var position = JsonPointerLocator.ForJson("spec.json", Json).Locate(pointer);

        Assert.Equal((line, column), (position.Line + 1, position.Column + 1));
        Assert.Equal(named, Json.Substring(position.Start, named.Length));
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
        var position = JsonPointerLocator.ForJson("spec.json", Json).Locate(pointer);

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
        var position = JsonPointerLocator.ForJson("spec.json", Json).Locate(pointer);

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
        var position = JsonPointerLocator.ForYaml("spec.yaml", Yaml).Locate(pointer);

        AssertAt(Yaml, position, line, column, named);
    }

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get/tags/1", 5, 17, "b")]
    [InlineData("#/paths/~1pets~1{id}/get/tags/2", 6, 14, "c")]
    public void Yaml_sequence_items_point_at_their_value(string pointer, int line, int column, string named)
    {
        var position = JsonPointerLocator.ForYaml("spec.yaml", Yaml).Locate(pointer);

        AssertAt(Yaml, position, line, column, named);
    }

    [Fact]
    public void Yaml_whitespace_only_lines_deeper_than_their_block_scalar_are_read_as_YamlToJson_reads_them()
    {
        const string Text = "info:\n  description: |\n          \n    text\n  title: t\n";

        AssertAt(Text, JsonPointerLocator.ForYaml("spec.yaml", Text).Locate("#/info/title"), 5, 3, "title");
    }

    [Fact]
    public void Yaml_block_sequences_of_mappings_are_indexed()
    {
        const string Text = "servers:\n  - url: https://a\n  - url: https://b\n    description: second\n";

        var locator = JsonPointerLocator.ForYaml("spec.yaml", Text);

        AssertAt(Text, locator.Locate("#/servers/1/description"), 4, 5, "description");
        Assert.Equal(3, locator.Locate("#/servers/1").Line + 1);
        Assert.Equal(1, locator.Locate("#/servers/2").Line + 1);
    }

    [Fact]
    public void Yaml_complex_keys_and_aliases_do_not_derail_the_tree()
    {
        const string Text = "base: &b\n  x: 1\n? [a, b]\n: ignored\ncopy: *b\nafter:\n  y: 2\n";

        var locator = JsonPointerLocator.ForYaml("spec.yaml", Text);

        AssertAt(Text, locator.Locate("#/after/y"), 7, 3, "y");
        AssertAt(Text, locator.Locate("#/copy/x"), 5, 1, "copy");
    }

    [Fact]
    public void Unresolved_references_point_at_their_ref_member()
    {
        var json = JsonPointerLocator.ForJson("spec.json", Json);
        AssertAt(Json, json.LocateReference("#/components/schemas/Missing", "Missing"), 15, 41, "\"$ref\"");

        // OpenAPI 2.0 writes #/definitions/X; Microsoft.OpenApi reports it as #/components/schemas/X.
        const string Swagger = "swagger: '2.0'\ndefinitions:\n  Pet:\n    properties:\n      owner:\n        $ref: '#/definitions/Person'\n";
        var yaml = JsonPointerLocator.ForYaml("spec.yaml", Swagger);
        AssertAt(Swagger, yaml.LocateReference("#/components/schemas/Person", "Person"), 6, 9, "$ref");
        Assert.Equal(SpecPosition.StartOf("spec.yaml"), yaml.LocateReference("#/components/schemas/Nobody", "Nobody"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{{{{")]
    [InlineData("{\"x\" 1}")]
    [InlineData("{\"x\": {\"/a\": \"unterminated")]
    [InlineData("{\"x\": \"\\")]
    [InlineData("\"\\u12")]
    [InlineData("[1, 2,, 3]")]
    [InlineData("}")]
    public void Garbage_json_falls_back_to_the_start_of_the_file(string text)
    {
        var locator = JsonPointerLocator.ForJson("spec.json", text);

        Assert.Equal(SpecPosition.StartOf("spec.json"), locator.Locate("#/paths/~1a/get"));
        Assert.Equal(SpecPosition.StartOf("spec.json"), locator.LocateReference("#/x", "x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("x: [\n  /a: {\n")]
    [InlineData("\t- : : :\n  ]]]")]
    [InlineData("%YAML 9.9\n---\n")]
    [InlineData("just a scalar")]
    public void Garbage_yaml_falls_back_to_the_start_of_the_file(string text)
    {
        var locator = JsonPointerLocator.ForYaml("spec.yaml", text);

        Assert.Equal(SpecPosition.StartOf("spec.yaml"), locator.Locate("#/paths/~1a/get"));
    }

    [Fact]
    public void Truncated_json_still_locates_what_was_read_before_the_fault()
    {
        const string Text = "{\n  \"info\": {\"title\": \"t\"},\n  \"paths\": {\n    \"/a\": {\"get\": ";

        var position = JsonPointerLocator.ForJson("spec.json", Text).Locate("#/paths/~1a/get/responses");

        AssertAt(Text, position, 4, 12, "\"get\"");
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var json = new string('[', 200_000) + new string(']', 200_000);
        var yaml = new string('[', 20_000) + new string(']', 20_000);

        var pointer = "#" + string.Concat(Enumerable.Repeat("/0", 1000));
        Assert.Equal(0, JsonPointerLocator.ForJson("spec.json", json).Locate(pointer).Line);
        Assert.Equal(0, JsonPointerLocator.ForYaml("spec.yaml", yaml).Locate(pointer).Line);
    }

    [Fact]
    public void Crlf_line_ends_count_once()
    {
        var text = Json.Replace("\n", "\r\n", StringComparison.Ordinal);

        AssertAt(text, JsonPointerLocator.ForJson("spec.json", text).Locate("#/paths/~1pets~1{id}/get"), 5, 7, "\"get\"");
    }

    private static void AssertAt(string text, SpecPosition position, int line, int column, string named)
    {
        Assert.Equal((line, column), (position.Line + 1, position.Column + 1));
        Assert.Equal(named, text.Substring(position.Start, position.Length));
    }
}
