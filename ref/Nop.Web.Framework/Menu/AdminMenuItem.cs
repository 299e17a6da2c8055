namespace Nop.Web.Framework.Menu;

public partial class AdminMenuItem
{
    protected IList<string> _permissionNames;
    protected string _url;

    public AdminMenuItem()
    {
        ChildNodes = new List<AdminMenuItem>();
    }

    protected virtual bool Insert(string itemSystemName, AdminMenuItem newMenuItem, bool before)
    {
        var position = ChildNodes.ToList().FindIndex(item => item.SystemName == itemSystemName);
        if (position >= 0)
        {
            ChildNodes.Insert(position + (before ? 0 : 1), newMenuItem);
            return true;
        }

        return ChildNodes.Any(item => item.Insert(itemSystemName, newMenuItem, before));
    }

    public virtual bool InsertBefore(string itemSystemName, AdminMenuItem newMenuItem)
    {
        return Insert(itemSystemName, newMenuItem, true);
    }

    public virtual bool InsertAfter(string itemSystemName, AdminMenuItem newMenuItem)
    {
        return Insert(itemSystemName, newMenuItem, false);
    }

    public IList<string> PermissionNames
    {
        get => _permissionNames ?? [];
        set => _permissionNames = value;
    }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url
    {
        get => _url;
        set => _url = value;
    }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }

    public bool Visible { get; set; } = true;
}
