using Microsoft.AspNetCore.Mvc.Testing;

namespace Burnrate.Web.Tests;

/// <summary>The app in memory: Burnrate.Web's entry point (found through one of its types; the CLI also has a Program), loopback settings.</summary>
public sealed class WebFactory : WebApplicationFactory<Burnrate.Web.Hosting.ServeSettings>
{
}
