using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// Writes parameter values the way OpenAPI's <c>style</c>/<c>explode</c> table says. Values arrive as JSON
/// (serialized with the client's metadata), so enums already carry the service's spelling and dates their
/// ISO form; strings, numbers and booleans are written bare, arrays and objects per style.
/// </summary>
/// <remarks>
/// <para>
/// A null item of an array keeps its place as an empty item (<c>a,,b</c>): dropping it would shift every later item,
/// so a service reading positions would read other values. Null members of an object are left out (they have no
/// place to keep).
/// </para>
/// <para>
/// An empty array in the query follows what each form writes for a list of zero items. Joined forms (Swagger 2.0
/// <c>collectionFormat: csv</c>, <c>ssv</c>, <c>pipes</c>; OpenAPI 3 <c>form</c>, <c>spaceDelimited</c>,
/// <c>pipeDelimited</c> with <c>explode: false</c>) write one value that joins the items, and zero items join to the
/// empty string: <c>name=</c>. Swagger 2.0 defines csv as that join and says nothing to except the empty list, and the
/// caller passed a list (a null one sends nothing), so the service learns it is empty rather than absent. Repeated
/// forms (Swagger 2.0 <c>multi</c>, OpenAPI 3 <c>explode: true</c>) write one <c>name=item</c> per item, so zero
/// items write nothing: there is no pair to repeat (RFC 6570, which OpenAPI 3's styles come from, treats an empty
/// list as undefined).
/// </para>
/// </remarks>
internal static class ParameterSerializer
{
    /// <summary>A path parameter's replacement text, escaped.</summary>
    public static string Path(string name, JsonElement value, ParameterStyle style, bool explode)
    {
        var (items, pairs) = Parts(value);
        return style switch
        {
            ParameterStyle.Label => "." + Join(items, pairs, explode ? "." : ",", explode, Escape),
            ParameterStyle.Matrix when pairs is not null && explode => string.Concat(pairs.Select(pair => ";" + Escape(pair.Key) + "=" + Escape(pair.Value))),
            ParameterStyle.Matrix when items is not null && explode => string.Concat(items.Select(item => ";" + Escape(name) + "=" + Escape(item))),
            ParameterStyle.Matrix => ";" + Escape(name) + (IsEmptyPrimitive(items, pairs) ? string.Empty : "=" + Join(items, pairs, ",", explode: false, Escape)),
            _ => Join(items, pairs, ",", explode, Escape),
        };
    }

    /// <summary>Adds a query parameter's <c>name=value</c> pairs, escaped; nothing for null.</summary>
    public static void Query(List<string> target, string name, JsonElement value, ParameterStyle style, bool explode)
    {
        if (IsAbsent(value))
        {
            return;
        }

        var (items, pairs) = Parts(value);
        var escapedName = Escape(name);
        switch (style)
        {
            case ParameterStyle.DeepObject when pairs is not null:
                target.AddRange(pairs.Select(pair => escapedName + "[" + Escape(pair.Key) + "]=" + Escape(pair.Value)));
                return;
            case ParameterStyle.SpaceDelimited when items is not null && !explode:
                target.Add(escapedName + "=" + string.Join("%20", items.Select(Escape)));
                return;
            case ParameterStyle.PipeDelimited when items is not null && !explode:
                target.Add(escapedName + "=" + string.Join("|", items.Select(Escape)));
                return;
            case ParameterStyle.TabDelimited when items is not null && !explode:
                target.Add(escapedName + "=" + string.Join("%09", items.Select(Escape)));
                return;
        }

        if (items is not null && explode)
        {
            target.AddRange(items.Select(item => escapedName + "=" + Escape(item)));
        }
        else if (pairs is not null && explode)
        {
            target.AddRange(pairs.Select(pair => Escape(pair.Key) + "=" + Escape(pair.Value)));
        }
        else
        {
            // Joined: an empty array is "name=" (see remarks).
            target.Add(escapedName + "=" + Join(items, pairs, ",", explode: false, Escape));
        }
    }

    /// <summary>A header's value (<c>simple</c> style, not escaped), or <see langword="null"/> to send none.</summary>
    public static string? Header(JsonElement value, bool explode)
    {
        if (IsAbsent(value))
        {
            return null;
        }

        var (items, pairs) = Parts(value);
        return Join(items, pairs, ",", explode, text => text);
    }

    /// <summary>A cookie's <c>name=value</c> (<c>form</c> style), or <see langword="null"/> to send none.</summary>
    public static string? Cookie(string name, JsonElement value, bool explode)
    {
        if (IsAbsent(value))
        {
            return null;
        }

        var (items, pairs) = Parts(value);
        if (items is not null && explode)
        {
            return string.Join("; ", items.Select(item => name + "=" + Escape(item)));
        }

        return pairs is not null && explode
            ? string.Join("; ", pairs.Select(pair => pair.Key + "=" + Escape(pair.Value)))
            : name + "=" + Join(items, pairs, ",", explode: false, Escape);
    }

    /// <summary>A scalar as text: strings bare, numbers and booleans as JSON writes them, anything else as JSON.</summary>
    public static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };

    public static bool IsAbsent(JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    private static (List<string>? Items, List<KeyValuePair<string, string>>? Pairs) Parts(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => (value.EnumerateArray().Select(Scalar).ToList(), null),
        JsonValueKind.Object => (null, value.EnumerateObject().Where(property => !IsAbsent(property.Value)).Select(property => new KeyValuePair<string, string>(property.Name, Scalar(property.Value))).ToList()),
        _ => (new List<string> { Scalar(value) }, null),
    };

    private static bool IsEmptyPrimitive(List<string>? items, List<KeyValuePair<string, string>>? pairs) =>
        pairs is null && items is { Count: 1 } && items[0].Length == 0;

    private static string Join(List<string>? items, List<KeyValuePair<string, string>>? pairs, string separator, bool explode, Func<string, string> escape)
    {
        if (items is not null)
        {
            return string.Join(separator, items.Select(escape));
        }

        var builder = new StringBuilder();
        foreach (var pair in pairs!)
        {
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(escape(pair.Key)).Append(explode ? "=" : ",").Append(escape(pair.Value));
        }

        return builder.ToString();
    }

    private static string Escape(string text) => Uri.EscapeDataString(text);
}
