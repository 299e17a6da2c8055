using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class CapturePaymentResult : BaseNopResult
{
    public string CaptureTransactionId { get; set; }

    public string CaptureTransactionResult { get; set; }

    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}

public partial class RefundPaymentResult : BaseNopResult
{
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}

public partial class VoidPaymentResult : BaseNopResult
{
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}

public partial class CancelRecurringPaymentResult : BaseNopResult;
