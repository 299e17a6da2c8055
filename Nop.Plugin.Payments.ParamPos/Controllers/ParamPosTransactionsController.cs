using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// The "ParamPOS transactions" admin page: every attempt and money move of the payment ledger, filtered, paged, and
/// exported as CSV. Reads only; for those who may see orders.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public class ParamPosTransactionsController : BasePluginController
{
    protected readonly TransactionListModelFactory _modelFactory;

    public ParamPosTransactionsController(TransactionListModelFactory modelFactory)
    {
        _modelFactory = modelFactory;
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> List(TransactionListModel search)
    {
        return View(ParamPosDefaults.ViewsPath + "Admin/Transactions.cshtml", await _modelFactory.PrepareAsync(search));
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> ExportCsv(TransactionListModel search)
    {
        var model = await _modelFactory.PrepareAsync(search, all: true);
        if (model.Error is not null)
            return View(ParamPosDefaults.ViewsPath + "Admin/Transactions.cshtml", model);

        return File(TransactionCsv.Write(model.Rows), "text/csv; charset=utf-8", $"parampos-transactions-{model.From}-{model.To}.csv");
    }
}
