using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Querying;
using C = UiPathClients.EndToEnd.Tests.Orchestrator;
using E = UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.EndToEnd.Tests.Querying;

/// <summary>
/// The filter matrix: every construct of the typed filter builder, each paired with the LINQ predicate
/// it must mean over the emulator's seed. Oracles follow OData's null rules as ASP.NET Core OData applies
/// them: a comparison or function over a null value is false, and so is its negation when the negated
/// operand itself was null (hence the explicit null checks under <c>not</c>).
/// </summary>
public static class FilterMatrix
{
    public static IReadOnlyList<FilterCase> All { get; } = Build();

    public static FilterCase Find(string name) => All.Single(item => item.Name == name);

    private static List<FilterCase> Build()
    {
        var cases = new List<FilterCase>();
        AddJobComparisons(cases);
        AddJobStrings(cases);
        AddJobEnums(cases);
        AddJobDates(cases);
        AddJobGuidsAndBooleans(cases);
        AddJobArithmetic(cases);
        AddJobLogic(cases);
        AddJobPaths(cases);
        AddReleases(cases);
        AddQueueItems(cases);
        AddTenantSets(cases);
        return cases;
    }

    private static void AddJobComparisons(List<FilterCase> cases)
    {
        Job(cases, "id eq", (j, _) => j.Id == 7, (j, _) => j.Id == 7);
        Job(cases, "id ne", (j, _) => j.Id != 7, (j, _) => j.Id != 7);
        Job(cases, "id gt", (j, _) => j.Id > 60, (j, _) => j.Id > 60);
        Job(cases, "id ge", (j, _) => j.Id >= 60, (j, _) => j.Id >= 60);
        Job(cases, "id lt", (j, _) => j.Id < 20, (j, _) => j.Id < 20);
        Job(cases, "id le", (j, _) => j.Id <= 20, (j, _) => j.Id <= 20);
        Job(cases, "id in", (j, _) => j.Id.In(1, 2, 3, 50, 51, 999), (j, _) => new long[] { 1, 2, 3, 50, 51, 999 }.Contains(j.Id));
        Job(cases, "int eq", (j, c) => j.SpecificPriorityValue == c.JobPriorityValue(7), (j, c) => j.SpecificPriorityValue == c.JobPriorityValue(7));
        Job(cases, "int ne", (j, c) => j.SpecificPriorityValue != c.JobPriorityValue(7), (j, c) => j.SpecificPriorityValue != c.JobPriorityValue(7));
        Job(cases, "int gt", (j, _) => j.SpecificPriorityValue > 50, (j, _) => j.SpecificPriorityValue > 50);
        Job(cases, "int ge", (j, _) => j.SpecificPriorityValue >= 50, (j, _) => j.SpecificPriorityValue >= 50);
        Job(cases, "int lt", (j, _) => j.SpecificPriorityValue < 20, (j, _) => j.SpecificPriorityValue < 20);
        Job(cases, "int le", (j, _) => j.SpecificPriorityValue <= 20, (j, _) => j.SpecificPriorityValue <= 20);
        Job(cases, "int in", (j, _) => j.ResumeVersion.In(1, 2, 3), (j, _) => j.ResumeVersion is 1 or 2 or 3);
        Job(cases, "int64 eq", (j, _) => j.MaxExpectedRunningTimeSeconds == 1200L, (j, _) => j.MaxExpectedRunningTimeSeconds == 1200L);
        Job(cases, "int64 gt", (j, _) => j.MaxExpectedRunningTimeSeconds > 1200L, (j, _) => j.MaxExpectedRunningTimeSeconds > 1200L);
        Job(cases, "int64 le", (j, _) => j.MaxExpectedRunningTimeSeconds <= 1200L, (j, _) => j.MaxExpectedRunningTimeSeconds <= 1200L);
        Job(cases, "int64 eq null", (j, _) => j.MaxExpectedRunningTimeSeconds == null, (j, _) => j.MaxExpectedRunningTimeSeconds == null);
        Job(cases, "int64 ne null", (j, _) => j.MaxExpectedRunningTimeSeconds != null, (j, _) => j.MaxExpectedRunningTimeSeconds != null);
        Job(cases, "property gt property", (j, _) => j.SpecificPriorityValue > j.ResumeVersion, (j, _) => j.SpecificPriorityValue > j.ResumeVersion);
        Job(cases, "property le property", (j, _) => j.SpecificPriorityValue <= j.ResumeVersion, (j, _) => j.SpecificPriorityValue <= j.ResumeVersion);
    }

