using Nop.Plugin.Payments.ParamPos.Domain;

namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// What the store offers: installments at all, up to how many, from which amount, and who pays the commission.
/// </summary>
/// <param name="Enabled">Whether installments are offered (otherwise single payment only).</param>
/// <param name="Maximum">The highest installment count offered (1–12).</param>
/// <param name="MinimumAmount">Below this amount, single payment only.</param>
/// <param name="Payer">Who pays the commission.</param>
public sealed record InstallmentPolicy(bool Enabled, int Maximum, decimal MinimumAmount, CommissionPayer Payer)
{
    /// <summary>Gets the policy of a store's settings.</summary>
    public static InstallmentPolicy Of(ParamPosSettings settings)
    {
        return new InstallmentPolicy(settings.InstallmentsEnabled, Math.Clamp(settings.MaximumInstallments, 1, 12), settings.MinimumAmountForInstallments, settings.CommissionPayer);
    }
}

/// <summary>
/// What the quote needs to know of a card: its program (SanalPOS_ID), whether it is a debit card, and for display its
/// bank and brand.
/// </summary>
/// <param name="PosId">Card program (SanalPOS_ID).</param>
/// <param name="IsDebit">Debit cards are paid in one installment.</param>
/// <param name="BankName">Issuing bank, if known.</param>
/// <param name="Brand">Card brand (program name when the program has no rates), if known.</param>
public sealed record CardProfile(int PosId, bool IsDebit, string BankName = null, string Brand = null)
{
    /// <summary>Gets the profile of a BIN lookup's card, or null for a BIN Param does not know.</summary>
    public static CardProfile Of(Gateway.BinInfo card)
    {
        return card is null ? null : new CardProfile(card.PosId, card.IsDebit, card.BankName, card.Brand);
    }
}
