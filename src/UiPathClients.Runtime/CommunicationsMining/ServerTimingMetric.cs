using System;
using System.Globalization;

namespace UiPathClients.Runtime.CommunicationsMining;

/// <summary>One metric of a <c>Server-Timing</c> header, e.g. <c>total;dur=37.7</c>.</summary>
public sealed class ServerTimingMetric
{
    /// <summary>Creates a metric.</summary>
    /// <param name="name">The metric's name, e.g. <c>total</c>.</param>
    /// <param name="duration">Its <c>dur</c>, when it had one.</param>
    /// <param name="description">Its <c>desc</c>, when it had one.</param>
    public ServerTimingMetric(string name, TimeSpan? duration, string? description)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Duration = duration;
        Description = description;
    }

    /// <summary>The metric's name, e.g. <c>total</c>.</summary>
    public string Name { get; }

    /// <summary>The time the server reports (sent in milliseconds), when the metric had a <c>dur</c>.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>The metric's <c>desc</c>, when it had one.</summary>
    public string? Description { get; }

    /// <summary>The metric as it would appear in the header.</summary>
    public override string ToString()
    {
        var text = Name;
        if (Duration is { } duration)
        {
            text += ";dur=" + duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        if (Description is not null)
        {
            text += ";desc=\"" + Description.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }

        return text;
    }
}
