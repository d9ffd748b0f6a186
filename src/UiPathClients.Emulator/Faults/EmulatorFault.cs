using System;
using System.Globalization;

namespace UiPathClients.Emulator;

/// <summary>
/// A fault the emulator injects into the requests that match it: an error status (with <c>Retry-After</c> if set),
/// latency, or a dropped connection, either instead of serving the request or after serving it
/// (<see cref="AfterHandling"/>: the service did the work, the caller never learns it).
/// </summary>
/// <example>
/// <code>
/// // The known issue of API triggers: the job starts, the caller sees 502 Bad Gateway.
/// new EmulatorFault { Path = "t/*", Method = "POST", StatusCode = 502, AfterHandling = true };
/// // Throttle the first Jobs query, telling the client to come back in one second.
/// new EmulatorFault { Path = "odata/Jobs", StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(1) };
/// </code>
/// </example>
public sealed class EmulatorFault
{
    /// <summary>
    /// The requests it applies to: a pattern over the path the service routes on, without the address form's prefix
    /// or a leading slash (<c>odata/Jobs</c>, <c>t/invoices/process</c>, <c>v1/datasets</c>), compared ignoring case.
    /// <c>*</c> stands for any run of characters, slashes included; <c>*</c> alone (the default) matches every request.
    /// </summary>
    public string Path { get; init; } = "*";

    /// <summary>The HTTP method it applies to; <see langword="null"/> (the default) for any.</summary>
    public string? Method { get; init; }

    /// <summary>How many matching calls are served normally before the first fault (0, the default: the first call is faulted).</summary>
    public int Skip { get; init; }

    /// <summary>How many matching calls are faulted after <see cref="Skip"/>; 1 by default, <see langword="null"/> for every one.</summary>
    public int? Times { get; init; } = 1;

    /// <summary>The status to answer (400–599), with the service's error body; <see langword="null"/> for none.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The <c>Retry-After</c> header sent with <see cref="StatusCode"/>, in whole seconds; <see langword="null"/> for none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// How long the answer is held (real time, not the emulator's clock: it stands for the network), before the
    /// request is served, or before the answer leaves with <see cref="AfterHandling"/>.
    /// </summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Whether the connection is dropped (reset) instead of answered; not with <see cref="StatusCode"/>.</summary>
    public bool DropConnection { get; init; }

    /// <summary>
    /// Whether the request is served first and the fault replaces its answer: a job is started, a queue item added,
    /// yet the caller gets the status or the dropped connection. By default the request never reaches the service.
    /// </summary>
    public bool AfterHandling { get; init; }

    /// <summary>The fault in a few words, for the error body and <see cref="RecordedRequest.InjectedFault"/>, e.g. <c>502 after handling</c>.</summary>
    public override string ToString()
    {
        var effect = DropConnection ? "dropped connection"
            : StatusCode is { } status ? status.ToString(CultureInfo.InvariantCulture) + (RetryAfter is { } wait ? $" (Retry-After {(int)wait.TotalSeconds} s)" : string.Empty)
            : "latency";
        if (Latency > TimeSpan.Zero && (DropConnection || StatusCode is not null))
        {
            effect += $" after {Latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";
        }
        else if (Latency > TimeSpan.Zero)
        {
            effect = $"{Latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms latency";
        }

        return $"{effect} {(AfterHandling ? "after" : "before")} handling, on {Method ?? "any method"} {Path}";
    }

    /// <summary>Throws when the fault cannot be injected as described.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("A fault's Path is required ('*' for every request).", nameof(Path));
        }

        if (Path.StartsWith('/'))
        {
            throw new ArgumentException($"A fault's Path is matched without the leading slash: '{Path.TrimStart('/')}', not '{Path}'.", nameof(Path));
        }

        if (Skip < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Skip), Skip, "Skip must be 0 or more.");
        }

        if (Times is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Times), Times, "Times must be at least 1, or null for every matching call.");
        }

        if (StatusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(StatusCode), StatusCode, "An injected status must be an error: 400 to 599.");
        }

        if (DropConnection && StatusCode is not null)
        {
            throw new ArgumentException("A fault either drops the connection or answers a status, not both.", nameof(DropConnection));
        }

        if (RetryAfter is { } retryAfter && (StatusCode is null || retryAfter < TimeSpan.Zero || retryAfter.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw new ArgumentException("RetryAfter goes with a StatusCode and is a whole number of seconds, 0 or more.", nameof(RetryAfter));
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "Latency cannot be negative.");
        }

        if (!DropConnection && StatusCode is null && Latency == TimeSpan.Zero)
        {
            throw new ArgumentException("A fault needs an effect: a StatusCode, DropConnection or a Latency.", nameof(StatusCode));
        }
    }
}
