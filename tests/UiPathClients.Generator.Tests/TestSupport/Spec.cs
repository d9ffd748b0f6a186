using System.Collections.Generic;
using System.IO;

namespace UiPathClients.Generator.Tests.TestSupport;

/// <summary>A spec handed to the generator in a test: path, text and the item metadata MSBuild would expose.</summary>
internal sealed record Spec(string Path, string Text, string? ClientName = null, string? Namespace = null, string? ServicePath = null, string? EnumLiterals = null, string? EntitySets = null, string? Operations = null, string? Tags = null)
{
    public static Spec FromFile(string path, string? clientName = null) => new(path, File.ReadAllText(path), clientName);

    public IReadOnlyDictionary<string, string> Metadata
    {
        get
        {
            var metadata = new Dictionary<string, string>();
            if (ClientName is not null)
            {
                metadata["build_metadata.AdditionalFiles.ClientName"] = ClientName;
            }

            if (Namespace is not null)
            {
                metadata["build_metadata.AdditionalFiles.Namespace"] = Namespace;
            }

            if (ServicePath is not null)
            {
                metadata["build_metadata.AdditionalFiles.ServicePath"] = ServicePath;
            }

            if (EnumLiterals is not null)
            {
                metadata["build_metadata.AdditionalFiles.EnumLiterals"] = EnumLiterals;
            }

            foreach (var (name, value) in new[] { ("EntitySets", EntitySets), ("Operations", Operations), ("Tags", Tags) })
            {
                if (value is not null)
                {
                    metadata["build_metadata.AdditionalFiles." + name] = value;
                }
            }

            return metadata;
        }
    }
}
