using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.EndToEnd.Tests.TestSupport;

/// <summary>
/// Walks everything a generated service client lets a caller request: each set (its query, create and operations),
/// each entity by key (read, write, operations), each navigation, each operation import — and hands every call, with a
/// value for each parameter, to a callback. The route tests use it to see the requests the client really sends.
/// </summary>
internal static class ClientSurface
{
    /// <summary>Calls <paramref name="call"/> once per request member, with the call to make and a name for messages.</summary>
    public static async Task CallEveryRequestAsync(object serviceClient, Func<Func<Task>, string, Task> call)
    {
        var type = serviceClient.GetType();
        foreach (var accessor in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.PropertyType.Namespace == type.Namespace && property.GetIndexParameters().Length == 0))
        {
            await Exercise(accessor.GetValue(serviceClient)!, accessor.Name, call);
        }

        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(IsRequestMethod))
        {
            await call(() => Invoke(serviceClient, method), type.Name + "." + method.Name);
        }
    }

    private static async Task Exercise(object client, string name, Func<Func<Task>, string, Task> call)
    {
        var type = client.GetType();
        if (IsQuery(type))
        {
            var toPage = type.GetMethod(nameof(ODataQuery<object, FilterSurface>.ToPageAsync))!;
            await call(() => Invoke(client, toPage), name + ".ToPageAsync");
        }

        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(method => IsRequestMethod(method) && (method.DeclaringType == type || IsEntityRead(method))))
        {
            await call(() => Invoke(client, method), name + "." + method.Name);
        }

        if (type.GetProperties().FirstOrDefault(property => property.GetIndexParameters().Length > 0) is { } indexer)
        {
            var entity = indexer.GetValue(client, indexer.GetIndexParameters().Select(parameter => MissingKey(parameter.ParameterType)).ToArray())!;
            await Exercise(entity, name + "[key]", call);
        }

        foreach (var navigation in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(property => property.GetIndexParameters().Length == 0))
        {
            await Exercise(navigation.GetValue(client)!, name + "." + navigation.Name, call);
        }
    }

    private static Task Invoke(object target, MethodInfo method) =>
        (Task)method.Invoke(target, method.GetParameters().Select(parameter => Value(parameter.ParameterType)).ToArray())!;

    private static bool IsQuery(Type type) =>
        Ancestors(type).Any(ancestor => ancestor.IsGenericType && ancestor.GetGenericTypeDefinition() == typeof(ODataQuery<,>));

    private static bool IsEntityRead(MethodInfo method) =>
        method.Name == "GetAsync" && method.DeclaringType is { IsGenericType: true } declaring && declaring.GetGenericTypeDefinition() == typeof(EntityClient<,>);

    private static bool IsRequestMethod(MethodInfo method) =>
        !method.IsSpecialName && typeof(Task).IsAssignableFrom(method.ReturnType) && method.GetCustomAttribute<ObsoleteAttribute>() is null;

    private static IEnumerable<Type> Ancestors(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>
    /// A key no entity has: reads, writes and deletes by key then reach the route without changing data (a delete of
    /// the caller's own folder would make every later folder-scoped call fail before routing).
    /// </summary>
    private static object MissingKey(Type type) =>
        type == typeof(string) ? "no-such-key"
        : type == typeof(Guid) ? new Guid("0bad0bad-0000-4000-8000-00000000dead")
        : Convert.ChangeType(987654, type, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A value for a parameter, so that every optional part of the route is present.</summary>
    public static object? Value(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Value(underlying);
        }

        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (type == typeof(string))
        {
            return "x";
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type == typeof(Guid))
        {
            return new Guid("8e0a3a3c-0000-4000-8000-000000000001");
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(1);
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        if (type == typeof(byte[]))
        {
            return Array.Empty<byte>();
        }

        if (type == typeof(Stream))
        {
            return new MemoryStream();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Func<,>) && type.GetGenericArguments()[0] == type.GetGenericArguments()[1])
        {
            // PatchAsync's change builder: d => d.SetValue<string?>(s => s.<first property>, null).
            var delta = type.GetGenericArguments()[0];
            var surface = delta.GetGenericArguments()[0];
            var property = surface.GetProperties().First(candidate => typeof(IPropertyPath).IsAssignableFrom(candidate.PropertyType));
            var surfaceParameter = Expression.Parameter(surface);
            var path = Expression.Lambda(typeof(Func<,>).MakeGenericType(surface, typeof(IPropertyPath)), Expression.Convert(Expression.Property(surfaceParameter, property), typeof(IPropertyPath)), surfaceParameter).Compile();
            var deltaParameter = Expression.Parameter(delta);
            var setValue = delta.GetMethod(nameof(ODataDelta<FilterSurface>.SetValue))!.MakeGenericMethod(typeof(string));
            return Expression.Lambda(type, Expression.Call(deltaParameter, setValue, Expression.Constant(path), Expression.Constant(null, typeof(string))), deltaParameter).Compile();
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1 && type.IsAssignableFrom(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0])))
        {
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]));
        }

        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return Activator.CreateInstance(type);
        }

        throw new NotSupportedException($"The test has no value for a parameter of type {type}.");
    }
}
