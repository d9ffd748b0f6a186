using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using Xunit.Abstractions;

namespace UiPathClients.EndToEnd.Tests.Routing;

/// <summary>
/// Every route of the bundled Orchestrator description (<see cref="DescribedRouteCatalog"/>) is called on the emulator
/// with a minimal request in the seeded Shared folder. None may answer 404 (unless the body is Orchestrator's
/// entity-not-found error 1002: the route exists, the dummy key does not), 405 or 5xx; each is either served by a real
/// implementation (2xx, or a 4xx of its own validation) or answers 501 "does not implement". The route table is
/// printed, and the served count may only go up: <see cref="ServedFloor"/> is the count measured when it was last raised.
/// </summary>
public sealed class EveryDescribedRouteTests(MutableEmulator session, ITestOutputHelper output) : IClassFixture<MutableEmulator>
{
    /// <summary>Routes served for real when this was last measured; raise it when you implement more, never lower it.</summary>
    private const int ServedFloor = 254;

    /// <summary>The operations with a real implementation (qualified by set: a routing convention that sent an operation to the wrong action would show up here).</summary>
    internal static readonly string[] ImplementedOperations =
    [
        "Alerts/UiPath.Server.Configuration.OData.GetUnreadCount",
        "Alerts/UiPath.Server.Configuration.OData.MarkAsRead",
        "Alerts/UiPath.Server.Configuration.OData.RaiseProcessAlert",
        "Assets/UiPath.Server.Configuration.OData.GetAssetsAcrossFolders",
        "Assets/UiPath.Server.Configuration.OData.GetFiltered",
        "Assets/UiPath.Server.Configuration.OData.GetFoldersForAsset",
        "Assets/UiPath.Server.Configuration.OData.GetRobotAssetByRobotId",
        "Buckets/UiPath.Server.Configuration.OData.GetBucketsAcrossFolders",
        "Buckets/UiPath.Server.Configuration.OData.GetByKey",
        "Buckets/UiPath.Server.Configuration.OData.GetFoldersForBucket",
        "ExecutionMedia/UiPath.Server.Configuration.OData.DeleteMediaByJobId",
        "Folders/UiPath.Server.Configuration.OData.GetByKey",
        "JobTriggers/UiPath.Server.Configuration.OData.GetByJobKey",
        "Jobs(key)/UiPath.Server.Configuration.OData.StopJob",
        "Jobs/UiPath.Server.Configuration.OData.GetByKey",
        "Jobs/UiPath.Server.Configuration.OData.RestartJob",
        "Jobs/UiPath.Server.Configuration.OData.ResumeJob",
        "Jobs/UiPath.Server.Configuration.OData.StartJobs",
        "Jobs/UiPath.Server.Configuration.OData.StopJobs",
        "Machines/UiPath.Server.Configuration.OData.DeleteBulk",
        "ProcessSchedules/UiPath.Server.Configuration.OData.SetEnabled",
        "QueueDefinitions/UiPath.Server.Configuration.OData.GetByKey",
        "QueueDefinitions/UiPath.Server.Configuration.OData.GetFoldersForQueue",
        "QueueDefinitions/UiPath.Server.Configuration.OData.GetQueuesAcrossFolders",
        "QueueItemComments/UiPath.Server.Configuration.OData.GetQueueItemCommentsHistory",
        "QueueItems(key)/UiPath.Server.Configuration.OData.GetItemLastRetry",
        "QueueItems(key)/UiPathODataSvc.SetTransactionProgress",
        "QueueItems/UiPathODataSvc.DeleteBulk",
        "QueueItems/UiPathODataSvc.GetItemLastRetryByKey",
        "QueueItems/UiPathODataSvc.SetItemReviewStatus",
        "QueueItems/UiPathODataSvc.SetItemReviewer",
        "QueueItems/UiPathODataSvc.UnsetItemReviewer",
        "QueueProcessingRecords/UiPathODataSvc.RetrieveQueuesProcessingStatus",
        "Queues(key)/UiPathODataSvc.SetTransactionResult",
        "Queues/UiPathODataSvc.AddQueueItem",
        "Queues/UiPathODataSvc.BulkAddQueueItems",
        "Queues/UiPathODataSvc.StartTransaction",
        "Releases(key)/UiPath.Server.Configuration.OData.UpdateToLatestPackageVersion",
        "Releases(key)/UiPath.Server.Configuration.OData.UpdateToSpecificPackageVersion",
        "Releases/UiPath.Server.Configuration.OData.UpdateToLatestPackageVersionBulk",
        "RobotLogs/UiPath.Server.Configuration.OData.GetTotalCount",
        "Robots/UiPath.Server.Configuration.OData.DeleteBulk",
        "Robots/UiPath.Server.Configuration.OData.GetUsernames",
        "Robots/UiPath.Server.Configuration.OData.ToggleEnabledStatus",
        "Settings/UiPath.Server.Configuration.OData.DeleteBulk",
        "TaskActivities/UiPath.Server.Configuration.OData.GetByTaskId",
        "TaskNotes/UiPath.Server.Configuration.OData.GetByTaskId",
        "Tasks/UiPath.Server.Configuration.OData.GetByKey",
        "TestSetSchedules/UiPath.Server.Configuration.OData.SetEnabled",
        "Webhooks(key)/UiPath.Server.Configuration.OData.Ping",
        "Webhooks/UiPath.Server.Configuration.OData.GetEventTypes",
    ];

