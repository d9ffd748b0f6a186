using System.Collections.Generic;
using System.Xml;
using System.Xml.Linq;
using UiPathClients.Generator.Diagnostics;

namespace UiPathClients.Generator.Readers;

/// <summary>
/// Turns the one-based line/column that XML line info gives into the zero-based position and
/// character offset Roslyn locations need. The line table is built only when a diagnostic asks.
/// </summary>
internal sealed class SpecTextPositions
{
    private readonly string _filePath;
    private readonly string _text;
    private List<int>? _lineStarts;

    public SpecTextPositions(string filePath, string text)
    {
        _filePath = filePath;
        _text = text;
    }

    public string FilePath => _filePath;

    /// <summary>The position of an element's or attribute's name, spanning the name.</summary>
    public SpecPosition Of(XObject node)
    {
        var name = node switch
        {
            XElement element => element.Name.LocalName,
            XAttribute attribute => attribute.Name.LocalName,
            _ => string.Empty,
        };

        return node is IXmlLineInfo info && info.HasLineInfo()
            ? At(info.LineNumber, info.LinePosition, name.Length)
            : SpecPosition.StartOf(_filePath);
    }

    /// <summary>A position from one-based line and column numbers.</summary>
    public SpecPosition At(int oneBasedLine, int oneBasedColumn, int length)
    {
        var line = oneBasedLine - 1;
        var column = oneBasedColumn - 1;
        var lineStarts = _lineStarts ??= ComputeLineStarts(_text);
        var start = line >= 0 && line < lineStarts.Count ? lineStarts[line] + column : 0;
        if (start < 0 || start > _text.Length)
        {
            start = 0;
        }

        if (start + length > _text.Length)
        {
            length = _text.Length - start;
        }

        return new SpecPosition(_filePath, start, length, line < 0 ? 0 : line, column < 0 ? 0 : column);
    }

    /// <summary>The position of a character offset in the text.</summary>
    public SpecPosition AtOffset(int offset, int length)
    {
        var lineStarts = _lineStarts ??= ComputeLineStarts(_text);
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return At(line + 1, offset - lineStarts[line] + 1, length);
    }

    private static List<int> ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
