using System.Globalization;
using System.Xml.Linq;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The card-storage (KS) service's bodies and answers (ParamPOS-more.md §18): requests built after checking what Param
/// would refuse anyway, answers read into the client's results (refusals included, as results).
/// </summary>
public static class CardStorageMessages
{
    private const int MAX_FIELD_LENGTH_ORDER_ID = 36;
    private const int MAX_FIELD_LENGTH_LABEL = 150;
    private const int MAX_FIELD_LENGTH_CARD_REFERENCE = 200;
    private const int MAX_FIELD_LENGTH_DATA = 250;
    private static readonly XNamespace Ks = ParamSoap.CARD_STORAGE_NAMESPACE;

    #region Requests

    /// <summary>KS_Kart_Ekle: every element sent, the optional ones empty (Param asks for that).</summary>
    public static KS_Kart_Ekle Save(CardToStore card, ParamCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (string.IsNullOrEmpty(card.Number) || !card.Number.All(char.IsAsciiDigit) || card.Number.Length is < 15 or > 19)
            throw new ArgumentException("The card number must be 15–19 digits.", nameof(card));
        if (card.ExpiryMonth is < 1 or > 12 || card.ExpiryYear is < 2000 or > 2099)
            throw new ArgumentOutOfRangeException(nameof(card), "The expiry must be a month 1–12 of a four-digit year.");
        if ((card.Label?.Length ?? 0) > MAX_FIELD_LENGTH_LABEL || (card.CardReference?.Length ?? 0) > MAX_FIELD_LENGTH_CARD_REFERENCE)
            throw new ArgumentException("KK_Kart_Adi is at most 150 characters, KK_Islem_ID at most 200.", nameof(card));

        return new KS_Kart_Ekle
        {
            G = Security(credentials, nameof(KS_Kart_Ekle)),
            GUID = credentials.Guid,
            KK_Sahibi = card.HolderName?.Trim() ?? string.Empty,
            KK_No = card.Number,
            KK_SK_Ay = card.ExpiryMonth.ToString("00", CultureInfo.InvariantCulture),
            KK_SK_Yil = card.ExpiryYear.ToString("0000", CultureInfo.InvariantCulture),
            KK_Kart_Adi = card.Label ?? string.Empty,
            KK_Islem_ID = card.CardReference ?? string.Empty
        };
    }

    /// <summary>KS_Kart_Liste: by label, or one card by its merchant id.</summary>
    public static KS_Kart_Liste List(string label, string cardReference, ParamCredentials credentials)
    {
        // Both empty lists every card of the merchant (FO warns it can exhaust memory): one filter is required here.
        if (string.IsNullOrEmpty(label) && string.IsNullOrEmpty(cardReference))
            throw new ArgumentException("List stored cards by a label or a card reference.", nameof(label));

        return new KS_Kart_Liste
        {
            G = Security(credentials, nameof(KS_Kart_Liste)),
            GUID = credentials.Guid,
            KK_Kart_Adi = label ?? string.Empty,
            KK_Islem_ID = cardReference ?? string.Empty
        };
    }

    /// <summary>KS_Kart_Sil: the token and the merchant id given at storing (OPEN-QUESTIONS A27), no GUID.</summary>
    public static KS_Kart_Sil Delete(string token, string cardReference, ParamCredentials credentials)
    {
        if (string.IsNullOrWhiteSpace(token))
            throw new ArgumentException("The stored card's token (KS_GUID) is required.", nameof(token));

        return new KS_Kart_Sil
        {
            G = Security(credentials, nameof(KS_Kart_Sil)),
            KS_GUID = token,
            KK_Islem_ID = cardReference ?? string.Empty
        };
    }

