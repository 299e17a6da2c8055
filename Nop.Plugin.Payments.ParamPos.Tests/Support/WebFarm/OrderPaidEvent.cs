using Nop.Core;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.WebFarm;

/// <summary>
/// A row per paid transition of an order (what nopCommerce's ProcessOrderPaidAsync does once per transition: the
/// OrderPaidEvent, e-mails, reward points), so the tests can count them across nodes.
/// </summary>
public class OrderPaidEvent : BaseEntity
{
    public int OrderId { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
