using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Payments.ParamPos;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;

// A warm sale makes two calls to Param (TP_WMD_UCD, then TP_WMD_Pay; the rates and the card's BIN come from the cache).
// Each is measured through the plugin's call runner with the store's default logging (errors only), after warm-up,
// Param answered from memory with a recorded response; the rate list (fetched when its cache expires) is measured too.
var fixtures = args.Length > 0 ? args[0] : Path.Combine(FindRoot(), "Nop.Plugin.Payments.ParamPos.Tests", "Fixtures", "Param");
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var perRound = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;

var handler = new RecordedParam(fixtures);
var client = new ParamClient(new HttpClient(handler), new ParamClientOptions());
var runner = new ParamCallRunner(new NullLogger(), settingService: null, client);
var settings = new ParamPosSettings
{
    Environment = ParamEnvironment.Custom, CustomServiceUrl = "https://param.invalid/turkpos.ws/service_turkpos_prod.asmx",
    ClientCode = "10738", ClientUsername = "Test", ClientPassword = "Test", Guid = "0c13d406-873b-403b-9c09-a5766840d98c",
    RequestTimeoutSeconds = 30, TransactionLogDetail = TransactionLogDetail.ErrorsOnly
};
var sale = new SaleRequest
{
    OrderId = "0A1B2C3D4E5F60718293A4B5C6D7E8F9-001", CardHolderName = "Ayşe Yılmaz", CardNumber = "5571135571135575", ExpiryMonth = 12, ExpiryYear = 2030,
    Cvc = "000", Installments = 3, Amount = 100m, TotalAmount = 104.10m, Security = ThreeDSecurity.ThreeD,
    SuccessUrl = "https://shop.example/Plugins/ParamPos/Callback", FailureUrl = "https://shop.example/Plugins/ParamPos/Callback",
    Description = "nopCommerce order", CustomerIp = "203.0.113.7", ReferrerUrl = "https://shop.example/"
};
var completion = new PaymentCompletionRequest(sale.OrderId, "guid", "md");

// The Paratika hosted page mode: the session (with the order's lines), the query that confirms a return, and the check
// of the return's sdSha512 (no call).
var paratikaRunner = new ParatikaCallRunner(new NullLogger(), new ParatikaClient(new HttpClient(handler)));
settings.ParatikaEnvironment = ParatikaEnvironment.Custom;
settings.ParatikaCustomApiUrl = "https://paratika.invalid/paratika/api/v2";
settings.ParatikaMerchant = "10000000";
settings.ParatikaMerchantUser = "apiuser@testmerchant.com";
settings.ParatikaMerchantPassword = "Pluto321`";
settings.ParatikaSecretKey = "qw3rty4iopa77fgh";
var session = new ParatikaSessionRequest
{
    MerchantPaymentId = sale.OrderId, Amount = 120.50m, Currency = "TRY", CustomerId = "42", CustomerName = "Ayşe Yılmaz", CustomerEmail = "ayse@example.com",
    CustomerPhone = "+905551112233", CustomerIp = "203.0.113.7", ReturnUrl = "https://shop.example/Plugins/ParamPos/ParatikaReturn",
    Items = [new("SKU-1", "Kitap", "Roman", 100.00m), new("SKU-2", "Kalem", "Tükenmez", 20.50m)]
};
var posted = new Dictionary<string, string>
{
    ["merchantPaymentId"] = "PaymentId-FVKAjOiFHeuE", ["customerId"] = "Customer-u1Q4G1oG", ["sessionToken"] = "VYD7AXJ6C446GIN55V6KKOB677VRTOZHG5HTSMP3EJCMEQYF",
    ["responseCode"] = "00", ["random"] = "tpN2ynMYAn",
    ["sdSha512"] = "099e32f8df3130457d2b1595b069794ef6ed08c85a679f72336c5371e91087b223536b317fc43643ae0da06ea29e985a3c8185ab611606308760b0c260aa412f"
};

