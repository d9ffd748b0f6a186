using System;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OData;

namespace UiPathClients.Emulator.Orchestrator.Querying;

/// <summary>
/// A client's query that the emulator refuses, whether OData refuses to parse it or it fails while it runs over the
/// rows: 400 with the OData error <c>{"error":{"code":"InvalidQuery","message"}}</c> either way.
/// </summary>
internal static class QueryFaults
{
    public const string InvalidQueryCode = "InvalidQuery";

    /// <summary>
    /// Whether evaluating a client's query raised <paramref name="exception"/> because of what the query computes (a
    /// division by zero, an overflow, a cast or conversion of a value that does not convert) rather than a fault of the
    /// emulator, which stays a 500.
    /// </summary>
    public static bool IsCausedByTheQuery(Exception exception) => exception is ArithmeticException or InvalidCastException or FormatException;

    public static IActionResult InvalidQuery(string message) =>
        new BadRequestObjectResult(new ODataError { Code = InvalidQueryCode, Message = message });

    public static IActionResult FailedWhileRunning(Exception exception) =>
        InvalidQuery("The query could not be evaluated: " + exception.Message);
}
