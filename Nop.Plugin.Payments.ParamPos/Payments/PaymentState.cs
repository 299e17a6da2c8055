namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Where a ParamPOS order's payment stands. Recorded in the order (Authorization transaction result) so every web node,
/// the callback and the reconciliation task see the same state.
/// </summary>
public enum PaymentState
{
    /// <summary>Not a ParamPOS payment, or no state recorded.</summary>
    None,

    /// <summary>TP_WMD_UCD accepted; waiting for the shopper's 3-D Secure.</summary>
    Pending3D,

    /// <summary>TP_WMD_Pay was sent; its answer is not recorded yet. Never sent again: a status query settles it.</summary>
    Completing,

    /// <summary>Paid at Param (Dekont_ID recorded).</summary>
    Paid,

    /// <summary>3-D Secure or the bank declined; nothing was charged. The shopper may pay again.</summary>
    Declined,

    /// <summary>TP_WMD_Pay got no usable answer; the reconciliation task asks Param.</summary>
    Unknown,

    /// <summary>Still not confirmed by Param after the deadline: left for the merchant.</summary>
    Unsettled
}
