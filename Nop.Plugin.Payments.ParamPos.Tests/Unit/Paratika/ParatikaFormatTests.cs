using System.Net;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Paratika;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Paratika;

/// <summary>
/// What the plugin sends Paratika and how it checks what comes back, against Paratika.md's own examples: the published
/// sdSha512 samples (§6.1, with the test merchant's secret key), the constructed vectors (§6.2), the complete wire body
/// of §4.4 (amount with a dot, ORDERITEMS double-encoded), and a tampered twin of each accepted input.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Paratika)]
public class ParatikaFormatTests
{
    private const string SECRET = "qw3rty4iopa77fgh";

    [Test]
    public void SdSha512_ReproducesThePublishedNon3DSample()
    {
        ParatikaHash.SdSha512("PaymentId-FbnzDdx04fZu", "Customer-QjOnxH8Z", "FOEMQGVTVWOQCJRSS6DARRRV62RQK2FIKUY7ZMXKBNX6SOUJ", "00", "-349886350", SECRET)
            .Should().Be("7f1485a24f1790e0791fe9de5ec33d4e98057578f77a4c39fdd4bd874079d6e3af9271da020c57ed8acd7642ec801ad80dae0c574462a58a6722fbfa361a0b65");
    }

    [Test]
    public void SdSha512_ReproducesThePublished3DSample()
    {
        ParatikaHash.SdSha512("PaymentId-FVKAjOiFHeuE", "Customer-u1Q4G1oG", "VYD7AXJ6C446GIN55V6KKOB677VRTOZHG5HTSMP3EJCMEQYF", "00", "tpN2ynMYAn", SECRET)
            .Should().Be("099e32f8df3130457d2b1595b069794ef6ed08c85a679f72336c5371e91087b223536b317fc43643ae0da06ea29e985a3c8185ab611606308760b0c260aa412f");
    }

    [TestCase("ORDER-1001", "00", "Xy12Ab34Cd", "c950b0b480f5060bd77bdcbc71eb831d4340e224d35e2b6778c6048e5502b40f342bf141dc0490ed45dc993dfc3c2b02377255050fd0e7bda542738277a878ca")]
    [TestCase("ORDER-1002", "99", "Pq98Rs76Tu", "23d33dc5afaedffd4d5e960733074546413ac8995eaf7e6beb341e756234dfe6b93de510aabf568fb902659191b040097196255f001c9fee409adf299313bdff")]
    public void SdSha512_ReproducesTheConstructedVectors(string merchantPaymentId, string responseCode, string random, string expected)
    {
        ParatikaHash.SdSha512(merchantPaymentId, "CUST-42", "K7QW2M4XGZ5T3N8R6PBVJ9CYD1HLF0SAE2UOI3MQ7WKX5ZTN", responseCode, random, SECRET).Should().Be(expected);
    }

    [Test]
    public void Return_VerifiesThePublishedSampleAndNothingTamperedWith()
    {
        var fields = new Dictionary<string, string>
        {
            ["merchantPaymentId"] = "PaymentId-FVKAjOiFHeuE",
            ["customerId"] = "Customer-u1Q4G1oG",
            ["sessionToken"] = "VYD7AXJ6C446GIN55V6KKOB677VRTOZHG5HTSMP3EJCMEQYF",
            ["responseCode"] = "00",
            ["responseMsg"] = "Approved",
            ["random"] = "tpN2ynMYAn",
            ["amount"] = "11.76",
            // The deprecated hash alone is never enough: it is sent, and ignored.
            ["SD_SHA512"] = "0f2b4945aefc71f547107898c2002c40d9d4a1508f7f00ee894138f6bc247ebc1238ead5aa01b6ba09bc7932a5957235b7837cc0270781d0a45055fe31648b61",
            ["sdSha512"] = "099E32F8DF3130457D2B1595B069794EF6ED08C85A679F72336C5371E91087B223536B317FC43643AE0DA06EA29E985A3C8185AB611606308760B0C260AA412F"
        };
        ParatikaReturn Read(Dictionary<string, string> posted) => ParatikaReturn.Read(name => posted.GetValueOrDefault(name));

        var posted = Read(fields);
        posted.Verify(SECRET).Should().BeTrue("upper-case hex is the same hash");
        posted.Approved.Should().BeTrue();
        posted.PostedAmount.Should().Be(11.76m);
        posted.Verify("another-secret").Should().BeFalse();
        posted.Verify(null).Should().BeFalse();

        foreach (var field in new[] { "merchantPaymentId", "customerId", "sessionToken", "responseCode", "random" })
        {
            var tampered = new Dictionary<string, string>(fields) { [field] = fields[field] + "1" };
            Read(tampered).Verify(SECRET).Should().BeFalse($"{field} is part of the hash");
        }

        Read(new Dictionary<string, string>(fields) { ["sdSha512"] = null }).Should().BeNull("without sdSha512 nothing is believed, whatever SD_SHA512 says");
        Read(new Dictionary<string, string>(fields) { ["sdSha512"] = "7f" }).Verify(SECRET).Should().BeFalse();
    }

