using System;
using System.Net;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <summary>Assertions the scenario classes share: what the server answered, not only that the call returned.</summary>
internal static class ServerAnswer
{
    /// <summary>The server answered 200: it accepted exactly what was sent (it answers 400 to anything else).</summary>
    public static async Task OkAsync<TResponse>(Task<TResponse> call)
        where TResponse : RestResponse =>
        Assert.Equal(HttpStatusCode.OK, (await call).StatusCode);

    /// <summary>The server answered 200 with a body that is not the declared type: the client throws rather than guessing.</summary>
    public static async Task UnreadableAsync<T>(Func<Task<T>> call)
    {
        var error = await Assert.ThrowsAsync<RestApiException>(call);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }
}
