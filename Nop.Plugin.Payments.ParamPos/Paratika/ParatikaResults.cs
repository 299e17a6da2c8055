namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// Paratika's answer to any action: approved ("00") or an error (Paratika.md §2.5). Never decided on responseMsg.
/// </summary>
public class ParatikaAnswer
{
    public string ResponseCode { get; init; }
    public string ResponseMessage { get; init; }

    /// <summary>Gets the error when not approved, or null.</summary>
    public ParatikaError Error { get; init; }

    /// <summary>Gets a value indicating whether Paratika approved.</summary>
    public bool Approved => ResponseCode == "00";
}

/// <summary>
/// A payment session (SESSIONTOKEN): the token that opens the hosted page.
/// </summary>
public sealed class ParatikaSession : ParatikaAnswer
{
    public string SessionToken { get; init; }
}

/// <summary>
/// The answer to a REFUND or a VOID: the new transaction's id when approved.
/// </summary>
public sealed class ParatikaReversal : ParatikaAnswer
{
    public string PgTranId { get; init; }
}

/// <summary>
/// One row of QUERYTRANSACTION's transactionList (Paratika.md §7.2).
/// </summary>
public sealed record ParatikaTransaction(string PgTranId, string Type, string Status, decimal Amount, string Currency, int Installments, string PanLast4, string Bin,
    string CreatedAt);

/// <summary>
/// Paratika's transactions for a MERCHANTPAYMENTID (QUERYTRANSACTION), read as the order's state from all rows
/// (Paratika.md §7.4): the approved sale, the approved refunds, and whether it was voided (the sale row VD, or an
/// approved VOID row: OPEN-QUESTIONS B9).
/// </summary>
public sealed class ParatikaTransactions : ParatikaAnswer
{
    public IReadOnlyList<ParatikaTransaction> Transactions { get; init; } = [];

    /// <summary>Gets the sale that took money (approved, or voided after), or null.</summary>
    public ParatikaTransaction Sale => Transactions.FirstOrDefault(row => row.Type == "SALE" && row.Status is "AP" or "VD");

    /// <summary>Gets a value indicating whether the sale was voided.</summary>
    public bool Voided => Sale is { Status: "VD" } || Transactions.Any(row => row.Type == "VOID" && row.Status == "AP");

    /// <summary>Gets what approved refunds gave back.</summary>
    public decimal RefundedAmount => Transactions.Where(row => row.Type is "REFUND" or "PTREFUND" && row.Status == "AP").Sum(row => row.Amount);

    /// <summary>Gets the sale's id when approved and not voided, of this amount and currency; null otherwise.</summary>
    public ParatikaTransaction PaidSale(decimal amount, string currency)
    {
        return Sale is { Status: "AP" } sale && !Voided && sale.Amount == amount && string.Equals(sale.Currency, currency, StringComparison.OrdinalIgnoreCase) ? sale : null;
    }

    /// <summary>Gets a value indicating whether Paratika has no record of the payment at all.</summary>
    public bool NotFound => Transactions.Count == 0;

    /// <summary>Gets a value indicating whether every row is a failure or a cancellation by the cardholder (nothing was taken).</summary>
    public bool NothingTaken => Transactions.All(row => row.Status is "FA" or "CA" or "RJ");
}
