using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using UiPathClients.Generator.Diagnostics;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Where a node was written: a member at its name, an array item at the start of its value. YAML gives a line and a
/// column (one-based), JSON a character offset; either becomes a <see cref="SpecPosition"/> only when a diagnostic asks.
/// </summary>
internal readonly struct TextSpot
{
    private readonly int _lineOrOffset;
    private readonly int _column;

    private TextSpot(int lineOrOffset, int column, int length)
    {
        _lineOrOffset = lineOrOffset;
        _column = column;
        Length = length;
    }

    /// <summary>The length of a member's name as written (quotes included); 0 for an array item.</summary>
    public int Length { get; }

    public static TextSpot AtLine(int oneBasedLine, int oneBasedColumn, int length) => new(oneBasedLine, oneBasedColumn, length);

    public static TextSpot AtOffset(int offset, int length) => new(offset, -1, length);

    public SpecPosition ToPosition(SpecTextPositions positions) =>
        _column < 0 ? positions.AtOffset(_lineOrOffset, Length) : positions.At(_lineOrOffset, _column, Length);
}

/// <summary>
/// The <see cref="TextSpot"/> of each node of a tree read from YAML, keyed by the node itself (reference identity), so the
/// tree read once is also the map of the text. A <c>null</c> is no node: it is keyed by its container and member name
/// (or item index) instead. Nodes copied after the read (a YAML alias's copy, a rewritten tree) have no spot. JSON needs
/// no table: <see cref="JsonTextSpots"/> finds a pointer in the text itself.
/// </summary>
internal sealed class NodeSpots
{
    private readonly Dictionary<JsonNode, TextSpot> _nodes = new(ReferenceComparer.Instance);
    private readonly Dictionary<(JsonNode Container, string Key), TextSpot> _nulls = new(NullSlotComparer.Instance);

    /// <summary>Records where <paramref name="value"/>, member <paramref name="key"/> (or item index) of <paramref name="container"/>, was written.</summary>
    public void Add(JsonNode container, string key, JsonNode? value, TextSpot spot)
    {
        if (value is null)
        {
            _nulls[(container, key)] = spot;
        }
        else
        {
            _nodes[value] = spot;
        }
    }

    /// <summary>Records where an array item (not <see langword="null"/>) was written; no key is built for it.</summary>
    public void Add(JsonNode value, TextSpot spot) => _nodes[value] = spot;

    public bool TryGet(JsonNode container, string key, JsonNode? value, out TextSpot spot) =>
        value is null ? _nulls.TryGetValue((container, key), out spot) : _nodes.TryGetValue(value, out spot);

    private sealed class ReferenceComparer : IEqualityComparer<JsonNode>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonNode? x, JsonNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonNode obj) => RuntimeHelpers.GetHashCode(obj);
    }

    private sealed class NullSlotComparer : IEqualityComparer<(JsonNode Container, string Key)>
    {
        public static readonly NullSlotComparer Instance = new();

        public bool Equals((JsonNode Container, string Key) x, (JsonNode Container, string Key) y) =>
            ReferenceEquals(x.Container, y.Container) && string.Equals(x.Key, y.Key, System.StringComparison.Ordinal);

        public int GetHashCode((JsonNode Container, string Key) obj) =>
            (RuntimeHelpers.GetHashCode(obj.Container) * 31) ^ System.StringComparer.Ordinal.GetHashCode(obj.Key);
    }
}
