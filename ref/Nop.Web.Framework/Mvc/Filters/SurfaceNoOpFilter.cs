using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

/// <summary>
/// Stands in for the host's authorization filters, which need nopCommerce's permission service.
/// Outside the host (tests, the browser test host) the attributes therefore authorize nothing and deny nothing.
/// </summary>
internal sealed class SurfaceNoOpFilter : IAsyncAuthorizationFilter
{
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        return Task.CompletedTask;
    }
}
