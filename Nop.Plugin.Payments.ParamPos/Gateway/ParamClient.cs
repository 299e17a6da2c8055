using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;

namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// The TurkPos SOAP client: SOAP 1.1 over a pooled HttpClient with typed XML contracts (no WCF at run time).
/// Every method either returns Param's answer (declines included, as results) or throws a
/// <see cref="ParamGatewayException"/>; caller cancellation surfaces as <see cref="OperationCanceledException"/>.
/// Payment calls are sent once; only read-only queries are retried.
/// </summary>
public class ParamClient
{
    private const int MAX_FIELD_LENGTH_ORDER_ID = 36;

    private readonly HttpClient _httpClient;
    private readonly ParamClientOptions _options;

    public ParamClient(HttpClient httpClient, ParamClientOptions options)
    {
        _httpClient = httpClient;
        _options = options ?? new ParamClientOptions();

        // Per-call timeouts come from ParamCallContext; the client-wide timeout must not cut them short.
        _httpClient.Timeout = Timeout.InfiniteTimeSpan;
    }

    #region Payments (sent once, never retried)

    /// <summary>
    /// Starts a sale with TP_WMD_UCD: 3D Model (returns the bank's page) or NonSecure (charges at once).
    /// </summary>
    public virtual async Task<SaleStartResult> StartSaleAsync(SaleRequest sale, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        ValidateSale(sale, requireUrls: sale.Security == ThreeDSecurity.ThreeD);
        var credentials = context.Credentials;
        var islemTutar = ParamAmount.FormatPayment(sale.Amount);
        var toplamTutar = ParamAmount.FormatPayment(sale.TotalAmount);
        var body = CardPaymentBody<TP_WMD_UCD>(sale, credentials, islemTutar, toplamTutar);
        body.Taksit = sale.Installments;
        body.Islem_Hash = ParamHash.ForSale(credentials.ClientCode, credentials.Guid, sale.Installments, islemTutar, toplamTutar, sale.OrderId);

        var response = await SendAsync<TP_WMD_UCD, TP_WMD_UCDResponse>(nameof(TP_WMD_UCD), body, context, isQuery: false, cancellationToken);

        return ToSaleStartResult(nameof(TP_WMD_UCD), response.TP_WMD_UCDResult);
    }

    /// <summary>
    /// Completes a 3D Model sale (or pre-authorization) with TP_WMD_Pay, using the values the bank posted.
    /// </summary>
    public virtual async Task<PaymentCompletionResult> CompleteThreeDPaymentAsync(PaymentCompletionRequest completion, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var body = new TP_WMD_Pay
        {
            G = Security(context.Credentials),
            GUID = context.Credentials.Guid,
            UCD_MD = completion.Md ?? string.Empty,
            Islem_GUID = completion.TransactionGuid ?? string.Empty,
            Siparis_ID = completion.OrderId ?? string.Empty
        };

        var response = await SendAsync<TP_WMD_Pay, TP_WMD_PayResponse>(nameof(TP_WMD_Pay), body, context, isQuery: false, cancellationToken);
        var result = Required(nameof(TP_WMD_Pay), response.TP_WMD_PayResult);
        var approved = ParamResultRules.IsPaymentCompleted(result.Sonuc, result.Dekont_ID);

        return new PaymentCompletionResult
        {
            Approved = approved,
            ReceiptId = ParamResultRules.ParseReceiptId(result.Dekont_ID),
            OrderId = result.Siparis_ID,
            BankAuthCode = result.Bank_AuthCode,
            BankTransactionId = result.Bank_Trans_ID,
            BankHostReference = result.Bank_HostRefNum,
            BankCode = result.Bank_Sonuc_Kod,
            BankMessage = result.Bank_HostMsg,
            Error = approved ? null : ParamError.FromResult(result.Sonuc > 0 ? -1 : result.Sonuc, result.Sonuc_Ack, BankCodeText(result.Bank_Sonuc_Kod))
        };
    }

