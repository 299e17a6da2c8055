namespace Nop.Plugin.Payments.ParamPos.Installments;

/// <summary>
/// What the shopper is offered for a card and an amount: computed on the server from cached rates.
/// </summary>
public sealed class InstallmentQuote
{
    /// <summary>Gets the card program id (SanalPOS_ID), 0 when unknown.</summary>
    public int PosId { get; init; }

    /// <summary>Gets the card family shown to the shopper (Axess, Bonus, …).</summary>
    public string CardFamily { get; init; }

    /// <summary>Gets the issuing bank.</summary>
    public string BankName { get; init; }

    /// <summary>Gets the program's logo URL.</summary>
    public string LogoUrl { get; init; }

    /// <summary>Gets a value indicating whether the card is a debit card (single payment only).</summary>
    public bool IsDebit { get; init; }

    /// <summary>Gets the amount before commission (Islem_Tutar).</summary>
    public decimal Amount { get; init; }

    /// <summary>Gets the offers, single payment first.</summary>
    public IReadOnlyList<InstallmentOption> Options { get; init; } = [];

    /// <summary>Gets the offer for an installment count, or null when it is not offered.</summary>
    public InstallmentOption Option(int installments)
    {
        return Options.FirstOrDefault(option => option.Installments == installments);
    }
}

/// <summary>
/// One installment count the shopper may choose.
/// </summary>
/// <param name="Installments">1 = single payment.</param>
/// <param name="Rate">Commission rate in percent, from TP_Ozel_Oran_SK_Liste.</param>
/// <param name="Total">What is charged (Toplam_Tutar).</param>
/// <param name="Monthly">Total / installments, for display.</param>
/// <param name="Fee">Total − amount: the payment method fee added to the order total (0 when the store absorbs it).</param>
public sealed record InstallmentOption(int Installments, decimal Rate, decimal Total, decimal Monthly, decimal Fee);
