using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using UiPathClients.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1pets/get</c>) lands in the original text of a JSON or YAML spec,
/// because Microsoft.OpenApi reports problems by pointer only and an editor wants a line.
/// </summary>
/// <remarks>
/// The text is scanned once into a tree of member names and array items that remembers where each one
/// starts; the tree is built on the first lookup, so a spec without diagnostics never pays for it. Members
/// point at their name, array items at their value. A pointer whose tail does not exist lands on the deepest
/// node that does; malformed text keeps whatever was read before the fault, so at worst the answer is the
/// start of the file. Nothing here throws, and the scanners keep their own stacks so deep nesting cannot
/// overflow the compiler's.
/// </remarks>
internal sealed class JsonPointerLocator
{
    private readonly string _text;
    private readonly bool _yaml;
    private readonly SpecTextPositions _positions;
    private Node? _root;
    private List<(string Value, Node Node)>? _references;

    private JsonPointerLocator(string filePath, string text, bool yaml)
    {
        _text = text ?? string.Empty;
        _yaml = yaml;
        _positions = new SpecTextPositions(filePath, _text);
    }

    public static JsonPointerLocator ForJson(string filePath, string text) => new(filePath, text, yaml: false);

    public static JsonPointerLocator ForYaml(string filePath, string text) => new(filePath, text, yaml: true);

    /// <summary>The position of the deepest node on <paramref name="pointer"/>'s path; the start of the file when not even its first segment exists.</summary>
    /// <param name="pointer">A JSON pointer, bare (<c>/a/b</c>) or as a URI fragment (<c>#/a/b</c>, <c>file.json#/a/b</c>).</param>
    public SpecPosition Locate(string? pointer)
    {
        var root = EnsureScanned();
        var node = root;
        foreach (var segment in Segments(pointer))
        {
            var child = Child(node, segment);
            if (child is null)
            {
                break;
            }

            node = child;
        }

        return ReferenceEquals(node, root) ? SpecPosition.StartOf(_positions.FilePath) : PositionOf(node);
    }

    /// <summary>
    /// The first <c>$ref</c> member whose value is <paramref name="reference"/>; failing that, the first whose
    /// last segment is <paramref name="id"/> (OpenAPI 2.0's <c>#/definitions/X</c> is read as <c>#/components/schemas/X</c>).
    /// </summary>
    public SpecPosition LocateReference(string? reference, string? id)
    {
        EnsureScanned();
        var references = _references!;
        foreach (var entry in references)
        {
            if (string.Equals(entry.Value, reference, StringComparison.Ordinal))
            {
                return PositionOf(entry.Node);
            }
        }

        if (!string.IsNullOrEmpty(id))
        {
            foreach (var entry in references)
            {
                var slash = entry.Value.LastIndexOf('/');
                if (slash >= 0 && string.Equals(Unescape(entry.Value.Substring(slash + 1)), id, StringComparison.Ordinal))
                {
                    return PositionOf(entry.Node);
                }
            }
        }

        return SpecPosition.StartOf(_positions.FilePath);
    }

