using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Tests.Querying;

/// <summary>
/// Filters built through a surface shaped like the generated ones; each text is asserted exactly and
/// must parse with <see cref="ODataUriParser"/> against a model with the same properties.
/// </summary>
public sealed class FilterTests
{
    private static readonly Lazy<IEdmModel> Model = new(BuildModel);
    private static readonly JobFilter J = new();

    public enum JobState
    {
        Pending,
        Faulted,
    }

    [Fact]
    public void Comparisons_combine_with_and_or_not()
    {
        var since = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        var filter = J.State == JobState.Faulted & J.Created >= since | !(J.Name == null);

        AssertParses(filter, "((State eq Test.JobState'Faulted') and (Created ge 2026-11-01T00:00:00Z)) or (not (Name eq null))");
    }

    [Fact]
    public void Short_circuit_operators_build_the_same_text()
    {
        AssertParses(J.Active && J.Priority > 3, "(Active) and (Priority gt 3)");
        AssertParses(J.Active || J.Priority <= 3, "(Active) or (Priority le 3)");
    }

    [Fact]
    public void String_functions()
    {
        AssertParses(J.Name.StartsWith("Invoice"), "startswith(Name,'Invoice')");
        AssertParses(J.Name.ToLower().Contains("o'neil"), "contains(tolower(Name),'o''neil')");
        AssertParses(J.Name.Trim().Length > 3, "length(trim(Name)) gt 3");
        AssertParses(J.Name.IndexOf("x") == 2, "indexof(Name,'x') eq 2");
        AssertParses(J.Name.Substring(1, 2).ToUpper() == "AB", "toupper(substring(Name,1,2)) eq 'AB'");
        AssertParses(J.Name.Concat("!").EndsWith("!!"), "endswith(concat(Name,'!'),'!!')");
        AssertParses(J.Name.In("a", "b"), "Name in ('a','b')");
        AssertParses(J.Name.In(new List<string> { "o'neil", "b" }), "Name in ('o''neil','b')");
    }

    [Fact]
    public void Strings_compare_in_order()
    {
        AssertParses(J.Name > "M", "Name gt 'M'");
        AssertParses(J.Name >= "O'Hara", "Name ge 'O''Hara'");
        AssertParses(J.Name < "b" & J.Name <= "a", "(Name lt 'b') and (Name le 'a')");
    }

    [Fact]
    public void A_boolean_property_negates_directly()
    {
        AssertParses(!J.Active, "not (Active)");
        AssertParses(!J.Active | J.Priority > 1, "(not (Active)) or (Priority gt 1)");
    }

    [Fact]
    public void Complex_values_and_related_entities_compare_with_null()
    {
        AssertParses(J.Robot == null, "Robot eq null");
        // The null test goes last (and on a surface not null-tested before): C#'s nullable analysis treats
        // any "x == null" as a hint that x may be null, and would warn on the dereference after it.
        var job = new JobFilter();
        AssertParses(job.Robot.Name == "bot" & job.Robot != null, "(Robot/Name eq 'bot') and (Robot ne null)");
        // The queried entity itself is never null: saying so is a mistake, not a filter.
        Assert.Throws<InvalidOperationException>(() => J == null);
    }

    [Fact]
    public void Date_and_time_parts_of_a_timestamp()
    {
        AssertParses(J.Created.Date == new DateOnly(2026, 11, 1), "date(Created) eq 2026-11-01");
        AssertParses(J.Created.Time < new TimeOnly(6, 30, 5), "time(Created) lt 06:30:05");
    }

    [Fact]
    public void Arithmetic_and_in_on_numbers()
    {
        AssertParses(J.Priority * 2 + 1 > 5, "((Priority mul 2) add 1) gt 5");
        AssertParses(J.Amount % 10m == 0m, "(Amount mod 10) eq 0");
        AssertParses(J.Id.In(1, 2, 3), "Id in (1,2,3)");
        AssertParses(J.Id != null, "Id ne null");
    }

    [Fact]
    public void Date_functions_and_now()
    {
        AssertParses(J.Created.Year == 2026 & J.Created.Month >= 11, "(year(Created) eq 2026) and (month(Created) ge 11)");
        AssertParses(J.Created < DateTimeOffsetOperand.Now, "Created lt now()");
        AssertParses(J.Name.EqualTo(J.Robot.Name), "Name eq Robot/Name");
        AssertParses(J.Created.Hour + 1 > 0, "(hour(Created) add 1) gt 0");
    }

