using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// YAML to the JSON tree Microsoft.OpenApi reads (its own YAML reader cannot run here, DESIGN.md), recording where
/// each node was written as it goes (<see cref="NodeSpots"/>), so the text is parsed once. Plain
/// (unquoted) scalars become booleans, null or numbers the way YAML 1.2's core schema reads them;
/// everything else stays a string.
/// </summary>
/// <remarks>
/// Built from YamlDotNet's parser events with an explicit stack rather than its recursive representation model, so
/// that no document can exhaust the stack, and bounded: nesting deeper than <see cref="SpecLimits.MaxJsonDepth"/> or
/// aliases that would copy more than <see cref="SpecLimits.MaxYamlAliasNodes"/> nodes stop the read with a
/// <see cref="SpecLimitException"/> at the offending node. An alias copies its anchor's finished subtree, whose size is
/// known, so an expansion is refused before anything is copied; an alias inside the node its anchor names (a cycle)
/// and a mapping or sequence used as a key (OpenAPI's keys are strings) are invalid YAML for this reader.
/// </remarks>
internal static class YamlToJson
{
    /// <exception cref="YamlException">The text is not valid YAML, or not YAML that maps onto JSON (carries line and column).</exception>
    /// <exception cref="SpecLimitException">The document nests too deep or its aliases expand too far.</exception>
    public static string Convert(string yaml) => ToNode(yaml)?.ToJsonString() ?? "null";

    /// <summary>The document as a JSON tree (an empty stream is an empty object).</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="spots">Where each node was written is recorded here, when given: a member at its key, an item at its value.</param>
    /// <inheritdoc cref="Convert" path="/exception"/>
    public static JsonNode? ToNode(string yaml, NodeSpots? spots = null)
    {
        var parser = new Parser(new StringReader(BlankWhitespaceOnlyLines(yaml)));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            return new JsonObject();
        }

