using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Gateway;

/// <summary>TP_Islem_Odeme_OnProv_WMD, TP_Islem_Odeme_OnProv_Kapa and TP_Islem_Iptal_OnProv over HTTP.</summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.PreAuth), Category(TestCategories.Gateway)]
public class PreAuthorizationIntegrationTests
{
    private GatewayTarget _target;
    private ParamClient _client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _target = await GatewayTarget.StartAsync();
        _client = _target.Client();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _target.DisposeAsync();
    }

    [Test]
    public async Task NonSecurePreAuthorization_CapturedForLess()
    {
        _target.RequireSandbox("NonSecure needs a merchant enabled for it");
        var sale = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 250m);

        var authorized = await _client.StartPreAuthorizationAsync(sale, _target.Context());
        var captured = await _client.CapturePreAuthorizationAsync(sale.OrderId, 200m, null, _target.Context());
        var capturedAgain = await _client.CapturePreAuthorizationAsync(sale.OrderId, 200m, null, _target.Context());
        var status = await _client.QueryTransactionAsync(sale.OrderId, _target.Context());

        authorized.Outcome.Should().Be(SaleStartOutcome.Approved);
        captured.Captured.Should().BeTrue(captured.Error?.ToString());
        captured.ReceiptId.Should().BePositive();
        captured.ProvisionId.Should().NotBeNullOrEmpty();
        capturedAgain.Captured.Should().BeFalse();
        status.State.Should().Be(TransactionState.Paid);
    }

    [Test]
    public async Task PreAuthorization_ReleasedBeforeCapture()
    {
        _target.RequireSandbox("NonSecure needs a merchant enabled for it");
        var sale = TestCards.Sale(security: ThreeDSecurity.NonSecure, amount: 75m);
        await _client.StartPreAuthorizationAsync(sale, _target.Context());

        var released = await _client.CancelPreAuthorizationAsync(sale.OrderId, null, _target.Context());
        var captureAfterRelease = await _client.CapturePreAuthorizationAsync(sale.OrderId, 75m, null, _target.Context());

        released.Succeeded.Should().BeTrue(released.Error?.ToString());
        captureAfterRelease.Captured.Should().BeFalse();
        (await _client.QueryTransactionAsync(sale.OrderId, _target.Context())).State.Should().Be(TransactionState.Cancelled);
    }

    [Test]
    public async Task ThreeDPreAuthorization_CompletesWithTpWmdPay()
    {
        _target.RequireSandbox("clicking through the 3-D page");
        var sale = TestCards.Sale(amount: 90m);

        var start = await _client.StartPreAuthorizationAsync(sale, _target.Context());
        var callback = await _target.AuthenticateAsync(start.ThreeDHtml, approve: true);
        var pay = await _client.CompleteThreeDPaymentAsync(new PaymentCompletionRequest(callback["orderId"], callback["islemGUID"], callback["md"]), _target.Context());
        var capture = await _client.CapturePreAuthorizationAsync(sale.OrderId, 90m, null, _target.Context());

        start.Outcome.Should().Be(SaleStartOutcome.RedirectToBank);
        ParamHash.VerifyThreeDCallback(callback["islemHash"], callback["islemGUID"], callback["md"], callback["mdStatus"], callback["orderId"], _target.Credentials.Guid).Should().BeTrue();
        pay.Approved.Should().BeTrue(pay.Error?.ToString());
        capture.Captured.Should().BeTrue(capture.Error?.ToString());
    }

    [Test]
    public async Task Release_UnknownOrderIsRefused()
    {
        var released = await _client.CancelPreAuthorizationAsync(TestCards.NewOrderId(), null, _target.Context());

        // any server
        released.Succeeded.Should().BeFalse();
        released.Error.Code.Should().BeNegative();
    }
}
