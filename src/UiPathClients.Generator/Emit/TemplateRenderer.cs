using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// Renders views with the embedded Scriban templates. Templates are parsed once per process;
/// each render gets its own <see cref="TemplateContext"/>, so concurrent renders are safe.
/// </summary>
internal static class TemplateRenderer
{
    private static readonly Lazy<Template> EnumTemplate = new(() => Load("Enum.scriban"));

    public static string RenderEnum(EnumView view) => Render(EnumTemplate.Value, view);

    private static string Render(Template template, object view)
    {
        var globals = new ScriptObject();
        // Keep C# member names as they are (Scriban would snake_case them), so templates read {{ Name }}.
        globals.Import(view, renamer: member => member.Name);
        var context = new TemplateContext
        {
            MemberRenamer = member => member.Name,
            StrictVariables = true,
            // A large enum or entity has more than Scriban's default 1000 loop iterations.
            LoopLimit = int.MaxValue,
            // The JSON metadata of a large service (Orchestrator: ~1 MB) is longer than Scriban's default output cap.
            LimitToString = 0,
        };
        context.PushGlobal(globals);
        return template.Render(context).Replace("\r\n", "\n");
    }

    private static Template Load(string name)
    {
        var assembly = typeof(TemplateRenderer).GetTypeInfo().Assembly;
        var resourceName = "UiPathClients.Generator.Templates." + name;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded template '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"Template '{name}' does not parse: " + string.Join("; ", template.Messages.Select(message => message.ToString())));
        }

        return template;
    }
}