    [Fact]
    public void Guids_enums_and_flags()
    {
        var key = Guid.Parse("8a3f2c1e-0000-4000-8000-000000000001");

        AssertParses(J.Key == key, "Key eq 8a3f2c1e-0000-4000-8000-000000000001");
        AssertParses(J.State.In(JobState.Pending, JobState.Faulted), "State in (Test.JobState'Pending',Test.JobState'Faulted')");
        AssertParses(J.State.In(new HashSet<JobState> { JobState.Faulted }), "State in (Test.JobState'Faulted')");
        AssertParses(J.Id.In(Enumerable.Range(1, 3).Select(id => (long)id)), "Id in (1,2,3)");
    }

    [Fact]
    public void Navigation_paths_lambdas_and_casts()
    {
        AssertParses(J.Robot.Name == "bot", "Robot/Name eq 'bot'");
        AssertParses(J.Tags.Any(), "Tags/any()");
        AssertParses(J.Tags.Any(tag => tag == "urgent"), "Tags/any(x1:x1 eq 'urgent')");
        AssertParses(J.Lines.All(line => line.Quantity > 0), "Lines/all(x1:x1/Quantity gt 0)");
        AssertParses(J.Lines.Any(line => line.Notes.Any(note => note.StartsWith("!"))), "Lines/any(x1:x1/Notes/any(x2:startswith(x2,'!')))");
        AssertParses(J.IsOf("Test.SpecialJob"), "isof(Test.SpecialJob)");
        AssertParses(J.AsSpecial.Extra == "y", "Test.SpecialJob/Extra eq 'y'");
        AssertParses(J.Robot.IsOf("Test.Robot"), "isof(Robot,Test.Robot)");
    }

    [Fact]
    public void Raw_text_is_the_escape_hatch()
    {
        AssertParses(Filter.Raw("Priority eq 1") & J.Active, "(Priority eq 1) and (Active)");
        Assert.Throws<ArgumentException>(() => Filter.Raw(" "));
    }

    [Fact]
    public void A_filter_folded_from_thousands_of_clauses_renders_the_same_text_without_exhausting_the_stack()
    {
        // Folded both ways with the parenthesising rule of | and &, which a filter rendered only at the end must keep.
        const int Clauses = 30_000;
        var anyId = J.Id == 0L;
        var allNames = J.Name.Contains("n0");
        var anyIdText = new StringBuilder().Append('(', Clauses - 1).Append("Id eq 0");
        var allNamesText = new StringBuilder();
        for (var i = 1; i < Clauses; i++)
        {
            var number = i.ToString(CultureInfo.InvariantCulture);
            anyId |= J.Id == i;
            anyIdText.Append(") or (Id eq ").Append(number).Append(')');
            allNames = J.Name.Contains("n" + number) & allNames;
        }

        for (var i = Clauses - 1; i > 0; i--)
        {
            allNamesText.Append("(contains(Name,'n").Append(i.ToString(CultureInfo.InvariantCulture)).Append("')) and (");
        }

        allNamesText.Append("contains(Name,'n0')").Append(')', Clauses - 1);
        var negated = J.Active.ToFilter();
        for (var i = 0; i < Clauses; i++)
        {
            negated = !negated;
        }

        // Rendered on a thread with a small stack: writing a filter must not recurse as deep as it was folded.
        var texts = new string[3];
        var render = new Thread(() => texts = new[] { anyId.Text, allNames.Text, negated.Text }, maxStackSize: 256 * 1024);
        render.Start();
        render.Join();

        Assert.Equal(anyIdText.ToString(), texts[0]);
        Assert.Equal(allNamesText.ToString(), texts[1]);
        Assert.Equal(new StringBuilder().Insert(0, "not (", Clauses).Append("Active").Append(')', Clauses).ToString(), texts[2]);
    }

    [Fact]
    public void Filters_compare_by_text_however_they_were_built()
    {
        var built = J.State == JobState.Faulted & J.Name.StartsWith("O'Neil") & J.Created >= new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(-5));
        const string Text = "((State eq Test.JobState'Faulted') and (startswith(Name,'O''Neil'))) and (Created ge 2026-03-14T09:26:53-05:00)";

