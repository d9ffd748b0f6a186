using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace UiPathClients.SpecTools.Orchestrator;

/// <summary>Writes an <see cref="EdmxDraft"/> as an OData v4 EDMX document, deterministically.</summary>
internal static class EdmxDraftWriter
{
    private const string EdmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx";
    private const string EdmNamespace = "http://docs.oasis-open.org/odata/ns/edm";

    public static string Write(EdmxDraft draft, string containerNamespace, string containerName)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("edmx", "Edmx", EdmxNamespace);
            writer.WriteAttributeString("Version", "4.0");
            writer.WriteStartElement("edmx", "DataServices", EdmxNamespace);
            foreach (var (@namespace, schema) in draft.Schemas)
            {
                writer.WriteStartElement("Schema", EdmNamespace);
                writer.WriteAttributeString("Namespace", @namespace);
                foreach (var enumType in schema.Enums.Values)
                {
                    writer.WriteStartElement("EnumType", EdmNamespace);
                    writer.WriteAttributeString("Name", enumType.Name);
                    foreach (var member in enumType.Members)
                    {
                        writer.WriteStartElement("Member", EdmNamespace);
                        writer.WriteAttributeString("Name", member);
                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                }

                foreach (var type in schema.Types.Values)
                {
                    WriteStructuredType(writer, type);
                }

                foreach (var operation in schema.Operations
                    .OrderBy(operation => operation.Name, System.StringComparer.Ordinal)
                    .ThenBy(operation => operation.BindingType, System.StringComparer.Ordinal)
                    .ThenBy(operation => string.Join(",", operation.Parameters.Select(parameter => parameter.Name)), System.StringComparer.Ordinal))
                {
                    WriteOperation(writer, operation);
                }

                if (@namespace == containerNamespace)
                {
                    writer.WriteStartElement("EntityContainer", EdmNamespace);
                    writer.WriteAttributeString("Name", containerName);
                    foreach (var set in draft.EntitySets.OrderBy(set => set.Name, System.StringComparer.Ordinal))
                    {
                        writer.WriteStartElement("EntitySet", EdmNamespace);
                        writer.WriteAttributeString("Name", set.Name);
                        writer.WriteAttributeString("EntityType", set.EntityType);
                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteStructuredType(XmlWriter writer, StructuredDraft type)
    {
        writer.WriteStartElement(type.IsEntity ? "EntityType" : "ComplexType", EdmNamespace);
        writer.WriteAttributeString("Name", type.Name);
        if (type.BaseType is not null)
        {
            writer.WriteAttributeString("BaseType", type.BaseType);
        }

        if (type.Key is not null)
        {
            writer.WriteStartElement("Key", EdmNamespace);
            writer.WriteStartElement("PropertyRef", EdmNamespace);
            writer.WriteAttributeString("Name", type.Key);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        foreach (var property in type.Properties)
        {
            writer.WriteStartElement(property.IsNavigation ? "NavigationProperty" : "Property", EdmNamespace);
            writer.WriteAttributeString("Name", property.Name);
            writer.WriteAttributeString("Type", property.Type);
            if (!property.IsNullable)
            {
                writer.WriteAttributeString("Nullable", "false");
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteOperation(XmlWriter writer, OperationDraft operation)
    {
        writer.WriteStartElement(operation.IsAction ? "Action" : "Function", EdmNamespace);
        writer.WriteAttributeString("Name", operation.Name);
        writer.WriteAttributeString("IsBound", "true");
        writer.WriteStartElement("Parameter", EdmNamespace);
        writer.WriteAttributeString("Name", "bindingParameter");
        writer.WriteAttributeString("Type", operation.BindingType);
        writer.WriteAttributeString("Nullable", "false");
        writer.WriteEndElement();
        foreach (var parameter in operation.Parameters)
        {
            writer.WriteStartElement("Parameter", EdmNamespace);
            writer.WriteAttributeString("Name", parameter.Name);
            writer.WriteAttributeString("Type", parameter.Type);
            if (!parameter.IsNullable)
            {
                writer.WriteAttributeString("Nullable", "false");
            }

            writer.WriteEndElement();
        }

        if (operation.ReturnType is not null)
        {
            writer.WriteStartElement("ReturnType", EdmNamespace);
            writer.WriteAttributeString("Type", operation.ReturnType);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
