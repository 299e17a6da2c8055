using System.Globalization;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Checkout;

/// <summary>
/// The amount of a foreign-currency payment: the order total times the order's currency rate, rounded once to the cent
/// as nopCommerce rounds what it shows (to even), and written on the wire the same way in every culture.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Currency)]
public class ForeignCurrencyAmountTests
{
    [TestCase(100, 0.02645, 2.64, "2,64", Description = "a midpoint rounds to even, as nopCommerce shows it")]
    [TestCase(100, 0.02655, 2.66, "2,66")]
    [TestCase(1234.56, 0.0287, 35.43, "35,43")]
    [TestCase(101.75, 0.0228, 2.32, "2,32")]
    [TestCase(0.01, 0.0287, 0, "0,00")]
    public void AmountOf_IsRoundedOnce_AndFormattedInvariantly(decimal orderTotal, decimal rate, decimal expected, string wire)
    {
        foreach (var culture in new[] { "tr-TR", "en-US", "de-DE" })
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                var amount = ForeignCurrencyCheckout.AmountOf(orderTotal, rate);

                amount.Should().Be(expected, culture);
                ParamAmount.FormatPayment(amount).Should().Be(wire, culture);
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }
    }

    [Test]
    public void Accepted_ReadsTheSetting_KeepingOnlyWhatParamTakes()
    {
        ForeignCurrencyCheckout.Accepted(new ParamPosSettings { ForeignCurrencies = " usd;EUR, try,JPY ,EUR" }).Should().Equal("USD", "EUR");
        ForeignCurrencyCheckout.Accepted(new ParamPosSettings { ForeignCurrencies = null }).Should().BeEmpty();
    }

    [TestCase("TL", "TRY")]
    [TestCase("TRL", "TRY")]
    [TestCase("usd", "USD")]
    [TestCase("EUR", "EUR")]
    [TestCase("GBP", "GBP")]
    [TestCase("JPY", null)]
    public void ReturnedCurrency_IsRead_AsParamSpellsIt(string pb, string expected)
    {
        ParamCurrency.FromPb(pb).Should().Be(expected);
    }

    [Test]
    public void DovizKodu_IsParamsNumbering()
    {
        new[] { "TRY", "USD", "EUR", "GBP" }.Select(ParamCurrency.DovizKodu).Should().Equal(1000, 1001, 1002, 1003);
        ParamCurrency.DovizKodu("CHF").Should().BeNull();
    }
}
