using System;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Tests.Http;

public sealed class UiPathEndpointsTests
{
    [Fact]
    public void Cloud_endpoints_follow_the_organization_tenant_service_layout()
    {
        Assert.Equal("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/", UiPathEndpoints.CloudOrchestrator("acme", "DefaultTenant").AbsoluteUri);
        Assert.Equal("https://cloud.uipath.com/acme/DefaultTenant/reinfer_/api/", UiPathEndpoints.CloudCommunicationsMining("acme", "DefaultTenant").AbsoluteUri);
        Assert.Equal("https://govcloud.uipath.us/agency/Prod/orchestrator_/", UiPathEndpoints.PublicSectorOrchestrator("agency", "Prod").AbsoluteUri);
    }

    [Fact]
    public void Self_hosted_endpoints_keep_their_host_and_end_with_a_slash()
    {
        Assert.Equal("https://suite.example.com/acme/Dev/orchestrator_/", UiPathEndpoints.AutomationSuiteOrchestrator(new Uri("https://suite.example.com"), "acme", "Dev").AbsoluteUri);
        Assert.Equal("https://orchestrator.example.com/uipath/", UiPathEndpoints.OnPremisesOrchestrator(new Uri("https://orchestrator.example.com/uipath")).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/", UiPathEndpoints.OnPremisesOrchestrator(new Uri("http://127.0.0.1:5080")).AbsoluteUri);
    }

    [Fact]
    public void Directly_onboarded_Communications_Mining_tenants_use_reinfer_io()
    {
        Assert.Equal("https://acme.reinfer.io/api/", UiPathEndpoints.CommunicationsMiningTenant("Acme").AbsoluteUri);
        var failure = Assert.Throws<ArgumentException>(() => UiPathEndpoints.CommunicationsMiningTenant("acme.reinfer.io"));
        Assert.Contains("give the subdomain only", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "tenant", "The organization is missing")]
    [InlineData("acme", " ", "The tenant is missing")]
    [InlineData("acme/other", "tenant", "'acme/other' is not a valid organization name")]
    [InlineData("acme", "Default Tenant", "'Default Tenant' is not a valid tenant name")]
    public void Missing_or_malformed_names_say_which_one(string organization, string tenant, string message)
    {
        var failure = Assert.Throws<ArgumentException>(() => UiPathEndpoints.CloudOrchestrator(organization, tenant));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => UiPathEndpoints.OnPremisesOrchestrator(new Uri("http://orchestrator.example.com/")));

        Assert.Contains("must be an absolute https URL", failure.Message, StringComparison.Ordinal);
    }
}
