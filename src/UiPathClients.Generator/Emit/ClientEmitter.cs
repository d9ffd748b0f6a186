using System.Collections.Generic;
using System.Threading;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;
using UiPathClients.Generator.Writers;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// Turns a <see cref="ClientPlan"/> into source files: one writer per file kind, all reading one <see cref="EmitContext"/>.
/// This class only says which writer writes what.
/// </summary>
internal static class ClientEmitter
{
    public static EquatableArray<GeneratedFile> Emit(ClientPlan plan, EmitEnvironment environment, string generatorVersion, CancellationToken cancellationToken)
    {
        var context = new EmitContext(plan, environment, generatorVersion);
        var types = new TypeWriter(context);
        var extensibleEnums = new ExtensibleEnumWriter(context);
        var unions = new UnionWriter(context);
        var files = new List<GeneratedFile>();
        foreach (var type in plan.Model.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (type.Kind)
            {
                case TypeKind.Entity or TypeKind.Complex:
                    files.Add(types.WriteClass(type));
                    break;
                case TypeKind.Enum when type.IsExtensible:
                    files.AddRange(extensibleEnums.Write(type));
                    break;
                case TypeKind.Enum:
                    files.Add(types.WriteEnum(type));
                    break;
                case TypeKind.Union:
                    files.AddRange(unions.Write(type));
                    break;
            }
        }

        files.Add(new JsonMetadataWriter(context).Write());
        if (plan.Model.Style == ApiStyle.OData)
        {
            files.AddRange(new FilterSurfaceWriter(context).Write(cancellationToken));
            files.AddRange(new ServiceClientWriter(context).Write(cancellationToken));
        }
        else
        {
            var constraints = new ConstraintsWriter(context);
            files.AddRange(new RestClientWriter(context, constraints).Write(cancellationToken));
            files.AddRange(constraints.Write());
        }

        return files.ToEquatableArray();
    }
}
