using System;
using System.Linq;
using System.Text.Json;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// How an error message names the type a body should have been and where in the body it was not: as C# spells the
/// type (<c>IList&lt;long&gt;</c>, where <see cref="System.Reflection.MemberInfo.Name"/> says <c>IList`1</c>) and with the JSON path of the
/// offending value (<c>$[1]</c>), which custom converters' messages leave out.
/// </summary>
internal static class TypeDisplay
{
    /// <summary><paramref name="type"/> as C# spells it, namespaces left out: <c>IDictionary&lt;string, DateTimeOffset?&gt;</c>.</summary>
    public static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericType)
        {
            var name = type.Name;
            var tick = name.IndexOf('`');
            return (tick < 0 ? name : name.Substring(0, tick)) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        if (type.IsEnum)
        {
            return type.Name;
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool",
            TypeCode.Byte => "byte",
            TypeCode.SByte => "sbyte",
            TypeCode.Int16 => "short",
            TypeCode.UInt16 => "ushort",
            TypeCode.Int32 => "int",
            TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long",
            TypeCode.UInt64 => "ulong",
            TypeCode.Single => "float",
            TypeCode.Double => "double",
            TypeCode.Decimal => "decimal",
            TypeCode.String => "string",
            TypeCode.Char => "char",
            _ => type == typeof(object) ? "object" : type.Name,
        };
    }

    /// <summary>
    /// The exception's message with the JSON path of the value it is about, when System.Text.Json knows the path and
    /// the message does not already say it (its own messages do; a converter's own message does not).
    /// </summary>
    public static string Located(JsonException exception) =>
        exception.Path is { Length: > 0 } path && exception.Message.IndexOf("Path: ", StringComparison.Ordinal) < 0
            ? exception.Message.TrimEnd() + " Path: " + path + "."
            : exception.Message;
}
