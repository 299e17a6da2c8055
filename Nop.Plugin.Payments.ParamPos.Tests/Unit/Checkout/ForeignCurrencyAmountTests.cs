using System.Globalization;
using FluentAssertions;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Checkout;

/// <summary>
/// The amount of a foreign-currency payment: the order total times the currency's rate, rounded once by nopCommerce's
/// own price rounding of that currency (what its price formatter shows), and written on the wire the same way in every
/// culture.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Currency)]
public class ForeignCurrencyAmountTests
{
    [TestCase(100, 0.02645, 2.64, "2,64", Description = "a midpoint rounds to even, as nopCommerce's default rounding")]
    [TestCase(100, 0.02655, 2.66, "2,66")]
    [TestCase(1234.56, 0.0287, 35.43, "35,43")]
    [TestCase(101.75, 0.0228, 2.32, "2,32")]
    public async Task AmountOf_IsTheTotalTimesTheRate_RoundedOnceByNopCommerce_AndFormattedInvariantly(decimal orderTotal, decimal rate, decimal expected, string wire)
    {
        var currency = new Currency { CurrencyCode = "EUR", Rate = rate };
        var rounding = new Mock<IPriceCalculationService>();
        rounding.Setup(service => service.RoundPriceAsync(It.IsAny<decimal>(), currency)).ReturnsAsync((decimal value, Currency _) => Math.Round(value, 2));
        var checkout = new ForeignCurrencyCheckout(new CurrencySettings(), Mock.Of<ICurrencyService>(), rounding.Object, Mock.Of<IWorkContext>());

        foreach (var culture in new[] { "tr-TR", "en-US", "de-DE" })
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                var amount = await checkout.AmountOfAsync(new ForeignCurrency("EUR", rate, currency), orderTotal);

                amount.Should().Be(expected, culture);
                ParamAmount.FormatPayment(amount).Should().Be(wire, culture);
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }

        rounding.Verify(service => service.RoundPriceAsync(orderTotal * rate, currency), Times.Exactly(3), "rounded once, by nopCommerce's rounding of the currency");
    }

    [Test]
    public async Task AmountOf_IsWhatNopCommercesRoundingGives_ForACashRoundedCurrency()
    {
        var currency = new Currency { CurrencyCode = "EUR", Rate = 0.02645m };
        var rounding = new Mock<IPriceCalculationService>();
        rounding.Setup(service => service.RoundPriceAsync(2.645m, currency)).ReturnsAsync(2.65m);
        var checkout = new ForeignCurrencyCheckout(new CurrencySettings(), Mock.Of<ICurrencyService>(), rounding.Object, Mock.Of<IWorkContext>());

        (await checkout.AmountOfAsync(new ForeignCurrency("EUR", 0.02645m, currency), 100m)).Should().Be(2.65m);
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
