using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// The order table in PostgreSQL, shared by every node; an update writes every column of the row it is given, as
/// nopCommerce's repository does (so a stale copy saved by one node overwrites what another wrote).
/// </summary>
public sealed class PostgresOrders : IOrderTable
{
    private readonly PostgresDatabase _database;

    public PostgresOrders(PostgresDatabase database)
    {
        _database = database;
    }

    public List<int> Cancelled { get; } = new();

    public List<int> Reordered { get; } = new();

    public int MarkedPaidCount
    {
        get
        {
            using var db = _database.Connect();
            return db.GetTable<OrderPaidEvent>().Count();
        }
    }

    public int MarkedPaidCountOf(int orderId)
    {
        using var db = _database.Connect();
        return db.GetTable<OrderPaidEvent>().Count(paid => paid.OrderId == orderId);
    }

    public Order Insert(Order order)
    {
        using var db = _database.Connect();
        order.Id = db.InsertWithInt32Identity(order);

        return order;
    }

    public Order Get(int orderId)
    {
        using var db = _database.Connect();
        return db.GetTable<Order>().FirstOrDefault(order => order.Id == orderId);
    }

    public async Task<Order> GetByGuidAsync(Guid orderGuid)
    {
        await using var db = _database.Connect();
        return await db.GetTable<Order>().FirstOrDefaultAsync(order => order.OrderGuid == orderGuid);
    }

    public IReadOnlyList<Order> All()
    {
        using var db = _database.Connect();
        return db.GetTable<Order>().OrderBy(order => order.Id).ToList();
    }

    public async Task UpdateOrderAsync(Order order)
    {
        await using var db = _database.Connect();
        await db.UpdateAsync(order);
    }

    public IReadOnlyList<OrderNote> Notes(int orderId)
    {
        using var db = _database.Connect();
        return db.GetTable<OrderNote>().Where(note => note.OrderId == orderId).OrderBy(note => note.Id).ToList();
    }

    public async Task InsertOrderNoteAsync(OrderNote orderNote)
    {
        await using var db = _database.Connect();
        orderNote.Id = await db.InsertWithInt32IdentityAsync(orderNote);
    }

    public async Task RecordPaidAsync(int orderId)
    {
        await using var db = _database.Connect();
        await db.InsertAsync(new OrderPaidEvent { OrderId = orderId, CreatedOnUtc = DateTime.UtcNow });
    }
}
