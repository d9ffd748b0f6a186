namespace UiPathClients.Generator.Emit;

/// <summary>
/// The runtime's namespaces and types as generated code names them (fully qualified, <c>global::</c> included), in one
/// table: the writers compose names from these instead of spelling runtime namespaces themselves.
/// </summary>
internal static class RuntimeNames
{
    /// <summary>Service, entity set and entity clients, connection and options.</summary>
    public const string Client = "global::UiPathClients.Runtime.Client.";

    /// <summary>Filter surfaces, operands and OData literals.</summary>
    public const string Querying = "global::UiPathClients.Runtime.Querying.";

    /// <summary>The REST connection, request builder and stream processing.</summary>
    public const string Rest = "global::UiPathClients.Runtime.Rest.";

    /// <summary>The exceptions calls throw.</summary>
    public const string Errors = "global::UiPathClients.Runtime.Errors.";

    /// <summary>Folder context and the HTTP handlers.</summary>
    public const string Http = "global::UiPathClients.Runtime.Http.";

    /// <summary>Communications Mining's answer checks.</summary>
    public const string CommunicationsMining = "global::UiPathClients.Runtime.CommunicationsMining.";

    /// <summary>OData type attributes and the property tracker.</summary>
    public const string RuntimeMetadata = "global::UiPathClients.Runtime.Metadata.";

    /// <summary>Converters and JSON helpers.</summary>
    public const string RuntimeSerialization = "global::UiPathClients.Runtime.Serialization.";

    /// <summary>The JSON metadata helpers of OData clients.</summary>
    public const string Metadata = RuntimeSerialization + "ODataJsonMetadata.";

    /// <summary>The JSON metadata helpers of REST clients.</summary>
    public const string RestMetadata = RuntimeSerialization + "RestJsonMetadata.";

    /// <summary>The wire formats of REST values (<c>format: date</c>, Unix times, base64url …).</summary>
    public const string WireFormats = RuntimeSerialization + "RestWireFormats.";

    /// <summary>The interface of classes that know which properties the caller set.</summary>
    public const string TrackedObjectInterface = RuntimeMetadata + "IODataTrackedObject";

    /// <summary>System.Text.Json's serializer options.</summary>
    public const string Options = "global::System.Text.Json.JsonSerializerOptions";

    /// <summary>The task namespace.</summary>
    public const string Tasks = "global::System.Threading.Tasks.";

    /// <summary>The last parameter of every generated method that calls the service.</summary>
    public const string CancellationTokenParameter = "global::System.Threading.CancellationToken cancellationToken = default";
}
