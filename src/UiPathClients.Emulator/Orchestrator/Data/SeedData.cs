using System;
using System.Collections.Generic;
using System.Globalization;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Data;

/// <summary>
/// The emulator's starting tenant: a few folders (one with a non-ASCII name), processes and their
/// releases, robots, machines, queues, assets, webhooks and a deterministic history of jobs and queue
/// items whose values vary enough to exercise every filter construct.
/// </summary>
/// <remarks>Deterministic: a fixed random seed and times relative to the emulator clock's start.</remarks>
internal static class SeedData
{
    public const string SharedFolder = "Shared";

    public static void Populate(OrchestratorData data, DateTimeOffset now, int generatedQueueItems)
    {
        var random = new Random(2026);
        var shared = AddFolder(data, SharedFolder, parentId: null, new Guid("5b6a3c1e-0f54-4d0c-9a57-3b3d3c6c1a01"));
        var finance = AddFolder(data, "Finance", parentId: null, new Guid("5b6a3c1e-0f54-4d0c-9a57-3b3d3c6c1a02"));
        var invoices = AddFolder(data, "Finance/Invoices", finance.Id, new Guid("5b6a3c1e-0f54-4d0c-9a57-3b3d3c6c1a03"));
        var team = AddFolder(data, "Équipe Données", parentId: null, new Guid("5b6a3c1e-0f54-4d0c-9a57-3b3d3c6c1a04"));

        var machines = new[]
        {
            data.Machines.Add(new ExtendedMachineDto { Name = "VM-PROD-01", Key = new Guid("7d1f6f8e-2b44-4b0b-8d0e-5a1c2b3d4e01"), Type = MachineType.Template, UnattendedSlots = 4, Description = "Production template" }),
            data.Machines.Add(new ExtendedMachineDto { Name = "VM-TEST-02", Key = new Guid("7d1f6f8e-2b44-4b0b-8d0e-5a1c2b3d4e02"), Type = MachineType.Standard, UnattendedSlots = 1, Description = "Test machine" }),
        };
        var robots = new[]
        {
            data.Robots.Add(new RobotDto { Name = "bot-invoices", Username = "svc_invoices", MachineName = machines[0].Name, MachineId = machines[0].Id, Type = RobotType.Unattended, HostingType = RobotHostingType.Standard, ProvisionType = RobotProvisionType.Manual, Enabled = true, CreationTime = now.AddDays(-90) }),
            data.Robots.Add(new RobotDto { Name = "bot-reports", Username = "svc_reports", MachineName = machines[0].Name, MachineId = machines[0].Id, Type = RobotType.Unattended, HostingType = RobotHostingType.Floating, ProvisionType = RobotProvisionType.Manual, Enabled = true, CreationTime = now.AddDays(-60) }),
            data.Robots.Add(new RobotDto { Name = "bot-o'neil", Username = "o'neil", MachineName = machines[1].Name, MachineId = machines[1].Id, Type = RobotType.Development, HostingType = RobotHostingType.Standard, ProvisionType = RobotProvisionType.Manual, Enabled = false, CreationTime = now.AddDays(-3) }),
        };

        var packages = new (string Id, string Version, string Title)[]
        {
            ("InvoiceProcessing", "1.0.3", "Invoice processing"),
            ("ReportGenerator", "2.1.0", "Monthly reports"),
            ("DataSync", "1.0.0", "CRM data sync"),
            ("Onboarding", "3.0.1", "Employee onboarding"),
        };
        foreach (var package in packages)
        {
            data.Processes.Add(new ProcessDto
            {
                Id = package.Id,
                Key = package.Id + ":" + package.Version,
                Version = package.Version,
                Title = package.Title,
                IsActive = true,
                IsLatestVersion = true,
                Published = now.AddDays(-30),
                Authors = "UiPathClients emulator",
            });
        }

        var releases = new List<ReleaseDto>
        {
            AddRelease(data, shared, "InvoiceProcessing", packages[0].Version, "Reads invoices from the mailbox", now, ("Team", "Finance"), ("Tier", "Gold")),
            AddRelease(data, shared, "ReportGenerator", packages[1].Version, "Builds the monthly report", now, ("Team", "Reporting")),
            AddRelease(data, shared, "DataSync", packages[2].Version, null, now),
            AddRelease(data, finance, "Onboarding", packages[3].Version, "Creates accounts for new staff", now, ("Team", "HR")),
            AddRelease(data, invoices, "InvoiceProcessing", packages[0].Version, "Invoices of the finance department", now, ("Team", "Finance")),
            AddRelease(data, team, "DataSync", packages[2].Version, "Synchronise les données", now, ("Équipe", "Données")),
        };

        // API triggers on the Shared folder's releases: one for each way of passing arguments.
        data.ApiTriggers.Add(new Triggers.ApiTrigger("invoices/process", "POST", releases[0].Key!, Triggers.TriggerCallModes.AsyncRequestReply));
        data.ApiTriggers.Add(new Triggers.ApiTrigger("reports/monthly", "GET", releases[1].Key!, Triggers.TriggerCallModes.LongPolling));

        var states = new[] { JobState.Successful, JobState.Successful, JobState.Faulted, JobState.Stopped, JobState.Running, JobState.Pending, JobState.Successful, JobState.Suspended };
        var sources = new[] { "Manual", "Schedule", "Agent", "Queue: Invoices" };
        var infos = new[] { "Job completed", "Job completed with 2 warnings", "System.Exception: Invoice 'INV-1' is malformed", "Stopped by user O'Brien", "Timeout after 30 min", "Données synchronisées", "Retry 50% & continue #2 (a+b)?", null };
        for (var index = 0; index < 120; index++)
        {
            var release = releases[index % releases.Count];
            var state = index < 12 ? states[index % states.Length] : states[random.Next(states.Length)];
            // The first dozen fall in the last hour, so "faulted jobs of the last hour" finds some.
            var created = now.AddMinutes(-(index < 12 ? random.Next(2, 55) : random.Next(60, 48 * 60))).AddSeconds(-random.Next(60));
            var started = state == JobState.Pending ? (DateTimeOffset?)null : created.AddSeconds(random.Next(1, 120));
            var ended = state is JobState.Successful or JobState.Faulted or JobState.Stopped ? started!.Value.AddSeconds(random.Next(5, 3600)) : (DateTimeOffset?)null;
            var robot = state == JobState.Pending ? null : robots[random.Next(robots.Length)];
            data.Jobs.Add(
                new JobDto
                {
                    Key = GuidFrom(random),
                    State = state,
                    CreationTime = created,
                    StartTime = started,
                    EndTime = ended,
                    ReleaseName = release.Name,
                    Release = new SimpleReleaseDto { Key = release.Key, Name = release.Name, ProcessKey = release.ProcessKey, ProcessVersion = release.ProcessVersion },
                    Robot = robot is null ? null : new SimpleRobotDto { Name = robot.Name, MachineName = robot.MachineName, Username = robot.Username, Type = robot.Type, HostingType = robot.HostingType },
                    Machine = robot is null ? null : machines[robot.MachineId == machines[0].Id ? 0 : 1],
                    HostMachineName = robot?.MachineName,
                    Source = sources[random.Next(sources.Length)],
                    SourceType = index % 3 == 0 ? JobSourceType.Schedule : JobSourceType.Manual,
                    Info = infos[random.Next(infos.Length)],
                    JobPriority = (JobPriority)random.Next(3),
                    SpecificPriorityValue = random.Next(1, 100),
                    Type = index % 10 == 0 ? JobType.Attended : JobType.Unattended,
                    InputArguments = index % 4 == 0 ? null : "{\"Batch\":" + (index % 7).ToString(CultureInfo.InvariantCulture) + "}",
                    HasMediaRecorded = index % 5 == 0,
                    OrganizationUnitId = release.OrganizationUnitId,
                    OrganizationUnitFullyQualifiedName = release.OrganizationUnitFullyQualifiedName,
                    MaxExpectedRunningTimeSeconds = index % 6 == 0 ? null : 600L * (index % 5 + 1),
                    ResumeVersion = index % 9,
                },
                release.OrganizationUnitId);
        }

        var queues = new[]
        {
            AddQueue(data, shared, "Invoices", "Invoices waiting to be booked", maxRetries: 2, now),
            AddQueue(data, finance, "Payments", "Outgoing payments", maxRetries: 0, now),
        };
        var statuses = new[] { QueueItemStatus.New, QueueItemStatus.InProgress, QueueItemStatus.Successful, QueueItemStatus.Failed, QueueItemStatus.Retried, QueueItemStatus.Abandoned };
        var seededItems = 60 + generatedQueueItems;
        for (var index = 0; index < seededItems; index++)
        {
            var queue = queues[index % queues.Length];
            var status = statuses[random.Next(statuses.Length)];
            data.QueueItems.Add(
                new QueueItemDto
                {
                    QueueDefinitionId = queue.Id,
                    Key = GuidFrom(random),
                    UniqueKey = GuidFrom(random),
                    Reference = "INV-" + (index + 1).ToString("D5", CultureInfo.InvariantCulture),
                    Status = status,
                    Priority = (QueueItemPriority)random.Next(3),
                    CreationTime = now.AddMinutes(-index),
                    DueDate = index % 4 == 0 ? now.AddDays(index % 10) : null,
                    RetryNumber = status == QueueItemStatus.Retried ? 1 : 0,
                    SpecificData = "{\"Amount\":" + (100 + index).ToString(CultureInfo.InvariantCulture) + "}",
                    Progress = index % 3 == 0 ? "Validated" : null,
                    OrganizationUnitId = queue.OrganizationUnitId,
                    OrganizationUnitFullyQualifiedName = queue.OrganizationUnitFullyQualifiedName,
                },
                queue.OrganizationUnitId);
        }

        data.Assets.Add(new AssetDto { Name = "ApiBaseUrl", Key = GuidFrom(random), ValueScope = AssetValueScope.Global, ValueType = AssetValueType.Text, StringValue = "https://erp.example.com/api", Value = "https://erp.example.com/api", CreationTime = now.AddDays(-20) }, shared.Id);
        data.Assets.Add(new AssetDto { Name = "BatchSize", Key = GuidFrom(random), ValueScope = AssetValueScope.Global, ValueType = AssetValueType.Integer, IntValue = 50, Value = "50", CreationTime = now.AddDays(-10) }, shared.Id);
        data.Assets.Add(new AssetDto { Name = "DryRun", Key = GuidFrom(random), ValueScope = AssetValueScope.Global, ValueType = AssetValueType.Bool, BoolValue = false, Value = "False", CreationTime = now.AddDays(-5) }, finance.Id);

        data.Webhooks.Add(new WebhookDto { Name = "Slack alerts", Url = "https://hooks.example.com/slack", Enabled = true, Key = GuidFrom(random), Events = { new WebhookEventDto { EventType = "job.faulted" }, new WebhookEventDto { EventType = "queueItem.transactionFailed" } } });
        data.Webhooks.Add(new WebhookDto { Name = "Audit sink", Url = "https://audit.example.com/uipath", Enabled = false, SubscribeToAllEvents = true, Key = GuidFrom(random) });
    }

