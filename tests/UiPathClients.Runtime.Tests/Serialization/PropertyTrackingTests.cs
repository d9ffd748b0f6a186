using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Serialization;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>
/// Generated OData classes know which properties the caller set: their JSON carries exactly those (null included),
/// the values read from the service (minus computed ones), and lists the caller filled; never a default nobody chose.
/// </summary>
public sealed class PropertyTrackingTests
{
    // The connection's own options: "skip nulls" must not drop a null the caller set.
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(new TicketMetadata(), ODataPrimitiveJsonResolver.Instance),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [Fact]
    public void A_new_object_writes_nothing_the_caller_did_not_set()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new Ticket(), Options));
    }

    [Fact]
    public void A_new_object_writes_what_was_set_including_null_and_defaults()
    {
        var ticket = new Ticket { Title = null, Priority = 0, Id = 0 };

        JsonAssert.Equal("""{"Id":0,"Title":null,"Priority":0}""", JsonSerializer.Serialize(ticket, Options));
    }

    [Fact]
    public void A_list_is_written_when_filled_or_assigned_but_not_when_untouched()
    {
        var filled = new Ticket();
        filled.Labels.Add("urgent");
        var assignedEmpty = new Ticket { Labels = new List<string>() };

        JsonAssert.Equal("""{"Labels":["urgent"]}""", JsonSerializer.Serialize(filled, Options));
        JsonAssert.Equal("""{"Labels":[]}""", JsonSerializer.Serialize(assignedEmpty, Options));
    }

    [Fact]
    public void A_computed_property_is_written_only_when_the_caller_set_it()
    {
        var mine = new Ticket { Created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) };

        JsonAssert.Equal("""{"Created":"2026-01-02T03:04:05Z"}""", JsonSerializer.Serialize(mine, Options));
    }

    [Fact]
    public void An_object_read_from_the_service_writes_back_what_it_read_except_computed_values()
    {
        var read = JsonSerializer.Deserialize<Ticket>("""{"Id":7,"Title":"Printer","Priority":2,"Labels":[],"Created":"2026-01-02T03:04:05Z","Note":null}""", Options)!;

        Assert.True(read.PropertyTracker.WasRead("Title"));
        Assert.False(read.PropertyTracker.IsSet("Title"));
        JsonAssert.Equal("""{"Id":7,"Title":"Printer","Priority":2,"Labels":[],"Note":null}""", JsonSerializer.Serialize(read, Options));
    }

    [Fact]
    public void Setting_a_read_property_to_null_writes_null_so_a_PUT_clears_it()
    {
        var read = JsonSerializer.Deserialize<Ticket>("""{"Id":7,"Title":"Printer","Note":"call back"}""", Options)!;

        read.Note = null;

        Assert.True(read.PropertyTracker.IsSet("Note"));
        JsonAssert.Equal("""{"Id":7,"Title":"Printer","Note":null}""", JsonSerializer.Serialize(read, Options));
    }

    [Fact]
    public void A_property_left_out_of_the_read_object_stays_out()
    {
        var read = JsonSerializer.Deserialize<Ticket>("""{"Id":7}""", Options)!;

        JsonAssert.Equal("""{"Id":7}""", JsonSerializer.Serialize(read, Options));
    }

    [Fact]
    public void Forget_leaves_a_read_or_set_property_out_until_it_is_assigned_again()
    {
        var read = JsonSerializer.Deserialize<Ticket>("""{"Id":7,"Title":"Printer"}""", Options)!;
        read.Note = "x";

        read.PropertyTracker.Forget("Title");
        read.PropertyTracker.Forget("Note");
        JsonAssert.Equal("""{"Id":7}""", JsonSerializer.Serialize(read, Options));

        read.Title = "Scanner";
        JsonAssert.Equal("""{"Id":7,"Title":"Scanner"}""", JsonSerializer.Serialize(read, Options));
    }

    [Fact]
    public void Every_property_read_is_marked_read_and_none_as_set_by_the_caller()
    {
        var read = JsonSerializer.Deserialize<Ticket>("""{"Id":7,"Title":"Printer","Priority":2,"Labels":["a"],"Created":"2026-01-02T03:04:05Z","Note":null,"Id":8}""", Options)!;

        foreach (var name in new[] { "Id", "Title", "Priority", "Labels", "Created", "Note" })
        {
            Assert.True(read.PropertyTracker.WasRead(name), name);
            Assert.False(read.PropertyTracker.IsSet(name), name);
        }

        Assert.False(read.PropertyTracker.WasRead("Reporter"));
        Assert.Equal(8, read.Id);
    }

    [Fact]
    public void After_the_read_assignments_count_as_the_callers_again()
    {
        var read = JsonSerializer.Deserialize<Ticket>("""{"Id":7,"Title":"Printer"}""", Options)!;

        read.Title = "Scanner";
        read.Priority = 1;

        Assert.True(read.PropertyTracker.IsSet("Title"));
        Assert.True(read.PropertyTracker.WasRead("Title"));
        Assert.True(read.PropertyTracker.IsSet("Priority"));
        Assert.False(read.PropertyTracker.WasRead("Priority"));
        JsonAssert.Equal("""{"Id":7,"Title":"Scanner","Priority":1}""", JsonSerializer.Serialize(read, Options));
    }

    [Fact]
    public void A_nested_object_read_from_the_service_tracks_its_reads_and_later_assignments()
    {
        var read = JsonSerializer.Deserialize<Ticket>("""{"Id":7,"Reporter":{"Id":8,"Title":"Nested"}}""", Options)!;

        read.Reporter!.Note = "call back";

        Assert.True(read.PropertyTracker.WasRead("Reporter"));
        Assert.True(read.Reporter.PropertyTracker.WasRead("Title"));
        Assert.False(read.Reporter.PropertyTracker.IsSet("Title"));
        Assert.True(read.Reporter.PropertyTracker.IsSet("Note"));
        JsonAssert.Equal("""{"Id":7,"Reporter":{"Id":8,"Title":"Nested","Note":"call back"}}""", JsonSerializer.Serialize(read, Options));
    }

    [Fact]
    public void Objects_of_a_read_list_each_track_their_own_reads()
    {
        var read = JsonSerializer.Deserialize<List<Ticket>>("""[{"Id":1,"Title":"one"},{"Id":2,"Note":"two"}]""", Options)!;

        read[1].Title = "set";

        JsonAssert.Equal("""[{"Id":1,"Title":"one"},{"Id":2,"Title":"set","Note":"two"}]""", JsonSerializer.Serialize(read, Options));
    }

    [Fact]
    public void A_nested_object_tracks_its_own_properties()
    {
        var ticket = new Ticket { Reporter = new Ticket { Title = "nested" } };

        JsonAssert.Equal("""{"Reporter":{"Title":"nested"}}""", JsonSerializer.Serialize(ticket, Options));
    }

    /// <summary>The shape the generator emits for an OData entity.</summary>
    private sealed class Ticket : IODataTrackedObject
    {
        private long _id;
        private string? _title;
        private int _priority;
        private string? _note;
        private IList<string> _labels = new List<string>();
        private DateTimeOffset? _created;
        private Ticket? _reporter;

        public ODataPropertyTracker PropertyTracker { get; } = new();

        public long Id { get => _id; set { _id = value; PropertyTracker.MarkSet("Id"); } }

        public string? Title { get => _title; set { _title = value; PropertyTracker.MarkSet("Title"); } }

        public int Priority { get => _priority; set { _priority = value; PropertyTracker.MarkSet("Priority"); } }

        public string? Note { get => _note; set { _note = value; PropertyTracker.MarkSet("Note"); } }

        public IList<string> Labels { get => _labels; set { _labels = value; PropertyTracker.MarkSet("Labels"); } }

        public DateTimeOffset? Created { get => _created; set { _created = value; PropertyTracker.MarkSet("Created"); } }

        public Ticket? Reporter { get => _reporter; set { _reporter = value; PropertyTracker.MarkSet("Reporter"); } }

        public IDictionary<string, JsonElement>? AdditionalData { get; set; }
    }

    private sealed class TicketMetadata : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(Ticket)
                ? ODataJsonMetadata.ObjectInfo(options, static () => new Ticket(), static options => new[]
                {
                    ODataJsonMetadata.TrackedPropertyInfo<Ticket, long>(options, "Id", "Id", static t => t.Id, static (t, v) => t.Id = v, ODataPropertyRole.None),
                    ODataJsonMetadata.TrackedPropertyInfo<Ticket, string?>(options, "Title", "Title", static t => t.Title, static (t, v) => t.Title = v, ODataPropertyRole.None),
                    ODataJsonMetadata.TrackedPropertyInfo<Ticket, int>(options, "Priority", "Priority", static t => t.Priority, static (t, v) => t.Priority = v, ODataPropertyRole.None),
                    ODataJsonMetadata.TrackedPropertyInfo<Ticket, IList<string>>(options, "Labels", "Labels", static t => t.Labels, static (t, v) => t.Labels = v, ODataPropertyRole.None),
                    ODataJsonMetadata.TrackedPropertyInfo<Ticket, DateTimeOffset?>(options, "Created", "Created", static t => t.Created, static (t, v) => t.Created = v, ODataPropertyRole.Computed),
                    ODataJsonMetadata.TrackedPropertyInfo<Ticket, string?>(options, "Note", "Note", static t => t.Note, static (t, v) => t.Note = v, ODataPropertyRole.None),
                    ODataJsonMetadata.TrackedPropertyInfo<Ticket, Ticket?>(options, "Reporter", "Reporter", static t => t.Reporter, static (t, v) => t.Reporter = v, ODataPropertyRole.None),
                    ODataJsonMetadata.AdditionalDataInfo<Ticket>(options),
                })
                : type == typeof(IList<string>)
                    ? ODataJsonMetadata.ListInfo<string>(options)
                    : type == typeof(List<Ticket>)
                        ? ODataJsonMetadata.ConcreteListInfo<Ticket>(options)
                        : null;
    }
}
