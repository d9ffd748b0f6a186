using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Querying;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Querying;

/// <summary>
/// The query builder of <see cref="ODataQuery{TEntity, TSurface}"/> through a generated-style entity set:
/// every URI is asserted exactly (as sent: values percent-encoded at the top level, nested $expand options
/// separated by ';' inside the encoded value), and every one must also parse with <see cref="ODataUriParser"/>
/// against an EDM model of the same service.
/// </summary>
public sealed class QueryBuilderTests : IDisposable
{
    private static readonly Lazy<IEdmModel> Model = new(BuildModel);

    private readonly HttpClient _http = new() { BaseAddress = RecordingHandler.BaseAddress };
    private readonly TestServiceClient _client;

    public QueryBuilderTests() => _client = new TestServiceClient(_http);

    private WorkItemsCollection Items => _client.WorkItems;

    public void Dispose() => _http.Dispose();

    [Fact]
    public void The_set_alone_is_its_path_under_the_service_root()
    {
        AssertUri(Items, "odata/WorkItems");
        Assert.Equal("odata/WorkItems", Items.ToString());
        Assert.False(Items.ToUri().IsAbsoluteUri);
    }

    [Fact]
    public void Where_encodes_the_filter()
    {
        // Title eq 'O''Neil & co'
        AssertUri(Items.Where(w => w.Title == "O'Neil & co"), "odata/WorkItems?$filter=Title%20eq%20%27O%27%27Neil%20%26%20co%27");
    }

    [Fact]
    public void Several_Where_calls_combine_with_and()
    {
        // (Priority eq Test.Priority'High') and (done)
        AssertUri(
            Items.Where(w => w.Priority == Priority.High).Where(w => w.IsDone),
            "odata/WorkItems?$filter=%28Priority%20eq%20Test.Priority%27High%27%29%20and%20%28done%29");
    }