    private static void AddJobStrings(List<FilterCase> cases)
    {
        Job(cases, "string eq", (j, _) => j.ReleaseName == "DataSync", (j, _) => j.ReleaseName == "DataSync");
        Job(cases, "string ne", (j, _) => j.ReleaseName != "DataSync", (j, _) => j.ReleaseName != "DataSync");
        Job(cases, "string gt", (j, _) => j.ReleaseName > "E", (j, _) => Ordinal(j.ReleaseName, "E") > 0);
        Job(cases, "string ge", (j, _) => j.ReleaseName >= "InvoiceProcessing", (j, _) => Ordinal(j.ReleaseName, "InvoiceProcessing") >= 0);
        Job(cases, "string lt", (j, _) => j.ReleaseName < "J", (j, _) => Ordinal(j.ReleaseName, "J") < 0);
        Job(cases, "string le", (j, _) => j.ReleaseName <= "DataSync", (j, _) => Ordinal(j.ReleaseName, "DataSync") <= 0);
        Job(cases, "string eq null", (j, _) => j.Info == null, (j, _) => j.Info == null);
        Job(cases, "string ne null", (j, _) => j.Info != null, (j, _) => j.Info != null);
        Job(cases, "string eq with quote", (j, _) => j.Info == "Stopped by user O'Brien", (j, _) => j.Info == "Stopped by user O'Brien");
        Job(cases, "string eq with URL characters", (j, _) => j.Info == "Retry 50% & continue #2 (a+b)?", (j, _) => j.Info == "Retry 50% & continue #2 (a+b)?");
        Job(cases, "string eq unicode", (j, _) => j.Info == "Données synchronisées", (j, _) => j.Info == "Données synchronisées");
        Job(cases, "string eq with colon and space", (j, _) => j.Source == "Queue: Invoices", (j, _) => j.Source == "Queue: Invoices");
        Job(cases, "string in", (j, _) => j.ReleaseName.In("DataSync", "ReportGenerator", "O'Hara"), (j, _) => j.ReleaseName is "DataSync" or "ReportGenerator");
        Job(cases, "contains", (j, _) => j.Info.Contains("Invoice"), (j, _) => Has(j.Info, s => s.Contains("Invoice", StringComparison.Ordinal)));
        Job(cases, "contains quote", (j, _) => j.Info.Contains("'"), (j, _) => Has(j.Info, s => s.Contains('\'', StringComparison.Ordinal)));
        Job(cases, "contains percent and ampersand", (j, _) => j.Info.Contains("50% &"), (j, _) => Has(j.Info, s => s.Contains("50% &", StringComparison.Ordinal)));
        Job(cases, "contains unicode", (j, _) => j.Info.Contains("é"), (j, _) => Has(j.Info, s => s.Contains('é', StringComparison.Ordinal)));
        Job(cases, "contains JSON quotes", (j, _) => j.InputArguments.Contains("\"Batch\":3"), (j, _) => Has(j.InputArguments, s => s.Contains("\"Batch\":3", StringComparison.Ordinal)));
        Job(cases, "startswith", (j, _) => j.Info.StartsWith("Job"), (j, _) => Has(j.Info, s => s.StartsWith("Job", StringComparison.Ordinal)));
        Job(cases, "endswith", (j, _) => j.Info.EndsWith("warnings"), (j, _) => Has(j.Info, s => s.EndsWith("warnings", StringComparison.Ordinal)));
        Job(cases, "not startswith", (j, _) => !j.Info.StartsWith("Job") & j.Info != null, (j, _) => Has(j.Info, s => !s.StartsWith("Job", StringComparison.Ordinal)));
        Job(cases, "tolower", (j, _) => j.ReleaseName.ToLower() == "datasync", (j, _) => Has(j.ReleaseName, s => s.ToLowerInvariant() == "datasync"));
        Job(cases, "toupper", (j, _) => j.ReleaseName.ToUpper() == "REPORTGENERATOR", (j, _) => Has(j.ReleaseName, s => s.ToUpperInvariant() == "REPORTGENERATOR"));
        Job(cases, "toupper unicode", (j, _) => j.Info.ToUpper() == "DONNÉES SYNCHRONISÉES", (j, _) => Has(j.Info, s => s.ToUpperInvariant() == "DONNÉES SYNCHRONISÉES"));
        Job(cases, "trim", (j, _) => j.Source.Trim() == "Manual", (j, _) => Has(j.Source, s => s.Trim() == "Manual"));
        Job(cases, "length eq", (j, _) => j.ReleaseName.Length == 8, (j, _) => Has(j.ReleaseName, s => s.Length == 8));
        Job(cases, "length gt", (j, _) => j.Info.Length > 15, (j, _) => Has(j.Info, s => s.Length > 15));
        Job(cases, "indexof", (j, _) => j.Info.IndexOf("completed") == 4, (j, _) => Has(j.Info, s => s.IndexOf("completed", StringComparison.Ordinal) == 4));
        Job(cases, "indexof not found", (j, _) => j.Info.IndexOf("Invoice") == -1, (j, _) => Has(j.Info, s => !s.Contains("Invoice", StringComparison.Ordinal)));
        Job(cases, "substring from", (j, _) => j.ReleaseName.Substring(4) == "Sync", (j, _) => Has(j.ReleaseName, s => s.Length >= 4 && s[4..] == "Sync"));
        Job(cases, "substring from length", (j, _) => j.ReleaseName.Substring(0, 4) == "Data", (j, _) => Has(j.ReleaseName, s => s.StartsWith("Data", StringComparison.Ordinal)));
        Job(cases, "concat", (j, _) => j.ReleaseName.Concat("-x") == "DataSync-x", (j, _) => j.ReleaseName == "DataSync");
        Job(cases, "nested string functions", (j, _) => j.ReleaseName.ToLower().Substring(2, 4) == "tasy", (j, _) => Has(j.ReleaseName, s => s.Length >= 6 && s.ToLowerInvariant().Substring(2, 4) == "tasy"));
        Job(cases, "string property eq property", (j, _) => j.ReleaseName.EqualTo(j.Release.Name), (j, _) => j.ReleaseName == j.Release?.Name);
        Job(cases, "string property ne property", (j, _) => j.ReleaseName.NotEqualTo(j.Source), (j, _) => j.ReleaseName != j.Source);
        Job(cases, "contains and tolower", (j, _) => j.Info.ToLower().Contains("job"), (j, _) => Has(j.Info, s => s.ToLowerInvariant().Contains("job", StringComparison.Ordinal)));
    }

