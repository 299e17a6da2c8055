using FluentAssertions;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Components;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit;

/// <summary>
/// The flags nopCommerce reads decide which buttons the admin sees: each must report only what is built.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout), Category(TestCategories.Refund), Category(TestCategories.PreAuth)]
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
        plugin.SupportCapture.Should().BeFalse("in Sale mode orders are charged at once; nothing is authorized to capture");
        plugin.SupportVoid.Should().BeFalse("nopCommerce offers Void only for authorized orders, which Sale mode never creates");
        plugin.RecurringPaymentType.Should().Be(RecurringPaymentType.NotSupported);
        plugin.GetPublicViewComponent().Should().Be(typeof(ParamPosPaymentInfoViewComponent));
    }

    [Test]
    public void AuthorizeOnlyMode_OffersCaptureAndVoid()
    {
        var settings = ParamPosPaymentMethod.CreateDefaultSettings();
        settings.TransactionMode = TransactionMode.AuthorizeOnly;

        var plugin = PluginFactory.Create(settings: settings);

        plugin.SupportCapture.Should().BeTrue("an authorized order is charged with TP_Islem_Odeme_OnProv_Kapa");
        plugin.SupportVoid.Should().BeTrue("an authorized order is released with TP_Islem_Iptal_OnProv");
        plugin.SupportRefund.Should().BeTrue("a captured order is refunded like a sale");
    }

    [Test]
    public async Task CaptureAndVoid_OfAnotherMethodsOrder_ReturnClearErrors()
    {
        var plugin = PluginFactory.Create();
        var order = new Order { PaymentMethodSystemName = "Payments.Manual" };

        var capture = await plugin.CaptureAsync(new CapturePaymentRequest { Order = order });
        var voided = await plugin.VoidAsync(new VoidPaymentRequest { Order = order });

        capture.Success.Should().BeFalse();
        capture.Errors.Should().Equal("This order was not paid with ParamPOS.");
        voided.Success.Should().BeFalse();
        voided.Errors.Should().Equal("This order was not paid with ParamPOS.");
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
