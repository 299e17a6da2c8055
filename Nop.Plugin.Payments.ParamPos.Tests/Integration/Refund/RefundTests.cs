using System.Globalization;
using System.Net.Http.Json;
using FluentAssertions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Refund;

/// <summary>
/// Refund and cancel from nopCommerce's order page, against the sandbox over HTTP.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Refund)]
public class RefundTests
{
    private CheckoutHarness _harness;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private Task<SandboxTransaction> AtParamAsync(string orderId) => _harness.Sandbox.TransactionAsync(orderId);

    private Task<IReadOnlyDictionary<string, int>> CountsAsync() => _harness.Sandbox.CallCountsAsync();

    private async Task NextDayAsync()
    {
        await _harness.Sandbox.CloseDayAsync();
        _harness.Clock.Advance(TimeSpan.FromDays(1));
    }

    [Test]
    public async Task FullRefund_OnTheSaleDay_IsACancel()
    {
        var order = await _harness.PaidOrderAsync(installments: 3);

        var result = await _harness.RefundAsync(order.Id, order.OrderTotal, partial: false);

        result.Success.Should().BeTrue(string.Join(" ", result.Errors));
        result.NewPaymentStatus.Should().Be(PaymentStatus.Refunded);
        (await AtParamAsync(order.AuthorizationTransactionId)).Status.Should().Be("Cancelled");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("104.10 TRY cancelled (IPTAL)") && note.Note.Contains("Left to refund: 0.00 TRY"));
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Refunded);
    }

    [Test]
    public async Task FullRefund_NextDay_IsARefund()
    {
        var order = await _harness.PaidOrderAsync();
        await NextDayAsync();

        var result = await _harness.RefundAsync(order.Id, order.OrderTotal, partial: false);

        result.Success.Should().BeTrue(string.Join(" ", result.Errors));
        result.NewPaymentStatus.Should().Be(PaymentStatus.Refunded);
        var atParam = await AtParamAsync(order.AuthorizationTransactionId);
        atParam.Status.Should().Be("Refunded");
        atParam.Refunded.Should().Be(101.75m, "the commission the customer paid is refunded too");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("101.75 TRY refunded (IADE)"));
    }

    [Test]
    public async Task TwoPartialRefunds_AddUp_AndCannotExceedTheCharge()
    {
        var order = await _harness.PaidOrderAsync(installments: 3);
        await NextDayAsync();

        var first = await _harness.RefundAsync(order.Id, 30m, partial: true);
        var second = await _harness.RefundAsync(order.Id, 50.5m, partial: true);
        var before = await CountsAsync();
        var tooMuch = await _harness.RefundAsync(order.Id, 23.61m, partial: true);
        var afterRefusal = await CountsAsync();
        var rest = await _harness.RefundAsync(order.Id, 23.60m, partial: true);

        first.NewPaymentStatus.Should().Be(PaymentStatus.PartiallyRefunded);
        second.NewPaymentStatus.Should().Be(PaymentStatus.PartiallyRefunded);
        tooMuch.Success.Should().BeFalse();
        tooMuch.Errors.Should().ContainSingle().Which.Should().Contain("larger than what is left to refund");
        afterRefusal.GetValueOrDefault("TP_Islem_Iptal_Iade_Kismi2").Should().Be(before.GetValueOrDefault("TP_Islem_Iptal_Iade_Kismi2"), "refused before anything is sent");
        rest.NewPaymentStatus.Should().Be(PaymentStatus.Refunded);
        var stored = _harness.Orders.Get(order.Id);
        stored.RefundedAmount.Should().Be(104.10m);
        stored.PaymentStatus.Should().Be(PaymentStatus.Refunded);
        (await AtParamAsync(order.AuthorizationTransactionId)).Refunded.Should().Be(104.10m);
    }

    [Test]
    public async Task PartialRefund_OnTheSaleDay_IsARefund()
    {
        var order = await _harness.PaidOrderAsync();

        var result = await _harness.RefundAsync(order.Id, 10m, partial: true);

        result.Success.Should().BeTrue(string.Join(" ", result.Errors));
        result.NewPaymentStatus.Should().Be(PaymentStatus.PartiallyRefunded);
        var atParam = await AtParamAsync(order.AuthorizationTransactionId);
        atParam.Refunded.Should().Be(10m, "a partial amount is never a cancel: an IADE, accepted on the sale's day too (OPEN-QUESTIONS A43)");
        atParam.Status.Should().Be("PartiallyRefunded");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("10.00 TRY refunded (IADE)") && note.Note.Contains("Left to refund: 91.75 TRY"));
    }

    [Test]
    public async Task RefusedCancel_AfterParamsDayEnd_FallsBackToARefundOnce()
    {
        var order = await _harness.PaidOrderAsync();
        await _harness.Sandbox.CloseDayAsync();
        var before = await CountsAsync();

        var result = await _harness.RefundAsync(order.Id, order.OrderTotal, partial: false);

        result.Success.Should().BeTrue(string.Join(" ", result.Errors));
        (await CountsAsync())["TP_Islem_Iptal_Iade_Kismi2"].Should().Be(before.GetValueOrDefault("TP_Islem_Iptal_Iade_Kismi2") + 2, "IPTAL, then IADE once");
        (await AtParamAsync(order.AuthorizationTransactionId)).Status.Should().Be("Refunded");
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("refunded (IADE)") && note.Note.Contains("after IPTAL was refused"));
    }

    [Test]
    public async Task ParamError_IsShownAndTheOrderIsUnchanged()
    {
        var order = await _harness.PaidOrderAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = FaultMode.NegativeSonuc, Sonuc = -101, SonucText = "IP adresi tanımlı değil." });

        var result = await _harness.RefundAsync(order.Id, order.OrderTotal, partial: false);

        result.Success.Should().BeFalse();
        result.NewPaymentStatus.Should().Be(PaymentStatus.Paid, "a failed refund never moves the order");
        result.Errors.Should().ContainSingle().Which.Should().Contain("IP address is not registered").And.Contain("Param -101: IP adresi tanımlı değil.");
        var stored = _harness.Orders.Get(order.Id);
        stored.PaymentStatus.Should().Be(PaymentStatus.Paid);
        stored.RefundedAmount.Should().Be(0m);
        (await AtParamAsync(order.AuthorizationTransactionId)).Status.Should().Be("Paid");
    }

    [Test]
    public async Task LostAnswer_WhenTheRefundHappened_IsConfirmedByAQuery()
    {
        _harness.PluginSettings.RequestTimeoutSeconds = 1;
        _harness.Settings.Put(_harness.PluginSettings);
        var order = await _harness.PaidOrderAsync();
        await NextDayAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = FaultMode.Timeout, DelayMilliseconds = 2500 });

        var result = await _harness.RefundAsync(order.Id, 40m, partial: true);

        result.Success.Should().BeTrue(string.Join(" ", result.Errors));
        result.NewPaymentStatus.Should().Be(PaymentStatus.PartiallyRefunded);
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("confirmed by TP_Islem_Sorgulama4"));
    }

    [Test]
    public async Task LostAnswer_WhenNothingHappened_IsAnErrorAndNotRetried()
    {
        var order = await _harness.PaidOrderAsync();
        await NextDayAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = FaultMode.HtmlPage });
        var before = await CountsAsync();

        var result = await _harness.RefundAsync(order.Id, 40m, partial: true);

        result.Success.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("could not be confirmed");
        (await CountsAsync())["TP_Islem_Iptal_Iade_Kismi2"].Should().Be(before.GetValueOrDefault("TP_Islem_Iptal_Iade_Kismi2") + 1, "a refund is never sent twice");
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("Check the transaction in Param's merchant panel"));
    }

    [Test]
    public async Task LostAnswer_SettledByReconciliation_OnATurkishServer_NotesAmountsAsParamAndTheOrderDo()
    {
        var order = await _harness.PaidOrderAsync();
        await NextDayAsync();
        await _harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Iptal_Iade_Kismi2", Mode = FaultMode.HtmlPage });
        await _harness.RefundAsync(order.Id, 40.5m, partial: true);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var culture = CultureInfo.CurrentCulture;
        ReconciliationSummary summary;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            summary = await _harness.ReconcileAsync();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        summary.RefundsNotMade.Should().Be(1, summary.ToString());
        _harness.Orders.Notes(order.Id).Should().Contain(note => note.Note.Contains("IADE of 40.50 TRY did not happen"))
            .And.NotContain(note => note.Note.Contains("40,50"), "a server's culture never formats an amount in a note");
    }

    [Test]
    public async Task UnreachableParam_IsAnErrorWithNothingChanged()
    {
        var order = await _harness.PaidOrderAsync();
        _harness.PluginSettings.CustomServiceUrl = "http://127.0.0.1:9/turkpos.ws/service_turkpos_prod.asmx";
        _harness.Settings.Put(_harness.PluginSettings);

        var result = await _harness.RefundAsync(order.Id, order.OrderTotal, partial: false);

        result.Success.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("could not be reached; nothing was refunded");
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid);
    }

    [Test]
    public async Task UnpaidOrder_IsNotRefunded()
    {
        var order = await _harness.CheckoutToBankAsync();

        var result = await _harness.RefundAsync(order.Id, order.OrderTotal, partial: false);

        result.Errors.Should().ContainSingle().Which.Should().Contain("Only a paid order");
    }
}
