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
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => _messages.ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception));

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }
}
