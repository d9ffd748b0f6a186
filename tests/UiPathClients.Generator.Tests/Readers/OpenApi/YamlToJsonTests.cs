using System;
using System.Linq;
using System.Text;
using UiPathClients.Generator.Readers.OpenApi;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Readers.OpenApi;

/// <summary>
/// YAML that would crash, exhaust or fool the generator: deep nesting, alias bombs, alias cycles, non-scalar keys. Each is
/// one located diagnostic (UIPC0014 for a limit, UIPC0010 for YAML that does not map onto JSON), never UIPC0099.
/// </summary>
public sealed class YamlToJsonTests
{
    private const string Head = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\n";

    [Fact]
    public void A_hundred_thousand_nested_flow_sequences_are_refused_at_the_first_level_too_deep()
    {
        // Before: YamlDotNet's representation model and the conversion recursed once per level (a stack overflow at this depth).
        var yaml = Head + "x-deep: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        // 'x-deep' sits in the root mapping (level 1), so the 64th '[' opens level 65; it is column 9 + 63.
        var diagnostic = SpecDiagnostics.AssertSingle("deep.yaml", yaml, "UIPC0014", line: 6, "nests mappings and sequences deeper than 64 levels");
        Assert.Equal(9 + 63, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1);
    }

    [Fact]
    public void Nested_block_mappings_deeper_than_the_limit_are_refused_and_up_to_it_are_read()
    {
        static string Nested(int levels) => Head + string.Concat(Enumerable.Range(0, levels).Select(level => new string(' ', level) + "x-" + level.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":\n"));

        // The root is level 1, 'x-0: …' opens level 2: 63 nested keys reach level 64, the 64th opens level 65.
        Assert.Empty(SpecDiagnostics.Of("fits.yaml", Nested(63) + new string(' ', 63) + "leaf: 1\n"));
        // A block mapping starts at its first key: the one too deep is 'leaf', on the line after 'x-63'.
        SpecDiagnostics.AssertSingle("deep.yaml", Nested(64) + new string(' ', 64) + "leaf: 1\n", "UIPC0014", line: 6 + 64, "deeper than 64 levels");
    }

    [Fact]
    public void A_billion_laughs_is_refused_before_it_is_expanded()
    {
        // ~600 bytes whose aliases expand to 10^9 scalars (> 3 GB before): each level repeats the one before it ten times.
        var yaml = new StringBuilder(Head).Append("x-lol:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = "*a" + (level - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            yaml.Append("  a").Append(level).Append(": &a").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat(previous, 10))).Append("]\n");
        }

        // Refused at the alias that would pass 500,000 copied nodes: level 5 copies 11,111 nodes per alias (the 46th such
        // alias in all passes the budget), on the line of a5 (line 12).
        SpecDiagnostics.AssertSingle("lol.yaml", yaml.ToString(), "UIPC0014", line: 12, "its aliases expand to more than 500000 nodes");
    }

    [Fact]
    public void An_alias_inside_the_node_its_anchor_names_is_a_cycle()
    {
        var yaml = Head + "x-loop: &loop\n  child: *loop\n";

        var diagnostic = SpecDiagnostics.AssertSingle("loop.yaml", yaml, "UIPC0010", line: 7, "The alias '*loop' is inside the node its anchor names");

        // The span is the alias itself, not the start of the file, so an editor underlines it.
        Assert.Equal(yaml.IndexOf("*loop", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void An_alias_to_an_anchor_not_yet_declared_is_located()
    {
        SpecDiagnostics.AssertSingle("alias.yaml", Head + "x-early: *later\nx-later: &later 1\n", "UIPC0010", line: 6, "The alias '*later' names no anchor before it");
    }

    [Theory]
    [InlineData("  ? {a: 1}\n  : x\n", "A mapping is used as a mapping key")]
    [InlineData("  ? [a, b]\n  : x\n", "A sequence is used as a mapping key")]
    [InlineData("  ? *list\n  : x\n", "The alias '*list' is used as a mapping key but names a sequence")]
    public void A_mapping_or_sequence_as_a_key_is_located_invalid_yaml(string entry, string message)
    {
        // Before: an InvalidCastException, reported as UIPC0099 (a generator bug).
        var yaml = Head + "x-list: &list [1]\nx-keys:\n" + entry;

        SpecDiagnostics.AssertSingle("keys.yaml", yaml, "UIPC0010", line: 8, message);
    }

    [Fact]
    public void Aliases_within_the_budget_are_copied_as_before()
    {
        var json = YamlToJson.Convert("base: &base {type: string, maxLength: 3}\nname: *base\n&key k: v\nother: {*key : w}\n");

        Assert.Equal("{\"base\":{\"type\":\"string\",\"maxLength\":3},\"name\":{\"type\":\"string\",\"maxLength\":3},\"k\":\"v\",\"other\":{\"k\":\"w\"}}", json);
    }
}
