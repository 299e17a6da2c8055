using System.Net.Http.Headers;
using System.Security;
using System.Text;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace ParamPos.Benchmarks;

/// <summary>
/// The same sale "the prior-art way" (../shared/prior-art.md §1.1, the official plugin v1.9 and its copies), re-enacted
/// call for call against the same sandbox: the rate list fetched on every render of the card form, a BIN lookup plus an
/// external BIN service per card entered, the hash computed remotely (SHA2B64), then the payment call (3D Pay, so the
/// bank completes it; the return is trusted without a call). Their code targets nopCommerce 4.40 and cannot run here;
/// the calls, and the order they are made in, are theirs.
/// </summary>
public sealed class PriorArtSale
{
    private readonly GatewayTarget _sandbox;
    private readonly ParamClient _client;
    private readonly HttpClient _http;

    public PriorArtSale(GatewayTarget sandbox)
    {
        _sandbox = sandbox;
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = sandbox.SandboxBaseUrl };
        _client = new ParamClient(new HttpClient(new SocketsHttpHandler()), new ParamClientOptions { QueryRetries = 0 });
    }

    public async Task<StepTimes> RunAsync(decimal amount)
    {
        var times = new StepTimes();
        var context = _sandbox.Context();
        var bin = ShopperSale.CARD[..6];
        var orderId = Guid.NewGuid().ToString("N");

        await times.TimeAsync("card form (TP_Ozel_Oran_Liste)", () => _client.GetInstallmentRatesAsync(context));
        await times.TimeAsync("card entered (BIN_SanalPos + binlist)", async () =>
        {
            await _client.LookupBinAsync(bin, context);
            (await _http.GetAsync($"binlist/{bin}")).EnsureSuccessStatusCode();
        });
        var start = await times.TimeAsync("order confirmed (SHA2B64 + payment call)", async () =>
        {
            var hashData = string.Concat(context.Credentials.ClientCode, context.Credentials.Guid, "1", ParamAmount.FormatPayment(amount), ParamAmount.FormatPayment(amount), orderId);
            await RemoteHashAsync(context.ServiceUrl, hashData);

            return await _client.StartThreeDPaySaleAsync(new SaleRequest
            {
                OrderId = orderId, CardHolderName = "Ayşe Yılmaz", CardNumber = ShopperSale.CARD, ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvc = "000",
                Installments = 1, Amount = amount, TotalAmount = amount, SuccessUrl = "https://shop.example/Plugins/PaymentParam/OrderComplete",
                FailureUrl = "https://shop.example/Plugins/PaymentParam/OrderComplete", Description = "prior-art sale", CustomerIp = "203.0.113.7",
                ReferrerUrl = "https://shop.example/"
            }, context);
        });
        if (start.Error is not null)
            throw new InvalidOperationException("The prior-art payment call was refused: " + start.Error);

        return times;
    }

    private async Task RemoteHashAsync(Uri serviceUrl, string data)
    {
        var envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + $"<SHA2B64 xmlns=\"https://turkpos.com.tr/\"><Data>{SecurityElement.Escape(data)}</Data></SHA2B64></soap:Body></soap:Envelope>";
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.Add("SOAPAction", "\"https://turkpos.com.tr/SHA2B64\"");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("SHA2B64Result", StringComparison.Ordinal))
            throw new InvalidOperationException("SHA2B64 failed: " + (int)response.StatusCode);
    }
}
