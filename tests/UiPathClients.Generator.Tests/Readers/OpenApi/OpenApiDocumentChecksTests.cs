using System;
using System.Linq;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Readers.OpenApi;

/// <summary>
/// Documents Microsoft.OpenApi throws on or silently reads nothing from: odd versions, <c>$ref</c>s that go round in a
/// circle, JSON nested beyond the limit. Before, each was UIPC0099 (a generator bug) or no diagnostic at all; now each is
/// one diagnostic at the node at fault.
/// </summary>
public sealed class OpenApiDocumentChecksTests
{
    private static string Json(string versionMember) =>
        "{\n" + versionMember + "\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\"paths\": {}\n}";

    [Theory]
    [InlineData("\"openapi\": \"4.0\",\n", "OpenAPI specification version '4.0' is not supported")]
    [InlineData("\"openapi\": \"3.9\",\n", "OpenAPI specification version '3.9' is not supported")]
    [InlineData("\"openapi\": \"2\",\n", "OpenAPI specification version '2' is not supported")]
    [InlineData("\"openapi\": \"\",\n", "OpenAPI specification version '' is not supported")]
    [InlineData("\"openapi\": 3.0,\n", "'openapi' is 3.0; it must be a version string")]
    [InlineData("\"openapi\": {\"v\": 3},\n", "'openapi' is {\"v\":3}; it must be a version string")]
    [InlineData("\"swagger\": \"3.0\",\n", "'swagger' is \"3.0\"; the only Swagger version is \"2.0\"")]
    [InlineData("\"swagger\": 2,\n", "'swagger' is 2; the only Swagger version is \"2.0\"")]
    public void An_unsupported_version_is_reported_on_its_line(string versionMember, string message)
    {
        SpecDiagnostics.AssertSingle("version.json", Json(versionMember), "UIPC0010", line: 2, message);
    }

    [Fact]
    public void An_unquoted_yaml_version_that_reads_as_a_number_is_reported_with_a_hint()
    {
        SpecDiagnostics.AssertSingle("number.yaml", "info:\n  title: T\n  version: '1'\nopenapi: 3.0\npaths: {}\n", "UIPC0010", line: 4, "'openapi' is 3; it must be a version string such as \"3.0.3\" or \"3.1.0\" (in YAML, quote it: openapi: '3.0.3')");
    }

