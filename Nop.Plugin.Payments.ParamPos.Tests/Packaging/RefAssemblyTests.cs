using FluentAssertions;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Packaging;

[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Packaging)]
public class RefAssemblyTests
{
    [TestCase(typeof(Nop.Core.BaseEntity), "Nop.Core")]
    [TestCase(typeof(Nop.Services.Payments.IPaymentMethod), "Nop.Services")]
    [TestCase(typeof(Nop.Web.Framework.Controllers.BasePluginController), "Nop.Web.Framework")]
    public void RefAssembly_HasTheHostsNameAndVersion(Type type, string assemblyName)
    {
        var name = type.Assembly.GetName();

        name.Name.Should().Be(assemblyName);
        name.Version.Should().Be(new Version(4, 90, 0, 0), "a higher version is rejected by a 4.90 host");
        name.GetPublicKeyToken().Should().BeEmpty("nopCommerce's assemblies are not strong-named");
    }

    [Test]
    public void ResultDefaults_MatchTheHost()
    {
        // A refund that forgets NewPaymentStatus moves a paid order back to Pending: the default must be what the host has.
        new Nop.Services.Payments.RefundPaymentResult().NewPaymentStatus.Should().Be(Nop.Core.Domain.Payments.PaymentStatus.Pending);
        new Nop.Services.Payments.ProcessPaymentResult().Success.Should().BeTrue();
    }

    [Test]
    public void CustomValues_RoundTripTheHostsXmlFormat()
    {
        var values = new Nop.Services.Orders.CustomValues
        {
            new("Installments", "3", Nop.Services.Orders.CustomValueDisplayLocation.Payment, displayToCustomer: true),
            new("Hidden", "x", Nop.Services.Orders.CustomValueDisplayLocation.Payment, displayToCustomer: false)
        };

        var xml = values.SerializeToXml();
        var read = new Nop.Services.Orders.CustomValues();
        read.FillByXml(xml);
        var visible = new Nop.Services.Orders.CustomValues();
        visible.FillByXml(xml, displayToCustomerOnly: true);

        xml.Should().StartWith("<DictionarySerializer><item><key>Installments</key><value>3</value><displayToCustomer>true</displayToCustomer><location>2</location><createdOn>0</createdOn></item>");
        read.Select(value => (value.Name, value.Value, value.DisplayToCustomer)).Should().Equal(("Installments", "3", true), ("Hidden", "x", false));
        visible.Select(value => value.Name).Should().Equal("Installments");
        read["Installments"].Should().Be("3");
    }
}