        Assert.Equal(Text, built.Text);
        Assert.Equal(Text, built.ToString());
        Assert.Equal(Filter.Raw(Text), built);
        Assert.Equal(Filter.Raw(Text).GetHashCode(), built.GetHashCode());
        Assert.True(built != Filter.Raw("true"));
        Assert.Equal("true", default(Filter).Text);
        Assert.Equal("(true) and (Active)", (default(Filter) & J.Active).Text);
    }

    private static void AssertParses(Filter filter, string expected)
    {
        Assert.Equal(expected, filter.Text);
        var query = new Uri("http://service.example/Jobs?$filter=" + Uri.EscapeDataString(filter.Text));
        var parsed = new ODataUriParser(Model.Value, new Uri("http://service.example/"), query).ParseFilter();
        Assert.NotNull(parsed.Expression);
    }

    private sealed class JobFilter(string prefix = "") : FilterSurface(prefix)
    {
        public NumberOperand<long> Id => new(PathOf("Id"));

        public StringOperand Name => new(PathOf("Name"));

        public EnumOperand<JobState> State => new(PathOf("State"), state => ODataLiteral.FormatEnum("Test.JobState", state.ToString()));

        public DateTimeOffsetOperand Created => new(PathOf("Created"));

        public NumberOperand<int> Priority => new(PathOf("Priority"));

        public NumberOperand<decimal> Amount => new(PathOf("Amount"));

        public BooleanOperand Active => new(PathOf("Active"));

        public ComparableOperand<Guid> Key => new(PathOf("Key"), ODataLiteral.Format);

        public RobotFilter Robot => new(PathOf("Robot/"));

        public CollectionOperand<StringOperand> Tags => new(PathOf("Tags"), variable => new StringOperand(variable));

        public CollectionOperand<LineFilter> Lines => new(PathOf("Lines"), variable => new LineFilter(variable + "/"));

        public SpecialJobFilter AsSpecial => As("Test.SpecialJob", derivedPrefix => new SpecialJobFilter(derivedPrefix));
    }

    private sealed class SpecialJobFilter(string prefix) : FilterSurface(prefix)
    {
        public StringOperand Extra => new(PathOf("Extra"));
    }

    private sealed class RobotFilter(string prefix) : FilterSurface(prefix)
    {
        public StringOperand Name => new(PathOf("Name"));
    }

    private sealed class LineFilter(string prefix) : FilterSurface(prefix)
    {
        public NumberOperand<int> Quantity => new(PathOf("Quantity"));

        public CollectionOperand<StringOperand> Notes => new(PathOf("Notes"), variable => new StringOperand(variable));
    }

    private static IEdmModel BuildModel()
    {
        var model = new EdmModel();
        var state = new EdmEnumType("Test", "JobState");
        state.AddMember("Pending", new EdmEnumMemberValue(0));
        state.AddMember("Faulted", new EdmEnumMemberValue(1));
        model.AddElement(state);

        var line = new EdmComplexType("Test", "Line");
        line.AddStructuralProperty("Quantity", EdmPrimitiveTypeKind.Int32, isNullable: false);
        line.AddStructuralProperty("Notes", new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(isNullable: false))));
        model.AddElement(line);

        var robot = new EdmEntityType("Test", "Robot");
        robot.AddKeys(robot.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false));
        robot.AddStructuralProperty("Name", EdmPrimitiveTypeKind.String);
        model.AddElement(robot);

        var job = new EdmEntityType("Test", "Job");
        job.AddKeys(job.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false));
        job.AddStructuralProperty("Name", EdmPrimitiveTypeKind.String);
        job.AddStructuralProperty("State", new EdmEnumTypeReference(state, isNullable: true));
        job.AddStructuralProperty("Created", EdmPrimitiveTypeKind.DateTimeOffset);
        job.AddStructuralProperty("Priority", EdmPrimitiveTypeKind.Int32);
        job.AddStructuralProperty("Amount", EdmPrimitiveTypeKind.Decimal);
        job.AddStructuralProperty("Active", EdmPrimitiveTypeKind.Boolean);
        job.AddStructuralProperty("Key", EdmPrimitiveTypeKind.Guid);
        job.AddStructuralProperty("Tags", new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(isNullable: false))));
        job.AddStructuralProperty("Lines", new EdmCollectionTypeReference(new EdmCollectionType(new EdmComplexTypeReference(line, isNullable: false))));
        job.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo { Name = "Robot", Target = robot, TargetMultiplicity = EdmMultiplicity.ZeroOrOne });
        model.AddElement(job);

        var special = new EdmEntityType("Test", "SpecialJob", job);
        special.AddStructuralProperty("Extra", EdmPrimitiveTypeKind.String);
        model.AddElement(special);

        var container = new EdmEntityContainer("Test", "Container");
        container.AddEntitySet("Jobs", job);
        container.AddEntitySet("Robots", robot);
        model.AddElement(container);
        return model;
    }
}
