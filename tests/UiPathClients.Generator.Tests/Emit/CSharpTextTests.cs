using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UiPathClients.Generator.Emit;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>Each output context of <see cref="CSharpText"/> keeps hostile text data: it parses back to exactly the text, or stays a comment.</summary>
public sealed class CSharpTextTests
{
    private static readonly string[] Hostile =
    {
        "plain", "quote\" back\\slash", "cr\rlf\ncrlf\r\n", "nel\u0085ls\u2028ps\u2029", "nul\0bell\a", "rlo\u202Eisolate\u2066\u2069lrm\u200E",
        "*/ /* {interpolation} \"\"\" @\"verbatim\"", "\uD800 lone surrogate", "emoji \U0001F600",
    };

    [Fact]
    public void A_string_literal_parses_back_to_the_text_and_holds_no_raw_control_terminator_or_bidi_character()
    {
        foreach (var text in Hostile)
        {
            var literal = CSharpText.StringLiteral(text);

            var parsed = SyntaxFactory.ParseExpression(literal);
            Assert.Empty(parsed.GetDiagnostics());
            var token = Assert.IsType<LiteralExpressionSyntax>(parsed).Token;
            Assert.Equal(text, token.ValueText);
            Assert.DoesNotContain(literal, character => char.IsControl(character) || character is '\u2028' or '\u2029' || CSharpText.IsBidiControl(character));
        }
    }

    [Fact]
    public void A_doc_line_stays_one_comment_line_with_no_bidi_control()
    {
        foreach (var text in Hostile)
        {
            var line = "/// " + CSharpText.DocLine(text);

            var root = CSharpSyntaxTree.ParseText(line + "\nclass C { }").GetCompilationUnitRoot();
            var declaration = Assert.IsType<ClassDeclarationSyntax>(Assert.Single(root.Members));
            Assert.Equal(line.Length + 1, declaration.Keyword.SpanStart); // the whole line was comment, the next one code
            Assert.DoesNotContain(line, character => character is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' || CSharpText.IsBidiControl(character));
            Assert.DoesNotContain("<", line.Substring(4).Replace("&lt;", string.Empty), System.StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Sub.Ns.Type", "Sub.Ns.Type")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j")]
    [InlineData("rlo\u202Ename", "rlo_name")]
    public void A_hint_name_segment_holds_only_file_name_safe_characters(string name, string expected)
    {
        Assert.Equal(expected, CSharpText.HintNameSegment(name));
    }
}
