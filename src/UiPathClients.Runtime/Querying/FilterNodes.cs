using System;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// The parts of a <see cref="Filter"/> not yet written as text. Each node writes exactly the text the operator
/// that made it used to concatenate; keeping the parts lets a whole filter be written once, into the request URI.
/// </summary>
internal abstract class FilterNode
{
    /// <summary>The levels of combination under and including this node (see <see cref="Filter.MaxDepth"/>).</summary>
    public virtual int Depth => 1;

    public abstract void WriteTo(ref TextBuffer buffer);

    public string Render()
    {
        var buffer = new TextBuffer(stackalloc char[256]);
        try
        {
            WriteTo(ref buffer);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }
}

/// <summary><c>(left) and (right)</c>, <c>(left) or (right)</c>.</summary>
internal sealed class CombinedFilterNode(Filter left, string separator, Filter right) : FilterNode
{
    public override int Depth { get; } = Math.Max(left.Depth, right.Depth) + 1;

    public override void WriteTo(ref TextBuffer buffer)
    {
        buffer.Append('(');
        left.WriteTo(ref buffer);
        buffer.Append(')');
        buffer.Append(separator);
        buffer.Append('(');
        right.WriteTo(ref buffer);
        buffer.Append(')');
    }
}

/// <summary><c>not (operand)</c>.</summary>
internal sealed class NotFilterNode(Filter operand) : FilterNode
{
    public override int Depth { get; } = operand.Depth + 1;

    public override void WriteTo(ref TextBuffer buffer)
    {
        buffer.Append("not (");
        operand.WriteTo(ref buffer);
        buffer.Append(')');
    }
}

/// <summary><c>{expression} {op} {literal}</c>: the comparisons, which differ only in how the literal is written.</summary>
internal abstract class ComparisonFilterNodeBase(string expression, string op) : FilterNode
{
    public sealed override void WriteTo(ref TextBuffer buffer)
    {
        buffer.Append(expression);
        buffer.Append(' ');
        buffer.Append(op);
        buffer.Append(' ');
        WriteLiteral(ref buffer);
    }

    protected abstract void WriteLiteral(ref TextBuffer buffer);
}

/// <summary><c>{expression} {op} {literal}</c> with the literal already written.</summary>
internal sealed class ComparisonFilterNode(string expression, string op, string literal) : ComparisonFilterNodeBase(expression, op)
{
    protected override void WriteLiteral(ref TextBuffer buffer) => buffer.Append(literal);
}

/// <summary><c>{expression} {op} 'value'</c> (or <c>null</c>), the string literal written in place.</summary>
internal sealed class StringComparisonFilterNode(string expression, string op, string? value) : ComparisonFilterNodeBase(expression, op)
{
    protected override void WriteLiteral(ref TextBuffer buffer) => ODataLiteral.Write(ref buffer, value);
}

/// <summary><c>{expression} {op} 2026-11-22T10:30:00Z</c>, the timestamp written in place.</summary>
internal sealed class DateTimeOffsetComparisonFilterNode(string expression, string op, DateTimeOffset value) : ComparisonFilterNodeBase(expression, op)
{
    protected override void WriteLiteral(ref TextBuffer buffer) => ODataLiteral.Write(ref buffer, value);
}

/// <summary><c>{function}({expression},'value')</c>: <c>contains</c>, <c>startswith</c>, <c>endswith</c>.</summary>
internal sealed class StringFunctionFilterNode(string function, string expression, string value) : FilterNode
{
    public override void WriteTo(ref TextBuffer buffer)
    {
        buffer.Append(function);
        buffer.Append('(');
        buffer.Append(expression);
        buffer.Append(',');
        ODataLiteral.Write(ref buffer, value);
        buffer.Append(')');
    }
}