    private static void AddJobEnums(List<FilterCase> cases)
    {
        Job(cases, "enum eq", (j, _) => j.State == C.JobState.Faulted, (j, _) => j.State == E.JobState.Faulted);
        Job(cases, "enum ne", (j, _) => j.State != C.JobState.Successful, (j, _) => j.State != E.JobState.Successful);
        Job(cases, "enum in", (j, _) => j.State.In(C.JobState.Faulted, C.JobState.Stopped), (j, _) => j.State is E.JobState.Faulted or E.JobState.Stopped);
        Job(cases, "enum eq second type", (j, _) => j.JobPriority == C.JobPriority.High, (j, _) => j.JobPriority == E.JobPriority.High);
        Job(cases, "enum eq third type", (j, _) => j.Type == C.JobType.Attended, (j, _) => j.Type == E.JobType.Attended);
        Job(cases, "enum eq fourth type", (j, _) => j.SourceType == C.JobSourceType.Schedule, (j, _) => j.SourceType == E.JobSourceType.Schedule);
        Job(cases, "enum eq null", (j, _) => j.StopStrategy == null, (j, _) => j.StopStrategy == null);
        Job(cases, "enum in complex value", (j, _) => j.Robot.Type == C.RobotType.Development, (j, _) => j.Robot?.Type == E.RobotType.Development);
        Job(cases, "enum ne in complex value", (j, _) => j.Robot.HostingType != C.RobotHostingType.Floating, (j, _) => j.Robot is not null && j.Robot.HostingType != E.RobotHostingType.Floating);
        Job(cases, "enum or enum", (j, _) => j.State == C.JobState.Running | j.State == C.JobState.Pending, (j, _) => j.State is E.JobState.Running or E.JobState.Pending);
        Job(cases, "not enum in", (j, _) => !j.State.In(C.JobState.Successful, C.JobState.Faulted), (j, _) => j.State is not (E.JobState.Successful or E.JobState.Faulted));
    }

    private static void AddJobDates(List<FilterCase> cases)
    {
        Job(cases, "datetimeoffset ge", (j, c) => j.CreationTime >= c.Start.AddHours(-1), (j, c) => j.CreationTime >= c.Start.AddHours(-1));
        Job(cases, "datetimeoffset lt", (j, c) => j.CreationTime < c.Start.AddDays(-1), (j, c) => j.CreationTime < c.Start.AddDays(-1));
        Job(cases, "datetimeoffset gt", (j, c) => j.CreationTime > c.Start.AddMinutes(-30), (j, c) => j.CreationTime > c.Start.AddMinutes(-30));
        Job(cases, "datetimeoffset le", (j, c) => j.CreationTime <= c.Start.AddHours(-36), (j, c) => j.CreationTime <= c.Start.AddHours(-36));
        Job(cases, "datetimeoffset range", (j, c) => j.CreationTime > c.Start.AddHours(-12) & j.CreationTime <= c.Start.AddHours(-2), (j, c) => j.CreationTime > c.Start.AddHours(-12) && j.CreationTime <= c.Start.AddHours(-2));
        Job(cases, "datetimeoffset with positive offset", (j, c) => j.CreationTime >= c.Start.ToOffset(TimeSpan.FromHours(5.5)).AddHours(-3), (j, c) => j.CreationTime >= c.Start.AddHours(-3));
        Job(cases, "datetimeoffset with negative offset", (j, c) => j.CreationTime < c.Start.ToOffset(TimeSpan.FromHours(-8)).AddHours(-20), (j, c) => j.CreationTime < c.Start.AddHours(-20));
        Job(cases, "datetimeoffset with fraction", (j, c) => j.CreationTime < c.Start.AddMilliseconds(-1234567.891), (j, c) => j.CreationTime < c.Start.AddMilliseconds(-1234567.891));
        Job(cases, "datetimeoffset eq null", (j, _) => j.EndTime == null, (j, _) => j.EndTime == null);
        Job(cases, "datetimeoffset ne null", (j, _) => j.EndTime != null, (j, _) => j.EndTime != null);
        Job(cases, "datetimeoffset property gt property", (j, _) => j.EndTime > j.StartTime, (j, _) => j.EndTime > j.StartTime);
        Job(cases, "year", (j, _) => j.CreationTime.Year == 2026, (j, _) => j.CreationTime?.Year == 2026);
        Job(cases, "month", (j, _) => j.CreationTime.Month == 1, (j, _) => j.CreationTime?.Month == 1);
        Job(cases, "day", (j, _) => j.CreationTime.Day == 14, (j, _) => j.CreationTime?.Day == 14);
        Job(cases, "hour", (j, _) => j.CreationTime.Hour >= 12, (j, _) => j.CreationTime?.Hour >= 12);
        Job(cases, "minute", (j, _) => j.CreationTime.Minute < 30, (j, _) => j.CreationTime?.Minute < 30);
        Job(cases, "second", (j, _) => j.CreationTime.Second < 10, (j, _) => j.CreationTime?.Second < 10);
        Job(cases, "date", (j, _) => j.CreationTime.Date == new DateOnly(2026, 1, 14), (j, _) => j.CreationTime is { } t && DateOnly.FromDateTime(t.DateTime) == new DateOnly(2026, 1, 14));
        Job(cases, "date ge", (j, _) => j.CreationTime.Date >= new DateOnly(2026, 1, 15), (j, _) => j.CreationTime is { } t && DateOnly.FromDateTime(t.DateTime) >= new DateOnly(2026, 1, 15));
        Job(cases, "time", (j, _) => j.CreationTime.Time < new TimeOnly(6, 0), (j, _) => j.CreationTime is { } t && TimeOnly.FromTimeSpan(t.TimeOfDay) < new TimeOnly(6, 0));
        Job(cases, "time with seconds", (j, _) => j.EndTime.Time >= new TimeOnly(18, 30, 15), (j, _) => j.EndTime is { } t && TimeOnly.FromTimeSpan(t.TimeOfDay) >= new TimeOnly(18, 30, 15));
        Job(cases, "now", (j, _) => j.CreationTime < DateTimeOffsetOperand.Now, (j, _) => j.CreationTime < DateTimeOffset.UtcNow);
        Job(cases, "year of end time", (j, _) => j.EndTime.Year == 2026 & j.State == C.JobState.Faulted, (j, _) => j.EndTime?.Year == 2026 && j.State == E.JobState.Faulted);
    }