    [Fact]
    public void Filters_reach_navigation_complex_and_collection_properties()
    {
        // (Owner/UserName eq 'ann') and (Labels/any(x1:x1 eq 'urgent'))
        AssertUri(
            Items.Where(w => w.Owner.UserName == "ann" & w.Labels.Any(label => label == "urgent")),
            "odata/WorkItems?$filter=%28Owner%2FUserName%20eq%20%27ann%27%29%20and%20%28Labels%2Fany%28x1%3Ax1%20eq%20%27urgent%27%29%29");

        // Window/From ge 2026-01-02T03:04:05Z
        AssertUri(
            Items.Where(w => w.Window.From >= new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
            "odata/WorkItems?$filter=Window%2FFrom%20ge%202026-01-02T03%3A04%3A05Z");
    }

    [Fact]
    public void OrderBy_ascending_and_descending()
    {
        AssertUri(Items.OrderBy(w => w.Title), "odata/WorkItems?$orderby=Title");
        AssertUri(Items.OrderByDescending(w => w.Due), "odata/WorkItems?$orderby=Due%20desc");
        AssertUri(Items.OrderBy(w => w.Title.Length), "odata/WorkItems?$orderby=length%28Title%29");
    }

    [Fact]
    public void ThenBy_appends_keys_in_order()
    {
        // Title,Id desc,Owner/UserName
        AssertUri(
            Items.OrderBy(w => w.Title).ThenByDescending(w => w.Id).ThenBy(w => w.Owner.UserName),
            "odata/WorkItems?$orderby=Title%2CId%20desc%2COwner%2FUserName");
    }

    [Fact]
    public void A_later_OrderBy_replaces_the_earlier_ordering()
    {
        AssertUri(Items.OrderBy(w => w.Title).ThenBy(w => w.Id).OrderByDescending(w => w.Due), "odata/WorkItems?$orderby=Due%20desc");
    }

    [Fact]
    public void ThenBy_without_OrderBy_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Items.ThenBy(w => w.Id));
        Assert.Throws<InvalidOperationException>(() => Items.ThenByDescending(w => w.Id));
    }

    [Fact]
    public void Top_and_Skip_render_in_a_fixed_order_and_the_last_call_wins()
    {
        AssertUri(Items.Top(10).Skip(20), "odata/WorkItems?$top=10&$skip=20");
        AssertUri(Items.Skip(20).Top(10), "odata/WorkItems?$top=10&$skip=20");
        AssertUri(Items.Top(10).Top(3), "odata/WorkItems?$top=3");
        AssertUri(Items.Top(0), "odata/WorkItems?$top=0");
        Assert.Throws<ArgumentOutOfRangeException>(() => Items.Top(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Items.Skip(-1));
    }

    [Fact]
    public void Select_lists_paths_and_accumulates_without_duplicates()
    {
        // Id,Title,Window/From
        AssertUri(Items.Select(w => w.Id, w => w.Title, w => w.Window.From), "odata/WorkItems?$select=Id%2CTitle%2CWindow%2FFrom");
        AssertUri(Items.Select(w => w.Id).Select(w => w.Id, w => w.IsDone), "odata/WorkItems?$select=Id%2Cdone");
        AssertUri(Items.Select(w => w.Window), "odata/WorkItems?$select=Window");
    }

    [Fact]
    public void Select_needs_properties()
    {
        Assert.Throws<ArgumentException>(() => Items.Select());
        Assert.Throws<ArgumentException>(() => Items.Select(w => w));
    }

    [Fact]
    public void Expand_single_and_collection_navigation()
    {
        AssertUri(Items.Expand(w => w.Owner), "odata/WorkItems?$expand=Owner");
        AssertUri(Items.Expand(w => w.Subtasks), "odata/WorkItems?$expand=Subtasks");
        AssertUri(Items.Expand(w => w.Owner).Expand(w => w.Subtasks), "odata/WorkItems?$expand=Owner%2CSubtasks");
        AssertUri(Items.Expand(w => w.Owner, options => options), "odata/WorkItems?$expand=Owner");
        AssertUri(Items.Expand(w => w.Subtasks, options => options), "odata/WorkItems?$expand=Subtasks");
    }

    [Fact]
    public void Expand_with_nested_select_on_a_single_navigation()
    {
        // Owner($select=UserName,Email)
        AssertUri(Items.Expand(w => w.Owner, o => o.Select(p => p.UserName, p => p.Email)), "odata/WorkItems?$expand=Owner%28%24select%3DUserName%2CEmail%29");
    }

    [Fact]
    public void Expand_with_every_nested_option_on_a_collection_navigation()
    {
        // Subtasks($filter=done;$orderby=Due desc;$select=Id;$expand=Owner($select=UserName;$expand=Manager);$top=5;$skip=1)
        var query = Items.Expand(
            w => w.Subtasks,
            s => s.Where(t => t.IsDone)
                .OrderByDescending(t => t.Due)
                .Top(5)
                .Skip(1)
                .Select(t => t.Id)
                .Expand(t => t.Owner, o => o.Select(p => p.UserName).Expand(p => p.Manager)));

        AssertUri(
            query,
            "odata/WorkItems?$expand=Subtasks%28%24filter%3Ddone%3B%24orderby%3DDue%20desc%3B%24select%3DId%3B%24expand%3DOwner%28%24select%3DUserName%3B%24expand%3DManager%29%3B%24top%3D5%3B%24skip%3D1%29");
    }

    [Fact]
    public void Nested_options_are_relative_to_the_expanded_entity()
    {
        // Subtasks($filter=(Labels/any(x1:x1 eq 'a;b')) and (Owner/UserName eq 'ann');$orderby=Title)
        var query = Items.Expand(w => w.Subtasks, s => s.Where(t => t.Labels.Any(l => l == "a;b")).Where(t => t.Owner.UserName == "ann").OrderBy(t => t.Title));

        AssertUri(
            query,
            "odata/WorkItems?$expand=Subtasks%28%24filter%3D%28Labels%2Fany%28x1%3Ax1%20eq%20%27a%3Bb%27%29%29%20and%20%28Owner%2FUserName%20eq%20%27ann%27%29%3B%24orderby%3DTitle%29");
    }

    [Fact]
    public void Nested_expand_of_a_collection_inside_an_expand()
    {
        // Subtasks($expand=Subtasks($top=2),Owner)
        AssertUri(
            Items.Expand(w => w.Subtasks, s => s.Expand(t => t.Subtasks, inner => inner.Top(2)).Expand(t => t.Owner)),
            "odata/WorkItems?$expand=Subtasks%28%24expand%3DSubtasks%28%24top%3D2%29%2COwner%29");
        AssertUri(
            Items.Expand(w => w.Owner, o => o.Expand(p => p.Manager, m => m.Select(p => p.Email))),
            "odata/WorkItems?$expand=Owner%28%24expand%3DManager%28%24select%3DEmail%29%29");
    }

    [Fact]
    public void Nested_expand_of_a_collection_without_options()
    {
        // Owner($expand=Manager),Subtasks($expand=Subtasks)
        AssertUri(
            Items.Expand(w => w.Owner, o => o.Expand(p => p.Manager)).Expand(w => w.Subtasks, s => s.Expand(t => t.Subtasks)),
            "odata/WorkItems?$expand=Owner%28%24expand%3DManager%29%2CSubtasks%28%24expand%3DSubtasks%29");
    }

    [Fact]
    public void Expand_options_are_immutable_too()
    {
        // Only what the configure function returns counts; calls on the options it was given change nothing.
        var query = Items.Expand(
            w => w.Subtasks,
            s =>
            {
                _ = s.Select(t => t.Title).Where(t => t.IsDone);
                var top = s.Top(1);
                _ = top.OrderBy(t => t.Id);
                return top;
            });

        AssertUri(query, "odata/WorkItems?$expand=Subtasks%28%24top%3D1%29");
    }

    [Fact]
    public void WithCount_and_Search()
    {
        AssertUri(Items.WithCount(), "odata/WorkItems?$count=true");
        // Sent as written (OData search syntax is the caller's): invoice OR "annual report"
        AssertUri(Items.Search("invoice OR \"annual report\""), "odata/WorkItems?$search=invoice%20OR%20%22annual%20report%22");
        Assert.Throws<ArgumentException>(() => Items.Search(" "));
    }

    [Fact]
    public void All_options_render_in_one_fixed_order()
    {
        var query = Items
            .WithCount()
            .Skip(40)
            .Top(20)
            .Expand(w => w.Owner)
            .Select(w => w.Id, w => w.Title)
            .OrderBy(w => w.Id)
            .Search("report")
            .Where(w => w.Id > 5L);

        AssertUri(query, "odata/WorkItems?$filter=Id%20gt%205&$search=report&$orderby=Id&$select=Id%2CTitle&$expand=Owner&$top=20&$skip=40&$count=true");
    }

    public static IEnumerable<object[]> TextsToEncode() => new[]
    {
        new object[] { "every printable ASCII character: " + new string(Enumerable.Range(0x20, 0x5F).Select(code => (char)code).ToArray()) },
        new object[] { "control characters: \t\r\n\0\u007F" },
        new object[] { "non-ASCII: café, 日本, 😀 (a surrogate pair) and ASCII after it" },
        new object[] { "lone surrogates: \uD800 then \uDC00x and \uD83D" },
        new object[] { "long: " + string.Concat(Enumerable.Repeat("O'Neil & co/é ", 200)) },
    };

    [Theory]
    [MemberData(nameof(TextsToEncode))]
    public void The_filter_is_percent_encoded_exactly_as_EscapeDataString_encodes_it(string title)
    {
        // The query writes and encodes the filter in one buffer; the platform's encoding of the filter text is the oracle.
        var query = Items.Where(w => w.Title == title | w.Title.StartsWith(title));
        var filter = "(Title eq " + ODataLiteral.Format(title) + ") or (startswith(Title," + ODataLiteral.Format(title) + "))";

        Assert.Equal("odata/WorkItems?$filter=" + Uri.EscapeDataString(filter), query.ToUri().OriginalString);
        Assert.Equal("odata/WorkItems?$search=" + Uri.EscapeDataString(title), Items.Search(title).ToUri().OriginalString);
    }

    [Fact]
    public void The_service_path_comes_from_the_options()
    {
        using var http = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };

        Assert.Equal("custom/odata/WorkItems?$top=1", new TestServiceClient(http, new ODataClientOptions { ServicePath = "custom/odata/" }).WorkItems.Top(1).ToString());
        Assert.Equal("WorkItems?$top=1", new TestServiceClient(http, new ODataClientOptions { ServicePath = string.Empty }).WorkItems.Top(1).ToString());
    }

    public static IEnumerable<object[]> Builders() => new[]
    {
        Builder("Where", q => q.Where(w => w.IsDone)),
        Builder("OrderBy", q => q.OrderBy(w => w.Due)),
        Builder("OrderByDescending", q => q.OrderByDescending(w => w.Due)),
        Builder("ThenBy", q => q.ThenBy(w => w.Due)),
        Builder("ThenByDescending", q => q.ThenByDescending(w => w.Due)),
        Builder("Top", q => q.Top(99)),
        Builder("Skip", q => q.Skip(7)),
        Builder("Select", q => q.Select(w => w.Due)),
        Builder("Expand single", q => q.Expand(w => w.Owner)),
        Builder("Expand single with options", q => q.Expand(w => w.Owner, o => o.Select(p => p.Email))),
        Builder("Expand collection", q => q.Expand(w => w.Subtasks)),
        Builder("Expand collection with options", q => q.Expand(w => w.Subtasks, s => s.Top(1))),
        Builder("WithCount", q => q.WithCount()),
        Builder("Search", q => q.Search("x")),
        Builder("PageSize", q => q.PageSize(5)),
    };

    [Theory]
    [MemberData(nameof(Builders))]
    public void Every_builder_call_returns_a_new_query_and_leaves_the_original_unchanged(string name, Func<ODataQuery<WorkItem, WorkItemFilter>, ODataQuery<WorkItem, WorkItemFilter>> build)
    {
        var original = Items.Where(w => w.Title == "a").OrderBy(w => w.Id).Select(w => w.Id).Expand(w => w.Subtasks).Top(3).Skip(1);
        var before = original.ToString();

        var changed = build(original);

        Assert.NotSame(original, changed);
        Assert.Equal(before, original.ToString());
        if (name != "PageSize")
        {
            Assert.NotEqual(before, changed.ToString());
        }
    }

    [Fact]
    public void Queries_branch_without_sharing_state()
    {
        var common = Items.Where(w => w.IsDone).Select(w => w.Id);
        var left = common.Where(w => w.Id > 1L).OrderBy(w => w.Title).Select(w => w.Title).Expand(w => w.Owner);
        var right = common.OrderByDescending(w => w.Due).Select(w => w.Due).Expand(w => w.Subtasks);

        AssertUri(common, "odata/WorkItems?$filter=done&$select=Id");
        AssertUri(left, "odata/WorkItems?$filter=%28done%29%20and%20%28Id%20gt%201%29&$orderby=Title&$select=Id%2CTitle&$expand=Owner");
        AssertUri(right, "odata/WorkItems?$filter=done&$orderby=Due%20desc&$select=Id%2CDue&$expand=Subtasks");
    }

    [Fact]
    public void The_set_client_itself_is_never_changed_by_building_on_it()
    {
        var set = Items;
        _ = set.Where(w => w.IsDone).Top(1).OrderBy(w => w.Id).WithCount();

        AssertUri(set, "odata/WorkItems");
    }

    [Fact]
    public void PageSize_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Items.PageSize(0));
    }

    [Fact]
    public async Task ToPageAsync_sends_exactly_the_ToUri_request()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"value\":[]}"));
        using var http = handler.CreateClient();
        var query = new TestServiceClient(http).WorkItems.Where(w => w.Title.StartsWith("x")).Expand(w => w.Owner, o => o.Select(p => p.Email)).Top(2);

        await query.ToPageAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(query.ToString(), request.RelativeUri);
        Assert.Equal(new Uri(RecordingHandler.BaseAddress, query.ToUri()), request.Uri);
    }

    private static object[] Builder(string name, Func<ODataQuery<WorkItem, WorkItemFilter>, ODataQuery<WorkItem, WorkItemFilter>> build) => new object[] { name, build };

    private static void AssertUri<TEntity, TSurface>(ODataQuery<TEntity, TSurface> query, string expected)
        where TSurface : FilterSurface
    {
        Assert.Equal(expected, query.ToUri().OriginalString);

        // The oracle: ODataLib parses every option against the model.
        var serviceRoot = new Uri(RecordingHandler.BaseAddress, "odata/");
        var parser = new ODataUriParser(Model.Value, serviceRoot, new Uri(RecordingHandler.BaseAddress, query.ToUri()));
        var parsed = parser.ParseUri();
        Assert.NotNull(parsed.Path);
    }

    private static IEdmModel BuildModel()
    {
        var model = new EdmModel();
        var priority = new EdmEnumType("Test", "Priority");
        priority.AddMember("Low", new EdmEnumMemberValue(0));
        priority.AddMember("High", new EdmEnumMemberValue(1));
        model.AddElement(priority);

        var window = new EdmComplexType("Test", "Window");
        window.AddStructuralProperty("From", EdmPrimitiveTypeKind.DateTimeOffset, isNullable: false);
        window.AddStructuralProperty("To", EdmPrimitiveTypeKind.DateTimeOffset);
        model.AddElement(window);

        var person = new EdmEntityType("Test", "Person");
        person.AddKeys(person.AddStructuralProperty("UserName", EdmPrimitiveTypeKind.String, isNullable: false));
        person.AddStructuralProperty("Email", EdmPrimitiveTypeKind.String);
        var manager = person.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo { Name = "Manager", Target = person, TargetMultiplicity = EdmMultiplicity.ZeroOrOne });
        model.AddElement(person);

        var item = new EdmEntityType("Test", "WorkItem");
        item.AddKeys(item.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false));
        item.AddStructuralProperty("Title", EdmPrimitiveTypeKind.String);
        item.AddStructuralProperty("done", EdmPrimitiveTypeKind.Boolean);
        item.AddStructuralProperty("Priority", new EdmEnumTypeReference(priority, isNullable: true));
        item.AddStructuralProperty("Due", EdmPrimitiveTypeKind.Date);
        item.AddStructuralProperty("Estimate", EdmPrimitiveTypeKind.Duration);
        item.AddStructuralProperty("Labels", new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(isNullable: true))));
        item.AddStructuralProperty("Window", new EdmComplexTypeReference(window, isNullable: true));
        var subtasks = item.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo { Name = "Subtasks", Target = item, TargetMultiplicity = EdmMultiplicity.Many });
        var owner = item.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo { Name = "Owner", Target = person, TargetMultiplicity = EdmMultiplicity.ZeroOrOne });
        model.AddElement(item);

        var container = new EdmEntityContainer("Test", "Container");
        var items = container.AddEntitySet("WorkItems", item);
        var people = container.AddEntitySet("People", person);
        items.AddNavigationTarget(subtasks, items);
        items.AddNavigationTarget(owner, people);
        people.AddNavigationTarget(manager, people);
        model.AddElement(container);
        return model;
    }
}
