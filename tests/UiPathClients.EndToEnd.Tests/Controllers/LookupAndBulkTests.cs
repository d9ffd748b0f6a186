using System.Linq;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using ServerAsset = UiPathClients.Emulator.Orchestrator.Contracts.AssetDto;
using ServerRobotValue = UiPathClients.Emulator.Orchestrator.Contracts.AssetRobotValueDto;
using ServerAlert = UiPathClients.Emulator.Orchestrator.Contracts.AlertDto;
using ServerAlertState = UiPathClients.Emulator.Orchestrator.Contracts.AlertState;
using ServerComment = UiPathClients.Emulator.Orchestrator.Contracts.QueueItemCommentDto;
using ServerReviewStatus = UiPathClients.Emulator.Orchestrator.Contracts.QueueItemReviewStatus;
using ServerSchedule = UiPathClients.Emulator.Orchestrator.Contracts.ProcessScheduleDto;
using ServerStatus = UiPathClients.Emulator.Orchestrator.Contracts.QueueItemStatus;
using ServerTask = UiPathClients.Emulator.Orchestrator.Contracts.TaskDto;
using ServerTaskNote = UiPathClients.Emulator.Orchestrator.Contracts.TaskNoteDto;
using ServerSetting = UiPathClients.Emulator.Orchestrator.Contracts.SettingsDto;
using ServerMedia = UiPathClients.Emulator.Orchestrator.Contracts.ExecutionMediaDto;

namespace UiPathClients.EndToEnd.Tests.Controllers;

