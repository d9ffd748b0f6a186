using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.Generator.Fuzz;

/// <summary>Structure-aware mutations of an OpenAPI tree; each returns a label saying what it did and where.</summary>
internal static class OpenApiMutator
{
    private static readonly HashSet<string> TextKeys = new(StringComparer.Ordinal)
    {
        "description", "summary", "title", "name", "operationId", "url", "host", "basePath", "x-ms-enum", "tags", "format", "pattern", "default", "example",
    };

    private static readonly string[] Versions = { "4.0", "3.2.0", "3.1.99", "2.1", "1.2", "", "3", "3.0", "three", "3.0.0-rc0", "\u2028" + "3.0.0" };

    private delegate string Mutation(JsonObject root, Random random);

    private static readonly (string Name, Mutation Apply, int Weight)[] Mutations =
    {
        ("text", InjectText, 5),
        ("name", RenameName, 5),
        ("duplicate-name", DuplicateName, 3),
        ("wrong-type", WrongType, 3),
        ("number", OddNumber, 3),
        ("delete", Delete, 2),
        ("ref", MutateReference, 2),
        ("version", MutateVersion, 1),
        ("deep", DeepWrap, 1),
        ("cycle", AddCycle, 2),
    };

    public static string Mutate(JsonObject root, Random random)
    {
        var total = Mutations.Sum(mutation => mutation.Weight);
        var pick = random.Next(total);
        foreach (var (name, apply, weight) in Mutations)
        {
            if (pick < weight)
            {
                return name + ": " + apply(root, random);
            }

            pick -= weight;
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The member name a node has in its parent object, or null at the root and in arrays.</summary>
    private static string? KeyOf(JsonNode? node) => node?.Parent is JsonObject ? node.GetPropertyName() : null;

    private static string Pointer(JsonNode? node) => node?.GetPath() ?? "$";

    /// <summary>A line terminator, bidi control, breaker or injection payload in a text field, a property name or a path.</summary>
    private static string InjectText(JsonObject root, Random random)
    {
        var nodes = OpenApiText.Nodes(root);
        var slots = nodes.Where(entry => entry.Node is JsonValue value && value.TryGetValue<string>(out _)
                && ((entry.Key is not null && TextKeys.Contains(entry.Key)) || KeyOf(entry.Parent) == "enum" || KeyOf(entry.Parent) == "tags"))
            .ToList();
        var keySlots = nodes.Where(entry => entry.Node is JsonObject && entry.Parent is JsonObject parent && KeyOf(parent) is "properties" or "paths" or "schemas" or "definitions")
            .ToList();
        if (keySlots.Count > 0 && (slots.Count == 0 || random.Next(3) == 0))
        {
            var (_, parent, key, _) = random.Pick(keySlots);
            var (label, text) = Hostile.Text(random, key!);
            RenameEverywhere(root, (JsonObject)parent!, key!, text);
            return $"{label} in the key {Pointer(parent)}['{key}']";
        }

        if (slots.Count == 0)
        {
            return "no text field";
        }

        var slot = random.Pick(slots);
        var (what, hostile) = Hostile.Text(random, slot.Node!.GetValue<string>());
        var where = Pointer(slot.Node);
        OpenApiText.Replace(slot.Parent!, slot.Key, slot.Index, JsonValue.Create(hostile));
        return $"{what} in {where}";
    }

    /// <summary>A hostile name in a name slot: schema, property, parameter, operationId, enum value, tag.</summary>
    private static string RenameName(JsonObject root, Random random)
    {
        var nodes = OpenApiText.Nodes(root);
        var (label, name) = random.Pick(Hostile.Names);
        var keySlots = nodes.Where(entry => entry.Parent is JsonObject parent && KeyOf(parent) is "properties" or "schemas" or "definitions" or "responses").ToList();
        var valueSlots = nodes.Where(entry => entry.Node is JsonValue value && value.TryGetValue<string>(out _)
            && (entry.Key is "operationId" or "name" || KeyOf(entry.Parent) == "enum")).ToList();
        if (keySlots.Count > 0 && (valueSlots.Count == 0 || random.Next(2) == 0))
        {
            var (_, parent, key, _) = random.Pick(keySlots);
            RenameEverywhere(root, (JsonObject)parent!, key!, name);
            return $"{label} for the key {Pointer(parent)}['{key}']";
        }

        if (valueSlots.Count == 0)
        {
            return "no name slot";
        }

        var slot = random.Pick(valueSlots);
        var where = Pointer(slot.Node);
        OpenApiText.Replace(slot.Parent!, slot.Key, slot.Index, JsonValue.Create(name));
        return $"{label} in {where}";
    }

    /// <summary>Renames a member and, for schemas, every <c>$ref</c> that points at it, so the rename is not just a broken reference.</summary>
    private static void RenameEverywhere(JsonObject root, JsonObject parent, string oldKey, string newKey)
    {
        var pointer = "#" + string.Concat(PathSegments(parent).Select(segment => "/" + OpenApiText.EscapePointer(segment)));
        var oldRef = pointer + "/" + OpenApiText.EscapePointer(oldKey);
        var newRef = pointer + "/" + OpenApiText.EscapePointer(newKey);
        OpenApiText.RenameKey(parent, oldKey, newKey);
        foreach (var entry in OpenApiText.Nodes(root).Where(entry => entry.Key == "$ref" && entry.Node is JsonValue value && value.TryGetValue<string>(out var text) && text == oldRef).ToList())
        {
            ((JsonObject)entry.Parent!)["$ref"] = newRef;
        }
    }

    private static List<string> PathSegments(JsonNode node)
    {
        var segments = new List<string>();
        for (var current = node; current.Parent is not null; current = current.Parent)
        {
            segments.Add(current.Parent is JsonObject ? current.GetPropertyName() : current.GetElementIndex().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        segments.Reverse();
        return segments;
    }

    /// <summary>Two members whose names collide (exactly after C# naming, or by case), or a repeated enum value or operationId.</summary>
    private static string DuplicateName(JsonObject root, Random random)
    {
        var nodes = OpenApiText.Nodes(root);
        var propertyBags = nodes.Where(entry => entry.Node is JsonObject { Count: > 0 } && entry.Key is "properties" or "schemas" or "definitions").Select(entry => (JsonObject)entry.Node!).ToList();
        var enums = nodes.Where(entry => entry.Node is JsonArray { Count: > 0 } && entry.Key == "enum").Select(entry => (JsonArray)entry.Node!).ToList();
        if (enums.Count > 0 && (propertyBags.Count == 0 || random.Next(3) == 0))
        {
            var values = random.Pick(enums);
            var value = values[random.Next(values.Count)];
            var copy = value is JsonValue text && text.TryGetValue<string>(out var s) && random.Next(2) == 0
                ? JsonValue.Create(Collide(s, random))
                : value?.DeepClone();
            values.Add(copy);
            return $"enum value {value?.ToJsonString()} repeated as {copy?.ToJsonString()} in {Pointer(values)}";
        }

        if (propertyBags.Count == 0)
        {
            return "no names to duplicate";
        }

        var bag = random.Pick(propertyBags);
        var (key, member) = bag.ElementAt(random.Next(bag.Count));
        var twin = Collide(key, random);
        if (bag.ContainsKey(twin))
        {
            twin += "_";
        }

        bag[twin] = member?.DeepClone();
        return $"'{key}' and '{twin}' in {Pointer(bag)}";
    }

    /// <summary>A name that C# naming maps onto the same identifier (or one differing only by case).</summary>
    private static string Collide(string name, Random random) => random.Next(5) switch
    {
        0 => name.ToUpperInvariant() == name ? name.ToLowerInvariant() : name.ToUpperInvariant(),
        1 => name.Replace('_', '-').Replace('.', '-') + (name.Contains('_') || name.Contains('.') ? string.Empty : "-"),
        2 => name.Length > 0 ? char.ToUpperInvariant(name[0]) + name.Substring(1) + "_" : "_",
        3 => "@" + name,
        _ => name + " ",
    };

    /// <summary>A value of the wrong kind in any field.</summary>
    private static string WrongType(JsonObject root, Random random)
    {
        var nodes = OpenApiText.Nodes(root).Where(entry => entry.Parent is not null).ToList();
        var slot = random.Pick(nodes);
        var raw = random.Pick(Hostile.WrongKindJson);
        var where = slot.Node is null ? $"{Pointer(slot.Parent)}['{slot.Key}']" : Pointer(slot.Node);
        OpenApiText.Replace(slot.Parent!, slot.Key, slot.Index, JsonValue.Create(new RawToken(raw)));
        return $"{raw} at {where}";
    }

    /// <summary>Huge or odd numbers in numeric fields and enums (integer enums get an overflowing member).</summary>
    private static string OddNumber(JsonObject root, Random random)
    {
        var nodes = OpenApiText.Nodes(root);
        var number = random.Pick(Hostile.Numbers);
        var token = JsonValue.Create(new RawToken(number.Length == 0 ? "\"\"" : number));
        var enums = nodes.Where(entry => entry.Key == "enum" && entry.Node is JsonArray).ToList();
        var numbers = nodes.Where(entry => entry.Parent is not null && entry.Node is JsonValue value && !value.TryGetValue<string>(out _) && !value.TryGetValue<bool>(out _)).ToList();
        var schemas = nodes.Where(entry => entry.Node is JsonObject obj && obj["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t is "integer" or "number").ToList();
        switch (random.Next(3))
        {
            case 0 when schemas.Count > 0:
                var schema = (JsonObject)random.Pick(schemas).Node!;
                schema["enum"] = new JsonArray(JsonValue.Create(0), JsonValue.Create(new RawToken(number.Length == 0 ? "1" : number)));
                schema["format"] = random.Pick(new[] { "int32", "int64", "int16", "uint8", "double", "decimal" });
                return $"integer enum with {number} ({schema["format"]}) at {Pointer(schema)}";
            case 1 when enums.Count > 0:
                var values = (JsonArray)random.Pick(enums).Node!;
                values.Add(token);
                return $"{number} added to {Pointer(values)}";
            default:
                if (numbers.Count == 0)
                {
                    return "no number";
                }

                var slot = random.Pick(numbers);
                var where = Pointer(slot.Node);
                OpenApiText.Replace(slot.Parent!, slot.Key, slot.Index, token);
                return $"{number} at {where}";
        }
    }

    private static string Delete(JsonObject root, Random random)
    {
        var nodes = OpenApiText.Nodes(root).Where(entry => entry.Parent is not null).ToList();
        var slot = random.Pick(nodes);
        var where = slot.Node is null ? $"{Pointer(slot.Parent)}['{slot.Key}']" : Pointer(slot.Node);
        if (slot.Parent is JsonObject obj)
        {
            obj.Remove(slot.Key!);
        }
        else
        {
            ((JsonArray)slot.Parent!).RemoveAt(slot.Index);
        }

        return where;
    }

    private static string MutateReference(JsonObject root, Random random)
    {
        var nodes = OpenApiText.Nodes(root);
        var refs = nodes.Where(entry => entry.Key == "$ref").ToList();
        var schemaNames = nodes.Where(entry => entry.Parent is JsonObject parent && KeyOf(parent) is "schemas" or "definitions")
            .Select(entry => "#" + string.Concat(PathSegments(entry.Node!).Select(segment => "/" + OpenApiText.EscapePointer(segment)))).ToList();
        string[] targets =
        {
            "#/components/schemas/DoesNotExist", "#", "", "#/", "#/paths", "http://127.0.0.1:9/evil.json", "file:///etc/passwd", "other.yaml#/x",
            "#/components/schemas/%7B", "#/definitions/../../x", "#/info/title", new string('a', 5000), "#/components/schemas/\u2028",
        };
        var target = schemaNames.Count > 0 && random.Next(2) == 0 ? random.Pick(schemaNames) : random.Pick(targets);
        if (refs.Count == 0)
        {
            return "no $ref";
        }

        var slot = random.Pick(refs);
        ((JsonObject)slot.Parent!)["$ref"] = target;
        return $"{Pointer(slot.Parent)} now refers to '{Shorten(target)}'";
    }

    private static string MutateVersion(JsonObject root, Random random)
    {
        var key = root.ContainsKey("swagger") ? "swagger" : "openapi";
        var version = random.Pick(Versions);
        root[key] = random.Next(4) == 0 ? JsonValue.Create(new RawToken(random.Pick(new[] { "3", "3.0", "2", "null", "[]", "{}" }))) : JsonValue.Create(version);
        return $"{key} = {root[key]!.ToJsonString()}";
    }

    /// <summary>A schema wrapped in many levels of object properties, arrays or allOf.</summary>
    private static string DeepWrap(JsonObject root, Random random)
    {
        var schemas = OpenApiText.Nodes(root).Where(entry => entry.Parent is JsonObject parent && KeyOf(parent) is "schemas" or "definitions" or "properties").ToList();
        if (schemas.Count == 0)
        {
            return "no schema";
        }

        var slot = random.Pick(schemas);
        var depth = random.Pick(new[] { 64, 300, 1500 });
        var shape = random.Next(3);
        JsonNode node = slot.Node?.DeepClone() ?? new JsonObject();
        for (var level = 0; level < depth; level++)
        {
            node = shape switch
            {
                0 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["p"] = node } },
                1 => new JsonObject { ["type"] = "array", ["items"] = node },
                _ => new JsonObject { ["allOf"] = new JsonArray(node) },
            };
        }

        var where = Pointer(slot.Parent) + "/" + slot.Key;
        ((JsonObject)slot.Parent!)[slot.Key!] = node;
        return $"{where} wrapped {depth} times in {(shape == 0 ? "properties" : shape == 1 ? "items" : "allOf")}";
    }

    /// <summary>allOf / $ref cycles between named schemas.</summary>
    private static string AddCycle(JsonObject root, Random random)
    {
        var bag = (root["components"]?["schemas"] ?? root["definitions"]) as JsonObject;
        if (bag is null || bag.Count == 0)
        {
            return "no schemas";
        }

        var prefix = "#" + string.Concat(PathSegments(bag).Select(segment => "/" + segment)) + "/";
        var names = bag.Select(pair => pair.Key).OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
        var viaAllOf = random.Next(2) == 0;
        for (var i = 0; i < names.Count; i++)
        {
            var next = prefix + OpenApiText.EscapePointer(names[(i + 1) % names.Count]);
            bag[names[i]] = viaAllOf
                ? new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = next }, bag[names[i]]?.DeepClone() ?? new JsonObject()) }
                : new JsonObject { ["$ref"] = next };
        }

        return $"{(viaAllOf ? "allOf" : "$ref")} cycle {string.Join(" -> ", names.Append(names[0]))}";
    }

    public static string Shorten(string text) => text.Length > 60 ? text.Substring(0, 57) + "..." : text;
}
