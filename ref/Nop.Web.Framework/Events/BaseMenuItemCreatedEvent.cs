using Nop.Web.Framework.Menu;

namespace Nop.Web.Framework.Events;

public abstract partial class BaseMenuItemCreatedEvent
{
    private readonly IAdminMenu _adminMenu;

    protected BaseMenuItemCreatedEvent(IAdminMenu adminMenu)
    {
        _adminMenu = adminMenu;
    }

    public virtual string GetMenuItemUrl(string controllerName, string actionName)
    {
        return _adminMenu.GetMenuItemUrl(controllerName, actionName);
    }
}
