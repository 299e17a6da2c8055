using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// The installment table of an amount for every card family of Param's rate list (the widget on the product page and in
/// the cart): each family's quote is made by <see cref="InstallmentQuoteBuilder"/>, the checkout's own code, as for a
/// credit card of that family, so the widget shows exactly what the checkout would charge. Pure; no I/O.
/// </summary>
public static class InstallmentTableBuilder
{
    /// <param name="amount">The amount before commission</param>
    /// <param name="programs">Param's rate table</param>
    /// <param name="policy">What the store offers</param>
    /// <param name="families">The SanalPOS_IDs to show; empty: every family</param>
    public static IReadOnlyList<InstallmentQuote> Build(decimal amount, IReadOnlyList<CardProgramRates> programs, InstallmentPolicy policy, IReadOnlySet<int> families)
    {
        return programs
            .Where(program => families.Count == 0 || families.Contains(program.PosId))
            .Select(program => InstallmentQuoteBuilder.Build(amount, new CardProfile(program.PosId, IsDebit: false), programs, policy))
            .Where(quote => quote.Options.Count > 0)
            .ToList();
    }

    /// <summary>
    /// Reads the families setting ("1029, 1014"); anything that is not a SanalPOS_ID is ignored
    /// </summary>
    public static IReadOnlySet<int> Families(string setting)
    {
        return (setting ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(value => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var posId) ? posId : 0)
            .Where(posId => posId > 0)
            .ToHashSet();
    }
}
