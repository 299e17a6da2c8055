using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

public partial class PostProcessPaymentRequest
{
    public Order Order { get; set; }
}

public partial class CapturePaymentRequest
{
    public Order Order { get; set; }
}

public partial class RefundPaymentRequest
{
    public Order Order { get; set; }

    public decimal AmountToRefund { get; set; }

    public bool IsPartialRefund { get; set; }
}

public partial class VoidPaymentRequest
{
    public Order Order { get; set; }
}

public partial class CancelRecurringPaymentRequest
{
    public Order Order { get; set; }
}
