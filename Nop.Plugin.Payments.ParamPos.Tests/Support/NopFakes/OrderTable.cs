using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>
/// The store's orders and order notes as a table: what <see cref="NopOrderServices"/> reads and writes, and what the
/// tests inspect. Every read is a fresh copy of the stored row; an update replaces the whole row (as nopCommerce's
/// repository writes every column).
/// </summary>
public interface IOrderTable
{
    Order Insert(Order order);

    Order Get(int orderId);

    Task<Order> GetByGuidAsync(Guid orderGuid);

    IReadOnlyList<Order> All();

    Task UpdateOrderAsync(Order order);

    IReadOnlyList<OrderNote> Notes(int orderId);

    Task InsertOrderNoteAsync(OrderNote orderNote);

    /// <summary>Records one paid transition (nopCommerce's ProcessOrderPaidAsync: OrderPaidEvent, e-mails, reward points).</summary>
    Task RecordPaidAsync(int orderId);

    /// <summary>Gets how many paid transitions there were in all.</summary>
    int MarkedPaidCount { get; }

    /// <summary>Gets how many paid transitions an order had.</summary>
    int MarkedPaidCountOf(int orderId);

    /// <summary>Gets the orders cancelled through CancelOrderAsync.</summary>
    List<int> Cancelled { get; }

    /// <summary>Gets the orders whose items ReOrderAsync put back in the cart.</summary>
    List<int> Reordered { get; }
}