    private static void AddJobGuidsAndBooleans(List<FilterCase> cases)
    {
        Job(cases, "guid eq", (j, c) => j.Key == c.JobKey(7), (j, c) => j.Key == c.JobKey(7));
        Job(cases, "guid ne", (j, c) => j.Key != c.JobKey(7), (j, c) => j.Key != c.JobKey(7));
        Job(cases, "guid in", (j, c) => j.Key.In(c.JobKey(1), c.JobKey(2), c.JobKey(3)), (j, c) => j.Key == c.JobKey(1) || j.Key == c.JobKey(2) || j.Key == c.JobKey(3));
        Job(cases, "guid eq null", (j, _) => j.BatchExecutionKey == null, (j, _) => j.BatchExecutionKey == null);
        Job(cases, "boolean property", (j, _) => j.HasMediaRecorded, (j, _) => j.HasMediaRecorded == true);
        Job(cases, "not boolean property", (j, _) => !j.HasMediaRecorded, (j, _) => j.HasMediaRecorded == false);
        Job(cases, "boolean eq false", (j, _) => j.HasMediaRecorded == false, (j, _) => j.HasMediaRecorded == false);
        Job(cases, "boolean eq true and enum", (j, _) => j.HasMediaRecorded == true & j.State == C.JobState.Successful, (j, _) => j.HasMediaRecorded == true && j.State == E.JobState.Successful);
        Job(cases, "boolean ne true", (j, _) => j.HasMediaRecorded != true, (j, _) => j.HasMediaRecorded != true);
        Job(cases, "boolean eq null", (j, _) => j.HasVideoRecorded == null, (j, _) => j.HasVideoRecorded == null);
    }

    private static void AddJobArithmetic(List<FilterCase> cases)
    {
        Job(cases, "add", (j, _) => j.SpecificPriorityValue + 10 > 80, (j, _) => j.SpecificPriorityValue + 10 > 80);
        Job(cases, "sub", (j, _) => j.SpecificPriorityValue - 10 < 0, (j, _) => j.SpecificPriorityValue - 10 < 0);
        Job(cases, "mul", (j, _) => j.SpecificPriorityValue * 2 >= 100, (j, _) => j.SpecificPriorityValue * 2 >= 100);
        Job(cases, "div", (j, _) => j.SpecificPriorityValue / 10 == 3, (j, _) => j.SpecificPriorityValue / 10 == 3);
        Job(cases, "mod", (j, _) => j.SpecificPriorityValue % 2 == 0, (j, _) => j.SpecificPriorityValue % 2 == 0);
        Job(cases, "mod on key", (j, _) => j.Id % 3 == 1, (j, _) => j.Id % 3 == 1);
        Job(cases, "int64 div", (j, _) => j.MaxExpectedRunningTimeSeconds / 600L == 2L, (j, _) => j.MaxExpectedRunningTimeSeconds / 600L == 2L);
        Job(cases, "chained arithmetic", (j, _) => (j.SpecificPriorityValue * 3 + 1) % 7 == 0, (j, _) => (j.SpecificPriorityValue * 3 + 1) % 7 == 0);
        Job(cases, "arithmetic methods", (j, _) => j.Id.Multiply(2).Subtract(1).Add(3).Divide(2).Mod(5) == 1L, (j, _) => (j.Id * 2 - 1 + 3) / 2 % 5 == 1);
        Job(cases, "arithmetic on length", (j, _) => j.ReleaseName.Length.Add(1) > 14, (j, _) => j.ReleaseName is { } s && s.Length + 1 > 14);
    }

