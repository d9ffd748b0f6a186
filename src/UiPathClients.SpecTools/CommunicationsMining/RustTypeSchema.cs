using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace UiPathClients.SpecTools.CommunicationsMining;

/// <summary>
/// Turns the Rust type notation of the Communications Mining indexes (the shape openapi-generator's
/// Rust target gave each schema) back into JSON Schema for OpenAPI 3.1.
/// </summary>
/// <remarks>
/// <c>Option&lt;T&gt;</c> is not decided here: whether it means "may be absent" or "present but may be
/// null" depends on the index's <c>optional</c>/<c>required</c> flag, so callers strip it and call
/// <see cref="Nullable"/> themselves.
/// </remarks>
internal static class RustTypeSchema
{
    private const string OptionPrefix = "Option<";
    private const string VecPrefix = "Vec<";
    private static readonly string[] MapPrefixes = { "std::collections::HashMap<", "HashMap<" };

    /// <summary>The type inside <c>Option&lt;…&gt;</c>, or <see langword="null"/> when the type is not optional.</summary>
    public static string? UnwrapOption(string type)
    {
        type = type.Trim();
        return type.StartsWith(OptionPrefix, StringComparison.Ordinal) && type.EndsWith('>')
            ? type[OptionPrefix.Length..^1].Trim()
            : null;
    }

    /// <summary>The schema of a Rust type; model names become <c>$ref</c>s, which <paramref name="referenced"/> collects.</summary>
    public static JsonObject Map(string type, IReadOnlyDictionary<string, JsonObject> models, ISet<string> referenced)
    {
        type = type.Trim();
        if (UnwrapOption(type) is { } inner)
        {
            // Option nested inside a collection: the items (or values) may be null.
            return Nullable(Map(inner, models, referenced));
        }

        if (type.StartsWith(VecPrefix, StringComparison.Ordinal) && type.EndsWith('>'))
        {
            return new JsonObject
            {
                ["type"] = "array",
                ["items"] = Map(type[VecPrefix.Length..^1], models, referenced),
            };
        }

        foreach (var prefix in MapPrefixes)
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal) && type.EndsWith('>'))
            {
                var (key, value) = SplitPair(type[prefix.Length..^1], type);
                if (key != "String")
                {
                    throw new FormatException($"Map keys must be strings in JSON: '{type}'.");
                }

                return new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = Map(value, models, referenced),
                };
            }
        }

        switch (type)
        {
            case "String":
                return new JsonObject { ["type"] = "string" };
            case "bool":
                return new JsonObject { ["type"] = "boolean" };
            case "i32":
                return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
            case "i64":
                return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
            case "f32":
                return new JsonObject { ["type"] = "number", ["format"] = "float" };
            case "f64":
                return new JsonObject { ["type"] = "number", ["format"] = "double" };
            case "serde_json::Value":
                return new JsonObject();
            case "std::path::PathBuf":
                return new JsonObject { ["type"] = "string", ["format"] = "binary" };
        }

        if (models.ContainsKey(type))
        {
            referenced.Add(type);
            return Ref(type);
        }

        throw new FormatException($"Unknown type '{type}': neither a Rust primitive of the index nor one of its models.");
    }

    public static JsonObject Ref(string model) => new() { ["$ref"] = "#/components/schemas/" + model };

    /// <summary>
    /// OpenAPI 3.1 has no <c>nullable</c>: a typed schema adds <c>"null"</c> to its <c>type</c>, a
    /// <c>$ref</c> (which takes no siblings that narrow it) becomes <c>oneOf: [$ref, {type: null}]</c>,
    /// and the empty schema already admits null.
    /// </summary>
    public static JsonObject Nullable(JsonObject schema)
    {
        if (schema.Count == 0)
        {
            return schema;
        }

        if (schema.ContainsKey("$ref"))
        {
            return new JsonObject { ["oneOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
        }

        var type = schema["type"]?.GetValue<string>() ?? throw new InvalidOperationException("Only typed schemas are made nullable.");
        schema["type"] = new JsonArray(type, "null");
        return schema;
    }

    private static (string Key, string Value) SplitPair(string arguments, string whole)
    {
        var depth = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return (arguments[..i].Trim(), arguments[(i + 1)..].Trim());
            }
        }

        throw new FormatException($"Expected two type arguments in '{whole}'.");
    }
}
