using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.Runtime.Tests.Webhooks;

public sealed class UiPathWebhookParserTests
{
    private static UiPathWebhookEvent Parse(string json) => UiPathWebhookParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_job_event_carries_the_common_properties_and_the_job()
    {
        const string json = """
            {"Type":"job.faulted","EventId":"3e0b6f1c","Timestamp":"2026-12-07T06:00:00.123Z",
             "Job":{"Id":42,"Key":"6d3b7e8a-1d0f-4a43-9a5e-2f1f1b6c9d10","State":"Faulted","Info":"Boom","StartTime":"2026-12-07T05:59:00Z",
                    "EndTime":"2026-12-07T06:00:00Z","Source":"Manual","OutputArguments":null,"HostMachineName":"HOST1",
                    "Robot":{"Id":7,"Name":"R7","MachineName":"HOST1","Type":"Unattended"},
                    "Release":{"Id":9,"Key":"0b9e0a7c-5ab0-4c6a-9cf1-7f1f3b0f2a11","ProcessKey":"Invoices","ProcessVersion":"1.0.3"}},
             "TenantId":1,"OrganizationUnitId":5,"UserId":11}
            """;

        var parsed = Assert.IsType<UiPathJobWebhookEvent>(Parse(json));

        Assert.Equal("job.faulted", parsed.Type);
        Assert.Equal("3e0b6f1c", parsed.EventId);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, 123, TimeSpan.Zero), parsed.Timestamp);
        Assert.Equal(1, parsed.TenantId);
        Assert.Equal(5, parsed.OrganizationUnitId);
        Assert.Equal(11, parsed.UserId);
        Assert.NotNull(parsed.Job);
        Assert.Equal(42, parsed.Job!.Id);
        Assert.Equal(Guid.Parse("6d3b7e8a-1d0f-4a43-9a5e-2f1f1b6c9d10"), parsed.Job.Key);
        Assert.Equal("Faulted", parsed.Job.State);
        Assert.Equal("Boom", parsed.Job.Info);
        Assert.Equal("R7", parsed.Job.Robot!.Name);
        Assert.Equal("1.0.3", parsed.Job.Release!.ProcessVersion);
        // A property without a typed member is kept.
        Assert.Equal("HOST1", parsed.Job.AdditionalProperties!["HostMachineName"].GetString());
        Assert.Equal(json, parsed.RawJson);
    }

    [Fact]
    public void Job_created_carries_the_jobs()
    {
        var parsed = Assert.IsType<UiPathJobWebhookEvent>(Parse("""{"Type":"job.created","EventId":"e","Jobs":[{"Id":1,"State":"Pending"},{"Id":2,"State":"Pending"}]}"""));

        Assert.Null(parsed.Job);
        Assert.Equal(new long[] { 1, 2 }, new[] { parsed.Jobs![0].Id, parsed.Jobs[1].Id });
    }

    [Theory]
    [InlineData("job.created")]
    [InlineData("job.started")]
    [InlineData("job.completed")]
    [InlineData("job.stopped")]
    public void Every_job_type_is_a_job_event(string type) =>
        Assert.IsType<UiPathJobWebhookEvent>(Parse("{\"Type\":\"" + type + "\",\"Job\":{\"Id\":3}}"));

    [Fact]
    public void A_queue_item_event_carries_the_item()
    {
        var parsed = Assert.IsType<UiPathQueueItemWebhookEvent>(Parse("""
            {"Type":"queueItem.transactionFailed","EventId":"q1","QueueItem":{"Id":100,"QueueDefinitionId":4,"Status":"Failed",
             "Reference":"INV-1","ProcessingExceptionType":"BusinessException","SpecificContent":{"Amount":12.5},
             "ProcessingException":{"Reason":"Rejected","Details":"Over the limit","Type":"BusinessException"}},
             "Queue":{"Id":4,"Name":"Invoices","MaxNumberOfRetries":2},"TenantId":1}
            """));

        Assert.Equal(100, parsed.QueueItem!.Id);
        Assert.Equal(4, parsed.QueueItem.QueueDefinitionId);
        Assert.Equal("BusinessException", parsed.QueueItem.ProcessingExceptionType);
        Assert.Equal("Rejected", parsed.QueueItem.ProcessingException!.Reason);
        Assert.Equal("Over the limit", parsed.QueueItem.ProcessingException.Details);
        Assert.Equal("BusinessException", parsed.QueueItem.ProcessingException.Type);
        Assert.Equal(12.5m, parsed.QueueItem.SpecificContent!.Value.GetProperty("Amount").GetDecimal());
        Assert.Equal("Invoices", parsed.Queue!.Name);
        Assert.Equal(2, parsed.Queue.MaxNumberOfRetries);
    }

    [Fact]
    public void Job_arguments_are_read_whether_sent_as_an_object_or_as_a_string()
    {
        var asObject = Assert.IsType<UiPathJobWebhookEvent>(Parse("""{"Type":"job.completed","Job":{"Id":1,"State":"Successful","OutputArguments":{"product":5000,"sum":150}}}"""));
        var asString = Assert.IsType<UiPathJobWebhookEvent>(Parse("""{"Type":"job.started","Job":{"Id":2,"InputArguments":"{\"x\":1}","OutputArguments":null}}"""));

        Assert.Equal(5000, asObject.Job!.OutputArguments!.Value.GetProperty("product").GetInt32());
        Assert.Equal("{\"x\":1}", asString.Job!.InputArguments!.Value.GetString());
        Assert.Null(asString.Job.OutputArguments);
    }

    [Fact]
    public void An_added_event_carries_the_queue_and_the_list_of_items()
    {
        var parsed = Assert.IsType<UiPathQueueItemWebhookEvent>(Parse("""
            {"Type":"queueItem.added","Queue":{"Id":4,"Name":"Invoices"},
             "QueueItems":[{"Id":101,"QueueDefinitionId":4,"Status":"New"},{"Id":102,"QueueDefinitionId":4,"Status":"New"}],"TenantId":1}
            """));

        Assert.Equal([101L, 102L], parsed.QueueItems!.Select(item => item.Id));
        Assert.Equal("Invoices", parsed.Queue!.Name);
        Assert.Null(parsed.QueueItem);
    }

    [Fact]
    public void A_queue_event_carries_the_list_of_queues()
    {
        var parsed = Assert.IsType<UiPathQueueWebhookEvent>(Parse("""{"Type":"queue.created","Queues":[{"Id":8,"Name":"Orders","MaxNumberOfRetries":3}]}"""));

        var queue = Assert.Single(parsed.Queues!);
        Assert.Equal("Orders", queue.Name);
        Assert.Equal(3, queue.MaxNumberOfRetries);
    }

    [Fact]
    public void A_process_event_carries_the_list_of_releases()
    {
        var parsed = Assert.IsType<UiPathProcessWebhookEvent>(Parse("""
            {"Type":"process.updated","Releases":[{"Id":9,"Key":"688c79ec-205d-4c6f-a7e2-87c4fb258a92","Name":"Invoices_Prod",
             "ProcessKey":"Invoices","ProcessVersion":"2.0.0","InputArguments":{"queue":"temp"}}]}
            """));

        var release = Assert.Single(parsed.Releases!);
        Assert.Equal("Invoices_Prod", release.Name);
        Assert.Equal("2.0.0", release.ProcessVersion);
        Assert.Equal(new Guid("688c79ec-205d-4c6f-a7e2-87c4fb258a92"), release.Key);
        Assert.Equal("temp", release.AdditionalProperties!["InputArguments"].GetProperty("queue").GetString());
    }

    [Fact]
    public void A_robot_event_carries_the_list_of_robots() =>
        Assert.Equal("PC-DOC", Assert.Single(Assert.IsType<UiPathRobotWebhookEvent>(Parse("""{"Type":"robot.deleted","Robots":[{"Id":159,"Name":"TestAPI","MachineName":"PC-DOC","UserName":"Mda"}]}""")).Robots!).MachineName);

    [Fact]
    public void A_robot_event_carries_the_robot() =>
        Assert.Equal("HOST2", Assert.IsType<UiPathRobotWebhookEvent>(Parse("""{"Type":"robot.status","Robot":{"Id":3,"MachineName":"HOST2"}}""")).Robot!.MachineName);

    [Fact]
    public void A_ping_is_a_ping_event() =>
        Assert.Equal("p1", Assert.IsType<UiPathPingWebhookEvent>(Parse("""{"Type":"ping","EventId":"p1"}""")).EventId);

    [Fact]
    public void An_unknown_type_is_kept_with_its_raw_JSON()
    {
        const string json = """{"Type":"schedule.failed","EventId":"s1","Schedule":{"Id":5,"Name":"Nightly"},"TenantId":2}""";

        var parsed = Assert.IsType<UiPathUnknownWebhookEvent>(Parse(json));

        Assert.Equal("schedule.failed", parsed.Type);
        Assert.Equal(2, parsed.TenantId);
        Assert.Equal(json, parsed.RawJson);
        using var document = JsonDocument.Parse(parsed.RawJson);
        Assert.Equal("Nightly", document.RootElement.GetProperty("Schedule").GetProperty("Name").GetString());
    }

    [Theory]
    [InlineData("{\"Type\":\"job.started\"")] // cut short
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"EventId\":\"no type\"}")]
    [InlineData("{\"Type\":42}")]
    [InlineData("{\"Type\":\"job.started\",\"Job\":{\"Id\":\"forty-two\"}}")] // the entity has the wrong shape
    [InlineData("")]
    public void A_malformed_body_is_a_format_exception(string json)
    {
        Assert.Throws<UiPathWebhookFormatException>(() => Parse(json));
        Assert.False(UiPathWebhookParser.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_shape_error_names_the_path_but_not_the_value()
    {
        var exception = Assert.Throws<UiPathWebhookFormatException>(() => Parse("""{"Type":"job.started","Job":{"Id":"secret-looking-value"}}"""));

        Assert.Contains("$.Job.Id", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking-value", exception.Message, StringComparison.Ordinal);
    }
}