        return new Builder(spots).Read(parser);
    }

    /// <summary>
    /// Empties lines that hold only spaces or tabs. YamlDotNet rejects such a line when it is indented deeper
    /// than the block scalar it opens (OpenAI's spec has one in an example); other YAML readers accept it,
    /// and the only thing it can change is whitespace inside example text, which the generator never reads.
    /// </summary>
    internal static string BlankWhitespaceOnlyLines(string yaml) =>
        System.Text.RegularExpressions.Regex.Replace(yaml, "^[ \\t]+$", string.Empty, System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>A finished node an anchor names, with what copying it costs: its node count and its height.</summary>
    private readonly record struct Anchored(JsonNode? Node, int Nodes, int Height);

    /// <summary>A mapping or sequence being read.</summary>
    private sealed class Frame(JsonNode container, string? anchor, Mark start)
    {
        public JsonNode Container { get; } = container;

        public string? Anchor { get; } = anchor;

        public Mark Start { get; } = start;

        /// <summary>The key whose value comes next (mappings); <see langword="null"/> while a key is expected.</summary>
        public string? Key { get; set; }

        /// <summary>Where <see cref="Key"/> was written; none for a key that is an alias.</summary>
        public TextSpot? KeySpot { get; set; }

        /// <summary>The nodes under this one, itself included.</summary>
        public int Nodes { get; set; } = 1;

        /// <summary>The height of the tallest child plus one.</summary>
        public int Height { get; set; } = 1;
    }

    private sealed class Builder(NodeSpots? spots)
    {
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, Anchored> _anchors = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _open = new(System.StringComparer.Ordinal);
        private long _aliasNodes;
        private JsonNode? _root;

        public JsonNode? Read(Parser parser)
        {
            // The parser stands on the document's first event already.
            for (var more = parser.Current is not null; more; more = parser.MoveNext())
            {
                var parsed = parser.Current!;
                switch (parsed)
                {
                    case MappingStart or SequenceStart:
                        Open((NodeEvent)parsed);
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = _stack.Pop();
                        if (frame.Anchor is not null)
                        {
                            _open.Remove(frame.Anchor);
                        }

                        if (Completed(frame.Container, frame.Anchor, frame.Nodes, frame.Height, Spot(frame.Start, frame.Start)))
                        {
                            return _root;
                        }

                        break;
                    case Scalar scalar:
                        if (_stack.Count > 0 && _stack.Peek() is { Container: JsonObject, Key: null } keyed)
                        {
                            keyed.Key = scalar.Value ?? string.Empty;
                            keyed.KeySpot = Spot(scalar.Start, scalar.End);
                            if (!scalar.Anchor.IsEmpty)
                            {
                                _anchors[scalar.Anchor.Value] = new Anchored(JsonValue.Create(keyed.Key), 1, 0);
                            }

                            break;
                        }

                        if (Completed(Value(scalar), scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1, 0, Spot(scalar.Start, scalar.End)))
                        {
                            return _root;
                        }

                        break;
                    case AnchorAlias alias:
                        if (Alias(alias))
                        {
                            return _root;
                        }

                        break;
                    case DocumentEnd:
                        // Only the first document is read.
                        return _root;
                }
            }

            return _root;
        }

        private void Open(NodeEvent start)
        {
            if (_stack.Count > 0 && _stack.Peek() is { Container: JsonObject, Key: null })
            {
                throw new YamlException(start.Start, start.End, $"A {(start is MappingStart ? "mapping" : "sequence")} is used as a mapping key; an OpenAPI document's keys are strings.");
            }

            if (_stack.Count >= SpecLimits.MaxJsonDepth)
            {
                throw new SpecLimitException(start.Start, $"it nests mappings and sequences deeper than {SpecLimits.MaxJsonDepth.ToString(CultureInfo.InvariantCulture)} levels");
            }

            var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
            if (anchor is not null)
            {
                // Until it ends, an alias to this name means an earlier anchor of that name, or (when there is none) a cycle.
                _open.Add(anchor);
            }

            _stack.Push(new Frame(start is MappingStart ? new JsonObject() : new JsonArray(), anchor, start.Start));
        }

        /// <returns><see langword="true"/> when the root is complete.</returns>
        private bool Alias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (!_anchors.TryGetValue(name, out var anchored))
            {
                throw new YamlException(alias.Start, alias.End, _open.Contains(name)
                    ? $"The alias '*{name}' is inside the node its anchor names, so it would repeat itself without end."
                    : $"The alias '*{name}' names no anchor before it.");
            }

            if (_stack.Count > 0 && _stack.Peek() is { Container: JsonObject, Key: null } keyed)
            {
                keyed.KeySpot = null;
                keyed.Key = anchored.Node is JsonValue value && value.TryGetValue<string>(out var text)
                    ? text
                    : throw new YamlException(alias.Start, alias.End, $"The alias '*{name}' is used as a mapping key but names a {(anchored.Node is JsonObject ? "mapping" : "sequence")}; an OpenAPI document's keys are strings.");
                return false;
            }

            _aliasNodes += anchored.Nodes;
            if (_aliasNodes > SpecLimits.MaxYamlAliasNodes)
            {
                throw new SpecLimitException(alias.Start, $"its aliases expand to more than {SpecLimits.MaxYamlAliasNodes.ToString(CultureInfo.InvariantCulture)} nodes");
            }

            if (_stack.Count + anchored.Height > SpecLimits.MaxJsonDepth)
            {
                throw new SpecLimitException(alias.Start, $"the alias '*{name}' nests mappings and sequences deeper than {SpecLimits.MaxJsonDepth.ToString(CultureInfo.InvariantCulture)} levels");
            }

            // The copy's depth is bounded by the check above, so the recursive clone is too.
            return Completed(anchored.Node?.DeepClone(), anchor: null, anchored.Nodes, anchored.Height, Spot(alias.Start, alias.Start));
        }

        /// <summary>A node is finished: it is named by its anchor and goes into its parent. True when it is the root.</summary>
        /// <param name="node">The node.</param>
        /// <param name="anchor">The anchor naming it, if any.</param>
        /// <param name="nodes">Its node count.</param>
        /// <param name="height">Its height.</param>
        /// <param name="itemSpot">Where it starts (a sequence item is located there; a mapping value at its key).</param>
        private bool Completed(JsonNode? node, string? anchor, int nodes, int height, TextSpot itemSpot)
        {
            if (anchor is not null)
            {
                _anchors[anchor] = new Anchored(node, nodes, height);
            }

            if (_stack.Count == 0)
            {
                _root = node;
                return true;
            }

            var parent = _stack.Peek();
            parent.Nodes += nodes;
            if (height + 1 > parent.Height)
            {
                parent.Height = height + 1;
            }

            if (parent.Container is JsonObject obj)
            {
                // Duplicate keys: the last wins, as JSON readers do.
                obj[parent.Key!] = node;
                if (parent.KeySpot is { } keySpot)
                {
                    spots?.Add(obj, parent.Key!, node, keySpot);
                }

                parent.Key = null;
            }
            else
            {
                var array = (JsonArray)parent.Container;
                if (spots is not null)
                {
                    if (node is null)
                    {
                        spots.Add(array, array.Count.ToString(CultureInfo.InvariantCulture), null, itemSpot);
                    }
                    else
                    {
                        spots.Add(node, itemSpot);
                    }
                }

                array.Add(node);
            }

            return false;
        }
    }

    /// <summary>A node's spot: its start, spanning it when it ends on the same line.</summary>
    private static TextSpot Spot(Mark start, Mark end) =>
        TextSpot.AtLine(
            (int)System.Math.Max(1, start.Line),
            (int)System.Math.Max(1, start.Column),
            end.Line == start.Line ? (int)System.Math.Max(0, end.Column - start.Column) : 0);

    private static JsonValue? Value(Scalar scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case "null" or "Null" or "NULL" or "~" or "":
                return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) && !double.IsNaN(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
