using System;
using System.Globalization;
using System.Text;

namespace UiPathClients.Runtime.Http;

/// <summary>How a response body appears in an exception message: a short excerpt, never the whole body.</summary>
internal static class BodyText
{
    /// <summary>The most characters of a body quoted in an exception message.</summary>
    public const int MaxSnippetChars = 512;

    /// <summary>
    /// The start of <paramref name="body"/> for an exception message: at most <see cref="MaxSnippetChars"/> characters,
    /// control characters escaped (a body cannot start a forged line in a log), and how much was left out.
    /// </summary>
    public static string Snippet(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        // A UTF-8 character is at most 4 bytes: this many bytes hold the characters quoted, whatever they are.
        var decoded = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, (MaxSnippetChars + 1) * 4));
        var cut = decoded.Length > MaxSnippetChars || body.Length > (MaxSnippetChars + 1) * 4;
        var text = new StringBuilder(MaxSnippetChars + 64);
        foreach (var character in decoded.Length > MaxSnippetChars ? decoded.Substring(0, MaxSnippetChars) : decoded)
        {
            switch (character)
            {
                case '\r':
                    text.Append("\\r");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (char.IsControl(character) || character is '\u0085' or '\u2028' or '\u2029')
                    {
                        text.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(character);
                    }

                    break;
            }
        }

        if (cut)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "… (cut; the body has {0} bytes)", body.Length));
        }

        return text.ToString();
    }
}
