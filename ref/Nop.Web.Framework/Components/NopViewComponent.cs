using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Nop.Web.Framework.Components;

/// <remarks>The host also publishes a "model prepared" event; the surface only renders.</remarks>
public abstract partial class NopViewComponent : ViewComponent
{
    public new ViewViewComponentResult View<TModel>(string viewName, TModel model)
    {
        return base.View(viewName, model);
    }

    public new ViewViewComponentResult View<TModel>(TModel model)
    {
        return base.View(model);
    }

    public new ViewViewComponentResult View(string viewName)
    {
        return base.View(viewName);
    }
}
