using System;
using Microsoft.AspNetCore.Http;

namespace UiPathClients.Emulator.CommunicationsMining;

/// <summary>
/// A request the service refuses. Thrown anywhere below the endpoints and written by
/// <see cref="Http.CommunicationsMiningMiddleware"/> as <c>{"message": …, "status": "error"}</c> with
/// <see cref="StatusCode"/>, so handlers read as the happy path.
/// </summary>
internal sealed class ApiError : Exception
{
    public ApiError(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ApiError Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