    private static void AddJobLogic(List<FilterCase> cases)
    {
        Job(cases, "and", (j, _) => j.State == C.JobState.Successful & j.HasMediaRecorded, (j, _) => j.State == E.JobState.Successful && j.HasMediaRecorded == true);
        Job(cases, "or", (j, _) => j.State == C.JobState.Faulted | j.State == C.JobState.Stopped, (j, _) => j.State is E.JobState.Faulted or E.JobState.Stopped);
        Job(cases, "not", (j, _) => !(j.State == C.JobState.Successful), (j, _) => j.State != E.JobState.Successful);
        Job(cases, "not and", (j, _) => !(j.State == C.JobState.Successful & j.ReleaseName == "DataSync"), (j, _) => !(j.State == E.JobState.Successful && j.ReleaseName == "DataSync"));
        Job(cases, "not or", (j, _) => !(j.State == C.JobState.Successful | j.ReleaseName == "DataSync"), (j, _) => !(j.State == E.JobState.Successful || j.ReleaseName == "DataSync"));
        Job(cases, "and binds tighter than or", (j, _) => j.State == C.JobState.Running & j.HasMediaRecorded | j.Info == null, (j, _) => (j.State == E.JobState.Running && j.HasMediaRecorded == true) || j.Info == null);
        Job(cases, "or grouped before and", (j, _) => (j.State == C.JobState.Running | j.State == C.JobState.Pending) & j.ReleaseName == "DataSync", (j, _) => j.State is E.JobState.Running or E.JobState.Pending && j.ReleaseName == "DataSync");
        Job(cases, "issue example", (j, _) => j.State == C.JobState.Faulted & j.ReleaseName.StartsWith("Invoice") | !(j.EndTime == null), (j, _) => (j.State == E.JobState.Faulted && Has(j.ReleaseName, s => s.StartsWith("Invoice", StringComparison.Ordinal))) || j.EndTime != null);
        Job(cases, "double negation", (j, _) => !!(j.State == C.JobState.Faulted), (j, _) => j.State == E.JobState.Faulted);
        Job(cases, "three way and", (j, c) => j.State == C.JobState.Successful & j.CreationTime >= c.Start.AddDays(-1) & j.SpecificPriorityValue > 30, (j, c) => j.State == E.JobState.Successful && j.CreationTime >= c.Start.AddDays(-1) && j.SpecificPriorityValue > 30);
        Job(cases, "three way or", (j, _) => j.Id == 1 | j.Id == 2 | j.ReleaseName == "ReportGenerator", (j, _) => j.Id is 1 or 2 || j.ReleaseName == "ReportGenerator");
        Job(cases, "short-circuit operators", (j, _) => j.State == C.JobState.Faulted && j.HasMediaRecorded || j.Id == 3, (j, _) => (j.State == E.JobState.Faulted && j.HasMediaRecorded == true) || j.Id == 3);
        Job(cases, "deeply nested", (j, _) => !((j.Id < 10 | j.Id > 100) & !(j.Info.Contains("Job") | j.Info == null)), (j, _) => !((j.Id < 10 || j.Id > 100) && j.Info is not null && !j.Info.Contains("Job", StringComparison.Ordinal)));
        Job(cases, "raw", (j, _) => Filter.Raw("Id le 10"), (j, _) => j.Id <= 10);
        Job(cases, "raw and typed", (j, _) => Filter.Raw("contains(ReleaseName,'Sync')") & j.State == C.JobState.Successful, (j, _) => Has(j.ReleaseName, s => s.Contains("Sync", StringComparison.Ordinal)) && j.State == E.JobState.Successful);
        Job(cases, "raw or typed", (j, _) => j.Id == 1 | Filter.Raw("State eq 'Stopped'"), (j, _) => j.Id == 1 || j.State == E.JobState.Stopped);
        Job(cases, "not raw", (j, _) => !Filter.Raw("HasMediaRecorded eq true"), (j, _) => j.HasMediaRecorded != true);
    }

    private static void AddJobPaths(List<FilterCase> cases)
    {
        Job(cases, "complex property", (j, _) => j.Robot.Name == "bot-invoices", (j, _) => j.Robot?.Name == "bot-invoices");
        Job(cases, "complex property with quote", (j, _) => j.Robot.Name == "bot-o'neil", (j, _) => j.Robot?.Name == "bot-o'neil");
        Job(cases, "complex value eq null", (j, _) => j.Robot == null, (j, _) => j.Robot == null);
        Job(cases, "complex value ne null", (j, _) => j.Robot != null, (j, _) => j.Robot != null);
        Job(cases, "complex property function", (j, _) => j.Robot.Username.Contains("svc"), (j, _) => Has(j.Robot?.Username, s => s.Contains("svc", StringComparison.Ordinal)));
        Job(cases, "complex property in", (j, _) => j.Robot.MachineName.In("VM-TEST-02"), (j, _) => j.Robot?.MachineName == "VM-TEST-02");
        Job(cases, "second complex value", (j, _) => j.Release.ProcessKey == "DataSync", (j, _) => j.Release?.ProcessKey == "DataSync");
        Job(cases, "second complex value startswith", (j, _) => j.Release.ProcessVersion.StartsWith("2."), (j, _) => Has(j.Release?.ProcessVersion, s => s.StartsWith("2.", StringComparison.Ordinal)));
        Job(cases, "navigation property", (j, _) => j.Machine.Name == "VM-PROD-01", (j, _) => j.Machine?.Name == "VM-PROD-01");
        Job(cases, "navigation number", (j, _) => j.Machine.UnattendedSlots > 2, (j, _) => j.Machine?.UnattendedSlots > 2);
        Job(cases, "navigation enum", (j, _) => j.Machine.Type == C.MachineType.Standard, (j, _) => j.Machine?.Type == E.MachineType.Standard);
        Job(cases, "navigation guid", (j, _) => j.Machine.Key == new Guid("7d1f6f8e-2b44-4b0b-8d0e-5a1c2b3d4e02"), (j, _) => j.Machine?.Key == new Guid("7d1f6f8e-2b44-4b0b-8d0e-5a1c2b3d4e02"));
        Job(cases, "navigation eq null", (j, _) => j.Machine == null, (j, _) => j.Machine == null);
        Job(cases, "navigation and complex", (j, _) => j.Machine.Name == "VM-PROD-01" & j.Robot.Name != "bot-reports", (j, _) => j.Machine?.Name == "VM-PROD-01" && j.Robot is not null && j.Robot.Name != "bot-reports");
        Job(cases, "isof navigation", (j, _) => j.Machine.IsExtendedMachineDto(), (j, _) => j.Machine is E.ExtendedMachineDto);
        Job(cases, "isof other derived type", (j, _) => j.Machine.IsCloudTemplateDto(), (j, _) => j.Machine is E.CloudTemplateDto);
        Job(cases, "cast navigation", (j, _) => j.Machine.AsExtendedMachineDto().Name == "VM-TEST-02", (j, _) => (j.Machine as E.ExtendedMachineDto)?.Name == "VM-TEST-02");
        Job(cases, "cast and isof", (j, _) => j.Machine.IsExtendedMachineDto() & j.Machine.AsExtendedMachineDto().UnattendedSlots >= 4, (j, _) => j.Machine is E.ExtendedMachineDto { UnattendedSlots: >= 4 });
    }

