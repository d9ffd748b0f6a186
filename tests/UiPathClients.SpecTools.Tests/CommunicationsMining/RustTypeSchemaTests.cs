using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using UiPathClients.SpecTools.CommunicationsMining;

namespace UiPathClients.SpecTools.Tests.CommunicationsMining;

/// <summary>The Rust notation of the indexes, one rule each, and the YAML writer's quoting.</summary>
public sealed class RustTypeSchemaTests
{
    private static readonly Dictionary<string, JsonObject> KnownModels = new(StringComparer.Ordinal)
    {
        ["Dataset"] = new JsonObject(),
    };

    [Theory]
    [InlineData("String", """{"type":"string"}""")]
    [InlineData("bool", """{"type":"boolean"}""")]
    [InlineData("i32", """{"type":"integer","format":"int32"}""")]
    [InlineData("i64", """{"type":"integer","format":"int64"}""")]
    [InlineData("f64", """{"type":"number","format":"double"}""")]
    [InlineData("serde_json::Value", "{}")]
    [InlineData("std::path::PathBuf", """{"type":"string","format":"binary"}""")]
    [InlineData("Dataset", """{"$ref":"#/components/schemas/Dataset"}""")]
    [InlineData("Vec<Vec<f64>>", """{"type":"array","items":{"type":"array","items":{"type":"number","format":"double"}}}""")]
    [InlineData("std::collections::HashMap<String, Vec<String>>", """{"type":"object","additionalProperties":{"type":"array","items":{"type":"string"}}}""")]
    [InlineData("Vec<Option<String>>", """{"type":"array","items":{"type":["string","null"]}}""")]
    [InlineData("Option<Dataset>", """{"oneOf":[{"$ref":"#/components/schemas/Dataset"},{"type":"null"}]}""")]
    [InlineData("Option<serde_json::Value>", "{}")]
    public void Maps_Rust_types_to_JSON_Schema(string rust, string expected)
    {
        var schema = RustTypeSchema.Map(rust, KnownModels, new HashSet<string>(StringComparer.Ordinal));

        Assert.Equal(expected, schema.ToJsonString());
    }

    [Theory]
    [InlineData("u128")]
    [InlineData("Missing")]
    [InlineData("std::collections::HashMap<i32, String>")]
    public void Refuses_what_it_cannot_map(string rust)
    {
        Assert.Throws<FormatException>(() => RustTypeSchema.Map(rust, KnownModels, new HashSet<string>(StringComparer.Ordinal)));
    }

    [Fact]
    public void Option_is_unwrapped_by_the_caller()
    {
        Assert.Equal("Vec<String>", RustTypeSchema.UnwrapOption("Option<Vec<String>>"));
        Assert.Null(RustTypeSchema.UnwrapOption("Vec<Option<String>>"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("two words", "two words")]
    [InlineData("null", "'null'")]
    [InlineData("Yes", "'Yes'")]
    [InlineData("200", "'200'")]
    [InlineData("3.1.0", "'3.1.0'")]
    [InlineData("#/components/schemas/X", "'#/components/schemas/X'")]
    [InlineData("/api/v1/datasets/id:{dataset_id}", "'/api/v1/datasets/id:{dataset_id}'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("", "''")]
    [InlineData("-1", "'-1'")]
    public void Quotes_every_scalar_a_YAML_reader_could_misread(string text, string expected)
    {
        Assert.Equal(expected, YamlWriter.Scalar(JsonValue.Create(text)));

        var roundTrip = YamlJson.Parse(new StringReader(YamlWriter.Write(new JsonObject { ["k"] = text, ["l"] = new JsonArray(text, "x") })), "test");
        Assert.Equal(text, (string?)roundTrip["k"]);
        Assert.Equal(text, (string?)roundTrip["l"]![0]);
    }
}
