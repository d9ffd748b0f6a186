namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>How deep arrays and objects nest in JSON text, measured without parsing it (so without recursion or a tree).</summary>
internal static class JsonDepth
{
    /// <summary>
    /// The offset of the first <c>[</c> or <c>{</c> that opens level <paramref name="maxDepth"/> + 1, or <see langword="null"/>
    /// when the text stays within <paramref name="maxDepth"/>. Brackets inside strings do not count; text that is not JSON
    /// is measured as far as it goes and left to the JSON reader to refuse.
    /// </summary>
    public static int? FirstBeyond(string json, int maxDepth)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{')
            {
                if (++depth > maxDepth)
                {
                    return i;
                }
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return null;
    }
}
