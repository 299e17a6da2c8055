using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// nopCommerce's OrderService and OrderProcessingService as the plugin meets them, one instance per request (scope)
/// like the host's: GetOrderByIdAsync answers from the request's short-term cache after the first read, so within a
/// request it never sees another node's changes; GetOrderByGuidAsync reads the table; UpdateOrderAsync writes the whole
/// row it is given (a stale copy overwrites newer data); MarkOrderAsPaidAsync follows OrderProcessingService's rules
/// and counts each paid transition.
/// </summary>
public sealed class NopOrderServices : IOrderService, IOrderProcessingService
{
    private readonly IOrderTable _table;
    private readonly FakeCatalog _catalog;
    private readonly IServiceProvider _services;
    private readonly Dictionary<int, Order> _requestCache = new();

    public NopOrderServices(IOrderTable table, FakeCatalog catalog, IServiceProvider services)
    {
        _table = table;
        _catalog = catalog;
        _services = services;
    }

    public Task<Order> GetOrderByIdAsync(int orderId)
    {
        lock (_requestCache)
        {
            if (!_requestCache.TryGetValue(orderId, out var order))
                _requestCache[orderId] = order = _table.Get(orderId);

            return Task.FromResult(order);
        }
    }

    public Task<Order> GetOrderByGuidAsync(Guid orderGuid) => _table.GetByGuidAsync(orderGuid);

    public Task<IPagedList<Order>> SearchOrdersAsync(int storeId = 0, int vendorId = 0, int customerId = 0, int productId = 0, int affiliateId = 0, int warehouseId = 0,
        int billingCountryId = 0, string paymentMethodSystemName = null, DateTime? createdFromUtc = null, DateTime? createdToUtc = null, List<int> osIds = null,
        List<int> psIds = null, List<int> ssIds = null, string billingPhone = null, string billingEmail = null, string billingLastName = "", string orderNotes = null,
        int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false)
    {
        var found = _table.All().Where(order => !order.Deleted
                && (storeId == 0 || order.StoreId == storeId)
                && (customerId == 0 || order.CustomerId == customerId)
                && (paymentMethodSystemName is null || order.PaymentMethodSystemName == paymentMethodSystemName)
                && (createdFromUtc is null || order.CreatedOnUtc >= createdFromUtc)
                && (createdToUtc is null || order.CreatedOnUtc <= createdToUtc)
                && (osIds is null || osIds.Contains(order.OrderStatusId))
                && (psIds is null || psIds.Contains(order.PaymentStatusId)))
            .OrderByDescending(order => order.CreatedOnUtc)
            .ToList();

        return Task.FromResult<IPagedList<Order>>(new PagedList<Order>(found, pageIndex, pageSize));
    }

    public async Task UpdateOrderAsync(Order order)
    {
        await _table.UpdateOrderAsync(order);
        lock (_requestCache)
            _requestCache.Remove(order.Id);
    }

    public Task<IList<OrderNote>> GetOrderNotesByOrderIdAsync(int orderId, bool? displayToCustomer = null)
    {
        return Task.FromResult<IList<OrderNote>>(_table.Notes(orderId).Where(note => displayToCustomer is null || note.DisplayToCustomer == displayToCustomer).ToList());
    }

    public Task InsertOrderNoteAsync(OrderNote orderNote) => _table.InsertOrderNoteAsync(orderNote);

    public Task<IList<OrderItem>> GetOrderItemsAsync(int orderId, bool? isNotReturnable = null, bool? isShipEnabled = null, int vendorId = 0)
    {
        return Task.FromResult(_catalog.OrderItems(orderId));
    }

    public bool CanCancelOrder(Order order) => order.OrderStatus != OrderStatus.Cancelled;

    public async Task CancelOrderAsync(Order order, bool notifyCustomer)
    {
        order.OrderStatus = OrderStatus.Cancelled;
        await UpdateOrderAsync(order);
        lock (_table.Cancelled)
            _table.Cancelled.Add(order.Id);
    }

