using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Events;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Approves a marketplace order's shares for payout on the trigger the store chose: the order completed, or a shipment
/// of it delivered
/// </summary>
public class MarketplaceApprovalEventConsumer : IConsumer<OrderStatusChangedEvent>, IConsumer<ShipmentDeliveredEvent>
{
    #region Fields

    protected readonly IOrderService _orderService;
    protected readonly MarketplaceApprovals _approvals;
    protected readonly ParamCallRunner _callRunner;

    #endregion

    #region Ctor

    public MarketplaceApprovalEventConsumer(IOrderService orderService,
        MarketplaceApprovals approvals,
        ParamCallRunner callRunner)
    {
        _orderService = orderService;
        _approvals = approvals;
        _callRunner = callRunner;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handle the order status changed event
    /// </summary>
    public async Task HandleEventAsync(OrderStatusChangedEvent eventMessage)
    {
        if (eventMessage.Order is { OrderStatus: OrderStatus.Complete } order && order.PaymentMethodSystemName == ParamPosDefaults.SystemName
            && await TriggerAsync(order.StoreId) == MarketplaceApprovalTrigger.OrderComplete)
            await _approvals.SetAsync(order.OrderGuid, approve: true, "the order was completed");
    }

    /// <summary>
    /// Handle the shipment delivered event
    /// </summary>
    public async Task HandleEventAsync(ShipmentDeliveredEvent eventMessage)
    {
        if (await _orderService.GetOrderByIdAsync(eventMessage.Shipment.OrderId) is { } order && order.PaymentMethodSystemName == ParamPosDefaults.SystemName
            && await TriggerAsync(order.StoreId) == MarketplaceApprovalTrigger.ShipmentDelivered)
            await _approvals.SetAsync(order.OrderGuid, approve: true, "a shipment was delivered");
    }

    #endregion

    #region Utilities

    protected virtual async Task<MarketplaceApprovalTrigger?> TriggerAsync(int storeId)
    {
        var settings = await _callRunner.LoadSettingsAsync(storeId);

        return settings.MarketplaceMode ? settings.MarketplaceApprovalTrigger : null;
    }

    #endregion
}
