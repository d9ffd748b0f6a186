using System;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Emulator.Orchestrator.Folders;

/// <summary>
/// The folder a request runs in, from Orchestrator's folder headers: <c>X-UIPATH-OrganizationUnitId</c>
/// (id), <c>X-UIPATH-FolderPath</c> (path), <c>X-UIPATH-FolderPath-Encoded</c> (Base64 of the UTF-16LE
/// path, for non-ASCII names) or <c>X-UIPATH-FolderKey</c> (key).
/// </summary>
internal sealed class FolderScope
{
    private FolderScope(FolderDto? folder) => Folder = folder;

    /// <summary>The folder, or null when the request names none.</summary>
    public FolderDto? Folder { get; }

    /// <summary>The folder headers, in the order a conflict between them is reported.</summary>
    private static readonly string[] Headers =
        [FolderContext.OrganizationUnitIdHeader, FolderContext.FolderKeyHeader, FolderContext.FolderPathEncodedHeader, FolderContext.FolderPathHeader];

    /// <summary>
    /// Reads the headers; an error when one names a folder that does not exist or is malformed, or when two name
    /// different folders (the same folder named two ways is fine).
    /// </summary>
    public static (FolderScope? Scope, OrchestratorError? Error) Resolve(HttpRequest request, OrchestratorData data)
    {
        FolderDto? resolved = null;
        string? resolvedBy = null;
        foreach (var header in Headers)
        {
            if (!request.Headers.TryGetValue(header, out var value))
            {
                continue;
            }

            var (folder, error) = Find(header, value.ToString(), data);
            if (error is not null)
            {
                return (null, error);
            }

            if (resolved is not null && resolved.Id != folder!.Id)
            {
                return (null, OrchestratorError.BadRequest(
                    $"The folder headers name different folders: {resolvedBy} names '{resolved.FullyQualifiedName}' and {header} names '{folder.FullyQualifiedName}'."));
            }

            resolved ??= folder;
            resolvedBy ??= header;
        }

        return (new FolderScope(resolved), null);
    }

    /// <summary>The folder one header names, or the error saying why it names none.</summary>
    private static (FolderDto? Folder, OrchestratorError? Error) Find(string header, string value, OrchestratorData data)
    {
        switch (header)
        {
            case FolderContext.OrganizationUnitIdHeader:
                return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? Found(data.Folders.Find(id, folderId: null), $"id {id}")
                    : (null, Malformed(header, value));
            case FolderContext.FolderKeyHeader:
                return Guid.TryParse(value, out var key)
                    ? Found(data.FindFolderByKey(key), $"key {key}")
                    : (null, Malformed(header, value));
            case FolderContext.FolderPathEncodedHeader:
                string path;
                try
                {
                    path = Encoding.Unicode.GetString(Convert.FromBase64String(value));
                }
                catch (FormatException)
                {
                    return (null, Malformed(header, value));
                }

                return Found(data.FindFolderByPath(path), $"path '{path}'");
            default:
                return Found(data.FindFolderByPath(value), $"path '{value}'");
        }
    }

    private static (FolderDto?, OrchestratorError?) Found(FolderDto? folder, string description) =>
        folder is null
            ? (null, new OrchestratorError(StatusCodes.Status400BadRequest, OrchestratorError.FolderNotFound, $"Folder does not exist or the user does not have access to the folder ({description})."))
            : (folder, null);

    private static OrchestratorError Malformed(string header, string value) =>
        new(StatusCodes.Status400BadRequest, OrchestratorError.FolderNotFound, $"The {header} header value '{value}' is not valid.");
}