    /// <summary>The node <paramref name="pointer"/> names in <paramref name="root"/>, or <see langword="null"/> when there is none.</summary>
    public static System.Text.Json.Nodes.JsonNode? Resolve(System.Text.Json.Nodes.JsonNode root, string pointer)
    {
        System.Text.Json.Nodes.JsonNode? node = root;
        foreach (var raw in Segments(pointer))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                System.Text.Json.Nodes.JsonObject obj when obj.TryGetPropertyValue(segment, out var member) => member,
                System.Text.Json.Nodes.JsonObject obj when segment.IndexOf('%') >= 0 && obj.TryGetPropertyValue(PercentDecode(segment), out var member) => member,
                System.Text.Json.Nodes.JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private Node EnsureScanned()
    {
        if (_root is null)
        {
            _references = new List<(string, Node)>();
            _root = _yaml ? ScanYaml(_text, _references) : ScanJson(_text, _references);
        }

        return _root;
    }

    private SpecPosition PositionOf(Node node) => _positions.At(node.Line + 1, node.Column + 1, node.Length);

    private static IEnumerable<string> Segments(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            yield break;
        }

        var path = pointer!;
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            path = path.Substring(hash + 1);
        }

        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var segment in path.Substring(1).Split('/'))
        {
            yield return segment;
        }
    }

    /// <summary>RFC 6901: <c>~1</c> is <c>/</c> and <c>~0</c> is <c>~</c>, in that order so <c>~01</c> stays <c>~1</c>.</summary>
    private static string Unescape(string segment) =>
        segment.IndexOf('~') < 0 ? segment : segment.Replace("~1", "/").Replace("~0", "~");

    private static Node? Child(Node node, string rawSegment)
    {
        var segment = Unescape(rawSegment);
        if (node.Members is { } members)
        {
            if (members.TryGetValue(segment, out var member))
            {
                return member;
            }

            // A pointer in a URI fragment may be percent-encoded ({id} as %7Bid%7D).
            if (segment.IndexOf('%') >= 0 && members.TryGetValue(PercentDecode(segment), out member))
            {
                return member;
            }
        }

        if (node.Items is { } items
            && (segment == "0" || (segment.Length > 0 && segment[0] != '0'))
            && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < items.Count)
        {
            return items[index];
        }

        return null;
    }

    private static string PercentDecode(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }

    private static Node ScanJson(string text, List<(string Value, Node Node)> references) =>
        new JsonScanner(text, references).Scan();

    private static Node ScanYaml(string text, List<(string Value, Node Node)> references)
    {
        var root = new Node(0, 0, 0);
        try
        {
            // The same text YamlToJson reads: only whitespace-only lines differ, and they hold no nodes.
            var parser = new Parser(new StringReader(YamlToJson.BlankWhitespaceOnlyLines(text)));
            new YamlTreeBuilder(root, references).Build(parser);
        }
        catch (YamlException)
        {
            // Keep what was read before the fault.
        }

        return root;
    }

    /// <summary>Where a member name or array item starts (zero-based), and the length of its name when it has one.</summary>
    private sealed class Node(int line, int column, int length)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;

        public int Length { get; } = length;

        public Dictionary<string, Node>? Members { get; set; }

        public List<Node>? Items { get; set; }
    }

    /// <summary>A container being filled: its node, and for objects the member whose value comes next.</summary>
    private sealed class Frame(Node node, bool isObject)
    {
        public Node Node { get; } = node;

        public bool IsObject { get; } = isObject;

        public string? Key { get; set; }

        public Node? Slot { get; set; }

        /// <summary>YAML only: a complex key being read; its contents go nowhere.</summary>
        public bool IsKey { get; set; }
    }

    /// <summary>A JSON scanner that counts lines as it goes (Utf8JsonReader gives byte offsets only).</summary>
    private sealed class JsonScanner(string text, List<(string Value, Node Node)> references)
    {
        private readonly Stack<Frame> _stack = new();
        private int _position;
        private int _line;
        private int _lineStart;

        private enum Expect
        {
            Value,
            KeyOrEnd,
            Key,
            Colon,
            ItemOrEnd,
            CommaOrEnd,
        }

        public Node Scan()
        {
            var root = new Node(0, 0, 0);
            var slot = root;
            string? slotKey = null;
            var expect = Expect.Value;
            while (true)
            {
                SkipWhitespace();
                if (_position >= text.Length)
                {
                    return root;
                }

                var c = text[_position];
                switch (expect)
                {
                    case Expect.Value:
                        if (c == '{' || c == '[')
                        {
                            Advance();
                            var isObject = c == '{';
                            if (isObject)
                            {
                                slot.Members = new Dictionary<string, Node>(StringComparer.Ordinal);
                            }
                            else
                            {
                                slot.Items = new List<Node>();
                            }

                            _stack.Push(new Frame(slot, isObject));
                            expect = isObject ? Expect.KeyOrEnd : Expect.ItemOrEnd;
                            continue;
                        }

                        if (c == '"')
                        {
                            var value = ReadString(decode: slotKey == "$ref");
                            if (value is null)
                            {
                                return root;
                            }

                            if (slotKey == "$ref")
                            {
                                references.Add((value, slot));
                            }
                        }
                        else if (!SkipLiteral())
                        {
                            return root;
                        }

                        if (_stack.Count == 0)
                        {
                            return root;
                        }

                        expect = Expect.CommaOrEnd;
                        continue;

                    case Expect.KeyOrEnd:
                    case Expect.Key:
                        if (c == '}' && _stack.Peek().IsObject)
                        {
                            // "Key" tolerates a trailing comma: the position of what came before is still right.
                            Advance();
                            if (!Close(out expect))
                            {
                                return root;
                            }

                            continue;
                        }

                        if (c != '"')
                        {
                            return root;
                        }

                        var (line, column, start) = (_line, _position - _lineStart, _position);
                        var key = ReadString(decode: true);
                        if (key is null)
                        {
                            return root;
                        }

                        var member = new Node(line, column, _position - start);
                        var frame = _stack.Peek();
                        frame.Node.Members![key] = member;
                        frame.Key = key;
                        frame.Slot = member;
                        expect = Expect.Colon;
                        continue;

                    case Expect.Colon:
                        if (c != ':')
                        {
                            return root;
                        }

                        Advance();
                        slot = _stack.Peek().Slot!;
                        slotKey = _stack.Peek().Key;
                        expect = Expect.Value;
                        continue;

                    case Expect.ItemOrEnd:
                        if (c == ']')
                        {
                            Advance();
                            if (!Close(out expect))
                            {
                                return root;
                            }

                            continue;
                        }

                        var item = new Node(_line, _position - _lineStart, 0);
                        _stack.Peek().Node.Items!.Add(item);
                        slot = item;
                        slotKey = null;
                        expect = Expect.Value;
                        continue;

                    case Expect.CommaOrEnd:
                        var top = _stack.Peek();
                        if (c == ',')
                        {
                            Advance();
                            expect = top.IsObject ? Expect.Key : Expect.ItemOrEnd;
                            continue;
                        }

                        if (c == (top.IsObject ? '}' : ']'))
                        {
                            Advance();
                            if (!Close(out expect))
                            {
                                return root;
                            }

                            continue;
                        }

                        return root;
                }
            }
        }

        /// <summary>Ends the innermost container; false when that was the root value.</summary>
        private bool Close(out Expect next)
        {
            _stack.Pop();
            next = Expect.CommaOrEnd;
            return _stack.Count > 0;
        }

        private void Advance()
        {
            if (text[_position] == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }

            _position++;
        }

        private void SkipWhitespace()
        {
            while (_position < text.Length && (char.IsWhiteSpace(text[_position]) || text[_position] == '\uFEFF'))
            {
                Advance();
            }
        }

        /// <summary>Numbers, true, false, null: everything up to the next delimiter. False when there is nothing.</summary>
        private bool SkipLiteral()
        {
            var start = _position;
            while (_position < text.Length && text[_position] is not (',' or '}' or ']' or ':' or '"' or '{' or '[') && !char.IsWhiteSpace(text[_position]))
            {
                Advance();
            }

            return _position > start;
        }

        /// <summary>Reads a string token; its value when <paramref name="decode"/>, else empty. Null when it never ends.</summary>
        private string? ReadString(bool decode)
        {
            Advance();
            var builder = decode ? new StringBuilder() : null;
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c == '"')
                {
                    Advance();
                    return builder?.ToString() ?? string.Empty;
                }

                if (c == '\\')
                {
                    Advance();
                    if (_position >= text.Length)
                    {
                        return null;
                    }

                    var escaped = text[_position];
                    Advance();
                    if (builder is null)
                    {
                        continue;
                    }

                    switch (escaped)
                    {
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_position + 4 <= text.Length
                                && int.TryParse(text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            {
                                builder.Append((char)code);
                                _position += 4;
                            }

                            break;
                        default: builder.Append(escaped); break;
                    }

                    continue;
                }

                builder?.Append(c);
                Advance();
            }

            return null;
        }
    }

    /// <summary>Builds the tree from YamlDotNet's parser events, whose marks carry line and column.</summary>
    private sealed class YamlTreeBuilder(Node root, List<(string Value, Node Node)> references)
    {
        private readonly Stack<Frame> _stack = new();
        private bool _rootRead;

        public void Build(Parser parser)
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentEnd:
                        // YamlToJson reads the first document only.
                        return;
                    case MappingStart or SequenceStart or Scalar or AnchorAlias:
                        if (!Node(parser.Current!))
                        {
                            return;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        if (_stack.Count == 0)
                        {
                            return;
                        }

                        var closed = _stack.Pop();
                        Completed(closed.IsKey ? closed.Node : null);
                        break;
                }
            }
        }

        /// <summary>A node event: a key or a value of the container on top. False once the root value is complete.</summary>
        private bool Node(ParsingEvent parsed)
        {
            if (_stack.Count == 0)
            {
                if (_rootRead)
                {
                    return false;
                }

                _rootRead = true;
                Open(parsed, root, isKey: false);
                return true;
            }

            var frame = _stack.Peek();
            if (frame.IsObject && frame.Slot is null)
            {
                // A key. Complex keys (a mapping or sequence as key) cannot be named by a pointer: they get a detached node.
                if (parsed is Scalar key)
                {
                    var member = At(parsed.Start, parsed.End);
                    if (frame.Node.Members is { } members)
                    {
                        members[key.Value] = member;
                    }

                    frame.Key = key.Value;
                    frame.Slot = member;
                    return true;
                }

                var detached = At(parsed.Start, parsed.End);
                if (!Open(parsed, detached, isKey: true))
                {
                    frame.Key = null;
                    frame.Slot = detached;
                }

                return true;
            }

            Node slot;
            if (frame.IsObject)
            {
                slot = frame.Slot!;
            }
            else
            {
                slot = At(parsed.Start, parsed is Scalar ? parsed.End : parsed.Start);
                frame.Node.Items?.Add(slot);
            }

            if (parsed is Scalar scalar && frame.IsObject && frame.Key == "$ref" && !frame.IsKey)
            {
                references.Add((scalar.Value, slot));
            }

            if (!Open(parsed, slot, isKey: false))
            {
                Completed(null);
            }

            return true;
        }

        /// <summary>Pushes a container for a mapping or sequence start; false for a scalar or alias, which are complete at once.</summary>
        private bool Open(ParsingEvent parsed, Node node, bool isKey)
        {
            var inKey = isKey || (_stack.Count > 0 && _stack.Peek().IsKey);
            switch (parsed)
            {
                case MappingStart:
                    if (!inKey)
                    {
                        node.Members = new Dictionary<string, Node>(StringComparer.Ordinal);
                    }

                    _stack.Push(new Frame(node, isObject: true) { IsKey = inKey });
                    return true;
                case SequenceStart:
                    if (!inKey)
                    {
                        node.Items = new List<Node>();
                    }

                    _stack.Push(new Frame(node, isObject: false) { IsKey = inKey });
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A value finished: the container on top expects its next key (or item). <paramref name="keyNode"/> is set when the finished node was a complex key.</summary>
        private void Completed(Node? keyNode)
        {
            if (_stack.Count == 0)
            {
                return;
            }

            var frame = _stack.Peek();
            if (!frame.IsObject)
            {
                return;
            }

            if (keyNode is not null && frame.Slot is null)
            {
                frame.Key = null;
                frame.Slot = keyNode;
            }
            else
            {
                frame.Key = null;
                frame.Slot = null;
            }
        }

        private static Node At(Mark start, Mark end) =>
            new(
                (int)Math.Max(0, start.Line - 1),
                (int)Math.Max(0, start.Column - 1),
                end.Line == start.Line ? (int)Math.Max(0, end.Column - start.Column) : 0);
    }
}
