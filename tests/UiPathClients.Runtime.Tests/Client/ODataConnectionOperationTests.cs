using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>Actions and functions through <see cref="Runtime.Client.ODataConnection"/>'s InvokeAsync / InvokeCollectionAsync, as generated clients call them.</summary>
public sealed class ODataConnectionOperationTests
{
    private static readonly DateTimeOffset Eight = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_action_posts_its_parameters_as_one_object_and_unwraps_a_collection()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"@odata.context\":\"$metadata#WorkItems\",\"value\":[{\"Id\":1,\"Title\":\"a\"},{\"Id\":2,\"Extra\":[1]}]}"),
            () => RecordingHandler.Json("{\"value\":[]}"));
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        var scheduled = await items.ScheduleAsync(new Window { From = Eight }, Priority.High);
        var none = await items.ScheduleAsync(new Window { From = Eight, To = Eight }, null);

        Assert.Equal(new long[] { 1, 2 }, new[] { scheduled[0].Id, scheduled[1].Id });
        Assert.Equal("a", scheduled[0].Title);
        Assert.Empty(none);
        var first = handler.Requests[0];
        Assert.Equal(HttpMethod.Post, first.Method);
        Assert.Equal("odata/WorkItems/Test.Schedule", first.RelativeUri);
        Assert.Equal("application/json; charset=utf-8", first.ContentType);
        JsonAssert.Equal("{\"window\":{\"From\":\"2026-03-01T08:00:00Z\"},\"priority\":\"High\"}", first.Body);
        JsonAssert.Equal("{\"window\":{\"From\":\"2026-03-01T08:00:00Z\",\"To\":\"2026-03-01T08:00:00Z\"},\"priority\":null}", handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_function_passes_parameters_in_the_path_sends_no_body_and_unwraps_a_primitive()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"@odata.context\":\"$metadata#Edm.Int64\",\"value\":12}"));
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        Assert.Equal(12, await items.CountByPriorityAsync(Priority.High, "O'Neil/2"));
        Assert.Equal(12, await items.CountByPriorityAsync(Priority.Low, null));

        Assert.Equal("odata/WorkItems/Test.CountByPriority(priority=Test.Priority'High',title='O''Neil%2F2')", handler.Requests[0].RelativeUri);
        Assert.Equal("odata/WorkItems/Test.CountByPriority(priority=Test.Priority'Low',title=null)", handler.Requests[1].RelativeUri);
        Assert.All(handler.Requests, request =>
        {
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Null(request.Body);
        });
    }

    [Fact]
    public async Task A_function_with_alias_parameters_returns_a_collection_of_primitives()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"value\":[\"a\",\"b\"]}"));
        using var http = handler.CreateClient();

        var titles = await new TestServiceClient(http).WorkItems.TitlesAsync(new[] { 1L, 2L });

        Assert.Equal(new[] { "a", "b" }, titles);
        Assert.Equal("odata/WorkItems/Test.Titles(ids=@ids)?@ids=%5B1%2C2%5D", Assert.Single(handler.Requests).RelativeUri);
    }

    [Fact]
    public async Task A_nullable_entity_result_is_the_entity_or_null_for_204()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"@odata.context\":\"$metadata#WorkItems/$entity\",\"Id\":3,\"Title\":\"a/b\"}"),
            RecordingHandler.NoContent);
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        var found = await items.FindAsync("a/b");
        var missing = await items.FindAsync("zz");

        Assert.Equal(3, found!.Id);
        Assert.Null(missing);
        Assert.Equal("odata/WorkItems/Test.Find(title='a%2Fb')", handler.Requests[0].RelativeUri);
    }

    [Fact]
    public async Task A_non_nullable_result_that_is_missing_is_an_unreadable_answer()
    {
        var handler = RecordingHandler.Sequence(RecordingHandler.NoContent);
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => new TestServiceClient(http).WorkItems.LatestAsync());

        Assert.Equal(HttpStatusCode.NoContent, failure.StatusCode);
        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems/Test.Latest()", failure.RequestUri);
        Assert.Contains("returned nothing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_returning_a_primitive_posts_its_parameter_and_finds_value_among_annotations()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"value\":true}"),
            () => RecordingHandler.Json("{\"@odata.context\":\"$metadata#Edm.Boolean\",\"extra\":{\"a\":[1,{\"value\":true}]},\"value\":false,\"after\":1}"));
        using var http = handler.CreateClient();
        var item = new TestServiceClient(http).WorkItems[1];

        Assert.True(await item.ApproveAsync("ok"));
        Assert.False(await item.ApproveAsync(null));

        Assert.Equal("odata/WorkItems(1)/Test.Approve", handler.Requests[0].RelativeUri);
        JsonAssert.Equal("{\"comment\":\"ok\"}", handler.Requests[0].Body);
        JsonAssert.Equal("{\"comment\":null}", handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_primitive_answer_without_value_is_an_unreadable_answer()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"@odata.context\":\"$metadata#Edm.Boolean\"}"));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => new TestServiceClient(http).WorkItems[1].ApproveAsync("x"));

        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems(1)/Test.Approve", failure.RequestUri);
        Assert.IsType<System.Text.Json.JsonException>(failure.InnerException);
    }

    [Fact]
    public async Task Nullable_primitive_results_may_be_null_or_empty()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"value\":\"hi\"}"),
            () => RecordingHandler.Json("{\"value\":null}"),
            RecordingHandler.NoContent);
        using var http = handler.CreateClient();
        var item = new TestServiceClient(http).WorkItems[1];

        Assert.Equal("hi", await item.NoteAsync());
        Assert.Null(await item.NoteAsync());
        Assert.Null(await item.NoteAsync());
        Assert.All(handler.Requests, request => JsonAssert.Equal("{}", request.Body));
    }

    [Fact]
    public async Task A_null_for_a_non_nullable_primitive_is_an_unreadable_answer()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"value\":null}"),
            () => RecordingHandler.Json("{\"value\":null}"));
        using var http = handler.CreateClient();
        var item = new TestServiceClient(http).WorkItems[1];

        var nullString = await Assert.ThrowsAsync<ODataResponseException>(() => item.LabelAsync());
        await Assert.ThrowsAsync<ODataResponseException>(() => item.ApproveAsync("x"));

        Assert.Contains("null", nullString.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enum_and_date_results_use_the_service_formats()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"value\":\"High\"}"),
            () => RecordingHandler.Json("{\"value\":\"Critical\"}"),
            () => RecordingHandler.Json("{\"@odata.context\":\"$metadata#Edm.DateTimeOffset\",\"value\":\"2026-03-01T08:00:00Z\"}"));
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http);

        Assert.Equal(Priority.High, await client.WorkItems[1].EscalateAsync());
        var unknown = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems[1].EscalateAsync());
        Assert.Equal(Eight, await client.ServerTimeAsync());

        Assert.Contains("Critical", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("odata/ServerTime()", handler.Requests[2].RelativeUri);
        Assert.Equal(HttpMethod.Get, handler.Requests[2].Method);
    }

    [Fact]
    public async Task Void_actions_post_an_object_and_ignore_the_answer()
    {
        var handler = RecordingHandler.Sequence(
            RecordingHandler.NoContent,
            () => RecordingHandler.Json("{\"ignored\":true}"),
            RecordingHandler.NoContent);
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http);

        await client.WorkItems[1].CompleteAsync();
        await client.ResetAllAsync(confirm: true);
        await client.PingAsync();

        Assert.Equal(new[] { "odata/WorkItems(1)/Test.Complete", "odata/ResetAll", "odata/Ping" }, handler.Requests.Select(request => request.RelativeUri));
        Assert.All(handler.Requests, request =>
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("application/json; charset=utf-8", request.ContentType);
        });
        Assert.Equal("{}", handler.Requests[0].Body);
        JsonAssert.Equal("{\"confirm\":true}", handler.Requests[1].Body);
        Assert.Equal("{}", handler.Requests[2].Body);
    }

    [Fact]
    public async Task A_failing_void_action_throws()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"message\":\"Not allowed.\",\"errorCode\":1015}", HttpStatusCode.Forbidden));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => new TestServiceClient(http).ResetAllAsync(confirm: false));

        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Equal("1015", failure.ErrorCode);
    }

    [Fact]
    public async Task A_collection_result_that_is_not_a_collection_is_an_unreadable_answer()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"Id\":1}"));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => new TestServiceClient(http).WorkItems.ScheduleAsync(new Window(), null));

        Assert.Contains("odata/WorkItems/Test.Schedule", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_action_body_carries_its_own_parameters_whatever_was_written_before()
    {
        // Bodies are written into buffers kept per thread: a long body must leave nothing behind in the next, short one.
        var handler = new RecordingHandler(_ => RecordingHandler.NoContent());
        using var http = handler.CreateClient();
        var connection = new TestServiceClient(http).Connection;
        var note = new string('n', 100_000);

        await connection.InvokeAsync("WorkItems/Test.Annotate", writer => connection.WriteParameter(writer, "note", note), CancellationToken.None);
        await connection.InvokeAsync("WorkItems/Test.Annotate", writer => connection.WriteParameter(writer, "note", "short"), CancellationToken.None);
        await connection.InvokeAsync("WorkItems/Test.Annotate", writer => connection.WriteParameter(writer, "note", "shorter"), CancellationToken.None);

        Assert.Equal("{\"note\":\"" + note + "\"}", handler.Requests[0].Body);
        Assert.Equal("{\"note\":\"short\"}", handler.Requests[1].Body);
        Assert.Equal("{\"note\":\"shorter\"}", handler.Requests[2].Body);
    }

    [Fact]
    public async Task A_body_written_while_another_is_being_written_does_not_mix_with_it()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.NoContent());
        using var http = handler.CreateClient();
        var connection = new TestServiceClient(http).Connection;

        await connection.InvokeAsync(
            "WorkItems/Test.Outer",
            writer =>
            {
                connection.WriteParameter(writer, "before", 1);

                // The handler answers synchronously, so the inner call's body is written in the middle of the outer one.
                connection.InvokeAsync("WorkItems/Test.Inner", inner => connection.WriteParameter(inner, "inner", "x"), CancellationToken.None).GetAwaiter().GetResult();
                connection.WriteParameter(writer, "after", 2);
            },
            CancellationToken.None);

        Assert.Equal("{\"inner\":\"x\"}", handler.Requests.Single(request => request.RelativeUri.EndsWith("Inner", StringComparison.Ordinal)).Body);
        Assert.Equal("{\"before\":1,\"after\":2}", handler.Requests.Single(request => request.RelativeUri.EndsWith("Outer", StringComparison.Ordinal)).Body);
    }
}
