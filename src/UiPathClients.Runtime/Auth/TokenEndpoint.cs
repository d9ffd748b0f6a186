using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Auth;

/// <summary>Posts a token request and reads the answer; shared by every provider that talks to an identity service.</summary>
internal static class TokenEndpoint
{
    public static Task<AccessToken> RequestFormAsync(HttpClient http, Uri endpoint, IEnumerable<KeyValuePair<string, string>> form, TimeProvider time, CancellationToken cancellationToken) =>
        SendAsync(http, endpoint, () => new FormUrlEncodedContent(form), "access_token", fallbackLifetime: null, time, onAnswer: null, cancellationToken);

    public static Task<AccessToken> RequestJsonAsync(HttpClient http, Uri endpoint, Action<Utf8JsonWriter> writeBody, string tokenProperty, TimeSpan? fallbackLifetime, TimeProvider time, CancellationToken cancellationToken, Action<TokenAnswer>? onAnswer = null) =>
        SendAsync(http, endpoint, () => JsonBody(writeBody), tokenProperty, fallbackLifetime, time, onAnswer, cancellationToken);

    private static ByteArrayContent JsonBody(Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<AccessToken> SendAsync(HttpClient http, Uri endpoint, Func<HttpContent> content, string tokenProperty, TimeSpan? fallbackLifetime, TimeProvider time, Action<TokenAnswer>? onAnswer, CancellationToken cancellationToken)
    {
        EndpointSecurity.RequireSecure(endpoint, "credentials");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content() };
        request.Headers.Accept.ParseAdd("application/json");

        HttpResponseMessage response;
        var sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // Headers only: an error body is read only in part (a proxy's error page can be megabytes).
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new AuthenticationFailedException($"The token endpoint {endpoint} could not be reached: {exception.Message}", endpoint, innerException: exception);
        }

        using (response)
        {
            string body;
            try
            {
                using var read = response.IsSuccessStatusCode
                    ? await ResponseBody.ReadAsync(http, response.Content, sentAt, cancellationToken).ConfigureAwait(false)
                    : await ResponseBody.ReadErrorAsync(http, response.Content, sentAt, cancellationToken).ConfigureAwait(false);
                body = read.ToText();
            }
            catch (HttpRequestException exception)
            {
                throw new AuthenticationFailedException($"The token endpoint {endpoint} broke off its answer: {exception.Message}", endpoint, response.StatusCode, innerException: exception);
            }

            var answer = TokenAnswer.Parse(body, tokenProperty);
            if (!response.IsSuccessStatusCode)
            {
                throw new AuthenticationFailedException(
                    $"The token endpoint {endpoint} refused the request with HTTP {(int)response.StatusCode}{(answer.Error is null ? string.Empty : " (" + answer.Error + ")")}.",
                    endpoint,
                    response.StatusCode,
                    answer.Error);
            }

            if (string.IsNullOrEmpty(answer.Token))
            {
                throw new AuthenticationFailedException($"The token endpoint {endpoint} answered HTTP {(int)response.StatusCode} without '{tokenProperty}'.", endpoint, response.StatusCode);
            }

            onAnswer?.Invoke(answer);
            var lifetime = answer.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : fallbackLifetime ?? TimeSpan.FromHours(1);
            return new AccessToken(answer.Token!, time.GetUtcNow() + lifetime);
        }
    }

    /// <summary>The parts of a token answer we use, read in one pass; everything absent when the body is not JSON.</summary>
    internal readonly struct TokenAnswer
    {
        private TokenAnswer(string? token, double? expiresInSeconds, string? error, string? refreshToken)
        {
            Token = token;
            ExpiresInSeconds = expiresInSeconds;
            Error = error;
            RefreshToken = refreshToken;
        }

        public string? Token { get; }

        /// <summary>A new refresh token, when the service rotates them.</summary>
        public string? RefreshToken { get; }

        public double? ExpiresInSeconds { get; }

        public string? Error { get; }

        public static TokenAnswer Parse(string body, string tokenProperty)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // Not JSON (an HTML error page from a proxy, say): the caller reports the status instead.
                return default;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return default;
                }

                return new TokenAnswer(String(root, tokenProperty), Number(root, "expires_in"), String(root, "error"), String(root, "refresh_token"));
            }
        }

        private static string? String(JsonElement root, string property) =>
            root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static double? Number(JsonElement root, string property)
        {
            if (!root.TryGetProperty(property, out var value))
            {
                return null;
            }

            // Some identity services send expires_in as a string.
            return value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDouble(),
                JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            };
        }
    }
}