// The installment table widget from a warm cache: the rate list as cached, every family's quote by the checkout's code,
// each row formatted as the page shows it (English texts). The Razor view's own rendering is not included.
var programs = (await runner.CallAsync(settings, (c, context) => c.GetInstallmentRatesAsync(context))).Programs;
var texts = await InstallmentTextFormatter.CreateAsync(new EnglishTexts(), new Nop.Core.Domain.Localization.Language { Id = 1, LanguageCulture = "en-US" });
var policy = new InstallmentPolicy(true, 12, 0m, CommissionPayer.Customer);
var allFamilies = new HashSet<int>();
var widgetRows = 0;
// A merchant with ten card families (Bonus, Axess, World, Maximum, CardFinans, Paraf, Bankkart Combo, Advantage, …):
// the recorded families repeated under other SanalPOS_IDs.
var tenFamilies = Enumerable.Range(0, 10).Select(index => new CardProgramRates
{
    PosId = 5000 + index, Name = programs[index % programs.Count].Name + " " + index, Rates = programs[index % programs.Count].Rates
}).ToList();

void FormatWidget(IReadOnlyList<CardProgramRates> families)
{
    foreach (var quote in InstallmentTableBuilder.Build(1250m, families, policy, allFamilies))
    {
        foreach (var option in quote.Options)
            widgetRows += texts.Label(option.Installments).Length + texts.Money(option.Monthly).Length + texts.Money(option.Total).Length > 0 ? 1 : 0;
    }
}

var measurements = new (string Name, Func<Task> Call)[]
{
    ("installment widget (warm, recorded list)", () =>
    {
        FormatWidget(programs);
        return Task.CompletedTask;
    }),
    ("installment widget (warm, 10 families)", () =>
    {
        FormatWidget(tenFamilies);
        return Task.CompletedTask;
    }),
    ("TP_WMD_UCD", () => runner.CallAsync(settings, (c, context) => c.StartSaleAsync(sale, context))),
    ("TP_WMD_Pay", () => runner.CallAsync(settings, (c, context) => c.CompleteThreeDPaymentAsync(completion, context))),
    ("warm sale (TP_WMD_UCD + TP_WMD_Pay)", async () =>
    {
        await runner.CallAsync(settings, (c, context) => c.StartSaleAsync(sale, context));
        await runner.CallAsync(settings, (c, context) => c.CompleteThreeDPaymentAsync(completion, context));
    }),
    ("TP_Ozel_Oran_SK_Liste (rate list)", () => runner.CallAsync(settings, (c, context) => c.GetInstallmentRatesAsync(context))),
    ("Paratika SESSIONTOKEN", () => paratikaRunner.CallAsync(settings, (c, context) => c.CreateSessionAsync(session, context))),
    ("Paratika QUERYTRANSACTION", () => paratikaRunner.CallAsync(settings, (c, context) => c.QueryTransactionAsync(sale.OrderId, context))),
    ("Paratika return check (sdSha512)", () => Task.FromResult(ParatikaReturn.Read(posted.GetValueOrDefault)!.Verify(settings.ParatikaSecretKey)
        ? true : throw new InvalidOperationException("the published sample must verify")))
};

// Warm every path first (tiered JIT promotes hot methods in the background), then measure.
foreach (var (_, call) in measurements)
{
    for (var i = 0; i < perRound; i++)
        await call();
}

await Task.Delay(1000);

Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores; {rounds} rounds of {perRound} calls after warm-up; median of the rounds");
Console.WriteLine($"{"call",-38} {"µs/call",9} {"bytes/call",11}");
foreach (var (name, call) in measurements)
{
    var times = new List<double>();
    var bytes = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < perRound; i++)
            await call();
        stopwatch.Stop();
        times.Add(stopwatch.Elapsed.TotalMicroseconds / perRound);
        bytes.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)perRound);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-38} {Median(times),9:0.0} {Median(bytes),11:0}"));
}

