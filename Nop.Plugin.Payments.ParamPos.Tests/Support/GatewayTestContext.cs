using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>Shorthands for gateway unit tests.</summary>
public static class GatewayTestContext
{
    public static readonly Uri ServiceUrl = new("https://testposws.param.com.tr/turkpos.ws/service_turkpos_prod.asmx");

    public static ParamCallContext Context(TimeSpan? timeout = null, IParamTrafficObserver observer = null)
    {
        return new ParamCallContext(ParamCredentials.PublicTestAccount, ServiceUrl, timeout ?? TimeSpan.FromSeconds(5), observer);
    }

    public static ParamClient Client(RecordingHandler handler, int queryRetries = 2)
    {
        return new ParamClient(new HttpClient(handler), new ParamClientOptions { QueryRetries = queryRetries, RetryDelay = _ => TimeSpan.Zero });
    }

    public static SaleRequest Sale(string orderId = "ORD-20250101-0001", ThreeDSecurity security = ThreeDSecurity.ThreeD, int installments = 1, decimal amount = 100m, decimal total = 101.75m)
    {
        return new SaleRequest
        {
            OrderId = orderId,
            CardHolderName = "Test Kullanici",
            CardNumber = "4546711234567894",
            ExpiryMonth = 12,
            ExpiryYear = 2030,
            Cvc = "000",
            HolderMobile = "5551234567",
            Installments = installments,
            Amount = amount,
            TotalAmount = total,
            Security = security,
            SuccessUrl = "https://shop.example.com/param/ok",
            FailureUrl = "https://shop.example.com/param/fail",
            Description = "Test order",
            TransactionId = "7F3A9C21B0D44E6F8A1B2C3D",
            CustomerIp = "203.0.113.10",
            ReferrerUrl = "https://shop.example.com/checkout"
        };
    }
}
