using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The TurkPos client, one method per operation: the request mapped to Param's body (<see cref="ParamRequests"/>),
/// sent as SOAP (<see cref="ParamSoapTransport"/>), the answer mapped back (<see cref="ParamResponses"/>). Every
/// method either returns Param's answer (declines included, as results) or throws a <see cref="ParamGatewayException"/>;
/// caller cancellation surfaces as <see cref="OperationCanceledException"/>. Payment calls are sent once; only
/// read-only queries are retried.
/// </summary>
public class ParamClient
{
    private readonly ParamSoapTransport _transport;

    public ParamClient(HttpClient httpClient, ParamClientOptions options)
    {
        _transport = new ParamSoapTransport(httpClient, options);
    }

    #region Payments (sent once, never retried)

    /// <summary>
    /// Starts a sale with TP_WMD_UCD: 3D Model (returns the bank's page) or NonSecure (charges at once).
    /// </summary>
    public virtual Task<SaleStartResult> StartSaleAsync(SaleRequest sale, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_WMD_UCD);

        return _transport.SendAsync(operation, ParamRequests.Sale(sale, context.Credentials), context, isQuery: false,
            (TP_WMD_UCDResponse response) => ParamResponses.SaleStart(operation, response.TP_WMD_UCDResult), cancellationToken);
    }

    /// <summary>
    /// Starts a 3D Pay sale with Pos_Odeme: the bank completes it and posts TURKPOS_RETVAL_* to the store.
    /// </summary>
    public virtual Task<SaleStartResult> StartThreeDPaySaleAsync(SaleRequest sale, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pos_Odeme);

        return _transport.SendAsync(operation, ParamRequests.ThreeDPaySale(sale, context.Credentials), context, isQuery: false,
            (Pos_OdemeResponse response) => ParamResponses.BankCompletedStart(operation, response.Pos_OdemeResult), cancellationToken);
    }

    /// <summary>
    /// Starts a single-payment sale in USD, EUR or GBP with TP_Islem_Odeme_WD: the bank completes it and posts
    /// TURKPOS_RETVAL_* to the store.
    /// </summary>
    public virtual Task<SaleStartResult> StartForeignCurrencySaleAsync(SaleRequest sale, string currencyCode, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Islem_Odeme_WD);

        return _transport.SendAsync(operation, ParamRequests.ForeignCurrencySale(sale, currencyCode, context.Credentials), context, isQuery: false,
            (TP_Islem_Odeme_WDResponse response) => ParamResponses.BankCompletedStart(operation, response.TP_Islem_Odeme_WDResult),
            cancellationToken);
    }

    /// <summary>
    /// Completes a 3D Model sale (or pre-authorization) with TP_WMD_Pay, using the values the bank posted.
    /// </summary>
    public virtual Task<PaymentCompletionResult> CompleteThreeDPaymentAsync(PaymentCompletionRequest completion, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_WMD_Pay);

        return _transport.SendAsync(operation, ParamRequests.Completion(completion, context.Credentials), context, isQuery: false,
            (TP_WMD_PayResponse response) => ParamResponses.Completion(operation, response.TP_WMD_PayResult), cancellationToken);
    }

    /// <summary>
    /// Cancels (IPTAL) or refunds (IADE) a sale with TP_Islem_Iptal_Iade_Kismi2. Tutar goes as a dot double.
    /// </summary>
    public virtual Task<ReversalResult> ReverseSaleAsync(ReversalRequest reversal, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Islem_Iptal_Iade_Kismi2);

        return _transport.SendAsync(operation, ParamRequests.Reversal(reversal, context.Credentials), context, isQuery: false,
            (TP_Islem_Iptal_Iade_Kismi2Response response) => ParamResponses.Reversal(operation, response.TP_Islem_Iptal_Iade_Kismi2Result),
            cancellationToken);
    }

    /// <summary>
    /// Starts a pre-authorization with TP_Islem_Odeme_OnProv_WMD (3D Model or NonSecure), with the installment count
    /// as the current service's last element (Taksit).
    /// </summary>
    public virtual Task<SaleStartResult> StartPreAuthorizationAsync(SaleRequest sale, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Islem_Odeme_OnProv_WMD);

        return _transport.SendAsync(operation, ParamRequests.PreAuthorization(sale, context.Credentials), context, isQuery: false,
            (TP_Islem_Odeme_OnProv_WMDResponse response) => ParamResponses.SaleStart(operation, response.TP_Islem_Odeme_OnProv_WMDResult),
            cancellationToken);
    }

    /// <summary>
    /// Captures a pre-authorization with TP_Islem_Odeme_OnProv_Kapa (Prov_Tutar in comma form).
    /// </summary>
    public virtual Task<CaptureResult> CapturePreAuthorizationAsync(string orderId, decimal amount, string provisionId, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Islem_Odeme_OnProv_Kapa);

        return _transport.SendAsync(operation, ParamRequests.Capture(orderId, amount, provisionId, context.Credentials), context, isQuery: false,
            (TP_Islem_Odeme_OnProv_KapaResponse response) => ParamResponses.Capture(operation, response.TP_Islem_Odeme_OnProv_KapaResult),
            cancellationToken);
    }

    /// <summary>
    /// Releases a pre-authorization that was not captured, with TP_Islem_Iptal_OnProv.
    /// </summary>
    public virtual Task<ReversalResult> CancelPreAuthorizationAsync(string orderId, string provisionId, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Islem_Iptal_OnProv);

        return _transport.SendAsync(operation, ParamRequests.PreAuthorizationRelease(orderId, provisionId, context.Credentials), context, isQuery: false,
            (TP_Islem_Iptal_OnProvResponse response) => ParamResponses.PreAuthorizationRelease(operation, response.TP_Islem_Iptal_OnProvResult),
            cancellationToken);
    }

    #endregion

    #region Card storage (the KS service: the context's ServiceUrl is its address)

    /// <summary>
    /// Stores a card at Param with KS_Kart_Ekle and returns its token. Sent once (a retry could store it twice).
    /// </summary>
    public virtual Task<CardStorageResult> SaveCardAsync(CardToStore card, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(KS_Kart_Ekle);

        return _transport.SendAsync(operation, CardStorageMessages.Save(card, context.Credentials), context, isQuery: false,
            (KS_Kart_EkleResponse response) => CardStorageMessages.SaveResult(operation, response.KS_Kart_EkleResult), cancellationToken);
    }

    /// <summary>
    /// Lists stored cards by label (KK_Kart_Adi) or one card by its merchant id (KK_Islem_ID) with KS_Kart_Liste.
    /// </summary>
    public virtual Task<StoredCardListResult> ListCardsAsync(string label, string cardReference, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(KS_Kart_Liste);

        return _transport.SendAsync(operation, CardStorageMessages.List(label, cardReference, context.Credentials), context, isQuery: true,
            payload => CardStorageMessages.ListResult(operation, payload), cancellationToken);
    }

    /// <summary>
    /// Deletes a stored card with KS_Kart_Sil. Sent once.
    /// </summary>
    public virtual Task<CardDeletionResult> DeleteCardAsync(string token, string cardReference, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(KS_Kart_Sil);

        return _transport.SendAsync(operation, CardStorageMessages.Delete(token, cardReference, context.Credentials), context, isQuery: false,
            (KS_Kart_SilResponse response) => CardStorageMessages.DeleteResult(operation, response.KS_Kart_SilResult), cancellationToken);
    }

    /// <summary>
    /// Starts a sale with a stored card (KS_Tahsilat): the bank's 3-D page (as a URL or as HTML), or NonSecure approval.
    /// The bank completes a 3D sale and posts TURKPOS_RETVAL_*. Sent once.
    /// </summary>
    public virtual Task<SaleStartResult> StartSavedCardSaleAsync(SavedCardSaleRequest sale, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(KS_Tahsilat);

        return _transport.SendAsync(operation, CardStorageMessages.Sale(sale, context.Credentials), context, isQuery: false,
            (KS_TahsilatResponse response) => CardStorageMessages.SaleResult(operation, response.KS_TahsilatResult), cancellationToken);
    }

    #endregion

    #region Marketplace (the marketplace service: the context's ServiceUrl is its address)

    /// <summary>Registers a seller (Pazaryeri_TP_AltUyeIsyeri_Ekleme). Sent once.</summary>
    public virtual Task<SubMerchantResult> AddSubMerchantAsync(SubMerchant seller, string marketplaceGuid, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pazaryeri_TP_AltUyeIsyeri_Ekleme);

        return _transport.SendAsync(operation, MarketplaceMessages.AddSubMerchant(seller, marketplaceGuid, context.Credentials), context, isQuery: false,
            payload => MarketplaceMessages.SubMerchantAnswer(operation, payload), cancellationToken);
    }

    /// <summary>Updates a seller (Pazaryeri_TP_AltUyeIsyeri_Guncelleme). Sent once.</summary>
    public virtual Task<SubMerchantResult> UpdateSubMerchantAsync(string subMerchantGuid, SubMerchant seller, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pazaryeri_TP_AltUyeIsyeri_Guncelleme);

        return _transport.SendAsync(operation, MarketplaceMessages.UpdateSubMerchant(subMerchantGuid, seller, context.Credentials), context, isQuery: false,
            payload => MarketplaceMessages.SubMerchantAnswer(operation, payload), cancellationToken);
    }

    /// <summary>Declares a seller's share of a payment (Pazaryeri_TP_Siparis_Detay_Ekle). Sent once.</summary>
    public virtual Task<ShareDeclarationResult> DeclareShareAsync(string marketplaceGuid, decimal productAmount, decimal payableAmount, string transactionId, string subMerchantGuid,
        ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pazaryeri_TP_Siparis_Detay_Ekle);

        return _transport.SendAsync(operation, MarketplaceMessages.DeclareShare(marketplaceGuid, productAmount, payableAmount, transactionId, subMerchantGuid, context.Credentials),
            context, isQuery: false, payload => MarketplaceMessages.ShareDeclarationAnswer(operation, payload), cancellationToken);
    }

    /// <summary>Approves (1), withdraws an approval (0) or cancels the order only (-1) (Pazaryeri_TP_Siparis_Onay). Sent once.</summary>
    public virtual Task<ShareStatusResult> SetShareStatusAsync(string shareGuid, int status, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pazaryeri_TP_Siparis_Onay);

        return _transport.SendAsync(operation, MarketplaceMessages.SetShareStatus(shareGuid, status, context.Credentials), context, isQuery: false,
            payload => MarketplaceMessages.ShareStatusAnswer(operation, payload), cancellationToken);
    }

    /// <summary>Cancels (same day) or refunds a share, or the whole order with <paramref name="orderAmount"/> 0 (Pazaryeri_TP_Iptal_Iade). Sent once.</summary>
    public virtual Task<MarketplaceResult> ReverseShareAsync(string shareGuid, bool sameDay, string orderId, decimal orderAmount, decimal newPayable, ParamCallContext context,
        CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pazaryeri_TP_Iptal_Iade);

        return _transport.SendAsync(operation, MarketplaceMessages.ReverseShare(shareGuid, sameDay, orderId, orderAmount, newPayable, context.Credentials), context, isQuery: false,
            payload => MarketplaceMessages.PlainAnswer(operation, payload), cancellationToken);
    }

    /// <summary>Reads the seller lines of a seller, a line or a payment (Pazaryeri_TP_Islem_Sorgulama).</summary>
    public virtual Task<ShareQueryResult> QuerySharesAsync(string marketplaceGuid, string subMerchantGuid, string shareGuid, long transactionId, ParamCallContext context,
        CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pazaryeri_TP_Islem_Sorgulama);

        return _transport.SendAsync(operation, MarketplaceMessages.Query(marketplaceGuid, subMerchantGuid, shareGuid, transactionId, context.Credentials), context, isQuery: true,
            payload => MarketplaceMessages.QueryAnswer(operation, payload), cancellationToken);
    }

    /// <summary>Asks whether an individual seller may be paid an amount (Pazaryeri_TP_Limit_Kontrol).</summary>
    public virtual Task<SellerLimitResult> CheckSellerLimitAsync(string marketplaceGuid, string subMerchantGuid, decimal payable, ParamCallContext context,
        CancellationToken cancellationToken = default)
    {
        const string operation = nameof(Pazaryeri_TP_Limit_Kontrol);

        return _transport.SendAsync(operation, MarketplaceMessages.CheckLimit(marketplaceGuid, subMerchantGuid, payable, context.Credentials), context, isQuery: true,
            payload => MarketplaceMessages.LimitAnswer(operation, payload), cancellationToken);
    }

    #endregion

    #region Queries (read-only, retried with backoff)

    /// <summary>
    /// Gets the merchant's end-customer installment rates (TP_Ozel_Oran_SK_Liste).
    /// </summary>
    public virtual Task<InstallmentRatesResult> GetInstallmentRatesAsync(ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Ozel_Oran_SK_Liste);

        return _transport.SendAsync(operation, ParamRequests.Rates(context.Credentials), context, isQuery: true,
            payload => ParamResponses.Rates(operation, payload), cancellationToken);
    }

    /// <summary>
    /// Looks up the card program of a BIN (BIN_SanalPos). An unknown BIN is not an error: <see cref="BinLookupResult.Card"/> is null.
    /// </summary>
    public virtual Task<BinLookupResult> LookupBinAsync(string bin, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(BIN_SanalPos);

        return _transport.SendAsync(operation, ParamRequests.Bin(bin, context.Credentials), context, isQuery: true,
            payload => ParamResponses.Bin(operation, payload, bin), cancellationToken);
    }

    /// <summary>
    /// Reads every BIN Param knows (BIN_SanalPos with an empty BIN: a large answer, meant for a background refresh)
    /// </summary>
    public virtual Task<BinTableResult> GetBinTableAsync(ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(BIN_SanalPos);

        return _transport.SendAsync(operation, ParamRequests.BinTable(context.Credentials), context, isQuery: true,
            payload => ParamResponses.BinTable(operation, payload), cancellationToken);
    }

    /// <summary>
    /// Reads every transaction of a window of at most 7 days (TP_Islem_Izleme): sales (approved or not), cancels and refunds
    /// </summary>
    /// <param name="from">Start, Turkish time</param>
    /// <param name="to">End, Turkish time</param>
    public virtual Task<TransactionMonitorResult> MonitorTransactionsAsync(DateTime from, DateTime to, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Islem_Izleme);

        return _transport.SendAsync(operation, ParamReports.Monitor(from, to, context.Credentials), context, isQuery: true,
            payload => ParamReports.MonitorResult(operation, payload), cancellationToken);
    }

    /// <summary>
    /// Reads Param's totals of a period (TP_Mutabakat_Ozet): successful sales, cancels and refunds
    /// </summary>
    /// <param name="from">Start, Turkish time</param>
    /// <param name="to">End, Turkish time</param>
    public virtual Task<ReconciliationTotals> GetTotalsAsync(DateTime from, DateTime to, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Mutabakat_Ozet);

        return _transport.SendAsync(operation, ParamReports.Totals(from, to, context.Credentials), context, isQuery: true,
            payload => ParamReports.TotalsResult(operation, payload), cancellationToken);
    }

    /// <summary>
    /// Reads the settlement of a Turkish day (TP_Mutabakat_Detay): per transaction, Param's commission, the net it pays and when
    /// </summary>
    public virtual Task<SettlementDetailResult> GetSettlementAsync(DateOnly day, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Mutabakat_Detay);

        return _transport.SendAsync(operation, ParamReports.Settlement(day, context.Credentials), context, isQuery: true,
            payload => ParamReports.SettlementResult(operation, payload), cancellationToken);
    }

    /// <summary>
    /// Queries one transaction (TP_Islem_Sorgulama4) by order id, receipt number or merchant transaction id.
    /// </summary>
    public virtual Task<TransactionStatus> QueryTransactionAsync(string orderId, ParamCallContext context, string receiptId = null, string transactionId = null,
        CancellationToken cancellationToken = default)
    {
        const string operation = nameof(TP_Islem_Sorgulama4);

        return _transport.SendAsync(operation, ParamRequests.Query(orderId, receiptId, transactionId, context.Credentials), context, isQuery: true,
            (TP_Islem_Sorgulama4Response response) => ParamResponses.Transaction(operation, response.TP_Islem_Sorgulama4Result),
            cancellationToken);
    }

    #endregion
}
