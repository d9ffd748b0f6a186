using System;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Data;
using UiPathClients.Emulator.Errors;
using UiPathClients.Emulator.Orchestrator;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Emulator.Folders;

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

    /// <summary>Reads the headers; an error when they name a folder that does not exist or are malformed.</summary>
    public static (FolderScope? Scope, OrchestratorError? Error) Resolve(HttpRequest request, OrchestratorData data)
    {
        var headers = request.Headers;
        if (headers.TryGetValue(FolderContext.OrganizationUnitIdHeader, out var idText))
        {
            if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (null, Malformed(FolderContext.OrganizationUnitIdHeader, idText!));
            }

            return Found(data.Folders.Find(id, folderId: null), $"id {id}");
        }

        if (headers.TryGetValue(FolderContext.FolderKeyHeader, out var keyText))
        {
            if (!Guid.TryParse(keyText, out var key))
            {
                return (null, Malformed(FolderContext.FolderKeyHeader, keyText!));
            }

            return Found(data.FindFolderByKey(key), $"key {key}");
        }

        if (headers.TryGetValue(FolderContext.FolderPathEncodedHeader, out var encoded))
        {
            string path;
            try
            {
                path = Encoding.Unicode.GetString(Convert.FromBase64String(encoded!));
            }
            catch (FormatException)
            {
                return (null, Malformed(FolderContext.FolderPathEncodedHeader, encoded!));
            }

            return Found(data.FindFolderByPath(path), $"path '{path}'");
        }

        if (headers.TryGetValue(FolderContext.FolderPathHeader, out var plainPath))
        {
            return Found(data.FindFolderByPath(plainPath!), $"path '{plainPath}'");
        }

        return (new FolderScope(null), null);
    }

    private static (FolderScope?, OrchestratorError?) Found(FolderDto? folder, string description) =>
        folder is null
            ? (null, new OrchestratorError(StatusCodes.Status400BadRequest, OrchestratorError.FolderNotFound, $"Folder does not exist or the user does not have access to the folder ({description})."))
            : (new FolderScope(folder), null);

    private static OrchestratorError Malformed(string header, string value) =>
        new(StatusCodes.Status400BadRequest, OrchestratorError.FolderNotFound, $"The {header} header value '{value}' is not valid.");
}
