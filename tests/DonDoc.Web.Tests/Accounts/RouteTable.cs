using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Web.Tests.Accounts;

/// <summary>
/// Every way into the app, read from its route table: each minimal-API endpoint as "METHOD /pattern",
/// each Razor page handler as "METHOD /Page/Path?handler=Name" (a page without handlers answers GET).
/// </summary>
public static class RouteTable
{
    public static async Task<SortedSet<string>> KeysAsync(IServiceProvider services)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new HashSet<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (!pages.Add(page.ViewEnginePath))
                    continue;
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0)
                    keys.Add($"GET {page.ViewEnginePath}");
                foreach (var handler in compiled.HandlerMethods)
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {page.ViewEnginePath}{(handler.Name is { } name ? "?handler=" + name : "")}");
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
                keys.Add($"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}");
        }
        return keys;
    }
}
