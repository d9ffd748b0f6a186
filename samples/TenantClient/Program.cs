using MyApp.Tenant;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Resilience;

// tenant-client <orchestrator-url> <folder> <token>: a trimmed client generated from the tenant's own $metadata, over
// the resilience handler, against that tenant (in CI: the uipath-emulator tool serving on-premises 2020.10, which
// throttles the first Jobs query).
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: TenantClient <orchestrator-url> <folder> <token>");
    return 2;
}

// Only what the include-list chose was generated: Jobs and Releases, not the tenant's other sets.
var sets = typeof(MyApp.Tenant.TenantClient).GetProperties().Select(property => property.Name).Where(name => name is "Jobs" or "Releases" or "Webhooks" or "Robots").Order();
Console.WriteLine($"Generated sets among Jobs, Releases, Webhooks, Robots: {string.Join(", ", sets)}");
if (typeof(MyApp.Tenant.TenantClient).GetProperty("Webhooks") is not null)
{
    Console.Error.WriteLine("error: the include-list did not trim the client");
    return 1;
}

using var http = new HttpClient(new BearerTokenHandler(new UiPathClients.Runtime.Auth.StaticAccessTokenProvider(args[2]))
{
    InnerHandler = new UiPathResilienceHandler(new UiPathResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(100) }) { InnerHandler = new SocketsHttpHandler() },
})
{
    BaseAddress = new Uri(args[0]),
};
var tenant = new MyApp.Tenant.TenantClient(http).WithFolder(FolderContext.ByPath(args[1]));

var release = (await tenant.Releases.Top(1).ToListAsync()).Single();
var started = await tenant.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = release.Key, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 });
var job = started.Single();
var pending = await tenant.Jobs.Where(j => j.Id == job.Id).ToListAsync();
Console.WriteLine($"Started job {job.Id} of {release.Name} through StartJobs; the Jobs query finds it {pending.Single().State}.");
return 0;
