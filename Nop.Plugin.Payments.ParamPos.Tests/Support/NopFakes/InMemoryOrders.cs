using System.Reflection;
using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// The order table in memory: every read returns a fresh copy (as the database does), updates replace the stored row.
/// </summary>
public sealed class InMemoryOrders : IOrderTable
{
    private static readonly MethodInfo Clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly object _gate = new();
    private readonly Dictionary<int, Order> _orders = new();
    private readonly List<OrderNote> _notes = new();
    private readonly Dictionary<int, int> _paid = new();
    private int _nextId = 1;

    public List<int> Cancelled { get; } = new();

    public List<int> Reordered { get; } = new();

    public int MarkedPaidCount
    {
        get
        {
            lock (_gate)
                return _paid.Values.Sum();
        }
    }

    public int MarkedPaidCountOf(int orderId)
    {
        lock (_gate)
            return _paid.GetValueOrDefault(orderId);
    }

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

    public Task<Order> GetByGuidAsync(Guid orderGuid)
    {
        lock (_gate)
            return Task.FromResult(_orders.Values.Where(order => order.OrderGuid == orderGuid).Select(Copy).FirstOrDefault());
    }

    public IReadOnlyList<Order> All()
    {
        lock (_gate)
            return _orders.Values.Select(Copy).ToList();
    }

    public Task UpdateOrderAsync(Order order)
    {
        lock (_gate)
            _orders[order.Id] = Copy(order);

        return Task.CompletedTask;
    }

    public IReadOnlyList<OrderNote> Notes(int orderId)
    {
        lock (_gate)
            return _notes.Where(note => note.OrderId == orderId).ToList();
    }

    public Task InsertOrderNoteAsync(OrderNote orderNote)
    {
        lock (_gate)
            _notes.Add(orderNote);

        return Task.CompletedTask;
    }

    public Task RecordPaidAsync(int orderId)
    {
        lock (_gate)
            _paid[orderId] = _paid.GetValueOrDefault(orderId) + 1;

        return Task.CompletedTask;
    }

    private static Order Copy(Order order) => (Order)Clone.Invoke(order, null);
}