    internal static FolderDto AddFolder(OrchestratorData data, string path, long? parentId, Guid key)
    {
        var slash = path.LastIndexOf('/');
        return data.Folders.Add(new FolderDto
        {
            FullyQualifiedName = path,
            DisplayName = slash < 0 ? path : path[(slash + 1)..],
            Key = key,
            ParentId = parentId,
            FolderType = FolderType.Standard,
            ProvisionType = FolderProvisionType.Automatic,
            PermissionModel = FolderPermissionModel.FineGrained,
        });
    }

    private static ReleaseDto AddRelease(OrchestratorData data, FolderDto folder, string process, string version, string? description, DateTimeOffset now, params (string Name, string Value)[] tags)
    {
        var release = new ReleaseDto
        {
            Name = folder.FullyQualifiedName == SharedFolder ? process : process + "_" + folder.DisplayName,
            Key = DeterministicKey(folder.FullyQualifiedName + "/" + process),
            ProcessKey = process,
            ProcessVersion = version,
            IsLatestVersion = true,
            Description = description,
            EntryPointPath = "Main.xaml",
            OrganizationUnitId = folder.Id,
            OrganizationUnitFullyQualifiedName = folder.FullyQualifiedName,
            FolderKey = folder.Key,
            CreationTime = now.AddDays(-14),
        };
        foreach (var (name, value) in tags)
        {
            release.Tags.Add(new TagDto { Name = name, DisplayName = name, Value = value, DisplayValue = value });
        }

        return data.Releases.Add(release, folder.Id);
    }

    private static QueueDefinitionDto AddQueue(OrchestratorData data, FolderDto folder, string name, string description, int maxRetries, DateTimeOffset now) =>
        data.QueueDefinitions.Add(
            new QueueDefinitionDto
            {
                Name = name,
                Description = description,
                Key = DeterministicGuid(folder.FullyQualifiedName + "/queue/" + name),
                MaxNumberOfRetries = maxRetries,
                AcceptAutomaticallyRetry = maxRetries > 0,
                EnforceUniqueReference = true,
                CreationTime = now.AddDays(-7),
                OrganizationUnitId = folder.Id,
                OrganizationUnitFullyQualifiedName = folder.FullyQualifiedName,
            },
            folder.Id);

    private static Guid GuidFrom(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string DeterministicKey(string seed) => DeterministicGuid(seed).ToString();

    private static Guid DeterministicGuid(string seed)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16));
    }
}
