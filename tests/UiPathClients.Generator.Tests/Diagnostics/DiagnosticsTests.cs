using System;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Diagnostics;

/// <summary>
/// One bad spec per descriptor, run through the real generator: each asserts the ID, the message
/// and the spec file line the diagnostic points at (lines are 1-based here, as editors show them).
/// </summary>
public sealed class DiagnosticsTests
{
    private const string Edmx = "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">";
    private const string Schema = "<Schema Namespace=\"Bad\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">";

    private static string Document(string schemaBody) =>
        Edmx + "\n<edmx:DataServices>\n" + Schema + "\n" + schemaBody + "\n</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n";

    [Fact]
    public void UIPC0001_malformed_xml_points_at_the_broken_line()
    {
        var diagnostic = Single("bad.edmx", Edmx + "\n<edmx:DataServices>\n<Schema>\n</edmx:DataServices>");

        AssertDiagnostic(diagnostic, "UIPC0001", DiagnosticSeverity.Error, line: 4, "'bad.edmx' is not well-formed XML: ");
    }

    [Fact]
    public void UIPC0002_wrong_root_element()
    {
        var diagnostic = Single("bad.edmx", "<?xml version=\"1.0\"?>\n<Catalog />");

        AssertDiagnostic(diagnostic, "UIPC0002", DiagnosticSeverity.Error, line: 2, "'bad.edmx' is not an OData v4 EDMX document: the root element is 'Catalog', expected 'edmx:Edmx'");
    }

    [Fact]
    public void UIPC0002_missing_data_services()
    {
        var diagnostic = Single("bad.edmx", Edmx + "\n</edmx:Edmx>");

        AssertDiagnostic(diagnostic, "UIPC0002", DiagnosticSeverity.Error, line: 1, "'bad.edmx' is not an OData v4 EDMX document: it has no 'edmx:DataServices' element");
    }

    [Fact]
    public void UIPC0002_odata_v3_document_is_refused_by_name()
    {
        var diagnostic = Single("v3.edmx", "<edmx:Edmx Version=\"1.0\" xmlns:edmx=\"http://schemas.microsoft.com/ado/2007/06/edmx\"><edmx:DataServices /></edmx:Edmx>");

        AssertDiagnostic(diagnostic, "UIPC0002", DiagnosticSeverity.Error, line: 1, "only OData v4");
    }