    public bool CanMarkOrderAsAuthorized(Order order) => order.OrderStatus != OrderStatus.Cancelled && order.PaymentStatus == PaymentStatus.Pending;

    public async Task MarkAsAuthorizedAsync(Order order)
    {
        order.PaymentStatus = PaymentStatus.Authorized;
        // CheckOrderStatusAsync: a pending order whose payment is authorized is processed.
        if (order.OrderStatus == OrderStatus.Pending)
            order.OrderStatus = OrderStatus.Processing;
        await UpdateOrderAsync(order);
        await InsertOrderNoteAsync(new OrderNote { OrderId = order.Id, Note = "Order has been marked as authorized", CreatedOnUtc = DateTime.UtcNow });
    }

    public bool CanMarkOrderAsPaid(Order order)
    {
        return order.OrderStatus != OrderStatus.Cancelled
            && order.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.Refunded or PaymentStatus.Voided);
    }

    public async Task MarkOrderAsPaidAsync(Order order)
    {
        if (!CanMarkOrderAsPaid(order))
            throw new NopException("You can't mark this order as paid");

        order.PaymentStatus = PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        if (order.OrderStatus == OrderStatus.Pending)
            order.OrderStatus = OrderStatus.Processing;
        await UpdateOrderAsync(order);
        await InsertOrderNoteAsync(new OrderNote { OrderId = order.Id, Note = "Order has been marked as paid", CreatedOnUtc = DateTime.UtcNow });
        await _table.RecordPaidAsync(order.Id);
    }

    /// <summary>OrderProcessingService.CanPartiallyRefundAsync: a positive amount within what is left, of a paid or partly refunded order whose method refunds partially.</summary>
    public Task<bool> CanPartiallyRefundAsync(Order order, decimal amountToRefund)
    {
        var plugin = _services.GetRequiredService<ParamPosPaymentMethod>();

        return Task.FromResult(order.OrderTotal != 0m && amountToRefund > 0m && order.OrderTotal - order.RefundedAmount - amountToRefund >= 0m
            && order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded && plugin.SupportPartiallyRefund);
    }

    /// <summary>OrderProcessingService.PartiallyRefundAsync: the method's refund, then the order's refunded amount, status and note; errors as nopCommerce words them.</summary>
    public async Task<IList<string>> PartiallyRefundAsync(Order order, decimal amountToRefund)
    {
        if (!await CanPartiallyRefundAsync(order, amountToRefund))
            throw new NopException("Cannot do partial refund for order.");

        var result = await _services.GetRequiredService<ParamPosPaymentMethod>()
            .RefundAsync(new Nop.Services.Payments.RefundPaymentRequest { Order = order, AmountToRefund = amountToRefund, IsPartialRefund = true });
        if (!result.Success)
        {
            var error = string.Join(". ", result.Errors.Select((text, index) => $"Error {index}: {text}"));
            await InsertOrderNoteAsync(new OrderNote { OrderId = order.Id, Note = $"Unable to partially refund order. {error}", CreatedOnUtc = DateTime.UtcNow });

            return result.Errors;
        }

        order.RefundedAmount += amountToRefund;
        order.PaymentStatus = order.OrderTotal == order.RefundedAmount && result.NewPaymentStatus == PaymentStatus.PartiallyRefunded ? PaymentStatus.Refunded : result.NewPaymentStatus;
        await UpdateOrderAsync(order);
        await InsertOrderNoteAsync(new OrderNote { OrderId = order.Id, Note = $"Order has been partially refunded. Amount = {amountToRefund}", CreatedOnUtc = DateTime.UtcNow });

        return [];
    }

    public Task<IList<string>> ReOrderAsync(Order order)
    {
        lock (_table.Reordered)
            _table.Reordered.Add(order.Id);

        return Task.FromResult<IList<string>>(new List<string>());
    }
}
