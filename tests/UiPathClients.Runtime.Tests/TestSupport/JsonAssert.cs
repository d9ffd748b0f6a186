using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UiPathClients.Runtime.Tests.TestSupport;

/// <summary>Compares JSON texts exactly (names, values, property order) but not how characters are escaped ("+" or "\u002B").</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Normalize(expected), Normalize(actual));
    }

    private static string Normalize(string json) => JsonNode.Parse(json)?.ToJsonString(Relaxed) ?? "null";
}
