using System.Globalization;

namespace ParamPos.Sandbox.State;

/// <summary>What the sandbox remembers: 3-D sessions waiting for the bank, settled transactions, the business day.</summary>
public sealed class Ledger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ThreeDSession> _sessionsByGuid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ThreeDSession> _sessionsByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxTransaction> _transactionsByOrder = new(StringComparer.Ordinal);
    private long _nextReceipt = 3007300000;
    private long _nextTransactionId = 6021840000;

    /// <summary>The emulated business day; closing the day turns same-day sales into refundable ones.</summary>
    public int BusinessDay { get; private set; } = 1;

    /// <summary>Runs <paramref name="action"/> under the ledger's lock (operations are short and in memory).</summary>
    public T Locked<T>(Func<T> action)
    {
        lock (_gate)
            return action();
    }

    public void CloseDay()
    {
        lock (_gate)
            BusinessDay++;
    }

    public long NextReceiptId() => Interlocked.Increment(ref _nextReceipt);

    public long NextTransactionId() => Interlocked.Increment(ref _nextTransactionId);

    public void AddSession(ThreeDSession session)
    {
        lock (_gate)
        {
            _sessionsByGuid[session.IslemGuid] = session;
            _sessionsByToken[session.Token] = session;
        }
    }

    public ThreeDSession SessionByGuid(string islemGuid)
    {
        lock (_gate)
            return islemGuid is not null && _sessionsByGuid.TryGetValue(islemGuid, out var session) ? session : null;
    }

    public ThreeDSession SessionByToken(string token)
    {
        lock (_gate)
            return token is not null && _sessionsByToken.TryGetValue(token, out var session) ? session : null;
    }

    public SandboxTransaction TransactionByOrder(string orderId)
    {
        lock (_gate)
            return orderId is not null && _transactionsByOrder.TryGetValue(orderId, out var transaction) ? transaction : null;
    }

    public SandboxTransaction FindTransaction(string receiptId, string orderId, string merchantTransactionId)
    {
        lock (_gate)
        {
            return _transactionsByOrder.Values.FirstOrDefault(transaction =>
                (!string.IsNullOrEmpty(receiptId) && transaction.ReceiptId.ToString(CultureInfo.InvariantCulture) == receiptId)
                || (!string.IsNullOrEmpty(orderId) && transaction.OrderId == orderId)
                || (!string.IsNullOrEmpty(merchantTransactionId) && transaction.MerchantTransactionId == merchantTransactionId));
        }
    }

    public void Record(SandboxTransaction transaction)
    {
        lock (_gate)
            _transactionsByOrder[transaction.OrderId] = transaction;
    }

    public IReadOnlyList<SandboxTransaction> Transactions()
    {
        lock (_gate)
            return _transactionsByOrder.Values.OrderBy(transaction => transaction.CreatedAt).ToList();
    }

    public IReadOnlyList<ThreeDSession> Sessions()
    {
        lock (_gate)
            return _sessionsByGuid.Values.OrderBy(session => session.CreatedAt).ToList();
    }
}

/// <summary>A 3-D Model payment between TP_WMD_UCD and TP_WMD_Pay.</summary>
public sealed class ThreeDSession
{
    public string Token { get; init; }
    public string IslemGuid { get; init; }
    public long TransactionId { get; init; }
    public string OrderId { get; init; }
    public string MerchantTransactionId { get; init; }
    public string CardNumber { get; init; }
    public CardBehaviour Behaviour { get; init; }
    public int Installments { get; init; }
    public decimal Amount { get; init; }
    public decimal Total { get; init; }
    public decimal Rate { get; init; }
    public string AmountText { get; init; }
    public string SuccessUrl { get; init; }
    public string FailureUrl { get; init; }
    public bool IsPreAuthorization { get; init; }

    /// <summary>Pos_Odeme or TP_Islem_Odeme_WD: the bank completes the sale and posts TURKPOS_RETVAL_* (no TP_WMD_Pay).</summary>
    public bool CompletedByBank { get; init; }

    /// <summary>The currency of the amounts: TRY, or USD / EUR / GBP (TP_Islem_Odeme_WD).</summary>
    public string Currency { get; init; } = "TRY";

    public string ExtData { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the bank's TURKPOS_RETVAL_* POST carries TURKPOS_RETVAL_Hash (a saved-card result may not: OPEN-QUESTIONS A28).</summary>
    public bool SignsResult { get; init; } = true;

    /// <summary>The md the bank posted after authentication; TP_WMD_Pay must present exactly this.</summary>
    public string PostedMd { get; set; }

    public string MdStatus { get; set; }

    public ThreeDSessionState State { get; set; } = ThreeDSessionState.AwaitingAuthentication;

    public string MaskedCard => CardNumber.Length >= 10 ? CardNumber[..6] + new string('*', CardNumber.Length - 10) + CardNumber[^4..] : "****";
}

public enum ThreeDSessionState
{
    AwaitingAuthentication,
    Authenticated,
    AuthenticationFailed,
    Completed,
    PaymentRefused
}

/// <summary>A sale or pre-authorization that reached the bank.</summary>
public sealed class SandboxTransaction
{
    public string OrderId { get; init; }
    public long ReceiptId { get; init; }
    public string MerchantTransactionId { get; init; }
    public bool IsPreAuthorization { get; init; }
    public string Currency { get; init; } = "TRY";
    public decimal Total { get; init; }
    public decimal Rate { get; init; }
    public int Installments { get; init; }
    public string MaskedCard { get; init; }
    public string ExtData { get; init; }
    public int BusinessDay { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string ProvisionId { get; init; }

    /// <summary>Param's transaction id (SanalPOS_Islem_ID) of the sale.</summary>
    public long TransactionId { get; init; }

    /// <summary>The cancels and refunds made of it, in order (TP_Islem_Izleme lists each).</summary>
    public List<SandboxReversal> Reversals { get; } = new();

    public TransactionStatus Status { get; set; }
    public decimal Refunded { get; set; }
    public decimal Captured { get; set; }

    /// <summary>Odeme_Sonuc as TP_Islem_Sorgulama4 reports it: 1 live, 12 cancelled, 13 refunded, 0 failed.</summary>
    public int PaymentResult => Status switch
    {
        TransactionStatus.Paid or TransactionStatus.PartiallyRefunded or TransactionStatus.PreAuthorized or TransactionStatus.Captured => 1,
        TransactionStatus.Cancelled or TransactionStatus.PreAuthorizationReleased => 12,
        TransactionStatus.Refunded => 13,
        _ => 0
    };
}

/// <summary>A cancel (IPTAL) or refund (IADE) of a sale: its own transaction id, amount and time.</summary>
public sealed record SandboxReversal(long TransactionId, bool Cancel, decimal Amount, DateTimeOffset At);

public enum TransactionStatus
{
    Paid,
    PartiallyRefunded,
    Refunded,
    Cancelled,
    Failed,
    PreAuthorized,
    Captured,
    PreAuthorizationReleased
}
