using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Paratika;

/// <summary>
/// The Paratika client over real HTTP against the sandbox's Paratika API (or a real one named by PARATIKA_TEST_URL…):
/// every action, its refusals, and every fault the transport can meet, each telling whether Paratika may have acted.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Paratika)]
public class ParatikaClientTests
{
    private GatewayTarget _target;

    [SetUp]
    public async Task StartAsync()
    {
        _target = await GatewayTarget.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _target.DisposeAsync();
    }

    private static ParatikaSessionRequest Session(string merchantPaymentId, decimal amount = 120.50m, IReadOnlyList<ParatikaOrderItem> items = null)
    {
        return new ParatikaSessionRequest
        {
            MerchantPaymentId = merchantPaymentId,
            Amount = amount,
            Currency = "TRY",
            CustomerId = "42",
            CustomerName = "Ayşe Yılmaz",
            CustomerEmail = "ayse@example.com",
            CustomerPhone = "+905551112233",
            CustomerIp = "203.0.113.10",
            ReturnUrl = "https://shop.example.com/Plugins/ParamPos/ParatikaReturn",
            Items = items ?? [new("SKU-1", "Kitap", "Roman", 100.00m), new("SKU-2", "Kalem", "Tükenmez", 20.50m)]
        };
    }

    private async Task<(string MerchantPaymentId, string PgTranId)> PaidSaleAsync(decimal amount = 120.50m)
    {
        var (client, context) = _target.Paratika();
        var merchantPaymentId = "T-" + Guid.NewGuid().ToString("N");
        var session = await client.CreateSessionAsync(Session(merchantPaymentId, amount, [new("SKU-1", "Kitap", string.Empty, amount)]), context);
        var posted = await _target.PayOnHostedPageAsync(ParatikaEndpoint.HostedPage(context.ApiUrl, session.SessionToken).AbsoluteUri, installments: 3);

        return (merchantPaymentId, posted["pgTranId"]);
    }

    [Test]
    public async Task CreateSession_GivesATokenWhoseHostedPageShowsTheOrder()
    {
        var exchanges = new List<ParatikaExchange>();
        var (client, context) = _target.Paratika(exchanges: exchanges);

        var session = await client.CreateSessionAsync(Session("ORDER-1001"), context);

        session.Approved.Should().BeTrue();
        session.SessionToken.Should().MatchRegex("^[A-Z0-9]{48}$");
        _target.RequireSandbox("the hosted page");
        var page = await (await _target.Browser.GetAsync(ParatikaEndpoint.HostedPage(context.ApiUrl, session.SessionToken))).Content.ReadAsStringAsync();
        page.Should().Contain("120,50 TRY").And.Contain("ORDER-1001").And.Contain("Kalem");
        exchanges.Should().ContainSingle().Which.Should().Match<ParatikaExchange>(exchange => exchange.Action == "SESSIONTOKEN" && exchange.HttpStatus == 200 && exchange.ResponseCode == "00");
    }

    [Test]
    public async Task CreateSession_IsRefusedWithATypedError_WhenTheItemsDoNotAddUpOrTheUserIsWrong()
    {
        var (client, context) = _target.Paratika();

        var mismatch = await client.CreateSessionAsync(Session("ORDER-1002", 130m), context);
        var wrongUser = await client.CreateSessionAsync(Session("ORDER-1003"), context with { Credentials = context.Credentials with { MerchantPassword = "wrong" } });

        mismatch.Approved.Should().BeFalse();
        mismatch.Error.Should().Match<ParatikaError>(error => error.Code == "ERR10022" && error.ViolatorParam == "ORDERITEMS");
        ParatikaErrorCatalog.Describe(mismatch.Error, turkish: true).Should().Contain("Sipariş edilen ürünlerin toplam tutarı");
        wrongUser.Error!.Code.Should().Be("ERR10020");
    }

    [Test]
    public async Task QueryTransaction_ReadsAPaidSale_AndAnUnknownIdAsNoRecord()
    {
        var (client, context) = _target.Paratika();
        var (merchantPaymentId, pgTranId) = await PaidSaleAsync(75.25m);

        var paid = await client.QueryTransactionAsync(merchantPaymentId, context);
        var unknown = await client.QueryTransactionAsync("NO-SUCH-PAYMENT", context);

        paid.Approved.Should().BeTrue();
        paid.PaidSale(75.25m, "TRY")!.PgTranId.Should().Be(pgTranId);
        paid.Sale!.Installments.Should().Be(3);
        paid.PaidSale(75.26m, "TRY").Should().BeNull("another amount is not this sale");
        unknown.Approved.Should().BeTrue();
        unknown.NotFound.Should().BeTrue();
    }

    [Test]
    public async Task Void_ReversesTheDaysSale_Once()
    {
        var (client, context) = _target.Paratika();
        var (merchantPaymentId, pgTranId) = await PaidSaleAsync();

        var voided = await client.VoidAsync(pgTranId, context);
        var again = await client.VoidAsync(pgTranId, context);

        voided.Approved.Should().BeTrue();
        voided.PgTranId.Should().NotBe(pgTranId);
        again.Error!.Code.Should().Be("ERR10033");
        (await client.QueryTransactionAsync(merchantPaymentId, context)).Voided.Should().BeTrue();
    }

