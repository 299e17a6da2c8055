namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// The terms of a ParamPOS payment: what the shopper chose and what is charged.
/// </summary>
/// <param name="Installments">Installment count.</param>
/// <param name="Rate">Commission rate in percent.</param>
/// <param name="Amount">Islem_Tutar.</param>
/// <param name="Total">Toplam_Tutar (= the order total).</param>
/// <param name="MaskedCard">First 6 / last 4.</param>
/// <param name="CardFamily">Card program name.</param>
public sealed record PaymentTerms(int Installments, decimal Rate, decimal Amount, decimal Total, string MaskedCard, string CardFamily)
{
    /// <summary>Gets the currency of the amounts: TRY, or USD / EUR / GBP for a foreign-currency payment.</summary>
    public string CurrencyCode { get; init; } = ParamPosDefaults.CurrencyCode;

    /// <summary>Gets Param's SanalPOS_ID of the card's program (0 when unknown, e.g. a foreign-currency payment).</summary>
    public int PosId { get; init; }

    /// <summary>Gets a value indicating whether the card is a debit card.</summary>
    public bool IsDebit { get; init; }

    /// <summary>Gets the issuing bank's name, when known.</summary>
    public string BankName { get; init; }
}
