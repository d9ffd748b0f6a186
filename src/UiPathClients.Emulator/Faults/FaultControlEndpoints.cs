using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UiPathClients.Emulator.Faults;

/// <summary>
/// The control endpoint for <see cref="EmulatorFaults"/>, for tests in other languages and for the
/// <c>uipath-emulator</c> tool, at the host's root whatever address forms the services use:
/// <list type="bullet">
/// <item><c>GET /_emulator/faults</c>: the faults with their counts.</item>
/// <item><c>POST /_emulator/faults</c>: adds one (<see cref="FaultRequest"/>); 201 with it and its id, 400 naming what is wrong.</item>
/// <item><c>DELETE /_emulator/faults/{id}</c>: removes one (204, or 404); <c>DELETE /_emulator/faults</c>: removes all.</item>
/// </list>
/// It needs no token and is not recorded: it controls the emulator, it is not traffic to the services.
/// </summary>
internal static class FaultControlEndpoints
{
    public const string Root = "/_emulator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/faults", (EmulatorFaults faults) => Results.Json(faults.Current.Select(FaultResponse.From), Json));
        routes.MapPost("/faults", AddAsync);
        routes.MapDelete("/faults", (EmulatorFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        routes.MapDelete("/faults/{id:int}", (int id, EmulatorFaults faults) => faults.Remove(id) ? Results.NoContent() : Results.NotFound());
    }

    private static async Task<IResult> AddAsync(HttpContext context, EmulatorFaults faults)
    {
        FaultRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<FaultRequest>(Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the content type is not JSON.
            return Refusal($"The body must be a JSON fault, e.g. {{\"path\": \"t/*\", \"statusCode\": 502, \"afterHandling\": true}}: {exception.Message}");
        }

        if (request is null)
        {
            return Refusal("The body must be a JSON fault object, not null.");
        }

        int id;
        try
        {
            id = faults.Add(request.ToFault());
        }
        catch (ArgumentException exception)
        {
            return Refusal(exception.Message);
        }

        var added = faults.Current.First(status => status.Id == id);
        return Results.Json(FaultResponse.From(added), Json, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Refusal(string message) =>
        Results.Json(new { message }, Json, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A fault as the control endpoint takes it: times as numbers, so that <c>curl</c> users need no TimeSpan syntax.</summary>
    internal sealed record FaultRequest(
        string? Path,
        string? Method,
        int Skip,
        int? Times,
        bool EveryCall,
        int? StatusCode,
        int? RetryAfterSeconds,
        int LatencyMilliseconds,
        bool DropConnection,
        bool AfterHandling)
    {
        public EmulatorFault ToFault() => new()
        {
            Path = Path ?? "*",
            Method = Method,
            Skip = Skip,
            Times = EveryCall ? null : Times ?? 1,
            StatusCode = StatusCode,
            RetryAfter = RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Latency = TimeSpan.FromMilliseconds(LatencyMilliseconds),
            DropConnection = DropConnection,
            AfterHandling = AfterHandling,
        };
    }

    private sealed record FaultResponse(
        int Id,
        string Description,
        string Path,
        string? Method,
        int Skip,
        int? Times,
        int? StatusCode,
        int? RetryAfterSeconds,
        int LatencyMilliseconds,
        bool DropConnection,
        bool AfterHandling,
        int MatchedCalls,
        int InjectedCount)
    {
        public static FaultResponse From(EmulatorFaultStatus status)
        {
            var fault = status.Fault;
            return new FaultResponse(
                status.Id,
                fault.ToString(),
                fault.Path,
                fault.Method,
                fault.Skip,
                fault.Times,
                fault.StatusCode,
                fault.RetryAfter is { } retryAfter ? (int)retryAfter.TotalSeconds : null,
                (int)fault.Latency.TotalMilliseconds,
                fault.DropConnection,
                fault.AfterHandling,
                status.MatchedCalls,
                status.InjectedCount);
        }
    }
}