    [Test]
    public async Task Refund_WaitsForTheDaysEnd_ThenTakesPartsUpToTheSale()
    {
        var (client, context) = _target.Paratika();
        var (merchantPaymentId, pgTranId) = await PaidSaleAsync(100m);

        var sameDay = await client.RefundAsync(pgTranId, 40m, "TRY", context);
        await _target.CloseDayAsync();
        var part = await client.RefundAsync(pgTranId, 40m, "TRY", context);
        var tooMuch = await client.RefundAsync(pgTranId, 60.01m, "TRY", context);
        var voidAfterDay = await client.VoidAsync(pgTranId, context);

        sameDay.Error!.Code.Should().Be("ERR10106");
        part.Approved.Should().BeTrue();
        tooMuch.Error!.Code.Should().Be("ERR10032");
        voidAfterDay.Error!.Code.Should().Be("ERR10033");
        var records = await client.QueryTransactionAsync(merchantPaymentId, context);
        records.RefundedAmount.Should().Be(40m);
        records.Transactions.Should().Contain(row => row.Type == "PTREFUND" && row.Amount == 40m);
    }

    private static readonly (FaultMode Mode, ParatikaFailureKind Kind)[] Faults =
    [
        (FaultMode.Http500, ParatikaFailureKind.HttpStatus),
        (FaultMode.SoapFault, ParatikaFailureKind.HttpStatus),
        (FaultMode.HtmlPage, ParatikaFailureKind.InvalidResponse),
        (FaultMode.MalformedXml, ParatikaFailureKind.InvalidResponse),
        (FaultMode.Disconnect, ParatikaFailureKind.Transport),
        (FaultMode.Timeout, ParatikaFailureKind.Timeout)
    ];

    private static IEnumerable<TestCaseData> ActionsAndFaults() =>
        from action in new[] { "SESSIONTOKEN", "QUERYTRANSACTION", "REFUND", "VOID" }
        from fault in Faults
        select new TestCaseData(action, fault.Mode, fault.Kind);

    [TestCaseSource(nameof(ActionsAndFaults))]
    public async Task EveryFaultOfEveryAction_IsATypedFailure_SayingParatikaMayHaveActed(string action, FaultMode mode, ParatikaFailureKind kind)
    {
        await _target.InjectFaultAsync(new FaultRule { Operation = action, Mode = mode, DelayMilliseconds = 3000 });
        var (client, context) = _target.Paratika(timeout: TimeSpan.FromSeconds(1));
        Task Call() => action switch
        {
            "SESSIONTOKEN" => client.CreateSessionAsync(Session("ORDER-F"), context),
            "QUERYTRANSACTION" => client.QueryTransactionAsync("ORDER-F", context),
            "REFUND" => client.RefundAsync("17296SBOX00000001", 10m, "TRY", context),
            _ => client.VoidAsync("17296SBOX00000001", context)
        };

        var failure = await FluentActions.Awaiting(Call).Should().ThrowAsync<ParatikaException>();

        failure.Which.Kind.Should().Be(kind);
        failure.Which.Action.Should().Be(action);
        failure.Which.OutcomeUnknown.Should().BeTrue("the request was sent and no usable answer came back");
        failure.Which.Message.Should().NotContain(context.Credentials.MerchantPassword);
    }

    [Test]
    public async Task ARefusedConnection_IsKnownNotToHaveReachedParatika()
    {
        var (client, context) = _target.Paratika();

        var failure = await FluentActions.Awaiting(() => client.VoidAsync("X", context with { ApiUrl = new Uri("http://127.0.0.1:9/paratika/api/v2") })).Should().ThrowAsync<ParatikaException>();

        failure.Which.Kind.Should().Be(ParatikaFailureKind.Transport);
        failure.Which.OutcomeUnknown.Should().BeFalse();
    }

    [Test]
    public async Task AnInjectedPlatformError_IsAnAnswer_NotAnException()
    {
        await _target.InjectFaultAsync(new FaultRule { Operation = "QUERYTRANSACTION", Mode = FaultMode.NegativeSonuc, SonucText = "ERR10019" });
        var (client, context) = _target.Paratika();

        var answer = await client.QueryTransactionAsync("ANY", context);

        answer.Approved.Should().BeFalse();
        answer.Error!.Code.Should().Be("ERR10019");
    }

    [Test]
    public async Task ProductionAndIncompleteCredentials_AreRefusedBeforeAnythingIsSent()
    {
        var (client, context) = _target.Paratika();

        var insecure = await FluentActions.Awaiting(() => client.VoidAsync("X", context with { ApiUrl = new Uri("http://vpos.paratika.com.tr/paratika/api/v2") })).Should().ThrowAsync<ParatikaException>();
        var incomplete = await FluentActions.Awaiting(() => client.VoidAsync("X", context with { Credentials = context.Credentials with { SecretKey = "" } })).Should().ThrowAsync<ParatikaException>();

        insecure.Which.Kind.Should().Be(ParatikaFailureKind.Configuration);
        insecure.Which.OutcomeUnknown.Should().BeFalse();
        incomplete.Which.Kind.Should().Be(ParatikaFailureKind.Configuration);
    }
}
