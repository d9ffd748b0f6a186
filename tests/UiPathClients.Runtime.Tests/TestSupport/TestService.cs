using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Querying;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Tests.TestSupport;

// A small OData service written by hand in the shape the generator emits (see the Operations snapshots of
// UiPathClients.Generator.Tests): entity and complex types implementing IODataObject, an enum with its
// ODataEnumJsonConverter, filter surfaces, a reflection-free JSON metadata resolver, entity set and entity
// clients, and a root client. Service namespace: Test. The C# name IsDone maps to the service's "done".

public enum Priority
{
    Low = 0,
    High = 1,
}

public sealed class PriorityJsonConverter : ODataEnumJsonConverter<Priority>
{
    public PriorityJsonConverter()
        : base(new[] { "Low", "High" }, new long[] { 0, 1 }, isFlags: false)
    {
    }

    public static PriorityJsonConverter Default { get; } = new();
}

public sealed class Window : IODataObject
{
    public DateTimeOffset From { get; set; }

    public DateTimeOffset? To { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class WorkItem : IODataObject
{
    public long Id { get; set; }

    public string? Title { get; set; }

    public bool? IsDone { get; set; }

    public Priority? Priority { get; set; }

    public DateOnly? Due { get; set; }

    public TimeSpan? Estimate { get; set; }

    public IList<string?> Labels { get; set; } = new List<string?>();

    public Window? Window { get; set; }

    public IList<WorkItem>? Subtasks { get; set; }

    public Person? Owner { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class Person : IODataObject
{
    public string UserName { get; set; } = string.Empty;

    public string? Email { get; set; }

    public Person? Manager { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class WindowFilter(string prefix) : FilterSurface(prefix)
{
    public DateTimeOffsetOperand From => new(PathOf("From"));

    public DateTimeOffsetOperand To => new(PathOf("To"));

    protected override FilterSurface CreateAt(string prefix) => new WindowFilter(prefix);
}

public sealed class WorkItemFilter(string prefix) : FilterSurface(prefix)
{
    public NumberOperand<long> Id => new(PathOf("Id"));

    public StringOperand Title => new(PathOf("Title"));

    public BooleanOperand IsDone => new(PathOf("done"));

    public EnumOperand<Priority> Priority => new(PathOf("Priority"), static value => ODataLiteral.FormatEnum("Test.Priority", PriorityJsonConverter.Default.ToServiceName(value)));

    public ComparableOperand<DateOnly> Due => new(PathOf("Due"), static value => ODataLiteral.Format(value));

    public ComparableOperand<TimeSpan> Estimate => new(PathOf("Estimate"), static value => ODataLiteral.Format(value));

    public CollectionOperand<StringOperand> Labels => new(PathOf("Labels"), static variable => new StringOperand(variable));

    public WindowFilter Window => new(PathOf("Window") + "/");

    public CollectionOperand<WorkItemFilter> Subtasks => new(PathOf("Subtasks"), static variable => new WorkItemFilter(variable + "/"));

    public PersonFilter Owner => new(PathOf("Owner") + "/");

    protected override FilterSurface CreateAt(string prefix) => new WorkItemFilter(prefix);
}

public sealed class PersonFilter(string prefix) : FilterSurface(prefix)
{
    public StringOperand UserName => new(PathOf("UserName"));

    public StringOperand Email => new(PathOf("Email"));

    public PersonFilter Manager => new(PathOf("Manager") + "/");

    protected override FilterSurface CreateAt(string prefix) => new PersonFilter(prefix);
}

/// <summary>The generated-style metadata resolver: one factory per type, no reflection.</summary>
public sealed class TestJsonMetadata : IJsonTypeInfoResolver
{
    private static readonly Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Factories = new()
    {
        [typeof(Priority)] = static options => ODataJsonMetadata.EnumInfo(options, PriorityJsonConverter.Default),
        [typeof(Priority?)] = static options => ODataJsonMetadata.NullableInfo<Priority>(options),
        [typeof(Window)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new Window(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<Window, DateTimeOffset>(options, "From", "From", static instance => instance.From, static (instance, value) => instance.From = value),
            ODataJsonMetadata.PropertyInfo<Window, DateTimeOffset?>(options, "To", "To", static instance => instance.To, static (instance, value) => instance.To = value),
            ODataJsonMetadata.AdditionalDataInfo<Window>(options),
        }),
        [typeof(WorkItem)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new WorkItem(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<WorkItem, long>(options, "Id", "Id", static instance => instance.Id, static (instance, value) => instance.Id = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, string?>(options, "Title", "Title", static instance => instance.Title, static (instance, value) => instance.Title = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, bool?>(options, "IsDone", "done", static instance => instance.IsDone, static (instance, value) => instance.IsDone = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, Priority?>(options, "Priority", "Priority", static instance => instance.Priority, static (instance, value) => instance.Priority = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, DateOnly?>(options, "Due", "Due", static instance => instance.Due, static (instance, value) => instance.Due = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, TimeSpan?>(options, "Estimate", "Estimate", static instance => instance.Estimate, static (instance, value) => instance.Estimate = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, IList<string?>>(options, "Labels", "Labels", static instance => instance.Labels, static (instance, value) => instance.Labels = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, Window?>(options, "Window", "Window", static instance => instance.Window, static (instance, value) => instance.Window = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, IList<WorkItem>?>(options, "Subtasks", "Subtasks", static instance => instance.Subtasks, static (instance, value) => instance.Subtasks = value),
            ODataJsonMetadata.PropertyInfo<WorkItem, Person?>(options, "Owner", "Owner", static instance => instance.Owner, static (instance, value) => instance.Owner = value),
            ODataJsonMetadata.AdditionalDataInfo<WorkItem>(options),
        }),
        [typeof(Person)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new Person(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<Person, string>(options, "UserName", "UserName", static instance => instance.UserName, static (instance, value) => instance.UserName = value),
            ODataJsonMetadata.PropertyInfo<Person, string?>(options, "Email", "Email", static instance => instance.Email, static (instance, value) => instance.Email = value),
            ODataJsonMetadata.PropertyInfo<Person, Person?>(options, "Manager", "Manager", static instance => instance.Manager, static (instance, value) => instance.Manager = value),
            ODataJsonMetadata.AdditionalDataInfo<Person>(options),
        }),
        [typeof(IList<WorkItem>)] = static options => ODataJsonMetadata.ListInfo<WorkItem>(options),
        [typeof(List<WorkItem>)] = static options => ODataJsonMetadata.ConcreteListInfo<WorkItem>(options),
        [typeof(IList<long>)] = static options => ODataJsonMetadata.ListInfo<long>(options),
        [typeof(List<long>)] = static options => ODataJsonMetadata.ConcreteListInfo<long>(options),
        [typeof(IList<string>)] = static options => ODataJsonMetadata.ListInfo<string>(options),
        [typeof(List<string>)] = static options => ODataJsonMetadata.ConcreteListInfo<string>(options),
    };

    public static TestJsonMetadata Default { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        Factories.TryGetValue(type, out var factory) ? factory(options) : null;
}

public sealed class WorkItemsCollection(ODataConnection connection) : EntitySetClient<WorkItem, WorkItemFilter>(connection, "WorkItems", new WorkItemFilter(string.Empty))
{
    /// <summary><c>POST WorkItems</c>, as generated for an insertable set.</summary>
    public Task<WorkItem> CreateAsync(WorkItem entity, CancellationToken cancellationToken = default) => CreateEntityAsync(entity, cancellationToken);

    public WorkItemClient this[long id] => new(Connection, Path + ODataKey.Segment(ODataLiteral.Format(id)));

    /// <summary>Bound action returning a collection: <c>POST WorkItems/Test.Schedule</c>.</summary>
    public Task<IReadOnlyList<WorkItem>> ScheduleAsync(Window window, Priority? priority, CancellationToken cancellationToken = default)
    {
        var path = Path + "/Test.Schedule";
        void WriteParameters(Utf8JsonWriter writer)
        {
            Connection.WriteParameter(writer, "window", window);
            Connection.WriteParameter(writer, "priority", priority);
        }

        return Connection.InvokeCollectionAsync<WorkItem>(HttpMethod.Post, path, WriteParameters, cancellationToken);
    }

    /// <summary>Bound function returning a primitive: <c>GET WorkItems/Test.CountByPriority(priority=…,title=…)</c>.</summary>
    public Task<long> CountByPriorityAsync(Priority priority, string? title, CancellationToken cancellationToken = default)
    {
        var path = Path + "/Test.CountByPriority(priority=" + ODataKey.EscapeForPath(ODataLiteral.FormatEnum("Test.Priority", PriorityJsonConverter.Default.ToServiceName(priority)))
            + ",title=" + ODataKey.EscapeForPath(ODataLiteral.Format(title)) + ")";
        return Connection.InvokeAsync<long>(HttpMethod.Get, path, null, unwrapValue: true, allowNull: false, cancellationToken);
    }

    /// <summary>Bound function with alias parameters returning a collection of primitives.</summary>
    public Task<IReadOnlyList<string>> TitlesAsync(IList<long> ids, CancellationToken cancellationToken = default)
    {
        var path = Path + "/Test.Titles(ids=@ids)?@ids=" + Uri.EscapeDataString(Connection.ToJson(ids));
        return Connection.InvokeCollectionAsync<string>(HttpMethod.Get, path, null, cancellationToken);
    }

    /// <summary>Bound function returning a nullable entity.</summary>
    public Task<WorkItem?> FindAsync(string title, CancellationToken cancellationToken = default)
    {
        var path = Path + "/Test.Find(title=" + ODataKey.EscapeForPath(ODataLiteral.Format(title)) + ")";
        return Connection.InvokeAsync<WorkItem?>(HttpMethod.Get, path, null, unwrapValue: false, allowNull: true, cancellationToken);
    }

    /// <summary>Bound function returning a non-nullable entity.</summary>
    public Task<WorkItem> LatestAsync(CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync<WorkItem>(HttpMethod.Get, Path + "/Test.Latest()", null, unwrapValue: false, allowNull: false, cancellationToken);
}

public sealed class WorkItemClient(ODataConnection connection, string path) : EntityClient<WorkItem, WorkItemFilter>(connection, path, new WorkItemFilter(string.Empty))
{
    /// <summary>PUT, PATCH and DELETE, as generated for a set without restrictions.</summary>
    public Task<WorkItem> UpdateAsync(WorkItem entity, CancellationToken cancellationToken = default) => ReplaceEntityAsync(entity, cancellationToken);

    public Task PatchAsync(Func<ODataDelta<WorkItemFilter>, ODataDelta<WorkItemFilter>> changes, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        PatchEntityAsync(changes, ifMatch, cancellationToken);

    public Task DeleteAsync(string? ifMatch = null, CancellationToken cancellationToken = default) => DeleteEntityAsync(ifMatch, cancellationToken);

    /// <summary>Void action without parameters, as generated: <c>static writer => { }</c>.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync(Path + "/Test.Complete", static writer => { }, cancellationToken);

    /// <summary>Action returning a primitive.</summary>
    public Task<bool> ApproveAsync(string? comment, CancellationToken cancellationToken = default)
    {
        void WriteParameters(Utf8JsonWriter writer) => Connection.WriteParameter(writer, "comment", comment);
        return Connection.InvokeAsync<bool>(HttpMethod.Post, Path + "/Test.Approve", WriteParameters, unwrapValue: true, allowNull: false, cancellationToken);
    }

    /// <summary>Action returning a nullable primitive.</summary>
    public Task<string?> NoteAsync(CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync<string?>(HttpMethod.Post, Path + "/Test.Note", static writer => { }, unwrapValue: true, allowNull: true, cancellationToken);

    /// <summary>Action returning a non-nullable string.</summary>
    public Task<string> LabelAsync(CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync<string>(HttpMethod.Post, Path + "/Test.Label", static writer => { }, unwrapValue: true, allowNull: false, cancellationToken);

    /// <summary>Action returning an enum.</summary>
    public Task<Priority> EscalateAsync(CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync<Priority>(HttpMethod.Post, Path + "/Test.Escalate", static writer => { }, unwrapValue: true, allowNull: false, cancellationToken);

    /// <summary>Action returning the entity, with the entity's ETag as generated for entity-bound operations.</summary>
    public Task<WorkItem> ReopenAsync(string? ifMatch = null, CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync<WorkItem>(HttpMethod.Post, Path + "/Test.Reopen", static writer => { }, unwrapValue: false, allowNull: false, ifMatch, cancellationToken);

    /// <summary>Function returning a collection, with an ETag.</summary>
    public Task<IReadOnlyList<string>> HistoryAsync(string? ifMatch = null, CancellationToken cancellationToken = default) =>
        Connection.InvokeCollectionAsync<string>(HttpMethod.Get, Path + "/Test.History()", null, ifMatch, cancellationToken);

    /// <summary>Void action with an ETag.</summary>
    public Task ArchiveAsync(string? ifMatch = null, CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync(Path + "/Test.Archive", static writer => { }, ifMatch, cancellationToken);

    /// <summary>Collection-valued navigation: <c>WorkItems(1)/Subtasks</c>.</summary>
    public NavigationCollectionClient<WorkItem, WorkItemFilter> Subtasks => new(Connection, Path + "/Subtasks", new WorkItemFilter(string.Empty));

    /// <summary>Single-valued navigation: <c>WorkItems(1)/Owner</c>.</summary>
    public PersonClient Owner => new(Connection, Path + "/Owner");
}

public sealed class PeopleCollection(ODataConnection connection) : EntitySetClient<Person, PersonFilter>(connection, "People", new PersonFilter(string.Empty))
{
    public PersonClient this[string userName] => new(Connection, Path + ODataKey.Segment(ODataLiteral.Format(userName)));
}

/// <summary>An entity the service lets you read and delete, not change (PUT/PATCH are not generated).</summary>
public sealed class PersonClient(ODataConnection connection, string path) : EntityClient<Person, PersonFilter>(connection, path, new PersonFilter(string.Empty))
{
    public Task DeleteAsync(string? ifMatch = null, CancellationToken cancellationToken = default) => DeleteEntityAsync(ifMatch, cancellationToken);
}

/// <summary>The root client, as generated for a service.</summary>
public sealed class TestServiceClient
{
    public const string DefaultServicePath = "odata/";

    public TestServiceClient(HttpClient httpClient, ODataClientOptions? options = null)
        : this(new ODataConnection(httpClient, TestJsonMetadata.Default, DefaultServicePath, options))
    {
    }

    public TestServiceClient(ODataConnection connection) => Connection = connection ?? throw new ArgumentNullException(nameof(connection));

    public ODataConnection Connection { get; }

    public TestServiceClient WithFolder(FolderContext folder) => new(Connection.WithFolder(folder));

    public WorkItemsCollection WorkItems => new(Connection);

    public PeopleCollection People => new(Connection);

    public PersonClient Me => new(Connection, "Me");

    /// <summary>Unbound function returning a primitive.</summary>
    public Task<DateTimeOffset> ServerTimeAsync(CancellationToken cancellationToken = default) =>
        Connection.InvokeAsync<DateTimeOffset>(HttpMethod.Get, "ServerTime()", null, unwrapValue: true, allowNull: false, cancellationToken);

    /// <summary>Unbound void action with a parameter.</summary>
    public Task ResetAllAsync(bool confirm, CancellationToken cancellationToken = default)
    {
        void WriteParameters(Utf8JsonWriter writer) => Connection.WriteParameter(writer, "confirm", confirm);
        return Connection.InvokeAsync("ResetAll", WriteParameters, cancellationToken);
    }

    /// <summary>Unbound void action called with no parameter writer at all.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) => Connection.InvokeAsync("Ping", null, cancellationToken);
}
