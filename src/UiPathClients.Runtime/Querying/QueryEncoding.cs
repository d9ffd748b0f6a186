using System;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// Percent-encodes query option values exactly as <see cref="Uri.EscapeDataString(string)"/> does, but into a
/// <see cref="TextBuffer"/>, so a rendered option is encoded straight into the request URI instead of into a string of its own.
/// </summary>
internal static class QueryEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>
    /// The ASCII characters <see cref="Uri.EscapeDataString(string)"/> leaves as they are, asked of it once: which
    /// characters are unreserved is the platform's rule, not ours, so the two encodings cannot drift apart.
    /// </summary>
    private static readonly bool[] Unreserved = CreateUnreservedTable();

    /// <summary>Appends <paramref name="text"/>, percent-encoded as <see cref="Uri.EscapeDataString(string)"/> encodes it.</summary>
    public static void AppendEscaped(ref TextBuffer buffer, scoped ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // ASCII, which is nearly every filter, is encoded by table into room for the worst case (every character escaped).
            var destination = buffer.Reserve(text.Length * 3);
            var written = 0;
            var read = 0;
            for (; read < text.Length; read++)
            {
                var character = text[read];
                if (character >= 0x80)
                {
                    break;
                }

                if (Unreserved[character])
                {
                    destination[written++] = character;
                }
                else
                {
                    destination[written] = '%';
                    destination[written + 1] = HexDigits[character >> 4];
                    destination[written + 2] = HexDigits[character & 0xF];
                    written += 3;
                }
            }

            buffer.Commit(written);
            text = text.Slice(read);
            if (text.IsEmpty)
            {
                return;
            }

            // Non-ASCII text (UTF-8 bytes, surrogate pairs, what to do with a lone surrogate) is left to the platform:
            // it is rare in filters, and a run of it is encoded on its own exactly as it would be within the whole text.
            var end = 1;
            while (end < text.Length && text[end] >= 0x80)
            {
                end++;
            }

            buffer.Append(Uri.EscapeDataString(text.Slice(0, end).ToString()));
            text = text.Slice(end);
        }
    }

    private static bool[] CreateUnreservedTable()
    {
        var table = new bool[0x80];
        for (var character = 0; character < table.Length; character++)
        {
            table[character] = Uri.EscapeDataString(((char)character).ToString()).Length == 1;
        }

        return table;
    }
}