    /// <summary>
    /// Cancels (IPTAL) or refunds (IADE) a sale with TP_Islem_Iptal_Iade_Kismi2. Tutar goes as a dot double.
    /// </summary>
    public virtual async Task<ReversalResult> ReverseSaleAsync(ReversalRequest reversal, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        if (reversal.Amount <= 0m)
            throw new ArgumentOutOfRangeException(nameof(reversal), reversal.Amount, "A cancel or refund needs a positive amount.");

        var body = new TP_Islem_Iptal_Iade_Kismi2
        {
            G = Security(context.Credentials),
            GUID = context.Credentials.Guid,
            Durum = reversal.Kind == ReversalKind.Cancel ? "IPTAL" : "IADE",
            Siparis_ID = reversal.OrderId,
            Tutar = ParamAmount.FormatDouble(reversal.Amount)
        };

        var response = await SendAsync<TP_Islem_Iptal_Iade_Kismi2, TP_Islem_Iptal_Iade_Kismi2Response>(nameof(TP_Islem_Iptal_Iade_Kismi2), body, context, isQuery: false, cancellationToken);
        var result = Required(nameof(TP_Islem_Iptal_Iade_Kismi2), response.TP_Islem_Iptal_Iade_Kismi2Result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);

        return new ReversalResult
        {
            Succeeded = ParamResultRules.IsSuccess(sonuc),
            BankCode = result.Banka_Sonuc_Kod,
            BankAuthCode = result.Bank_AuthCode,
            BankTransactionId = result.Bank_Trans_ID,
            BankHostReference = result.Bank_HostRefNum,
            ParamText = result.Sonuc_Str,
            Error = ParamResultRules.IsSuccess(sonuc) ? null : ParamError.FromResult(sonuc, result.Sonuc_Str, result.Banka_Sonuc_Kod)
        };
    }

    /// <summary>
    /// Starts a pre-authorization with TP_Islem_Odeme_OnProv_WMD (3D Model or NonSecure). The installment count of
    /// <paramref name="sale"/> is not sent: turkpos.wsdl has no Taksit element for this operation.
    /// </summary>
    public virtual async Task<SaleStartResult> StartPreAuthorizationAsync(SaleRequest sale, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        ValidateSale(sale, requireUrls: true);
        var credentials = context.Credentials;
        var islemTutar = ParamAmount.FormatPayment(sale.Amount);
        var toplamTutar = ParamAmount.FormatPayment(sale.TotalAmount);
        var body = CardPaymentBody<TP_Islem_Odeme_OnProv_WMD>(sale, credentials, islemTutar, toplamTutar);
        body.Islem_Hash = ParamHash.ForPreAuthorization(credentials.ClientCode, credentials.Guid, islemTutar, toplamTutar, sale.OrderId, body.Hata_URL, body.Basarili_URL);

        var response = await SendAsync<TP_Islem_Odeme_OnProv_WMD, TP_Islem_Odeme_OnProv_WMDResponse>(nameof(TP_Islem_Odeme_OnProv_WMD), body, context, isQuery: false, cancellationToken);

        return ToSaleStartResult(nameof(TP_Islem_Odeme_OnProv_WMD), response.TP_Islem_Odeme_OnProv_WMDResult);
    }

    /// <summary>
    /// Captures a pre-authorization with TP_Islem_Odeme_OnProv_Kapa (Prov_Tutar in comma form).
    /// </summary>
    public virtual async Task<CaptureResult> CapturePreAuthorizationAsync(string orderId, decimal amount, string provisionId, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        var body = new TP_Islem_Odeme_OnProv_Kapa
        {
            G = Security(context.Credentials),
            GUID = context.Credentials.Guid,
            Prov_ID = provisionId ?? string.Empty,
            Prov_Tutar = ParamAmount.FormatPayment(amount),
            Siparis_ID = orderId
        };

        var response = await SendAsync<TP_Islem_Odeme_OnProv_Kapa, TP_Islem_Odeme_OnProv_KapaResponse>(nameof(TP_Islem_Odeme_OnProv_Kapa), body, context, isQuery: false, cancellationToken);
        var result = Required(nameof(TP_Islem_Odeme_OnProv_Kapa), response.TP_Islem_Odeme_OnProv_KapaResult);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        var captured = ParamResultRules.IsCaptureCompleted(sonuc, result.Dekont_ID);

        return new CaptureResult
        {
            Captured = captured,
            ReceiptId = result.Dekont_ID,
            ProvisionId = result.Prov_ID,
            BankCode = result.Banka_Sonuc_Kod,
            Error = captured ? null : ParamError.FromResult(sonuc > 0 ? -1 : sonuc, result.Sonuc_Str, BankCodeText(result.Banka_Sonuc_Kod))
        };
    }

