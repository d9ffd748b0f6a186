using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Emulator.Tool.Metadata;

/// <summary>
/// <c>uipath-emulator download-metadata</c>: fetches a live Orchestrator's own <c>$metadata</c> (the exact description of
/// that server, which UiPath does not publish) with the runtime's sign-in, checks that it is an EDMX document
/// Microsoft.OData.Edm reads, writes it in a stable form (<see cref="EdmxNormalizer"/>) and prints the MSBuild line that
/// generates a client from it.
/// </summary>
internal static class MetadataDownload
{
    /// <summary>The most the command reads: Orchestrator's document is about 1 MB, Microsoft Graph's 2 MB.</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>Runs the command; the exit code is 0 when the file was written, 1 when the download or the document failed.</summary>
    public static async Task<int> RunAsync(MetadataCommandLine command, TextWriter output, TextWriter error, HttpMessageHandler? transport = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            var (text, warnings) = await DownloadAsync(command, transport, cancellationToken).ConfigureAwait(false);
            var normalized = EdmxNormalizer.Normalize(text);
            var directory = Path.GetDirectoryName(Path.GetFullPath(command.OutputPath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            await File.WriteAllTextAsync(command.OutputPath, normalized, cancellationToken).ConfigureAwait(false);
            var (sets, operations) = Count(text);
            await output.WriteLineAsync($"Wrote {command.OutputPath}: {sets} entity sets, {operations} actions and functions, from {command.MetadataUri}.").ConfigureAwait(false);
            if (warnings.Count > 0)
            {
                await output.WriteLineAsync($"Microsoft.OData.Edm's validator lists {warnings.Count} rule violations (the document was still written), first: {warnings[0]}").ConfigureAwait(false);
            }

            await output.WriteLineAsync("Generate a client from it with this line in your project file:").ConfigureAwait(false);
            await output.WriteLineAsync($"  <ItemGroup><AdditionalFiles Include=\"{command.OutputPath.Replace('\\', '/')}\" ClientName=\"{command.ClientName}\" ServicePath=\"{command.ServicePath}\" EnumLiterals=\"Plain\" /></ItemGroup>").ConfigureAwait(false);
            return 0;
        }
        catch (MetadataDownloadException failure)
        {
            await error.WriteLineAsync($"uipath-emulator download-metadata: {failure.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<(string Text, IReadOnlyList<string> Warnings)> DownloadAsync(MetadataCommandLine command, HttpMessageHandler? transport, CancellationToken cancellationToken)
    {
        using var tokenHttp = new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null);
        IAccessTokenProvider tokens = command.Authentication switch
        {
            MetadataAuthentication.ClientCredentials => new ClientCredentialsTokenProvider(tokenHttp, command.ClientCredentials!),
            MetadataAuthentication.RefreshToken => new RefreshTokenProvider(tokenHttp, command.ClientId!, command.RefreshToken!, command.TokenEndpoint),
            MetadataAuthentication.OnPremises => new OnPremisesTokenProvider(tokenHttp, command.OrchestratorUri, command.TenancyName!, command.UserName!, command.Password!),
            _ => new StaticAccessTokenProvider(command.AccessToken!),
        };

        using var http = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = transport ?? new SocketsHttpHandler() }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromMinutes(2),
            MaxResponseContentBufferSize = MaxDocumentBytes,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, command.MetadataUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException signIn)
        {
            throw new MetadataDownloadException($"signing in failed: {signIn.Message}", signIn);
        }
        catch (HttpRequestException network)
        {
            throw new MetadataDownloadException($"GET {command.MetadataUri} failed before an answer: {network.Message}", network);
        }
        catch (TaskCanceledException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetadataDownloadException($"GET {command.MetadataUri} got no answer within {http.Timeout.TotalSeconds:0} s.", timeout);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new MetadataDownloadException(
                    $"GET {command.MetadataUri} answered {(int)response.StatusCode} {response.ReasonPhrase}: the credentials were not accepted" +
                    (response.StatusCode == HttpStatusCode.Forbidden ? " for this (an External Application needs the OR.Administration or OR.Default scope)" : string.Empty) +
                    $". {Excerpt(body)}");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MetadataDownloadException($"GET {command.MetadataUri} answered {(int)response.StatusCode} {response.ReasonPhrase}. {Excerpt(body)}");
            }

            if (LooksLikeHtml(response, body))
            {
                throw new MetadataDownloadException(
                    $"GET {command.MetadataUri} answered an HTML page, not an EDMX document: usually a sign-in page or a portal, because the URL is not Orchestrator's base address (…/{{organization}}/{{tenant}}/orchestrator_/ in Automation Cloud, the site root on premises) or the request was redirected. {Excerpt(body)}");
            }

            return (body, Validate(body, command.MetadataUri));
        }
    }

    /// <summary>
    /// Reads the document as XML, then with Microsoft.OData.Edm's CSDL reader (which the emulator and OData clients use)
    /// and validator. Structural errors and references to types, sets or properties that do not exist refuse it: no client
    /// can be generated from them. Other rule violations (services publish a few) are listed as warnings.
    /// </summary>
    private static List<string> Validate(string body, Uri source)
    {
        try
        {
            System.Xml.Linq.XDocument.Parse(body);
        }
        catch (XmlException notXml)
        {
            throw new MetadataDownloadException($"{source} is not XML (line {notXml.LineNumber}, position {notXml.LinePosition}: {notXml.Message}). {Excerpt(body)}", notXml);
        }

        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        if (!CsdlReader.TryParse(reader, out IEdmModel model, out var parseErrors))
        {
            throw Refusal(source, parseErrors);
        }

        model.Validate(out var validationErrors);
        var all = validationErrors?.ToList() ?? [];
        var dangling = all.Where(error => error.ErrorCode.ToString().StartsWith("BadUnresolved", StringComparison.Ordinal)).ToList();
        if (dangling.Count > 0)
        {
            throw Refusal(source, dangling);
        }

        return all.Select(Describe).ToList();
    }

    private static MetadataDownloadException Refusal(Uri source, IEnumerable<EdmError> errors)
    {
        var list = errors.ToList();
        return new MetadataDownloadException(
            $"{source} is not a valid EDMX document: {string.Join("; ", list.Take(5).Select(Describe))}{(list.Count > 5 ? $" … ({list.Count} errors)" : string.Empty)}. Nothing was written.");
    }

    private static string Describe(EdmError error) => $"{error.ErrorLocation}: {error.ErrorMessage}";

    private static bool LooksLikeHtml(HttpResponseMessage response, string body) =>
        response.Content.Headers.ContentType?.MediaType is "text/html"
        || body.TrimStart().StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
        || body.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The start of an answer, for a message: enough to recognise it, never a whole page.</summary>
    private static string Excerpt(string body)
    {
        var trimmed = body.Trim();
        return trimmed.Length == 0 ? "The body was empty." : "The answer began: " + (trimmed.Length <= 200 ? trimmed : trimmed[..200] + " …");
    }

    private static (int Sets, int Operations) Count(string text)
    {
        var document = System.Xml.Linq.XDocument.Parse(text);
        return (
            document.Descendants().Count(element => element.Name.LocalName is "EntitySet" or "Singleton"),
            document.Descendants().Count(element => element.Name.LocalName is "Action" or "Function"));
    }
}

/// <summary>Why <c>download-metadata</c> wrote nothing, in words for the person who ran it.</summary>
internal sealed class MetadataDownloadException : Exception
{
    public MetadataDownloadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
