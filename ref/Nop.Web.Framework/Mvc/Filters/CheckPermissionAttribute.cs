using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Mvc.Filters;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CheckPermissionAttribute : TypeFilterAttribute
{
    public CheckPermissionAttribute(string permissionSystemName, CheckPermissionResultType resultType = CheckPermissionResultType.Default) : base(typeof(SurfaceNoOpFilter))
    {
        PermissionSystemName.Add(permissionSystemName);
        ResultType = resultType;
    }

    public CheckPermissionAttribute(string[] permissionSystemNames, CheckPermissionResultType resultType = CheckPermissionResultType.Default) : base(typeof(SurfaceNoOpFilter))
    {
        PermissionSystemName.AddRange(permissionSystemNames);
        ResultType = resultType;
    }

    public List<string> PermissionSystemName { get; } = new();

    public CheckPermissionResultType ResultType { get; }

    public enum CheckPermissionResultType
    {
        Default = 0,
        Html = 1,
        Text = 2,
        Json = 3
    }
}
