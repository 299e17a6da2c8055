using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Gateway.Wire;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

namespace ParamPos.Benchmarks;

/// <summary>
/// The plugin's hot paths one by one, without network: what a sale's start, a callback and a quote cost in the store's
/// own process.
/// </summary>
[MemoryDiagnoser]
public class HotPaths
{
    private const string GUID = "0c13d406-873b-403b-9c09-a5766840d98c";

    private readonly ParamCredentials _credentials = new("10738", "Test", "Test", GUID);
    private SaleRequest _sale;
    private string _saleAnswer;
    private string _rateListAnswer;
    private IReadOnlyList<CardProgramRates> _programs;
    private CardVault _vault;
    private ThreeDPageStore _pages;
    private string _callbackHash;

    [GlobalSetup]
    public void SetUp()
    {
        var fixtures = Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.ParamPos.Tests", "Fixtures", "Param");
        _saleAnswer = File.ReadAllText(Path.Combine(fixtures, "TP_WMD_UCD", "3d.response.xml"));
        _rateListAnswer = File.ReadAllText(Path.Combine(fixtures, "TP_Ozel_Oran_SK_Liste", "success.response.xml"));
        _programs = ParamResponses.Rates("TP_Ozel_Oran_SK_Liste", ParamSoapCodec.ReadPayload("TP_Ozel_Oran_SK_Liste", 200, "text/xml", _rateListAnswer)).Programs;
        _sale = new SaleRequest
        {
            OrderId = "0A1B2C3D4E5F60718293A4B5C6D7E8F9-001", CardHolderName = "Ayşe Yılmaz", CardNumber = "5571135571135575", ExpiryMonth = 12, ExpiryYear = 2030,
            Cvc = "000", Installments = 3, Amount = 100m, TotalAmount = 104.10m, Security = ThreeDSecurity.ThreeD,
            SuccessUrl = "https://shop.example/Plugins/ParamPos/Callback", FailureUrl = "https://shop.example/Plugins/ParamPos/Callback",
            Description = "nopCommerce order", CustomerIp = "203.0.113.7", ReferrerUrl = "https://shop.example/"
        };
        var cache = new FakeStaticCacheManager();
        _vault = new CardVault(new FakeEncryptionService(), cache);
        _pages = new ThreeDPageStore(new FakeEncryptionService(), new FakeLocker(), cache);
        _callbackHash = ParamHash.ForThreeDCallback("f6e0d38c-fc86-498a-b334-4dabaa7f0a27", "md-value", "1", _sale.OrderId, GUID);
    }

    [Benchmark(Description = "sale hash (SHA2B64, local)")]
    public string SaleHash() => ParamHash.ForSale("10738", GUID, 3, "100,00", "104,10", _sale.OrderId);

    [Benchmark(Description = "3D Model callback check")]
    public bool CallbackCheck() => ParamHash.VerifyThreeDCallback(_callbackHash, "f6e0d38c-fc86-498a-b334-4dabaa7f0a27", "md-value", "1", _sale.OrderId, GUID);

    [Benchmark(Description = "Paratika sdSha512")]
    public string ParatikaHashOfReturn() => ParatikaHash.SdSha512(_sale.OrderId, "c-1", "SESSIONTOKEN0123456789", "00", "random-0123456789", "secret-key");

    [Benchmark(Description = "amount formatting (Param's comma form)")]
    public string Amount() => ParamAmount.FormatPayment(12345.6m);

    [Benchmark(Description = "quote from cached rates (12 installments)")]
    public InstallmentQuote Quote() => InstallmentQuoteBuilder.Build(1234.56m, new CardProfile(_programs[0].PosId, IsDebit: false), _programs,
        new InstallmentPolicy(Enabled: true, Maximum: 12, MinimumAmount: 0m, Payer: CommissionPayer.Customer));

    [Benchmark(Description = "TP_WMD_UCD envelope write")]
    public byte[] SaleEnvelope() => ParamSoapCodec.WriteRequest(ParamRequests.Sale(_sale, _credentials));

    [Benchmark(Description = "TP_WMD_UCD answer read (straight, as the client reads it)")]
    public SaleStartResult SaleAnswer() => ParamResponses.SaleStart("TP_WMD_UCD",
        ParamSoapCodec.ReadResponse<TP_WMD_UCDResponse>("TP_WMD_UCD", 200, "text/xml", _saleAnswer).TP_WMD_UCDResult);

    [Benchmark(Description = "TP_WMD_UCD answer read the thorough way (XML tree, then the message)")]
    public SaleStartResult SaleAnswerThorough() => ParamResponses.SaleStart("TP_WMD_UCD",
        ParamSoapCodec.Deserialize<TP_WMD_UCDResponse>("TP_WMD_UCD", ParamSoapCodec.ReadPayload("TP_WMD_UCD", 200, "text/xml", _saleAnswer)).TP_WMD_UCDResult);

    [Benchmark(Description = "rate list parse")]
    public InstallmentRatesResult RateList() => ParamResponses.Rates("TP_Ozel_Oran_SK_Liste", ParamSoapCodec.ReadPayload("TP_Ozel_Oran_SK_Liste", 200, "text/xml", _rateListAnswer));

    [Benchmark(Description = "card vault store + read")]
    public async Task<CardDetails> Vault()
    {
        var reference = await _vault.StoreAsync(new CardDetails("Ayşe Yılmaz", "5571135571135575", 12, 2030, "000"));

        return await _vault.ReadAsync(reference);
    }

    [Benchmark(Description = "3-D page store + take")]
    public async Task<string> Pages()
    {
        var order = Guid.NewGuid();
        await _pages.StoreAsync(order, "<html><body><form action=\"https://bank.example/acs\" method=\"post\"></form></body></html>");

        return await _pages.TakeAsync(order, await _pages.GetNonceAsync(order));
    }
}