    private static void AddReleases(List<FilterCase> cases)
    {
        Release(cases, "release any", (r, _) => r.Tags.Any(), (r, _) => r.Tags.Count > 0);
        Release(cases, "release not any", (r, _) => !r.Tags.Any(), (r, _) => r.Tags.Count == 0);
        Release(cases, "release any with predicate", (r, _) => r.Tags.Any(t => t.Name == "Team"), (r, _) => r.Tags.Any(t => t.Name == "Team"));
        Release(cases, "release any with value", (r, _) => r.Tags.Any(t => t.Value == "Finance"), (r, _) => r.Tags.Any(t => t.Value == "Finance"));
        Release(cases, "release any with and", (r, _) => r.Tags.Any(t => t.Name == "Tier" & t.Value == "Gold"), (r, _) => r.Tags.Any(t => t.Name == "Tier" && t.Value == "Gold"));
        Release(cases, "release any with function", (r, _) => r.Tags.Any(t => t.Value.StartsWith("Rep")), (r, _) => r.Tags.Any(t => Has(t.Value, s => s.StartsWith("Rep", StringComparison.Ordinal))));
        Release(cases, "release all", (r, _) => r.Tags.All(t => t.Name == "Team"), (r, _) => r.Tags.All(t => t.Name == "Team"));
        Release(cases, "release all with or", (r, _) => r.Tags.All(t => t.Name == "Team" | t.Name == "Tier"), (r, _) => r.Tags.All(t => t.Name is "Team" or "Tier"));
        Release(cases, "release any or property", (r, _) => r.Name == "DataSync" | r.Tags.Any(t => t.Value == "Reporting"), (r, _) => r.Name == "DataSync" || r.Tags.Any(t => t.Value == "Reporting"));
        Release(cases, "release any and all", (r, _) => r.Tags.Any() & r.Tags.All(t => t.Value != "Gold"), (r, _) => r.Tags.Count > 0 && r.Tags.All(t => t.Value != "Gold"));
        Release(cases, "release not all", (r, _) => !r.Tags.All(t => t.Name == "Team"), (r, _) => !r.Tags.All(t => t.Name == "Team"));
        Release(cases, "release lambda uses outer property", (r, _) => r.Tags.Any(t => t.Name == "Team") & r.ProcessKey != "DataSync", (r, _) => r.Tags.Any(t => t.Name == "Team") && r.ProcessKey != "DataSync");
        Release(cases, "release empty collection any", (r, _) => r.ReleaseVersions.Any(), (r, _) => r.ReleaseVersions.Count > 0);
        Release(cases, "release description null", (r, _) => r.Description == null, (r, _) => r.Description == null);
        Release(cases, "release string key eq", (r, _) => r.Key == "68060e58-0ebd-35aa-ba9a-71085ced9f33", (r, _) => r.Key == "68060e58-0ebd-35aa-ba9a-71085ced9f33");
        Release(cases, "release version gt", (r, _) => r.ProcessVersion > "1.0.0", (r, _) => Ordinal(r.ProcessVersion, "1.0.0") > 0);
        Release(cases, "release folder key", (r, c) => r.FolderKey == c.FolderKey("Shared"), (r, c) => r.FolderKey == c.FolderKey("Shared"));
        Release(cases, "release boolean", (r, _) => r.IsLatestVersion & !r.IsProcessDeleted, (r, _) => r.IsLatestVersion == true && r.IsProcessDeleted == false);
        Release(cases, "release created before", (r, c) => r.CreationTime < c.Start.AddDays(-13), (r, c) => r.CreationTime < c.Start.AddDays(-13));
        Release(cases, "release entry point", (r, _) => r.EntryPointPath.EndsWith(".xaml"), (r, _) => Has(r.EntryPointPath, s => s.EndsWith(".xaml", StringComparison.Ordinal)));
    }

