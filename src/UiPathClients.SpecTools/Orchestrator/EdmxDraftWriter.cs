using System;
using System.Globalization;
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
    private const string OptionalParameterTerm = "Org.OData.Core.V1.OptionalParameter";
    private const string Capabilities = "Org.OData.Capabilities.V1.";

    /// <summary>The generator's own term for a parameter the service reads outside OData's place (see specs/README.md).</summary>
    private const string ParameterLocationTerm = "UiPathClients.V1.ParameterLocation";

    public static string Write(EdmxDraft draft, string containerNamespace, string containerName)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
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
                    WriteEnumType(writer, enumType);
                }

                foreach (var type in schema.Types.Values)
                {
                    WriteStructuredType(writer, type);
                }

                // Overloads share a name: order them by binding type, then by parameter names.
                foreach (var operation in schema.Operations
                    .OrderBy(operation => operation.Name, StringComparer.Ordinal)
                    .ThenBy(operation => operation.BindingType ?? string.Empty, StringComparer.Ordinal)
                    .ThenBy(operation => string.Join(",", operation.Parameters.Select(parameter => parameter.Name)), StringComparer.Ordinal))
                {
                    WriteOperation(writer, operation);
                }

                if (@namespace == containerNamespace)
                {
                    WriteContainer(writer, draft, containerName);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteEnumType(XmlWriter writer, EnumDraft enumType)
    {
        writer.WriteStartElement("EnumType", EdmNamespace);
        writer.WriteAttributeString("Name", enumType.Name);
        writer.WriteAttributeString("UnderlyingType", "Edm.Int32");
        foreach (var member in enumType.Members)
        {
            writer.WriteStartElement("Member", EdmNamespace);
            writer.WriteAttributeString("Name", member.Name);
            writer.WriteAttributeString("Value", member.Value.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
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
        if (operation.BindingType is not null)
        {
            writer.WriteAttributeString("IsBound", "true");
            writer.WriteStartElement("Parameter", EdmNamespace);
            writer.WriteAttributeString("Name", "bindingParameter");
            writer.WriteAttributeString("Type", operation.BindingType);
            writer.WriteAttributeString("Nullable", "false");
            writer.WriteEndElement();
        }

        foreach (var parameter in operation.Parameters)
        {
            writer.WriteStartElement("Parameter", EdmNamespace);
            writer.WriteAttributeString("Name", parameter.Name);
            writer.WriteAttributeString("Type", parameter.Type);
            if (!parameter.IsNullable)
            {
                writer.WriteAttributeString("Nullable", "false");
            }

            if (parameter.IsOptional)
            {
                writer.WriteStartElement("Annotation", EdmNamespace);
                writer.WriteAttributeString("Term", OptionalParameterTerm);
                writer.WriteEndElement();
            }

            if (parameter.Location != ParameterLocation.OData)
            {
                writer.WriteStartElement("Annotation", EdmNamespace);
                writer.WriteAttributeString("Term", ParameterLocationTerm);
                writer.WriteAttributeString("String", parameter.Location.ToString());
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        if (operation.ReturnType is not null)
        {
            writer.WriteStartElement("ReturnType", EdmNamespace);
            writer.WriteAttributeString("Type", operation.ReturnType);
            if (!operation.IsReturnNullable)
            {
                writer.WriteAttributeString("Nullable", "false");
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteContainer(XmlWriter writer, EdmxDraft draft, string containerName)
    {
        writer.WriteStartElement("EntityContainer", EdmNamespace);
        writer.WriteAttributeString("Name", containerName);
        foreach (var set in draft.EntitySets.Values)
        {
            writer.WriteStartElement("EntitySet", EdmNamespace);
            writer.WriteAttributeString("Name", set.Name);
            writer.WriteAttributeString("EntityType", set.EntityType);
            WriteRestrictions(writer, set.Capabilities, isSingleton: false);
            writer.WriteEndElement();
        }

        foreach (var singleton in draft.Singletons.Values)
        {
            writer.WriteStartElement("Singleton", EdmNamespace);
            writer.WriteAttributeString("Name", singleton.Name);
            writer.WriteAttributeString("Type", singleton.EntityType);
            WriteRestrictions(writer, singleton.Capabilities, isSingleton: true);
            writer.WriteEndElement();
        }

        foreach (var import in draft.OperationImports.Values)
        {
            writer.WriteStartElement(import.IsAction ? "ActionImport" : "FunctionImport", EdmNamespace);
            writer.WriteAttributeString("Name", import.Name);
            writer.WriteAttributeString(import.IsAction ? "Action" : "Function", import.Operation);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// Capabilities vocabulary annotations for what the source does not describe; an absent restriction
    /// means allowed, so a set with every route gets only the navigation restriction.
    /// </summary>
    private static void WriteRestrictions(XmlWriter writer, SetCapabilitiesDraft capabilities, bool isSingleton)
    {
        if (!capabilities.Readable || !capabilities.ReadableByKey)
        {
            StartRecordAnnotation(writer, "ReadRestrictions");
            if (!capabilities.Readable)
            {
                WriteFalse(writer, "Readable");
            }

            // ReadByKeyRestrictions inherit what they do not say from ReadRestrictions, so a set read only by key says so.
            if (capabilities.ReadableByKey != capabilities.Readable && !isSingleton)
            {
                writer.WriteStartElement("PropertyValue", EdmNamespace);
                writer.WriteAttributeString("Property", "ReadByKeyRestrictions");
                writer.WriteStartElement("Record", EdmNamespace);
                writer.WriteStartElement("PropertyValue", EdmNamespace);
                writer.WriteAttributeString("Property", "Readable");
                writer.WriteAttributeString("Bool", capabilities.ReadableByKey ? "true" : "false");
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            EndRecordAnnotation(writer);
        }

        if (!isSingleton && !capabilities.IndexableByKey)
        {
            writer.WriteStartElement("Annotation", EdmNamespace);
            writer.WriteAttributeString("Term", Capabilities + "IndexableByKey");
            writer.WriteAttributeString("Bool", "false");
            writer.WriteEndElement();
        }

        if (!isSingleton && !capabilities.Insertable)
        {
            StartRecordAnnotation(writer, "InsertRestrictions");
            WriteFalse(writer, "Insertable");
            EndRecordAnnotation(writer);
        }

        if (!capabilities.Replaceable || !capabilities.Patchable)
        {
            StartRecordAnnotation(writer, "UpdateRestrictions");
            if (!capabilities.Replaceable && !capabilities.Patchable)
            {
                WriteFalse(writer, "Updatable");
            }
            else
            {
                writer.WriteStartElement("PropertyValue", EdmNamespace);
                writer.WriteAttributeString("Property", "UpdateMethod");
                writer.WriteAttributeString("EnumMember", Capabilities + "HttpMethod/" + (capabilities.Replaceable ? "PUT" : "PATCH"));
                writer.WriteEndElement();
            }

            EndRecordAnnotation(writer);
        }

        if (!isSingleton && !capabilities.Deletable)
        {
            StartRecordAnnotation(writer, "DeleteRestrictions");
            WriteFalse(writer, "Deletable");
            EndRecordAnnotation(writer);
        }

        // No path of the source goes through a navigation property: related entities come only with $expand.
        StartRecordAnnotation(writer, "NavigationRestrictions");
        writer.WriteStartElement("PropertyValue", EdmNamespace);
        writer.WriteAttributeString("Property", "Navigability");
        writer.WriteAttributeString("EnumMember", Capabilities + "NavigationType/None");
        writer.WriteEndElement();
        EndRecordAnnotation(writer);
    }

    private static void StartRecordAnnotation(XmlWriter writer, string term)
    {
        writer.WriteStartElement("Annotation", EdmNamespace);
        writer.WriteAttributeString("Term", Capabilities + term);
        writer.WriteStartElement("Record", EdmNamespace);
    }

    private static void EndRecordAnnotation(XmlWriter writer)
    {
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteFalse(XmlWriter writer, string property)
    {
        writer.WriteStartElement("PropertyValue", EdmNamespace);
        writer.WriteAttributeString("Property", property);
        writer.WriteAttributeString("Bool", "false");
        writer.WriteEndElement();
    }
}
