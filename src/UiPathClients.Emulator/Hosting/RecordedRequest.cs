using System.Collections.Generic;

namespace UiPathClients.Emulator;

/// <summary>A request as the emulator received it, for tests that assert what the client sent.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query string, as received (still percent-encoded).</param>
/// <param name="Headers">The request headers (names as sent; multiple values joined with a comma).</param>
/// <param name="StatusCode">The response status code.</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, int StatusCode)
{
    /// <summary>The request body as UTF-8 text (a PATCH's changed properties, an action's parameters); null when the request had none.</summary>
    public string? Body { get; init; }

    /// <summary>
    /// The fault the emulator injected into this request (see <see cref="EmulatorFault"/>), e.g.
    /// <c>fault 1: 502 before handling, on POST t/*</c>; null when it was served normally. A dropped connection is
    /// recorded with the status the service had chosen (or 200 when the request never reached it): the client saw none.
    /// </summary>
    public string? InjectedFault { get; init; }
}
