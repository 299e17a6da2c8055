using Nop.Plugin.Payments.ParamPos.Gateway;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>Param's public test cards and the sandbox's scripted outcomes for them (README, "The sandbox").</summary>
public static class TestCards
{
    public const string ZIRAAT_VISA = "4546711234567894";
    public const string AKBANK_AXESS = "5571135571135575";
    public const string HALKBANK_DEBIT = "5818775818772285";
    public const string INSUFFICIENT_FUNDS = "4531444531442283";
    public const string DECLINED_AT_START = "5456165456165454";
    public const string HALF_THREE_D = "4508034508034509";
    public const string THREE_D_FAILS = "4355084355084358";

    public const string FOREIGN_VISA = "4577270000134621";

    public static string NewOrderId()
    {
        return "T" + Guid.NewGuid().ToString("N")[..23].ToUpperInvariant();
    }

    public static SaleRequest Sale(string card = ZIRAAT_VISA, decimal amount = 100m, decimal? total = null, int installments = 1,
        ThreeDSecurity security = ThreeDSecurity.ThreeD, string orderId = null)
    {
        return new SaleRequest
        {
            OrderId = orderId ?? NewOrderId(),
            CardHolderName = "Test Kullanıcı",
            CardNumber = card,
            ExpiryMonth = 12,
            ExpiryYear = DateTime.UtcNow.Year + 2,
            Cvc = "000",
            Installments = installments,
            Amount = amount,
            TotalAmount = total ?? amount,
            Security = security,
            SuccessUrl = "https://shop.example/param/callback",
            FailureUrl = "https://shop.example/param/callback?failed=1",
            Description = "Integration test",
            CustomerIp = "127.0.0.1"
        };
    }
}
