using System.IO;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers;

/// <summary>Names every reader derives the same way from the spec file and its options.</summary>
internal static class SpecNaming
{
    /// <summary>The <c>ClientName</c> metadata, PascalCased, or else the name from the file's path.</summary>
    public static string ClientName(SpecFile file) =>
        file.Options.ClientName is { } configured ? CSharpIdentifier.ToPascalCase(configured) : ClientNameFromPath(file.Path);

    /// <summary>The <c>Namespace</c> metadata, or else <c>{RootNamespace}.{ClientName}</c>, as a valid C# namespace.</summary>
    public static string Namespace(SpecFile file, string clientName) =>
        CSharpIdentifier.ToNamespace(file.Options.Namespace
            ?? (string.IsNullOrEmpty(file.Options.RootNamespace) ? clientName : file.Options.RootNamespace + "." + clientName));

    /// <summary>The file name up to its first dot, PascalCased: <c>communications-mining.openapi.yaml</c> → <c>CommunicationsMining</c>.</summary>
    public static string ClientNameFromPath(string path)
    {
        var fileName = Path.GetFileName(path);
        var dot = fileName.IndexOf('.');
        return CSharpIdentifier.ToPascalCase(dot > 0 ? fileName.Substring(0, dot) : fileName);
    }
}
