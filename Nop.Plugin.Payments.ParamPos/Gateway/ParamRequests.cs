using System.Globalization;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// Request mapping: the wire bodies of Param's operations, built from the client's requests with Param's formats
/// (amounts, hashes, field lengths), after checking what Param would refuse anyway.
/// </summary>
public static class ParamRequests
{
    private const int MAX_FIELD_LENGTH_ORDER_ID = 36;
    private const int MAX_FIELD_LENGTH_DATA = 250;

    /// <summary>TP_WMD_UCD: a sale, 3D Model or NonSecure.</summary>
    public static TP_WMD_UCD Sale(SaleRequest sale, ParamCredentials credentials)
    {
        Validate(sale, requireUrls: sale?.Security == ThreeDSecurity.ThreeD);
        var (islemTutar, toplamTutar) = (ParamAmount.FormatPayment(sale.Amount), ParamAmount.FormatPayment(sale.TotalAmount));
        var body = CardPayment<TP_WMD_UCD>(sale, credentials, islemTutar, toplamTutar);
        body.Taksit = sale.Installments;
        body.Islem_Hash = ParamHash.ForSale(credentials.ClientCode, credentials.Guid, sale.Installments, islemTutar, toplamTutar, sale.OrderId);

        return body;
    }

    /// <summary>TP_Islem_Odeme_OnProv_WMD: a pre-authorization, Taksit last (the hash does not include it).</summary>
    public static TP_Islem_Odeme_OnProv_WMD PreAuthorization(SaleRequest sale, ParamCredentials credentials)
    {
        Validate(sale, requireUrls: true);
        var (islemTutar, toplamTutar) = (ParamAmount.FormatPayment(sale.Amount), ParamAmount.FormatPayment(sale.TotalAmount));
        var body = CardPayment<TP_Islem_Odeme_OnProv_WMD>(sale, credentials, islemTutar, toplamTutar);
        body.Taksit = sale.Installments;
        body.Islem_Hash = ParamHash.ForPreAuthorization(credentials.ClientCode, credentials.Guid, islemTutar, toplamTutar, sale.OrderId, body.Hata_URL, body.Basarili_URL);

        return body;
    }

    /// <summary>Pos_Odeme: a 3D Pay sale, completed by the bank (hash with Taksit and the URLs).</summary>
    public static Pos_Odeme ThreeDPaySale(SaleRequest sale, ParamCredentials credentials)
    {
        Validate(sale, requireUrls: sale?.Security == ThreeDSecurity.ThreeD);
        var (islemTutar, toplamTutar) = (ParamAmount.FormatPayment(sale.Amount), ParamAmount.FormatPayment(sale.TotalAmount));
        var body = CardPayment<Pos_Odeme>(sale, credentials, islemTutar, toplamTutar);
        body.Taksit = sale.Installments;
        body.Islem_Hash = ParamHash.ForThreeDPay(credentials.ClientCode, credentials.Guid, sale.Installments, islemTutar, toplamTutar, sale.OrderId, body.Hata_URL, body.Basarili_URL);

        return body;
    }

    /// <summary>TP_Islem_Odeme_WD: a single-payment sale in a foreign currency (hash without Taksit, with the URLs).</summary>
    public static TP_Islem_Odeme_WD ForeignCurrencySale(SaleRequest sale, string currencyCode, ParamCredentials credentials)
    {
        Validate(sale, requireUrls: sale?.Security == ThreeDSecurity.ThreeD);
        if (sale.Installments != 1)
            throw new ArgumentOutOfRangeException(nameof(sale), sale.Installments, "A foreign-currency payment is a single payment.");
        var dovizKodu = ParamCurrency.DovizKodu(currencyCode) is { } code and not 1000
            ? code
            : throw new ArgumentOutOfRangeException(nameof(currencyCode), currencyCode, "Param takes foreign-currency payments in USD, EUR and GBP.");
        var (islemTutar, toplamTutar) = (ParamAmount.FormatPayment(sale.Amount), ParamAmount.FormatPayment(sale.TotalAmount));
        var body = CardPayment<TP_Islem_Odeme_WD>(sale, credentials, islemTutar, toplamTutar);
        body.Doviz_Kodu = dovizKodu;
        body.Islem_Hash = ParamHash.ForForeignCurrency(credentials.ClientCode, credentials.Guid, islemTutar, toplamTutar, sale.OrderId, body.Hata_URL, body.Basarili_URL);

        return body;
    }

