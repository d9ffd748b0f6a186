using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Querying;
using UiPathClients.Runtime.Tests.Client;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Querying;

/// <summary>
/// Everything a query offers runs on the service, proven on the wire; a query is not an
/// <see cref="IAsyncEnumerable{T}"/>, so LINQ over async sequences cannot quietly take over (the compile-time side
/// is in the generator tests' UntranslatableQueryTests); client-side work happens only through AsAsyncEnumerable().
/// </summary>
public sealed class ODataQueryTranslationTests
{
    private const string DoneFilter = "$filter=done";

    private static RecordingHandler Server() => new(request =>
        request.RelativeUri.Contains("/$count", StringComparison.Ordinal)
            ? RecordingHandler.Text("2", "text/plain")
            : RecordingHandler.Json(ODataQueryPagingTests.Page(new long[] { 3, 4 })));

    [Fact]
    public void A_query_is_not_an_async_sequence_so_LINQ_operators_cannot_bind_to_it()
    {
        Assert.False(typeof(IAsyncEnumerable<WorkItem>).IsAssignableFrom(typeof(ODataQuery<WorkItem, WorkItemFilter>)));
        Assert.False(typeof(IAsyncEnumerable<WorkItem>).IsAssignableFrom(typeof(WorkItemsCollection)));
        Assert.False(typeof(IEnumerable<WorkItem>).IsAssignableFrom(typeof(WorkItemsCollection)));
    }

    [Fact]
    public async Task Await_foreach_sends_the_filter()
    {
        var handler = Server();
        using var http = handler.CreateClient();
        var ids = new List<long>();

        await foreach (var item in new TestServiceClient(http).WorkItems.Where(w => w.IsDone))
        {
            ids.Add(item.Id);
        }

        Assert.Equal(new long[] { 3, 4 }, ids);
        Assert.Equal(new[] { "odata/WorkItems?$filter=done&$top=1000" }, handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task WithCancellation_and_ConfigureAwait_send_the_filter_and_pass_the_token()
    {
        var handler = Server();
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems.Where(w => w.IsDone);
        var ids = new List<long>();
        using var cancellation = new CancellationTokenSource();

        await foreach (var item in items.WithCancellation(cancellation.Token).ConfigureAwait(false))
        {
            ids.Add(item.Id);
        }

        await foreach (var item in items.ConfigureAwait(false))
        {
            ids.Add(item.Id);
        }

        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in items.WithCancellation(cancellation.Token))
            {
                ids.Add(item.Id);
            }
        });

        Assert.Equal(new long[] { 3, 4, 3, 4 }, ids);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, request => Assert.Equal("odata/WorkItems?$filter=done&$top=1000", request.RelativeUri));
    }

    [Fact]
    public async Task ToListAsync_FirstOrDefaultAsync_CountAsync_and_ToPageAsync_send_the_filter()
    {
        var handler = Server();
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems.Where(w => w.IsDone);

        Assert.Equal(new long[] { 3, 4 }, (await items.ToListAsync()).Select(item => item.Id));
        Assert.Equal(3, (await items.FirstOrDefaultAsync())!.Id);
        Assert.Equal(2, await items.CountAsync());
        Assert.Equal(2, (await items.Top(5).ToPageAsync()).Items.Count);

        Assert.Equal(
            new[]
            {
                "odata/WorkItems?" + DoneFilter + "&$top=1000",
                "odata/WorkItems?" + DoneFilter + "&$top=1",
                "odata/WorkItems/$count?" + DoneFilter,
                "odata/WorkItems?" + DoneFilter + "&$top=5",
            },
            handler.Requests.Select(request => request.RelativeUri));
    }

    [Fact]
    public async Task AsAsyncEnumerable_is_the_explicit_way_to_run_LINQ_on_the_client()
    {
        var handler = Server();
        using var http = handler.CreateClient();

        // Documents the opt-in: Where(w => w.IsDone) goes to the service, the LINQ Where after AsAsyncEnumerable()
        // runs in memory over what came back, and nothing of it reaches the request.
        var sequence = new TestServiceClient(http).WorkItems.Where(w => w.IsDone).AsAsyncEnumerable();
        var filteredOnTheClient = await sequence.Where(item => item.Title!.EndsWith("4", StringComparison.OrdinalIgnoreCase)).ToListAsync();

        Assert.Equal(new long[] { 4 }, filteredOnTheClient.Select(item => item.Id));
        Assert.Equal(new[] { "odata/WorkItems?$filter=done&$top=1000" }, handler.Requests.Select(request => request.RelativeUri));

        // Each enumeration sends the query again: the sequence is a view, not a cache.
        Assert.Equal(2, await sequence.CountAsync());
        Assert.Equal(2, handler.Requests.Count);
    }

    public static TheoryData<Type> TypesWithRefusedMembers() => new() { typeof(ODataQuery<WorkItem, WorkItemFilter>), typeof(StringOperand) };

    [Theory]
    [MemberData(nameof(TypesWithRefusedMembers))]
    public void Refused_members_are_compile_errors_hidden_from_completion_that_name_the_alternative(Type type)
    {
        var refused = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.GetCustomAttribute<ObsoleteAttribute>() is not null)
            .ToList();

        Assert.NotEmpty(refused);
        Assert.All(refused, method =>
        {
            var obsolete = method.GetCustomAttribute<ObsoleteAttribute>()!;
            Assert.True(obsolete.IsError, method.Name + " must be a compile error, not a warning");
            Assert.Equal(EditorBrowsableState.Never, method.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
            Assert.Matches(@"Use |Write |write ", obsolete.Message);
        });
    }
}