    /// <summary>
    /// Releases a pre-authorization that was not captured, with TP_Islem_Iptal_OnProv.
    /// </summary>
    public virtual async Task<ReversalResult> CancelPreAuthorizationAsync(string orderId, string provisionId, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        var body = new TP_Islem_Iptal_OnProv
        {
            G = Security(context.Credentials),
            GUID = context.Credentials.Guid,
            Prov_ID = provisionId ?? string.Empty,
            Siparis_ID = orderId
        };

        var response = await SendAsync<TP_Islem_Iptal_OnProv, TP_Islem_Iptal_OnProvResponse>(nameof(TP_Islem_Iptal_OnProv), body, context, isQuery: false, cancellationToken);
        var result = Required(nameof(TP_Islem_Iptal_OnProv), response.TP_Islem_Iptal_OnProvResult);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);

        return new ReversalResult
        {
            Succeeded = ParamResultRules.IsSuccess(sonuc),
            BankCode = result.Banka_Sonuc_Kod,
            ParamText = result.Sonuc_Str,
            Error = ParamResultRules.IsSuccess(sonuc) ? null : ParamError.FromResult(sonuc, result.Sonuc_Str, result.Banka_Sonuc_Kod)
        };
    }

    #endregion

    #region Queries (read-only, retried with backoff)

    /// <summary>
    /// Gets the merchant's end-customer installment rates (TP_Ozel_Oran_SK_Liste).
    /// </summary>
    public virtual async Task<InstallmentRatesResult> GetInstallmentRatesAsync(ParamCallContext context, CancellationToken cancellationToken = default)
    {
        var body = new TP_Ozel_Oran_SK_Liste { G = Security(context.Credentials), GUID = context.Credentials.Guid };

        var response = await SendAsync<TP_Ozel_Oran_SK_Liste, TP_Ozel_Oran_SK_ListeResponse>(nameof(TP_Ozel_Oran_SK_Liste), body, context, isQuery: true, cancellationToken);
        var result = Required(nameof(TP_Ozel_Oran_SK_Liste), response.TP_Ozel_Oran_SK_ListeResult);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new InstallmentRatesResult { Error = ParamError.FromResult(sonuc, result.Sonuc_Str) };

        var programs = DiffgramReader.ReadRows(result.DT_Bilgi, "DT_Ozel_Oranlar_SK")
            .Select(row => ReadRates(nameof(TP_Ozel_Oran_SK_Liste), row))
            .ToList();

        return new InstallmentRatesResult { Programs = programs };
    }

    /// <summary>
    /// Looks up the card program of a BIN (BIN_SanalPos). An unknown BIN is not an error: <see cref="BinLookupResult.Card"/> is null.
    /// </summary>
    public virtual async Task<BinLookupResult> LookupBinAsync(string bin, ParamCallContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(bin) || bin.Length is not (6 or 8) || !bin.All(char.IsAsciiDigit))
            throw new ArgumentException("A BIN is the first 6 or 8 digits of a card.", nameof(bin));

        var body = new BIN_SanalPos { G = Security(context.Credentials), BIN = bin };

        var response = await SendAsync<BIN_SanalPos, BIN_SanalPosResponse>(nameof(BIN_SanalPos), body, context, isQuery: true, cancellationToken);
        var result = Required(nameof(BIN_SanalPos), response.BIN_SanalPosResult);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        if (!ParamResultRules.IsSuccess(sonuc))
            return new BinLookupResult { Error = ParamError.FromResult(sonuc, result.Sonuc_Str) };

        var row = DiffgramReader.ReadRows(result.DT_Bilgi, "Temp").FirstOrDefault();
        if (row is null)
            return new BinLookupResult();

        return new BinLookupResult
        {
            Card = new BinInfo
            {
                Bin = Column(row, "BIN") ?? bin,
                PosId = ParseInt(nameof(BIN_SanalPos), row, "SanalPOS_ID"),
                BankName = Column(row, "Kart_Banka"),
                CardType = Column(row, "Kart_Tip"),
                Scheme = Column(row, "Kart_Org"),
                Brand = Column(row, "Kart_Marka"),
                BankCode = Column(row, "Banka_Kodu"),
                IsCommercial = string.Equals(Column(row, "Kart_Ticari"), "Evet", StringComparison.OrdinalIgnoreCase),
                Dkk = int.TryParse(Column(row, "DKK"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var dkk) ? dkk : null
            }
        };
    }

    /// <summary>
    /// Queries one transaction (TP_Islem_Sorgulama4) by order id, receipt number or merchant transaction id.
    /// </summary>
    public virtual async Task<TransactionStatus> QueryTransactionAsync(string orderId, ParamCallContext context, string receiptId = null, string transactionId = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(orderId) && string.IsNullOrEmpty(receiptId) && string.IsNullOrEmpty(transactionId))
            throw new ArgumentException("Give an order id, a receipt number or a transaction id.", nameof(orderId));

        var body = new TP_Islem_Sorgulama4
        {
            G = Security(context.Credentials),
            GUID = context.Credentials.Guid,
            Dekont_ID = receiptId ?? string.Empty,
            Siparis_ID = orderId ?? string.Empty,
            Islem_ID = transactionId ?? string.Empty
        };

        var response = await SendAsync<TP_Islem_Sorgulama4, TP_Islem_Sorgulama4Response>(nameof(TP_Islem_Sorgulama4), body, context, isQuery: true, cancellationToken);
        var result = Required(nameof(TP_Islem_Sorgulama4), response.TP_Islem_Sorgulama4Result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        var info = result.DT_Bilgi;
        if (!ParamResultRules.IsSuccess(sonuc) || info is null)
            return new TransactionStatus { State = TransactionState.NotFound, Error = ParamError.FromResult(sonuc, result.Sonuc_Str) };

        return new TransactionStatus
        {
            State = info.Odeme_Sonuc switch
            {
                1 => TransactionState.Paid,
                12 => TransactionState.Cancelled,
                13 => TransactionState.Refunded,
                _ => TransactionState.Failed
            },
            PaymentResult = info.Odeme_Sonuc,
            Description = info.Odeme_Sonuc_Aciklama,
            RawState = info.Durum,
            ReceiptId = ParamResultRules.ParseReceiptId(info.Dekont_ID),
            OrderId = info.Siparis_ID,
            TransactionId = info.Islem_ID,
            Date = ParseDate(info.Tarih),
            TotalAmount = ParseDouble(nameof(TP_Islem_Sorgulama4), "Toplam_Tutar", info.Toplam_Tutar),
            CommissionRate = ParseDouble(nameof(TP_Islem_Sorgulama4), "Komisyon_Oran", info.Komisyon_Oran),
            CommissionAmount = ParseDouble(nameof(TP_Islem_Sorgulama4), "Komisyon_Tutar", info.Komisyon_Tutar),
            Installments = info.Taksit,
            RefundedAmount = ParseDouble(nameof(TP_Islem_Sorgulama4), "Toplam_Iade_Tutar", info.Toplam_Iade_Tutar),
            MaskedCardNumber = info.KK_No
        };
    }

    #endregion

    #region Transport

    /// <summary>
    /// Sends one operation. A query is retried on transient failures; a payment call is sent exactly once.
    /// </summary>
    protected virtual async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest body, ParamCallContext context, bool isQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Credentials is null || !context.Credentials.IsComplete)
            throw new ParamGatewayException(ParamFailureKind.Configuration, operation, $"{operation}: the ParamPOS credentials are incomplete.", outcomeUnknown: false);
        if (context.ServiceUrl is null || !context.ServiceUrl.IsAbsoluteUri)
            throw new ParamGatewayException(ParamFailureKind.Configuration, operation, $"{operation}: no service URL.", outcomeUnknown: false);
        if (context.ServiceUrl.Host.EndsWith("param.com.tr", StringComparison.OrdinalIgnoreCase) && context.ServiceUrl.Scheme != Uri.UriSchemeHttps)
            throw new ParamGatewayException(ParamFailureKind.Configuration, operation, $"{operation}: Param's services are https only.", outcomeUnknown: false);

        var payload = ParamSoapCodec.WriteRequest(body);
        var attempts = isQuery ? 1 + Math.Max(0, _options.QueryRetries) : 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync<TResponse>(operation, payload, context, attempt, cancellationToken);
            }
            catch (ParamGatewayException exception) when (attempt < attempts && IsTransient(exception))
            {
                await Task.Delay(_options.RetryDelay(attempt), cancellationToken);
            }
        }
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(string operation, byte[] payload, ParamCallContext context, int attempt, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        string responseBody = null;
        ParamFailureKind? failure = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(context.Timeout <= TimeSpan.Zero ? ParamCallContext.DefaultTimeout : context.Timeout);

            using var request = new HttpRequestMessage(HttpMethod.Post, context.ServiceUrl);
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("SOAPAction", ParamSoap.ActionHeader(operation));

            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ParamFailureKind.Timeout;
                throw new ParamGatewayException(ParamFailureKind.Timeout, operation, $"{operation}: no answer within {context.Timeout.TotalSeconds:0.#} s.", outcomeUnknown: true, innerException: exception);
            }
            catch (HttpRequestException exception)
            {
                failure = ParamFailureKind.Transport;
                var neverSent = exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
                throw new ParamGatewayException(ParamFailureKind.Transport, operation, $"{operation}: the connection to {context.ServiceUrl.Host} failed ({exception.HttpRequestError}).",
                    outcomeUnknown: !neverSent, innerException: exception);
            }

            using (response)
            {
                status = (int)response.StatusCode;
                try
                {
                    responseBody = await ReadLimitedAsync(response.Content, timeout.Token);
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ParamFailureKind.Timeout;
                    throw new ParamGatewayException(ParamFailureKind.Timeout, operation, $"{operation}: the answer did not arrive within {context.Timeout.TotalSeconds:0.#} s.", outcomeUnknown: true, status, innerException: exception);
                }
                catch (HttpRequestException exception)
                {
                    failure = ParamFailureKind.Transport;
                    throw new ParamGatewayException(ParamFailureKind.Transport, operation, $"{operation}: the answer was cut off ({exception.HttpRequestError}).", outcomeUnknown: true, status, innerException: exception);
                }
                catch (InvalidDataException exception)
                {
                    failure = ParamFailureKind.InvalidResponse;
                    throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {exception.Message}", outcomeUnknown: true, status, innerException: exception);
                }

                try
                {
                    return ParamSoapCodec.ReadResponse<TResponse>(operation, status.Value, response.Content.Headers.ContentType?.MediaType, responseBody);
                }
                catch (ParamGatewayException exception)
                {
                    failure = exception.Kind;
                    throw;
                }
            }
        }
        finally
        {
            stopwatch.Stop();
            if (context.Observer is not null)
            {
                var secrets = context.Credentials.Secrets;
                context.Observer.OnExchange(new ParamExchange(operation, attempt,
                    ParamRedactor.RedactXml(Encoding.UTF8.GetString(payload), secrets),
                    responseBody is null ? null : ParamRedactor.RedactXml(responseBody, secrets),
                    status, stopwatch.Elapsed, failure));
            }
        }
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > ParamSoapCodec.MAX_RESPONSE_CHARACTERS * 4L)
            throw new InvalidDataException("the answer is larger than any TurkPos response.");

        var charset = content.Headers.ContentType?.CharSet;
        Encoding encoding;
        try
        {
            encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        var builder = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            builder.Append(buffer, 0, read);
            if (builder.Length > ParamSoapCodec.MAX_RESPONSE_CHARACTERS)
                throw new InvalidDataException("the answer is larger than any TurkPos response.");
        }

        return builder.ToString();
    }

    private static bool IsTransient(ParamGatewayException exception)
    {
        return exception.Kind switch
        {
            ParamFailureKind.Transport or ParamFailureKind.Timeout or ParamFailureKind.InvalidResponse => true,
            ParamFailureKind.HttpStatus => exception.HttpStatus is >= 500 or 408 or 429,
            _ => false
        };
    }

    #endregion

    #region Mapping

    private static SaleStartResult ToSaleStartResult(string operation, ST_WMD_UCD result)
    {
        Required(operation, result);
        var sonuc = ParamResultRules.ParseSonuc(result.Sonuc);
        var common = new SaleStartResult
        {
            TransactionGuid = result.Islem_GUID,
            TransactionId = result.Islem_ID,
            OrderId = result.Siparis_ID,
            BankAuthCode = result.Bank_AuthCode,
            BankTransactionId = result.Bank_Trans_ID,
            BankHostReference = result.Bank_HostRefNum,
            BankCode = result.Banka_Sonuc_Kod
        };

        if (ParamResultRules.IsThreeDStarted(sonuc, result.UCD_HTML))
            return With(common, SaleStartOutcome.RedirectToBank, result.UCD_HTML, null);
        if (ParamResultRules.IsNonSecureApproved(sonuc, result.UCD_HTML, result.Islem_ID))
            return With(common, SaleStartOutcome.Approved, null, null);

        var code = sonuc > 0 ? -1 : sonuc;

        return With(common, SaleStartOutcome.Declined, null, ParamError.FromResult(code, result.Sonuc_Str, BankCodeText(result.Banka_Sonuc_Kod)));
    }

    private static SaleStartResult With(SaleStartResult common, SaleStartOutcome outcome, string html, ParamError error)
    {
        return new SaleStartResult
        {
            Outcome = outcome,
            ThreeDHtml = html,
            TransactionGuid = common.TransactionGuid,
            TransactionId = common.TransactionId,
            OrderId = common.OrderId,
            BankAuthCode = common.BankAuthCode,
            BankTransactionId = common.BankTransactionId,
            BankHostReference = common.BankHostReference,
            BankCode = common.BankCode,
            Error = error
        };
    }

    private static CardProgramRates ReadRates(string operation, IReadOnlyDictionary<string, string> row)
    {
        var rates = new Dictionary<int, decimal>();
        for (var installments = 1; installments <= 12; installments++)
        {
            var text = Column(row, $"MO_{installments:00}");
            if (text is null)
                continue;
            rates[installments] = ParseDouble(operation, $"MO_{installments:00}", text);
        }

        return new CardProgramRates
        {
            PosId = ParseInt(operation, row, "SanalPOS_ID"),
            Name = Column(row, "Kredi_Karti_Banka"),
            LogoUrl = Column(row, "Kredi_Karti_Banka_Gorsel"),
            Rates = rates
        };
    }

    private static decimal ParseDouble(string operation, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return 0m;
        if (ParamAmount.TryParseDouble(text, out var value))
            return value;

        throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {field} '{text}' is not a number.", outcomeUnknown: false);
    }

    private static int ParseInt(string operation, IReadOnlyDictionary<string, string> row, string column)
    {
        var text = Column(row, column);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;

        throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: {column} '{text}' is not a number.", outcomeUnknown: false);
    }

    private static DateTime? ParseDate(string text)
    {
        string[] formats = ["d.MM.yyyy H:mm:ss", "dd.MM.yyyy HH:mm:ss", "d.M.yyyy H:mm:ss", "dd.MM.yyyy"];

        return DateTime.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static string Column(IReadOnlyDictionary<string, string> row, string column)
    {
        return row.TryGetValue(column, out var value) ? value : null;
    }

    private static T Required<T>(string operation, T result) where T : class
    {
        return result ?? throw new ParamGatewayException(ParamFailureKind.InvalidResponse, operation, $"{operation}: the response has no result element.", outcomeUnknown: true);
    }

    /// <summary>A bank code worth showing: 0 is "no problem" and negative values mean the bank was not reached.</summary>
    private static string BankCodeText(int bankCode)
    {
        return bankCode <= 0 ? null : bankCode.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The card, order and amount elements of a sale or pre-authorization; the caller adds what differs (Taksit, hash).
    /// </summary>
    private static TBody CardPaymentBody<TBody>(SaleRequest sale, ParamCredentials credentials, string islemTutar, string toplamTutar) where TBody : ICardPaymentBody, new()
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
            Islem_Guvenlik_Tip = SecurityType(sale.Security),
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

    private static ST_WS_Guvenlik Security(ParamCredentials credentials)
    {
        return new ST_WS_Guvenlik
        {
            CLIENT_CODE = credentials.ClientCode,
            CLIENT_USERNAME = credentials.Username,
            CLIENT_PASSWORD = credentials.Password
        };
    }

    private static string SecurityType(ThreeDSecurity security)
    {
        return security == ThreeDSecurity.ThreeD ? "3D" : "NS";
    }

    private static string Extra(SaleRequest sale, int index)
    {
        var value = sale.ExtraData is not null && index < sale.ExtraData.Count ? sale.ExtraData[index] ?? string.Empty : string.Empty;

        return value.Length <= 250 ? value : value[..250];
    }

    private static void ValidateSale(SaleRequest sale, bool requireUrls)
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

    #endregion
}