    /// <summary>KS_Tahsilat: no hash element exists; amounts in comma form; Data1…Data4.</summary>
    public static KS_Tahsilat Sale(SavedCardSaleRequest sale, ParamCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(sale);
        if (string.IsNullOrWhiteSpace(sale.Token))
            throw new ArgumentException("The stored card's token (KS_GUID) is required.", nameof(sale));
        if (string.IsNullOrEmpty(sale.OrderId) || sale.OrderId.Length > MAX_FIELD_LENGTH_ORDER_ID || !sale.OrderId.All(char.IsAscii))
            throw new ArgumentException("Siparis_ID must be 1–36 ASCII characters.", nameof(sale));
        if (sale.Installments is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(sale), sale.Installments, "Installments are 1–12.");
        if (sale.TotalAmount < sale.Amount)
            throw new ArgumentOutOfRangeException(nameof(sale), sale.TotalAmount, "Toplam_Tutar cannot be below Islem_Tutar.");
        var threeD = sale.Security == ThreeDSecurity.ThreeD;
        if (threeD && (string.IsNullOrEmpty(sale.SuccessUrl) || string.IsNullOrEmpty(sale.FailureUrl)))
            throw new ArgumentException("3D payments need the success and failure URLs.", nameof(sale));
        if (threeD && (sale.Cvc is not { Length: 3 or 4 } || !sale.Cvc.All(char.IsAsciiDigit)))
            throw new ArgumentException("A 3D payment with a stored card needs the CVC.", nameof(sale));

        return new KS_Tahsilat
        {
            G = Security(credentials, nameof(KS_Tahsilat)),
            GUID = credentials.Guid,
            KS_GUID = sale.Token,
            CVV = sale.Cvc ?? string.Empty,
            KK_Sahibi_GSM = sale.HolderMobile ?? string.Empty,
            Hata_URL = sale.FailureUrl ?? string.Empty,
            Basarili_URL = sale.SuccessUrl ?? string.Empty,
            Siparis_ID = sale.OrderId,
            Siparis_Aciklama = sale.Description ?? string.Empty,
            Taksit = sale.Installments,
            Islem_Tutar = ParamAmount.FormatPayment(sale.Amount),
            Toplam_Tutar = ParamAmount.FormatPayment(sale.TotalAmount),
            Islem_Guvenlik_Tip = threeD ? "3D" : "NS",
            Islem_ID = string.Empty,
            IPAdr = sale.CustomerIp ?? string.Empty,
            Ref_URL = sale.ReferrerUrl ?? string.Empty,
            Data1 = Extra(sale, 0),
            Data2 = Extra(sale, 1),
            Data3 = Extra(sale, 2),
            Data4 = Extra(sale, 3),
            KK_Islem_ID = sale.CardReference ?? string.Empty
        };
    }

    #endregion

    #region Answers

    /// <summary>KS_Kart_Ekle: stored only with Sonuc &gt; 0 and a token.</summary>
    public static CardStorageResult SaveResult(string operation, ST_KS_Kart_Ekle result)
    {
        Required(operation, result);
        if (result.Sonuc > 0 && !string.IsNullOrWhiteSpace(result.KS_GUID))
            return new CardStorageResult { Token = result.KS_GUID.Trim() };

        return new CardStorageResult { Error = ParamError.FromResult(result.Sonuc > 0 ? -1 : result.Sonuc, result.Sonuc_Str) };
    }

    /// <summary>KS_Kart_Liste: Sonuc, Sonuc_Str, then the DataSet (this order differs from TurkPos' lists); rows of table Temp.</summary>
    public static StoredCardListResult ListResult(string operation, XElement payload)
    {
        var result = payload.Element(Ks + (operation + "Result"))
            ?? throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: the response has no result element.", outcomeUnknown: false);
        var sonuc = ParamResultRules.ParseSonuc((string)result.Element(Ks + "Sonuc"));
        if (!ParamResultRules.IsSuccess(sonuc))
            return new StoredCardListResult { Error = ParamError.FromResult(sonuc, (string)result.Element(Ks + "Sonuc_Str")) };

        return new StoredCardListResult
        {
            Cards = DiffgramReader.ReadRows(result.Element(Ks + "DT_Bilgi"), "Temp").Select(row => new StoredCardInfo
            {
                Token = ParamResponses.Column(row, "KK_GUID"),
                // Param masks KK_No; were a full number ever listed, it is masked here before anyone sees it.
                MaskedNumber = ParamResponses.Column(row, "KK_No") is { } number && number.All(char.IsAsciiDigit) ? ParamRedactor.MaskCardNumber(number) : ParamResponses.Column(row, "KK_No"),
                Scheme = ParamResponses.Column(row, "KK_Tip"),
                BankName = ParamResponses.Column(row, "KK_Banka"),
                CardFamily = ParamResponses.Column(row, "KK_Marka"),
                Label = ParamResponses.Column(row, "Kart_Adi"),
                CreditOrDebit = ParamResponses.Column(row, "KK_KD"),
                Expiry = ParamResponses.Column(row, "KK_SK")
            }).ToList()
        };
    }

