using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IOrderProcessingService
{
    bool CanCancelOrder(Order order);

    Task CancelOrderAsync(Order order, bool notifyCustomer);

    bool CanMarkOrderAsAuthorized(Order order);

    Task MarkAsAuthorizedAsync(Order order);

    bool CanMarkOrderAsPaid(Order order);

    Task MarkOrderAsPaidAsync(Order order);

    Task<IList<string>> ReOrderAsync(Order order);

    Task<bool> CanPartiallyRefundAsync(Order order, decimal amountToRefund);

    Task<IList<string>> PartiallyRefundAsync(Order order, decimal amountToRefund);
}
