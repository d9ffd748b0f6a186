using System;
using System.Net.Http;

namespace UiPathClients.Runtime.CommunicationsMining;

/// <summary>Reads <see cref="ServerTiming"/> from any response.</summary>
public static class ServerTimingExtensions
{
    /// <summary>The name of the header Communications Mining reports its processing time in.</summary>
    public const string HeaderName = "Server-Timing";

    /// <summary>The response's <c>Server-Timing</c> metrics; <see cref="ServerTiming.Empty"/> when it has none.</summary>
    /// <param name="response">Any response.</param>
    public static ServerTiming GetServerTiming(this HttpResponseMessage response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        // Server-Timing may also come as a trailer; the headers are what every service here uses.
        return response.Headers.TryGetValues(HeaderName, out var values) ? ServerTiming.Parse(values) : ServerTiming.Empty;
    }
}