    [Fact]
    public async Task Every_described_route_is_served_or_answers_501_and_the_served_count_does_not_drop()
    {
        var routes = DescribedRouteCatalog.Routes;
        Assert.True(routes.Count > 300, $"Only {routes.Count} routes read from the EDMX: the enumeration is broken.");

        using var http = session.Emulator.CreateHttpClient();
        var outcomes = await RouteAnswers.CallEachAsync(http, routes, session.SharedFolderId);
        var failures = outcomes.Where(item => item.Outcome == Outcome.Failed).Select(item => item.Failure).ToList();

        output.WriteLine(Table(outcomes));
        foreach (var item in outcomes.Where(item => item.Route.Operation is not null && item.Outcome == Outcome.Served))
        {
            output.WriteLine($"  served {item.Status} {item.Route}");
        }

        foreach (var item in outcomes.Where(item => item.Outcome == Outcome.NotImplemented))
        {
            output.WriteLine($"  501 {item.Route}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} described routes are not served:\n" + string.Join("\n", failures));
        var servedOperations = outcomes.Where(item => item.Route.Operation is not null && item.Outcome == Outcome.Served)
            .Select(item => item.Route.OperationRoute!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(ImplementedOperations.Order(StringComparer.Ordinal), servedOperations);
        var served = outcomes.Count(item => item.Outcome == Outcome.Served);
        Assert.True(served >= ServedFloor, $"{served} routes are served for real, fewer than the {ServedFloor} measured before: an implementation was lost.");
    }

    /// <summary>The Markdown route table: per kind of route and in total, described / served / 501.</summary>
    private static string Table(IReadOnlyList<RouteCall> outcomes)
    {
        var table = new StringBuilder()
            .AppendLine("| Routes | Described | Served | 501 |")
            .AppendLine("|---|---:|---:|---:|");
        void Row(string name, IEnumerable<RouteCall> rows)
        {
            var list = rows.ToList();
            table.AppendLine($"| {name} | {list.Count} | {list.Count(row => row.Outcome == Outcome.Served)} | {list.Count(row => row.Outcome == Outcome.NotImplemented)} |");
        }

        Row("Set and Set/$count (GET, POST)", outcomes.Where(row => row.Route.Kind == RouteKind.Set));
        Row("Set(key) (GET, PUT, PATCH, DELETE)", outcomes.Where(row => row.Route.Kind == RouteKind.Entity));
        Row("Bound operations on a set", outcomes.Where(row => row.Route.Kind == RouteKind.BoundToSet));
        Row("Bound operations on an entity", outcomes.Where(row => row.Route.Kind == RouteKind.BoundToEntity));
        Row("Operation imports", outcomes.Where(row => row.Route.Kind == RouteKind.Import));
        Row("**All**", outcomes);
        return table.ToString();
    }
}