    [Fact]
    public void UIPC0003_unresolved_property_type_leaves_the_property_out()
    {
        var (diagnostics, sources) = Run("bad.edmx", Document("<ComplexType Name=\"Box\">\n<Property Name=\"Size\" Type=\"Bad.Missing\" />\n<Property Name=\"Label\" Type=\"Edm.String\" />\n</ComplexType>"));

        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0003", DiagnosticSeverity.Warning, line: 5, "Property 'Bad.Box/Size' refers to type 'Bad.Missing', which is not declared in the document; the property is left out of the generated code");
        var box = Assert.Single(sources, source => source.HintName.EndsWith("Box.g.cs", StringComparison.Ordinal));
        Assert.Contains("Label", box.SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Size", box.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0004_duplicate_type_keeps_the_first()
    {
        var diagnostic = Single("bad.edmx", Document("<ComplexType Name=\"Box\" />\n<ComplexType Name=\"Box\" />"));

        AssertDiagnostic(diagnostic, "UIPC0004", DiagnosticSeverity.Warning, line: 5, "Type 'Bad.Box' is declared more than once; only the first declaration is generated");
    }

    [Fact]
    public void UIPC0005_unsupported_schema_element()
    {
        var diagnostic = Single("bad.edmx", Document("<ComplexType Name=\"Box\" />\n<Sprocket Name=\"X\" />"));

        AssertDiagnostic(diagnostic, "UIPC0005", DiagnosticSeverity.Warning, line: 5, "Schema element 'Sprocket' is not supported yet and is left out of the generated code: unknown CSDL element");
    }

    [Fact]
    public void UIPC0006_invalid_boolean_falls_back_to_the_default()
    {
        var diagnostic = Single("bad.edmx", Document("<ComplexType Name=\"Box\">\n<Property Name=\"Size\" Type=\"Edm.Int32\" Nullable=\"maybe\" />\n</ComplexType>"));

        AssertDiagnostic(diagnostic, "UIPC0006", DiagnosticSeverity.Warning, line: 5, "Attribute 'Nullable' of 'Property' element has the invalid value 'maybe'; true is used instead");
    }

    [Fact]
    public void UIPC0007_two_specs_with_one_client_name()
    {
        var valid = Document("<ComplexType Name=\"Box\" />");
        var (diagnostics, sources) = Run(("a/orders.edmx", valid), ("b/orders.edmx", valid));

        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0007", DiagnosticSeverity.Error, line: 1, "'b/orders.edmx' and 'a/orders.edmx' both produce the client 'Orders'; 'b/orders.edmx' is not generated");
        Assert.Single(sources, source => source.HintName.EndsWith("Box.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void UIPC0008_missing_required_attribute()
    {
        var diagnostic = Single("bad.edmx", Document("<ComplexType Name=\"Box\">\n<Property Type=\"Edm.Int32\" />\n</ComplexType>"));

        AssertDiagnostic(diagnostic, "UIPC0008", DiagnosticSeverity.Warning, line: 5, "Property has no 'Name' attribute and is left out of the generated code");
    }

    [Fact]
    public void UIPC0009_inheritance_cycle_drops_the_base_type()
    {
        var (diagnostics, sources) = Run("bad.edmx", Document("<ComplexType Name=\"A\" BaseType=\"Bad.B\" />\n<ComplexType Name=\"B\" BaseType=\"Bad.A\" />"));

        // Breaking A's base ends the cycle for B too, so one diagnostic.
        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0009", DiagnosticSeverity.Warning, line: 4, "Type 'Bad.A' derives from itself through its base types; it is generated without a base type");
        // Both types are still generated (a class each; no entity type reaches them, so no filter surface), plus the JSON metadata.
        Assert.Equal(3, sources.Length);
    }

    [Fact]
    public void UIPC0010_invalid_yaml_points_at_the_broken_line()
    {
        var diagnostic = Single("bad.openapi.yaml", "openapi: 3.0.3\ninfo:\n  title: Bad\n  version: '1'\npaths: {\n  /a: [\n");

        AssertDiagnostic(diagnostic, "UIPC0010", DiagnosticSeverity.Error, line: 7, "'bad.openapi.yaml' is not a valid OpenAPI document: not valid YAML: ");
    }

    [Fact]
    public void UIPC0011_rules_the_document_breaks_are_warnings_and_the_models_still_generate()
    {
        const string Json = """
            {"openapi": "3.0.3", "info": {"title": "Bad", "version": "1"},
             "paths": {"/items/{id}": {"get": {"responses": {"200": {"description": "ok"}}}},
                       "/items/{key}": {"get": {"responses": {"200": {"description": "ok"}}}}},
             "components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "integer"}}}}}}
            """;

        var (diagnostics, sources) = Run("bad.openapi.json", Json);

        // Microsoft.OpenApi names the second path by JSON pointer; the diagnostic is on that path's line.
        var diagnostic = Assert.Single(diagnostics);
        AssertDiagnostic(diagnostic, "UIPC0011", DiagnosticSeverity.Warning, line: 3, "MUST be unique");
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1);
        Assert.Contains(sources, source => source.HintName.EndsWith("Item.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void UIPC0011_a_property_that_is_not_a_schema_object_is_left_out_not_a_generator_failure()
    {
        // Found by the fuzzer (wrong-type mutation): Microsoft.OpenApi gives no schema for "x", which crashed the reader (UIPC0099).
        const string Yaml = """
            openapi: 3.0.3
            info: { title: Bad, version: '1' }
            paths:
              /points/{point}:
                get:
                  operationId: Points_Get
                  parameters:
                    - name: point
                      in: path
                      required: true
                      style: matrix
                      schema: { type: object, properties: { x: [1, a, null], y: { type: integer } } }
                  responses: { '204': { description: ok } }
            """;

        var (diagnostics, sources) = Run("bad.openapi.yaml", Yaml);

        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "UIPC0099");
        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "UIPC0011" && diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains("property 'x' of ", StringComparison.Ordinal) && diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains("is not a schema object", StringComparison.Ordinal));
        Assert.Contains(sources, source => source.SourceText.ToString().Contains("Points_Get", StringComparison.Ordinal) || source.SourceText.ToString().Contains("GetAsync(", StringComparison.Ordinal));
    }

    [Fact]
    public void UIPC0011_an_unsupported_collection_format_costs_only_its_operation()
    {
        const string Json = """
            {"swagger": "2.0", "info": {"title": "Url", "version": "1"},
             "paths": {
               "/tsv": {"get": {"operationId": "tabs", "parameters": [
                 {"name": "items", "in": "header", "type": "array", "items": {"type": "string"}, "collectionFormat": "tsv"}],
                 "responses": {"200": {"description": "ok"}}}},
               "/csv": {"get": {"operationId": "commas", "parameters": [
                 {"name": "items", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "csv"}],
                 "responses": {"200": {"description": "ok"}}}}}}
            """;

        var (diagnostics, sources) = Run("url.json", Json);

        // Microsoft.OpenApi cannot read tsv (Swagger 2.0 only; OpenAPI 3 has no style for it) and the runtime joins
        // tabs only in the query: a tsv header's operation is left out with a warning at the collectionFormat, and the
        // rest of the document generates.
        var diagnostic = Assert.Single(diagnostics);
        AssertDiagnostic(diagnostic, "UIPC0011", DiagnosticSeverity.Warning, line: 4, "collectionFormat 'tsv'");
        var client = string.Concat(sources.Select(source => source.SourceText.ToString()));
        Assert.Contains("CommasAsync", client, StringComparison.Ordinal);
        Assert.DoesNotContain("TabsAsync", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tsv_query_array_is_generated_with_the_tab_delimited_style_and_no_diagnostic()
    {
        const string Json = """
            {"swagger": "2.0", "info": {"title": "Url", "version": "1"},
             "paths": {
               "/tsv": {"get": {"operationId": "tabs", "parameters": [
                 {"name": "items", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "tsv"}],
                 "responses": {"200": {"description": "ok"}}}}}}
            """;

        var (diagnostics, sources) = Run("url.json", Json);

        Assert.Empty(diagnostics);
        var client = string.Concat(sources.Select(source => source.SourceText.ToString()));
        Assert.Contains("TabsAsync", client, StringComparison.Ordinal);
        Assert.Contains("request.WithQuery(\"items\", items, global::UiPathClients.Runtime.Rest.ParameterStyle.TabDelimited, explode: false);", client, StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0011_is_not_reported_for_multipleOf_on_a_swagger_parameter_which_the_specification_allows()
    {
        const string Json = """
            {"swagger": "2.0", "info": {"title": "Validation", "version": "1"},
             "paths": {
               "/items/{id}": {"get": {"operationId": "get", "parameters": [
                 {"name": "id", "in": "path", "required": true, "type": "integer", "multipleOf": 10, "maximum": 1000},
                 {"name": "sizes", "in": "query", "type": "array", "items": {"type": "number", "multipleOf": 0.5}}],
                 "responses": {"200": {"description": "ok"}}}}}}
            """;

        var (diagnostics, sources) = Run("validation.json", Json);

        // Microsoft.OpenApi's 2.0 reader does not know the keyword and said "multipleOf is not a valid property".
        Assert.Empty(diagnostics);
        Assert.Contains("GetAsync(long id", string.Concat(sources.Select(source => source.SourceText.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0011_a_finding_that_names_its_place_only_in_the_message_is_located_there_not_at_the_start()
    {
        const string Json = """
            {"swagger": "2.0", "info": {"title": "Odd", "version": "1"},
             "paths": {
               "/items": {"get": {"operationId": "list", "parameters": [
                 {"name": "top", "in": "query", "type": "integer", "notAKeyword": 10}],
                 "responses": {"200": {"description": "ok"}}}}}}
            """;

        var diagnostic = Single("odd.json", Json);

        // The finding has no pointer of its own ("notAKeyword is not a valid property at #/paths/~1items/get/parameters"):
        // the pointer in its message puts it on the parameters' line.
        AssertDiagnostic(diagnostic, "UIPC0011", DiagnosticSeverity.Warning, line: 3, "notAKeyword is not a valid property");
    }

    [Fact]
    public void UIPC0011_in_yaml_points_at_the_line_the_json_pointer_names()
    {
        const string Yaml = "openapi: 3.0.3\ninfo:\n  title: Bad\n  version: '1'\npaths:\n  /pets:\n    get:\n      parameters:\n        - name: kind\n          schema: {type: string}\n      responses:\n        '200':\n          description: ok\n";

        var diagnostic = Single("bad.openapi.yaml", Yaml);

        // The pointer is .../parameters/0/in; 'in' is what is missing, so the parameter itself (line 9) is named.
        AssertDiagnostic(diagnostic, "UIPC0011", DiagnosticSeverity.Warning, line: 9, "The field 'in' in 'parameter' object is REQUIRED. (at #/paths/~1pets/get/parameters/0/in)");
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1);
    }

    [Fact]
    public void UIPC0003_unresolved_openapi_ref_points_at_the_ref_once()
    {
        const string Yaml = "openapi: 3.0.3\ninfo:\n  title: Bad\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      allOf:\n        - $ref: '#/components/schemas/Animal'\n        - type: object\n          properties:\n            name:\n              type: string\n";

        var (diagnostics, sources) = Run("bad.openapi.yaml", Yaml);

        var unresolved = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "UIPC0003");
        AssertDiagnostic(unresolved, "UIPC0003", DiagnosticSeverity.Warning, line: 10, "A $ref refers to type '#/components/schemas/Animal', which is not declared in the document");
        Assert.Equal(11, unresolved.Location.GetLineSpan().StartLinePosition.Character + 1);
        Assert.All(diagnostics, diagnostic => Assert.Equal(10, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains(sources, source => source.HintName.EndsWith("Pet.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void UIPC0003_dangling_property_ref_keeps_the_property_as_raw_json_and_nothing_else_fails()
    {
        const string Yaml = "openapi: 3.0.3\ninfo:\n  title: Bad\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        owner:\n          $ref: '#/components/schemas/Person'\n";

        var (diagnostics, sources) = Run("bad.openapi.yaml", Yaml);

        // Only the spec problem, from us and from Microsoft.OpenApi, both at the $ref: no UIPC0099 from a type name that points nowhere.
        Assert.Equal(new[] { "UIPC0003", "UIPC0011" }, diagnostics.Select(diagnostic => diagnostic.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(diagnostics, diagnostic => Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        AssertDiagnostic(Assert.Single(diagnostics, diagnostic => diagnostic.Id == "UIPC0003"), "UIPC0003", DiagnosticSeverity.Warning, line: 12, "A $ref refers to type '#/components/schemas/Person', which is not declared in the document");
        var pet = Assert.Single(sources, source => source.HintName.EndsWith("Pet.g.cs", StringComparison.Ordinal));
        Assert.Contains("global::System.Text.Json.JsonElement? Owner", pet.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0012_a_map_that_contains_itself_is_kept_as_json_and_located()
    {
        const string Yaml = "openapi: 3.0.3\ninfo:\n  title: Tags\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    Labels:\n      type: object\n      properties:\n        tree:\n          $ref: '#/components/schemas/Tree'\n    Tree:\n      type: object\n      additionalProperties:\n        $ref: '#/components/schemas/Tree'\n";

        var (diagnostics, sources) = Run("tags.openapi.yaml", Yaml);

        // Arrays and maps of arrays and maps are typed (NestedCollectionEmitterTests); one that contains itself has no finite type.
        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0012", DiagnosticSeverity.Info, line: 11, "A recursive map at '#/components/schemas/Labels/properties/tree' has no typed C# form here; its values are JsonElement");
        var labels = Assert.Single(sources, source => source.HintName.EndsWith("Labels.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Matches(@"IDictionary<string, global::System\.Collections\.Generic\.IDictionary<string, global::System\.Text\.Json\.JsonElement>\?>\? Tree", labels);
    }

    [Theory]
    [MemberData(nameof(TooOldTargets))]
    public void UIPC0013_a_project_on_a_CSharp_older_than_9_gets_one_error_per_spec_instead_of_uncompilable_code(string targetName)
    {
        var target = ConsumerTarget.Named(targetName);
        var run = GeneratorHarness.Run(new[] { Spec.FromFile(TestPaths.BundledOrchestratorSpec), new Spec("specs/keys.edmx", Document("<ComplexType Name=\"Box\" />")) }, target: target);

        var version = target.LanguageVersion == LanguageVersion.CSharp7_3 ? "7.3" : "8.0";
        Assert.Equal(2, run.GeneratorDiagnostics.Length);
        foreach (var diagnostic in run.GeneratorDiagnostics)
        {
            var path = diagnostic.Location.GetLineSpan().Path;
            AssertDiagnostic(
                diagnostic, "UIPC0013", DiagnosticSeverity.Error, line: 1,
                $"'{path}' is not generated: generated clients need C# 9.0 or later and this project compiles C# {version}. Set <LangVersion>9.0</LangVersion> (or latest) in the project file");
        }

        Assert.Equal(
            new[] { TestPaths.BundledOrchestratorSpec, "specs/keys.edmx" }.OrderBy(path => path, StringComparer.Ordinal),
            run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Location.GetLineSpan().Path).OrderBy(path => path, StringComparer.Ordinal));
        Assert.Empty(run.Generator.GeneratedSources);

        // What the user sees is that error alone, not thousands of errors in generated code.
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity > DiagnosticSeverity.Info));
    }

    public static TheoryData<string> TooOldTargets => ConsumerTarget.TooOldNames();

    [Fact]
    public void UIPC0014_a_spec_nested_beyond_the_limit_is_refused_where_it_goes_beyond()
    {
        var json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Deep\", \"version\": \"1\"}, \"paths\": {},\n\"x-deep\": " + new string('[', 64) + new string(']', 64) + "}";

        AssertDiagnostic(Single("deep.json", json), "UIPC0014", DiagnosticSeverity.Error, line: 2, "'deep.json' is not generated: it nests arrays and objects deeper than 64 levels");
    }

    [Fact]
    public void UIPC0015_a_property_declared_twice_keeps_the_first()
    {
        var (diagnostics, sources) = Run("bad.edmx", Document("<ComplexType Name=\"Box\">\n<Property Name=\"Size\" Type=\"Edm.Int32\" />\n<Property Name=\"Size\" Type=\"Edm.String\" />\n</ComplexType>"));

        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0015", DiagnosticSeverity.Warning, line: 6, "Type 'Bad.Box' has more than one member named 'Size' (this Property repeats the Property declared before it); only the first is generated");
        var box = Assert.Single(sources, source => source.HintName.EndsWith("Box.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("int? Size", box, StringComparison.Ordinal);
        Assert.DoesNotContain("string? Size", box, StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0016_a_chain_of_base_types_beyond_the_limit_is_cut()
    {
        // T0 ← T1 ← … ← T65: T65 would have 65 base types above it.
        var types = string.Join("\n", Enumerable.Range(0, 66).Select(i => i == 0 ? "<ComplexType Name=\"T0\" />" : $"<ComplexType Name=\"T{i}\" BaseType=\"Bad.T{i - 1}\" />"));

        var (diagnostics, _) = Run("bad.edmx", Document(types));

        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0016", DiagnosticSeverity.Warning, line: 4 + 65, "Type 'Bad.T65' would have more than 64 base types above it; it is generated without a base type");
    }

    [Fact]
    public void UIPC0011_one_problem_at_many_places_is_listed_ten_times_and_counted_after_that()
    {
        var paths = string.Concat(Enumerable.Range(1, 13).Select(i => $"  /p{i}:\n    get:\n      parameters:\n        - name: q\n      responses:\n        '200': {{ description: OK }}\n"));
        var yaml = "openapi: 3.0.3\ninfo:\n  title: Many\n  version: '1'\npaths:\n" + paths;

        var (diagnostics, _) = Run("many.openapi.yaml", yaml);

        var missingIn = diagnostics.Where(diagnostic => diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains("The field 'in'", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, missingIn.Count);
        Assert.All(missingIn, diagnostic => Assert.Equal("UIPC0011", diagnostic.Id));
        Assert.Contains("(and at 3 more places, not listed one by one; the first of them is #/paths/~1p", missingIn[10].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // Each listed place is its own parameter's line: 6 lines per path, the parameter on the 4th.
        Assert.Equal(Enumerable.Range(0, 11).Select(i => 9 + (6 * i)), missingIn.Select(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    [Fact]
    public void UIPC0015_a_duplicated_enum_member_is_reported_and_only_the_first_generated()
    {
        var (diagnostics, sources) = Run("bad.edmx", Document("<EnumType Name=\"Color\">\n<Member Name=\"Red\" Value=\"1\" />\n<Member Name=\"Red\" Value=\"2\" />\n</EnumType>"));

        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0015", DiagnosticSeverity.Warning, line: 6, "Type 'Bad.Color' has more than one member named 'Red' (this Member repeats the Member declared before it); only the first is generated");
        var color = Assert.Single(sources, source => source.HintName.EndsWith("Color.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Red = 1,", color, StringComparison.Ordinal);
        Assert.DoesNotContain("= 2,", color, StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0006_an_enum_value_outside_the_declared_underlying_type_widens_it()
    {
        var (diagnostics, sources) = Run("bad.edmx", Document("<EnumType Name=\"Level\" UnderlyingType=\"Edm.Byte\">\n<Member Name=\"Low\" Value=\"0\" />\n<Member Name=\"High\" Value=\"300\" />\n</EnumType>"));

        AssertDiagnostic(Assert.Single(diagnostics), "UIPC0006", DiagnosticSeverity.Warning, line: 4, "Attribute 'UnderlyingType' of enum type 'Bad.Level' (member 'High' = 300 does not fit it) has the invalid value 'Edm.Byte'; Edm.Int16 is used instead");
        Assert.Contains("public enum Level : short", Assert.Single(sources, source => source.HintName.EndsWith("Level.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0017_an_include_list_name_that_matches_nothing_names_the_closest()
    {
        var spec = new Spec("shop.edmx", Document("<EntityType Name=\"Order\"><Key><PropertyRef Name=\"Id\" /></Key><Property Name=\"Id\" Type=\"Edm.Int32\" Nullable=\"false\" /></EntityType>\n<EntityContainer Name=\"C\"><EntitySet Name=\"Orders\" EntityType=\"Bad.Order\" /></EntityContainer>"), ClientName: "Shop", EntitySets: "Order");

        var diagnostic = Assert.Single(GeneratorHarness.Run([spec]).GeneratorDiagnostics);

        AssertDiagnostic(diagnostic, "UIPC0017", DiagnosticSeverity.Error, line: 1, "'Order' in EntitySets is not an entity set of Shop (did you mean 'Orders'?); it is left out of the generated client");
    }

    [Fact]
    public void UIPC0018_an_include_list_of_the_other_kind_of_spec_is_ignored()
    {
        var spec = new Spec("shop.edmx", Document("<EntityContainer Name=\"C\" />"), ClientName: "Shop", Tags: "Orders");

        var diagnostic = Assert.Single(GeneratorHarness.Run([spec]).GeneratorDiagnostics);

        AssertDiagnostic(diagnostic, "UIPC0018", DiagnosticSeverity.Warning, line: 1, "Tags is ignored for Shop: an OData service has entity sets and operations; use EntitySets and Operations");
    }

    [Fact]
    public void Every_descriptor_is_tested_here_and_listed_in_the_release_notes()
    {
        var tested = typeof(DiagnosticsTests).GetMethods()
            .Where(method => method.Name.StartsWith("UIPC", StringComparison.Ordinal))
            .Select(method => method.Name.Substring(0, 8))
            .ToHashSet();
        var releaseNotes = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "src", "UiPathClients.Generator", "Diagnostics", "AnalyzerReleases.Unshipped.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            // UIPC0099 reports generator bugs, which cannot be provoked from a spec by design.
            if (descriptor.Id != DiagnosticDescriptors.GeneratorFailure.Id)
            {
                Assert.Contains(descriptor.Id, tested);
            }

            Assert.Contains(descriptor.Id + " |", releaseNotes, StringComparison.Ordinal);
            Assert.StartsWith("https://", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_diagnostic_links_to_its_section_of_docs_diagnostics_md()
    {
        var page = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md"));
        var targets = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "src", "UiPathClients", "build", "UiPathClients.targets"));
        const string Page = "https://github.com/uipathclients/uipathclients/blob/main/docs/diagnostics.md#";
        var msbuildCodes = System.Text.RegularExpressions.Regex.Matches(targets, "Code=\"(UIPC[0-9]{4})\"\\s+HelpLink=\"([^\"]*)\"")
            .Select(match => (Id: match.Groups[1].Value, Link: match.Groups[2].Value))
            .ToList();

        Assert.Equal(["UIPC1001", "UIPC1002", "UIPC1003"], msbuildCodes.Select(code => code.Id).Order(StringComparer.Ordinal));
        Assert.Equal(System.Text.RegularExpressions.Regex.Matches(targets, "Code=\"UIPC").Count, msbuildCodes.Count);
        foreach (var (id, link) in DiagnosticDescriptors.All.Select(descriptor => (descriptor.Id, descriptor.HelpLinkUri)).Concat(msbuildCodes))
        {
            // GitHub's anchor for "## UIPC0001" is #uipc0001.
            Assert.Equal(Page + id.ToLowerInvariant(), link);
            Assert.Contains("\n## " + id + "\n", page.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains($"[{id}](#{id.ToLowerInvariant()})", page, StringComparison.Ordinal);
        }
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, int line, string messagePart)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.False(string.IsNullOrEmpty(span.Path));
    }

    private static Diagnostic Single(string path, string text) => Assert.Single(Run(path, text).Diagnostics);

    private static (ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<GeneratedSourceResult> Sources) Run(string path, string text) => Run((path, text));

    private static (ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<GeneratedSourceResult> Sources) Run(params (string Path, string Text)[] specs)
    {
        var compilation = CSharpCompilation.Create("Diagnostics", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ClientGenerator().AsSourceGenerator() },
            specs.Select(spec => (AdditionalText)new SpecText(spec.Path, spec.Text)));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (result.Diagnostics, result.GeneratedSources);
    }

    private sealed class SpecText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