    /// <summary>TP_WMD_Pay: completing a 3D Model payment with what the bank posted.</summary>
    public static TP_WMD_Pay Completion(PaymentCompletionRequest completion, ParamCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(completion);

        return new TP_WMD_Pay
        {
            G = Security(credentials),
            GUID = credentials.Guid,
            UCD_MD = completion.Md ?? string.Empty,
            Islem_GUID = completion.TransactionGuid ?? string.Empty,
            Siparis_ID = completion.OrderId ?? string.Empty
        };
    }

    /// <summary>TP_Islem_Iptal_Iade_Kismi2: a cancel (IPTAL) or refund (IADE); Tutar as a dot double.</summary>
    public static TP_Islem_Iptal_Iade_Kismi2 Reversal(ReversalRequest reversal, ParamCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        if (reversal.Amount <= 0m)
            throw new ArgumentOutOfRangeException(nameof(reversal), reversal.Amount, "A cancel or refund needs a positive amount.");

        return new TP_Islem_Iptal_Iade_Kismi2
        {
            G = Security(credentials),
            GUID = credentials.Guid,
            Durum = reversal.Kind == ReversalKind.Cancel ? "IPTAL" : "IADE",
            Siparis_ID = reversal.OrderId,
            Tutar = ParamAmount.FormatDouble(reversal.Amount)
        };
    }

    /// <summary>TP_Islem_Odeme_OnProv_Kapa: capturing a pre-authorization (Prov_Tutar in comma form).</summary>
    public static TP_Islem_Odeme_OnProv_Kapa Capture(string orderId, decimal amount, string provisionId, ParamCredentials credentials)
    {
        return new TP_Islem_Odeme_OnProv_Kapa
        {
            G = Security(credentials),
            GUID = credentials.Guid,
            Prov_ID = provisionId ?? string.Empty,
            Prov_Tutar = ParamAmount.FormatPayment(amount),
            Siparis_ID = orderId
        };
    }

    /// <summary>TP_Islem_Iptal_OnProv: releasing a pre-authorization.</summary>
    public static TP_Islem_Iptal_OnProv PreAuthorizationRelease(string orderId, string provisionId, ParamCredentials credentials)
    {
        return new TP_Islem_Iptal_OnProv
        {
            G = Security(credentials),
            GUID = credentials.Guid,
            Prov_ID = provisionId ?? string.Empty,
            Siparis_ID = orderId
        };
    }

    /// <summary>TP_Ozel_Oran_SK_Liste: the merchant's end-customer installment rates.</summary>
    public static TP_Ozel_Oran_SK_Liste Rates(ParamCredentials credentials)
    {
        return new TP_Ozel_Oran_SK_Liste { G = Security(credentials), GUID = credentials.Guid };
    }

    /// <summary>BIN_SanalPos: the card program of a BIN (this call carries no GUID).</summary>
    public static BIN_SanalPos Bin(string bin, ParamCredentials credentials)
    {
        if (string.IsNullOrEmpty(bin) || bin.Length is not (6 or 8) || !bin.All(char.IsAsciiDigit))
            throw new ArgumentException("A BIN is the first 6 or 8 digits of a card.", nameof(bin));

        return new BIN_SanalPos { G = Security(credentials), BIN = bin };
    }

    /// <summary>BIN_SanalPos with an empty BIN: every BIN Param knows (ParamPOS.md §8.2).</summary>
    public static BIN_SanalPos BinTable(ParamCredentials credentials)
    {
        return new BIN_SanalPos { G = Security(credentials), BIN = string.Empty };
    }