    private static void AddQueueItems(List<FilterCase> cases)
    {
        QueueItem(cases, "queue item status", (q, _) => q.Status == C.QueueItemStatus.Failed, (q, _) => q.Status == E.QueueItemStatus.Failed);
        QueueItem(cases, "queue item status in", (q, _) => q.Status.In(C.QueueItemStatus.New, C.QueueItemStatus.InProgress), (q, _) => q.Status is E.QueueItemStatus.New or E.QueueItemStatus.InProgress);
        QueueItem(cases, "queue item priority", (q, _) => q.Priority == C.QueueItemPriority.High, (q, _) => q.Priority == E.QueueItemPriority.High);
        QueueItem(cases, "queue item reference", (q, _) => q.Reference == "INV-00001", (q, _) => q.Reference == "INV-00001");
        QueueItem(cases, "queue item reference prefix", (q, _) => q.Reference.StartsWith("INV-001"), (q, _) => Has(q.Reference, s => s.StartsWith("INV-001", StringComparison.Ordinal)));
        QueueItem(cases, "queue item reference range", (q, _) => q.Reference >= "INV-02000" & q.Reference < "INV-02100", (q, _) => Ordinal(q.Reference, "INV-02000") >= 0 && Ordinal(q.Reference, "INV-02100") < 0);
        QueueItem(cases, "queue item due date null", (q, _) => q.DueDate == null, (q, _) => q.DueDate == null);
        QueueItem(cases, "queue item due after", (q, c) => q.DueDate > c.Start.AddDays(5), (q, c) => q.DueDate > c.Start.AddDays(5));
        QueueItem(cases, "queue item retried", (q, _) => q.RetryNumber > 0, (q, _) => q.RetryNumber > 0);
        QueueItem(cases, "queue item queue id", (q, _) => q.QueueDefinitionId == 1L & q.Priority == C.QueueItemPriority.Normal, (q, _) => q.QueueDefinitionId == 1L && q.Priority == E.QueueItemPriority.Normal);
        QueueItem(cases, "queue item progress", (q, _) => q.Progress == "Validated" & q.Status != C.QueueItemStatus.Successful, (q, _) => q.Progress == "Validated" && q.Status != E.QueueItemStatus.Successful);
        QueueItem(cases, "queue item specific data", (q, _) => q.SpecificData.Contains("\"Amount\":150"), (q, _) => Has(q.SpecificData, s => s.Contains("\"Amount\":150", StringComparison.Ordinal)));
        QueueItem(cases, "queue item created in last ten minutes", (q, c) => q.CreationTime >= c.Start.AddMinutes(-10), (q, c) => q.CreationTime >= c.Start.AddMinutes(-10));
        QueueItem(cases, "queue item created day", (q, _) => q.CreationTime.Day == 13 & q.CreationTime.Hour < 3, (q, _) => q.CreationTime?.Day == 13 && q.CreationTime?.Hour < 3);
        QueueItem(cases, "queue item mod", (q, _) => q.Id % 100 == 1, (q, _) => q.Id % 100 == 1);
        QueueItem(cases, "queue item length", (q, _) => q.Reference.Length == 9 & q.Priority == C.QueueItemPriority.Low, (q, _) => Has(q.Reference, s => s.Length == 9) && q.Priority == E.QueueItemPriority.Low);
        QueueItem(cases, "queue item substring", (q, _) => q.Reference.Substring(4, 2) == "05", (q, _) => Has(q.Reference, s => s.Length >= 6 && s.Substring(4, 2) == "05"));
        QueueItem(cases, "queue item unique key", (q, _) => q.UniqueKey != null & q.Status == C.QueueItemStatus.Abandoned, (q, _) => q.UniqueKey != null && q.Status == E.QueueItemStatus.Abandoned);
    }

    private static void AddTenantSets(List<FilterCase> cases)
    {
        Webhook(cases, "webhook events any", (w, _) => w.Events.Any(e => e.EventType == "job.faulted"), (w, _) => w.Events.Any(e => e.EventType == "job.faulted"));
        Webhook(cases, "webhook events all", (w, _) => w.Events.All(e => e.EventType.StartsWith("job")), (w, _) => w.Events.All(e => Has(e.EventType, s => s.StartsWith("job", StringComparison.Ordinal))));
        Webhook(cases, "webhook events any function", (w, _) => w.Events.Any(e => e.EventType.Contains("Failed")), (w, _) => w.Events.Any(e => Has(e.EventType, s => s.Contains("Failed", StringComparison.Ordinal))));
        Webhook(cases, "webhook enabled", (w, _) => w.Enabled, (w, _) => w.Enabled);
        Webhook(cases, "webhook all events flag", (w, _) => w.SubscribeToAllEvents == true, (w, _) => w.SubscribeToAllEvents);
        Webhook(cases, "webhook url", (w, _) => w.Url.Contains("audit"), (w, _) => Has(w.Url, s => s.Contains("audit", StringComparison.Ordinal)));
        Robot(cases, "robot name", (r, _) => r.Name == "bot-reports", (r, _) => r.Name == "bot-reports");
        Robot(cases, "robot username with quote", (r, _) => r.Username == "o'neil", (r, _) => r.Username == "o'neil");
        Robot(cases, "robot enabled", (r, _) => r.Enabled == true, (r, _) => r.Enabled == true);
        Robot(cases, "robot type", (r, _) => r.Type == C.RobotType.Unattended, (r, _) => r.Type == E.RobotType.Unattended);
        Robot(cases, "robot hosting type", (r, _) => r.HostingType == C.RobotHostingType.Floating, (r, _) => r.HostingType == E.RobotHostingType.Floating);
        Robot(cases, "robot created", (r, c) => r.CreationTime < c.Start.AddDays(-30), (r, c) => r.CreationTime < c.Start.AddDays(-30));
        Robot(cases, "robot machine id", (r, _) => r.MachineId == 2L, (r, _) => r.MachineId == 2L);
        Machine(cases, "machine type", (m, _) => m.Type == C.MachineType.Template, (m, _) => m.Type == E.MachineType.Template);
        Machine(cases, "machine slots", (m, _) => m.UnattendedSlots >= 2, (m, _) => m.UnattendedSlots >= 2);
        Machine(cases, "machine description", (m, _) => m.Description.ToLower().Contains("test"), (m, _) => Has(m.Description, s => s.ToLowerInvariant().Contains("test", StringComparison.Ordinal)));
        Machine(cases, "machine isof", (m, _) => m.IsOf("UiPath.Server.Configuration.OData.ExtendedMachineDto"), (m, _) => m is not null);
        Folder(cases, "folder unicode path", (f, _) => f.FullyQualifiedName == "Équipe Données", (f, _) => f.FullyQualifiedName == "Équipe Données");
        Folder(cases, "folder root", (f, _) => f.ParentId == null, (f, _) => f.ParentId == null);
        Folder(cases, "folder parent", (f, c) => f.ParentId == c.FolderId("Finance"), (f, c) => f.ParentId == c.FolderId("Finance"));
        Folder(cases, "folder path prefix", (f, _) => f.FullyQualifiedName.StartsWith("Finance"), (f, _) => Has(f.FullyQualifiedName, s => s.StartsWith("Finance", StringComparison.Ordinal)));
        Folder(cases, "folder display name", (f, _) => f.DisplayName == "Invoices", (f, _) => f.DisplayName == "Invoices");
        Folder(cases, "folder key", (f, c) => f.Key == c.FolderKey("Finance/Invoices"), (f, c) => f.Key == c.FolderKey("Finance/Invoices"));
        Folder(cases, "folder type", (f, _) => f.FolderType == C.FolderType.Standard & f.PermissionModel == C.FolderPermissionModel.FineGrained, (f, _) => f.FolderType == E.FolderType.Standard && f.PermissionModel == E.FolderPermissionModel.FineGrained);
        Folder(cases, "folder path has space", (f, _) => f.FullyQualifiedName.IndexOf(" ") > 0, (f, _) => Has(f.FullyQualifiedName, s => s.IndexOf(' ', StringComparison.Ordinal) > 0));
        Process(cases, "process string key", (p, _) => p.Id == "DataSync", (p, _) => p.Id == "DataSync");
        Process(cases, "process title", (p, _) => p.Title.ToLower().Contains("report"), (p, _) => Has(p.Title, s => s.ToLowerInvariant().Contains("report", StringComparison.Ordinal)));
        Process(cases, "process version", (p, _) => p.Version >= "2", (p, _) => Ordinal(p.Version, "2") >= 0);
        Process(cases, "process active and published", (p, c) => p.IsActive & p.Published < c.Start, (p, c) => p.IsActive == true && p.Published < c.Start);
        Process(cases, "process key contains colon", (p, _) => p.Key.Contains(":1.0"), (p, _) => Has(p.Key, s => s.Contains(":1.0", StringComparison.Ordinal)));
    }

