using System.IO;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers;

/// <summary>Names every reader derives the same way from the spec file.</summary>
internal static class SpecNaming
{
    /// <summary>The file name up to its first dot, PascalCased: <c>communications-mining.openapi.yaml</c> → <c>CommunicationsMining</c>.</summary>
    public static string ClientNameFromPath(string path)
    {
        var fileName = Path.GetFileName(path);
        var dot = fileName.IndexOf('.');
        return CSharpIdentifier.ToPascalCase(dot > 0 ? fileName.Substring(0, dot) : fileName);
    }
}