    /// <summary>KS_Kart_Sil: deleted with Sonuc &gt; 0.</summary>
    public static CardDeletionResult DeleteResult(string operation, ST_KS_Sonuc result)
    {
        Required(operation, result);

        return result.Sonuc > 0 ? new CardDeletionResult() : new CardDeletionResult { Error = ParamError.FromResult(result.Sonuc, result.Sonuc_Str) };
    }

    /// <summary>
    /// KS_Tahsilat: NONSECURE with a receipt is a sale made; otherwise the bank's page, which the sources give as a URL or
    /// as HTML (OPEN-QUESTIONS A28): an absolute http(s) address is a URL to send the shopper to, anything else a page to render.
    /// </summary>
    public static SaleStartResult SaleResult(string operation, ST_KS_Islem_Odeme result)
    {
        Required(operation, result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        if (ParamResultRules.IsNonSecureApproved(sonuc, result.UCD_URL, result.Islem_ID))
            return new SaleStartResult { Outcome = SaleStartOutcome.Approved, TransactionId = result.Islem_ID, BankCode = result.Banka_Sonuc_Kod };

        if (ParamResultRules.IsThreeDStarted(sonuc, result.UCD_URL))
        {
            var page = result.UCD_URL.Trim();
            var isUrl = Uri.TryCreate(page, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp);

            return new SaleStartResult
            {
                Outcome = SaleStartOutcome.RedirectToBank,
                ThreeDUrl = isUrl ? page : null,
                ThreeDHtml = isUrl ? null : page,
                TransactionId = result.Islem_ID,
                BankCode = result.Banka_Sonuc_Kod
            };
        }

        var bankCode = result.Banka_Sonuc_Kod > 0 ? result.Banka_Sonuc_Kod.ToString("00", CultureInfo.InvariantCulture) : null;

        return new SaleStartResult
        {
            Outcome = SaleStartOutcome.Declined,
            TransactionId = result.Islem_ID,
            BankCode = result.Banka_Sonuc_Kod,
            Error = ParamError.FromResult(sonuc > 0 ? -1 : sonuc, result.Sonuc_Str, bankCode)
        };
    }

    #endregion

    #region Utilities

    private static ST_KS_Guvenlik Security(ParamCredentials credentials, string operation)
    {
        // CLIENT_CODE is an xs:int on this service: anything else would only come back as a SOAP fault.
        if (!int.TryParse(credentials.ClientCode, NumberStyles.None, CultureInfo.InvariantCulture, out var clientCode))
            throw new ParamGatewayException(ParamFailureKind.Configuration, operation, $"{operation}: CLIENT_CODE must be digits for the card-storage service.", outcomeUnknown: false);

        return new ST_KS_Guvenlik { CLIENT_CODE = clientCode, CLIENT_USERNAME = credentials.Username, CLIENT_PASSWORD = credentials.Password };
    }

    private static string Extra(SavedCardSaleRequest sale, int index)
    {
        var value = sale.ExtraData is not null && index < sale.ExtraData.Count ? sale.ExtraData[index] ?? string.Empty : string.Empty;

        return value.Length <= MAX_FIELD_LENGTH_DATA ? value : value[..MAX_FIELD_LENGTH_DATA];
    }

    private static void Required<T>(string operation, T result) where T : class
    {
        if (result is null)
            throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: the response has no result element.", outcomeUnknown: true);
    }

    #endregion
}
