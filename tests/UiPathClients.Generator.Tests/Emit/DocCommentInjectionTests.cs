using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// Spec text in <c>///</c> comments stays comment text. C# ends a line (and so a <c>///</c> comment) at CR, LF, NEL
/// (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029): a description holding any of them must not put
/// the rest of itself into the consumer's assembly as code (here a <c>[ModuleInitializer]</c> that would run on load).
/// </summary>
public sealed class DocCommentInjectionTests
{
    private const string Payload = "[global::System.Runtime.CompilerServices.ModuleInitializer] internal static void Injected() { }";

    private static readonly string[] LineTerminators = { "\u2028", "\u2029", "\u0085", "\r", "\n", "\r\n" };

    [Fact]
    public void Escape_leaves_no_line_terminator_so_one_line_comments_stay_one_line()
    {
        foreach (var terminator in LineTerminators)
        {
            var escaped = DocComment.Escape("a" + terminator + "b <c> & d");

            Assert.Equal("a b &lt;c&gt; &amp; d", escaped);
        }
    }

    [Fact]
    public void Lines_split_descriptions_at_every_CSharp_line_terminator_and_every_line_is_a_comment()
    {
        var description = string.Join(string.Empty, LineTerminators.Select((terminator, index) => "line" + index + terminator)) + "last";

        var lines = DocComment.Lines(new Generator.Model.Documentation(description, description), "fallback");

        Assert.All(lines, line =>
        {
            Assert.StartsWith("///", line, System.StringComparison.Ordinal);
            Assert.DoesNotContain(line, character => character is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029');
        });
        Assert.Contains("/// line0", lines);
        Assert.Contains("/// last", lines);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    public void A_description_with_a_line_terminator_compiles_as_a_comment_not_as_code(string terminator)
    {
        var text = "Injected" + terminator + Payload;
        var document = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Docs", "version": "1", "description": {{Json(text)}} },
              "servers": [ { "url": "https://api.example.com/" } ],
              "tags": [ { "name": "Items", "description": {{Json(text)}} } ],
              "paths": {
                "/items/{id}": {
                  "get": {
                    "operationId": "getItem",
                    "tags": [ "Items" ],
                    "summary": {{Json(text)}},
                    "description": {{Json(text)}},
                    "parameters": [ { "name": "id", "in": "path", "required": true, "description": {{Json(text)}}, "schema": { "type": "string" } } ],
                    "responses": { "200": { "description": {{Json(text)}}, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Item": {
                    "type": "object",
                    "description": {{Json(text)}},
                    "properties": { "name": { "type": "string", "description": {{Json(text)}} } }
                  }
                }
              }
            }
            """;

        var run = GeneratorHarness.Run(new[] { new Spec("/specs/Docs.json", document) });

        GeneratorHarness.AssertCompilesCleanly(run);
        var generated = run.OutputCompilation.SyntaxTrees.Where(tree => tree.FilePath.Contains("Docs", System.StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(generated);
        Assert.Contains(generated, tree => tree.ToString().Contains("Injected", System.StringComparison.Ordinal));
        foreach (var tree in generated)
        {
            var root = tree.GetRoot();
            Assert.DoesNotContain(root.DescendantNodes().OfType<MethodDeclarationSyntax>(), method => method.Identifier.Text == "Injected");
            Assert.DoesNotContain(root.DescendantNodes().OfType<AttributeSyntax>(), attribute => attribute.ToString().Contains("ModuleInitializer", System.StringComparison.Ordinal));
        }
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
