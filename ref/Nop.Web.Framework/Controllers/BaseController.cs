using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Controllers;

/// <remarks>
/// The host's class carries nopCommerce's request filters (password validation, IP and activity tracking);
/// the surface carries none.
/// </remarks>
public abstract partial class BaseController : Controller
{
}
