using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Builds System.Text.Json metadata for generated types without reflection. The STJ source generator
/// cannot see types another generator emits (DESIGN.md), so our generator emits calls to these helpers
/// instead: one object description per type, one property description per property.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ODataJsonMetadata
{
    /// <summary>Describes a class: how to create it and its properties (inherited ones included).</summary>
    /// <typeparam name="T">The generated class.</typeparam>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="create">Creates an empty instance; <see langword="null"/> for abstract types.</param>
    /// <param name="properties">Describes the properties, using <see cref="PropertyInfo{TDeclaring, TProperty}"/>.</param>
    public static JsonTypeInfo<T> ObjectInfo<T>(JsonSerializerOptions options, Func<T>? create, Func<JsonSerializerOptions, JsonPropertyInfo[]> properties)
        where T : class
    {
        if (options is null || properties is null)
        {
            throw new ArgumentNullException(options is null ? nameof(options) : nameof(properties));
        }

        var info = JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ => properties(options),
        });
        if (typeof(IODataTrackedObject).IsAssignableFrom(typeof(T)))
        {
            // What the serializer assigns was read, not set by the caller: the tracker lists it instead of looking it up.
            info.OnDeserializing = instance => ((IODataTrackedObject)instance).PropertyTracker.BeginRead(info.Properties.Count);
            info.OnDeserialized = static instance => ((IODataTrackedObject)instance).PropertyTracker.EndRead();
        }

        return info;
    }

    /// <summary>
    /// Describes a class whose derived types are told apart by a discriminator (OData: <c>@odata.type</c>
    /// = <c>#NS.Type</c>), so a base-typed property or collection reads and writes the derived instances.
    /// An unknown discriminator (a newer server's type) reads as <typeparamref name="T"/>; the discriminator
    /// must come first in the object, as OData writers put it.
    /// </summary>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="create">Creates an instance; <see langword="null"/> for abstract classes.</param>
    /// <param name="properties">Builds the property metadata.</param>
    /// <param name="discriminatorProperty">The JSON property naming the type, e.g. <c>@odata.type</c>.</param>
    /// <param name="derivedTypes">Every derived class with its discriminator value.</param>
    public static JsonTypeInfo<T> PolymorphicObjectInfo<T>(JsonSerializerOptions options, Func<T>? create, Func<JsonSerializerOptions, JsonPropertyInfo[]> properties, string discriminatorProperty, params JsonDerivedType[] derivedTypes)
        where T : class
    {
        if (discriminatorProperty is null || derivedTypes is null)
        {
            throw new ArgumentNullException(discriminatorProperty is null ? nameof(discriminatorProperty) : nameof(derivedTypes));
        }

        var info = ObjectInfo(options, create, properties);
        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = discriminatorProperty,
            IgnoreUnrecognizedTypeDiscriminators = true,
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToNearestAncestor,
        };
        foreach (var derived in derivedTypes)
        {
            polymorphism.DerivedTypes.Add(derived);
        }

        info.PolymorphismOptions = polymorphism;
        return info;
    }

    /// <summary>
    /// A type's property list: its base type's (<paramref name="inherited"/>) first, as System.Text.Json orders them,
    /// then its own. Generated code builds each type's list from its base's, so a property is described once, by the
    /// type that declares it, however many types inherit it.
    /// </summary>
    /// <param name="inherited">The base type's properties, fresh for this list; <see langword="null"/> for a type without a base.</param>
    /// <param name="declared">The properties the type declares.</param>
    public static JsonPropertyInfo[] Properties(JsonPropertyInfo[]? inherited, params JsonPropertyInfo[] declared)
    {
        if (declared is null)
        {
            throw new ArgumentNullException(nameof(declared));
        }

        if (inherited is null || inherited.Length == 0)
        {
            return declared;
        }

        if (declared.Length == 0)
        {
            return inherited;
        }

        var properties = new JsonPropertyInfo[inherited.Length + declared.Length];
        inherited.CopyTo(properties, 0);
        declared.CopyTo(properties, inherited.Length);
        return properties;
    }

    /// <summary>Describes one property by its getter and setter.</summary>
    /// <typeparam name="TDeclaring">The class that declares the property.</typeparam>
    /// <typeparam name="TProperty">The property's type.</typeparam>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The name in JSON (the service's spelling).</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Writes the property.</param>
    public static JsonPropertyInfo PropertyInfo<TDeclaring, TProperty>(JsonSerializerOptions options, string name, string jsonName, Func<TDeclaring, TProperty> get, Action<TDeclaring, TProperty> set)
        where TDeclaring : class
    {
        if (get is null || set is null)
        {
            throw new ArgumentNullException(get is null ? nameof(get) : nameof(set));
        }

        return JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TProperty>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(TDeclaring),
            PropertyName = name,
            JsonPropertyName = jsonName,
            Getter = instance => get((TDeclaring)instance),
            Setter = (instance, value) => set((TDeclaring)instance, value!),
        });
    }

    /// <summary>
    /// Describes one property of a generated OData object that tracks what was set (<see cref="IODataTrackedObject"/>):
    /// written when the caller assigned it (<see langword="null"/> included), when it was read from the service and is
    /// not computed by it, or when it is a collection the caller filled; otherwise left out of the JSON.
    /// </summary>
    /// <typeparam name="TDeclaring">The class that declares the property.</typeparam>
    /// <typeparam name="TProperty">The property's type.</typeparam>
    /// <param name="options">The options the metadata is for.</param>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The name in JSON (the service's spelling).</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Writes the property.</param>
    /// <param name="role">What the property is to the service; most properties are plain data (<see cref="ODataPropertyRole.None"/>).</param>
    public static JsonPropertyInfo TrackedPropertyInfo<TDeclaring, TProperty>(JsonSerializerOptions options, string name, string jsonName, Func<TDeclaring, TProperty> get, Action<TDeclaring, TProperty> set, ODataPropertyRole role = ODataPropertyRole.None)
        where TDeclaring : class, IODataTrackedObject
    {
        if (get is null || set is null || jsonName is null)
        {
            throw new ArgumentNullException(get is null ? nameof(get) : set is null ? nameof(set) : nameof(jsonName));
        }

        var computed = (role & ODataPropertyRole.Computed) != 0;
        var info = JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TProperty>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(TDeclaring),
            PropertyName = name,
            JsonPropertyName = jsonName,
            // The tracker decides; the options' "skip nulls" must not drop a null the caller set on purpose.
            IgnoreCondition = JsonIgnoreCondition.Never,
            Getter = instance => get((TDeclaring)instance),
            Setter = (instance, value) =>
            {
                var target = (TDeclaring)instance;
                set(target, value!);
                target.PropertyTracker.MarkRead(jsonName);
            },
        });
        info.ShouldSerialize = (instance, value) => ((TDeclaring)instance).PropertyTracker.ShouldWrite(jsonName, computed, value);
        return info;
    }

    /// <summary>Describes the <see cref="IODataObject.AdditionalData"/> property that keeps what the client does not know.</summary>
    /// <typeparam name="TDeclaring">The class that declares it.</typeparam>
    public static JsonPropertyInfo AdditionalDataInfo<TDeclaring>(JsonSerializerOptions options)
        where TDeclaring : class, IODataObject =>
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<IDictionary<string, JsonElement>?>
        {
            IsProperty = true,
            IsPublic = true,
            IsExtensionData = true,
            DeclaringType = typeof(TDeclaring),
            PropertyName = nameof(IODataObject.AdditionalData),
            JsonPropertyName = nameof(IODataObject.AdditionalData),
            Getter = instance => ((TDeclaring)instance).AdditionalData,
            Setter = (instance, value) => ((TDeclaring)instance).AdditionalData = value,
        });

    /// <summary>Describes an enum with its generated converter.</summary>
    public static JsonTypeInfo<TEnum> EnumInfo<TEnum>(JsonSerializerOptions options, JsonConverter<TEnum> converter)
        where TEnum : struct, System.Enum =>
        JsonMetadataServices.CreateValueInfo<TEnum>(options, converter ?? throw new ArgumentNullException(nameof(converter)));

    /// <summary>
    /// Describes an enum with its generated converter, named by type so the generated resolver can list this method
    /// itself rather than a method of its own per enum; one converter instance serves every options instance.
    /// </summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <typeparam name="TConverter">Its generated converter (stateless after construction).</typeparam>
    public static JsonTypeInfo<TEnum> EnumInfo<TEnum, TConverter>(JsonSerializerOptions options)
        where TEnum : struct, System.Enum
        where TConverter : JsonConverter<TEnum>, new() =>
        EnumInfo(options, SharedConverter<TConverter>.Instance);

    /// <summary>Describes <c>T?</c> for a value type whose metadata the options already resolve.</summary>
    public static JsonTypeInfo<T?> NullableInfo<T>(JsonSerializerOptions options)
        where T : struct =>
        JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter(Resolve<T>(options)));

    /// <summary>Describes <c>IList&lt;T&gt;</c>, created as <c>List&lt;T&gt;</c>.</summary>
    public static JsonTypeInfo<IList<T>> ListInfo<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateIListInfo<IList<T>, T>(options, new JsonCollectionInfoValues<IList<T>>
        {
            ObjectCreator = static () => new List<T>(),
        });

    /// <summary>Describes <c>IDictionary&lt;string, T&gt;</c>, a JSON object used as a map (OpenAPI <c>additionalProperties</c>).</summary>
    public static JsonTypeInfo<IDictionary<string, T>> DictionaryInfo<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateIDictionaryInfo<IDictionary<string, T>, string, T>(options, new JsonCollectionInfoValues<IDictionary<string, T>>
        {
            ObjectCreator = static () => new Dictionary<string, T>(),
        });

    /// <summary>Describes <c>List&lt;T&gt;</c>.</summary>
    public static JsonTypeInfo<List<T>> ConcreteListInfo<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateListInfo<List<T>, T>(options, new JsonCollectionInfoValues<List<T>>
        {
            ObjectCreator = static () => new List<T>(),
        });

    /// <summary>The metadata of <typeparamref name="T"/> from <paramref name="options"/>, typed.</summary>
    /// <exception cref="NotSupportedException">No resolver of the options knows the type.</exception>
    public static JsonTypeInfo<T> Resolve<T>(JsonSerializerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"No JSON metadata for {typeof(T)}.");
    }

    /// <summary>One instance of a stateless converter, created on first use.</summary>
    private static class SharedConverter<TConverter>
        where TConverter : new()
    {
        public static readonly TConverter Instance = new();
    }
}
