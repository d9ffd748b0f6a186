using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyComplex;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyComplexTests(AutoRestTestServer server)
{
    private static readonly byte[] SawsharkPicture = [255, 255, 255, 255, 254];
    private static readonly byte[] PrimitiveBytes = [255, 254, 253, 252, 0, 250, 249, 248, 247, 246];

    private readonly BodyComplexClient _client = new(server.CreateHttpClient());

    private ComplexClient Complex => _client.Complex;

    private static async Task AssertOk(Task<RestResponse<JsonElement?>> call) => Assert.Equal(HttpStatusCode.OK, (await call).StatusCode);

    // basic

    [Fact]
    public async Task BasicGetValid()
    {
        var basic = await Complex.BasicGetValidAsync();
        Assert.Equal(2, basic.Id);
        Assert.Equal("abc", basic.Name);
        Assert.Equal(CMYKColors.YELLOW, basic.Color);
    }

    [Fact]
    public async Task BasicPutValid() =>
        // The api-version query parameter is a one-value enum: a constant the client sends itself.
        await AssertOk(Complex.BasicPutValidWithResponseAsync(new Basic { Id = 2, Name = "abc", Color = CMYKColors.Magenta }));

    [Fact]
    public async Task BasicGetInvalid()
    {
        // {"id": "a", ...}: a string where an integer is declared.
        var exception = await Assert.ThrowsAsync<RestApiException>(() => Complex.BasicGetInvalidAsync());
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("\"a\"", exception.ResponseBody);
    }

    [Fact]
    public async Task BasicGetEmpty()
    {
        var basic = await Complex.BasicGetEmptyAsync();
        Assert.Null(basic.Id);
        Assert.Null(basic.Name);
        Assert.Null(basic.Color);
    }

    [Fact]
    public async Task BasicGetNull()
    {
        var basic = await Complex.BasicGetNullAsync();
        Assert.Null(basic.Id);
        Assert.Null(basic.Name);
    }

    [Fact]
    public async Task BasicGetNotProvided() => Assert.Null(await Complex.BasicGetNotProvidedAsync());

    // primitive

    [Fact]
    public async Task PrimitiveGetInt()
    {
        var value = await Complex.PrimitiveGetIntAsync();
        Assert.Equal((-1, 2), (value.Field1, value.Field2));
    }

    [Fact]
    public async Task PrimitivePutInt() => await AssertOk(Complex.PrimitivePutIntWithResponseAsync(new IntWrapper { Field1 = -1, Field2 = 2 }));

    [Fact]
    public async Task PrimitiveGetLong()
    {
        var value = await Complex.PrimitiveGetLongAsync();
        Assert.Equal((1099511627775L, -999511627788L), (value.Field1, value.Field2));
    }

    [Fact]
    public async Task PrimitivePutLong() =>
        await AssertOk(Complex.PrimitivePutLongWithResponseAsync(new LongWrapper { Field1 = 1099511627775L, Field2 = -999511627788L }));

    [Fact]
    public async Task PrimitiveGetFloat()
    {
        var value = await Complex.PrimitiveGetFloatAsync();
        Assert.Equal((1.05f, -0.003f), (value.Field1, value.Field2));
    }

    [Fact]
    public async Task PrimitivePutFloat() => await AssertOk(Complex.PrimitivePutFloatWithResponseAsync(new FloatWrapper { Field1 = 1.05f, Field2 = -0.003f }));

    [Fact]
    public async Task PrimitiveGetDouble()
    {
        var value = await Complex.PrimitiveGetDoubleAsync();
        Assert.Equal(3e-100, value.Field1);
        Assert.Equal(-5e-57, value.Field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose);
    }

    [Fact]
    public async Task PrimitivePutDouble() =>
        await AssertOk(Complex.PrimitivePutDoubleWithResponseAsync(
            new DoubleWrapper { Field1 = 3e-100, Field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose = -5e-57 }));

    [Fact]
    public async Task PrimitiveGetBool()
    {
        var value = await Complex.PrimitiveGetBoolAsync();
        Assert.Equal((true, false), (value.FieldTrue, value.FieldFalse));
    }

    [Fact]
    public async Task PrimitivePutBool() => await AssertOk(Complex.PrimitivePutBoolWithResponseAsync(new BooleanWrapper { FieldTrue = true, FieldFalse = false }));

    [Fact]
    public async Task PrimitiveGetString()
    {
        var value = await Complex.PrimitiveGetStringAsync();
        Assert.Equal(("goodrequest", string.Empty), (value.Field, value.Empty));
        Assert.Null(value.Null);
    }

    [Fact]
    public async Task PrimitivePutString() =>
        await AssertOk(Complex.PrimitivePutStringWithResponseAsync(new StringWrapper { Field = "goodrequest", Empty = string.Empty, Null = null }));

    [Fact]
    public async Task PrimitiveGetDate()
    {
        var value = await Complex.PrimitiveGetDateAsync();
        Assert.Equal((new DateOnly(1, 1, 1), new DateOnly(2016, 2, 29)), (value.Field, value.Leap));
    }

    [Fact]
    public async Task PrimitivePutDate() =>
        await AssertOk(Complex.PrimitivePutDateWithResponseAsync(new DateWrapper { Field = new DateOnly(1, 1, 1), Leap = new DateOnly(2016, 2, 29) }));

    [Fact]
    public async Task PrimitiveGetDateTime()
    {
        var value = await Complex.PrimitiveGetDateTimeAsync();
        Assert.Equal(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), value.Field);
        Assert.Equal(new DateTimeOffset(2015, 5, 18, 18, 38, 0, TimeSpan.Zero), value.Now);
    }

    [Fact]
    public async Task PrimitivePutDateTime() =>
        await AssertOk(Complex.PrimitivePutDateTimeWithResponseAsync(new DatetimeWrapper
        {
            Field = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Now = new DateTimeOffset(2015, 5, 18, 18, 38, 0, TimeSpan.Zero),
        }));

    [Fact]
    public async Task PrimitiveGetDateTimeRfc1123()
    {
        // format: date-time-rfc1123 is a DateTimeOffset read from RFC 1123 text.
        var value = await Complex.PrimitiveGetDateTimeRfc1123Async();
        Assert.Equal(
            (DateTimeOffset.MinValue, new DateTimeOffset(2015, 5, 18, 11, 38, 0, TimeSpan.Zero)),
            (value.Field, value.Now));
    }

    [Fact]
    public async Task PrimitivePutDateTimeRfc1123() =>
        await AssertOk(Complex.PrimitivePutDateTimeRfc1123WithResponseAsync(new Datetimerfc1123Wrapper { Field = DateTimeOffset.MinValue, Now = new DateTimeOffset(2015, 5, 18, 11, 38, 0, TimeSpan.Zero) }));

    [Fact]
    public async Task PrimitiveGetDuration() => Assert.Equal(new TimeSpan(123, 22, 14, 12, 11), (await Complex.PrimitiveGetDurationAsync()).Field);

    [Fact]
    public async Task PrimitivePutDuration() =>
        await AssertOk(Complex.PrimitivePutDurationWithResponseAsync(new DurationWrapper { Field = new TimeSpan(123, 22, 14, 12, 11) }));

    [Fact]
    public async Task PrimitiveGetByte() => Assert.Equal(PrimitiveBytes, (await Complex.PrimitiveGetByteAsync()).Field);

    [Fact]
    public async Task PrimitivePutByte() => await AssertOk(Complex.PrimitivePutByteWithResponseAsync(new ByteWrapper { Field = PrimitiveBytes }));

    // array

    [Fact]
    public async Task ArrayGetValid() =>
        Assert.Equal(new string?[] { "1, 2, 3, 4", string.Empty, null, "&S#$(*Y", "The quick brown fox jumps over the lazy dog" }, (await Complex.ArrayGetValidAsync()).Array!.ToArray<string?>());

    [Fact]
    public async Task ArrayPutValid() =>
        await AssertOk(Complex.ArrayPutValidWithResponseAsync(new ArrayWrapper { Array = ["1, 2, 3, 4", string.Empty, null!, "&S#$(*Y", "The quick brown fox jumps over the lazy dog"] }));

    [Fact]
    public async Task ArrayGetEmpty() => Assert.Empty((await Complex.ArrayGetEmptyAsync()).Array!);

    [Fact]
    public async Task ArrayPutEmpty() => await AssertOk(Complex.ArrayPutEmptyWithResponseAsync(new ArrayWrapper { Array = [] }));

    [Fact]
    public async Task ArrayGetNotProvided() => Assert.Null((await Complex.ArrayGetNotProvidedAsync()).Array);

    // dictionary

    [Fact]
    public async Task DictionaryGetValid()
    {
        var programs = (await Complex.DictionaryGetValidAsync()).DefaultProgram!;
        Assert.Equal(
            new Dictionary<string, string?> { ["txt"] = "notepad", ["bmp"] = "mspaint", ["xls"] = "excel", ["exe"] = string.Empty, [string.Empty] = null },
            programs);
    }

    [Fact]
    public async Task DictionaryPutValid() =>
        await AssertOk(Complex.DictionaryPutValidWithResponseAsync(new DictionaryWrapper
        {
            DefaultProgram = new Dictionary<string, string?> { ["txt"] = "notepad", ["bmp"] = "mspaint", ["xls"] = "excel", ["exe"] = string.Empty, [string.Empty] = null },
        }));

    [Fact]
    public async Task DictionaryGetEmpty() => Assert.Empty((await Complex.DictionaryGetEmptyAsync()).DefaultProgram!);

    [Fact]
    public async Task DictionaryPutEmpty() =>
        await AssertOk(Complex.DictionaryPutEmptyWithResponseAsync(new DictionaryWrapper { DefaultProgram = new Dictionary<string, string?>() }));

    [Fact]
    public async Task DictionaryGetNull() => Assert.Null((await Complex.DictionaryGetNullAsync()).DefaultProgram);

    [Fact]
    public async Task DictionaryGetNotProvided() => Assert.Null((await Complex.DictionaryGetNotProvidedAsync()).DefaultProgram);

    // inheritance

    [Fact]
    public async Task InheritanceGetValid()
    {
        var siamese = await Complex.InheritanceGetValidAsync();
        Assert.Equal((2L, "Siameeee", "green", "persian"), (siamese.Id, siamese.Name, siamese.Color, siamese.Breed));
        Assert.Equal(new (long, string?, string?)[] { (1L, "Potato", "tomato"), (-1L, "Tomato", "french fries") }, siamese.Hates!.Select(dog => (dog.Id!.Value, dog.Name, dog.Food)));
    }

    [Fact]
    public async Task InheritancePutValid() =>
        await AssertOk(Complex.InheritancePutValidWithResponseAsync(new Siamese
        {
            Id = 2,
            Name = "Siameeee",
            Color = "green",
            Breed = "persian",
            Hates = [new Dog { Id = 1, Name = "Potato", Food = "tomato" }, new Dog { Id = -1, Name = "Tomato", Food = "french fries" }],
        }));

    // polymorphism

    [Fact]
    public async Task PolymorphismGetValid()
    {
        var salmon = Assert.IsType<Salmon>(await Complex.PolymorphismGetValidAsync());
        Assert.Equal(("alaska", true, "king", 1f), (salmon.Location, salmon.Iswild, salmon.Species, salmon.Length));
        AssertSiblings(salmon.Siblings!);
    }

    [Fact]
    public async Task PolymorphismPutValid() => await AssertOk(Complex.PolymorphismPutValidWithResponseAsync(NewSalmon(new Salmon { Length = 1 })));

    [Fact]
    public async Task PolymorphismGetComplicated()
    {
        var salmon = Assert.IsType<SmartSalmon>(await Complex.PolymorphismGetComplicatedAsync());
        Assert.Equal("smart_salmon", salmon.Fishtype);
        Assert.Equal(1, salmon.AdditionalData!["additionalProperty1"].GetInt32());
        Assert.Equal("{\"a\":1,\"b\":2}", salmon.AdditionalData["additionalProperty4"].GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal));
        AssertSiblings(salmon.Siblings!);
    }

    [Fact]
    public async Task PolymorphismPutComplicated()
    {
        var salmon = NewSalmon(new SmartSalmon { Length = 1 });
        salmon.AdditionalData = new Dictionary<string, JsonElement>
        {
            ["additionalProperty1"] = Json("1"),
            ["additionalProperty2"] = Json("false"),
            ["additionalProperty3"] = Json("\"hello\""),
            ["additionalProperty4"] = Json("{\"a\":1,\"b\":2}"),
            ["additionalProperty5"] = Json("[1,3]"),
        };
        await AssertOk(Complex.PolymorphismPutComplicatedWithResponseAsync(salmon));
    }

    [Fact]
    public async Task PolymorphismPutMissingDiscriminator()
    {
        // The server echoes the salmon without its discriminator: the declared type (Salmon) is read.
        var answer = await Complex.PolymorphismPutMissingDiscriminatorAsync(NewSalmon(new Salmon { Length = 1 }));
        Assert.IsType<Salmon>(answer);
        Assert.Equal("alaska", answer.Location);
        AssertSiblings(answer.Siblings!);
    }

    [Fact]
    public async Task PolymorphismPutValidMissingRequired()
    {
        // The scenario: a fish missing required members must not reach the server. C# `required` members make such a
        // request object fail to compile, and reading one without them is refused as well.
        Assert.NotNull(typeof(Shark).GetProperty(nameof(Shark.Birthday))!.GetCustomAttributes().FirstOrDefault(attribute => attribute.GetType().Name == "RequiredMemberAttribute"));
        Assert.NotNull(typeof(Fish).GetProperty(nameof(Fish.Length))!.GetCustomAttributes().FirstOrDefault(attribute => attribute.GetType().Name == "RequiredMemberAttribute"));

        // The route itself answers 400 to anything (it exists only to prove the client never calls it).
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(() => Complex.PolymorphismPutValidMissingRequiredAsync(NewSalmon(new Salmon { Length = 1 })));
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("should not have", exception.ResponseBody);
    }

    [Fact]
    public async Task PolymorphismGetDotSyntax()
    {
        var salmon = Assert.IsType<DotSalmon>(await Complex.PolymorphismGetDotSyntaxAsync());
        Assert.Equal(("DotSalmon", "sweden", true, "king"), (salmon.FishType, salmon.Location, salmon.Iswild, salmon.Species));
    }

    [Fact]
    public async Task PolymorphismGetComposedWithDiscriminator()
    {
        var market = await Complex.PolymorphismGetComposedWithDiscriminatorAsync();
        Assert.Equal(("sweden", false), (market.SampleSalmon!.Location, market.SampleSalmon.Iswild));
        Assert.Equal(new[] { "sweden", "atlantic" }, market.Salmons!.Select(salmon => salmon.Location));
        Assert.Equal("australia", Assert.IsType<DotSalmon>(market.SampleFish).Location);
        Assert.Equal(new[] { "australia", "canada" }, market.Fishes!.Select(fish => Assert.IsType<DotSalmon>(fish).Location));
    }

    [Fact]
    public async Task PolymorphismGetComposedWithoutDiscriminator()
    {
        var market = await Complex.PolymorphismGetComposedWithoutDiscriminatorAsync();
        Assert.Equal(("sweden", false), (market.SampleSalmon!.Location, market.SampleSalmon.Iswild));
        Assert.Equal(new[] { "sweden", "atlantic" }, market.Salmons!.Select(salmon => salmon.Location));

        // Without "fish.type" a DotFish is only a DotFish: its salmon members stay in the extension data.
        var fish = market.SampleFish!;
        Assert.IsType<DotFish>(fish);
        Assert.Equal("king", fish.Species);
        Assert.Equal("australia", fish.AdditionalData!["location"].GetString());
        Assert.Equal(2, market.Fishes!.Count);
    }

    // polymorphic recursive

    [Fact]
    public async Task PolymorphicrecursiveGetValid()
    {
        var salmon = Assert.IsType<Salmon>(await Complex.PolymorphicrecursiveGetValidAsync());
        var shark = Assert.IsType<Shark>(salmon.Siblings![0]);
        var innerSalmon = Assert.IsType<Salmon>(shark.Siblings![0]);
        Assert.Equal(("atlantic", "coho", 2f), (innerSalmon.Location, innerSalmon.Species, innerSalmon.Length));
        Assert.Equal(SawsharkPicture, Assert.IsType<Sawshark>(innerSalmon.Siblings![1]).Picture);
        Assert.Empty(Assert.IsType<Sawshark>(salmon.Siblings[1]).Siblings!);
    }

    [Fact]
    public async Task PolymorphicrecursivePutValid()
    {
        Shark NewShark() => new() { Age = 6, Birthday = new DateTimeOffset(2012, 1, 5, 1, 0, 0, TimeSpan.Zero), Species = "predator", Length = 20 };
        Sawshark NewSawshark(bool withSiblings) => new()
        {
            Age = 105,
            Birthday = new DateTimeOffset(1900, 1, 5, 1, 0, 0, TimeSpan.Zero),
            Picture = SawsharkPicture,
            Species = "dangerous",
            Length = 10,
            Siblings = withSiblings ? [] : null,
        };

        var innerShark = NewShark();
        innerShark.Siblings =
        [
            new Salmon { Location = "atlantic", Iswild = true, Species = "coho", Length = 2, Siblings = [NewShark(), NewSawshark(withSiblings: false)] },
            NewSawshark(withSiblings: true),
        ];
        var salmon = new Salmon { Location = "alaska", Iswild = true, Species = "king", Length = 1, Siblings = [innerShark, NewSawshark(withSiblings: true)] };

        await AssertOk(Complex.PolymorphicrecursivePutValidWithResponseAsync(salmon));
    }

    // readonly property

    [Fact]
    public async Task ReadonlypropertyGetValid()
    {
        var value = await Complex.ReadonlypropertyGetValidAsync();
        Assert.Equal(("1234", 2), (value.Id, value.Size));
    }

    [Fact]
    public async Task ReadonlypropertyPutValid()
    {
        // The server answers 400 "id is readonly" when the id is sent: a value read from it is never sent back.
        var value = await Complex.ReadonlypropertyGetValidAsync();
        await AssertOk(Complex.ReadonlypropertyPutValidWithResponseAsync(value));
    }

    // flatten

    [Fact]
    public async Task ServerQuirk_FlattencomplexGetValid()
    {
        // The swagger declares GET /complex/flatten/valid, but the test server has no such route (legacy/routes/complex.js
        // serves basic, primitive, array, dictionary, inheritance, polymorphism, polymorphicrecursive and readonlyproperty).
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(() => Complex.FlattencomplexGetValidAsync());
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>The salmon of the polymorphism scenarios: a shark, a sawshark and a goblin shark as siblings.</summary>
    private static T NewSalmon<T>(T salmon)
        where T : Salmon
    {
        salmon.Location = "alaska";
        salmon.Iswild = true;
        salmon.Species = "king";
        salmon.Length = 1;
        salmon.Siblings =
        [
            new Shark { Age = 6, Birthday = new DateTimeOffset(2012, 1, 5, 1, 0, 0, TimeSpan.Zero), Length = 20, Species = "predator" },
            new Sawshark { Age = 105, Birthday = new DateTimeOffset(1900, 1, 5, 1, 0, 0, TimeSpan.Zero), Length = 10, Picture = SawsharkPicture, Species = "dangerous" },
            // pinkish-gray is not one of the declared colors: the extensible enum (x-ms-enum modelAsString) keeps it.
            new Goblinshark { Age = 1, Birthday = new DateTimeOffset(2015, 8, 8, 0, 0, 0, TimeSpan.Zero), Length = 30, Species = "scary", Jawsize = 5, Color = new GoblinSharkColor("pinkish-gray") },
        ];
        return salmon;
    }

    private static void AssertSiblings(IList<Fish> siblings)
    {
        Assert.Equal(3, siblings.Count);
        var shark = Assert.IsType<Shark>(siblings[0]);
        Assert.Equal((6, new DateTimeOffset(2012, 1, 5, 1, 0, 0, TimeSpan.Zero), "predator", 20f), (shark.Age, shark.Birthday, shark.Species, shark.Length));
        var sawshark = Assert.IsType<Sawshark>(siblings[1]);
        Assert.Equal(SawsharkPicture, sawshark.Picture);

        // x-ms-discriminator-value: "goblin" names the goblinshark schema.
        var goblin = Assert.IsType<Goblinshark>(siblings[2]);
        Assert.Equal(("goblin", 5L), (goblin.Fishtype, goblin.Jawsize));
        Assert.Equal("pinkish-gray", goblin.Color!.Value.Value);
        Assert.NotEqual(GoblinSharkColor.Pink, goblin.Color.Value);
    }
}
