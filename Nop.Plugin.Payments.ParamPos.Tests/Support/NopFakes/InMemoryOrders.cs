using System.Reflection;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// Orders and their notes as nopCommerce's services handle them: every read returns a fresh copy (as the database does),
/// updates replace the stored row, "mark as paid" follows OrderProcessingService's rules and is counted.
/// </summary>
public sealed class InMemoryOrders : IOrderService, IOrderProcessingService
{
    private static readonly MethodInfo Clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly object _gate = new();
    private readonly Dictionary<int, Order> _orders = new();
    private readonly List<OrderNote> _notes = new();
    private int _nextId = 1;
    private int _markedPaid;

    /// <summary>How many times an order went to Paid through MarkOrderAsPaidAsync.</summary>
    public int MarkedPaidCount => _markedPaid;

    /// <summary>Orders cancelled, and orders whose items were put back in the cart.</summary>
    public List<int> Cancelled { get; } = new();

    public List<int> Reordered { get; } = new();

    public Order Insert(Order order)
    {
        lock (_gate)
        {
            order.Id = _nextId++;
            _orders[order.Id] = Copy(order);
        }

        return order;
    }

    public Order Get(int orderId)
    {
        lock (_gate)
            return _orders.TryGetValue(orderId, out var order) ? Copy(order) : null;
    }

    public IReadOnlyList<OrderNote> Notes(int orderId)
    {
        lock (_gate)
            return _notes.Where(note => note.OrderId == orderId).ToList();
    }

    public IReadOnlyList<Order> All()
    {
        lock (_gate)
            return _orders.Values.Select(Copy).ToList();
    }

    public Task<Order> GetOrderByIdAsync(int orderId) => Task.FromResult(Get(orderId));

    public Task<Order> GetOrderByGuidAsync(Guid orderGuid)
    {
        lock (_gate)
            return Task.FromResult(_orders.Values.Where(order => order.OrderGuid == orderGuid).Select(Copy).FirstOrDefault());
    }

    public Task<IPagedList<Order>> SearchOrdersAsync(int storeId = 0, int vendorId = 0, int customerId = 0, int productId = 0, int affiliateId = 0, int warehouseId = 0,
        int billingCountryId = 0, string paymentMethodSystemName = null, DateTime? createdFromUtc = null, DateTime? createdToUtc = null, List<int> osIds = null,
        List<int> psIds = null, List<int> ssIds = null, string billingPhone = null, string billingEmail = null, string billingLastName = "", string orderNotes = null,
        int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false)
    {
        lock (_gate)
        {
            var found = _orders.Values.Where(order => !order.Deleted
                    && (storeId == 0 || order.StoreId == storeId)
                    && (customerId == 0 || order.CustomerId == customerId)
                    && (paymentMethodSystemName is null || order.PaymentMethodSystemName == paymentMethodSystemName)
                    && (createdFromUtc is null || order.CreatedOnUtc >= createdFromUtc)
                    && (createdToUtc is null || order.CreatedOnUtc <= createdToUtc)
                    && (osIds is null || osIds.Contains(order.OrderStatusId))
                    && (psIds is null || psIds.Contains(order.PaymentStatusId)))
                .OrderByDescending(order => order.CreatedOnUtc)
                .Select(Copy)
                .ToList();

            return Task.FromResult<IPagedList<Order>>(new PagedList<Order>(found, pageIndex, pageSize));
        }
    }

    public Task UpdateOrderAsync(Order order)
    {
        lock (_gate)
            _orders[order.Id] = Copy(order);

        return Task.CompletedTask;
    }

    public Task<IList<OrderNote>> GetOrderNotesByOrderIdAsync(int orderId, bool? displayToCustomer = null)
    {
        lock (_gate)
            return Task.FromResult<IList<OrderNote>>(_notes.Where(note => note.OrderId == orderId && (displayToCustomer is null || note.DisplayToCustomer == displayToCustomer)).ToList());
    }

    public Task InsertOrderNoteAsync(OrderNote orderNote)
    {
        lock (_gate)
            _notes.Add(orderNote);

        return Task.CompletedTask;
    }

    public bool CanCancelOrder(Order order) => order.OrderStatus != OrderStatus.Cancelled;

    public async Task CancelOrderAsync(Order order, bool notifyCustomer)
    {
        order.OrderStatus = OrderStatus.Cancelled;
        await UpdateOrderAsync(order);
        lock (_gate)
            Cancelled.Add(order.Id);
    }

    public bool CanMarkOrderAsAuthorized(Order order) => order.OrderStatus != OrderStatus.Cancelled && order.PaymentStatus == PaymentStatus.Pending;

    public async Task MarkAsAuthorizedAsync(Order order)
    {
        order.PaymentStatus = PaymentStatus.Authorized;
        await UpdateOrderAsync(order);
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
        Interlocked.Increment(ref _markedPaid);
        await InsertOrderNoteAsync(new OrderNote { OrderId = order.Id, Note = "Order has been marked as paid", CreatedOnUtc = DateTime.UtcNow });
    }

    public Task<IList<string>> ReOrderAsync(Order order)
    {
        lock (_gate)
            Reordered.Add(order.Id);

        return Task.FromResult<IList<string>>(new List<string>());
    }

    private static Order Copy(Order order) => (Order)Clone.Invoke(order, null);
}