/// <summary>
/// The lookup, count and bulk operations served over existing tables, through the generated client: <c>GetByKey</c> on
/// folders and queues, <c>GetFoldersFor…</c>, <c>GetItemLastRetry</c>, <c>GetUnreadCount</c>, and the bulk
/// <c>ToggleEnabledStatus</c> and <c>DeleteBulk</c> actions, each changing the emulator's data as the service does.
/// </summary>
public sealed class LookupAndBulkTests(MutableEmulator session) : IClassFixture<MutableEmulator>
{
    [Fact]
    public async Task GetByKey_finds_folders_and_queues_by_their_Key_and_GetFoldersFor_names_the_folder_an_entity_is_in()
    {
        var shared = session.Emulator.Data.Folders.Find(session.SharedFolderId, folderId: null)!;
        var queue = session.Emulator.Data.QueueDefinitions.InFolder(session.SharedFolderId).First();
        var asset = session.Emulator.Data.Assets.InFolder(session.SharedFolderId).First();

        Assert.Equal(shared.Id, (await session.Tenant.Folders.GetByKeyAsync(shared.Key!.Value))?.Id);
        Assert.Equal(queue.Id, (await session.Shared.QueueDefinitions.GetByKeyAsync(queue.Key!.Value))?.Id);
        var folders = await session.Shared.Assets.GetFoldersForAssetAsync(asset.Id);
        Assert.Equal(shared.FullyQualifiedName, Assert.Single(folders.AccessibleFolders).FullyQualifiedName);
        Assert.Equal(1, folders.TotalFoldersCount);
        Assert.Equal(shared.Id, Assert.Single((await session.Shared.QueueDefinitions.GetFoldersForQueueAsync(queue.Id)).AccessibleFolders).Id);

        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Tenant.Folders.GetByKeyAsync(System.Guid.NewGuid()));
        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Shared.Assets.GetFoldersForAssetAsync(987654321));
    }

    [Fact]
    public async Task GetItemLastRetry_answers_the_newest_retry_and_DeleteBulk_deletes_only_New_items()
    {
        var queue = session.Emulator.Data.QueueDefinitions.InFolder(session.SharedFolderId).First();
        var first = await session.Shared.Queues.AddQueueItemAsync(new QueueItemDataDto { Name = queue.Name, Reference = "E2E-bulk-1" });
        var second = await session.Shared.Queues.AddQueueItemAsync(new QueueItemDataDto { Name = queue.Name, Reference = "E2E-bulk-2" });
        Assert.Equal(first.Id, (await session.Shared.QueueItems[first.Id].GetItemLastRetryAsync()).Id);
        var started = await session.Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name, Reference = "E2E-bulk-2" });
        Assert.Equal(second.Id, started?.Id);

        var result = await session.Shared.QueueItems.DeleteBulkAsync([new LongVersionedEntity { Id = first.Id }, new LongVersionedEntity { Id = second.Id }]);

        Assert.False(result.Success);
        Assert.Equal([second.Id], result.FailedItems.ToArray());
        Assert.Equal(ServerStatus.Deleted, session.Emulator.Data.QueueItems.Find(first.Id, session.SharedFolderId)!.Status);
        Assert.Equal(ServerStatus.InProgress, session.Emulator.Data.QueueItems.Find(second.Id, session.SharedFolderId)!.Status);
    }

    [Fact]
    public async Task ToggleEnabledStatus_and_DeleteBulk_change_the_named_robots_and_machines_only()
    {
        var robots = session.Emulator.Data.Robots.InFolder(null).Select(robot => robot.Id).ToList();
        Assert.True(robots.Count >= 3);

        var untouched = session.Emulator.Data.Robots.Find(robots[2], null)!.Enabled;

        await session.Tenant.Robots.ToggleEnabledStatusAsync([robots[0], robots[1]], enabled: false);
        Assert.Equal(new bool?[] { false, false, untouched }, robots.Take(3).Select(id => session.Emulator.Data.Robots.Find(id, null)!.Enabled));
        await session.Tenant.Robots.ToggleEnabledStatusAsync([robots[0]], enabled: true);
        Assert.True(session.Emulator.Data.Robots.Find(robots[0], null)!.Enabled);

        await session.Tenant.Robots.DeleteBulkAsync([robots[1]]);
        Assert.Equal(robots.Where(id => id != robots[1]).ToArray(), session.Emulator.Data.Robots.InFolder(null).Select(robot => robot.Id).ToArray());
        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Tenant.Robots.DeleteBulkAsync([robots[0], 987654321]));
        Assert.NotNull(session.Emulator.Data.Robots.Find(robots[0], null));

        var machines = session.Emulator.Data.Machines.InFolder(null).Select(machine => machine.Id).ToList();
        await session.Tenant.Machines.DeleteBulkAsync([machines[^1]]);
        Assert.Equal(machines.SkipLast(1).ToArray(), session.Emulator.Data.Machines.InFolder(null).Select(machine => machine.Id).ToArray());
    }

    [Fact]
    public async Task GetUnreadCount_counts_the_unread_alerts()
    {
        var alerts = session.Emulator.Data.Table<ServerAlert, System.Guid>("Alerts");
        alerts.Add(new ServerAlert { Id = System.Guid.NewGuid(), State = ServerAlertState.Unread });
        alerts.Add(new ServerAlert { Id = System.Guid.NewGuid(), State = ServerAlertState.Read });
        alerts.Add(new ServerAlert { Id = System.Guid.NewGuid(), State = ServerAlertState.Unread });

        Assert.Equal(2, await session.Tenant.Alerts.GetUnreadCountAsync());
    }

    [Fact]
    public async Task The_review_actions_change_the_failed_items_they_name_and_report_the_others()
    {
        var queue = session.Emulator.Data.QueueDefinitions.InFolder(session.SharedFolderId).First();
        var failed = await session.Shared.Queues.AddQueueItemAsync(new QueueItemDataDto { Name = queue.Name, Reference = "E2E-review-1" });
        var waiting = await session.Shared.Queues.AddQueueItemAsync(new QueueItemDataDto { Name = queue.Name, Reference = "E2E-review-2" });
        await session.Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name, Reference = "E2E-review-1" });
        await session.Shared.Queues[failed.Id].SetTransactionResultAsync(new TransactionResultDto
        {
            IsSuccessful = false,
            ProcessingException = new ProcessingExceptionDto { Type = ProcessingExceptionType.BusinessException, Reason = "E2E" },
        });
        LongVersionedEntity[] both = [new() { Id = failed.Id }, new() { Id = waiting.Id }];

        var review = await session.Shared.QueueItems.SetItemReviewStatusAsync("Verified", both);
        Assert.Equal([waiting.Id], review.FailedItems.ToArray());
        Assert.Equal(ServerReviewStatus.Verified, session.Emulator.Data.QueueItems.Find(failed.Id, session.SharedFolderId)!.ReviewStatus);
        Assert.Null(session.Emulator.Data.QueueItems.Find(waiting.Id, session.SharedFolderId)!.ReviewStatus);
        await Assert.ThrowsAsync<ODataRequestException>(() => session.Shared.QueueItems.SetItemReviewStatusAsync("NoSuchStatus", both));

        Assert.True((await session.Shared.QueueItems.SetItemReviewerAsync(7, both)).Success);
        Assert.Equal(7, session.Emulator.Data.QueueItems.Find(waiting.Id, session.SharedFolderId)!.ReviewerUserId);
        Assert.True((await session.Shared.QueueItems.UnsetItemReviewerAsync([new LongVersionedEntity { Id = waiting.Id }])).Success);
        Assert.Null(session.Emulator.Data.QueueItems.Find(waiting.Id, session.SharedFolderId)!.ReviewerUserId);
        Assert.Equal(7, session.Emulator.Data.QueueItems.Find(failed.Id, session.SharedFolderId)!.ReviewerUserId);
    }

    [Fact]
    public async Task Comment_history_alerts_usernames_and_schedules_work_on_their_tables()
    {
        var queue = session.Emulator.Data.QueueDefinitions.InFolder(session.SharedFolderId).First();
        var item = await session.Shared.Queues.AddQueueItemAsync(new QueueItemDataDto { Name = queue.Name, Reference = "E2E-comments" });
        var comments = session.Emulator.Data.Table<ServerComment, long>("QueueItemComments");
        comments.Add(new ServerComment { QueueItemId = item.Id, Text = "first" });
        comments.Add(new ServerComment { QueueItemId = item.Id + 100000, Text = "another item" });
        comments.Add(new ServerComment { QueueItemId = item.Id, Text = "second" });
        Assert.Equal(new string?[] { "first", "second" }, (await session.Tenant.QueueItemComments.GetQueueItemCommentsHistoryAsync(item.Id)).Select(comment => comment.Text));

        var alerts = session.Emulator.Data.Table<ServerAlert, System.Guid>("Alerts");
        var unread = alerts.Add(new ServerAlert { Id = System.Guid.NewGuid(), State = ServerAlertState.Unread });
        var before = alerts.InFolder(null).LongCount(alert => alert.State == ServerAlertState.Unread);
        Assert.Equal(before - 1, await session.Tenant.Alerts.MarkAsReadAsync([unread.Id]));
        Assert.Equal(ServerAlertState.Read, alerts.Find(unread.Id, null)!.State);

        var expected = session.Emulator.Data.Robots.InFolder(null).Select(robot => robot.Username).OfType<string>().Distinct().Order(System.StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, (await session.Tenant.Robots.GetUsernamesAsync()).ToArray());

        var schedules = session.Emulator.Data.Table<ServerSchedule, long>("ProcessSchedules");
        var schedule = schedules.Add(new ServerSchedule { Name = "E2E nightly", Enabled = true });
        Assert.True(await session.Tenant.ProcessSchedules.SetEnabledAsync(enabled: false, multistatusEnabled: null, scheduleIds: [schedule.Id]));
        Assert.False(schedules.Find(schedule.Id, null)!.Enabled);
        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Tenant.ProcessSchedules.SetEnabledAsync(enabled: true, multistatusEnabled: null, scheduleIds: [schedule.Id, 987654321]));
        Assert.False(schedules.Find(schedule.Id, null)!.Enabled);
    }

    [Fact]
    public async Task Task_lookups_and_the_deletions_by_name_or_job_work_on_their_tables()
    {
        var tasks = session.Emulator.Data.Table<ServerTask, long>("Tasks");
        var task = tasks.Add(new ServerTask { Key = System.Guid.NewGuid(), Title = "E2E approve invoice" });
        var notes = session.Emulator.Data.Table<ServerTaskNote, long>("TaskNotes");
        notes.Add(new ServerTaskNote { TaskId = task.Id, Text = "looks fine" });
        notes.Add(new ServerTaskNote { TaskId = task.Id + 1000, Text = "other task" });

        Assert.Equal(task.Id, (await session.Tenant.Tasks.GetByKeyAsync(task.Key!.Value)).Id);
        Assert.Equal(new string?[] { "looks fine" }, (await session.Tenant.TaskNotes.GetByTaskIdAsync(task.Id)).Select(note => note.Text));
        Assert.Empty(await session.Tenant.TaskActivities.GetByTaskIdAsync(task.Id));
        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Tenant.Tasks.GetByKeyAsync(System.Guid.NewGuid()));

        var settings = session.Emulator.Data.Table<ServerSetting, string>("Settings");
        settings.Add(new ServerSetting { Id = "E2E.Keep", Name = "E2E.Keep", Value = "1" });
        settings.Add(new ServerSetting { Id = "E2E.Drop", Name = "E2E.Drop", Value = "2" });
        await session.Tenant.Settings.DeleteBulkAsync(["E2E.Drop", "E2E.Unknown"]);
        Assert.NotNull(settings.Find("E2E.Keep", null));
        Assert.Null(settings.Find("E2E.Drop", null));

        var media = session.Emulator.Data.Table<ServerMedia, long>("ExecutionMedia");
        var kept = media.Add(new ServerMedia { JobId = 2, Name = "keep.mp4" });
        media.Add(new ServerMedia { JobId = 1, Name = "drop.mp4" });
        await session.Tenant.ExecutionMedia.DeleteMediaByJobIdAsync(1);
        Assert.Equal([kept.Id], media.InFolder(null).Select(item => item.Id).ToArray());
    }

    [Fact]
    public async Task A_queue_item_that_does_not_exist_answers_the_descriptions_text()
    {
        var missing = await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Shared.QueueItems[987654321].GetAsync());

        Assert.Equal("1002", missing.ErrorCode);
        Assert.Equal("Queue Item does not exist.", missing.ServiceMessage);
    }

    [Fact]
    public async Task RetrieveQueuesProcessingStatus_counts_each_queues_items_by_outcome()
    {
        var queue = await session.Shared.QueueDefinitions.CreateAsync(new QueueDefinitionDto { Name = "E2E-Processing", MaxNumberOfRetries = 0 });
        await session.Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.AllOrNothing,
            [new QueueItemDataDto { Name = queue.Name, Reference = "ok" }, new QueueItemDataDto { Name = queue.Name, Reference = "rule" }, new QueueItemDataDto { Name = queue.Name, Reference = "waiting" }]);
        var ok = (await session.Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name, Reference = "ok" }))!;
        await session.Shared.Queues[ok.Id].SetTransactionResultAsync(new TransactionResultDto { IsSuccessful = true });
        var rule = (await session.Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name, Reference = "rule" }))!;
        await session.Shared.Queues[rule.Id].SetTransactionResultAsync(new TransactionResultDto
        {
            IsSuccessful = false,
            ProcessingException = new ProcessingExceptionDto { Type = ProcessingExceptionType.BusinessException, Reason = "E2E" },
        });

        var statuses = await session.Shared.QueueProcessingRecords.RetrieveQueuesProcessingStatusAsync();

        var status = Assert.Single(statuses, candidate => candidate.QueueDefinitionId == queue.Id);
        Assert.Equal("E2E-Processing", status.QueueDefinitionName);
        Assert.Equal((1, 0, 1, 1, 0, 3), (status.ItemsToProcess, status.ItemsInProgress, status.SuccessfulTransactionsNo, status.BusinessExceptionsNo, status.ApplicationExceptionsNo, status.TotalNumberOfTransactions));
        Assert.NotNull(status.LastProcessed);
        Assert.Equal(session.Emulator.Data.QueueDefinitions.InFolder(session.SharedFolderId).Count, statuses.Count);
    }

    [Fact]
    public async Task RaiseProcessAlert_adds_an_unread_process_alert()
    {
        var alerts = session.Emulator.Data.Table<ServerAlert, System.Guid>("Alerts");
        var before = alerts.InFolder(null).Select(alert => alert.Id).ToHashSet();

        await session.Tenant.Alerts.RaiseProcessAlertAsync(new ProcessAlertDto { Message = "E2E disk almost full", Severity = ProcessAlertSeverity.Warn, ProcessName = "InvoiceProcessing" });

        var raised = Assert.Single(alerts.InFolder(null), alert => !before.Contains(alert.Id));
        Assert.Equal(ServerAlertState.Unread, raised.State);
        Assert.Equal(UiPathClients.Emulator.Orchestrator.Contracts.AlertSeverity.Warn, raised.Severity);
        Assert.Equal(UiPathClients.Emulator.Orchestrator.Contracts.AlertComponent.Process, raised.Component);
        Assert.Contains("E2E disk almost full", raised.Data, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateToLatestPackageVersion_moves_releases_to_their_packages_latest_version()
    {
        var releases = session.Emulator.Data.Releases;
        var release = releases.InFolder(session.SharedFolderId).First();
        var latest = session.Emulator.Data.Processes.Find(release.ProcessKey!, null)!.Version;
        releases.Update(release.Id, session.SharedFolderId, old => old.ProcessVersion = "0.0.1");

        Assert.Equal(release.Id, await session.Shared.Releases[release.Id].UpdateToLatestPackageVersionAsync(mergePackageTags: null));
        Assert.Equal(latest, releases.Find(release.Id, session.SharedFolderId)!.ProcessVersion);

        releases.Update(release.Id, session.SharedFolderId, old => old.ProcessVersion = "0.0.1");
        var bulk = await session.Shared.Releases.UpdateToLatestPackageVersionBulkAsync(releaseIds: [release.Id, 987654321], mergePackageTags: null);
        Assert.Equal([987654321L], bulk.FailedItems.ToArray());
        Assert.Equal(latest, releases.Find(release.Id, session.SharedFolderId)!.ProcessVersion);
    }

    [Fact]
    public async Task GetRobotAssetByRobotId_answers_a_global_value_or_the_robots_own_value()
    {
        var robot = session.Emulator.Data.Robots.InFolder(null).First();
        var global = session.Emulator.Data.Assets.InFolder(session.SharedFolderId).First(asset => asset.StringValue is not null);

        var value = await session.Shared.Assets.GetRobotAssetByRobotIdAsync(robot.Id, global.Name!);
        Assert.Equal((global.Name, global.StringValue), (value.Name, value.StringValue));

        session.Emulator.Data.Assets.Add(
            new ServerAsset
            {
                Name = "E2E per robot",
                ValueScope = UiPathClients.Emulator.Orchestrator.Contracts.AssetValueScope.PerRobot,
                RobotValues = [new ServerRobotValue { RobotId = robot.Id, StringValue = "for this robot", ValueType = UiPathClients.Emulator.Orchestrator.Contracts.AssetRobotValueValueType.Text }],
            },
            session.SharedFolderId);
        Assert.Equal("for this robot", (await session.Shared.Assets.GetRobotAssetByRobotIdAsync(robot.Id, "E2E per robot")).StringValue);
        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Shared.Assets.GetRobotAssetByRobotIdAsync(robot.Id + 1000, "E2E per robot"));
        await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Shared.Assets.GetRobotAssetByRobotIdAsync(robot.Id, "E2E no such asset"));
    }
}