    /// <summary>TP_Islem_Sorgulama4: one transaction by order id, receipt number or merchant transaction id.</summary>
    public static TP_Islem_Sorgulama4 Query(string orderId, string receiptId, string transactionId, ParamCredentials credentials)
    {
        if (string.IsNullOrEmpty(orderId) && string.IsNullOrEmpty(receiptId) && string.IsNullOrEmpty(transactionId))
            throw new ArgumentException("Give an order id, a receipt number or a transaction id.", nameof(orderId));

        return new TP_Islem_Sorgulama4
        {
            G = Security(credentials),
            GUID = credentials.Guid,
            Dekont_ID = receiptId ?? string.Empty,
            Siparis_ID = orderId ?? string.Empty,
            Islem_ID = transactionId ?? string.Empty
        };
    }

    /// <summary>
    /// The card, order and amount elements of a sale or pre-authorization; the caller adds what differs (Taksit, hash).
    /// </summary>
    private static TBody CardPayment<TBody>(SaleRequest sale, ParamCredentials credentials, string islemTutar, string toplamTutar) where TBody : ICardPaymentBody, new()
    {
        return new TBody
        {
            G = Security(credentials),
            GUID = credentials.Guid,
            KK_Sahibi = sale.CardHolderName?.Trim() ?? string.Empty,
            KK_No = sale.CardNumber,
            KK_SK_Ay = sale.ExpiryMonth.ToString("00", CultureInfo.InvariantCulture),
            KK_SK_Yil = sale.ExpiryYear.ToString("0000", CultureInfo.InvariantCulture),
            KK_CVC = sale.Cvc,
            // Param fails when KK_Sahibi_GSM is omitted, so it is always sent, empty when unknown.
            KK_Sahibi_GSM = sale.HolderMobile ?? string.Empty,
            Hata_URL = sale.FailureUrl ?? string.Empty,
            Basarili_URL = sale.SuccessUrl ?? string.Empty,
            Siparis_ID = sale.OrderId,
            Siparis_Aciklama = sale.Description ?? string.Empty,
            Islem_Tutar = islemTutar,
            Toplam_Tutar = toplamTutar,
            Islem_Guvenlik_Tip = sale.Security == ThreeDSecurity.ThreeD ? "3D" : "NS",
            Islem_ID = sale.TransactionId ?? string.Empty,
            IPAdr = sale.CustomerIp ?? string.Empty,
            Ref_URL = sale.ReferrerUrl ?? string.Empty,
            Data1 = Extra(sale, 0),
            Data2 = Extra(sale, 1),
            Data3 = Extra(sale, 2),
            Data4 = Extra(sale, 3),
            Data5 = Extra(sale, 4)
        };
    }

    internal static ST_WS_Guvenlik Security(ParamCredentials credentials)
    {
        return new ST_WS_Guvenlik
        {
            CLIENT_CODE = credentials.ClientCode,
            CLIENT_USERNAME = credentials.Username,
            CLIENT_PASSWORD = credentials.Password
        };
    }

    private static string Extra(SaleRequest sale, int index)
    {
        var value = sale.ExtraData is not null && index < sale.ExtraData.Count ? sale.ExtraData[index] ?? string.Empty : string.Empty;

        return value.Length <= MAX_FIELD_LENGTH_DATA ? value : value[..MAX_FIELD_LENGTH_DATA];
    }

    private static void Validate(SaleRequest sale, bool requireUrls)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (string.IsNullOrEmpty(sale.OrderId) || sale.OrderId.Length > MAX_FIELD_LENGTH_ORDER_ID || !sale.OrderId.All(char.IsAscii))
            throw new ArgumentException("Siparis_ID must be 1–36 ASCII characters (it is part of the hash).", nameof(sale));
        if (string.IsNullOrEmpty(sale.CardNumber) || !sale.CardNumber.All(char.IsAsciiDigit))
            throw new ArgumentException("The card number must be digits only.", nameof(sale));
        if (sale.Installments is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(sale), sale.Installments, "Installments are 1–12.");
        if (sale.TotalAmount < sale.Amount)
            throw new ArgumentOutOfRangeException(nameof(sale), sale.TotalAmount, "Toplam_Tutar cannot be below Islem_Tutar.");
        if (requireUrls && (string.IsNullOrEmpty(sale.SuccessUrl) || string.IsNullOrEmpty(sale.FailureUrl)))
            throw new ArgumentException("3D payments need the success and failure URLs.", nameof(sale));
    }
}
