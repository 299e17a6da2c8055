using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// The single source of the installment commission, used for the nopCommerce payment fee and for Toplam_Tutar, so the
/// order total always equals the amount charged (ARCHITECTURE §5):
/// Toplam = Islem + Islem × rate / 100, rounded once, half away from zero, to kuruş.
/// </summary>
public static class ParamPosFeeCalculator
{
    /// <summary>
    /// Gets the amount charged for an amount at a commission rate (percent) when the customer pays the commission.
    /// </summary>
    public static decimal TotalWithCommission(decimal amount, decimal rate)
    {
        if (amount < 0m)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount cannot be negative.");
        if (rate < 0m)
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A negative rate means the installment is not offered.");

        return ParamAmount.RoundToKurus(amount + amount * rate / 100m);
    }

    /// <summary>
    /// Gets Toplam_Tutar for a payment of <paramref name="amount"/> (Islem_Tutar) under the store's commission policy.
    /// </summary>
    public static decimal ChargedTotal(decimal amount, decimal rate, CommissionPayer payer)
    {
        return payer == CommissionPayer.Merchant ? ParamAmount.RoundToKurus(amount) : TotalWithCommission(amount, rate);
    }

    /// <summary>
    /// Gets the payment method additional fee nopCommerce adds to the order total: Toplam − Islem.
    /// </summary>
    public static decimal Fee(decimal amount, decimal rate, CommissionPayer payer)
    {
        return ChargedTotal(amount, rate, payer) - ParamAmount.RoundToKurus(amount);
    }

    /// <summary>
    /// Gets the monthly amount shown to the shopper (display only; the bank splits the total).
    /// </summary>
    public static decimal Monthly(decimal total, int installments)
    {
        return installments <= 1 ? total : ParamAmount.RoundToKurus(total / installments);
    }
}
