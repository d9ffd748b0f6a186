using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using UiPathClients.Emulator.Errors;

namespace UiPathClients.Emulator.Faults;

/// <summary>
/// Injects the <see cref="EmulatorFaults"/> due on a request. It runs after the address mapping (patterns see the path
/// the slice routes on) and after the recording (a faulted request is recorded, with <see cref="RecordedRequest.InjectedFault"/>),
/// and before any slice: a fault before handling means the request never reached the service.
/// </summary>
internal sealed class FaultInjectionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly EmulatorFaults _faults;

    public FaultInjectionMiddleware(RequestDelegate next, EmulatorFaults faults)
    {
        _next = next;
        _faults = faults;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? string.Empty).TrimStart('/');
        if (_faults.Take(context.Request.Method, path) is not { } due)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var fault = due.Fault;
        context.Features.Set(new InjectedFaultFeature($"fault {due.Id}: {fault}"));
        if (!fault.AfterHandling)
        {
            await DelayAsync(fault, context).ConfigureAwait(false);
            if (!await InjectAsync(fault, due.Id, context).ConfigureAwait(false))
            {
                await _next(context).ConfigureAwait(false);
            }

            return;
        }

        // Served for real, into a buffer: the service's work is done, and its answer is the fault's to keep or replace.
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await _next(context).ConfigureAwait(false);
            await capture.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(original);
        }

        await DelayAsync(fault, context).ConfigureAwait(false);
        if (!await InjectAsync(fault, due.Id, context).ConfigureAwait(false))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task DelayAsync(EmulatorFault fault, HttpContext context) =>
        fault.Latency > TimeSpan.Zero ? Task.Delay(fault.Latency, context.RequestAborted) : Task.CompletedTask;

    /// <summary>Drops the connection or writes the status; false when the fault is latency alone and the answer goes out.</summary>
    private static async Task<bool> InjectAsync(EmulatorFault fault, int id, HttpContext context)
    {
        if (fault.DropConnection)
        {
            context.Abort();
            return true;
        }

        if (fault.StatusCode is not { } status)
        {
            return false;
        }

        context.Response.Clear();
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await ErrorBodies.WriteAsync(context, status, $"{ErrorBodies.StandardMessage(status)} (injected by the emulator's fault {id}: {fault})").ConfigureAwait(false);
        return true;
    }
}

/// <summary>Tells the request recording that this request met an injected fault.</summary>
/// <param name="Description">The fault, e.g. <c>fault 1: 502 after handling, on POST t/*</c>.</param>
internal sealed record InjectedFaultFeature(string Description);
