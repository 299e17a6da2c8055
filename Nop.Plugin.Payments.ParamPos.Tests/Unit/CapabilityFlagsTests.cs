using FluentAssertions;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Components;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit;

/// <summary>
/// The flags nopCommerce reads decide which buttons the admin sees: each must report only what is built.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout), Category(TestCategories.Refund)]
public class CapabilityFlagsTests
{
    [Test]
    public void Flags_ReportOnlyWhatIsBuilt()
    {
        var plugin = PluginFactory.Create();

        plugin.PaymentMethodType.Should().Be(PaymentMethodType.Redirection, "the shopper is sent to the bank's 3-D page after the order exists");
        plugin.SkipPaymentInfo.Should().BeFalse("the card form is on the payment info step");
        plugin.SupportRefund.Should().BeTrue("refunds and same-day cancels go through TP_Islem_Iptal_Iade_Kismi2 (RefundTests)");
        plugin.SupportPartiallyRefund.Should().BeTrue();
        plugin.SupportCapture.Should().BeFalse("sales are charged at once; nothing is authorized to capture");
        plugin.SupportVoid.Should().BeFalse("nopCommerce offers Void only for authorized orders, which this plugin never creates");
        plugin.RecurringPaymentType.Should().Be(RecurringPaymentType.NotSupported);
        plugin.GetPublicViewComponent().Should().Be(typeof(ParamPosPaymentInfoViewComponent));
    }

    [Test]
    public async Task CaptureAsync_ReturnsClearError()
    {
        var result = await PluginFactory.Create().CaptureAsync(new CapturePaymentRequest { Order = new Order() });

        result.Success.Should().BeFalse();
        result.Errors.Should().Equal("The ParamPOS plugin charges at once (no pre-authorization), so there is nothing to capture.");
    }

    [Test]
    public async Task VoidAsync_ReturnsClearError()
    {
        var result = await PluginFactory.Create().VoidAsync(new VoidPaymentRequest { Order = new Order() });

        result.Success.Should().BeFalse();
        result.Errors.Should().Equal("ParamPOS payments cannot be voided here; use Refund (a same-day full refund is sent as a cancellation).");
    }

    [Test]
    public async Task RecurringPayments_ReturnClearErrors()
    {
        var plugin = PluginFactory.Create();

        var process = await plugin.ProcessRecurringPaymentAsync(new ProcessPaymentRequest());
        var cancel = await plugin.CancelRecurringPaymentAsync(new CancelRecurringPaymentRequest { Order = new Order() });

        const string expected = "Recurring payments are not supported by the ParamPOS plugin.";
        process.Success.Should().BeFalse();
        process.Errors.Should().Equal(expected);
        cancel.Success.Should().BeFalse();
        cancel.Errors.Should().Equal(expected);
    }

    [Test]
    public void GetConfigurationPageUrl_PointsToTheAdminConfigurePage()
    {
        PluginFactory.Create().GetConfigurationPageUrl().Should().Be("https://shop.example/Admin/PaymentParamPos/Configure");
    }
}