    private static bool Has(string? value, Func<string, bool> predicate) => value is not null && predicate(value);

    private static int Ordinal(string? left, string right) => left is null ? -1 : string.CompareOrdinal(left, right) < 0 ? -1 : string.CompareOrdinal(left, right) > 0 ? 1 : 0;

    private static void Job(List<FilterCase> cases, string name, Func<C.JobDtoFilter, MatrixContext, Filter> filter, Func<E.JobDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.JobDto, C.JobDtoFilter, E.JobDto>(
            "Jobs", name, session => session.Shared.Jobs, filter,
            session => session.Emulator.Data.Jobs.InFolder(session.SharedFolderId), oracle,
            j => j.Id, j => Key(j.Id), j => Key(j.Id)));

    private static void Release(List<FilterCase> cases, string name, Func<C.ReleaseDtoFilter, MatrixContext, Filter> filter, Func<E.ReleaseDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.ReleaseDto, C.ReleaseDtoFilter, E.ReleaseDto>(
            "Releases", name, session => session.Shared.Releases, filter,
            session => session.Emulator.Data.Releases.InFolder(session.SharedFolderId), oracle,
            r => r.Id, r => Key(r.Id), r => Key(r.Id)));

    private static void QueueItem(List<FilterCase> cases, string name, Func<C.QueueItemDtoFilter, MatrixContext, Filter> filter, Func<E.QueueItemDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.QueueItemDto, C.QueueItemDtoFilter, E.QueueItemDto>(
            "QueueItems", name, session => session.Shared.QueueItems, filter,
            session => session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId), oracle,
            q => q.Id, q => Key(q.Id), q => Key(q.Id)));

    private static void Webhook(List<FilterCase> cases, string name, Func<C.WebhookDtoFilter, MatrixContext, Filter> filter, Func<E.WebhookDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.WebhookDto, C.WebhookDtoFilter, E.WebhookDto>(
            "Webhooks", name, session => session.Tenant.Webhooks, filter,
            session => session.Emulator.Data.Webhooks.InFolder(null), oracle,
            w => w.Id, w => Key(w.Id), w => Key(w.Id)));

    private static void Robot(List<FilterCase> cases, string name, Func<C.RobotDtoFilter, MatrixContext, Filter> filter, Func<E.RobotDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.RobotDto, C.RobotDtoFilter, E.RobotDto>(
            "Robots", name, session => session.Tenant.Robots, filter,
            session => session.Emulator.Data.Robots.InFolder(null), oracle,
            r => r.Id, r => Key(r.Id), r => Key(r.Id)));

    private static void Machine(List<FilterCase> cases, string name, Func<C.ExtendedMachineDtoFilter, MatrixContext, Filter> filter, Func<E.ExtendedMachineDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.ExtendedMachineDto, C.ExtendedMachineDtoFilter, E.ExtendedMachineDto>(
            "Machines", name, session => session.Tenant.Machines, filter,
            session => session.Emulator.Data.Machines.InFolder(null), oracle,
            m => m.Id, m => Key(m.Id), m => Key(m.Id)));

    private static void Folder(List<FilterCase> cases, string name, Func<C.FolderDtoFilter, MatrixContext, Filter> filter, Func<E.FolderDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.FolderDto, C.FolderDtoFilter, E.FolderDto>(
            "Folders", name, session => session.Tenant.Folders, filter,
            session => session.Emulator.Data.Folders.InFolder(null), oracle,
            f => f.Id, f => Key(f.Id), f => Key(f.Id)));

    private static void Process(List<FilterCase> cases, string name, Func<C.ProcessDtoFilter, MatrixContext, Filter> filter, Func<E.ProcessDto, MatrixContext, bool> oracle) =>
        cases.Add(new FilterCase<C.ProcessDto, C.ProcessDtoFilter, E.ProcessDto>(
            "Processes", name, session => session.Tenant.Processes, filter,
            session => session.Emulator.Data.Processes.InFolder(null), oracle,
            p => p.Id, p => p.Id, p => p.Id!));

    private static string Key(long id) => id.ToString("D12", CultureInfo.InvariantCulture);
}
