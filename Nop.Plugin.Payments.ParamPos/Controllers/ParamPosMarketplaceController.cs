using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Models.Admin;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.ParamPos.Controllers;

/// <summary>
/// The marketplace admin page (per vendor: shares awaiting approval, approved, paid out, refunded) and the marketplace
/// blocks' buttons: registering or updating a vendor as a seller at Param from the vendor's edit page
/// (its fields under "ParamPosSeller"), and approving, withdrawing or refunding an order's vendor shares from the order
/// page (under "ParamPosShares"); each posts the host page's form here, then that page is shown again
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public class ParamPosMarketplaceController : BasePluginController
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly IStoreContext _storeContext;
    protected readonly MarketplaceApprovals _approvals;
    protected readonly MarketplacePageModelFactory _pageModelFactory;
    protected readonly MarketplaceRefundTarget _refundTarget;
    protected readonly MarketplaceSellerRegistry _registry;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public ParamPosMarketplaceController(ILocalizationService localizationService,
        INotificationService notificationService,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        IStoreContext storeContext,
        MarketplaceApprovals approvals,
        MarketplacePageModelFactory pageModelFactory,
        MarketplaceRefundTarget refundTarget,
        MarketplaceSellerRegistry registry,
        ParamCallRunner callRunner)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _storeContext = storeContext;
        _approvals = approvals;
        _pageModelFactory = pageModelFactory;
        _refundTarget = refundTarget;
        _registry = registry;
        _callRunner = callRunner;
    }

    #endregion

    #region Methods

    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> Index(string from, string to)
    {
        var settings = await _callRunner.LoadSettingsAsync(await _storeContext.GetActiveStoreScopeConfigurationAsync());

        return View(ParamPosDefaults.ViewsPath + "Admin/Marketplace.cshtml", await _pageModelFactory.PrepareAsync(settings, from, to));
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Customers.VENDORS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> SaveSeller([Bind(Prefix = "ParamPosSeller")] MarketplaceSellerModel model)
    {
        var settings = await _callRunner.LoadSettingsAsync(await _storeContext.GetActiveStoreScopeConfigurationAsync());
        if (!settings.MarketplaceMode || model.VendorId <= 0)
            return RedirectToAction("List", "Vendor");

        var (problems, refusal) = await _registry.SaveAsync(settings, model.VendorId, MarketplaceSellerModelFactory.ToSubMerchant(model), model.CommissionRate);
        if (problems.Count > 0)
            _notificationService.ErrorNotification(string.Join(" ", await _localizationService.GetPluginResourcesAsync(problems.Select(problem => "Seller.Problem." + problem))));
        else if (refusal is not null)
            _notificationService.ErrorNotification(string.Format(await _localizationService.GetPluginResourceAsync("Seller.Refused"), refusal));
        else
            _notificationService.SuccessNotification(await _localizationService.GetPluginResourceAsync("Seller.Saved"));

        return RedirectToAction("Edit", "Vendor", new { id = model.VendorId });
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> SetShareApproval(IFormCollection form)
    {
        var order = await _orderService.GetOrderByIdAsync(IntOf(form["ParamPosShares.OrderId"]));
        if (order is null)
            return RedirectToAction("List", "Order");

        var approve = string.Equals(form["ParamPosShares.Approve"], "true", StringComparison.OrdinalIgnoreCase);
        var changes = await _approvals.SetAsync(order.OrderGuid, approve, "the store owner");
        if (changes.Count == 0)
            _notificationService.WarningNotification(await _localizationService.GetPluginResourceAsync("MarketplaceOrder.NothingToChange"));
        else if (changes.All(change => change.Succeeded))
            _notificationService.SuccessNotification(string.Format(await _localizationService.GetPluginResourceAsync(approve ? "MarketplaceOrder.Approved.Done" : "MarketplaceOrder.Withdrawn.Done"), changes.Count));
        else
            _notificationService.ErrorNotification(string.Format(await _localizationService.GetPluginResourceAsync("MarketplaceOrder.NotAllChanged"),
                changes.Count(change => change.Succeeded), changes.Count, string.Join("; ", changes.Where(change => !change.Succeeded).Select(change => change.Answer))));

        return RedirectToAction("Edit", "Order", new { id = order.Id });
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> RefundShare(IFormCollection form)
    {
        var order = await _orderService.GetOrderByIdAsync(IntOf(form["ParamPosShares.OrderId"]));
        if (order is null)
            return RedirectToAction("List", "Order");

        var vendorId = IntOf(form["ParamPosShares.RefundVendorId"]);
        var amount = AmountOf(form["ParamPosShares.Amount" + vendorId.ToString(CultureInfo.InvariantCulture)]);
        if (amount is not > 0m || !await _orderProcessingService.CanPartiallyRefundAsync(order, amount.Value))
        {
            _notificationService.ErrorNotification(await _localizationService.GetPluginResourceAsync("MarketplaceOrder.RefundAmountInvalid"));
            return RedirectToAction("Edit", "Order", new { id = order.Id });
        }

        // nopCommerce's partial refund keeps the order's own bookkeeping (refunded amount, status, note, event, e-mails);
        // the plugin's refund reads which vendor it is for.
        _refundTarget.VendorId = vendorId;
        var errors = await _orderProcessingService.PartiallyRefundAsync(order, amount.Value);
        if (errors.Count > 0)
            _notificationService.ErrorNotification(string.Join(" ", errors));
        else
            _notificationService.SuccessNotification(await _localizationService.GetPluginResourceAsync("MarketplaceOrder.Refund.Done"));

        return RedirectToAction("Edit", "Order", new { id = order.Id });
    }

    #endregion

    #region Utilities

    protected static int IntOf(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>Reads an amount typed as 12.50 or, the Turkish way, 12,50 (kuruş at most)</summary>
    protected static decimal? AmountOf(string text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || (text.Contains(',') && text.Contains('.')))
            return null;

        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount == decimal.Round(amount, 2) ? amount : null;
    }

    #endregion
}
