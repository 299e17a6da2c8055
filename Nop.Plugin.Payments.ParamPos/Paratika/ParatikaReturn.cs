using System.Globalization;

namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// What the hosted payment page posts to RETURNURL after the payment (Paratika.md §6.1). Believed only once its
/// sdSha512 verifies with the merchant's secret key, and even then only as far as Paratika's own records confirm it.
/// </summary>
public sealed class ParatikaReturn
{
    public string MerchantPaymentId { get; init; }
    public string CustomerId { get; init; }
    public string SessionToken { get; init; }
    public string ResponseCode { get; init; }
    public string ResponseMessage { get; init; }
    public string Random { get; init; }
    public string SdSha512 { get; init; }
    public string PgTranId { get; init; }
    public string Amount { get; init; }
    public string ErrorCode { get; init; }
    public string ErrorMessage { get; init; }
    public string BankErrorCode { get; init; }

    /// <summary>Gets a value indicating whether Paratika reports the payment approved ("00").</summary>
    public bool Approved => ResponseCode == "00";

    /// <summary>
    /// Reads the posted fields; null when one that the hash or the order needs is missing. A missing customerId hashes
    /// as empty (OPEN-QUESTIONS B8: optional fields are tolerated).
    /// </summary>
    public static ParatikaReturn Read(Func<string, string> field)
    {
        var posted = new ParatikaReturn
        {
            MerchantPaymentId = field("merchantPaymentId"),
            CustomerId = field("customerId") ?? string.Empty,
            SessionToken = field("sessionToken"),
            ResponseCode = field("responseCode"),
            ResponseMessage = field("responseMsg"),
            Random = field("random"),
            SdSha512 = field("sdSha512"),
            PgTranId = field("pgTranId"),
            Amount = field("amount"),
            ErrorCode = field("errorCode"),
            ErrorMessage = field("errorMsg"),
            BankErrorCode = field("pgTranErrorCode")
        };

        var required = new[] { posted.MerchantPaymentId, posted.SessionToken, posted.ResponseCode, posted.Random, posted.SdSha512 };

        return required.Any(string.IsNullOrEmpty) ? null : posted;
    }

    /// <summary>
    /// Gets whether sdSha512 verifies with the merchant's secret key
    /// </summary>
    public bool Verify(string secretKey)
    {
        if (string.IsNullOrEmpty(secretKey))
            return false;

        return ParatikaHash.Matches(ParatikaHash.SdSha512(MerchantPaymentId, CustomerId, SessionToken, ResponseCode, Random, secretKey), SdSha512);
    }

    /// <summary>
    /// Gets the posted amount, when there is one that reads as a number, or null
    /// </summary>
    public decimal? PostedAmount => decimal.TryParse(Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
}
