using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// System.Text.Json metadata for what OpenAPI models have beyond OData's: discriminated base classes,
/// <c>oneOf</c>/<c>anyOf</c> unions, read-only and write-only properties. Generated code calls these, like
/// <see cref="ODataJsonMetadata"/>, so no reflection is involved.
/// </summary>
public static class RestJsonMetadata
{
    /// <summary>Describes a base class whose derived classes are told apart by a discriminator property.</summary>
    /// <typeparam name="T">The base class.</typeparam>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="create">Creates an instance of the base class; <see langword="null"/> when abstract.</param>
    /// <param name="properties">Builds the base class's property metadata.</param>
    /// <param name="discriminatorProperty">The JSON property whose value names the type.</param>
    /// <param name="derivedTypes">Each discriminator value and the class it selects.</param>
    /// <seealso cref="JsonDiscriminatorConverter{T}"/>
    public static JsonTypeInfo<T> DiscriminatedObjectInfo<T>(JsonSerializerOptions options, Func<T>? create, Func<JsonSerializerOptions, JsonPropertyInfo[]> properties, string discriminatorProperty, params KeyValuePair<string, Type>[] derivedTypes)
        where T : class
    {
        var baseInfo = ODataJsonMetadata.ObjectInfo(options, create, properties);
        return JsonMetadataServices.CreateValueInfo<T>(options, new JsonDiscriminatorConverter<T>(baseInfo, discriminatorProperty, derivedTypes));
    }

    /// <summary>Describes a generated <see cref="JsonUnion"/> wrapper.</summary>
    /// <typeparam name="TUnion">The wrapper.</typeparam>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="converter">The union's generated converter.</param>
    public static JsonTypeInfo<TUnion> UnionInfo<TUnion>(JsonSerializerOptions options, JsonUnionConverter<TUnion> converter)
        where TUnion : JsonUnion =>
        JsonMetadataServices.CreateValueInfo<TUnion>(options, converter ?? throw new ArgumentNullException(nameof(converter)));

    /// <summary>
    /// Describes an OpenAPI <c>writeOnly</c> property (a password, a secret): written in requests, never read
    /// from responses, so a value the service echoes back (or masks) does not overwrite the one set.
    /// </summary>
    /// <typeparam name="TDeclaring">The class that declares the property.</typeparam>
    /// <typeparam name="TProperty">The property's type.</typeparam>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The name in JSON.</param>
    /// <param name="get">Reads the property.</param>
    public static JsonPropertyInfo WriteOnlyPropertyInfo<TDeclaring, TProperty>(JsonSerializerOptions options, string name, string jsonName, Func<TDeclaring, TProperty> get)
        where TDeclaring : class
    {
        if (get is null)
        {
            throw new ArgumentNullException(nameof(get));
        }

        return JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TProperty>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(TDeclaring),
            PropertyName = name,
            JsonPropertyName = jsonName,
            Getter = instance => get((TDeclaring)instance),
        });
    }

    /// <summary>
    /// Describes an OpenAPI <c>readOnly</c> property (an id, a creation time): read from responses, never written in
    /// requests, so an object read, changed and sent back does not carry the value the service owns (services
    /// answer <c>400</c> to a read-only property in a request body).
    /// </summary>
    /// <typeparam name="TDeclaring">The class that declares the property.</typeparam>
    /// <typeparam name="TProperty">The property's type.</typeparam>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The name in JSON.</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Writes the property (when a response is read).</param>
    public static JsonPropertyInfo ReadOnlyPropertyInfo<TDeclaring, TProperty>(JsonSerializerOptions options, string name, string jsonName, Func<TDeclaring, TProperty> get, Action<TDeclaring, TProperty> set)
        where TDeclaring : class
    {
        var info = ODataJsonMetadata.PropertyInfo(options, name, jsonName, get, set);
        info.ShouldSerialize = static (_, _) => false;
        return info;
    }
}
