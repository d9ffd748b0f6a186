using System;
using Microsoft.AspNetCore.OData.Formatter.Deserialization;
using Microsoft.OData.Edm;

namespace UiPathClients.Emulator.Orchestrator.Model;

/// <summary>
/// Reads a request body into the class the controller asks for when that class derives from the one bound to the body's
/// EDM type. An on-premises version can declare a set of a base type the cloud has since refined: 2019.10's
/// <c>Machines</c> holds <c>MachineDto</c>, the cloud's (and the emulator's table) <c>ExtendedMachineDto</c>, which derives
/// from it. OData would create a <c>MachineDto</c> for <c>POST Machines</c>, which the controller cannot store; this creates
/// the <c>ExtendedMachineDto</c>, filled from the version's properties. Any other body is read as ASP.NET Core OData reads it.
/// </summary>
internal sealed class RequestedClassResourceDeserializer : ODataResourceDeserializer
{
    public RequestedClassResourceDeserializer(IODataDeserializerProvider deserializerProvider)
        : base(deserializerProvider)
    {
    }

    public override object CreateResourceInstance(IEdmStructuredTypeReference structuredType, ODataDeserializerContext readContext)
    {
        ArgumentNullException.ThrowIfNull(structuredType);
        ArgumentNullException.ThrowIfNull(readContext);
        var created = base.CreateResourceInstance(structuredType, readContext);
        var requested = readContext.ResourceType;
        return requested is not null && !requested.IsAbstract && requested.IsSubclassOf(created.GetType()) && requested.GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance(requested)!
            : created;
    }
}
