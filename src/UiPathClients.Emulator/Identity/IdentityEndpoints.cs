using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UiPathClients.Emulator.Identity;

/// <summary>
/// The identity slice: where clients get the bearer tokens the other slices require.
/// <list type="bullet">
/// <item><c>POST connect/token</c> (under <c>identity_/</c>): the OAuth token endpoint, with a form body, for
/// <c>client_credentials</c> (an External Application) and <c>refresh_token</c>.</item>
/// <item><c>POST oauth/token</c>: the legacy cloud account service, with a JSON (or form) body, for <c>refresh_token</c>.</item>
/// <item><c>POST api/Account/Authenticate</c>: on-premises login with <c>tenancyName</c>, <c>usernameOrEmailAddress</c> and
/// <c>password</c>, answering the token in <c>result</c>.</item>
/// </list>
/// Refusals use OAuth's <c>{"error": …}</c> body (<c>invalid_client</c>, <c>invalid_grant</c>, <c>unsupported_grant_type</c>,
/// <c>invalid_request</c>) and, for the on-premises login, the ABP envelope that login answers with.
/// </summary>
internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connect/token", (HttpContext context, EmulatorTokens tokens, EmulatorIdentityOptions options) =>
            TokenAsync(context, tokens, options, formOnly: true));
        routes.MapPost("/oauth/token", (HttpContext context, EmulatorTokens tokens, EmulatorIdentityOptions options) =>
            TokenAsync(context, tokens, options, formOnly: false));
        routes.MapPost("/api/Account/Authenticate", AuthenticateAsync);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, EmulatorTokens tokens, EmulatorIdentityOptions options, bool formOnly)
    {
        var fields = await ReadFieldsAsync(context.Request, formOnly).ConfigureAwait(false);
        if (fields is null)
        {
            return OAuthError("invalid_request", formOnly
                ? "The token request must be a form (Content-Type: application/x-www-form-urlencoded)."
                : "The token request must be JSON or a form.");
        }

        var clientId = fields.GetValueOrDefault("client_id");
        switch (fields.GetValueOrDefault("grant_type"))
        {
            case "client_credentials":
                var secret = fields.GetValueOrDefault("client_secret");
                var application = options.ClientApplications.FirstOrDefault(candidate =>
                    string.Equals(candidate.ClientId, clientId, StringComparison.Ordinal)
                    && string.Equals(candidate.ClientSecret, secret, StringComparison.Ordinal));
                return application is null
                    ? OAuthError("invalid_client", "Unknown client or wrong secret.")
                    : TokenAnswer(tokens.Issue(application.ClientId, fields.GetValueOrDefault("scope") ?? string.Empty), refreshToken: null);
            case "refresh_token":
                var refreshToken = fields.GetValueOrDefault("refresh_token");
                if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(refreshToken))
                {
                    return OAuthError("invalid_request", "A refresh needs client_id and refresh_token.");
                }

                var successor = tokens.Redeem(refreshToken, clientId);
                return successor is null
                    ? OAuthError("invalid_grant", "The refresh token is unknown, already used, or was issued to another client.")
                    : TokenAnswer(tokens.Issue(clientId, fields.GetValueOrDefault("scope") ?? "offline_access"), successor);
            case null or "":
                return OAuthError("invalid_request", "grant_type is required.");
            case var other:
                return OAuthError("unsupported_grant_type", $"The grant type '{other}' is not supported.");
        }
    }

    private static async Task<IResult> AuthenticateAsync(HttpContext context, EmulatorTokens tokens, EmulatorIdentityOptions options)
    {
        var fields = await ReadFieldsAsync(context.Request, formOnly: false).ConfigureAwait(false);
        var tenancy = fields?.GetValueOrDefault("tenancyName");
        var user = fields?.GetValueOrDefault("usernameOrEmailAddress");
        var password = fields?.GetValueOrDefault("password");
        var known = options.Users.FirstOrDefault(candidate =>
            string.Equals(candidate.TenancyName, tenancy, StringComparison.OrdinalIgnoreCase)
            && string.Equals(candidate.UserNameOrEmailAddress, user, StringComparison.OrdinalIgnoreCase)
            && string.Equals(candidate.Password, password, StringComparison.Ordinal));
        if (known is null)
        {
            return Results.Json(
                new Dictionary<string, object?>
                {
                    ["result"] = null,
                    ["targetUrl"] = null,
                    ["success"] = false,
                    ["error"] = new Dictionary<string, object?> { ["code"] = 0, ["message"] = "Login failed!", ["details"] = "Invalid user name or password" },
                    ["unAuthorizedRequest"] = false,
                    ["__abp"] = true,
                },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var token = tokens.Issue(known.TenancyName + "\\" + known.UserNameOrEmailAddress, scope: string.Empty);
        return Results.Json(new Dictionary<string, object?>
        {
            ["result"] = token.Value,
            ["targetUrl"] = null,
            ["success"] = true,
            ["error"] = null,
            ["unAuthorizedRequest"] = false,
            ["__abp"] = true,
        });
    }

    /// <summary>The request's fields from a form, or (unless <paramref name="formOnly"/>) a flat JSON object; null when it is neither.</summary>
    private static async Task<Dictionary<string, string>?> ReadFieldsAsync(HttpRequest request, bool formOnly)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        }

        if (formOnly || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // JSON names as the services read them: case-insensitive (on-premises login is ASP.NET model binding).
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    fields[property.Name] = property.Value.GetString()!;
                }
            }

            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult TokenAnswer(IssuedToken token, string? refreshToken)
    {
        var answer = new Dictionary<string, object>
        {
            ["access_token"] = token.Value,
            ["expires_in"] = (long)token.Lifetime.TotalSeconds,
            ["token_type"] = "Bearer",
            ["scope"] = token.Scope,
        };
        if (refreshToken is not null)
        {
            answer["refresh_token"] = refreshToken;
        }

        return Results.Json(answer);
    }

    private static IResult OAuthError(string error, string description) =>
        // 400 for every refusal, invalid_client included, as UiPath's identity service answers (RFC 6749 asks for 401 only
        // when the client authenticated with an Authorization header, which these clients do not).
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);
}
