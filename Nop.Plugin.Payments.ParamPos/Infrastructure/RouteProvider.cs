using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.ParamPos.Infrastructure;

/// <summary>
/// Represents the plugin's public routes (the admin configuration page needs none: it is served by the area route)
/// </summary>
public class RouteProvider : IRouteProvider
{
    /// <summary>
    /// Register routes
    /// </summary>
    /// <param name="endpointRouteBuilder">Route builder</param>
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.Callback,
            pattern: ParamPosDefaults.Route.CallbackPattern,
            defaults: new { controller = "ParamPosCallback", action = "Callback" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.Return,
            pattern: ParamPosDefaults.Route.ReturnPattern,
            defaults: new { controller = "ParamPosCallback", action = "Return" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.ParatikaReturn,
            pattern: ParamPosDefaults.Route.ParatikaReturnPattern,
            defaults: new { controller = "ParamPosCallback", action = "ParatikaReturn" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.Quote,
            pattern: ParamPosDefaults.Route.QuotePattern,
            defaults: new { controller = "ParamPosPublic", action = "Quote" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.ThreeDSecure,
            pattern: ParamPosDefaults.Route.ThreeDSecurePattern,
            defaults: new { controller = "ParamPosPublic", action = "ThreeDSecure" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.Result,
            pattern: ParamPosDefaults.Route.ResultPattern,
            defaults: new { controller = "ParamPosPublic", action = "Result" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.PayAgain,
            pattern: ParamPosDefaults.Route.PayAgainPattern,
            defaults: new { controller = "ParamPosPublic", action = "PayAgain" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.InstallmentWidget,
            pattern: ParamPosDefaults.Route.InstallmentWidgetPattern,
            defaults: new { controller = "ParamPosPublic", action = "InstallmentWidget" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.SavedCards,
            pattern: ParamPosDefaults.Route.SavedCardsPattern,
            defaults: new { controller = "ParamPosSavedCards", action = "List" });

        endpointRouteBuilder.MapControllerRoute(name: ParamPosDefaults.Route.SavedCardDelete,
            pattern: ParamPosDefaults.Route.SavedCardDeletePattern,
            defaults: new { controller = "ParamPosSavedCards", action = "Delete" });
    }

    /// <summary>
    /// Gets a priority of route provider
    /// </summary>
    public int Priority => 0;
}
