using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UiPathClients.SpecTools;

/// <summary>
/// Writes a <see cref="JsonNode"/> tree as block-style YAML, keeping member order, with <c>\n</c> line ends.
/// </summary>
/// <remarks>
/// Hand-written rather than a serializer so that the output is byte-stable and every scalar that a
/// YAML 1.1 or 1.2 reader could take for something else (<c>null</c>, <c>yes</c>, <c>200</c>,
/// <c>#/…</c>, <c>id:{x}</c>) is quoted: the text must read back as exactly the tree it came from,
/// through <see cref="YamlJson"/> and through any other reader.
/// </remarks>
internal static partial class YamlWriter
{
    private const int FlowSequenceLimit = 80;

    public static string Write(JsonNode root)
    {
        var builder = new StringBuilder();
        switch (root)
        {
            case JsonObject obj when obj.Count > 0:
                WriteMapping(builder, obj, 0);
                break;
            case JsonArray array when array.Count > 0:
                WriteSequence(builder, array, 0);
                break;
            default:
                builder.Append(Scalar(root)).Append('\n');
                break;
        }

        return builder.ToString();
    }

    /// <summary>A scalar as it must be written: plain when unambiguous, otherwise single-quoted.</summary>
    public static string Scalar(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return value.ToJsonString();
            case JsonValueKind.String:
                return Quote(value.GetValue<string>());
            default:
                throw new InvalidOperationException($"Unexpected JSON value kind {value.GetValueKind()}.");
        }
    }

    private static string Quote(string text) =>
        PlainSafe().IsMatch(text) && !IsReserved(text)
            ? text
            : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    // Words of letters, digits and punctuation that never start or end a YAML construct, one space
    // apart. Anything else (':', '#', quotes, '{', ',', a leading digit, dot or dash) is quoted.
    [GeneratedRegex(@"^[A-Za-z_$/][A-Za-z0-9_$/.\-]*(?: [A-Za-z0-9_$/.\-()]+)*$")]
    private static partial Regex PlainSafe();

    private static bool IsReserved(string text) =>
        text.ToLowerInvariant() is "null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "~";

    private static void WriteMapping(StringBuilder builder, JsonObject obj, int indent, bool firstLineIndented = true)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!first || firstLineIndented)
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(Quote(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    private static void WriteSequence(StringBuilder builder, JsonArray array, int indent)
    {
        foreach (var item in array)
        {
            builder.Append(' ', indent).Append("- ");
            switch (item)
            {
                case JsonObject obj when obj.Count > 0:
                    WriteMapping(builder, obj, indent + 2, firstLineIndented: false);
                    break;
                case JsonArray nested when nested.Count > 0:
                    builder.Append('\n');
                    WriteSequence(builder, nested, indent + 2);
                    break;
                case JsonObject:
                    builder.Append("{}\n");
                    break;
                case JsonArray:
                    builder.Append("[]\n");
                    break;
                default:
                    builder.Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>Writes what follows <c>key:</c>.</summary>
    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                builder.Append(" []\n");
                break;
            case JsonObject obj:
                builder.Append('\n');
                WriteMapping(builder, obj, indent + 2);
                break;
            case JsonArray array when TryFlow(array) is { } flow:
                builder.Append(' ').Append(flow).Append('\n');
                break;
            case JsonArray array:
                builder.Append('\n');
                WriteSequence(builder, array, indent + 2);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    /// <summary>Short lists of scalars (<c>type: [string, 'null']</c>) read better on one line.</summary>
    private static string? TryFlow(JsonArray array)
    {
        if (array.Any(item => item is JsonObject or JsonArray))
        {
            return null;
        }

        var flow = "[" + string.Join(", ", array.Select(Scalar)) + "]";
        return flow.Length <= FlowSequenceLimit ? flow : null;
    }
}
