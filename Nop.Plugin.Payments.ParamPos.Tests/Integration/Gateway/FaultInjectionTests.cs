using FluentAssertions;
using NUnit.Framework;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Gateway;

/// <summary>
/// Each fault the sandbox can inject, over real HTTP: the client answers with a typed result or a classified
/// <see cref="ParamGatewayException"/>, never anything else; payments are sent once, queries retried.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Gateway), Category(TestCategories.Sandbox)]
public class FaultInjectionTests
{
    private GatewayTarget _target;
    private ParamClient _client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _target = await GatewayTarget.StartAsync();
        _target.RequireSandbox("fault injection");
        _client = _target.Client(queryRetries: 0);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _target.DisposeAsync();
    }

    private async Task<Exception> RefundUnknownOrderAsync(TimeSpan timeout)
    {
        try
        {
            await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, TestCards.NewOrderId(), 10m), _target.Context(timeout));
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [TestCase(FaultMode.Http500, ParamFailureKind.HttpStatus, true)]
    [TestCase(FaultMode.HtmlPage, ParamFailureKind.InvalidResponse, true)]
    [TestCase(FaultMode.MalformedXml, ParamFailureKind.InvalidResponse, true)]
    [TestCase(FaultMode.SoapFault, ParamFailureKind.SoapFault, false)]
    [TestCase(FaultMode.Disconnect, ParamFailureKind.Transport, true)]
    public async Task Fault_BecomesAClassifiedGatewayException(FaultMode mode, ParamFailureKind expected, bool outcomeUnknown)
    {
        await _target.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = mode });

        var exception = await RefundUnknownOrderAsync(TimeSpan.FromSeconds(10));

        exception.Should().BeOfType<ParamGatewayException>();
        var failure = (ParamGatewayException)exception;
        failure.Kind.Should().Be(expected);
        failure.Operation.Should().Be("TP_Islem_Iptal_Iade_Kismi2");
        failure.OutcomeUnknown.Should().Be(outcomeUnknown);
        failure.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task Timeout_IsReportedAsUnknownOutcome_AndTheCallWasCarriedOut()
    {
        var sale = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 15m);
        await _client.StartSaleAsync(sale, _target.Context());
        await _target.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = FaultMode.Timeout, DelayMilliseconds = 1500 });

        var act = () => _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Cancel, sale.OrderId, 15m), _target.Context(TimeSpan.FromMilliseconds(400)));

        var failure = (await act.Should().ThrowExactlyAsync<ParamGatewayException>()).Which;
        failure.Kind.Should().Be(ParamFailureKind.Timeout);
        failure.OutcomeUnknown.Should().BeTrue();
        (await _client.QueryTransactionAsync(sale.OrderId, _target.Context())).State.Should().Be(TransactionState.Cancelled,
            "the answer was lost, not the cancel: only a status query can tell");
    }

    [Test]
    public async Task Latency_WithinTheTimeout_IsJustSlow()
    {
        await _target.InjectFaultAsync(new FaultRule { Operation = "TP_Ozel_Oran_SK_Liste", Mode = FaultMode.Latency, DelayMilliseconds = 300 });

        var result = await _client.GetInstallmentRatesAsync(_target.Context(TimeSpan.FromSeconds(5)));

        result.Error.Should().BeNull();
        result.Programs.Should().NotBeEmpty();
    }

    [TestCase(-101, "IP adresi tanımlı değil.")]
    [TestCase(-207, "Sistem hatası.")]
    public async Task NegativeSonuc_IsATypedResult(int code, string text)
    {
        await _target.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = FaultMode.NegativeSonuc, Sonuc = code, SonucText = text });

        var result = await _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, TestCards.NewOrderId(), 10m), _target.Context());

        result.Succeeded.Should().BeFalse();
        result.Error.Code.Should().Be(code);
        result.Error.ParamText.Should().Be(text);
        ParamErrorCatalog.Explain(result.Error).English.Should().NotContain("reported error", "known codes have their own text");
    }

    [Test]
    public async Task NegativeSonuc_OnPay_IsATypedResult()
    {
        await _target.InjectFaultAsync(new FaultRule { Operation = "TP_WMD_Pay", Mode = FaultMode.NegativeSonuc, Sonuc = -100, SonucText = "Hesap bulunamadı." });

        var result = await _client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest("o", "g", "m"), _target.Context());

        result.Approved.Should().BeFalse();
        result.Error.Code.Should().Be(-100);
    }

    [Test]
    public async Task Payments_AreSentOnce_EvenWhenTheyFail()
    {
        var client = _target.Client(queryRetries: 3);
        var before = (await _target.CallCountsAsync()).GetValueOrDefault("TP_Islem_Iptal_Iade_Kismi2");
        await _target.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = FaultMode.Http500 });

        var act = () => client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, TestCards.NewOrderId(), 10m), _target.Context());

        await act.Should().ThrowExactlyAsync<ParamGatewayException>();
        (await _target.CallCountsAsync())["TP_Islem_Iptal_Iade_Kismi2"].Should().Be(before + 1);
    }

    [Test]
    public async Task Queries_AreRetried_AndSucceed()
    {
        var client = _target.Client(queryRetries: 2);
        var before = (await _target.CallCountsAsync()).GetValueOrDefault("TP_Islem_Sorgulama4");
        await _target.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Sorgulama4", Mode = FaultMode.Http500, Count = 2 });

        var status = await client.QueryTransactionAsync(TestCards.NewOrderId(), _target.Context());

        status.State.Should().Be(TransactionState.NotFound);
        (await _target.CallCountsAsync())["TP_Islem_Sorgulama4"].Should().Be(before + 3);
    }

    [Test]
    public async Task ConnectionRefused_IsATransportFailureWithKnownOutcome()
    {
        var closedPort = new Uri("http://127.0.0.1:9/turkpos.ws/service_turkpos_prod.asmx");

        var act = () => _client.ReverseSaleAsync(new ReversalRequest(ReversalKind.Refund, "o", 1m), _target.Context() with { ServiceUrl = closedPort });

        var failure = (await act.Should().ThrowExactlyAsync<ParamGatewayException>()).Which;
        failure.Kind.Should().Be(ParamFailureKind.Transport);
        failure.OutcomeUnknown.Should().BeFalse("nothing reached the service");
    }
}
