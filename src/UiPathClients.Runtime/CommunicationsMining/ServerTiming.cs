using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace UiPathClients.Runtime.CommunicationsMining;

/// <summary>
/// The <c>Server-Timing</c> metrics of a response: how long the service spent on the request, network excluded.
/// Communications Mining sends one metric, <c>total</c>, in milliseconds (<c>Server-Timing: total;dur=37.7</c>).
/// </summary>
public sealed class ServerTiming
{
    /// <summary>No metrics: the response had no (readable) <c>Server-Timing</c> header.</summary>
    public static readonly ServerTiming Empty = new(Array.Empty<ServerTimingMetric>());

    /// <summary>Creates a value from metrics already parsed.</summary>
    /// <param name="metrics">The metrics, in header order.</param>
    public ServerTiming(IEnumerable<ServerTimingMetric> metrics)
    {
        if (metrics is null)
        {
            throw new ArgumentNullException(nameof(metrics));
        }

        Metrics = metrics.ToArray();
    }

    /// <summary>Every metric, in header order.</summary>
    public IReadOnlyList<ServerTimingMetric> Metrics { get; }

    /// <summary>The duration of the <c>total</c> metric: the service's processing time. <see langword="null"/> when absent.</summary>
    public TimeSpan? Total => Find("total")?.Duration;

    /// <summary>The first metric named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">The metric's name.</param>
    public ServerTimingMetric? Find(string name) =>
        Metrics.FirstOrDefault(metric => string.Equals(metric.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The metrics as they would appear in the header.</summary>
    public override string ToString() => string.Join(", ", Metrics);

    /// <summary>
    /// Reads <c>Server-Timing</c> header values (one per header line; each may hold several comma-separated metrics).
    /// Lenient by design: a malformed metric or parameter is skipped, never an exception, since timing is only a hint.
    /// </summary>
    /// <param name="headerValues">The values of every <c>Server-Timing</c> header of a response.</param>
    public static ServerTiming Parse(IEnumerable<string?>? headerValues)
    {
        var metrics = new List<ServerTimingMetric>();
        foreach (var value in headerValues ?? Array.Empty<string?>())
        {
            if (value is null)
            {
                continue;
            }

            foreach (var entry in SplitOutsideQuotes(value, ','))
            {
                if (ParseMetric(entry) is { } metric)
                {
                    metrics.Add(metric);
                }
            }
        }

        return metrics.Count == 0 ? Empty : new ServerTiming(metrics);
    }

    /// <summary>Reads one <c>Server-Timing</c> header value; see <see cref="Parse(IEnumerable{string})"/>.</summary>
    /// <param name="headerValue">The header's value, e.g. <c>total;dur=37.7</c>.</param>
    public static ServerTiming Parse(string? headerValue) => Parse(new[] { headerValue });

    private static ServerTimingMetric? ParseMetric(string entry)
    {
        var parts = SplitOutsideQuotes(entry, ';');
        var name = parts.Count == 0 ? string.Empty : parts[0].Trim();
        if (name.Length == 0 || name.Any(c => c is '=' or '"' or ' '))
        {
            return null;
        }

        TimeSpan? duration = null;
        string? description = null;
        var sawDuration = false;
        var sawDescription = false;
        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = parameter.Substring(0, equals).Trim();
            var raw = Unquote(parameter.Substring(equals + 1).Trim());

            // The spec says the first occurrence of a parameter wins.
            if (!sawDuration && key.Equals("dur", StringComparison.OrdinalIgnoreCase))
            {
                sawDuration = true;
                if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) &&
                    milliseconds >= 0 && milliseconds < TimeSpan.MaxValue.TotalMilliseconds)
                {
                    // Not TimeSpan.FromMilliseconds: on .NET Framework it rounds to whole milliseconds.
                    duration = TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));
                }
            }
            else if (!sawDescription && key.Equals("desc", StringComparison.OrdinalIgnoreCase))
            {
                sawDescription = true;
                description = raw;
            }
        }

        return new ServerTimingMetric(name, duration, description);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == separator && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[value.Length - 1] != '"')
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1)
            {
                i++;
            }

            text.Append(value[i]);
        }

        return text.ToString();
    }
}