Console.WriteLine($"(widget: {programs.Count} card families in the recorded rate list, {tenFamilies.Count} in the larger one; {widgetRows} rows formatted in all)");

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string FindRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Nop.Plugin.Payments.ParamPos.sln")))
            return directory.FullName;
    }

    throw new InvalidOperationException("Run it from inside the repository, or give the fixtures folder.");
}

/// <summary>Param answered from memory: each operation's recorded response, by SOAPAction; Paratika's by ACTION.</summary>
sealed class RecordedParam : HttpMessageHandler
{
    private readonly Dictionary<string, byte[]> _responses;

    public RecordedParam(string fixtures)
    {
        _responses = new Dictionary<string, byte[]>
        {
            ["TP_WMD_UCD"] = File.ReadAllBytes(Path.Combine(fixtures, "TP_WMD_UCD", "3d.response.xml")),
            ["TP_WMD_Pay"] = File.ReadAllBytes(Path.Combine(fixtures, "TP_WMD_Pay", "success.response.xml")),
            ["TP_Ozel_Oran_SK_Liste"] = File.ReadAllBytes(Path.Combine(fixtures, "TP_Ozel_Oran_SK_Liste", "success.response.xml"))
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The request is read, as a server would.
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        if (!request.Headers.Contains("SOAPAction"))
            return Paratika(Encoding.ASCII.GetString(body));

        var action = request.Headers.GetValues("SOAPAction").First().Trim('"');
        var operation = action[(action.LastIndexOf('/') + 1)..];
        var content = new ByteArrayContent(_responses[operation]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static HttpResponseMessage Paratika(string form)
    {
        // Paratika.md §4.3 and §7.2 (the captured answers' shape).
        var json = form.StartsWith("ACTION=SESSIONTOKEN", StringComparison.Ordinal)
            ? "{\"sessionToken\" : \"UQRSX6GQPYV5PA2D3X6NDIIVBCVRO7XKL4K6DHOST2ZNQDCP\", \"responseCode\" : \"00\", \"responseMsg\" : \"Approved\"}"
            : "{\"merchantPaymentId\" : \"S-12345223\", \"responseCode\" : \"00\", \"responseMsg\" : \"Approved\", \"transactionCount\" : 1, \"totalTransactionCount\" : 0, "
              + "\"transactionList\" : [ { \"pgTranReturnCode\" : \"00\", \"pgOrderId\" : \"S-12345223\", \"pgTranId\" : \"17161DWJD07012770\", \"timeCreated\" : \"2017-06-10 03:22:16.877\", "
              + "\"amount\" : 19.86, \"transactionStatus\" : \"AP\", \"currency\" : \"TRY\", \"panLast4\" : \"4509\", \"transactionType\" : \"SALE\", \"installmentCount\" : 1, \"bin\" : \"450803\" } ]}";

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}

sealed class NullLogger : ILogger
{
    public Task InformationAsync(string message, Exception exception = null, Customer customer = null) => Task.CompletedTask;

    public Task WarningAsync(string message, Exception exception = null, Customer customer = null) => Task.CompletedTask;

    public Task ErrorAsync(string message, Exception exception = null, Customer customer = null) => Task.CompletedTask;
}

/// <summary>The plugin's English texts, as nopCommerce's localization service would serve them.</summary>
sealed class EnglishTexts : Nop.Services.Localization.ILocalizationService
{
    private static readonly IReadOnlyDictionary<string, string> Texts = ParamPosLocaleResources.ForCulture("en-US");

    public Task<string> GetResourceAsync(string resourceKey) => Task.FromResult(Texts.GetValueOrDefault(resourceKey, resourceKey));

    public Task<string> GetResourceAsync(string resourceKey, int languageId, bool logIfNotFound = true, string defaultValue = "", bool returnEmptyIfNotFound = false) =>
        GetResourceAsync(resourceKey);

    public Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null) => Task.CompletedTask;

    public Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null) => Task.CompletedTask;
}
