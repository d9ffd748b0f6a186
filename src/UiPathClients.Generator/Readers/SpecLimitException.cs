using System;

namespace UiPathClients.Generator.Readers;

/// <summary>A spec goes beyond one of <see cref="SpecLimits"/>; it is reported as UIPC0014 where it happened.</summary>
internal sealed class SpecLimitException : Exception
{
    public SpecLimitException(YamlDotNet.Core.Mark start, string reason)
        : this((int)Math.Max(1, start.Line), (int)Math.Max(1, start.Column), reason)
    {
    }

    /// <param name="line">The one-based line.</param>
    /// <param name="column">The one-based column.</param>
    /// <param name="reason">What goes beyond the limit, completing "'file' is not read: …".</param>
    public SpecLimitException(int line, int column, string reason)
        : base(reason)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
