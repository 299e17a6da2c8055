namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// What happens to the pending order when 3D Secure or the bank declines.
/// </summary>
public enum FailedPaymentAction
{
    /// <summary>Keep the order pending so the shopper can pay again from the result page or the order details.</summary>
    KeepPendingForRetry = 0,

    /// <summary>Cancel the order and put its items back in the cart.</summary>
    CancelAndRestoreCart = 10
}
