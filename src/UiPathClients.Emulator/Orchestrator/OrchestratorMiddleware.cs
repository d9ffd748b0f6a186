using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Folders;

namespace UiPathClients.Emulator.Orchestrator;

/// <summary>
/// What every Orchestrator request goes through before routing, and only Orchestrator requests: an accepted bearer
/// token (401 with Orchestrator's body otherwise), the job clock advanced, and the folder headers resolved (unknown
/// folders refused as Orchestrator does).
/// </summary>
internal sealed class OrchestratorMiddleware
{
    /// <summary>Orchestrator's words for a request without a valid token.</summary>
    public const string NotAuthenticated = "You are not authenticated!";

    private readonly RequestDelegate _next;
    private readonly EmulatorState _state;

    public OrchestratorMiddleware(RequestDelegate next, EmulatorState state)
    {
        _next = next;
        _state = state;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!BearerTokens.IsAuthorized(context.Request, _state.Tokens))
        {
            BearerTokens.Challenge(context.Response);
            await new OrchestratorError(StatusCodes.Status401Unauthorized, OrchestratorError.StatusOnly, NotAuthenticated).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        _state.Jobs.Advance();
        var (scope, error) = FolderScope.Resolve(context.Request, _state.Data);
        if (error is not null)
        {
            await error.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Features.Set(scope);
        await _next(context).ConfigureAwait(false);
    }
}
