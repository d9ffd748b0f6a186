using System.Collections.Generic;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// Collects the lines of one member at the right indentation (members sit at 8 spaces inside a
/// namespace and a type), so writers write C# the way it reads and <see cref="ViewRenderer"/> only places it.
/// </summary>
internal sealed class CodeLines
{
    private readonly List<string> _lines = new();
    private int _depth;

    public CodeLines Line(string text)
    {
        _lines.Add(text.Length == 0 ? string.Empty : new string(' ', 8 + (4 * _depth)) + text);
        return this;
    }

    public CodeLines Blank()
    {
        _lines.Add(string.Empty);
        return this;
    }

    public CodeLines Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Line(line);
        }

        return this;
    }

    public CodeLines Open()
    {
        Line("{");
        _depth++;
        return this;
    }

    public CodeLines Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    public CodeLines Indent()
    {
        _depth++;
        return this;
    }

    public CodeLines Outdent()
    {
        _depth--;
        return this;
    }

    public bool IsEmpty => _lines.Count == 0;

    public MemberView ToMember() => new() { Lines = _lines.ToArray() };
}
