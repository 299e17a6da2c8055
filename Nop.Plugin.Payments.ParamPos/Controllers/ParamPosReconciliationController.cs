using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// The reconciliation admin page: a store's day checked against Param's records, the last 30 days, and "Check now" for
/// any day. Checking reads Param and the ledger and changes nothing in the store.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public class ParamPosReconciliationController : BasePluginController
{
    protected readonly DailyReconciliationService _reconciliationService;
    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly IStoreContext _storeContext;
    protected readonly ReconciliationModelFactory _modelFactory;

    public ParamPosReconciliationController(DailyReconciliationService reconciliationService,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IStoreContext storeContext,
        ReconciliationModelFactory modelFactory)
    {
        _reconciliationService = reconciliationService;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _storeContext = storeContext;
        _modelFactory = modelFactory;
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> Index(int? storeId, string day)
    {
        var store = storeId ?? await _storeContext.GetActiveStoreScopeConfigurationAsync();

        return View(ParamPosDefaults.ViewsPath + "Admin/Reconciliation.cshtml", await _modelFactory.PrepareAsync(store, _modelFactory.DayOf(day)));
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> CheckNow(int storeId, string day)
    {
        var checkedDay = _modelFactory.DayOf(day);
        var report = await _reconciliationService.CheckAsync(storeId, checkedDay);
        var dayText = checkedDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (report.Error is not null)
            _notificationService.ErrorNotification(string.Format(await _localizationService.GetPluginResourceAsync("Reconciliation.NotChecked"), dayText, report.Error));
        else if (report.IsClean)
            _notificationService.SuccessNotification(string.Format(await _localizationService.GetPluginResourceAsync("Reconciliation.Clean"), dayText));
        else
            _notificationService.WarningNotification(string.Format(await _localizationService.GetPluginResourceAsync("Reconciliation.HasDifferences"), dayText, report.Differences.Count));

        return RedirectToAction(nameof(Index), new { storeId, day = dayText });
    }
}
