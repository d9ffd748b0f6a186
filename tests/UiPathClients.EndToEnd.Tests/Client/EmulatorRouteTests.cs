using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using Xunit.Abstractions;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// The emulator answers every request the generated Orchestrator client can send — each member called through the
/// client, as a user would — with something other than "no such route": never 405, never a bare 404 (a 404 for a
/// missing entity carries an Orchestrator error code). Operations the emulator has no behaviour for answer 501.
/// Its own emulator: the calls include every PUT and DELETE.
/// </summary>
public sealed class EmulatorRouteTests(MutableEmulator session, ITestOutputHelper output) : IClassFixture<MutableEmulator>
{
    [Fact]
    public async Task Every_request_the_client_can_send_reaches_a_route_of_the_emulator()
    {
        var client = session.Shared;
        var refused = new List<string>();
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        var calls = 0;
        await ClientSurface.CallEveryRequestAsync(client, async (invoke, member) =>
        {
            calls++;
            var log = RequestLog.Mark(session.Emulator);
            var failure = await Record.ExceptionAsync(invoke);
            var status = failure is ODataRequestException request ? request.StatusCode : HttpStatusCode.OK;
            var bareNotFound = status == HttpStatusCode.NotFound && ((ODataRequestException)failure!).ErrorCode is null;
            if (log.Requests.Count == 0)
            {
                refused.Add($"{member}: no request reached the emulator ({failure?.GetType().Name}: {failure?.Message})");
            }
            else if (status == HttpStatusCode.MethodNotAllowed || bareNotFound)
            {
                refused.Add($"{member}: {(int)status} for {log.Requests[0].Method} {log.Requests[0].PathAndQuery}");
            }

            var outcome = failure switch
            {
                null => "2xx",
                ODataRequestException { StatusCode: HttpStatusCode.NotImplemented } => "501 not implemented by the emulator",
                ODataRequestException error => ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => failure.GetType().Name,
            };
            answered[outcome] = answered.GetValueOrDefault(outcome) + 1;
            if (failure is ODataRequestException { StatusCode: HttpStatusCode.BadRequest } bad && log.Requests.Count > 0)
            {
                output.WriteLine($"400 {log.Requests[0].Method} {log.Requests[0].PathAndQuery}: {bad.ServiceMessage}");
            }
        });

        output.WriteLine($"client calls: {calls}; outcomes: " + string.Join(", ", answered.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} × {pair.Value}")));
        Assert.True(refused.Count == 0, "Requests the emulator has no route for:\n" + string.Join("\n", refused));
        Assert.True(calls > 300, $"only {calls} calls were made");
    }
}
