using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// Turns the rate table, the card's BIN row and the amount into the offers the store allows (pure; no I/O).
/// Rates -1/-2 and counts above the maximum are not offered; debit cards and amounts under the minimum get single
/// payment only; a card whose program has no rate row gets single payment without commission.
/// </summary>
public static class InstallmentQuoteBuilder
{
    /// <param name="amount">The amount before commission</param>
    /// <param name="card">The card, or null when Param does not know its BIN</param>
    /// <param name="programs">Param's rate table</param>
    /// <param name="policy">What the store offers</param>
    public static InstallmentQuote Build(decimal amount, CardProfile card, IReadOnlyList<CardProgramRates> programs, InstallmentPolicy policy)
    {
        var program = card is null ? null : programs.FirstOrDefault(candidate => candidate.PosId == card.PosId);
        var isDebit = card?.IsDebit ?? false;
        var maximum = !policy.Enabled || isDebit || amount < policy.MinimumAmount ? 1 : Math.Clamp(policy.Maximum, 1, 12);

        var options = new List<InstallmentOption>();
        for (var installments = 1; installments <= maximum; installments++)
        {
            var rate = program?.RateFor(installments) ?? (installments == 1 && program is null ? 0m : null);
            if (rate is null)
                continue;

            var total = ParamPosFeeCalculator.ChargedTotal(amount, rate.Value, policy.Payer);
            options.Add(new InstallmentOption(installments, rate.Value, total,
                ParamPosFeeCalculator.Monthly(total, installments),
                ParamPosFeeCalculator.Fee(amount, rate.Value, policy.Payer)));
        }

        return new InstallmentQuote
        {
            PosId = card?.PosId ?? 0,
            CardFamily = program?.Name ?? card?.Brand,
            BankName = card?.BankName,
            LogoUrl = program?.LogoUrl,
            IsDebit = isDebit,
            Amount = ParamAmount.RoundToKurus(amount),
            Options = options
        };
    }
}
