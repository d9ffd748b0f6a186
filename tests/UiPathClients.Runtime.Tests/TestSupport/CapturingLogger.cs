using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace UiPathClients.Runtime.Tests.TestSupport;

/// <summary>
/// Keeps every formatted log message (with the exception, if any), so tests can assert what was
/// logged — and that no token or secret was. Usable as a logger or as a provider for a container.
/// </summary>
internal sealed class CapturingLogger : ILogger, ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();
    private readonly LogLevel _minimum;

    /// <summary>Creates the logger; levels below <paramref name="minimum"/> are disabled, as a configured app would have them.</summary>
    public CapturingLogger(LogLevel minimum = LogLevel.Trace) => _minimum = minimum;

    public IReadOnlyList<string> Messages => _entries.Select(entry => entry.Message).ToList();

    /// <summary>The messages logged at <paramref name="level"/>.</summary>
    public IReadOnlyList<string> At(LogLevel level) => _entries.Where(entry => entry.Level == level).Select(entry => entry.Message).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= _minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception)));
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }
}
