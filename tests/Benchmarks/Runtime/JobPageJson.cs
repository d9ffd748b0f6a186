using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Benchmarks.Clients.Orchestrator;

namespace Benchmarks.Runtime;

/// <summary>
/// A page of jobs as cloud Orchestrator answers <c>GET odata/Jobs?$expand=Robot,Release&amp;$count=true</c>: every
/// structural property of <c>JobDto</c> (nulls written, as Orchestrator writes them), the robot and release expanded,
/// varied values from a fixed seed, so every run measures the same bytes.
/// </summary>
public static class JobPageJson
{
    /// <summary>The JSON properties a job object carries: every property of the generated <c>JobDto</c> but the unexpanded <c>Machine</c>.</summary>
    private static readonly string[] Unwritten = ["Machine"];

    private static readonly string[] ReleaseNames = ["InvoiceProcessing", "ReportGenerator", "DataSync", "Onboarding", "Payroll.Reconcile"];
    private static readonly string[] Folders = ["Shared", "Finance", "Finance/Invoices", "Équipe Données"];
    private static readonly string[] Robots = ["bot-invoices", "bot-reports", "bot-o'neil", "svc-unattended-07"];
    private static readonly string[] Machines = ["VM-PROD-01", "VM-PROD-02", "VM-TEST-02"];
    private static readonly string[] States = ["Successful", "Successful", "Successful", "Faulted", "Stopped", "Running", "Pending", "Suspended"];
    private static readonly string[] Sources = ["Manual", "Schedule", "Agent", "Queue: Invoices"];
    private static readonly string[] SourceTypes = ["Manual", "Schedule", "Agent", "Queue"];
    private static readonly string[] Priorities = ["Low", "Normal", "High"];

    private static readonly string?[] Infos =
    [
        "Job completed", "Job completed with 2 warnings", "System.Exception: Invoice 'INV-1' is malformed\r\n   at Main.xaml",
        "Stopped by user O'Brien", "Timeout after 30 min", "Données synchronisées", "Retry 50% & continue #2 (a+b)?", null,
    ];

