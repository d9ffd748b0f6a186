namespace UiPathClients.Generator.Emit;

/// <summary>
/// Prints views as C# with a <see cref="SourceWriter"/>. Views hold every decision as final C# strings, so a renderer
/// only places them: loops and the flags the view carries, nothing else. (Scriban templates did this before; they cost
/// about 0.3 ms a file and 80 ms for the first render, against a few microseconds here — the numbers are in
/// <c>tests/Benchmarks/RESULTS.md</c> — which alone ruled out the generator's cold-start target.)
/// </summary>
internal static class ViewRenderer
{
    private const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode(\"UiPathClients.Generator\", \"";

    /// <summary>An entity or complex type's class.</summary>
    public static string RenderClass(ClassView view)
    {
        var writer = SourceWriter.File(view.Namespace);
        TypeHeader(writer, view.DocLines, view.GeneratorVersion, view.Attributes)
            .Line(view.Modifiers + " " + view.Name + (view.BaseType is null ? string.Empty : " : " + view.BaseType))
            .Open();
        if (view.HasLeadingLines)
        {
            writer.Verbatim(view.LeadingLines).Blank();
        }

        for (var index = 0; index < view.Properties.Count; index++)
        {
            var property = view.Properties[index];
            if (index > 0)
            {
                writer.Blank();
            }

            writer.Lines(property.DocLines).Attributes(property.Attributes);
            if (property.IsTracked)
            {
                writer
                    .Line($"public {property.Type} {property.Name} {{ get => {property.BackingField}; set {{ {property.BackingField} = value; {property.AfterSet} }} }}")
                    .Line($"private {property.Type} {property.BackingField}{(property.Initializer is null ? string.Empty : " = " + property.Initializer)};");
            }
            else
            {
                writer.Line($"public {(property.IsRequired ? "required " : string.Empty)}{property.Type} {property.Name} {{ get; set; }}{(property.Initializer is null ? string.Empty : " = " + property.Initializer + ";")}");
            }
        }

        if (view.HasConstructor)
        {
            writer.Blank().Verbatim(view.ConstructorLines);
        }

        return writer.Close().Close().ToString();
    }

    /// <summary>A type whose members the writer printed (<see cref="CodeLines"/>): the renderer places them, a blank line apart.</summary>
    public static string RenderCodeFile(CodeFileView view)
    {
        var writer = SourceWriter.File(view.Namespace);
        TypeHeader(writer, view.DocLines, view.GeneratorVersion, view.Attributes).Line(view.Declaration).Open();
        for (var index = 0; index < view.Members.Count; index++)
        {
            if (index > 0)
            {
                writer.Blank();
            }

            writer.Verbatim(view.Members[index].Lines);
        }

        return writer.Close().Close().ToString();
    }

    private static SourceWriter TypeHeader(SourceWriter writer, System.Collections.Generic.IEnumerable<string> docLines, string generatorVersion, System.Collections.Generic.IEnumerable<string> attributes) =>
        writer.Lines(docLines).Line("[" + GeneratedCode + generatorVersion + "\")]").Attributes(attributes);
}