    [Fact]
    public void A_document_without_a_version_is_reported()
    {
        // The selector takes a JSON file with an "openapi" member anywhere for a spec; here it is not at the root.
        SpecDiagnostics.AssertSingle("noversion.json", Json("\"x-about\": {\"openapi\": \"3.0.3\"},\n"), "UIPC0010", line: 1, "it has neither an 'openapi' nor a 'swagger' field");
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_reported()
    {
        SpecDiagnostics.AssertSingle("array.yaml", "- openapi: 3.0.3\n- paths: {}\n", "UIPC0010", line: 1, "its root is not an object");
    }

    [Fact]
    public void A_bad_version_before_an_object_naming_a_member_twice_is_what_is_reported()
    {
        // The pre-checks stop at the version; locating it must not open the object JsonObject refuses.
        var json = "{\n\"openapi\": 3,\n\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\"paths\": {\"/a\": {}, \"/a\": {}}\n}";

        SpecDiagnostics.AssertSingle("twice.json", json, "UIPC0010", line: 2, "'openapi' is 3; it must be a version string");
    }

    [Fact]
    public void A_json_object_naming_a_member_twice_is_reported_at_the_second()
    {
        // Before: JsonObject's ArgumentException on first read, reported as a generator bug (UIPC0099).
        var json = "{\n\"openapi\": \"3.0.3\",\n\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\"paths\": {},\n"
            + "\"components\": {\"schemas\": {\n\"A\": {\"type\": \"object\"},\n\"A\": {\"type\": \"string\"}\n}}\n}";

        SpecDiagnostics.AssertSingle("twice.json", json, "UIPC0010", line: 7, "the name 'A' appears twice in one object");
    }

    [Fact]
    public void A_lone_surrogate_escape_is_reported_at_its_string()
    {
        // Before: System.Text.Json's InvalidOperationException when the name was first read, reported as UIPC0099.
        var json = "{\n\"openapi\": \"3.0.3\",\n\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\"paths\": {},\n"
            + "\"components\": {\"schemas\": {\n\"\\ud800Widget\": {\"type\": \"object\"}\n}}\n}";

        SpecDiagnostics.AssertSingle("surrogate.json", json, "UIPC0010", line: 6, "a string escapes a lone UTF-16 surrogate");
    }

    [Fact]
    public void A_media_type_that_is_not_an_object_describes_nothing_and_the_rest_is_generated()
    {
        // Before: Microsoft.OpenApi kept the entry with a null value and the reader dereferenced it (UIPC0099).
        var yaml = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /items:\n    get:\n      operationId: list\n"
            + "      responses:\n        '200':\n          description: ok\n          content:\n            application/json: x\n";

        var run = GeneratorHarness.Run(new[] { new Spec("media.yaml", yaml) });

        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "UIPC0099");
        GeneratorHarness.AssertCompilesCleanly(run);
        Assert.Contains(run.Sources.Keys, hint => hint.Contains("Operations", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ref_to_itself_is_reported_at_the_schema()
    {
        var yaml = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/A'\n";

        SpecDiagnostics.AssertSingle("self.yaml", yaml, "UIPC0010", line: 8, "its $refs go round in a circle (#/components/schemas/A → #/components/schemas/A)");
    }

    [Fact]
    public void A_oneOf_whose_only_alternative_is_itself_stays_json_located_at_its_use()
    {
        // A names no value but itself. Before: the reader followed A's only alternative, A, forever (a stack overflow
        // that took the compiler down); the $ref is inside the schema it names, so the $ref pre-check lets it through.
        var yaml = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n"
            + "    Holder:\n      type: object\n      properties:\n        a:\n          $ref: '#/components/schemas/A'\n"
            + "    A:\n      oneOf:\n        - $ref: '#/components/schemas/A'\n";

        var run = GeneratorHarness.Run(new[] { new Spec("oneself.yaml", yaml) });

        Assert.Null(run.Generator.Exception);
        SpecDiagnostics.AssertAt(Assert.Single(run.GeneratorDiagnostics), "UIPC0012", "oneself.yaml", line: 11, "A oneOf/anyOf whose only alternative is itself at '#/components/schemas/Holder/properties/a'");
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void A_circle_of_refs_through_parameters_is_reported_and_a_recursive_schema_is_not()
    {
        // Tree's $ref to itself is inside its properties: a recursive type, which is fine. P → Q → P names nothing.
        const string Json = """
            {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {},
             "components": {
               "schemas": {"Tree": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}}},
               "parameters": {
                 "P": {"$ref": "#/components/parameters/Q"},
                 "Q": {"$ref": "#/components/parameters/P"}}}}
            """;

        var diagnostic = Assert.Single(SpecDiagnostics.Of("params.json", Json));
        Assert.Equal("UIPC0010", diagnostic.Id);
        Assert.Contains("its $refs go round in a circle", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, 5, 6);
    }

    private static string RefChain(int count, bool closed)
    {
        // S0 → S1 → … → S(count-1), which is a string, or (closed) names S0 again; one schema a line from line 3.
        var schemas = string.Join(",\n", Enumerable.Range(0, count).Select(i =>
            i < count - 1 ? $"\"S{i}\": {{\"$ref\": \"#/components/schemas/S{i + 1}\"}}"
            : closed ? $"\"S{i}\": {{\"$ref\": \"#/components/schemas/S0\"}}" : $"\"S{i}\": {{\"type\": \"string\"}}"));
        return "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {},\n\"components\": {\"schemas\": {\n" + schemas + "}}}";
    }

    [Fact]
    public void A_circle_of_ten_thousand_refs_is_found_without_recursion()
    {
        var diagnostic = Assert.Single(SpecDiagnostics.Of("circle.json", RefChain(10_000, closed: true)));

        Assert.Equal("UIPC0010", diagnostic.Id);
        Assert.Contains("its $refs go round in a circle", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_ten_thousand_refs_is_refused_as_beyond_the_limit()
    {
        // Before: Microsoft.OpenApi resolved the chain again at every use (this document ran for more than ten minutes).
        // The walk meets S9999 first (the last member is taken first): S9999 is no $ref, so S9998 is checked next, and so
        // on up; the first chain longer than 32 starts at S9966, whose $ref names S9967 (S(i) is on line 3 + i).
        var diagnostic = Assert.Single(SpecDiagnostics.Of("chain.json", RefChain(10_000, closed: false)));

        SpecDiagnostics.AssertAt(diagnostic, "UIPC0014", "chain.json", line: 3 + 9_967, "its $refs name $refs more than 32 times in a row, from #/components/schemas/S9967");
    }

    [Fact]
    public void A_chain_of_refs_at_the_limit_is_read()
    {
        // 32 $refs in a row: S0 → … → S32.
        Assert.DoesNotContain(SpecDiagnostics.Of("fits.json", RefChain(33, closed: false)), diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_hundred_thousand_nested_json_arrays_are_refused_at_the_first_level_too_deep()
    {
        var json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {},\n\"x-deep\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        // The root object is level 1: the 64th '[' (column 11 + 63) opens level 65.
        var diagnostic = SpecDiagnostics.AssertSingle("deep.json", json, "UIPC0014", line: 2, "nests arrays and objects deeper than 64 levels");
        Assert.Equal(11 + 63, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1);
    }

    [Fact]
    public void Json_nested_exactly_to_the_limit_is_read()
    {
        var json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {},\n\"x-deep\": " + new string('[', 63) + new string(']', 63) + "}";

        Assert.Empty(SpecDiagnostics.Of("fits.json", json));
    }

    [Fact]
    public void Invalid_json_is_reported_on_its_line()
    {
        const string Json = "{\"openapi\": \"3.0.3\",\n\"info\": {\"title\": \"T\",, \"version\": \"1\"}}";

        var diagnostic = SpecDiagnostics.AssertSingle("broken.json", Json, "UIPC0010", line: 2, "not valid JSON");

        // At the second comma, as a span into the text.
        Assert.Equal(Json.IndexOf(",,", StringComparison.Ordinal) + 1, diagnostic.Location.SourceSpan.Start);
    }
}
