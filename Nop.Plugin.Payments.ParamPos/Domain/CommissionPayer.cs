namespace Nop.Plugin.Payments.ParamPos.Domain;

/// <summary>
/// Who bears the installment commission.
/// </summary>
public enum CommissionPayer
{
    /// <summary>The commission is added to the order total as the payment method fee (Toplam_Tutar &gt; Islem_Tutar).</summary>
    Customer = 0,

    /// <summary>The store absorbs it: no fee, Toplam_Tutar = Islem_Tutar.</summary>
    Merchant = 10
}