    private static readonly DateTimeOffset Epoch = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The UTF-8 body of one page: <c>@odata.context</c>, <c>@odata.count</c> and <paramref name="jobs"/> jobs with ids from
    /// <paramref name="firstId"/>.
    /// </summary>
    public static byte[] Page(int jobs, long firstId = 1_000_001, int seed = 13)
    {
        var random = new Random(seed);
        using var buffer = new MemoryStream();

        // Escaped as servers escape: quotes as \" and text outside ASCII ("Équipe Données") as is, not as \u00C9.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", "https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/odata/$metadata#Jobs(Robot(),Release())");
            writer.WriteNumber("@odata.count", jobs);
            writer.WriteStartArray("value");
            for (var index = 0; index < jobs; index++)
            {
                WriteJob(writer, firstId + index, random);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Throws unless the page's job objects carry exactly the JSON properties the generated <c>JobDto</c> metadata knows
    /// (but <c>Machine</c>, not expanded): "all properties the Orchestrator JobDto has", checked rather than assumed.
    /// </summary>
    public static void CheckCoversJobDto(byte[] page, JsonTypeInfo<JobDto> metadata)
    {
        var known = metadata.Properties.Where(property => !property.IsExtensionData).Select(property => property.Name).Except(Unwritten).OrderBy(name => name, StringComparer.Ordinal);
        using var document = JsonDocument.Parse(page);
        var written = document.RootElement.GetProperty("value")[0].EnumerateObject().Select(property => property.Name).OrderBy(name => name, StringComparer.Ordinal);
        if (!known.SequenceEqual(written))
        {
            throw new InvalidOperationException(
                "The benchmark page does not carry JobDto's properties. Missing: " + string.Join(", ", known.Except(written)) + "; unknown: " + string.Join(", ", written.Except(known)));
        }
    }

    /// <summary>The fields that tell two reads of the same job apart (key, state, times, texts, nested objects), one line per job.</summary>
    public static string[] Fingerprint(IReadOnlyList<JobDto> jobs) =>
        jobs.Select(job => string.Join(
            "|",
            job.Id,
            job.Key,
            job.State,
            job.CreationTime?.ToString("O", CultureInfo.InvariantCulture),
            job.EndTime?.ToString("O", CultureInfo.InvariantCulture),
            job.ReleaseName,
            job.Info,
            job.InputArguments,
            job.OrganizationUnitId,
            job.Robot?.Name,
            job.Robot?.Type,
            job.Release?.Key,
            job.JobError?.Code,
            job.SpecificPriorityValue,
            job.MaxExpectedRunningTimeSeconds)).ToArray();

    /// <summary>Throws unless <paramref name="actual"/> read the same 1000 (or however many) jobs as <paramref name="expected"/>.</summary>
    public static void CheckSame(string reader, string[] expected, IReadOnlyList<JobDto> actual)
    {
        var fingerprint = Fingerprint(actual);
        if (fingerprint.Length != expected.Length)
        {
            throw new InvalidOperationException($"{reader} read {fingerprint.Length} jobs, expected {expected.Length}.");
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (!string.Equals(expected[i], fingerprint[i], StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{reader} read job #{i} as '{fingerprint[i]}', expected '{expected[i]}'.");
            }
        }
    }

    private static void WriteJob(Utf8JsonWriter writer, long id, Random random)
    {
        var state = States[random.Next(States.Length)];
        var releaseIndex = random.Next(ReleaseNames.Length);
        var release = ReleaseNames[releaseIndex];
        var folderIndex = random.Next(Folders.Length);
        var created = Epoch.AddMinutes(-random.Next(0, 60 * 24 * 30)).AddMilliseconds(-random.Next(1000));
        var started = state == "Pending" ? (DateTimeOffset?)null : created.AddSeconds(random.Next(1, 120)).AddMilliseconds(random.Next(1000));
        var ended = state is "Successful" or "Faulted" or "Stopped" ? started!.Value.AddSeconds(random.Next(5, 3600)).AddMilliseconds(random.Next(1000)) : (DateTimeOffset?)null;
        var robotIndex = random.Next(Robots.Length);
        var machine = Machines[robotIndex % Machines.Length];
        var attended = id % 10 == 0;

        writer.WriteStartObject();
        WriteGuid(writer, "Key", random);
        WriteTime(writer, "StartTime", started);
        WriteTime(writer, "EndTime", ended);
        writer.WriteString("State", state);
        writer.WriteNull("SubState");
        writer.WriteString("JobPriority", Priorities[random.Next(Priorities.Length)]);
        writer.WriteNumber("SpecificPriorityValue", random.Next(1, 100));
        if (started is null)
        {
            writer.WriteNull("Robot");
        }
        else
        {
            WriteRobot(writer, robotIndex, machine, attended);
        }

        WriteRelease(writer, releaseIndex, release, folderIndex);
        writer.WriteNull("ResourceOverwrites");
        var sourceIndex = random.Next(Sources.Length);
        writer.WriteString("Source", Sources[sourceIndex]);
        writer.WriteString("SourceType", SourceTypes[sourceIndex]);
        WriteGuid(writer, "BatchExecutionKey", random);
        WriteNullableString(writer, "Info", Infos[random.Next(Infos.Length)]);
        WriteTime(writer, "CreationTime", created);
        if (sourceIndex == 1)
        {
            writer.WriteNumber("StartingScheduleId", 4000 + random.Next(50));
        }
        else
        {
            writer.WriteNull("StartingScheduleId");
        }

        writer.WriteString("ReleaseName", release);
        writer.WriteString("Type", attended ? "Attended" : "Unattended");
        WriteNullableString(writer, "InputArguments", id % 4 == 0 ? null : "{\"Batch\":" + (id % 7).ToString(CultureInfo.InvariantCulture) + ",\"Invoice\":\"INV-" + (id % 100_000).ToString("00000", CultureInfo.InvariantCulture) + "\",\"DryRun\":false}");
        writer.WriteNull("InputFile");
        writer.WriteString("EnvironmentVariables", string.Empty);
        WriteNullableString(writer, "OutputArguments", state == "Successful" ? "{\"Booked\":" + random.Next(1, 40).ToString(CultureInfo.InvariantCulture) + ",\"Status\":\"OK\"}" : null);
        writer.WriteNull("OutputFile");
        WriteNullableString(writer, "HostMachineName", started is null ? null : machine);
        writer.WriteBoolean("HasMediaRecorded", id % 5 == 0);
        writer.WriteBoolean("HasVideoRecorded", false);
        writer.WriteNull("PersistenceId");
        writer.WriteNumber("ResumeVersion", (int)(id % 9));
        writer.WriteNull("StopStrategy");
        writer.WriteString("RuntimeType", attended ? "Attended" : "Unattended");
        writer.WriteBoolean("RequiresUserInteraction", attended);
        writer.WriteNumber("ReleaseVersionId", 30_000 + releaseIndex * 7);
        writer.WriteString("EntryPointPath", "Main.xaml");
        writer.WriteNumber("OrganizationUnitId", 10 + folderIndex);
        writer.WriteString("OrganizationUnitFullyQualifiedName", Folders[folderIndex]);
        writer.WriteString("Reference", string.Empty);
        writer.WriteString("ProcessType", "Process");
        writer.WriteNull("ProfilingOptions");
        writer.WriteBoolean("ResumeOnSameContext", false);
        writer.WriteString("LocalSystemAccount", string.Empty);
        writer.WriteNull("OrchestratorUserIdentity");
        writer.WriteString("RemoteControlAccess", "None");
        writer.WriteNull("StartingTriggerId");
        if (id % 6 == 0)
        {
            writer.WriteNull("MaxExpectedRunningTimeSeconds");
        }
        else
        {
            writer.WriteNumber("MaxExpectedRunningTimeSeconds", 600L * (id % 5 + 1));
        }

        writer.WriteNull("ServerlessJobType");
        writer.WriteNull("ParentJobKey");
        writer.WriteNull("ResumeTime");
        WriteTime(writer, "LastModificationTime", ended ?? started ?? created);
        if (state == "Faulted")
        {
            writer.WriteStartObject("JobError");
            // JobErrorDto spells its properties in camelCase, as ProblemDetails does.
            writer.WriteString("code", "Robot.ProcessFaulted");
            writer.WriteString("title", "The process faulted");
            writer.WriteString("detail", "System.Exception: Invoice 'INV-1' is malformed");
            writer.WriteString("category", "User");
            writer.WriteNumber("status", 500);
            WriteTime(writer, "timestamp", ended);
            writer.WriteEndObject();
            writer.WriteString("ErrorCode", "Robot");
        }
        else
        {
            writer.WriteNull("JobError");
            writer.WriteNull("ErrorCode");
        }

        writer.WriteNull("FpsProperties");
        writer.WriteString("TraceId", random.Next().ToString("x8", CultureInfo.InvariantCulture) + random.Next().ToString("x8", CultureInfo.InvariantCulture) + random.Next().ToString("x8", CultureInfo.InvariantCulture) + random.Next().ToString("x8", CultureInfo.InvariantCulture));
        writer.WriteNull("ParentSpanId");
        writer.WriteNull("RootSpanId");
        writer.WriteStartObject("AutopilotForRobots");
        writer.WriteBoolean("Enabled", false);
        writer.WriteBoolean("HealingEnabled", false);
        writer.WriteEndObject();
        writer.WriteNull("FpsContext");
        writer.WriteNumber("Id", id);
        writer.WriteEndObject();
    }

    private static void WriteRobot(Utf8JsonWriter writer, int robotIndex, string machine, bool attended)
    {
        writer.WriteStartObject("Robot");
        writer.WriteString("LicenseKey", string.Empty);
        writer.WriteString("MachineName", machine);
        writer.WriteNumber("MachineId", 200 + robotIndex % Machines.Length);
        writer.WriteString("Name", Robots[robotIndex]);
        writer.WriteString("Username", "svc_" + robotIndex.ToString(CultureInfo.InvariantCulture));
        writer.WriteNull("ExternalName");
        writer.WriteString("Description", "Unattended robot of the finance team");
        writer.WriteString("Type", attended ? "Attended" : "Unattended");
        writer.WriteString("HostingType", robotIndex % 2 == 0 ? "Standard" : "Floating");
        writer.WriteString("ProvisionType", "Manual");
        writer.WriteNull("Password");
        writer.WriteNull("CredentialStoreId");
        writer.WriteNull("UserId");
        writer.WriteBoolean("Enabled", true);
        writer.WriteString("CredentialType", "Default");
        writer.WriteString("RobotEnvironments", string.Empty);
        writer.WriteBoolean("IsExternalLicensed", false);
        writer.WriteBoolean("LimitConcurrentExecution", false);
        writer.WriteNumber("Id", 100 + robotIndex);
        writer.WriteEndObject();
    }

    private static void WriteRelease(Utf8JsonWriter writer, int releaseIndex, string name, int folderIndex)
    {
        writer.WriteStartObject("Release");
        writer.WriteString("Key", "3f1c5e1a-0000-4000-8000-00000000000" + releaseIndex.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("ProcessKey", name);
        writer.WriteString("ProcessVersion", "1.0." + (releaseIndex + 3).ToString(CultureInfo.InvariantCulture));
        writer.WriteBoolean("IsLatestVersion", true);
        writer.WriteBoolean("IsProcessDeleted", false);
        writer.WriteString("Description", "Deployed by the benchmark");
        writer.WriteString("Name", name);
        writer.WriteNumber("EntryPointId", 900 + releaseIndex);
        writer.WriteString("EntryPointPath", "Main.xaml");
        writer.WriteNull("InputArguments");
        writer.WriteNull("EnvironmentVariables");
        writer.WriteString("ProcessType", "Process");
        writer.WriteBoolean("SupportsMultipleEntryPoints", false);
        writer.WriteBoolean("RequiresUserInteraction", false);
        writer.WriteBoolean("IsAttended", false);
        writer.WriteBoolean("IsCompiled", true);
        writer.WriteString("JobPriority", "Normal");
        writer.WriteNumber("SpecificPriorityValue", 45);
        writer.WriteNumber("OrganizationUnitId", 10 + folderIndex);
        writer.WriteString("OrganizationUnitFullyQualifiedName", Folders[folderIndex]);
        writer.WriteString("TargetFramework", "Windows");
        writer.WriteString("RobotSize", "Standard");
        writer.WriteString("RemoteControlAccess", "None");
        writer.WriteNumber("Id", 500 + releaseIndex);
        writer.WriteEndObject();
    }

    private static void WriteGuid(Utf8JsonWriter writer, string name, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        writer.WriteString(name, new Guid(bytes));
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            // Orchestrator's spelling: milliseconds and Z.
            writer.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