    [TestCase(120.5, "120.50")]
    [TestCase(1000, "1000.00")]
    [TestCase(1234567.891, "1234567.89")]
    [TestCase(0.005, "0.01")]
    public void Amount_HasADotTwoDecimalsAndNoGrouping(decimal amount, string expected)
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            ParatikaAmount.Format(amount).Should().Be(expected);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Test]
    public async Task SessionBody_IsTheDocumentsWireStringByteForByte()
    {
        var request = new ParatikaSessionRequest
        {
            MerchantPaymentId = "ORDER-1001",
            Amount = 120.50m,
            Currency = "TRY",
            CustomerId = "CUST-42",
            CustomerName = "Ayşe Yılmaz",
            CustomerEmail = "ayse@example.com",
            CustomerPhone = "+905551112233",
            CustomerIp = "203.0.113.10",
            ReturnUrl = "https://shop.example.com/paratika/return",
            Items = [new("SKU-1", "Kitap", "Roman", 100.00m), new("SKU-2", "Kalem", "Tükenmez", 20.50m)]
        };
        var credentials = new ParatikaCredentials("10000000", "apiuser@testmerchant.com", "Pluto321`", SECRET);

        var body = await ParatikaClient.Body("SESSIONTOKEN", ParatikaClient.SessionFields(request, credentials), credentials).ReadAsStringAsync();

        body.Should().Be("ACTION=SESSIONTOKEN&MERCHANT=10000000&MERCHANTUSER=apiuser%40testmerchant.com&MERCHANTPASSWORD=Pluto321%60&SESSIONTYPE=PAYMENTSESSION"
            + "&MERCHANTPAYMENTID=ORDER-1001&AMOUNT=120.50&CURRENCY=TRY&CUSTOMER=CUST-42&CUSTOMERNAME=Ay%C5%9Fe+Y%C4%B1lmaz&CUSTOMEREMAIL=ayse%40example.com"
            + "&CUSTOMERPHONE=%2B905551112233&CUSTOMERIP=203.0.113.10&RETURNURL=https%3A%2F%2Fshop.example.com%2Fparatika%2Freturn"
            + "&ORDERITEMS=%255B%257B%2522code%2522%253A%2522SKU-1%2522%252C%2522name%2522%253A%2522Kitap%2522%252C%2522description%2522%253A%2522Roman%2522%252C"
            + "%2522quantity%2522%253A1%252C%2522amount%2522%253A%2522100.00%2522%257D%252C%257B%2522code%2522%253A%2522SKU-2%2522%252C%2522name%2522%253A%2522Kalem%2522%252C"
            + "%2522description%2522%253A%2522T%25C3%25BCkenmez%2522%252C%2522quantity%2522%253A1%252C%2522amount%2522%253A%252220.50%2522%257D%255D");
    }

    [Test]
    public void OrderItems_DecodeTwiceToTheJsonArray()
    {
        var items = new ParatikaOrderItem[] { new("A&B", "Çay + şeker", "\"quoted\"", 10m) };

        var once = WebUtility.UrlDecode(Uri.EscapeDataString(ParatikaOrderItems.Encode(items)));
        var twice = WebUtility.UrlDecode(once);

        twice.Should().Be(ParatikaOrderItems.Json(items));
        twice.Should().Be("[{\"code\":\"A&B\",\"name\":\"Çay + şeker\",\"description\":\"\\\"quoted\\\"\",\"quantity\":1,\"amount\":\"10.00\"}]");
    }

    [Test]
    public void HostedPage_IsOnTheApisHost()
    {
        ParatikaEndpoint.HostedPage(ParatikaEndpoint.Test, "TOKEN").Should().Be(new Uri("https://entegrasyon.paratika.com.tr/payment/TOKEN"));
        ParatikaEndpoint.HostedPage(ParatikaEndpoint.Production, "TOKEN").Should().Be(new Uri("https://vpos.paratika.com.tr/payment/TOKEN"));
        ParatikaEndpoint.HostedPage(new Uri("http://127.0.0.1:5271/paratika/api/v2"), "TOKEN").Should().Be(new Uri("http://127.0.0.1:5271/payment/TOKEN"));
        ParatikaEndpoint.CustomUrlProblem("http://vpos.paratika.com.tr/paratika/api/v2").Should().Contain("https only");
        ParatikaEndpoint.CustomUrlProblem("ftp://example.com").Should().NotBeNull();
    }

    [Test]
    public void Errors_AreDescribedInEnglishAndTurkish()
    {
        var error = new ParatikaError("ERR10022", "Order items total does not match", "ORDERITEMS");

        ParatikaErrorCatalog.Describe(error).Should().Be("ERR10022: Order items total does not match the amount. (ORDERITEMS)");
        ParatikaErrorCatalog.Describe(error, turkish: true).Should().StartWith("ERR10022: Sipariş edilen ürünlerin toplam tutarı");
        ParatikaErrorCatalog.Describe(new ParatikaError("ERR20051", "Insufficient card limit", BankText: "Insufficient funds")).Should().Be("ERR20051: Insufficient card limit Insufficient funds");
        new ParatikaError("ERR20051", "x").IsBankDecline.Should().BeTrue();
        new ParatikaCredentials("1", "u", "secret-password", "secret-key").ToString().Should().NotContain("secret");
    }
}
