using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace UiPathClients.EndToEnd.Tests.Routing;

/// <summary>How a described route answered: served for real, 501 "does not implement", or neither (a failure).</summary>
internal enum Outcome
{
    Served,
    NotImplemented,
    Failed,
}

/// <summary>One described route called on the emulator, and how it answered.</summary>
internal sealed record RouteCall(DescribedRoute Route, Outcome Outcome, int Status, string Body)
{
    /// <summary>The route, status and (the start of) the body, for a failure message.</summary>
    public string Failure => $"{Route} → {Status} {(Body.Length <= 300 ? Body : Body[..300] + "…")}";
}

/// <summary>How the tests call described routes and read an emulator answer's Orchestrator error body.</summary>
internal static class RouteAnswers
{
    /// <summary>
    /// Calls each route with its minimal request in the folder <paramref name="folderId"/>. None may answer 404 (unless the
    /// body is Orchestrator's entity-not-found error 1002: the route exists, the dummy key does not), 405 or 5xx other than
    /// 501 "does not implement".
    /// </summary>
    public static async Task<IReadOnlyList<RouteCall>> CallEachAsync(HttpClient http, IEnumerable<DescribedRoute> routes, long folderId)
    {
        var calls = new List<RouteCall>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), "odata/" + route.Path);
            request.Headers.Add("X-UIPATH-OrganizationUnitId", folderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (route.Body is not null)
            {
                request.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            calls.Add(new RouteCall(route, Classify(response.StatusCode, body), (int)response.StatusCode, body));
        }

        return calls;
    }

    private static Outcome Classify(HttpStatusCode status, string body) => status switch
    {
        HttpStatusCode.NotImplemented when IsOrchestratorError(body) && body.Contains("does not implement", StringComparison.Ordinal) => Outcome.NotImplemented,
        HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or >= HttpStatusCode.InternalServerError => Outcome.Failed,
        HttpStatusCode.NotFound when !IsEntityNotFound(body) => Outcome.Failed,
        _ => Outcome.Served,
    };

    /// <summary>Whether <paramref name="body"/> is Orchestrator's <c>{"message","errorCode",…}</c> error.</summary>
    public static bool IsOrchestratorError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out _)
                && document.RootElement.TryGetProperty("errorCode", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Orchestrator's error 1002: the route exists, the entity it addresses does not.</summary>
    public static bool IsEntityNotFound(string body)
    {
        if (!IsOrchestratorError(body))
        {
            return false;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errorCode") is { ValueKind: JsonValueKind.Number } code && code.GetInt32() == 1002;
    }
}
